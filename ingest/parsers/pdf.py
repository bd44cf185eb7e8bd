"""PDF: the text layer where there is one, OCR of the rendered page where there is not."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdfpage import PDFPage
from pdfplumber.utils.exceptions import PdfminerException

from crosscheck.errors import CorruptFile, EncryptedFile, OversizedFile
from crosscheck.settings import Settings
from ingest.model import Page, ParsedDocument
from ingest.ocr import ocr_image
from ingest.parsers import ParseContext
from ingest.sniff import PDF

# pdfminer prints "(cid:123)" for glyphs whose font has no Unicode mapping: that is not text.
_CID = re.compile(r"\(cid:\d+\)")
_PDF_DATE = re.compile(
    r"D:(?P<Y>\d{4})(?P<m>\d{2})?(?P<d>\d{2})?(?P<H>\d{2})?(?P<M>\d{2})?(?P<S>\d{2})?"
    r"(?P<tz>Z|[+-]\d{2}'?(?:\d{2}'?)?)?"
)


class PdfParser:
    name = "pdf"
    media_types = (PDF,)

    def parse(self, data: bytes, ctx: ParseContext) -> ParsedDocument:
        settings = ctx.settings
        pdf = _open(data)
        with pdf:
            count = _count_pages(pdf, settings.max_pages + 1)
            if count > settings.max_pages:
                raise OversizedFile(f"The PDF has more than {settings.max_pages} pages; split it into smaller files")
            renderer = _Renderer(data)
            try:
                pages = [self._page(page, renderer, settings) for page in pdf.pages]
            finally:
                renderer.close()
            return ParsedDocument(
                media_type=PDF,
                pages=pages,
                title=_text_meta(pdf.metadata.get("Title")),
                published=pdf_date_to_iso(pdf.metadata.get("CreationDate")),
            )

    def _page(self, page: Any, renderer: _Renderer, settings: Settings) -> Page:
        number = page.page_number
        warnings: list[str] = []
        try:
            text = page.extract_text() or ""
        except Exception as exc:  # a bad page must not fail the document
            text = ""
            warnings.append(f"The text layer of page {number} could not be read ({type(exc).__name__})")
        finally:
            page.close()  # frees the parsed layout; big PDFs would otherwise hold every page

        readable = _CID.sub("", text)
        if _visible_chars(readable) >= settings.min_text_layer_chars:
            if readable != text:
                warnings.append(f"Some characters on page {number} use a font without a text mapping")
            return Page(number=number, text=readable, method="text-layer", warnings=warnings)

        ocr = renderer.ocr(number, settings)
        ocr.number = number
        ocr.warnings[:0] = warnings
        if not ocr.text.strip() and readable.strip():
            # OCR failed but the text layer had a little: a few words beat none.
            return Page(number=number, text=readable, method="text-layer", warnings=ocr.warnings)
        return ocr


class _Renderer:
    """Opens the PDF in pdfium only if some page needs OCR (most text PDFs never do)."""

    def __init__(self, data: bytes):
        self._data = data
        self._doc: pdfium.PdfDocument | None = None

    def ocr(self, number: int, settings: Settings) -> Page:
        try:
            if self._doc is None:
                self._doc = pdfium.PdfDocument(self._data)
            page = self._doc[number - 1]
            try:
                dpi = _safe_dpi(page.get_size(), settings)
                image = page.render(scale=dpi / 72).to_pil()
            finally:
                page.close()
        except Exception as exc:  # render failure costs this page only
            return Page(
                number=number,
                text="",
                method="ocr",
                warnings=[f"Page {number} could not be rendered for OCR ({type(exc).__name__}: {exc})"],
            )
        result = ocr_image(image, settings, dpi=dpi)
        if dpi < settings.ocr_dpi:
            result.warnings.append(
                f"Page {number} is very large; it was read at {dpi} dpi instead of {settings.ocr_dpi}"
            )
        return result

    def close(self) -> None:
        if self._doc is not None:
            self._doc.close()


def _open(data: bytes) -> Any:
    try:
        return pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFEncryptionError):
            raise EncryptedFile("The PDF is password-protected; remove the password and drop it again") from exc
        detail = str(cause) or type(cause).__name__
        raise CorruptFile(f"The PDF could not be opened; it looks damaged or incomplete ({detail})") from exc
    except PDFEncryptionError as exc:
        raise EncryptedFile("The PDF is password-protected; remove the password and drop it again") from exc


def _count_pages(pdf: Any, stop: int) -> int:
    # Walk the page tree lazily, so a 100 000-page PDF is refused without building every page.
    count = 0
    try:
        for _ in PDFPage.create_pages(pdf.doc):
            count += 1
            if count >= stop:
                break
    except Exception as exc:  # pdfminer raises many types on a broken page tree
        raise CorruptFile(f"The PDF's page list is damaged ({type(exc).__name__})") from exc
    return count


def _safe_dpi(size_pt: tuple[float, float], settings: Settings) -> int:
    """``settings.ocr_dpi``, lowered if needed so the rendered page stays under the pixel limit."""
    width_in, height_in = size_pt[0] / 72, size_pt[1] / 72
    dpi = settings.ocr_dpi
    area = max(width_in * height_in, 1e-6)
    if area * dpi * dpi > settings.max_image_pixels:
        dpi = max(1, int((settings.max_image_pixels / area) ** 0.5))
    return dpi


def _visible_chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _text_meta(value: object) -> str | None:
    # pdfplumber decodes PDF strings; undecodable ones stay bytes and are not worth guessing at.
    if isinstance(value, str):
        value = value.strip().strip("\x00")
        return value or None
    return None


def pdf_date_to_iso(value: object) -> str | None:
    """``D:20240305102000+02'00'`` → ``2024-03-05T10:20:00+02:00``; ``None`` if absent or malformed."""
    if not isinstance(value, str):
        return None
    match = _PDF_DATE.match(value.strip())
    if not match:
        return None
    g = match.groupdict()
    try:
        moment = datetime(
            int(g["Y"]),
            int(g["m"] or 1),
            int(g["d"] or 1),
            int(g["H"] or 0),
            int(g["M"] or 0),
            int(g["S"] or 0),
            tzinfo=_tz(g["tz"]),
        )
    except ValueError:
        return None
    if g["H"] is None:
        return moment.date().isoformat()
    return moment.isoformat()


def _tz(raw: str | None) -> timezone | None:
    if not raw:
        return None
    if raw == "Z":
        return UTC
    digits = raw[1:].replace("'", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    offset = timedelta(hours=hours, minutes=minutes)
    return timezone(-offset if raw[0] == "-" else offset)
