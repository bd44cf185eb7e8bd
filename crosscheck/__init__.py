"""crosscheck: drop-folder ingestion into an evidence graph for investigators."""

__version__ = "0.1.0"
