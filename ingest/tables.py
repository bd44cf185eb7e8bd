"""Tables on born-digital PDF pages (pdfplumber), with every cell located in the page text.

Placeholder until the table work lands: finds nothing.
"""

from __future__ import annotations

from typing import Any

from ingest.model import Table


def pdf_page_tables(page: Any, text: str) -> list[Table]:
    """Tables on a pdfplumber ``page`` whose ``extract_text()`` gave ``text``; boxes in PDF points."""
    return []
