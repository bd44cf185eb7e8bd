"""Ruled tables: a grid from the ruling lines found before OCR; each word goes to the cell holding its centre."""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.layout.words import Line, Region, Word, reading_order


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

    def region(self, words: list[Word]) -> Region | None:
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
        grid_cells: dict[tuple[int, int], list[Word]] = {}
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
        rows: list[list[list[Word]]] = []
        boxes: list[list[tuple[float, float, float, float] | None]] = []
        columns: list[list[int]] = []
        for r in range(n_rows):
            if not any((r, c) in grid_cells for c in range(n_cols)):
                continue  # blank form rows carry nothing to read
            mid = (ys[r] + ys[r + 1]) / 2
            # A column boundary exists in this row only if some vertical line crosses the row:
            # where it does not, the cells on both sides are one merged cell.
            starts = [0] + [k for k in range(1, n_cols) if self._crosses(xs[k], mid)]
            row_cells: list[list[Word]] = []
            row_boxes: list[tuple[float, float, float, float] | None] = []
            for j, c0 in enumerate(starts):
                c1 = starts[j + 1] if j + 1 < len(starts) else n_cols
                cell_words = [w for c in range(c0, c1) for w in grid_cells.get((r, c), [])]
                row_cells.append(reading_order(cell_words, h_med))
                row_boxes.append(self.unshear_box(xs[c0], ys[r], xs[c1], ys[r + 1]))
            rows.append(row_cells)
            boxes.append(row_boxes)
            columns.append(starts)
        return Region(kind="ruled", rows=rows, cell_boxes=boxes, columns=columns)

    def _crosses(self, x: float, y: float) -> bool:
        return any(abs(v.pos - x) <= self.tol and v.lo - self.tol <= y <= v.hi + self.tol for v in self.vs)


def grids(h_lines: Sequence[Line], v_lines: Sequence[Line], h_med: float) -> list[_Grid]:
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
