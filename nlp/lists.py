"""Lists and tables of people to records: one ``ListRecord`` per person row, with provenance.

Placeholder until the list work lands: finds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from ingest.model import Page
from nlp.model import ListInfo, ListRecord


def extract_list(pages: Sequence[Page], languages: Sequence[str]) -> tuple[ListInfo | None, list[ListRecord]]:
    """The document's list title (with its action and date) and every person row on its pages."""
    return None, []
