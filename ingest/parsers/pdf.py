"""PDF: the text layer where there is one, OCR of the rendered page where there is not."""

from __future__ import annotations

import io
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfplumber.utils.exceptions import PdfminerException
from PIL import Image

from crosscheck.errors import CorruptFile, CrosscheckError, EncryptedFile, OversizedFile
from crosscheck.records.pages import Page, ParsedDocument, Table, WordBox
from crosscheck.settings import Settings
from ingest.formats import Format
from ingest.ocr import map_ordered, ocr_image
from ingest.parsers import ParseContext
from ingest.tables import pdf_page_tables, pdf_page_words

# Some generators put junk (an HTTP header, a BOM) before the signature; readers accept it
# within the first KB, and so do we.
PDF = Format("application/pdf", "a PDF", (".pdf",), magic=(b"%PDF-",), magic_within=1024)

# pdfminer prints "(cid:123)" for glyphs whose font has no Unicode mapping: that is not text.
_CID = re.compile(r"\(cid:\d+\)")
_PDF_DATE = re.compile(
    r"D:(?P<Y>\d{4})(?P<m>\d{2})?(?P<d>\d{2})?(?P<H>\d{2})?(?P<M>\d{2})?(?P<S>\d{2})?"
    r"(?P<tz>Z|[+-]\d{2}'?(?:\d{2}'?)?)?"
)


# XMP: <xmp:CreateDate>2024-03-05T10:20:00+02:00</xmp:CreateDate> or xmp:CreateDate="..." on rdf:Description.
_XMP_CREATE_DATE = re.compile(r"xmp:CreateDate\s*(?:>\s*([^<\s]+)\s*<|=\s*[\"']([^\"']+)[\"'])")
_XMP_MAX_BYTES = 1 << 20  # an XMP packet is a few KB; search at most 1 MB of a stream for one date


class PdfParser:
    name = "pdf"
    formats = (PDF,)

    def parse(self, data: bytes, ctx: ParseContext) -> ParsedDocument:
        settings = ctx.settings
        pdf = _open(data)
        with pdf:
            count = _count_pages(pdf, settings.max_pages + 1)
            if count > settings.max_pages:
                raise OversizedFile(f"The PDF has more than {settings.max_pages} pages; split it into smaller files")
            renderer = _Renderer(data)
            try:
                # Text layers, tables and rendering run here, one page at a time (pdfplumber and
                # pdfium are not thread-safe); OCR of the rendered pages runs on ocr_threads.
                jobs = (self._page(page, renderer, settings) for page in pdf.pages)
                pages = list(map_ordered(jobs, settings.ocr_threads))
            finally:
                renderer.close()
            return ParsedDocument(
                media_type=PDF.media_type,
                pages=pages,
                title=_text_meta(pdf.metadata.get("Title")),
                # When the PDF was made, not when its text was written: a file date, never "published".
                file_date=pdf_date_to_iso(pdf.metadata.get("CreationDate")) or _xmp_create_date(pdf),
            )

    def _page(self, page: Any, renderer: _Renderer, settings: Settings) -> Callable[[], Page]:
        """Read ``page``'s text layer now; returns a job giving the finished page (OCR if needed)."""
        number = page.page_number
        warnings: list[str] = []
        tables: list[Table] = []
        words: list[WordBox] = []
        try:
            text = page.extract_text() or ""
        except Exception as exc:  # a bad page must not fail the document
            text = ""
            warnings.append(f"The text layer of page {number} could not be read ({type(exc).__name__})")
        problem = text_layer_problem(text)
        readable = _CID.sub("", text)
        usable = problem is None and _visible_chars(readable) >= settings.min_text_layer_chars
        try:
            if usable:
                tables = pdf_page_tables(page, readable)
                words = pdf_page_words(page, readable)
        except Exception as exc:  # a table we cannot rebuild leaves the page's text intact
            warnings.append(f"Tables on page {number} could not be read ({type(exc).__name__}: {exc})")
        finally:
            page.close()  # frees the parsed layout; big PDFs would otherwise hold every page

        if usable:
            if readable != text:
                warnings.append(f"Some characters on page {number} use a font without a text mapping")
            done = Page(
                number=number,
                text=readable,
                method="text-layer",
                warnings=warnings,
                tables=tables,
                words=words,
                bbox_unit="pt",
            )
            return lambda: done
        if problem is not None:
            warnings.append(f"The text layer of page {number} is not readable text ({problem}); the page was OCR'd")

        rendered = renderer.render(number, settings)

        def job() -> Page:
            ocr = _ocr_rendered(rendered, number, settings)
            ocr.warnings[:0] = warnings
            if not ocr.text.strip() and readable.strip() and problem is None:
                # OCR failed but the text layer had a little real text: a few words beat none.
                return Page(number=number, text=readable, method="text-layer", warnings=ocr.warnings, bbox_unit="pt")
            return ocr

        return job


def _ocr_rendered(rendered: _Rendered | Page, number: int, settings: Settings) -> Page:
    if isinstance(rendered, Page):
        return rendered  # the render failed; its page carries the warning
    try:
        result = ocr_image(rendered.image, settings, dpi=rendered.dpi)
    except CrosscheckError:
        raise  # missing tesseract or language data: a set-up problem, not this page's
    except Exception as exc:  # one page's OCR must not fail the document
        return Page(
            number=number,
            text="",
            method="ocr",
            dpi=rendered.dpi,
            warnings=[f"OCR of page {number} failed ({type(exc).__name__}: {exc}); its text is missing"],
        )
    result.number = number
    result.timings = {"render": round(rendered.seconds, 4), **result.timings}
    if rendered.dpi < settings.ocr_dpi:
        result.warnings.append(
            f"Page {number} is very large; it was read at {rendered.dpi} dpi instead of {settings.ocr_dpi}"
        )
    return result


@dataclass
class _Rendered:
    image: Image.Image
    dpi: int
    seconds: float


class _Renderer:
    """Opens the PDF in pdfium only if some page needs OCR (most text PDFs never do)."""

    def __init__(self, data: bytes):
        self._data = data
        self._doc: pdfium.PdfDocument | None = None

    def render(self, number: int, settings: Settings) -> _Rendered | Page:
        """Page ``number`` as a greyscale image, or a page with a warning if it cannot be rendered."""
        t0 = time.perf_counter()
        try:
            if self._doc is None:
                self._doc = pdfium.PdfDocument(self._data)
            page = self._doc[number - 1]
            try:
                dpi = _safe_dpi(page.get_size(), settings)
                # Greyscale straight from pdfium: a third of the memory, and OCR reads grey anyway.
                image = page.render(scale=dpi / 72, grayscale=True).to_pil()
            finally:
                page.close()
        except Exception as exc:  # render failure costs this page only
            return Page(
                number=number,
                text="",
                method="ocr",
                warnings=[f"Page {number} could not be rendered for OCR ({type(exc).__name__}: {exc})"],
            )
        return _Rendered(image, dpi, time.perf_counter() - t0)

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


_VOWELS = frozenset("aeiouyAEIOUYаеиіїоуюяєыэёАЕИІЇОУЮЯЄЫЭЁ")


def text_layer_problem(text: str) -> str | None:
    """Why a PDF text layer is not real text, or None if it reads as text.

    Broken font encodings give a text layer that looks full but is not: Cyrillic in a CP1251 font
    without a ToUnicode map comes out as Latin-1 ("Ñïèñîê îñ³á"), symbol fonts as private-use or
    control characters, damaged maps as U+FFFD or consonant soup. Such a page must be OCR'd, or
    names on it are lost silently. Thresholds are shares, so a stray symbol on a real page passes.
    """
    cids = len(_CID.findall(text))
    text = _CID.sub("", text)
    chars = [ch for ch in text if not ch.isspace()]
    total = len(chars)
    if cids and cids >= 0.3 * (cids + total):
        return "most glyphs have no character mapping"
    if total < 10:
        return None  # too little to judge; the minimum-length rule decides
    replacement = sum(1 for ch in chars if ch == "\ufffd")
    if replacement >= 3 and replacement > 0.02 * total:
        return "undecodable characters"
    private = sum(1 for ch in chars if unicodedata.category(ch) == "Co")
    if private > 0.05 * total:
        return "characters from a font's private area"
    control = sum(1 for ch in chars if unicodedata.category(ch) in ("Cc", "Cs", "Cn"))
    if control > 0.02 * total:
        return "control characters"
    letters = [ch for ch in chars if ch.isalpha()]
    alnum = len(letters) + sum(1 for ch in chars if ch.isdigit())
    if alnum < 0.5 * total:
        return "mostly symbols, few letters or digits"
    # Latin-1 letters and signs (U+0080-U+00FF) are a few accents in real text, but most of the
    # letters when CP1251 or UTF-8 bytes were read as Latin-1 or CP1252.
    latin1 = sum(1 for ch in chars if "\x80" <= ch <= "\xff")
    if latin1 > 0.25 * max(1, len(letters)):
        return "garbled characters from a broken font encoding"
    # Latin and Cyrillic prose is ~40% vowels (names included); a font whose codes are shifted
    # turns most vowels into consonants. Only judged on those scripts: others have other vowels.
    judged = [ch for ch in letters if ch < "\u0530"]
    if len(judged) >= 40 and sum(1 for ch in judged if ch in _VOWELS) < 0.25 * len(judged):
        return "too few vowels, as from a shifted font encoding"
    return None


def _visible_chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _text_meta(value: object) -> str | None:
    # pdfplumber decodes PDF strings; undecodable ones stay bytes and are not worth guessing at.
    if isinstance(value, str):
        value = value.strip().strip("\x00")
        return value or None
    return None


def _xmp_create_date(pdf: Any) -> str | None:
    """``xmp:CreateDate`` of the PDF's XMP metadata stream (ISO 8601 already), or None; never raises."""
    try:
        ref = pdf.doc.catalog.get("Metadata")
        if ref is None:
            return None
        packet = resolve1(ref).get_data()[:_XMP_MAX_BYTES].decode("utf-8", "replace")
    except Exception:  # a damaged metadata stream costs the date, nothing else
        return None
    match = _XMP_CREATE_DATE.search(packet)
    return _iso_moment(match.group(1) or match.group(2)) if match else None


def _iso_moment(value: str) -> str | None:
    """An ISO 8601 date or date-time, normalised (``Z`` as ``+00:00``); None if it is not one."""
    value = value.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
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
