"""The one table of formats we read, and ``parse_bytes``: bytes in, a document or an ``InputError`` out."""

from __future__ import annotations

from crosscheck.errors import CorruptFile, CrosscheckError, EmptyFile, NoTextFound, OversizedFile
from crosscheck.settings import Settings
from crosscheck.records.pages import ParsedDocument
from ingest.parsers import ParseContext, Parser
from ingest.parsers.docx import DocxParser
from ingest.parsers.html import HtmlParser
from ingest.parsers.image import ImageParser
from ingest.parsers.pdf import PdfParser
from ingest.parsers.text import TextParser
from ingest.sniff import DOCX, HTML, JPEG, LABELS, MARKDOWN, PDF, PLAIN, PNG, TIFF, extension_mismatch, sniff

_image = ImageParser()
_text = TextParser()

PARSERS: dict[str, Parser] = {
    PDF: PdfParser(),
    PNG: _image,
    JPEG: _image,
    TIFF: _image,
    DOCX: DocxParser(),
    HTML: HtmlParser(),
    PLAIN: _text,
    MARKDOWN: _text,
}


def parse_bytes(data: bytes, file_name: str, settings: Settings) -> ParsedDocument:
    """Parse one file. Raises only ``CrosscheckError`` subclasses (mostly ``InputError``)."""
    if not data:
        raise EmptyFile("The file is empty (0 bytes)")
    if len(data) > settings.max_file_bytes:
        size, limit = _human_size(len(data)), _human_size(settings.max_file_bytes)
        if size == limit:  # just over the limit: rounded sizes would read "1.0 MB, over 1.0 MB"
            size, limit = f"{len(data):,} bytes", f"{settings.max_file_bytes:,} bytes"
        raise OversizedFile(
            f"The file is {size}, over the limit of {limit}; split it, or raise CROSSCHECK_MAX_FILE_BYTES"
        )
    media_type = sniff(data, file_name)
    parser = PARSERS[media_type]
    ctx = ParseContext(settings=settings, file_name=file_name, media_type=media_type)
    try:
        doc = parser.parse(data, ctx)
    except CrosscheckError:
        raise
    except MemoryError as exc:
        raise OversizedFile(f"{_label(media_type)} needs more memory to read than this machine has") from exc
    except Exception as exc:
        # Libraries signal damaged input with anything from KeyError to struct.error; the user
        # needs "damaged", the log keeps the chained exception for us.
        detail = f"{type(exc).__name__}: {exc}"[:200]
        raise CorruptFile(f"{_label(media_type)} could not be read; it looks damaged or incomplete ({detail})") from exc

    doc.media_type = media_type
    mismatch = extension_mismatch(file_name, media_type)
    if mismatch:
        doc.warnings.append(mismatch)
    if all(not page.text.strip() for page in doc.pages):
        raise NoTextFound(_no_text_message(doc))
    return doc


def _human_size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} KB"


def _label(media_type: str) -> str:
    label = LABELS.get(media_type, "The file")
    # "a PDF" -> "The PDF"
    return "The " + label.split(" ", 1)[1] if label.startswith(("a ", "an ")) else label


def _no_text_message(doc: ParsedDocument) -> str:
    if doc.ocr_pages:
        message = "No readable text was found, even with OCR: the scan may be blank, too faint or too low-resolution"
    else:
        message = "The file contains no text"
    # A per-page failure (OCR timeout, render error) is usually the real story; say so.
    page_warnings = [w for page in doc.pages for w in page.warnings]
    if page_warnings:
        message += f" ({page_warnings[0]})"
    return message
