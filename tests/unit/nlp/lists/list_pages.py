"""Pages for the list tests: an OCR-like table page built in code, and ``extract_list`` on pages in one language."""

from __future__ import annotations

from crosscheck.records.pages import Cell, Page, Table
from nlp.lists import extract_list

ROW_HEIGHT = 40
COL_WIDTH = 300


def table_page(
    rows: list[list[str]],
    title: str | None = None,
    method: str = "ruled",
    conf: float | None = 90.0,
    number: int = 1,
    offsets: bool = True,
) -> Page:
    """An OCR-like page: optional title line, then one line per table row with cells joined by tabs."""
    text = ""
    if title:
        text = title + "\n"
    grid: list[list[Cell]] = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            if c:
                text += "\t"
            start = len(text)
            text += value
            box = (float(c * COL_WIDTH), float(100 + r * ROW_HEIGHT), float(COL_WIDTH - 10), float(ROW_HEIGHT - 5))
            cells.append(
                Cell(
                    value,
                    start if offsets else None,
                    start + len(value) if offsets else None,
                    box,
                    conf if value else None,
                )
            )
        text += "\n"
        grid.append(cells)
    table = Table(rows=grid, method=method, bbox=None)
    return Page(number=number, text=text, method="ocr", tables=[table], bbox_unit="px")


def records(pages: list[Page], lang: str = "uk"):
    return extract_list(pages, [lang] * len(pages))
