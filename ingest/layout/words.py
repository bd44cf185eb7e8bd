"""The words tesseract read, the regions they are laid out in, and their visual rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crosscheck.records.pages import Table, WordBox

WORD_LEVEL = 5

Line = tuple[int, int, int, int]  # x0, y0, x1, y1 of a ruling line, pixels of the image tesseract read

CELL_SEP = "\t"
ROW_SEP = "\n"
REGION_SEP = "\n\n"

# A list number on its own: "1." "12)" "(3)" "4". Tesseract reads the dot as part of the number.
MARKER = re.compile(r"^\(?\d{1,4}[.)]?$")
# Below these, aligned rows are not taken for a table (prose lines can line up by chance).
MIN_TABLE_ROWS = 3
MAX_MEDIAN_CELL_WORDS = 4


@dataclass
class OcrLayout:
    text: str
    words: list[WordBox]
    tables: list[Table] = field(default_factory=list)


@dataclass
class Word:
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
class Region:
    """Words laid out as rows of cells; ``table`` set once offsets are known."""

    kind: str  # "ruled" | "aligned" | "list"
    rows: list[list[list[Word]]]  # row -> cell -> words in reading order
    cell_boxes: list[list[tuple[float, float, float, float] | None]]  # None: union of the words
    columns: list[list[int]]
    first_idx: int = 0


def reading_order(words: list[Word], h_med: float) -> list[Word]:
    """Words of one cell: visual lines top to bottom, each left to right."""
    lines = visual_rows(words, h_med)
    return [w for line in lines for w in line]


def visual_rows(words: list[Word], h_med: float) -> list[list[Word]]:
    """Group words whose vertical centres are within half a text height: rows top to bottom."""
    rows: list[list[Word]] = []
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
