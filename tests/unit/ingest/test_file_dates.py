"""The file's own creation date (``ParsedDocument.file_date``): PDF CreationDate or XMP, DOCX core properties,
image EXIF. It is when the file was made, not when its text was written, so it never becomes ``published``; a
malformed date is no date, never a failure. Fixtures are built here; no OCR runs (the image parser's OCR is
replaced by a stub)."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from crosscheck.records.pages import Page
from crosscheck.settings import Settings
from ingest.parsers import image as image_parser
from ingest.parsers.image import exif_date
from ingest.registry import parse_bytes
from tests.fixtures.factory import draw_text_page, new_canvas, save_docx

SETTINGS = Settings(min_text_layer_chars=1)

# EXIF tags: IFD0 DateTime, the Exif sub-IFD and its DateTimeOriginal / OffsetTimeOriginal.
DATE_TIME, EXIF_IFD, DATE_TIME_ORIGINAL, OFFSET_TIME_ORIGINAL = 0x0132, 0x8769, 0x9003, 0x9011


# --- PDF -------------------------------------------------------------------------------------


def _pdf(created: datetime) -> bytes:
    buf = io.BytesIO()
    c = new_canvas(buf, title="Звіт", created=created)
    draw_text_page(c, ["Обмін полоненими відбувся без дати в тексті."])
    c.save()
    return buf.getvalue()


def _pdf_with_xmp_only(xmp_date: str) -> bytes:
    """A one-page PDF written by hand: no Info dictionary (so no CreationDate), an XMP packet in the catalog."""
    xmp = (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f"<xmp:CreateDate>{xmp_date}</xmp:CreateDate>"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()
    content = b"BT /F1 12 Tf 72 720 Td (A report without any date in its text.) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n%s\nendstream" % (len(xmp), xmp),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_creation_date_is_the_file_date_not_the_publication_date() -> None:
    doc = parse_bytes(_pdf(datetime(2025, 5, 24, 9, 15, 0)), "report.pdf", SETTINGS)
    assert doc.file_date == "2025-05-24T09:15:00+00:00"
    assert doc.published is None


def test_pdf_without_creation_date_is_dated_by_its_xmp_create_date() -> None:
    doc = parse_bytes(_pdf_with_xmp_only("2025-05-23T18:40:00+03:00"), "report.pdf", SETTINGS)
    assert doc.pages[0].text.startswith("A report without any date")
    assert doc.file_date == "2025-05-23T18:40:00+03:00"
    assert doc.published is None


@pytest.mark.parametrize("broken", ["not a date", "2025-13-45", "", "2025"])
def test_a_malformed_xmp_date_is_no_date_not_a_failure(broken: str) -> None:
    doc = parse_bytes(_pdf_with_xmp_only(broken), "report.pdf", SETTINGS)
    assert doc.file_date is None and doc.pages[0].text


# --- DOCX ------------------------------------------------------------------------------------


def _docx(tmp_path: Path, created: datetime) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Заява Координаційного штабу без дати в тексті.")
    return save_docx(document, tmp_path / "statement.docx", title="Заява", created=created).read_bytes()


def test_docx_created_property_is_the_file_date_not_the_publication_date(tmp_path: Path) -> None:
    doc = parse_bytes(_docx(tmp_path, datetime(2025, 5, 25, 8, 0, 0)), "statement.docx", SETTINGS)
    assert doc.file_date is not None and doc.file_date.startswith("2025-05-25T08:00:00")
    assert doc.published is None


def test_docx_made_from_python_docx_template_has_no_file_date(tmp_path: Path) -> None:
    # python-docx's template says "created 2013-12-23 23:15": a fact about the template, not this file.
    doc = parse_bytes(_docx(tmp_path, datetime(2013, 12, 23, 23, 15)), "statement.docx", SETTINGS)
    assert doc.file_date is None and doc.published is None


# --- images ----------------------------------------------------------------------------------


def _image(fmt: str, *, original: str | None = None, offset: str | None = None, changed: str | None = None) -> bytes:
    image = Image.new("L", (200, 80), 255)
    exif = Image.Exif()
    if changed is not None:
        exif[DATE_TIME] = changed
    sub = exif.get_ifd(EXIF_IFD)
    if original is not None:
        sub[DATE_TIME_ORIGINAL] = original
    if offset is not None:
        sub[OFFSET_TIME_ORIGINAL] = offset
    buf = io.BytesIO()
    image.save(buf, fmt, exif=exif.tobytes())
    return buf.getvalue()


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "TIFF"])
def test_exif_date_time_original_is_read_as_iso(fmt: str) -> None:
    data = _image(fmt, original="2025:05:23 14:05:00", changed="2025:06:01 10:00:00")
    assert exif_date(Image.open(io.BytesIO(data))) == "2025-05-23T14:05:00"


def test_exif_offset_is_kept_with_the_time() -> None:
    data = _image("JPEG", original="2025:05:23 14:05:00", offset="+03:00")
    assert exif_date(Image.open(io.BytesIO(data))) == "2025-05-23T14:05:00+03:00"


def test_exif_date_time_is_the_fallback_when_there_is_no_original() -> None:
    data = _image("PNG", changed="2025:06:01 10:00:00")
    assert exif_date(Image.open(io.BytesIO(data))) == "2025-06-01T10:00:00"


@pytest.mark.parametrize("broken", ["0000:00:00 00:00:00", "    :  :     :  :  ", "yesterday", "2025:02:30 10:00:00"])
def test_a_malformed_exif_date_is_no_date_not_a_failure(broken: str) -> None:
    assert exif_date(Image.open(io.BytesIO(_image("JPEG", original=broken)))) is None


def test_image_without_exif_has_no_file_date() -> None:
    buf = io.BytesIO()
    Image.new("L", (10, 10), 255).save(buf, "PNG")
    assert exif_date(Image.open(buf)) is None


def test_scanned_image_carries_its_exif_date_as_file_date(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_ocr(frame, settings, dpi=None) -> Page:
        return Page(number=1, text="Список звільнених", method="ocr")

    monkeypatch.setattr(image_parser, "ocr_image", fake_ocr)
    data = _image("PNG", original="2025:05:23 14:05:00")
    doc = parse_bytes(data, "scan.png", SETTINGS)
    assert doc.pages[0].text == "Список звільнених"
    assert doc.file_date == "2025-05-23T14:05:00" and doc.published is None
