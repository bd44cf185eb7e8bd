"""Tables on born-digital PDF pages (pdfplumber), with every cell located in the page text.

Cells are found by pdfplumber's ruling-line strategy only: its text strategy turns ordinary
paragraphs into "tables" (it cut a prose line into four cells in our tests).

Locating a cell: ``extract_text()`` is pdfplumber's text map rendered to a string, so when the
``text`` we are given is exactly that string, every character maps back to the PDF character it
came from and a cell is the span from its first to its last character. Wrapped cells make
``extract_text()`` interleave a row's cells line by line ("Гайдук Степан\\n1 Іванович 04.11.1987"),
so a cell's span can contain characters of its neighbours in the same row; the union of a row's
cell spans is still exactly that row. When the text was altered (e.g. ``(cid:n)`` removed), cells
are searched for in order with whitespace-flexible matching instead.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from crosscheck.records.pages import Box, Cell, Table, WordBox


def pdf_page_tables(page: Any, text: str) -> list[Table]:
    """Tables on a pdfplumber ``page`` whose ``extract_text()`` gave ``text``; boxes in PDF points."""
    try:
        found = page.find_tables()
    except Exception:  # a malformed drawing must not cost the page its text
        return []
    found = [t for t in found if len(t.rows) * max((len(r.cells) for r in t.rows), default=0) >= 2]
    if not found:
        return []
    offsets = _char_offsets(page, text)
    tables = []
    for table in found:
        contents = table.extract()
        rows: list[list[Cell]] = []
        columns: list[list[int]] = []
        xs = sorted({round(c[0], 2) for r in table.rows for c in r.cells if c} | {round(table.bbox[2], 2)})
        for row, values in zip(table.rows, contents, strict=True):
            cells: list[Cell] = []
            cols: list[int] = []
            for k, (bbox, value) in enumerate(zip(row.cells, values, strict=True)):
                if bbox is None:
                    continue  # covered by a merged cell to its left or above
                cells.append(Cell(text=" ".join((value or "").split()), start=None, end=None, bbox=_box(bbox)))
                cols.append(bisect.bisect_left(xs, round(bbox[0], 2)) if xs else k)
            if cells:
                rows.append(cells)
                columns.append(cols)
        if offsets is not None:
            _locate_by_chars(rows, offsets)
        # Cells the characters did not place (text altered, rotated glyphs) are searched for.
        _locate_by_search(rows, text)
        tables.append(Table(rows=rows, method="pdfplumber", bbox=_box(table.bbox), columns=columns))
    return tables


def pdf_page_words(page: Any, text: str) -> list[WordBox]:
    """A box for every word of ``text`` (``page.extract_text()``), in PDF points, top-left origin.

    With them, findings on born-digital pages point at the page as OCR findings do. Empty when
    ``text`` is not pdfplumber's own text map (then offsets cannot be traced to characters).
    """
    offsets = _char_offsets(page, text)
    if not offsets:
        return []
    words: list[WordBox] = []
    run: list[tuple[int, dict]] = []

    def flush() -> None:
        if run:
            start, end = run[0][0], run[-1][0] + 1
            x0 = min(float(c["x0"]) for _, c in run)
            x1 = max(float(c["x1"]) for _, c in run)
            top = min(float(c["top"]) for _, c in run)
            bottom = max(float(c["bottom"]) for _, c in run)
            words.append(
                WordBox(start, end, round(x0, 2), round(top, 2), round(x1 - x0, 2), round(bottom - top, 2), -1.0)
            )
            run.clear()

    for pos, char in offsets:
        if run and pos != run[-1][0] + 1:
            flush()
        if text[pos].isspace():
            continue
        run.append((pos, char))
    flush()
    return words


def _box(bbox: tuple[float, float, float, float]) -> Box:
    x0, top, x1, bottom = bbox
    return (round(x0, 2), round(top, 2), round(x1 - x0, 2), round(bottom - top, 2))


def _char_offsets(page: Any, text: str) -> list[tuple[int, dict]] | None:
    """(offset in ``text``, pdfplumber char) for every real character, if ``text`` is the text map."""
    try:
        textmap = page.get_textmap()
    except Exception:
        return None
    if textmap.as_string != text or textmap.char_dir_render != "ltr" or textmap.line_dir_render != "ttb":
        return None
    out = []
    pos = 0
    for chunk, char in textmap.tuples:
        if char is not None and chunk.strip():
            out.append((pos, char))
        pos += len(chunk)  # ligatures expand to several characters
    return out


def _locate_by_chars(rows: list[list[Cell]], offsets: list[tuple[int, dict]]) -> None:
    cells = [cell for row in rows for cell in row if cell.bbox is not None]
    # Bucket cells by bands of height so each character checks only the cells of its own row.
    band = 10.0
    buckets: dict[int, list[Cell]] = {}
    for cell in cells:
        _, top, _, height = cell.bbox
        for b in range(int(top // band), int((top + height) // band) + 1):
            buckets.setdefault(b, []).append(cell)
    spans: dict[int, list[int]] = {}
    for pos, char in offsets:
        cx = (char["x0"] + char["x1"]) / 2
        cy = (char["top"] + char["bottom"]) / 2
        for cell in buckets.get(int(cy // band), ()):
            left, top, width, height = cell.bbox
            if left <= cx <= left + width and top <= cy <= top + height:
                span = spans.setdefault(id(cell), [pos, pos + 1])
                span[0] = min(span[0], pos)
                span[1] = max(span[1], pos + 1)
                break
    for cell in cells:
        if id(cell) in spans:
            cell.start, cell.end = spans[id(cell)]


def _locate_by_search(rows: list[list[Cell]], text: str) -> None:
    cursor = 0
    for row in rows:
        for cell in row:
            if cell.start is not None:
                cursor = max(cursor, cell.end or 0)
                continue
            tokens = cell.text.split()
            if not tokens:
                continue
            # Whole words only: a cell "1" must not match inside "04.11.1987".
            pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(t) for t in tokens) + r"(?!\w)")
            match = pattern.search(text, cursor) or pattern.search(text)
            if match is None:
                continue
            cell.start, cell.end = match.start(), match.end()
            if match.start() >= cursor:
                cursor = match.end()
