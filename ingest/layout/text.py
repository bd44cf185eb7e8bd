"""Page text from words and regions: prose in reading order, table regions row by row, offsets kept."""

from __future__ import annotations

from crosscheck.records.pages import Box, Cell, Table, WordBox, union_box
from ingest.layout.words import CELL_SEP, REGION_SEP, ROW_SEP, OcrLayout, Region, Word


def emit(words: list[Word], regions: list[Region]) -> OcrLayout:
    in_region = {w.idx for r in regions for row in r.rows for cell in row for w in cell}
    for region in regions:
        region.first_idx = min(w.idx for row in region.rows for cell in row for w in cell)
    # A region takes the place of its first word in tesseract's order; sorting by that index
    # (unique per region) keeps the output deterministic.
    items: list[tuple[int, Word | Region]] = [(w.idx, w) for w in words if w.idx not in in_region]
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

    def put_word(w: Word) -> WordBox:
        box = WordBox(
            start=pos, end=pos + len(w.text), left=w.left, top=w.top, width=w.width, height=w.height, conf=w.conf
        )
        put(w.text)
        boxes.append(box)
        return box

    previous: tuple[int, int, int] | None = None
    started = False
    for _, item in items:
        if isinstance(item, Word):
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


def _cell_text(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def _union(words: list[Word]) -> Box | None:
    return union_box((w.left, w.top, w.width, w.height) for w in words)


def _table_box(rows: list[list[Cell]]) -> Box | None:
    return union_box(c.bbox for row in rows for c in row)
