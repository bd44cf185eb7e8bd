"""Sentences of a page and the date of a document (the anchor relative dates resolve against)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from crosscheck.records.pages import Page
from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.claims.dates import DateMatch, find_dates

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
    r"(?:\b[A-ZА-ЯІЇЄҐ]|\b(?:No|Nos|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|vs|etc|р|рр|ст|м|вул|ім|пп|п|г|гг|тис|млн|см|ул|им|т\.ч|т\.д|ін|др"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|янв|фев|апр|авг|сент|окт|нояб|дек|січ|лют|квіт|серп|жовт|лист|груд)"
    # a list item's or an ordinal's number ("1.", "24."), not a count ending a sentence ("…, 135. Kyiv said")
    r"|(?<![\w.,])\d{1,2})$",
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

# How a document was dated, most trusted first (docs/schema.md, Document.published_source).
DATE_SOURCES = ("metadata", "dateline", "text", "file", "none")


@dataclass(frozen=True)
class DocumentDate:
    """The date a document speaks from: relative and year-less dates resolve against it and only it."""

    date: date | None
    source: str  # one of DATE_SOURCES
    value: str | None = None  # as stored: the metadata's ISO date-time when that is the source, else the ISO date

    @classmethod
    def of(cls, published: str | None) -> DocumentDate:
        """A publication date given as metadata (an ISO date or date-time), or none."""
        day = _iso_day(published)
        return cls(day, "metadata", published) if day else cls(None, "none")


def _iso_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _full_dates(text: str, lang: str, models_dir: Path, future: re.Pattern[str] | None) -> list[tuple[int, date]]:
    """(offset, day) of every date written with its year, outside sentences about the future."""
    out: list[tuple[int, date]] = []
    for sent in split_sentences(text):
        sentence = text[sent.start : sent.end]
        if future is not None and future.search(sentence):
            continue
        for d in find_dates(sentence, lang, None, models_dir):
            if d.relative:
                continue
            for iso in d.dates:
                if len(iso) == 10:
                    out.append((sent.start + d.start, date.fromisoformat(iso)))
    return out


# What may stand before a dateline's date on its line: a place ("KYIV,", "Київ,", "**New York,") — up to
# three words — or nothing ("6 февраля 2025, 09:10 | Восточный вестник").
_DATELINE_LEAD = re.compile(r"[\s*_#>(\[]*(?:[^\W\d][\w'’.-]*(?:\s+[^\W\d][\w'’.-]*){0,2}\s*[,:(—–-]\s*)?", re.UNICODE)


_DATELINE_TAIL = re.compile(r"[ \t]*(?:$|[-–—(|,.:/*_\n\]]|\d{1,2}:\d{2})", re.MULTILINE)


def dateline(
    text: str, lang: str, models_dir: Path = DEFAULT_MODELS_DIR, reference: date | None = None
) -> DateMatch | None:
    """The dateline: a full date in the first ``DATELINE_CHARS`` characters that opens its line or follows
    the place the report was filed from ("KYIV, October 17, 2025 (Crosscheck Wire) —"), not a date in a
    sentence of the lead ("Обмін розпочався в четвер, 16 жовтня 2025 року"). With a ``reference``, a dateline
    without its year counts too ("KYIV, Oct 16 —"), resolved against it."""
    head = text[:DATELINE_CHARS]
    for d in find_dates(head, lang, reference, models_dir, relative=False, weekdays=False):
        if d.relative or len(d.dates) != 1 or len(d.dates[0]) != 10:
            continue
        line_start = head.rfind("\n", 0, d.start) + 1
        # and a separator after it: "16 жовтня 2025 року Україна повернула…" opens a sentence, not a dateline
        if _DATELINE_LEAD.fullmatch(head[line_start : d.start]) and _DATELINE_TAIL.match(text, d.end):
            return d
    return None


def document_date(
    pages: Sequence[Page],
    languages: Sequence[str],
    published: str | None,
    file_date: str | None = None,
    models_dir: Path = DEFAULT_MODELS_DIR,
    future: re.Pattern[str] | None = None,
) -> DocumentDate:
    """The document's date and where it came from, in this order of trust:

    * ``metadata``: the publication date the file declares (HTML ``article:published_time`` and the like);
    * ``dateline``: a full date opening a line near the top of page 1, or after its place (:func:`dateline`);
    * ``text``: the latest date written with its year anywhere in the text, outside sentences about the
      future ("the next exchange is planned for 1 December 2025" does not date a report);
    * ``file``: the file's own creation date (PDF CreationDate, DOCX core properties, EXIF): when the file
      was made, which is often not when the text was written, hence last;
    * ``none``: then relative and year-less dates stay unresolved, never resolved against the clock.
    """
    declared = _iso_day(published)
    if declared is not None:
        return DocumentDate(declared, "metadata", published)
    lang = languages[0] if languages else ""
    line = dateline(pages[0].text, lang, models_dir) if pages else None
    if line is not None:
        day = _iso_day(line.dates[0])
        if day is not None:
            return DocumentDate(day, "dateline", day.isoformat())
    written = [
        day
        for i, page in enumerate(pages)
        for _, day in _full_dates(page.text, languages[i] if i < len(languages) else lang, models_dir, future)
    ]
    if written:
        latest = max(written)
        return DocumentDate(latest, "text", latest.isoformat())
    from_file = _iso_day(file_date)
    if from_file is not None:
        return DocumentDate(from_file, "file", from_file.isoformat())
    return DocumentDate(None, "none")
