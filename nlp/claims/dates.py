"""Date expressions in uk/ru/en news text, resolved to ISO dates against the document's date.

Forms: numeric "24.05.2025", "24.05.25", "24.05" (two-digit month, so "2.5 тис." is not a date);
written "5 лютого 2025 року", "25 мая", "5 February 2025", "February 5, 2025", "on 5 Feb", "the 5th of
May"; lists "23, 24 і 25 травня", "May 23, 24 and 25"; ranges "з 23 по 25 травня", "23–25 мая", "з 30
квітня по 2 травня", "between 23 and 25 May" (expanded to every day, inclusive); relative "вчора",
"позавчора", "сьогодні", "завтра" and their ru/en equivalents; weekdays "у п'ятницю", "в пятницу", "on
Friday", "минулої п'ятниці", "last Friday".

Decisions:

* A weekday is the most recent such day on or before the reference: a report speaks of the past, and a
  report published on a Friday that says "on Friday" means that day. "last Friday" / "минулої п'ятниці"
  / "в прошлую пятницу" is strictly before the reference (a week back when the weekdays are equal).
* A date without a year takes the reference's year, or the previous year when it would fall after the
  reference ("25 грудня" in a report of 3 January is last December). A list or range takes one year
  for all its days: the reference's when any day is on or before it ("23, 24 і 25 травня" on 24 May is
  this May, all three days), else the year before.
* Without a reference, relative expressions and year-less dates are skipped (they cannot be resolved).
* ``DateMatch.relative`` is True when the expression names no calendar day (вчора, у п'ятницю).
* English month names must be capitalised ("May 5", not "may 5"): "may" is a modal verb. Numeric
  "24/05/2025" is day-first, except in English text where it is month-first when that is valid.
* "минулого тижня", month-only and year-only expressions give nothing: they are not days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.vocab import load_json

__all__ = ["APOSTROPHES_TO_ASCII", "YEARLESS", "DateMatch", "date_spans", "find_dates", "yearless"]

MONTHS_FILE = "lists/months.json"  # under models_dir: the month names list titles use too
DAYS_FILE = "claims/days.json"  # under models_dir: relative days and weekdays
MAX_RANGE_DAYS = 62  # a longer "range" is more likely a misread than a two-month-long event


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    dates: tuple[str, ...]  # ISO dates, in text order (a range expanded day by day)
    surface: str
    relative: bool


# The apostrophes the claim rules unify, one character for one so that offsets stay valid (numbers too).
APOSTROPHES_TO_ASCII = str.maketrans("’ʼ`ʹ", "''''")


@dataclass(frozen=True)
class _Patterns:
    months: dict[str, int]  # lower-cased month word -> month number
    month_token: re.Pattern[str]
    day_first: re.Pattern[str]
    month_first: re.Pattern[str]
    numeric: re.Pattern[str]
    relative: re.Pattern[str]
    weekday: re.Pattern[str]
    weekday_en: re.Pattern[str]
    weekdays: dict[str, int]  # uk/ru weekday form -> weekday (Monday 0)
    relative_days: dict[str, int]  # lower-cased word -> days from the reference
    weekdays_en: tuple[str, ...]  # Monday first


@lru_cache(maxsize=4)
def _patterns(models_dir: Path) -> _Patterns:
    data = load_json(models_dir, MONTHS_FILE)
    days = load_json(models_dir, DAYS_FILE)
    relative_days: dict[str, int] = days["relative"]
    weekdays_en: tuple[str, ...] = tuple(days["weekdays_en"])
    months: dict[str, int] = {}
    cyr: list[str] = []
    en: list[str] = []
    for lang, table in data.items():
        if not isinstance(table, dict):
            continue
        for word, number in table.items():
            months[word.lower()] = number
            if lang == "en":
                en += [word.capitalize(), word.upper()]  # never lower case: "may" is a verb
            else:
                cyr.append(word)
    cyr_alt = "|".join(re.escape(w) for w in sorted(cyr, key=len, reverse=True))
    en_alt = "|".join(re.escape(w) for w in sorted(en, key=len, reverse=True))
    month_any = rf"(?:(?i:{cyr_alt})|(?:{en_alt})(?:(?<=[a-z])\.)?)(?![\w])"  # "Feb." keeps its dot, "травня." not
    month_en = rf"(?:{en_alt})\.?(?![\w])"
    day = r"\d{1,2}(?!\d)(?:-?(?:го|е|ого|ое|st|nd|rd|th)(?![\w]))?"
    sep = (
        r"(?:\s*,\s*(?:(?:і|и|й|та|and)\s+)?|\s+(?:і|и|й|та|and|&)\s+|\s*[-–—]\s*"
        r"|\s+(?:по|до|to|until|till|through)\s+)"
    )
    year_tail = r"(?:,?\s+\d{4}(?!\d)(?:\s*(?:року|рік|р\.|рр\.|г\.|года|год|р(?![\w])|г(?![\w])))?)?"
    lead = r"(?:(?:з|із|зі|від|с|со|от|from|between)\s+)?"
    day_first = re.compile(
        rf"(?<![\w.,])(?i:{lead}){day}(?:\s+(?:of\s+)?{month_any})?(?:{sep}{day}(?:\s+(?:of\s+)?{month_any})?)*"
        rf"\s+(?:of\s+)?{month_any}{year_tail}"
    )
    month_first = re.compile(rf"(?<![\w])(?i:{lead}){month_en}\s+{day}(?:{sep}{day})*{year_tail}")
    numeric = re.compile(
        r"(?<![\w.,/:])(?P<d>\d{1,2})(?P<s>[./])(?P<m>\d{1,2})(?:(?P=s)(?P<y>\d{4}|\d{2}))?(?![\w]|[.,/:]\d)"
        r"(?:\s*(?:року|рік|р\.|г\.|года|р(?![\w])|г(?![\w])))?"
    )
    rel = "|".join(re.escape(w) for w in sorted(relative_days, key=len, reverse=True))
    relative = re.compile(rf"(?<![\w'])(?i:{rel})(?![\w'])")
    # Weekday forms after a preposition (accusative) and after "минулої"/"прошлый" (genitive/accusative).
    weekdays = {form: n for n, forms in enumerate(days["weekdays"]) for form in forms}
    wd_alt = "|".join(re.escape(w) for w in sorted(weekdays, key=len, reverse=True))
    weekday = re.compile(
        rf"(?<![\w'])(?i:(?:(?P<last>минул\w*|прошл\w*|у\s+минул\w*|в\s+прошл\w*)|у|в|во|ув)\s+(?P<wd>{wd_alt}))(?![\w'])"
    )
    weekday_en = re.compile(
        rf"(?<![\w])(?:(?i:(?P<last>last)|on|this\s+past)\s+)?(?P<wd>{'|'.join(weekdays_en)})(?![\w])"
    )
    return _Patterns(
        months=months,
        month_token=re.compile(rf"(?i:{cyr_alt})|{en_alt}"),
        day_first=day_first,
        month_first=month_first,
        numeric=numeric,
        relative=relative,
        weekday=weekday,
        weekday_en=weekday_en,
        weekdays=weekdays,
        relative_days=relative_days,
        weekdays_en=weekdays_en,
    )


_TOKEN = re.compile(
    r"(?P<year>(?<!\d)\d{4}(?!\d))|(?P<day>(?<!\d)\d{1,2}(?!\d))"
    r"|(?P<range>[-–—]|(?<![\w])(?:по|до|to|until|till|through)(?![\w]))|(?P<between>(?i:between))"
    r"|(?P<and>(?<![\w])(?:і|и|й|та|and|&)(?![\w]))"
)


def _with_year(m: int, d: int, year: int | None, reference: date | None) -> date | None:
    """The day, with its year given or taken from the reference (the previous year if it would follow it)."""
    if year is not None:
        try:
            return date(year, m, d)
        except ValueError:
            return None
    if reference is None:
        return None
    for y in range(reference.year, reference.year - 8, -1):  # 8 years back finds a 29 February
        try:
            candidate = date(y, m, d)
        except ValueError:
            continue
        if candidate <= reference:
            return candidate
    return None


def _list_year(days: list[list[int]], reference: date | None) -> int | None:
    """One year for a year-less list ("23, 24 і 25 травня"), never day by day: the reference's year when
    any day of the list falls on or before the reference (a list straddling it keeps its year), else the
    year before. None (each day resolved alone) without a reference or when a day is not valid in it."""
    if reference is None:
        return None
    try:
        earliest = min(date(reference.year, m, d) for d, m, _ in days)
    except ValueError:
        return None  # 29 February: let each day find its year
    return reference.year if earliest <= reference else reference.year - 1


def _written(surface: str, month_first: bool, reference: date | None, p: _Patterns) -> tuple[str, ...] | None:
    """Days of a written date expression (list or range) → ISO dates; None when any day is invalid."""
    items: list[tuple[str, int]] = []  # ("day"|"month"|"year"|"range"|"between"|"and", value)
    pos = 0
    while pos < len(surface):
        mm = p.month_token.match(surface, pos)
        if mm and (pos == 0 or not surface[pos - 1].isalnum()) and not surface[mm.end() : mm.end() + 1].isalnum():
            items.append(("month", p.months[mm.group(0).lower()]))
            pos = mm.end()
            continue
        tm = _TOKEN.match(surface, pos)
        if tm:
            kind = tm.lastgroup or ""
            items.append((kind, int(tm.group(0)) if kind in ("day", "year") else 0))
            pos = tm.end()
            continue
        pos += 1
    year = next((v for k, v in items if k == "year"), None)
    between = any(k == "between" for k, _ in items)
    # Each day takes the month written after it (day-first) or before it (month-first).
    days: list[list[int]] = []  # [day, month, range-start flag]
    last_month = 0
    for kind, value in items:
        if kind == "month":
            if month_first:
                last_month = value
            else:
                for entry in days:
                    if entry[1] == 0:
                        entry[1] = value
        elif kind == "day":
            days.append([value, last_month if month_first else 0, 0])
        elif (kind == "range" or (kind == "and" and between)) and days:
            days[-1][2] = 1
    if not days or any(m == 0 for _, m, _ in days):
        return None
    list_year = year if year is not None else _list_year(days, reference)
    result: list[str] = []
    i = 0
    while i < len(days):
        d, m, ranged = days[i]
        first = _with_year(m, d, list_year, reference)
        if first is None:
            return None
        if ranged and i + 1 < len(days):
            d2, m2, _ = days[i + 1]
            last = _with_year(m2, d2, list_year, reference)
            if last is None:
                return None
            if year is None and last < first:  # "з 28 грудня по 3 січня": the start is in the year before
                first = _with_year(m, d, last.year - 1, None) or first
            span = (last - first).days
            if 0 <= span <= MAX_RANGE_DAYS:
                result += [(first + timedelta(days=k)).isoformat() for k in range(span + 1)]
            else:
                result += [first.isoformat(), last.isoformat()]
            i += 2
            continue
        result.append(first.isoformat())
        i += 1
    return tuple(dict.fromkeys(result))


def _numeric(m: re.Match[str], text: str, lang: str, reference: date | None) -> tuple[str, ...] | None:
    d, mo = int(m.group("d")), int(m.group("m"))
    y_raw = m.group("y")
    if y_raw is None:
        # "24.05" only with a two-digit month, not a time ("о 10.30"), not a decimal before a scale word.
        if len(m.group("m")) != 2 or m.group("s") != ".":
            return None
        before = text[max(0, m.start() - 8) : m.start()].lower()
        if re.search(r"(?:^|\W)(?:о|об|at)\s*$", before):
            return None
        if re.match(r"\s*(?:тис|тыс|млн|млрд|thousand|million|billion|%|грн|\$|€|км|km|м\b|кг|kg)", text[m.end() :]):
            return None
    year = None if y_raw is None else int(y_raw) + (2000 if len(y_raw) == 2 else 0)
    if m.group("s") == "/" and lang == "en" and mo <= 31 and d <= 12 and _with_year(d, mo, year or 2000, None):
        d, mo = mo, d  # US order in English text when valid
    resolved = _with_year(mo, d, year, reference)
    return (resolved.isoformat(),) if resolved else None


def _weekday(n: int, last: bool, reference: date) -> date:
    back = (reference.weekday() - n) % 7
    if last and back == 0:
        back = 7
    return reference - timedelta(days=back)


def _candidates(text: str, p: _Patterns) -> list[tuple[int, int, str, re.Match[str]]]:
    found = [(m.start(), m.end(), "day_first", m) for m in p.day_first.finditer(text)]
    found += [(m.start(), m.end(), "month_first", m) for m in p.month_first.finditer(text)]
    found += [(m.start(), m.end(), "numeric", m) for m in p.numeric.finditer(text)]
    return found


_FAR_FUTURE = date(9000, 12, 31)  # a reference every year-less day precedes: validity only, not resolution
# A year no report is from (a leap year, so 29 February exists): a document whose date has no year resolves
# its year-less dates into it, and they leave as "--MM-DD" (ISO 8601 for a day of an unknown year).
YEARLESS = 4000


def yearless(iso: str | None) -> str | None:
    """ "4000-10-16" (or 3999-…, a range reaching back over New Year) -> "--10-16"; other dates unchanged."""
    if iso and iso[:4] in (str(YEARLESS), str(YEARLESS - 1)):
        return "--" + iso[5:10]
    return iso


def date_spans(text: str, lang: str, models_dir: Path = DEFAULT_MODELS_DIR) -> list[tuple[int, int]]:
    """Spans of valid calendar-date expressions, year or not: numbers inside them are days and years, not counts."""
    return [(m.start, m.end) for m in find_dates(text, lang, _FAR_FUTURE, models_dir) if not m.relative]


def find_dates(
    text: str,
    lang: str,
    reference: date | None = None,
    models_dir: Path = DEFAULT_MODELS_DIR,
    *,
    relative: bool = True,
    weekdays: bool = True,
) -> list[DateMatch]:
    """Every date expression in ``text`` in order, non-overlapping, resolved against ``reference``.
    ``relative`` / ``weekdays`` False: "вчора" / "у п'ятницю" are not read (a reference in a year the
    calendar does not know, :data:`YEARLESS`, cannot say which day a Friday was)."""
    p = _patterns(models_dir)
    norm = text.translate(APOSTROPHES_TO_ASCII)
    out: list[tuple[int, int, tuple[str, ...], bool]] = []
    for start, end, kind, m in _candidates(norm, p):
        if kind == "numeric":
            dates = _numeric(m, norm, lang, reference)
        else:
            dates = _written(m.group(0), kind == "month_first", reference, p)
        if dates:
            out.append((start, end, dates, False))
    if reference is not None and reference != _FAR_FUTURE and relative:
        for m in p.relative.finditer(norm):
            day = reference + timedelta(days=p.relative_days[m.group(0).lower()])
            out.append((m.start(), m.end(), (day.isoformat(),), True))
    if reference is not None and reference != _FAR_FUTURE and weekdays:
        for m in p.weekday.finditer(norm):
            n = p.weekdays[m.group("wd").lower()]
            out.append((m.start(), m.end(), (_weekday(n, bool(m.group("last")), reference).isoformat(),), True))
        for m in p.weekday_en.finditer(norm):
            n = p.weekdays_en.index(m.group("wd"))
            out.append((m.start(), m.end(), (_weekday(n, bool(m.group("last")), reference).isoformat(),), True))
    out.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    result: list[DateMatch] = []
    last_end = -1
    for start, end, dates, relative in out:
        if start < last_end:
            continue
        result.append(DateMatch(start, end, dates, text[start:end], relative))
        last_end = end
    return result
