"""Tesseract's word table to page text: reading order, offsets that map back to word boxes, tables.

Placeholder: today only tesseract's own reading order; table regions come with the table work.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.model import Table, WordBox

_WORD_LEVEL = 5

Line = tuple[int, int, int, int]  # x0, y0, x1, y1 of a ruling line, pixels of the image tesseract read


@dataclass
class OcrLayout:
    text: str
    words: list[WordBox]
    tables: list[Table] = field(default_factory=list)


def build_ocr_page(data: dict[str, list], h_lines: list[Line] = (), v_lines: list[Line] = ()) -> OcrLayout:
    """Lay out tesseract's ``image_to_data`` dict as page text; every word keeps its box and offsets."""
    parts: list[str] = []
    words: list[WordBox] = []
    pos = 0
    previous: tuple[int, int, int] | None = None
    for i, level in enumerate(data["level"]):
        token = str(data["text"][i]).strip()
        if level != _WORD_LEVEL or not token:
            continue
        line_key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        if previous is not None:
            if line_key[:2] != previous[:2]:
                sep = "\n\n"  # new block or paragraph
            elif line_key != previous:
                sep = "\n"
            else:
                sep = " "
            parts.append(sep)
            pos += len(sep)
        previous = line_key
        parts.append(token)
        words.append(
            WordBox(
                start=pos,
                end=pos + len(token),
                left=int(data["left"][i]),
                top=int(data["top"][i]),
                width=int(data["width"][i]),
                height=int(data["height"][i]),
                conf=float(data["conf"][i]),
            )
        )
        pos += len(token)
    return OcrLayout(text="".join(parts), words=words)
