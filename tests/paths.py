"""Where the repository's files are, for a test module wherever it sits in the tree (tests/unit and
tests/integration mirror the packages, so a path counted up from ``__file__`` breaks when a test moves)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLD_DIR = REPO / "tests" / "gold"  # the NER gold sentences (tests/gold/README.md)
# External gold corpora (SlavicNER, NER-UK dev sets; licences in its README): beside the repository, never in it.
NER_DEV_DIR = REPO.parent / "shared" / "data" / "ner-dev"
