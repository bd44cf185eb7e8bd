"""Orchestration on top of the layers: the drop-folder batch, the per-file worker, quarantine and the one
fault policy. It imports ingest, nlp and graph; nothing below imports it."""
