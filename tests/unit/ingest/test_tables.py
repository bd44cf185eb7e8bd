"""pdfplumber tables on born-digital PDFs drawn with reportlab: cells, boxes in points, text offsets.

All names are invented.
"""

from __future__ import annotations

import io

import pdfplumber
import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from reportlab.platypus import Table as RlTable
from reportlab.platypus import TableStyle

from ingest.tables import pdf_page_tables
from tests.fixtures.factory import register_pdf_fonts

ROWS = [
    ["№", "Прізвище, ім'я, по батькові", "Дата народження", "Місце"],
    ["1", "Гайдук Степан\nІванович", "04.11.1987", "м. Маріуполь"],
    ["2", "Петренко Олег Миколайович", "12.02.1990", "м. Херсон"],
    ["3", "Ковальчук Ірина Петрівна", "", "смт Оленівка"],
]
COL_WIDTHS = [30, 170, 100, 120]
ROW_HEIGHTS = [20, 34, 20, 20]
X, TOP = 60.0, 150.0  # table's top-left corner, pdfplumber coordinates (origin top-left)
PROSE = "Список осіб, які перебувають у полоні станом на 1 березня 2025 року."


def _pdf(rows=ROWS, extra_style=(), with_table: bool = True) -> bytes:
    regular, _ = register_pdf_fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    page_h = A4[1]
    c.setFont(regular, 10)
    c.drawString(X, page_h - 100, PROSE)
    if with_table:
        table = RlTable(rows, colWidths=COL_WIDTHS, rowHeights=ROW_HEIGHTS)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("FONTNAME", (0, 0), (-1, -1), regular),
                    ("FONTSIZE", (0, 0), (-1, -1), 9),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    *extra_style,
                ]
            )
        )
        table.wrapOn(c, 500, 500)
        table.drawOn(c, X, page_h - TOP - sum(ROW_HEIGHTS))
    c.drawString(X, page_h - 400, "Склав: Іван Мороз")
    c.save()
    return buf.getvalue()


def _tables(pdf_bytes: bytes, alter=None):
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        page = pdf.pages[0]
        text = page.extract_text()
        if alter:
            text = alter(text)
        return text, pdf_page_tables(page, text)


def _flat(s: str) -> str:
    return " ".join(s.split())


def test_cells_boxes_and_offsets():
    text, tables = _tables(_pdf())
    [table] = tables
    assert table.method == "pdfplumber"
    assert [[c.text for c in row] for row in table.rows] == [[_flat(v) for v in row] for row in ROWS]
    assert table.columns == [[0, 1, 2, 3]] * 4
    assert table.bbox == pytest.approx((X, TOP, sum(COL_WIDTHS), sum(ROW_HEIGHTS)), abs=0.01)
    top = TOP
    for row, height in zip(table.rows, ROW_HEIGHTS, strict=True):
        left = X
        for cell, width in zip(row, COL_WIDTHS, strict=True):
            assert cell.bbox == pytest.approx((left, top, width, height), abs=0.01)
            left += width
        top += height
    for row in table.rows:
        for cell in row:
            if not cell.text:
                assert cell.start is None
                continue
            # A wrapped cell's span may hold a neighbour's characters (pdfplumber interleaves the
            # row's lines); its own words are still all there, in order.
            located = text[cell.start : cell.end]
            assert located.startswith(cell.text.split()[0]) and located.endswith(cell.text.split()[-1])
    assert text[table.rows[2][1].start : table.rows[2][1].end] == "Петренко Олег Миколайович"
    # A row is one span of the page text, and rows do not overlap.
    spans = [(min(c.start for c in r if c.start is not None), max(c.end for c in r if c.end)) for r in table.rows]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert _flat(text[spans[3][0] : spans[3][1]]) == "3 Ковальчук Ірина Петрівна смт Оленівка"


def test_prose_page_has_no_tables():
    _, tables = _tables(_pdf(with_table=False))
    assert tables == []


def test_merged_cells_do_not_crash():
    rows = [[*r] for r in ROWS]
    rows[3][2] = "немає даних"
    rows[3][3] = ""
    _, tables = _tables(_pdf(rows, extra_style=[("SPAN", (2, 3), (3, 3))]))
    [table] = tables
    last = table.rows[3]
    assert [c.text for c in last] == ["3", "Ковальчук Ірина Петрівна", "немає даних"]
    assert table.columns[3] == [0, 1, 2]
    assert last[2].bbox == pytest.approx((X + 200, TOP + 74, 220, 20), abs=0.01)


def test_altered_text_falls_back_to_search():
    # pdf.py strips "(cid:n)" garbage: the text is then no longer pdfplumber's own string.
    text, tables = _tables(_pdf(), alter=lambda t: "Заголовок\n" + t)
    [table] = tables
    for row in table.rows:
        for cell in row:
            if cell.text:
                assert _flat(text[cell.start : cell.end]) == cell.text or cell.text == "Гайдук Степан Іванович"
    name = table.rows[1][1]  # interleaved with the number cell: not findable as one run of words
    assert name.start is None or _flat(text[name.start : name.end]) == name.text
