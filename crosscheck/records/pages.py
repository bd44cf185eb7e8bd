"""What a parser returns: a document as a list of page texts, with provenance per page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class WordBox:
    """One word: its characters ``[start, end)`` in the page text and its box on the page.

    Box coordinates are in the page's ``bbox_unit``: pixels of the scan (OCR; ``dpi`` says at which
    resolution a PDF page was rendered, so points = px * 72 / dpi) or PDF points (text layers).
    """

    start: int
    end: int
    left: float
    top: float
    width: float
    height: float
    conf: float  # tesseract confidence 0..100; -1 for text-layer words


Box = tuple[float, float, float, float]  # left, top, width, height in the page's ``bbox_unit``


@dataclass
class Cell:
    """One table cell as read: its text, where that text is in ``Page.text`` and where it is on the page."""

    text: str
    start: int | None  # [start, end) in Page.text; None when the text could not be located there
    end: int | None
    bbox: Box | None
    conf: float | None = None  # mean OCR word confidence 0..100 (OCR pages only)


@dataclass
class Table:
    """A grid found on a page: rows top to bottom, header rows included, cells left to right.

    Rows may have different lengths when a cell is missing; ``columns`` gives, per cell index,
    the column it was assigned to when the grid is known (ruled or aligned), else ``None``.
    """

    rows: list[list[Cell]]
    method: str  # "ruled" (OCR, ruling lines), "aligned" (OCR, word-box columns), "pdfplumber" (text layer)
    bbox: Box | None = None
    columns: list[list[int]] | None = None


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
    tables: list[Table] = field(default_factory=list)
    # Unit of every box on this page: "px" (pixels of the page image at ``dpi``, OCR) or "pt" (PDF points).
    bbox_unit: str | None = None
    # What was done before OCR: {"rotation": 0|90|180|270, "skew": degrees, "lines_removed": n,
    # "languages": the tesseract languages the page was read with}
    preprocess: dict[str, float | str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)  # seconds: render, preprocess, tesseract, layout


def union_box(boxes: Iterable[Box | None]) -> Box | None:
    """The smallest box holding every given box (None ones skipped); None if there are none."""
    real = [b for b in boxes if b is not None]
    if not real:
        return None
    left = min(b[0] for b in real)
    top = min(b[1] for b in real)
    right = max(b[0] + b[2] for b in real)
    bottom = max(b[1] + b[3] for b in real)
    return (left, top, right - left, bottom - top)


def words_under(page: Page, start: int, end: int) -> list[WordBox]:
    """The page's words whose characters overlap ``[start, end)`` of its text."""
    return [w for w in page.words if w.start < end and w.end > start]


def box_under(page: Page, start: int, end: int) -> Box | None:
    """Where ``[start, end)`` of the page text is on the page: the union of its words' boxes."""
    return union_box((w.left, w.top, w.width, w.height) for w in words_under(page, start, end))


@dataclass
class ParsedDocument:
    media_type: str
    pages: list[Page]
    title: str | None = None
    source_url: str | None = None
    published: str | None = None  # publication date the file declares (HTML article:published_time ...), ISO 8601
    # The file's own creation date (PDF CreationDate/XMP, DOCX core properties, EXIF), ISO 8601: when the file
    # was made, which is not always when its text was written.
    file_date: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def ocr_pages(self) -> int:
        return sum(1 for p in self.pages if p.method == "ocr")
