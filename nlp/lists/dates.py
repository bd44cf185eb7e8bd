"""Dates on list rows and titles: numeric (with OCR letters for digits), ISO, "1987 р.н.", written out.

Letters inside a date become digits (O→0, l→1, З→3, б→6, S→5, B→8) only when most characters of the
date were digits already. A birth year without day and month ("1987 р.н.", "1987 г.р.", a bare year
in a birth-date column) gives ``"1987"`` (ISO 8601 reduced precision). Two-digit years of birth
("04.11.87") are 19yy unless that would be in the future century-wise (yy ≤ this year's yy → 20yy);
two-digit years in titles are always 20yy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.lists.lookalikes import Lookalikes, load_lookalikes

__all__ = ["BARE_YEAR_RE", "Date", "MonthDates", "build_month_dates", "find_dates", "parse_date", "valid", "word_dates"]

_ISO_DATE_RE = re.compile(r"(?<![\w.-])(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?![\w-])")
_YEAR_RE = re.compile(
    r"(?<![\w.])(?P<y>(?:19|20)\d\d)\s*(?:р\.?\s*н\.?|г\.?\s*р\.?|року\s+народження|года\s+рождения|born)(?![\w])",
    re.IGNORECASE,
)
BARE_YEAR_RE = re.compile(r"^\s*(?P<y>(?:19|20)\d\d)\s*(?:р\.?|г\.?)?\s*$")


@lru_cache(maxsize=4)
def _numeric_date_re(date_chars: str) -> re.Pattern[str]:
    """d.m.y with any of ``date_chars`` (a character class body: digits and their look-alike letters)."""
    return re.compile(
        rf"(?<![\w.])(?P<d>[{date_chars}]{{1,2}})\s?[./:,-]\s?(?P<m>[{date_chars}]{{1,2}})\s?[./:,-]\s?"
        rf"(?P<y>[{date_chars}]{{4}}|[{date_chars}]{{2}})(?![\w])(?:\s*(?:року|года|р\.|г\.|р(?![\w])|г(?![\w])))?"
    )


@dataclass(frozen=True)
class Date:
    iso: str
    start: int
    end: int
    raw: str
    fixed: str  # the digits as repaired ("O4.11.1987" → "04.11.1987"), == raw when nothing changed


def _year(two_or_four: str, birth: bool) -> int:
    y = int(two_or_four)
    if len(two_or_four) == 4:
        return y
    this = date.today().year
    if birth and y > this % 100:
        return 1900 + y
    return 2000 + y


def valid(y: int, m: int, d: int, birth: bool) -> str | None:
    """The ISO date, or None when it is no date or, for a birth date, not a plausible one."""
    try:
        when = date(y, m, d)
    except ValueError:
        return None
    if birth and not (1900 <= y <= date.today().year) or not 1900 <= y <= 2100:
        return None
    return when.isoformat()


@lru_cache(maxsize=20_000)
def find_dates(text: str, birth: bool, lookalikes: Lookalikes, year_only: bool = False) -> tuple[Date, ...]:
    """Every date in ``text`` (numeric, ISO, year with "р.н." and, if ``year_only``, a bare year), in order."""
    found: list[Date] = []
    date_letters = lookalikes.date_letters
    for m in _numeric_date_re(lookalikes.date_chars).finditer(text):
        raw = m.group(0)
        core = text[m.start() : m.end("y")]
        digits = sum(c.isdigit() for c in core)
        odd = sum(c in date_letters for c in core)
        if digits < 4 or odd * 3 > digits:  # "О.І. 04" is initials before a number, not a date
            continue
        fixed = "".join(date_letters.get(c, c) for c in core)
        parts = re.split(r"\s?[./:,-]\s?", fixed)
        if len(parts) != 3 or not all(p.isdigit() for p in parts):
            continue
        if birth and len(parts[2]) == 4 and parts[2].startswith("10"):
            # OCR reads the 9 of "19xx" as 0; no one alive was born in the 11th century.
            fixed = fixed[:-4] + "19" + parts[2][2:]  # the year ends the matched core
            parts[2] = fixed[-4:]
        iso = valid(_year(parts[2], birth), int(parts[1]), int(parts[0]), birth)
        if iso:
            found.append(Date(iso, m.start(), m.end(), raw, fixed + raw[len(core) :]))
    for m in _ISO_DATE_RE.finditer(text):
        iso = valid(int(m.group("y")), int(m.group("m")), int(m.group("d")), birth)
        if iso:
            found.append(Date(iso, m.start(), m.end(), m.group(0), m.group(0)))
    taken = [(d.start, d.end) for d in found]
    for m in _YEAR_RE.finditer(text):
        if all(m.end() <= s or m.start() >= e for s, e in taken):
            found.append(Date(m.group("y"), m.start(), m.end(), m.group(0), m.group(0)))
    if year_only and not found:
        m = BARE_YEAR_RE.match(text)
        if m and int(m.group("y")) <= date.today().year:
            found.append(Date(m.group("y"), m.start("y"), m.end("y"), m.group("y"), m.group("y")))
    return tuple(sorted(found, key=lambda d: d.start))


def parse_date(text: str, birth: bool = True, models_dir: Path | str = DEFAULT_MODELS_DIR) -> str | None:
    """The first date in ``text`` as ISO ("O4.11.1987 р." → "1987-11-04", "1987 р.н." → "1987"), or None."""
    dates = find_dates(text, birth, load_lookalikes(models_dir), year_only=True)
    return dates[0].iso if dates else None


# --- dates written out ("24 травня 2025 року", "May 24, 2025") ------------------------------------------
@dataclass(frozen=True, eq=False)
class MonthDates:
    months: dict[str, int]  # month name (any case form, lower case) → 1..12
    word_date_re: re.Pattern[str]  # "24 травня 2025", "5-го лютого 2025"
    en_word_date_re: re.Pattern[str]  # "May 24, 2025"


def build_month_dates(months_data: dict[str, Any]) -> MonthDates:
    """The written-out date patterns for the month names of ``models/lists/months.json``."""
    months = {m: n for by_lang in months_data.values() if isinstance(by_lang, dict) for m, n in by_lang.items()}
    month_alt = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    word_date_re = re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?:-?(?:го|е|ого|st|nd|rd|th))?\s+(?P<m>{month_alt})\.?,?\s+(?P<y>\d{{4}})",
        re.IGNORECASE,
    )
    en_word_date_re = re.compile(
        rf"(?<![\w])(?P<m>{month_alt})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.IGNORECASE
    )
    return MonthDates(months=months, word_date_re=word_date_re, en_word_date_re=en_word_date_re)


def word_dates(text: str, months: MonthDates) -> list[tuple[int, str]]:
    """(offset, ISO date) of every date written out with a month name."""
    out: list[tuple[int, str]] = []
    for rx in (months.word_date_re, months.en_word_date_re):
        for m in rx.finditer(text):
            month = months.months.get(m.group("m").lower())
            iso = valid(int(m.group("y")), month, int(m.group("d")), False) if month else None
            if iso:
                out.append((m.start(), iso))
    return out
