"""Real tesseract on rendered pages: text, word boxes, confidence, and the PDF and image parsers' OCR path.

Every person and company named here is invented.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw, ImageFont

from crosscheck.records.pages import Page
from crosscheck.settings import Settings
from ingest.ocr import ocr_image
from ingest.registry import parse_bytes

pytestmark = pytest.mark.integration

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DPI = 300
FONT_PX = 50  # 12 pt at 300 dpi
MARGIN = 100
LINE_STEP = 90
LINES = [
    "Тарас Вигаданенко підписав договір.",
    "Иван Выдумкин получил деньги.",
    "Olena Fictional met the auditor.",
]
SETTINGS = Settings()


def render(lines: list[str], size: tuple[int, int] = (1700, 400)) -> Image.Image:
    """Black text on white, ``LINE_STEP`` px apart from ``MARGIN``, like a clean 300 dpi scan."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, FONT_PX)
    for i, line in enumerate(lines):
        draw.text((MARGIN, MARGIN + i * LINE_STEP), line, font=font, fill=20)
    return image


def png_bytes(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG", dpi=(DPI, DPI))
    return buf.getvalue()


def box_of(page: Page, word: str):
    matches = [w for w in page.words if page.text[w.start : w.end].strip(".,") == word]
    assert matches, f"{word!r} not among OCR words of {page.text!r}"
    return matches[0]


@pytest.fixture(scope="module")
def page() -> Page:
    return ocr_image(render(LINES), SETTINGS, dpi=DPI)


def test_ocr_reads_ukrainian_russian_and_english(page: Page) -> None:
    assert page.method == "ocr" and page.dpi == DPI
    for word in ("Тарас", "Вигаданенко", "підписав", "Иван", "Выдумкин", "получил", "Olena", "Fictional"):
        assert word in page.text
    assert page.text.count("\n") >= 2  # one line of text per drawn line
    assert not page.warnings


def test_word_boxes_point_at_their_characters(page: Page) -> None:
    assert page.words
    for word in page.words:
        token = page.text[word.start : word.end]
        assert token and not any(ch.isspace() for ch in token)
        assert word.width > 0 and word.height > 0
    # Each word's box lies on the line it was drawn on, and words run left to right.
    for line_no, (first, second) in enumerate([("Тарас", "Вигаданенко"), ("Иван", "Выдумкин"), ("Olena", "met")]):
        a, b = box_of(page, first), box_of(page, second)
        line_top = MARGIN + line_no * LINE_STEP
        assert line_top - 10 <= a.top <= line_top + FONT_PX
        assert abs(a.top - b.top) < FONT_PX // 2
        assert a.left == pytest.approx(MARGIN, abs=10)
        assert a.left + a.width < b.left


def test_confidence_is_recorded(page: Page) -> None:
    assert page.ocr_confidence is not None and page.ocr_confidence > 80
    assert all(0 <= w.conf <= 100 for w in page.words)
    assert page.low_confidence_words is not None and page.low_confidence_words <= 2


def test_timeout_gives_an_empty_page_with_a_warning() -> None:
    slow = SETTINGS.model_copy(update={"ocr_page_timeout_s": 0.01})
    result = ocr_image(render(LINES), slow, dpi=DPI)
    assert result.text == "" and result.words == []
    assert any("gave up" in w for w in result.warnings)


def test_png_goes_through_the_image_parser() -> None:
    doc = parse_bytes(png_bytes(render(LINES)), "scan.png", SETTINGS)
    assert doc.media_type == "image/png"
    assert len(doc.pages) == 1
    assert doc.pages[0].number == 1 and doc.pages[0].method == "ocr" and doc.pages[0].dpi == DPI
    assert "Вигаданенко" in doc.pages[0].text
    assert doc.ocr_pages == 1


def test_exif_rotated_jpeg_is_read_upright() -> None:
    # A phone stores the pixels sideways and says "rotate 90° clockwise to view" (orientation 6).
    sideways = render(LINES).rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    sideways.save(buf, "JPEG", quality=95, exif=exif, dpi=(DPI, DPI))
    doc = parse_bytes(buf.getvalue(), "photo.jpg", SETTINGS)
    assert "Вигаданенко" in doc.pages[0].text


def test_multi_frame_tiff_gives_one_page_per_frame() -> None:
    frames = [render([LINES[0]], (1700, 250)), render([LINES[2]], (1700, 250))]
    buf = io.BytesIO()
    frames[0].save(buf, "TIFF", save_all=True, append_images=frames[1:], dpi=(DPI, DPI))
    doc = parse_bytes(buf.getvalue(), "fax.tiff", SETTINGS)
    assert [p.number for p in doc.pages] == [1, 2]
    assert "Вигаданенко" in doc.pages[0].text
    assert "Fictional" in doc.pages[1].text


def test_image_only_pdf_is_ocred() -> None:
    image = render(LINES)
    buf = io.BytesIO()
    image.save(buf, "PDF", resolution=DPI)
    doc = parse_bytes(buf.getvalue(), "scan.pdf", SETTINGS)
    assert doc.media_type == "application/pdf"
    [page] = doc.pages
    assert page.method == "ocr" and page.dpi == DPI and page.number == 1
    assert "Вигаданенко" in page.text and "Fictional" in page.text
    # Rendered back at the resolution it was made at, boxes land where the text was drawn.
    first = box_of(page, "Тарас")
    assert first.left == pytest.approx(MARGIN, abs=10)
    assert first.top == pytest.approx(MARGIN, abs=FONT_PX)


def test_pdf_mixes_text_layer_and_ocr_pages_per_page() -> None:
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(408, 96))  # the scan's size in points at 300 dpi
    c.setFont("DejaVuSans", 12)
    c.drawString(20, 60, "Набраний текст: ТОВ «Зоряний Обрій» уклало договір.")
    c.showPage()
    c.drawImage(ImageReader(render(LINES)), 0, 0, width=408, height=96)
    c.showPage()
    c.save()
    doc = parse_bytes(buf.getvalue(), "mixed.pdf", SETTINGS)
    assert [p.method for p in doc.pages] == ["text-layer", "ocr"]
    assert "Зоряний Обрій" in doc.pages[0].text
    assert "Выдумкин" in doc.pages[1].text
    assert doc.ocr_pages == 1


# --- orientation, skew, rulings: what preprocessing must get right -------------------------

A4_LINES = [
    "Довідка: пошук зниклих безвісти",
    "Вигаданенко Тарас Петрович, 1990 р.н., зник під Запоріжжям.",
    "Иван Выдумкин получил деньги от волонтеров.",
    "Olena Fictional met the auditor in Kyiv.",
]


def _center(page: Page, word: str) -> tuple[float, float]:
    box = box_of(page, word)
    return box.left + box.width / 2, box.top + box.height / 2


@pytest.fixture(scope="module")
def upright() -> Page:
    from tests.fixtures.factory import render_scan

    return ocr_image(render_scan(A4_LINES), SETTINGS, dpi=DPI)


@pytest.mark.parametrize("turn", [90, 180])
def test_page_on_its_side_or_upside_down_reads_right(turn: int, upright: Page) -> None:
    from tests.fixtures.factory import render_scan

    scan = render_scan(A4_LINES, noise=0.001)
    turned = scan.rotate(turn, expand=True)
    page = ocr_image(turned, SETTINGS, dpi=DPI)
    assert "Вигаданенко" in page.text and "Выдумкин" in page.text and "Fictional" in page.text
    assert page.preprocess["rotation"] == (360 - turn) % 360
    assert "osd" in page.timings
    # Boxes point into the turned image the investigator holds, not into our upright copy.
    x, y = _center(upright, "Вигаданенко")
    w, h = scan.size
    expected = (y, w - x) if turn == 90 else (w - x, h - y)
    assert _center(page, "Вигаданенко") == pytest.approx(expected, abs=12)


def test_upright_page_skips_orientation_detection(upright: Page) -> None:
    assert "osd" not in upright.timings
    assert {k: upright.preprocess[k] for k in ("rotation", "skew", "lines_removed")} == {
        "rotation": 0,
        "skew": 0.0,
        "lines_removed": 0,
    }
    assert set(upright.timings) >= {"preprocess", "tesseract", "layout"}
    assert upright.bbox_unit == "px"


def test_degraded_crooked_scan_boxes_land_on_the_text(upright: Page) -> None:
    import math

    from tests.fixtures.factory import render_scan

    angle = 1.5
    scan = render_scan(A4_LINES, rotate_deg=angle, noise=0.003, jpeg_quality=40)
    page = ocr_image(scan, SETTINGS, dpi=DPI)
    assert page.preprocess["skew"] == pytest.approx(angle, abs=0.3)
    assert "Вигаданенко" in page.text and "Выдумкин" in page.text
    # Where the word was drawn, turned as render_scan turns the sheet (counter-clockwise about the centre).
    cx, cy = scan.width / 2, scan.height / 2
    for word in ("Вигаданенко", "Выдумкин", "Fictional"):
        x, y = _center(upright, word)
        a = math.radians(angle)
        expected = (
            cx + (x - cx) * math.cos(a) + (y - cy) * math.sin(a),
            cy - (x - cx) * math.sin(a) + (y - cy) * math.cos(a),
        )
        assert _center(page, word) == pytest.approx(expected, abs=10), word


def test_ruled_list_reads_row_by_row() -> None:
    from tests.unit.ingest.test_preprocess import ruled_list

    page = ocr_image(ruled_list(-1.5, rows=12), SETTINGS, dpi=DPI)
    assert page.preprocess["lines_removed"] == 13 + 5
    assert page.text.count("Вигаданенко") >= 11
    assert page.text.count("12.03.1990") >= 11
    assert "|" not in page.text  # no ruling read as a letter


def test_pdf_page_with_a_garbled_text_layer_is_ocred() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader

    from tests.fixtures.factory import new_canvas, render_scan

    buf = io.BytesIO()
    c = new_canvas(buf)
    c.drawImage(ImageReader(render_scan(A4_LINES)), 0, 0, width=A4[0], height=A4[1])
    # An invisible text layer over the scan, as OCR software adds, but in a CP1251 font without a
    # Unicode map: extraction gives Latin-1 letters where Cyrillic was meant.
    layer = c.beginText(60, 760)
    layer.setTextRenderMode(3)
    layer.setFont("DejaVuSans", 14)
    for line in A4_LINES:
        layer.textLine(line.encode("cp1251", "replace").decode("latin-1"))
    c.drawText(layer)
    c.showPage()
    c.save()
    doc = parse_bytes(buf.getvalue(), "garbled.pdf", SETTINGS)
    [page] = doc.pages
    assert page.method == "ocr" and page.bbox_unit == "px"
    assert any("not readable text" in w for w in page.warnings)
    assert "Вигаданенко" in page.text
    assert "render" in page.timings


def test_pages_of_a_pdf_are_ocred_in_parallel_and_kept_in_order() -> None:
    from tests.fixtures.factory import make_mixed_pdf

    lines = [[f"Сторінка {n}: Вигаданенко Тарас"] for n in range(1, 5)]
    buf = io.BytesIO()
    make_mixed_pdf(buf, [("scan", ls) for ls in lines[:2]] + [("text", lines[2])] + [("scan", lines[3])])
    threaded = SETTINGS.model_copy(update={"ocr_threads": 3})
    doc = parse_bytes(buf.getvalue(), "four.pdf", threaded)
    assert [p.number for p in doc.pages] == [1, 2, 3, 4]
    assert [p.method for p in doc.pages] == ["ocr", "ocr", "text-layer", "ocr"]
    for n, p in enumerate(doc.pages, 1):
        assert f"Сторінка {n}" in p.text
    assert doc.pages[2].bbox_unit == "pt"
