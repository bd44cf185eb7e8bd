"""What a parser returns: a document as a list of page texts, with provenance per page."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class WordBox:
    """One OCR word: its characters ``[start, end)`` in the page text and its box on the page image.

    Box coordinates are pixels of the image tesseract read (``dpi`` on the page says at which
    resolution a PDF page was rendered, so points = px * 72 / dpi).
    """

    start: int
    end: int
    left: int
    top: int
    width: int
    height: int
    conf: float


@dataclass
class Page:
    number: int  # 1-based
    text: str
    method: str  # "text-layer" | "ocr" | "html" | "docx" | "plain" | "empty"
    ocr_confidence: float | None = None  # mean word confidence 0..100 for OCR'd pages
    low_confidence_words: int | None = None
    dpi: int | None = None
    words: list[WordBox] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class ParsedDocument:
    media_type: str
    pages: list[Page]
    title: str | None = None
    source_url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime string
    warnings: list[str] = field(default_factory=list)

    @property
    def ocr_pages(self) -> int:
        return sum(1 for p in self.pages if p.method == "ocr")
