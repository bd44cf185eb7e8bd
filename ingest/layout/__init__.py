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

import statistics
from collections.abc import Sequence

from ingest.layout.aligned import aligned_regions
from ingest.layout.ruled import grids
from ingest.layout.text import emit
from ingest.layout.words import CELL_SEP, REGION_SEP, ROW_SEP, WORD_LEVEL, Line, OcrLayout, Region, Word

__all__ = ["CELL_SEP", "REGION_SEP", "ROW_SEP", "Line", "OcrLayout", "build_ocr_page"]


def build_ocr_page(data: dict[str, list], h_lines: Sequence[Line] = (), v_lines: Sequence[Line] = ()) -> OcrLayout:
    """Lay out tesseract's ``image_to_data`` dict as page text; every word keeps its box and offsets.

    ``h_lines``/``v_lines`` are ruling lines found (and erased) before OCR, in the same pixel
    coordinates as the word boxes; they define ruled tables.
    """
    words = read_words(data)
    if not words:
        return OcrLayout(text="", words=[])
    h_med = statistics.median(w.height for w in words)
    regions: list[Region] = []
    taken: set[int] = set()
    for grid in grids(h_lines, v_lines, h_med):
        region = grid.region([w for w in words if w.idx not in taken])
        if region is not None:
            regions.append(region)
            taken.update(w.idx for row in region.rows for cell in row for w in cell)
    regions.extend(aligned_regions([w for w in words if w.idx not in taken], h_med))
    return emit(words, regions)


def read_words(data: dict[str, list]) -> list[Word]:
    words: list[Word] = []
    for i, level in enumerate(data["level"]):
        token = str(data["text"][i]).strip()
        if level != WORD_LEVEL or not token:
            continue
        words.append(
            Word(
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
