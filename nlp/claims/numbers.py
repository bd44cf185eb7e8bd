"""Cardinal numbers in uk/ru/en text, written in digits or words, with the qualifier before them.

"понад 150", "1 000", "1,000", "2,5 тис.", "2.5 thousand", "сто вісімдесят троє", "ста восьмидесяти
трёх", "двохсот", "півтори тисячі", "three hundred and three", "twenty-six", "a thousand".

Words come from ``claims/numbers.json`` under the caller's ``models_dir``: every inflected form is
listed (brace groups expand), so matching is one regex plus a dictionary lookup, with no morphology per
token. Compound numbers are parsed left to right: hundreds, then tens, then units (a teen closes the
group), then a scale word (тисяча, мільйон, thousand) multiplies what came before; a word that does not
fit starts a new number.

Not cardinals, so left out: days and years inside date expressions (``nlp.claims.dates.date_spans``),
years with context ("у 2022 році", "in 2014", "2014–2022"), times ("10:00", "о 10.30"), ordinals
("5-й", "36-та", "5th"; ordinal words are not in the vocabulary), unit numbers ("36 ОБрМП", "36-та
бригада", "2 батальйони" — any number before a formation word), ids and phones ("в/ч А1234", "№ 5",
"+380 67 123 45 67"). Vague plurals ("сотні", "тисячі", "thousands", "dozens", "десятки") are skipped:
they have no value. Separators: space/nbsp between groups of three is a thousands separator; a comma
with three digits after it is one in English (and in uk/ru unless a scale word follows: "1,250 тис." is
1250); a dot with three digits after it is one in uk/ru only (their decimal mark is the comma) and
never before a scale word; otherwise comma and dot are decimal marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.claims.dates import APOSTROPHES_TO_ASCII, date_spans
from nlp.units import find_units
from nlp.vocab import load_json

__all__ = ["NumberMatch", "find_numbers"]

NUMBERS_FILE = "claims/numbers.json"  # under models_dir
MONTHS_FILE = "lists/months.json"  # the month names dates and list titles use: one table
MAX_PLAIN_DIGITS = 8  # a longer unseparated digit run is an id or a phone number, not a count


@dataclass(frozen=True)
class NumberMatch:
    start: int  # [start, end) covers the qualifier and the number
    end: int
    value: float
    qualifier: str  # one of crosscheck.records.claims.QUALIFIERS
    surface: str


@dataclass(frozen=True)
class _Word:
    kind: str  # unit | teen | ten | hundred | en_hundred | scale | fraction | article
    value: float
    alone: bool  # a scale form that stands without a multiplier ("тисяча", not "тисячі")


@dataclass(frozen=True)
class _Lang:
    words: dict[str, _Word]
    word_re: re.Pattern[str]
    qualifier_re: re.Pattern[str]
    qualifiers: dict[str, str]
    scale_after_re: re.Pattern[str]  # a scale word right after digits: "2,5 тис.", "3 million"


def _expand(form: str) -> list[str]:
    """'двадцят{ь,и}' → ['двадцять', 'двадцяти']."""
    m = re.search(r"\{([^}]*)\}", form)
    if not m:
        return [form]
    return [x for alt in m.group(1).split(",") for x in _expand(form[: m.start()] + alt + form[m.end() :])]


def _alt(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


@lru_cache(maxsize=16)
def _lang(lang: str, models_dir: Path) -> _Lang:
    data = load_json(models_dir, NUMBERS_FILE)
    table = data.get(lang) or data["uk"]
    words: dict[str, _Word] = {}
    for kind in ("unit", "teen", "ten", "hundred", "en_hundred", "fraction"):
        for value, forms in table.get(kind, {}).items():
            for form in forms:
                for f in _expand(form):
                    words[f] = _Word(kind, float(value), False)
    scale_forms: list[str] = []
    for value, groups in table.get("scale", {}).items():
        alone = {f for form in groups["alone"] for f in _expand(form)}
        for f in alone | {f for form in groups["multiplied"] for f in _expand(form)}:
            words[f] = _Word("scale", float(value), f in alone)
            scale_forms.append(f)
    for form in table.get("article", []):
        words[form] = _Word("article", 1.0, False)
    # A form ending in "." (тис.) must not need a word boundary after it.
    word_re = re.compile(rf"(?<![\w'])(?:{_alt(list(words))})(?:(?<=\.)|(?![\w']))")
    qualifiers = {
        phrase: name for name, phrases in data["qualifiers"].get(lang, data["qualifiers"]["uk"]).items()
        for phrase in phrases
    }  # fmt: skip
    qualifier_re = re.compile(rf"(?<![\w'])(?:{_alt(list(qualifiers))})\s+$")
    scale_after_re = re.compile(rf"\s*(?:{_alt(scale_forms)})(?:(?<=\.)|(?![\w']))")
    return _Lang(words, word_re, qualifier_re, qualifiers, scale_after_re)


@lru_cache(maxsize=4)
def _month_alt(models_dir: Path) -> str:
    data = load_json(models_dir, MONTHS_FILE)
    return _alt([w for table in data.values() if isinstance(table, dict) for w in table])


_DIGITS = re.compile(
    r"(?<![\w+№#/\\])(?<!\d[.,:])(?<!No\.\s)"
    r"(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])(?:,\d+)?"  # 1 000 / 1 000,5
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])"  # 1,000 / 1,000.5
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d])"  # 1.000 (uk/ru)
    r"|\d+(?:[.,]\d+)?)"
    r"(?![\d]|[.,:]\d)"
)
_PHONE = re.compile(r"\+\d[\d\s()-]{7,}\d|\(\d{2,4}\)\s?\d[\d\s-]{4,}\d|\b\d{2,4}(?:-\d{2,4}){2,}\b")
# Suffixes that keep a digit number cardinal ("5-ти", "2-х", "3-ма"); any other letter suffix is an ordinal.
_CARDINAL_SUFFIX = re.compile(r"-(?:х|ти|ми|ма|ох|ьох|ух|ех|ёх|ьма|мя|ьмя|ом|ум|ем|ём)(?![\w])")
_GLUED = re.compile(r"\s?-\s?[^\W\d_]|[^\W\d_]")
_FORMATION = re.compile(
    r"\s*(?:окрем\w*\s+|отдельн\w*\s+|separate\s+)?(?i:бригад|батальйон|батальон|полк|дивізі|дивизи|корпус|"
    r"brigade|battalion|regiment|division|corps|омбр|обр|ошб|одшб|огшб|омпб|ососн|оп\b|ссо\b)",
)
_YEAR_AFTER = re.compile(
    r"\s*(?:-?(?:го|й|му|ий|х|ті|те|ых|их|ого|ому|ім|і)(?![\w])|р\.|рр\.|рік|року|році|роки|роках|рок|г\.|гг\.|"
    r"год|года|году|годах|годы|годов|year|years|'s|s(?![\w]))",
    re.IGNORECASE,
)
_YEAR_BEFORE = re.compile(
    r"(?:^|[^\w'])(?:у|в|во|із|з|зі|від|с|со|от|in|since|by|of|from|after|before|until|till|between|між|"
    r"між|між|року|році)\s+$",
    re.IGNORECASE,
)
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d(?!\d)")
_TIME_BEFORE = re.compile(r"(?:^|\W)(?:о|об|at)\s+$", re.IGNORECASE)
_WORD_GAP = re.compile(r"[ \t\u00a0]+|[ \t\u00a0]*-[ \t\u00a0]*|[ \t\u00a0]+and[ \t\u00a0]+", re.IGNORECASE)
_DIGIT_GAP = re.compile(r"[ \t\u00a0]*")


def _digit_value(raw: str, lang: str, scaled: bool) -> float | None:
    if len(re.sub(r"\D", "", raw)) > MAX_PLAIN_DIGITS and not re.search(r"[\s.,]", raw):
        return None
    s = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if " " in s:
        return float(s.replace(" ", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?", s):
        return float(s.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3},\d{3}", s):
        # English thousands; in uk/ru a decimal before a scale word ("1,250 тис.") or after a zero.
        if lang != "en" and (scaled or s.startswith("0")):
            return float(s.replace(",", "."))
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d{1,3}\.\d{3}", s):
        if lang != "en" and not scaled and not s.startswith("0"):
            return float(s.replace(".", ""))
        return float(s)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+", s):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", s):
        return float(s.replace(".", "").replace(",", "."))
    return float(s.replace(",", "."))


def _is_year(text: str, start: int, end: int, raw: str, month_re: re.Pattern[str]) -> bool:
    if not re.fullmatch(r"(?:19|20)\d\d", raw):
        return False
    if _YEAR_AFTER.match(text, end) or _YEAR_BEFORE.search(text[max(0, start - 12) : start]):
        return True
    if month_re.search(text[max(0, start - 20) : start]):
        return True
    around = text[max(0, start - 7) : end + 7]
    return any(m.start() <= start - max(0, start - 7) < m.end() for m in _YEAR_RANGE.finditer(around))


def _digit_excluded(text: str, start: int, end: int, raw: str, month_re: re.Pattern[str]) -> bool:
    after = text[end:]
    if _GLUED.match(after) and not _CARDINAL_SUFFIX.match(after):
        return True  # "5-й", "36-та", "5th", "А1234" glued forms
    if _FORMATION.match(after):
        return True  # "36 бригада", "2 батальйони"
    if re.search(r"(?:№|#|No\.?)\s*$", text[max(0, start - 4) : start]):
        return True  # "№ 5": a number as a name
    if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
        return True  # "067": a code, not a count
    if re.fullmatch(r"\d{1,2}[.:]\d{2}", raw) and _TIME_BEFORE.search(text[max(0, start - 6) : start]):
        return True  # "о 10.30"
    return _is_year(text, start, end, raw, month_re)


@dataclass
class _Acc:
    """A number being parsed from words: ``total`` holds finished scale groups, ``group`` the one under way."""

    start: int
    end: int = 0
    total: float = 0.0
    group: float = 0.0
    level: int = 9  # 3 hundreds, 2 tens, 1 units: the next word must be of a lower level
    last_scale: float = float("inf")
    fraction: float = 0.0
    article: bool = False
    words: int = 0

    def value(self) -> float | None:
        if self.article and self.words == 1:
            return None  # a bare "a"
        if self.fraction and not self.group:
            return self.total + self.fraction
        return self.total + self.group if self.words else None

    def take(self, w: _Word) -> bool:
        """Add a word if the grammar allows it here; False closes this number."""
        if w.kind == "article":
            if self.words:
                return False
            self.article = True
        elif w.kind == "fraction":
            if self.words:
                return False
            self.fraction = w.value
        elif w.kind == "hundred":
            if self.group or self.fraction or self.article:
                return False
            self.group, self.level = w.value, 3
        elif w.kind == "en_hundred":
            if not (self.article or 0 < self.group < 10) or self.level < 1 or self.fraction:
                return False
            self.group, self.level = (self.group or 1) * 100, 3
        elif w.kind in ("ten", "teen", "unit"):
            need = {"ten": 2, "teen": 2, "unit": 1}[w.kind]
            if self.level <= need or self.fraction or self.article:
                return False
            self.group += w.value
            self.level = 2 if w.kind == "ten" else 1
        elif w.kind == "scale":
            if w.value >= self.last_scale:
                return False
            multiplier = self.fraction or self.group or (1.0 if self.article or w.alone else 0.0)
            if not multiplier:
                return False  # "тисячі людей": vague
            self.total += multiplier * w.value
            self.group, self.fraction, self.article, self.level, self.last_scale = 0.0, 0.0, False, 9, w.value
        self.words += 1
        return True


def _word_numbers(text: str, low: str, vocab: _Lang, month_re: re.Pattern[str]) -> list[tuple[int, int, float]]:
    out: list[tuple[int, int, float]] = []
    acc: _Acc | None = None

    def close() -> None:
        if acc is not None:
            v = acc.value()
            if v is not None and not _word_year_or_day(low, acc.end, month_re):
                out.append((acc.start, acc.end, v))

    for m in vocab.word_re.finditer(low):
        w = vocab.words[m.group(0)]
        joined = acc is not None and _WORD_GAP.fullmatch(low, acc.end, m.start()) is not None
        if acc is not None and joined and acc.take(w):
            acc.end = m.end()
            continue
        close()
        acc = _Acc(m.start())
        if w.kind == "scale" and vocab.qualifier_re.search(low, max(0, m.start() - 40), m.start()):
            # "близько тисячі", "около сотни": after a qualifier the genitive singular is one thousand/hundred.
            w = _Word("scale", w.value, True)
        if acc.take(w):
            acc.end = m.end()
        else:
            acc = None
    close()
    return out


def _word_year_or_day(low: str, end: int, month_re: re.Pattern[str]) -> bool:
    """ "дві тисячі двадцять п'ятого року", "двадцять п'ятого травня": the tail is an ordinal of a date."""
    return bool(re.match(rf"\s+(?:[\w']+\s+)?(?:року|рік|році|года|году|год|{month_re.pattern})(?![\w])", low[end:]))


def find_numbers(text: str, lang: str, models_dir: Path = DEFAULT_MODELS_DIR) -> list[NumberMatch]:
    """Every cardinal number in ``text``, digits or words, non-overlapping, in order, with its qualifier."""
    vocab = _lang(lang if lang in ("uk", "ru", "en") else "uk", models_dir)
    norm = text.translate(APOSTROPHES_TO_ASCII)
    low = norm.lower()
    if len(low) != len(norm):  # "İ" lower-cases to two chars: keep offsets aligned
        low = "".join(c.lower()[0] for c in norm)
    month_re = re.compile(rf"(?i:{_month_alt(models_dir)})")
    blocked = date_spans(norm, lang, models_dir) + [(u.start, u.end) for u in find_units(norm, models_dir)]
    blocked += [(m.start(), m.end()) for m in _PHONE.finditer(norm)]

    def free(s: int, e: int) -> bool:
        return not any(bs < e and s < be for bs, be in blocked)

    found: list[tuple[int, int, float]] = []
    for m in _DIGITS.finditer(norm):
        s, e, raw = m.start(), m.end(), m.group("num")
        if not free(s, e) or _digit_excluded(norm, s, e, raw, month_re):
            continue
        scale = vocab.scale_after_re.match(low, e)
        value = _digit_value(raw, lang, scaled=bool(scale))
        if value is None:
            continue
        if scale:
            value *= vocab.words[scale.group(0).strip()].value
            e = scale.end()
        elif suffix := _CARDINAL_SUFFIX.match(norm, e):
            e = suffix.end()  # "5-ти", "2-х": the case ending belongs to the number
        found.append((s, e, value))
    taken = [(s, e) for s, e, _ in found]
    for s, e, v in _word_numbers(norm, low, vocab, month_re):
        if free(s, e) and not any(ts < e and s < te for ts, te in taken):
            found.append((s, e, v))
    found.sort()

    result: list[NumberMatch] = []
    for s, e, v in found:
        qualifier, qs = "exact", s
        q = vocab.qualifier_re.search(low, max(0, s - 40), s)
        if q and (not result or result[-1].end <= q.start()):
            phrase = re.sub(r"\s+", " ", q.group(0).strip())
            name = vocab.qualifiers.get(phrase)
            # "від 100 до 200": "до" closes a range, it does not qualify the second number.
            if phrase == "до" and result and not low[result[-1].end : q.start()].strip():
                name = None
            if name:
                qualifier, qs = name, q.start()
        result.append(NumberMatch(qs, e, v, qualifier, text[qs:e]))
    return result
