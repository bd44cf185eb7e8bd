"""Aligned tables and numbered lists: visual rows that share whitespace columns (no ruling lines)."""

from __future__ import annotations

import bisect
import statistics

from ingest.layout.words import MARKER, MAX_MEDIAN_CELL_WORDS, MIN_TABLE_ROWS, Region, Word, reading_order, visual_rows


def aligned_regions(words: list[Word], h_med: float) -> list[Region]:
    # Words much taller than the text are tesseract reading a column of numbers as one vertical
    # "word" across several lines: no row can claim them, so they stay prose.
    flat = [w for w in words if w.height <= 2.0 * h_med]
    rows = visual_rows(flat, h_med)
    regions: list[Region] = []
    i = 0
    while i < len(rows):
        run_end, seps = _grow_run(rows, i, h_med)
        region = _run_region(rows[i:run_end], seps, h_med) if seps else None
        if region is not None:
            regions.append(region)
            i = run_end
        else:
            i += 1
    return regions


def _gaps(row: list[Word], h_med: float) -> list[tuple[float, float]]:
    """Whitespace in a row wide enough to be a column gap (or any gap between tesseract blocks)."""
    gaps = []
    for a, b in zip(row, row[1:], strict=False):
        gap = b.left - a.right
        if gap >= 1.2 * h_med or (a.key[0] != b.key[0] and gap >= 0.4 * h_med):
            gaps.append((float(a.right), float(b.left)))
    return gaps


def _free_around(row: list[Word], sep: tuple[float, float]) -> tuple[float, float] | None:
    """The part of ``sep`` that no word of ``row`` covers, if it stays one usable interval."""
    lo, hi = sep
    for w in row:
        if w.right <= lo or w.left >= hi:
            continue
        # The word overlaps the separator: keep the larger free side of it.
        if w.left - lo >= hi - w.right:
            hi = w.left
        else:
            lo = w.right
        if hi <= lo:
            return None
    return lo, hi


def _grow_run(rows: list[list[Word]], i: int, h_med: float) -> tuple[int, list[tuple[float, float]]]:
    """Rows from ``i`` on that keep common column gaps; returns the end index and the gaps."""
    seps = _gaps(rows[i], h_med)
    if not seps:
        return i + 1, []
    min_width = 0.3 * h_med
    pitches: list[float] = []
    j = i + 1
    while j < len(rows):
        pitch = _centre(rows[j]) - _centre(rows[j - 1])
        limit = 4.0 * h_med if not pitches else min(5.0 * h_med, max(1.6 * statistics.median(pitches), 2.5 * h_med))
        if pitch > limit:
            break
        kept = []
        for sep in seps:
            free = _free_around(rows[j], sep)
            if free is not None and free[1] - free[0] >= min_width:
                kept.append(free)
        # After the first pair fixes the columns, a row must keep all of them: a prose line
        # crossing a column gap ends the table.
        if not kept or (j > i + 1 and len(kept) < len(seps)):
            break
        seps = kept
        pitches.append(pitch)
        j += 1
    return j, seps


def _centre(row: list[Word]) -> float:
    return statistics.median(w.cy for w in row)


def _run_region(rows: list[list[Word]], seps: list[tuple[float, float]], h_med: float) -> Region | None:
    if len(rows) < MIN_TABLE_ROWS:
        return None
    cuts = [(a + b) / 2 for a, b in seps]
    n_cols = len(cuts) + 1
    grid: list[list[list[Word]]] = []
    for row in rows:
        cells: list[list[Word]] = [[] for _ in range(n_cols)]
        for w in row:
            cells[bisect.bisect_right(cuts, w.cx)].append(w)
        grid.append(cells)
    # Columns nobody uses (a gap that is just a wide margin inside one column) are dropped.
    used = [c for c in range(n_cols) if any(cells[c] for cells in grid)]
    grid = [[cells[c] for c in used] for cells in grid]
    n_cols = len(used)
    if n_cols < 2:
        return None
    first = [cells[0] for cells in grid if cells[0]]
    markers = sum(1 for ws in first if len(ws) == 1 and MARKER.match(ws[0].text))
    is_list = n_cols == 2 and markers >= MIN_TABLE_ROWS and markers >= 0.8 * len(first)

    # A row whose first column is empty continues the row above (a wrapped cell or list entry),
    # unless it fills most other columns: then it is a row whose number OCR lost.
    merged: list[list[list[Word]]] = []
    for cells in grid:
        filled = sum(1 for ws in cells if ws)
        if merged and not cells[0] and (is_list or filled <= (n_cols - 1) // 2):
            for c in range(n_cols):
                merged[-1][c].extend(cells[c])
        else:
            merged.append([list(ws) for ws in cells])
    if is_list:
        rows_out = [[reading_order(ws, h_med) for ws in cells if ws] for cells in merged]
        return Region(
            kind="list",
            rows=rows_out,
            cell_boxes=[[None] * len(r) for r in rows_out],
            columns=[list(range(len(r))) for r in rows_out],
        )
    full = sum(1 for cells in merged if sum(1 for ws in cells if ws) >= 2)
    sizes = [len(ws) for cells in merged for ws in cells if ws]
    if full < MIN_TABLE_ROWS or statistics.median(sizes) > MAX_MEDIAN_CELL_WORDS:
        return None  # prose columns or a one-off alignment, not a table
    rows_out = [[reading_order(ws, h_med) for ws in cells] for cells in merged]
    return Region(
        kind="aligned",
        rows=rows_out,
        cell_boxes=[[None] * n_cols for _ in rows_out],
        columns=[list(range(n_cols)) for _ in rows_out],
    )
