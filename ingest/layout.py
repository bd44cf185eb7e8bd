"""Tesseract's word table to page text: reading order, offsets that map back to word boxes, tables.

Prose keeps tesseract's reading order (blocks, paragraphs, lines). Table regions are laid out row
by row instead: one text line per row, cells separated by ``\\t``, words of a cell by one space,
so that a list entry is one contiguous span of the page text and NER sees it as one line. Regions:

- ruled: a grid built from the ruling lines found before OCR; each word goes to the cell that
  contains its box centre.
- aligned: visual rows (words grouped by height on the page) that share whitespace columns.
- numbered list: aligned rows whose only column is a list number ("1.", "2)"): tesseract often
  reads such numbers as a separate block, away from their lines; the row puts the number back in
  front of its line, separated by one space, and no ``Table`` is made.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from crosscheck.records.pages import Cell, Table, WordBox

_WORD_LEVEL = 5

Line = tuple[int, int, int, int]  # x0, y0, x1, y1 of a ruling line, pixels of the image tesseract read

CELL_SEP = "\t"
ROW_SEP = "\n"
REGION_SEP = "\n\n"

# A list number on its own: "1." "12)" "(3)" "4". Tesseract reads the dot as part of the number.
_MARKER = re.compile(r"^\(?\d{1,4}[.)]?$")
# Below these, aligned rows are not taken for a table (prose lines can line up by chance).
_MIN_TABLE_ROWS = 3
_MAX_MEDIAN_CELL_WORDS = 4


@dataclass
class OcrLayout:
    text: str
    words: list[WordBox]
    tables: list[Table] = field(default_factory=list)


@dataclass
class _Word:
    idx: int  # position in tesseract's output: the prose reading order
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    key: tuple[int, int, int]  # block, paragraph, line

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def cx(self) -> float:
        return self.left + self.width / 2

    @property
    def cy(self) -> float:
        return self.top + self.height / 2


@dataclass
class _Region:
    """Words laid out as rows of cells; ``table`` set once offsets are known."""

    kind: str  # "ruled" | "aligned" | "list"
    rows: list[list[list[_Word]]]  # row -> cell -> words in reading order
    cell_boxes: list[list[tuple[float, float, float, float] | None]]  # None: union of the words
    columns: list[list[int]]
    first_idx: int = 0


def build_ocr_page(data: dict[str, list], h_lines: Sequence[Line] = (), v_lines: Sequence[Line] = ()) -> OcrLayout:
    """Lay out tesseract's ``image_to_data`` dict as page text; every word keeps its box and offsets.

    ``h_lines``/``v_lines`` are ruling lines found (and erased) before OCR, in the same pixel
    coordinates as the word boxes; they define ruled tables.
    """
    words = _read_words(data)
    if not words:
        return OcrLayout(text="", words=[])
    h_med = statistics.median(w.height for w in words)
    regions: list[_Region] = []
    taken: set[int] = set()
    for grid in _grids(h_lines, v_lines, h_med):
        region = grid.region([w for w in words if w.idx not in taken])
        if region is not None:
            regions.append(region)
            taken.update(w.idx for row in region.rows for cell in row for w in cell)
    regions.extend(_aligned_regions([w for w in words if w.idx not in taken], h_med))
    return _emit(words, regions)


def _read_words(data: dict[str, list]) -> list[_Word]:
    words: list[_Word] = []
    for i, level in enumerate(data["level"]):
        token = str(data["text"][i]).strip()
        if level != _WORD_LEVEL or not token:
            continue
        words.append(
            _Word(
                idx=i,
                text=token,
                left=int(data["left"][i]),
                top=int(data["top"][i]),
                width=int(data["width"][i]),
                height=int(data["height"][i]),
                conf=float(data["conf"][i]),
                key=(int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i])),
            )
        )
    return words


# ------------------------------------------------------------------------------------------
# Text assembly
# ------------------------------------------------------------------------------------------


def _emit(words: list[_Word], regions: list[_Region]) -> OcrLayout:
    in_region = {w.idx for r in regions for row in r.rows for cell in row for w in cell}
    for region in regions:
        region.first_idx = min(w.idx for row in region.rows for cell in row for w in cell)
    # A region takes the place of its first word in tesseract's order; sorting by that index
    # (unique per region) keeps the output deterministic.
    items: list[tuple[int, _Word | _Region]] = [(w.idx, w) for w in words if w.idx not in in_region]
    items.extend((r.first_idx, r) for r in regions)
    items.sort(key=lambda item: item[0])

    parts: list[str] = []
    boxes: list[WordBox] = []
    tables: list[Table] = []
    pos = 0

    def put(s: str) -> None:
        nonlocal pos
        parts.append(s)
        pos += len(s)

    def put_word(w: _Word) -> WordBox:
        box = WordBox(
            start=pos, end=pos + len(w.text), left=w.left, top=w.top, width=w.width, height=w.height, conf=w.conf
        )
        put(w.text)
        boxes.append(box)
        return box

    previous: tuple[int, int, int] | None = None
    started = False
    for _, item in items:
        if isinstance(item, _Word):
            if started:
                if previous is None or item.key[:2] != previous[:2]:
                    put(REGION_SEP)  # new block or paragraph, or prose after a region
                elif item.key != previous:
                    put("\n")
                else:
                    put(" ")
            started = True
            previous = item.key
            put_word(item)
            continue
        if started:
            put(REGION_SEP)
        started = True
        previous = None
        cells_out: list[list[Cell]] = []
        for r, row in enumerate(item.rows):
            if r:
                put(ROW_SEP)
            out_row: list[Cell] = []
            for c, cell_words in enumerate(row):
                if c:
                    put(" " if item.kind == "list" else CELL_SEP)
                start = pos
                confs: list[float] = []
                for k, w in enumerate(cell_words):
                    if k:
                        put(" ")
                    put_word(w)
                    if w.conf >= 0:
                        confs.append(w.conf)
                box = item.cell_boxes[r][c] or _union(cell_words)
                out_row.append(
                    Cell(
                        text=_cell_text(cell_words),
                        start=start,
                        end=pos,
                        bbox=box,
                        conf=round(sum(confs) / len(confs), 2) if confs else None,
                    )
                )
            cells_out.append(out_row)
        if item.kind != "list":
            tables.append(Table(rows=cells_out, method=item.kind, bbox=_table_box(cells_out), columns=item.columns))
    return OcrLayout(text="".join(parts), words=boxes, tables=tables)


def _cell_text(words: list[_Word]) -> str:
    return " ".join(w.text for w in words)


def _union(words: list[_Word]) -> tuple[float, float, float, float] | None:
    if not words:
        return None
    left = min(w.left for w in words)
    top = min(w.top for w in words)
    right = max(w.right for w in words)
    bottom = max(w.top + w.height for w in words)
    return (left, top, right - left, bottom - top)


def _table_box(rows: list[list[Cell]]) -> tuple[float, float, float, float] | None:
    boxes = [c.bbox for row in rows for c in row if c.bbox is not None]
    if not boxes:
        return None
    left = min(b[0] for b in boxes)
    top = min(b[1] for b in boxes)
    right = max(b[0] + b[2] for b in boxes)
    bottom = max(b[1] + b[3] for b in boxes)
    return (left, top, right - left, bottom - top)


def _reading_order(words: list[_Word], h_med: float) -> list[_Word]:
    """Words of one cell: visual lines top to bottom, each left to right."""
    lines = _visual_rows(words, h_med)
    return [w for line in lines for w in line]


def _visual_rows(words: list[_Word], h_med: float) -> list[list[_Word]]:
    """Group words whose vertical centres are within half a text height: rows top to bottom."""
    rows: list[list[_Word]] = []
    centre = 0.0
    for w in sorted(words, key=lambda w: (w.cy, w.left, w.idx)):
        if rows and w.cy - centre <= 0.5 * h_med:
            rows[-1].append(w)
            row = rows[-1]
            centre = sum(x.cy for x in row) / len(row)
        else:
            rows.append([w])
            centre = w.cy
    return [sorted(row, key=lambda w: (w.left, w.idx)) for row in rows]


# ------------------------------------------------------------------------------------------
# Ruled tables
# ------------------------------------------------------------------------------------------


@dataclass
class _Rule:
    """A ruling line in sheared coordinates: ``pos`` across it, ``lo..hi`` along it."""

    pos: float
    lo: float
    hi: float


@dataclass
class _Grid:
    hs: list[_Rule]  # sorted by pos (y')
    vs: list[_Rule]  # sorted by pos (x')
    slope_h: float  # dy/dx of horizontal lines: residual skew
    slope_v: float  # dx/dy of vertical lines
    tol: float

    def shear(self, x: float, y: float) -> tuple[float, float]:
        # Undo the residual skew so that rows and columns are axis-aligned bands.
        return x - self.slope_v * y, y - self.slope_h * x

    def unshear_box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        # Good enough for boxes: residual skew is a fraction of a degree after deskew.
        xa = x0 + self.slope_v * y0
        ya = y0 + self.slope_h * x0
        return (round(xa, 1), round(ya, 1), round(x1 - x0, 1), round(y1 - y0, 1))

    def region(self, words: list[_Word]) -> _Region | None:
        ys = [h.pos for h in self.hs]
        left = min(min(h.lo for h in self.hs), self.vs[0].pos)
        right = max(max(h.hi for h in self.hs), self.vs[-1].pos)
        xs = [v.pos for v in self.vs]
        # Columns left of the first or right of the last vertical line when horizontals reach there.
        if xs[0] - left > self.tol * 2:
            xs.insert(0, left)
        if right - xs[-1] > self.tol * 2:
            xs.append(right)
        n_rows, n_cols = len(ys) - 1, len(xs) - 1
        if n_rows < 1 or n_cols < 1:
            return None
        grid_cells: dict[tuple[int, int], list[_Word]] = {}
        for w in words:
            x, y = self.shear(w.cx, w.cy)
            if not (xs[0] <= x <= xs[-1] and ys[0] <= y <= ys[-1]):
                continue
            r = min(bisect.bisect_right(ys, y) - 1, n_rows - 1)
            c = min(bisect.bisect_right(xs, x) - 1, n_cols - 1)
            grid_cells.setdefault((r, c), []).append(w)
        if not grid_cells:
            return None
        h_med = statistics.median(w.height for ws in grid_cells.values() for w in ws)
        rows: list[list[list[_Word]]] = []
        boxes: list[list[tuple[float, float, float, float] | None]] = []
        columns: list[list[int]] = []
        for r in range(n_rows):
            if not any((r, c) in grid_cells for c in range(n_cols)):
                continue  # blank form rows carry nothing to read
            mid = (ys[r] + ys[r + 1]) / 2
            # A column boundary exists in this row only if some vertical line crosses the row:
            # where it does not, the cells on both sides are one merged cell.
            starts = [0] + [k for k in range(1, n_cols) if self._crosses(xs[k], mid)]
            row_cells: list[list[_Word]] = []
            row_boxes: list[tuple[float, float, float, float] | None] = []
            for j, c0 in enumerate(starts):
                c1 = starts[j + 1] if j + 1 < len(starts) else n_cols
                cell_words = [w for c in range(c0, c1) for w in grid_cells.get((r, c), [])]
                row_cells.append(_reading_order(cell_words, h_med))
                row_boxes.append(self.unshear_box(xs[c0], ys[r], xs[c1], ys[r + 1]))
            rows.append(row_cells)
            boxes.append(row_boxes)
            columns.append(starts)
        return _Region(kind="ruled", rows=rows, cell_boxes=boxes, columns=columns)

    def _crosses(self, x: float, y: float) -> bool:
        return any(abs(v.pos - x) <= self.tol and v.lo - self.tol <= y <= v.hi + self.tol for v in self.vs)


def _grids(h_lines: Sequence[Line], v_lines: Sequence[Line], h_med: float) -> list[_Grid]:
    """Ruling lines to grids: near-duplicates merged, then lines grouped by where they cross."""
    if len(h_lines) < 2 or len(v_lines) < 2:
        return []
    slope_h = _median_slope([(x0, y0, x1, y1) for x0, y0, x1, y1 in h_lines])
    slope_v = _median_slope([(y0, x0, y1, x1) for x0, y0, x1, y1 in v_lines])
    # Lines closer than this are one ruling (thick or doubled strokes, two detections of one line);
    # table rows are at least a text height apart, so this cannot merge two real rows.
    tol = max(4.0, 0.4 * h_med)

    def sheared_h(line: Line) -> _Rule:
        x0, y0, x1, y1 = line
        xa, xb = sorted((x0, x1))
        mid = (x0 + x1) / 2, (y0 + y1) / 2
        return _Rule(pos=mid[1] - slope_h * mid[0], lo=xa - slope_v * mid[1], hi=xb - slope_v * mid[1])

    def sheared_v(line: Line) -> _Rule:
        x0, y0, x1, y1 = line
        ya, yb = sorted((y0, y1))
        mid = (x0 + x1) / 2, (y0 + y1) / 2
        return _Rule(pos=mid[0] - slope_v * mid[1], lo=ya - slope_h * mid[0], hi=yb - slope_h * mid[0])

    hs = _merge_rules([sheared_h(line) for line in h_lines], tol)
    vs = _merge_rules([sheared_v(line) for line in v_lines], tol)

    # Union-find over lines that cross (with slack: lines often stop short of each other).
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    reach = max(tol, 0.8 * h_med)
    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if h.lo - reach <= v.pos <= h.hi + reach and v.lo - reach <= h.pos <= v.hi + reach:
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[_Rule], list[_Rule]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    grids = [
        _Grid(
            hs=sorted(g_h, key=lambda r: r.pos),
            vs=sorted(g_v, key=lambda r: r.pos),
            slope_h=slope_h,
            slope_v=slope_v,
            tol=tol,
        )
        for g_h, g_v in groups.values()
        if len(g_h) >= 2 and len(g_v) >= 2
    ]
    return sorted(grids, key=lambda g: (g.hs[0].pos, g.vs[0].pos))


def _median_slope(lines: list[Line]) -> float:
    """Median d(across)/d(along) of lines given as (along0, across0, along1, across1)."""
    slopes = [(b1 - b0) / (a1 - a0) for a0, b0, a1, b1 in lines if abs(a1 - a0) > 0]
    if not slopes:
        return 0.0
    slope = statistics.median(slopes)
    # More than ~3 degrees is not residual skew but a stray stroke; do not shear by it.
    return slope if abs(slope) < 0.05 else 0.0


def _merge_rules(rules: list[_Rule], tol: float) -> list[_Rule]:
    merged: list[_Rule] = []
    for rule in sorted(rules, key=lambda r: (r.pos, r.lo)):
        target = None
        for m in reversed(merged):
            if rule.pos - m.pos > tol:
                break  # sorted by pos: nothing earlier is close enough
            if rule.lo <= m.hi + tol * 4 and m.lo <= rule.hi + tol * 4:
                target = m
                break
        if target is None:
            merged.append(_Rule(rule.pos, rule.lo, rule.hi))
        else:
            target.pos = (target.pos + rule.pos) / 2
            target.lo, target.hi = min(target.lo, rule.lo), max(target.hi, rule.hi)
    return merged


# ------------------------------------------------------------------------------------------
# Aligned tables and numbered lists (no ruling lines)
# ------------------------------------------------------------------------------------------


def _aligned_regions(words: list[_Word], h_med: float) -> list[_Region]:
    # Words much taller than the text are tesseract reading a column of numbers as one vertical
    # "word" across several lines: no row can claim them, so they stay prose.
    flat = [w for w in words if w.height <= 2.0 * h_med]
    rows = _visual_rows(flat, h_med)
    regions: list[_Region] = []
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


def _gaps(row: list[_Word], h_med: float) -> list[tuple[float, float]]:
    """Whitespace in a row wide enough to be a column gap (or any gap between tesseract blocks)."""
    gaps = []
    for a, b in zip(row, row[1:], strict=False):
        gap = b.left - a.right
        if gap >= 1.2 * h_med or (a.key[0] != b.key[0] and gap >= 0.4 * h_med):
            gaps.append((float(a.right), float(b.left)))
    return gaps


def _free_around(row: list[_Word], sep: tuple[float, float]) -> tuple[float, float] | None:
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


def _grow_run(rows: list[list[_Word]], i: int, h_med: float) -> tuple[int, list[tuple[float, float]]]:
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


def _centre(row: list[_Word]) -> float:
    return statistics.median(w.cy for w in row)


def _run_region(rows: list[list[_Word]], seps: list[tuple[float, float]], h_med: float) -> _Region | None:
    if len(rows) < _MIN_TABLE_ROWS:
        return None
    cuts = [(a + b) / 2 for a, b in seps]
    n_cols = len(cuts) + 1
    grid: list[list[list[_Word]]] = []
    for row in rows:
        cells: list[list[_Word]] = [[] for _ in range(n_cols)]
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
    markers = sum(1 for ws in first if len(ws) == 1 and _MARKER.match(ws[0].text))
    is_list = n_cols == 2 and markers >= _MIN_TABLE_ROWS and markers >= 0.8 * len(first)

    # A row whose first column is empty continues the row above (a wrapped cell or list entry),
    # unless it fills most other columns: then it is a row whose number OCR lost.
    merged: list[list[list[_Word]]] = []
    for cells in grid:
        filled = sum(1 for ws in cells if ws)
        if merged and not cells[0] and (is_list or filled <= (n_cols - 1) // 2):
            for c in range(n_cols):
                merged[-1][c].extend(cells[c])
        else:
            merged.append([list(ws) for ws in cells])
    if is_list:
        rows_out = [[_reading_order(ws, h_med) for ws in cells if ws] for cells in merged]
        return _Region(
            kind="list",
            rows=rows_out,
            cell_boxes=[[None] * len(r) for r in rows_out],
            columns=[list(range(len(r))) for r in rows_out],
        )
    full = sum(1 for cells in merged if sum(1 for ws in cells if ws) >= 2)
    sizes = [len(ws) for cells in merged for ws in cells if ws]
    if full < _MIN_TABLE_ROWS or statistics.median(sizes) > _MAX_MEDIAN_CELL_WORDS:
        return None  # prose columns or a one-off alignment, not a table
    rows_out = [[_reading_order(ws, h_med) for ws in cells] for cells in merged]
    return _Region(
        kind="aligned",
        rows=rows_out,
        cell_boxes=[[None] * n_cols for _ in rows_out],
        columns=[list(range(n_cols)) for _ in rows_out],
    )
