"""Sentences of a page and the date of a document (the anchor relative dates resolve against)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from crosscheck.records.pages import Page
from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.claims.dates import find_dates

DATELINE_CHARS = 300


# --- sentences -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    start: int  # [start, end) in the page text, trimmed of blanks and list markers
    end: int
    paragraph: int


_PARA_BREAK = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]*(?:[-•*–]\s|\d{1,3}[.)]\s|#))")
# Closing quotes, brackets and Markdown emphasis may follow the stop: "(Crosscheck Wire).** Ukraine …"
_SENT_END = re.compile(r"[.!?…]+[\"»”’)*_]*(?=\s+[\"«„“(—–-]?[\w\d])")
_ABBREV = re.compile(
    r"(?:\b[A-ZА-ЯІЇЄҐ]|\b(?:No|Nos|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|vs|etc|р|рр|ст|м|вул|ім|пп|п|г|гг|тис|млн|см|ул|им|т\.ч|т\.д|ін|др)|\d)$",
    re.IGNORECASE,
)
_LEAD = " \t\r\n-•*#>_–"
_TRAIL = " \t\r\n*_"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _LEAD:
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    return start, end


def _quote_open(text: str, start: int, pos: int) -> bool:
    """True when ``pos`` is inside quotation marks opened after ``start`` (no sentence cut in a quote)."""
    seg = text[start:pos]
    return seg.count("«") > seg.count("»") or seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with exact offsets: paragraphs at blank lines and list items, sentences at end
    punctuation followed by a capital, digit, quote or dash — not after an initial or abbreviation,
    not inside quotation marks."""
    out: list[Sentence] = []
    para_start = 0
    bounds = [(m.start(), m.end()) for m in _PARA_BREAK.finditer(text)] + [(len(text), len(text))]
    for pi, (p_end, next_start) in enumerate(bounds):
        start = para_start
        for m in _SENT_END.finditer(text, para_start, p_end):
            nxt = text[m.end() : m.end() + 3].lstrip()
            if nxt[:1].islower():
                continue
            if m.group(0).startswith(".") and _ABBREV.search(text[start : m.start()]):
                continue
            if _quote_open(text, start, m.end()):
                continue
            s, e = _trimmed(text, start, m.end())
            if e > s:
                out.append(Sentence(s, e, pi))
            start = m.end()
        s, e = _trimmed(text, start, p_end)
        if e > s:
            out.append(Sentence(s, e, pi))
        para_start = next_start
    return out


# --- document date ---------------------------------------------------------------------------------------


def document_date(
    pages: Sequence[Page], languages: Sequence[str], published: str | None, models_dir: Path = DEFAULT_MODELS_DIR
) -> date | None:
    if published:
        try:
            return date.fromisoformat(published[:10])
        except ValueError:
            pass
    if not pages:
        return None
    lang = languages[0] if languages else ""
    for d in find_dates(pages[0].text[:DATELINE_CHARS], lang, None, models_dir):
        if not d.relative and d.dates and len(d.dates[0]) == 10:
            try:
                return date.fromisoformat(d.dates[0])
            except ValueError:
                continue
    return None
