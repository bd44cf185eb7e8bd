"""Real tesseract on a rendered ruled list: rows rebuilt from word boxes and the known rulings.

All names are invented.
"""

from __future__ import annotations

import os
import shutil

import pytest
from PIL import Image, ImageDraw, ImageFont

from ingest.layout import build_ocr_page
from tests.fixtures.factory import FONT_REGULAR

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed"),
]

ROWS = [
    ("№", "Прізвище, ім'я, по батькові", "Дата народження", "Місце проживання"),
    ("1.", "Гайдук Степан Іванович", "04.11.1987", "м. Маріуполь"),
    ("2.", "Петренко Олег Миколайович", "12.02.1990", "м. Херсон"),
    ("3.", "Ковальчук Ірина Петрівна", "30.07.1985", "смт Оленівка"),
    ("4.", "Бондар Андрій Васильович", "01.01.1979", "м. Київ"),
    ("5.", "Мельник Тарас Олегович", "17.09.1992", "м. Бердянськ"),
]
COLS = [150, 330, 1100, 1550, 2150]
TOP, ROW_H = 400, 90


def _page() -> tuple[Image.Image, list, list]:
    font = ImageFont.truetype(str(FONT_REGULAR), 40)
    image = Image.new("L", (2480, 1400), 255)
    draw = ImageDraw.Draw(image)
    draw.text((150, 200), "Список осіб, які перебувають у полоні", font=font, fill=0)
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            draw.text((COLS[c] + 20, TOP + r * ROW_H + 22), value, font=font, fill=0)
    bottom = TOP + len(ROWS) * ROW_H
    h = [(COLS[0], TOP + r * ROW_H, COLS[-1], TOP + r * ROW_H) for r in range(len(ROWS) + 1)]
    v = [(x, TOP, x, bottom) for x in COLS]
    # Draw the rulings, then erase them as line removal would: tesseract reads the clean page.
    for x0, y0, x1, y1 in h + v:
        draw.line((x0, y0, x1, y1), fill=0, width=3)
    for x0, y0, x1, y1 in h + v:
        draw.line((x0, y0, x1, y1), fill=255, width=7)
    return image, h, v


def test_ruled_list_rows_from_real_tesseract_output():
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    image, h, v = _page()
    data = pytesseract.image_to_data(
        image, lang="ukr+rus+eng", config="--psm 3 --dpi 300", output_type=pytesseract.Output.DICT
    )
    layout = build_ocr_page(data, h, v)
    for w in layout.words:
        assert layout.text[w.start : w.end].strip()
    [table] = layout.tables
    assert table.method == "ruled"
    assert len(table.rows) == len(ROWS)
    for row, expected in zip(table.rows, ROWS, strict=True):
        # Columns 1..3; tesseract often drops a lone number in a narrow cell, so "№" is lenient.
        assert [c.text for c in row[1:]] == list(expected[1:])
        assert row[0].text in (expected[0], "")
        line = layout.text[row[0].start : row[-1].end]
        assert "\n" not in line and line.count("\t") == 3
    assert layout.text.startswith("Список осіб, які перебувають у полоні\n\n")
