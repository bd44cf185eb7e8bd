"""Numbered lines of page text outside any table → candidate rows.

"1. Гайдук Степан Іванович, 04.11.1987, солдат, 36 ОБрМП": fields are found by value shape. Whether
the line is a person is decided later (``records.finish``), so "1. Обмін відбувся ..." gives nothing.
"""

from __future__ import annotations

import re
import statistics

from crosscheck.records.pages import Box, Page, box_under, words_under
from nlp.lists.fields import clean_rank, parse_free
from nlp.lists.lookalikes import fold_lookalikes
from nlp.lists.records import Row, row_lang
from nlp.lists.vocab import ListVocab

__all__ = ["NUMBERED", "lines", "numbered_rows"]

NUMBERED = re.compile(r"[ \t]*(?:№\s*)?(?P<n>\d{1,4})[ \t]*[.)][ \t]*(?=\S)")
_LINE = re.compile(r"[^\n]+")
_JUNK_PREFIX = re.compile(r"[ \t]*(?:(?:[^\w\s]+|\w{1,2}(?=[\s.,:;)]))[ \t]*){0,4}")


def lines(text: str) -> list[tuple[int, int]]:
    """[start, end) of every non-empty line (``Pattern.match(text, pos)`` anchors there, so no ``^``)."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text)]


def _words_span(page: Page, start: int, end: int) -> tuple[Box | None, list[float]]:
    words = words_under(page, start, end)
    return box_under(page, start, end), [w.conf for w in words if w.conf is not None and w.conf >= 0]


def _overlaps(start: int, end: int, covered: list[tuple[int, int]]) -> bool:
    return any(start < ce and end > cs for cs, ce in covered)


def _item_end(
    text: str, page_lines: list[tuple[int, int]], i: int, s: int, e: int, covered: list[tuple[int, int]]
) -> tuple[int, int]:
    """(end of the item, index of the next line): a wrapped item's next lines continue it when this one
    ends mid-phrase or they start lower case."""
    while i < len(page_lines):
        ns, ne = page_lines[i]
        nxt = text[ns:ne].strip()
        if not nxt or NUMBERED.match(text, ns, ne) or _overlaps(ns, ne, covered):
            break
        if "\n\n" in text[e:ns]:  # a blank line ends the item: what follows is another block
            break
        if not (text[s:e].rstrip().endswith((",", ";", "-", "–")) or nxt[:1].islower() or nxt[:1].isdigit()):
            break
        e = ne
        i += 1
    return e, i


def numbered_rows(page: Page, lang: str, vocab: ListVocab, covered: list[tuple[int, int]]) -> list[Row]:
    """A candidate row for every numbered line (or line that lost its number) outside ``covered`` (tables)."""
    text = page.text
    rows: list[Row] = []
    page_lines = lines(text)
    i = 0
    while i < len(page_lines):
        s, e = page_lines[i]
        m = NUMBERED.match(text, s, e)
        i += 1
        if _overlaps(s, e, covered):
            continue
        if not m:
            # OCR often loses the number ("м . Гаєвський Роман Олегович, 03.07.1984, ..."): a line that
            # starts (after such debris) with a name and has a birth date is a row all the same.
            m = _JUNK_PREFIX.match(text, s, e)
            body = text[m.end() : e] if m else ""
            if not m or len(body) > 200 or not re.search(r"\d", body):
                continue
            parsed = parse_free(body, vocab)
            if parsed.birth is None or len(parsed.name_tokens) < 2 or parsed.name_tokens[0][0] != 0:
                continue
        e, i = _item_end(text, page_lines, i, s, e, covered)
        body_start = m.end()
        body = text[body_start:e]
        parsed = parse_free(body, vocab)
        if not parsed.name_tokens:
            continue
        unit = unit_obj = None
        repairs: list[str] = []
        if parsed.unit:
            a, b, unit_obj = parsed.unit
            unit = body[a:b]
            folded = fold_lookalikes(unit, vocab.lookalikes)
            if folded != unit:
                repairs.append(f"unit: {unit}→{folded}")
        status = status_date = None
        if parsed.status:
            status = parsed.status[2]
            later = [d for d in parsed.other_dates if d.start > parsed.status[0] and len(d.iso) == 10]
            status_date = later[0].iso if later else None
        end = s + len(text[s:e].rstrip())
        box, confs = _words_span(page, s, end) if page.words else (None, [])
        rows.append(
            Row(
                page=page.number,
                start=s + (len(text[s:e]) - len(text[s:e].lstrip())),
                end=end,
                bbox=box,
                name_parts=[(body[a:b], body_start + a, body_start + b) for a, b in parsed.name_tokens],
                name_column=False,
                birth=parsed.birth,
                rank=clean_rank(body[parsed.rank[0] : parsed.rank[1]], vocab.lookalikes) if parsed.rank else None,
                unit=" ".join(unit.split()) if unit else None,
                unit_obj=unit_obj,
                status=status,
                status_date=status_date,
                raw=" ".join(text[s:e].split()),
                conf=statistics.fmean(confs) / 100 if confs else 1.0,
                method="numbered-list",
                lang=row_lang(lang, body),
                repairs=repairs,
            )
        )
    return rows
