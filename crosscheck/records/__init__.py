"""The typed records that cross every layer boundary: pages and boxes (ingest's output), mentions and list
rows (NLP's), claims and events, what one file became, and the deterministic ids of all of them.

This package is the bottom layer with settings and errors: it imports nothing above it.
"""
