"""Lists and tables of people to records: one ``ListRow`` per person row, with provenance.

Two sources of rows:

* ``Page.tables`` (ruled/aligned OCR grids, pdfplumber tables). Columns are mapped to fields by their
  header (uk/ru/en vocabulary in ``models/lists/headers.json``, matched exactly, then fuzzily, then by
  keyword, so that OCR-damaged headers still map); columns without a recognised header are mapped by
  the shape of their values (dates, years, unit codes, ranks, capitalised names).
* Numbered lines of page text ("1. Гайдук Степан Іванович, 04.11.1987, солдат, 36 ОБрМП") outside
  any table; fields are found by value shape. A numbered line is a person row only if it holds a
  plausible name (morphology tags it Name/Surn/Patr, a known first name or patronymic, or 2–3
  capitalised words next to a birth date), so "1. Обмін відбувся ..." gives nothing.

OCR repair. Tesseract's remaining errors on lists are look-alikes at high confidence, so repairs are
driven by dictionaries, not by confidence: Latin letters inside a Cyrillic word are always replaced (a
word never mixes scripts); digits 0/3/6 inside a name become О/З/б; uk/ru look-alike letters (е/є,
и/і/ї, ё/е) are swapped only when the raw word is unknown to pymorphy3 in the page language and the
swapped one is known; letters inside dates become digits (O→0, l→1, З→3, б→6, S→5, B→8) only when most
characters of the date were digits already. Every repair is listed in ``ListRow.repairs``;
``name_raw`` and ``raw`` keep what was read.

Decisions:

* A birth year without day and month ("1987 р.н.", "1987 г.р.", a bare year in a birth-date column)
  gives ``birth_date = "1987"`` (ISO 8601 reduced precision), so the key is ``name|1987``. A list that
  gives the full date for the same person makes another key: matching "1987" against "1987-11-04" is
  left to the graph, which sees both.
* Two-digit years of birth ("04.11.87") are 19yy unless that would be in the future century-wise
  (yy ≤ this year's yy → 20yy); two-digit years in titles are always 20yy.
* Status: a row's own status column (or a status phrase in its notes or its text) wins over the
  title's; the title's date is only used for a row whose status is the title's status.
* Ranks and status words in free text must be lower case: "Майор", "Загинайко" are surnames.
"""

from __future__ import annotations

import json
import logging
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from crosscheck.records.pages import Box, Cell, Page, Table, box_under, union_box, words_under
from crosscheck.records.facts import ListInfo, ListRow
from nlp.normalize import (
    FIRST_NAMES_CYRILLIC,
    display_case,
    is_first_name,
    morph,
    normalize_person,
    parse_word,
    person_key,
)
from nlp.translit import guess_cyrillic_language, has_cyrillic, normalize_apostrophes
from nlp.units import Unit, find_units, unit_name

__all__ = ["extract_list", "listed_person_key", "parse_date", "repair_name"]

log = logging.getLogger(__name__)

LISTS_DIR = Path(__file__).resolve().parent.parent / "models" / "lists"
MORPH_LANGS = ("uk", "ru")
NAME_FIELDS = ("surname", "given", "patronymic")
HEADER_FUZZY_MIN = 84  # rapidfuzz ratio: "Прізвнще" (OCR и for и/н) still maps, "Примітка" vs "Прізвище" does not
REPAIR_PENALTY = 0.05
NO_BIRTH_DATE_PENALTY = 0.15
WEAK_NAME_PENALTY = 0.1
MAX_TITLE_CHARS = 300

# --- look-alikes -------------------------------------------------------------------------------------
_LATIN_LOOKALIKES = "aeopcxyiBHKMTAOPCEXIk"
_CYRILLIC_OF_LATIN = "аеорсхуіВНКМТАОРСЕХІк"
_LAT_TO_CYR = str.maketrans(_LATIN_LOOKALIKES, _CYRILLIC_OF_LATIN)
_LATIN_LOOKALIKE_SET = frozenset(_LATIN_LOOKALIKES)
# Inside a date: letters OCR reads for digits.
_DATE_LETTERS = {"O": "0", "o": "0", "О": "0", "о": "0", "l": "1", "I": "1", "|": "1", "і": "1", "З": "3", "з": "3"}
_DATE_LETTERS |= {"б": "6", "S": "5", "s": "5", "B": "8", "В": "8"}
_DATE_CHARS = "0-9" + re.escape("".join(_DATE_LETTERS))
# Inside a name: digits OCR reads for letters (upper case at a word start or among capitals).
_NAME_DIGITS = {"0": ("О", "о"), "3": ("З", "з"), "6": ("Б", "б")}
# uk/ru look-alikes: which letter a wrong one may stand for, per page language.
_SWAPS: dict[str, dict[str, str]] = {
    "uk": {"е": "є", "є": "е", "и": "і", "і": "иї", "ї": "і", "ё": "е", "ы": "и", "э": "еє"},
    "ru": {"є": "е", "е": "ё", "ё": "е", "і": "ий", "ї": "й"},
}
_CYR = re.compile(r"[\u0400-\u04ff]")
_LAT = re.compile(r"[A-Za-z]")
_DIGIT_OF_LETTER = str.maketrans("ОоOoЗзб", "0000336")
_SEPARATORS = ",;\t|"


@dataclass(frozen=True, eq=False)  # hashed by identity: one per directory (lru_cache), a key for caches
class _Vocab:
    header_exact: dict[str, str]
    header_choices: list[str]
    header_fields: list[str]
    header_keywords: list[tuple[str, str]]
    rank_re: re.Pattern[str]
    status_res: list[tuple[str, re.Pattern[str]]]
    title_cue_re: re.Pattern[str]
    months: dict[str, int]
    word_date_re: re.Pattern[str]
    en_word_date_re: re.Pattern[str]


def _pattern_regex(pattern: str) -> str:
    """'зник* безвісти' → regex: '*' any word ending, spaces any whitespace, whole words only."""
    words = [re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in pattern.split()]
    return r"(?<![\w])" + r"\s+".join(words) + r"(?![\w])"


@lru_cache(maxsize=4)
def _vocab(directory: str) -> _Vocab:
    base = Path(directory)
    headers = json.loads((base / "headers.json").read_text(encoding="utf-8"))
    ranks = json.loads((base / "ranks.json").read_text(encoding="utf-8"))
    status = json.loads((base / "status.json").read_text(encoding="utf-8"))
    months_data = json.loads((base / "months.json").read_text(encoding="utf-8"))

    exact: dict[str, str] = {}
    for name, phrases in headers["fields"].items():
        for phrase in phrases:
            exact.setdefault(_norm_header(phrase), name)
    keywords = [(kw.lower(), name) for name, kws in headers["keywords"].items() for kw in kws]

    rank_phrases = sorted(
        {p.lower() for by_lang in ranks["ranks"].values() for ps in by_lang.values() for p in ps},
        key=lambda p: -len(p),
    )
    rank_alt = "|".join(re.escape(p).replace(r"\ ", r"\s*") for p in rank_phrases)
    rank_re = re.compile(rf"(?<![\w-])(?:{rank_alt})(?![\w-])", re.IGNORECASE)

    status_res: list[tuple[str, re.Pattern[str]]] = []
    for name in status["order"]:
        alternatives = [
            _pattern_regex(p) if any(c.isupper() for c in p) else f"(?i:{_pattern_regex(p)})"
            for p in status["phrases"][name]
        ]
        status_res.append((name, re.compile("|".join(alternatives))))
    cues = "|".join(re.escape(c) for c in sorted(status["title_cues"], key=len, reverse=True))
    title_cue_re = re.compile(rf"^\W*(?:{cues})(?![\w])", re.IGNORECASE)

    months = {m: n for by_lang in months_data.values() if isinstance(by_lang, dict) for m, n in by_lang.items()}
    month_alt = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    word_date_re = re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?:-?(?:го|е|ого|st|nd|rd|th))?\s+(?P<m>{month_alt})\.?,?\s+(?P<y>\d{{4}})",
        re.IGNORECASE,
    )
    en_word_date_re = re.compile(
        rf"(?<![\w])(?P<m>{month_alt})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.IGNORECASE
    )
    return _Vocab(
        header_exact=exact,
        header_choices=list(exact),
        header_fields=list(exact.values()),
        header_keywords=keywords,
        rank_re=rank_re,
        status_res=status_res,
        title_cue_re=title_cue_re,
        months=months,
        word_date_re=word_date_re,
        en_word_date_re=en_word_date_re,
    )


@lru_cache(maxsize=20_000)
def _fold_lookalikes(text: str) -> str:
    """Latin look-alike letters → Cyrillic in every token that has Cyrillic or consists of look-alikes only.

    One character for one, so offsets into the folded text are offsets into ``text``. Only for text that
    is Cyrillic as a whole (headers, units, statuses, ranks): "TpO" → "ТрО", "OБpМП" → "ОБрМП".
    """
    if not has_cyrillic(text):
        return text

    def fold(m: re.Match[str]) -> str:
        token = m.group(0)
        letters = [c for c in token if c.isalpha()]
        if _CYR.search(token) or (letters and all(c in _LATIN_LOOKALIKE_SET for c in letters) and token.isalpha()):
            return token.translate(_LAT_TO_CYR)
        return token

    folded = re.sub(r"[^\W\d_]+", fold, text)
    # "З6 ОБрМП", "О1 ОМБр": a short number before a unit read with letter look-alikes of digits.
    return re.sub(
        r"(?<![\w])[0-9ОоOoЗзб]{1,3}(?=\s*-?\s*[А-ЯҐЄІЇ]{2})",
        lambda m: m.group(0).translate(_DIGIT_OF_LETTER) if re.search(r"\d", m.group(0)) else m.group(0),
        folded,
    )


# --- headers -----------------------------------------------------------------------------------------
def _norm_header(text: str) -> str:
    text = normalize_apostrophes(text.lower()).replace("ё", "е")
    text = _fold_lookalikes(text)
    text = re.sub(r"\([^)]*\)", " ", text)  # "Дата народження (дд.мм.рррр)"
    text = text.replace(".", " ").replace("’", "'")
    text = re.sub(r"(?<!\w)/|/(?!\w)", " ", text)
    text = re.sub(r"[,;:\-–—_*\"«»]+", " ", text)
    tokens = text.split()
    if len(tokens) > 1 and all(len(t) == 1 for t in tokens):
        return "".join(tokens)  # "П. І. Б." → "піб"
    return " ".join(tokens)


@lru_cache(maxsize=4096)
def _header_field(text: str, directory: str = str(LISTS_DIR)) -> str | None:
    """The field a column header names, or None."""
    vocab = _vocab(directory)
    norm = _norm_header(text)
    if not norm or len(norm) > 80:
        return None
    if norm in vocab.header_exact:
        return vocab.header_exact[norm]
    if len(norm) > 3:
        best = process.extractOne(norm, vocab.header_choices, scorer=fuzz.ratio, score_cutoff=HEADER_FUZZY_MIN)
        if best is not None:
            return vocab.header_fields[best[2]]
        for keyword, name in vocab.header_keywords:
            if keyword in norm:
                return name
    return None


# --- dates -------------------------------------------------------------------------------------------
_DATE_RE = re.compile(
    rf"(?<![\w.])(?P<d>[{_DATE_CHARS}]{{1,2}})\s?[./:,-]\s?(?P<m>[{_DATE_CHARS}]{{1,2}})\s?[./:,-]\s?"
    rf"(?P<y>[{_DATE_CHARS}]{{4}}|[{_DATE_CHARS}]{{2}})(?![\w])(?:\s*(?:року|года|р\.|г\.|р(?![\w])|г(?![\w])))?"
)
_ISO_DATE_RE = re.compile(r"(?<![\w.-])(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?![\w-])")
_YEAR_RE = re.compile(
    r"(?<![\w.])(?P<y>(?:19|20)\d\d)\s*(?:р\.?\s*н\.?|г\.?\s*р\.?|року\s+народження|года\s+рождения|born)(?![\w])",
    re.IGNORECASE,
)
_BARE_YEAR_RE = re.compile(r"^\s*(?P<y>(?:19|20)\d\d)\s*(?:р\.?|г\.?)?\s*$")


@dataclass(frozen=True)
class _Date:
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


def _valid(y: int, m: int, d: int, birth: bool) -> str | None:
    try:
        when = date(y, m, d)
    except ValueError:
        return None
    if birth and not (1900 <= y <= date.today().year) or not 1900 <= y <= 2100:
        return None
    return when.isoformat()


@lru_cache(maxsize=20_000)
def _find_dates(text: str, birth: bool, year_only: bool = False) -> tuple[_Date, ...]:
    """Every date in ``text`` (numeric, ISO, year with "р.н." and, if ``year_only``, a bare year), in order."""
    found: list[_Date] = []
    for m in _DATE_RE.finditer(text):
        raw = m.group(0)
        core = text[m.start() : m.end("y")]
        digits = sum(c.isdigit() for c in core)
        odd = sum(c in _DATE_LETTERS for c in core)
        if digits < 4 or odd * 3 > digits:  # "О.І. 04" is initials before a number, not a date
            continue
        fixed = "".join(_DATE_LETTERS.get(c, c) for c in core)
        parts = re.split(r"\s?[./:,-]\s?", fixed)
        if len(parts) != 3 or not all(p.isdigit() for p in parts):
            continue
        if birth and len(parts[2]) == 4 and parts[2].startswith("10"):
            # OCR reads the 9 of "19xx" as 0; no one alive was born in the 11th century.
            fixed = fixed[:-4] + "19" + parts[2][2:]  # the year ends the matched core
            parts[2] = fixed[-4:]
        iso = _valid(_year(parts[2], birth), int(parts[1]), int(parts[0]), birth)
        if iso:
            found.append(_Date(iso, m.start(), m.end(), raw, fixed + raw[len(core) :]))
    for m in _ISO_DATE_RE.finditer(text):
        iso = _valid(int(m.group("y")), int(m.group("m")), int(m.group("d")), birth)
        if iso:
            found.append(_Date(iso, m.start(), m.end(), m.group(0), m.group(0)))
    taken = [(d.start, d.end) for d in found]
    for m in _YEAR_RE.finditer(text):
        if all(m.end() <= s or m.start() >= e for s, e in taken):
            found.append(_Date(m.group("y"), m.start(), m.end(), m.group(0), m.group(0)))
    if year_only and not found:
        m = _BARE_YEAR_RE.match(text)
        if m and int(m.group("y")) <= date.today().year:
            found.append(_Date(m.group("y"), m.start("y"), m.end("y"), m.group("y"), m.group("y")))
    return tuple(sorted(found, key=lambda d: d.start))


def parse_date(text: str, birth: bool = True) -> str | None:
    """The first date in ``text`` as ISO ("O4.11.1987 р." → "1987-11-04", "1987 р.н." → "1987"), or None."""
    dates = _find_dates(text, birth, year_only=True)
    return dates[0].iso if dates else None


def _word_dates(text: str, vocab: _Vocab) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for rx in (vocab.word_date_re, vocab.en_word_date_re):
        for m in rx.finditer(text):
            month = vocab.months.get(m.group("m").lower())
            iso = _valid(int(m.group("y")), month, int(m.group("d")), False) if month else None
            if iso:
                out.append((m.start(), iso))
    return out


def _status_date(text: str, vocab: _Vocab) -> str | None:
    dates = [(d.start, d.iso) for d in _find_dates(text, birth=False) if len(d.iso) == 10]
    dates += _word_dates(text, vocab)
    return min(dates)[1] if dates else None


# --- names -------------------------------------------------------------------------------------------
@lru_cache(maxsize=100_000)
def _known(word: str, lang: str) -> bool:
    low = normalize_apostrophes(word.lower())
    if low in FIRST_NAMES_CYRILLIC:
        return True
    return lang in MORPH_LANGS and morph(lang).word_is_known(low)


def _case_like(letter_pair: tuple[str, str], word: str, i: int) -> str:
    upper, lower = letter_pair
    neighbours = [c for c in word[max(0, i - 1) : i + 2] if c.isalpha()]
    if i == 0 or (neighbours and all(c.isupper() for c in neighbours)):
        return upper
    return lower


def _swap_variants(word: str, lang: str) -> Iterable[str]:
    swaps = _SWAPS.get(lang, {})
    positions = [i for i, c in enumerate(word) if c.lower() in swaps]
    for i in positions:
        for repl in swaps[word[i].lower()]:
            yield word[:i] + (repl.upper() if word[i].isupper() else repl) + word[i + 1 :]
    if len(positions) <= 6:
        for a in range(len(positions)):
            for b in range(a + 1, len(positions)):
                i, j = positions[a], positions[b]
                for ri in swaps[word[i].lower()]:
                    for rj in swaps[word[j].lower()]:
                        w = list(word)
                        w[i] = ri.upper() if word[i].isupper() else ri
                        w[j] = rj.upper() if word[j].isupper() else rj
                        yield "".join(w)


@lru_cache(maxsize=50_000)
def repair_name(word: str, lang: str) -> tuple[str, tuple[str, ...]]:
    """One name word with OCR look-alikes repaired, and what was done ("latin o", "digit 0", "uk/ru е→є")."""
    notes: list[str] = []
    out = word
    if len(out) > 2 and out[0].islower() and out[1].isupper() and out[0].upper() == out[1]:
        # A capital read twice, once as its small letter ("їЇжакевич"): the stroke, not a letter.
        out = out[1:]
        notes.append(f"doubled {word[0]}")
    if lang not in MORPH_LANGS and has_cyrillic(word):
        lang = guess_cyrillic_language(word)
    if _CYR.search(out) and _LAT.search(out):
        latin = sorted({c for c in out if c in _LATIN_LOOKALIKE_SET})
        if latin:
            out = out.translate(_LAT_TO_CYR)
            notes.append("latin " + "".join(latin))
    elif lang in MORPH_LANGS and not _CYR.search(out) and out.isalpha() and all(c in _LATIN_LOOKALIKE_SET for c in out):
        candidate = out.translate(_LAT_TO_CYR)
        if _known(candidate, lang):
            out = candidate
            notes.append("latin " + "".join(sorted(set(word))))
    if any(c in _NAME_DIGITS for c in out) and sum(c.isalpha() for c in out) >= 2:
        fixed = "".join(_case_like(_NAME_DIGITS[c], out, i) if c in _NAME_DIGITS else c for i, c in enumerate(out))
        if not any(c.isdigit() for c in fixed):
            notes.append("digit " + "".join(sorted({c for c in out if c in _NAME_DIGITS})))
            out = fixed
    other = "ru" if lang == "uk" else "uk"
    # A word of the other language (a Ukrainian name on a page detected as Russian) is left as written.
    if lang in MORPH_LANGS and _CYR.search(out) and not _known(out, lang) and not _known(out, other):
        for variant in _swap_variants(out, lang):
            if _known(variant, lang):
                changed = [f"{a}→{b}" for a, b in zip(out, variant, strict=True) if a != b]
                notes.append("uk/ru " + ",".join(changed))
                out = variant
                break
    return out, tuple(notes)


_INITIALS = re.compile(r"^[A-ZА-ЯІЇЄҐ]\.(?:\s?[A-ZА-ЯІЇЄҐ]\.?)?$")
_NAME_TOKEN = re.compile(r"^[^\W\d_036]?[\w'’ʼ`036-]*$")
_PATRONYMIC = re.compile(r"(ович|евич|євич|йович|ьович|івна|ївна|овна|евна|ична|ovych|ovich|ivna|ovna|evna)$", re.I)


def _name_like(token: str) -> bool:
    """Could ``token`` be one word of a person's name as OCR read it (capitalised, letters, look-alike digits)."""
    token = token.strip('.,;:()"«»')
    if not token:
        return False
    if _INITIALS.match(token):
        return True
    first = token[0]
    if not (first.isupper() or first in "03"):
        return False
    if not all(c.isalpha() or c in "'’ʼ`-036" for c in token):
        return False
    return sum(c.isalpha() for c in token) >= 2 and not token.endswith("-")


@lru_cache(maxsize=50_000)
def _name_evidence(token: str, lang: str) -> tuple[int, bool]:
    """(1 if the word reads as a first name, surname or patronymic, else 0; True if it can only be a thing)."""
    if _INITIALS.match(token):
        return 0, False
    if _PATRONYMIC.search(token):
        return 1, False
    if not has_cyrillic(token):
        return (1 if is_first_name(token, "en") else 0), False
    if normalize_apostrophes(token.lower()) in FIRST_NAMES_CYRILLIC:
        return 1, False
    if lang not in MORPH_LANGS:
        lang = guess_cyrillic_language(token)
    known = _known_readings(token, lang)
    person = any(grammemes & {"Name", "Surn", "Patr"} for grammemes, _, _ in known)
    # A dictionary word that can only be a thing (Маріуполь, Азовсталь, Сили) or a verb, never a being:
    # not part of a name. Adjectives stay possible (Russian surnames such as Соколовский read as ADJF).
    thing = bool(known) and not any("anim" in grammemes or pos == "ADJF" for grammemes, pos, _ in known)
    return (1 if person else 0), (thing and not person)


@lru_cache(maxsize=50_000)
def _known_readings(token: str, lang: str) -> tuple[tuple[frozenset[str], str | None, str | None], ...]:
    """(grammemes, POS, case) of the dictionary readings of a word (``Parse.is_known`` is slow: cached)."""
    return tuple((frozenset(p.tag.grammemes), p.tag.POS, p.tag.case) for p in parse_word(token, lang) if p.is_known)


@lru_cache(maxsize=20_000)
def _nominative(tokens: tuple[str, ...], lang: str) -> str:
    """The name in the nominative: lists are, so the row is kept unless a word has no nominative reading."""
    name = " ".join(tokens)
    if lang not in MORPH_LANGS or not has_cyrillic(name):
        return name
    for t in tokens:
        if _INITIALS.match(t):
            continue
        readings = _known_readings(t, lang)
        if readings and not any(case == "nomn" for _, _, case in readings):
            return normalize_person(name, lang)
    return name


def listed_person_key(name: str, birth_date: str | None, lang: str) -> str:
    """Key of a listed person: the order- and script-independent name key, plus the birth date when known.

    Two namesakes with different birth dates are two people; a row without a birth date keys on the
    name alone.
    """
    key = person_key(name, lang)
    return f"{key}|{birth_date}" if birth_date else key


# --- one row of text ---------------------------------------------------------------------------------
@dataclass
class _Parsed:
    """Fields found in one piece of row text; spans are relative to that text."""

    name_tokens: list[tuple[int, int]] = field(default_factory=list)
    birth: _Date | None = None
    other_dates: list[_Date] = field(default_factory=list)
    rank: tuple[int, int] | None = None
    unit: tuple[int, int, Unit] | None = None
    status: tuple[int, int, str] | None = None


@lru_cache(maxsize=20_000)
def _find_status(text: str, vocab: _Vocab, lower_only: bool) -> tuple[int, int, str] | None:
    folded = _fold_lookalikes(text)
    # Statuses in the vocabulary's order, not by position: "prisoners exchanged" is an exchange.
    for name, rx in vocab.status_res:
        for m in rx.finditer(folded):
            if lower_only and m.group(0)[:1].isupper() and not m.group(0).isupper():
                continue  # "Загинайко" is a surname
            return m.start(), m.end(), name
    return None


@lru_cache(maxsize=20_000)
def _find_rank(text: str, vocab: _Vocab, lower_only: bool) -> tuple[int, int] | None:
    folded = _fold_lookalikes(text)
    for m in vocab.rank_re.finditer(folded):
        if lower_only and m.group(0)[:1].isupper():
            continue
        return m.start(), m.end()
    return None


@lru_cache(maxsize=20_000)
def _find_unit(text: str) -> tuple[int, int, Unit] | None:
    folded = _fold_lookalikes(text)
    matches = find_units(folded)
    return (matches[0].start, matches[0].end, matches[0].unit) if matches else None


@lru_cache(maxsize=20_000)
def _parse_free(text: str, vocab: _Vocab, lower_only: bool = True, units: bool = True) -> _Parsed:
    """Fields of a piece of row text by value shape; the name is the first run of 1–4 name-like words.

    Cached and shared: callers must not change the result. ``units=False`` skips the unit patterns
    (the slowest part) for a name cell without digits.
    """
    parsed = _Parsed()
    consumed: list[tuple[int, int]] = []
    dates = _find_dates(text, birth=True)
    if dates:
        parsed.birth = dates[0]
        parsed.other_dates = list(dates[1:])
        consumed += [(d.start, d.end) for d in dates]
    unit = _find_unit(text) if units else None
    if unit and all(unit[1] <= s or unit[0] >= e for s, e in consumed):
        parsed.unit = unit
        consumed.append(unit[:2])
    rank = _find_rank(text, vocab, lower_only)
    if rank and all(rank[1] <= s or rank[0] >= e for s, e in consumed):
        parsed.rank = rank
        consumed.append(rank)
    status = _find_status(text, vocab, lower_only)
    if status and all(status[1] <= s or status[0] >= e for s, e in consumed):
        parsed.status = status
        consumed.append(status[:2])
    masked = list(text)
    for s, e in consumed:
        masked[s:e] = [","] * (e - s)
    masked_text = "".join(masked)
    run: list[tuple[int, int]] = []
    tokens = list(re.finditer(r"[^\s,;\t|]+", masked_text))
    for n, m in enumerate(tokens):
        gap = masked_text[run[-1][1] : m.start()] if run else ""
        if run and any(c in _SEPARATORS for c in gap):
            break
        token = m.group(0)
        # In a name cell OCR sometimes lower-cases the first capital (Ї → ї): accept it before a name word.
        lowered_first = (
            not lower_only
            and not run
            and token[:1].islower()
            and n + 1 < len(tokens)
            and _name_like(token[:1].upper() + token[1:])
            and _name_like(tokens[n + 1].group(0))
        )
        if lowered_first or _name_like(token):
            stripped = token.rstrip('.,;:)»"')
            lead = len(token) - len(token.lstrip('(«"'))
            if _INITIALS.match(token.strip(",;:")):
                stripped = token.rstrip(",;:")
            run.append((m.start() + lead, m.start() + len(stripped)))
        elif run:
            break
    parsed.name_tokens = run if len(run) <= 4 else []
    return parsed


# --- assembling records ------------------------------------------------------------------------------
@dataclass
class _Row:
    """A candidate person row before numbering."""

    page: int
    start: int
    end: int
    bbox: Box | None
    name_parts: list[tuple[str, int | None, int | None]]  # raw name words with page offsets
    name_column: bool  # the name came from a column the header calls a name
    birth: _Date | None
    rank: str | None
    unit: str | None
    unit_obj: Unit | None
    status: str | None
    status_date: str | None
    raw: str
    conf: float
    method: str
    lang: str
    repairs: list[str] = field(default_factory=list)


def _row_lang(lang: str, text: str) -> str:
    if lang in MORPH_LANGS:
        return lang
    if has_cyrillic(text):
        return guess_cyrillic_language(text)
    return lang if lang and lang != "und" else "en"


def _finish(row: _Row) -> ListRow | None:
    """Repair, check and normalise a candidate row; None when it is not a person."""
    lang = row.lang
    repairs = list(row.repairs)
    tokens: list[str] = []
    for raw_word, _, _ in row.name_parts:
        for piece in raw_word.split():
            word = piece.strip(',;:()"«»')
            if not word:
                continue
            if not _INITIALS.match(word):
                word = word.rstrip(".")
            fixed, notes = repair_name(word, lang)
            if notes:
                repairs.append(f"name: {word}→{fixed} ({'; '.join(notes)})")
            if fixed.isupper() and len(fixed) > 2 and not _INITIALS.match(fixed):
                fixed = display_case(fixed)
            elif fixed[:1].islower():
                repairs.append(f"name: {fixed}→{fixed[:1].upper() + fixed[1:]} (case)")
                fixed = fixed[:1].upper() + fixed[1:]
            tokens.append(fixed)
    if not tokens or len(tokens) > 4:
        return None
    evidence = 0
    veto = False
    for t in tokens:
        e, place = _name_evidence(t, lang)
        evidence += e
        veto = veto or place
    full_words = [t for t in tokens if not _INITIALS.match(t)]
    if not full_words:
        return None
    plausible = evidence >= 1 or (row.birth is not None and 2 <= len(tokens) <= 3)
    plausible = plausible or (row.name_column and len(tokens) >= 2)
    if not plausible or (veto and evidence < 2) or (len(tokens) < 2 and not row.name_column):
        return None
    name = _nominative(tuple(tokens), lang)
    raw_name = " ".join(p[0] for p in row.name_parts).strip()
    starts = [s for _, s, _ in row.name_parts if s is not None]
    ends = [e for _, _, e in row.name_parts if e is not None]
    birth_iso = row.birth.iso if row.birth else None
    if row.birth and row.birth.fixed != row.birth.raw:
        repairs.append(f"date: {row.birth.raw}→{row.birth.fixed}")
    key_lang = lang if has_cyrillic(name) else "en"
    confidence = row.conf - REPAIR_PENALTY * len(repairs)
    confidence -= NO_BIRTH_DATE_PENALTY if birth_iso is None else 0.0
    confidence -= WEAK_NAME_PENALTY if evidence == 0 else 0.0
    unit_obj = row.unit_obj
    return ListRow(
        page=row.page,
        row=0,  # numbered once the whole document is read
        start=row.start,
        end=row.end,
        bbox=row.bbox,
        name=name,
        name_raw=raw_name,
        name_start=min(starts) if starts else None,
        name_end=max(ends) if ends else None,
        key=listed_person_key(name, birth_iso, key_lang),
        birth_date=birth_iso,
        rank=row.rank,
        unit=row.unit,
        unit_key=unit_obj.key if unit_obj else None,
        unit_name=unit_name(unit_obj, lang if lang in MORPH_LANGS else "en") if unit_obj else None,
        raw=row.raw,
        confidence=round(max(0.05, min(1.0, confidence)), 3),
        status=row.status,
        status_date=row.status_date,
        method=row.method,
        repairs=tuple(repairs),
    )


def _clean_rank(text: str) -> str:
    return " ".join(_fold_lookalikes(text).lower().split())


# --- tables ------------------------------------------------------------------------------------------
def _columns_of(table: Table, r: int) -> list[int]:
    row = table.rows[r]
    if table.columns is not None and r < len(table.columns) and len(table.columns[r]) == len(row):
        return list(table.columns[r])
    return list(range(len(row)))


_COLUMN_NUMBERS = re.compile(r"^\s*\d{1,2}\s*$")


def _shape(text: str, vocab: _Vocab) -> str | None:
    """What a cell's value looks like: number, date, year, unit, rank, status, name, word."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{1,4}\s*[.)]?", text) and not _BARE_YEAR_RE.match(text):
        return "number"
    dates = _find_dates(text, birth=True, year_only=True)
    if dates and dates[0].end - dates[0].start >= 0.6 * len(text):
        return "year" if len(dates[0].iso) == 4 else "date"
    unit = _find_unit(text)
    if unit and unit[1] - unit[0] >= 0.6 * len(text):
        return "unit"
    rank = _find_rank(text, vocab, lower_only=False)
    if rank and rank[1] - rank[0] >= 0.8 * len(text.rstrip(".")):
        return "rank"
    status = _find_status(text, vocab, lower_only=False)
    if status and status[0] <= 2:
        return "status"
    words = text.split()
    if all(_name_like(w) for w in words):
        return "name" if len(words) >= 2 else "word"
    if _parse_free(text, vocab, lower_only=False).name_tokens:
        return "name"
    return None


_SHAPE_FIELD = {"number": "number", "date": "birth_date", "year": "birth_date", "unit": "unit", "rank": "rank"}
_SHAPE_FIELD |= {"status": "status", "name": "name"}


def _map_columns(table: Table, vocab: _Vocab, directory: str) -> tuple[dict[int, str], int]:
    """Column → field, and how many rows at the top are headers (or a title, or column numbers)."""
    mapping: dict[int, str] = {}
    header_rows = 0
    for r in range(min(4, len(table.rows))):
        cells = table.rows[r]
        cols = _columns_of(table, r)
        nonempty = [(c, cell) for c, cell in zip(cols, cells, strict=True) if cell.text.strip()]
        if not nonempty:
            if header_rows == r:
                header_rows += 1
            continue
        hits = {c: f for c, cell in nonempty if (f := _header_field(cell.text, directory))}
        if hits and len(hits) * 2 >= len(nonempty) and not any(_find_dates(cell.text, True) for _, cell in nonempty):
            for c, f in hits.items():
                mapping[c] = f  # a sub-header row ("Прізвище | Ім'я | По батькові") refines the one above
            header_rows = r + 1
        elif header_rows == r and len(nonempty) == 1 and not mapping and len(table.rows) > r + 1:
            header_rows = r + 1  # a title or section row above the header
        elif mapping and header_rows == r and all(_COLUMN_NUMBERS.match(cell.text) for _, cell in nonempty):
            header_rows = r + 1  # "1 | 2 | 3 | 4": column numbers under the header
        else:
            break
    # A column covered by a sub-header keeps the sub-header's field; "name" over them would duplicate.
    if any(f in NAME_FIELDS for f in mapping.values()):
        mapping = {c: f for c, f in mapping.items() if f != "name"} | {
            c: f for c, f in mapping.items() if f == "name" and not any(f2 in NAME_FIELDS for f2 in mapping.values())
        }
    # Columns the header did not name: by the shape of their values.
    votes: dict[int, Counter[str]] = {}
    filled: Counter[int] = Counter()
    for r in range(header_rows, len(table.rows)):
        for c, cell in zip(_columns_of(table, r), table.rows[r], strict=True):
            if c in mapping:
                continue
            shape = _shape(cell.text, vocab)
            if shape is None and not cell.text.strip():
                continue
            filled[c] += 1
            if shape:
                votes.setdefault(c, Counter())[shape] += 1
    taken = set(mapping.values())
    words: list[int] = []
    for c in sorted(votes):
        shape, n = votes[c].most_common(1)[0]
        if n * 2 < filled[c]:
            continue
        if shape == "word":
            words.append(c)
            continue
        name = _SHAPE_FIELD[shape]
        if name == "birth_date" and "birth_date" in taken:
            name = "status_date"
        if name not in taken or name == "notes":
            mapping[c] = name
            taken.add(name)
    if "name" not in taken and not taken & set(NAME_FIELDS) and len(words) >= 2:
        for c, name in zip(words, NAME_FIELDS, strict=False):
            mapping[c] = name
    return mapping, header_rows


def _cell_span(page: Page, cell: Cell, cursor: int) -> tuple[int | None, int | None]:
    if cell.start is not None and cell.end is not None:
        return cell.start, cell.end
    needle = cell.text.strip()
    if needle:
        i = page.text.find(needle, cursor)
        if i >= 0:
            return i, i + len(needle)
    return None, None


def _sub_span(page: Page, start: int | None, end: int | None, cell_text: str, rel: tuple[int, int]):
    """Page offsets of ``cell_text[rel[0]:rel[1]]`` when the cell is at [start, end) of the page text."""
    if start is None or end is None:
        return None, None
    piece = cell_text[rel[0] : rel[1]]
    if page.text[start:end] == cell_text:
        return start + rel[0], start + rel[1]
    i = page.text.find(piece, start, end + 1)
    return (i, i + len(piece)) if i >= 0 else (start, end)


def _table_rows(page: Page, table: Table, lang: str, vocab: _Vocab, directory: str) -> list[_Row]:
    if not table.rows or not any(cell.text.strip() for row in table.rows for cell in row):
        return []
    mapping, header_rows = _map_columns(table, vocab, directory)
    if header_rows == 0 and max(len(row) for row in table.rows) < 2:
        return []  # one column and no header: a text box or a caption, not a list one can trust
    rows: list[_Row] = []
    cursor = 0
    method = f"table:{table.method}"
    for r in range(header_rows, len(table.rows)):
        cells = table.rows[r]
        if not any(c.text.strip() for c in cells):
            continue
        spans = []
        for cell in cells:
            s, e = _cell_span(page, cell, cursor)
            spans.append((s, e))
            if e is not None:
                cursor = max(cursor, e)
        by_field: dict[str, list[int]] = {}
        for i, c in enumerate(_columns_of(table, r)):
            by_field.setdefault(mapping.get(c, ""), []).append(i)
        text_all = " ".join(c.text for c in cells)
        row_lang = _row_lang(lang, text_all)
        name_parts: list[tuple[str, int | None, int | None]] = []
        birth: _Date | None = None
        rank = unit = status = status_date = None
        unit_obj: Unit | None = None
        repairs: list[str] = []
        name_column = False
        name_idx = by_field.get("name", [])
        if name_idx:
            name_column = True
            for i in name_idx:
                parsed = _parse_free(cells[i].text, vocab, False, any(c.isdigit() for c in cells[i].text))
                for a, b in parsed.name_tokens:
                    s, e = _sub_span(page, *spans[i], cells[i].text, (a, b))
                    name_parts.append((cells[i].text[a:b], s, e))
                # "солдат Гайдук Степан Іванович, 04.11.1987" in one cell
                birth = birth or parsed.birth
                if parsed.rank and rank is None:
                    rank = _clean_rank(cells[i].text[parsed.rank[0] : parsed.rank[1]])
                if parsed.unit and unit is None:
                    unit, unit_obj = cells[i].text[parsed.unit[0] : parsed.unit[1]], parsed.unit[2]
        else:
            for name_field in NAME_FIELDS:
                for i in by_field.get(name_field, []):
                    word = cells[i].text.strip()
                    if word:
                        name_column = True
                        s, e = spans[i]
                        if s is not None and page.text[s:e] != cells[i].text:
                            s, e = _sub_span(page, s, e, cells[i].text, (0, len(cells[i].text)))
                        name_parts.append((word, s, e))
        if not name_parts:
            continue
        for i in by_field.get("birth_date", []):
            dates = _find_dates(cells[i].text, birth=True, year_only=True)
            if dates:
                birth = dates[0]
                break
        for i in by_field.get("rank", []):
            if cells[i].text.strip():
                rank = _clean_rank(cells[i].text)
                if rank != " ".join(cells[i].text.lower().split()):
                    repairs.append(f"rank: {' '.join(cells[i].text.split())}→{rank}")
        for i in by_field.get("unit", []):
            if cells[i].text.strip():
                unit = " ".join(cells[i].text.split())
                found = _find_unit(cells[i].text)
                unit_obj = found[2] if found else None
                if found and _fold_lookalikes(cells[i].text) != cells[i].text:
                    repairs.append(f"unit: {unit}→{' '.join(_fold_lookalikes(cells[i].text).split())}")
        for name in ("status", "notes"):
            for i in by_field.get(name, []):
                if status is None and cells[i].text.strip():
                    found_status = _find_status(cells[i].text, vocab, lower_only=False)
                    if found_status:
                        status = found_status[2]
                        status_date = _status_date(cells[i].text, vocab)
        for i in by_field.get("status_date", []):
            status_date = _status_date(cells[i].text, vocab) or status_date
        # Fields the header did not give: look for them in the unmapped cells.
        for i in by_field.get("", []):
            parsed = _parse_free(cells[i].text, vocab, lower_only=False)
            if birth is None and parsed.birth:
                birth = parsed.birth
            if rank is None and parsed.rank:
                rank = _clean_rank(cells[i].text[parsed.rank[0] : parsed.rank[1]])
            if unit is None and parsed.unit:
                unit, unit_obj = cells[i].text[parsed.unit[0] : parsed.unit[1]], parsed.unit[2]
        known = [(s, e) for s, e in spans if s is not None and e is not None]
        confs = [c.conf for c in cells if c.conf is not None]
        rows.append(
            _Row(
                page=page.number,
                start=min(s for s, _ in known) if known else 0,
                end=max(e for _, e in known) if known else 0,
                bbox=union_box(c.bbox for c in cells),
                name_parts=name_parts,
                name_column=name_column,
                birth=birth,
                rank=rank,
                unit=unit,
                unit_obj=unit_obj,
                status=status,
                status_date=status_date,
                raw=" | ".join(c.text for c in cells),
                conf=statistics.fmean(confs) / 100 if confs else 1.0,
                method=method,
                lang=row_lang,
                repairs=repairs,
            )
        )
    return rows


# --- numbered lines ----------------------------------------------------------------------------------
_NUMBERED = re.compile(r"[ \t]*(?:№\s*)?(?P<n>\d{1,4})[ \t]*[.)][ \t]*(?=\S)")
_LINE = re.compile(r"[^\n]+")
_JUNK_PREFIX = re.compile(r"[ \t]*(?:(?:[^\w\s]+|\w{1,2}(?=[\s.,:;)]))[ \t]*){0,4}")


def _lines(text: str) -> list[tuple[int, int]]:
    """[start, end) of every non-empty line (``Pattern.match(text, pos)`` anchors there, so no ``^``)."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text)]


def _words_span(page: Page, start: int, end: int) -> tuple[Box | None, list[float]]:
    words = words_under(page, start, end)
    return box_under(page, start, end), [w.conf for w in words if w.conf is not None and w.conf >= 0]


def _numbered_rows(page: Page, lang: str, vocab: _Vocab, covered: list[tuple[int, int]]) -> list[_Row]:
    text = page.text
    rows: list[_Row] = []
    lines = _lines(text)
    i = 0
    while i < len(lines):
        s, e = lines[i]
        m = _NUMBERED.match(text, s, e)
        i += 1
        if any(s < ce and e > cs for cs, ce in covered):
            continue
        if not m:
            # OCR often loses the number ("м . Гаєвський Роман Олегович, 03.07.1984, ..."): a line that
            # starts (after such debris) with a name and has a birth date is a row all the same.
            m = _JUNK_PREFIX.match(text, s, e)
            body = text[m.end() : e] if m else ""
            if not m or len(body) > 200 or not re.search(r"\d", body):
                continue
            parsed = _parse_free(body, vocab)
            if parsed.birth is None or len(parsed.name_tokens) < 2 or parsed.name_tokens[0][0] != 0:
                continue
        # A wrapped item: the next lines continue it when this one ends mid-phrase or they start lower case.
        while i < len(lines):
            ns, ne = lines[i]
            nxt = text[ns:ne].strip()
            if not nxt or _NUMBERED.match(text, ns, ne) or any(ns < ce and ne > cs for cs, ce in covered):
                break
            if "\n\n" in text[e:ns]:  # a blank line ends the item: what follows is another block
                break
            if not (text[s:e].rstrip().endswith((",", ";", "-", "–")) or nxt[:1].islower() or nxt[:1].isdigit()):
                break
            e = ne
            i += 1
        body_start = m.end()
        body = text[body_start:e]
        parsed = _parse_free(body, vocab)
        if not parsed.name_tokens:
            continue
        row_lang = _row_lang(lang, body)
        unit = unit_obj = None
        repairs: list[str] = []
        if parsed.unit:
            a, b, unit_obj = parsed.unit
            unit = body[a:b]
            folded = _fold_lookalikes(unit)
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
            _Row(
                page=page.number,
                start=s + (len(text[s:e]) - len(text[s:e].lstrip())),
                end=end,
                bbox=box,
                name_parts=[(body[a:b], body_start + a, body_start + b) for a, b in parsed.name_tokens],
                name_column=False,
                birth=parsed.birth,
                rank=_clean_rank(body[parsed.rank[0] : parsed.rank[1]]) if parsed.rank else None,
                unit=" ".join(unit.split()) if unit else None,
                unit_obj=unit_obj,
                status=status,
                status_date=status_date,
                raw=" ".join(text[s:e].split()),
                conf=statistics.fmean(confs) / 100 if confs else 1.0,
                method="numbered-list",
                lang=row_lang,
                repairs=repairs,
            )
        )
    return rows


# --- title -------------------------------------------------------------------------------------------
def _title_at(text: str, start: int, end: int, lines: list[tuple[int, int]], vocab: _Vocab, page: int):
    """A ListInfo for a title line at [start, end) (joined with one following line when it is cut)."""
    line = text[start:end].strip()
    if not line or len(line) > MAX_TITLE_CHARS or not vocab.title_cue_re.match(_fold_lookalikes(line)):
        return None
    status = _find_status(line, vocab, lower_only=False)
    when = _status_date(line, vocab)
    if status is None or when is None:
        following = [(s, e) for s, e in lines if s > end and text[s:e].strip()]
        if following:
            s, e = following[0]
            nxt = text[s:e].strip()
            if not _NUMBERED.match(text, s, e) and "\t" not in text[s:e] and len(line) + len(nxt) <= MAX_TITLE_CHARS:
                joined = text[start:e]
                status = status or _find_status(joined, vocab, lower_only=False)
                when = when or _status_date(joined, vocab)
                if status or when:
                    end = e
                    line = " ".join(joined.split())
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    trail = len(text[start:end]) - len(text[start:end].rstrip())
    return ListInfo(
        title=" ".join(line.split()),
        status=status[2] if status else None,
        status_date=when,
        page=page,
        start=start + lead,
        end=end - trail,
    )


def _find_title(pages: Sequence[Page], vocab: _Vocab, first_row: tuple[int, int] | None) -> ListInfo | None:
    """The first title line of the document, above the first person row when there is one."""
    for page in pages:
        if first_row is not None and page.number > first_row[0]:
            break
        lines = _lines(page.text)
        for s, e in lines:
            if first_row is not None and (page.number, s) >= first_row:
                break
            if _NUMBERED.match(page.text, s, e):
                continue
            info = _title_at(page.text, s, e, lines, vocab, page.number)
            if info is not None:
                return info
        for table in page.tables:
            for cells in table.rows[:2]:
                filled = [c for c in cells if c.text.strip()]
                if len(filled) == 1 and vocab.title_cue_re.match(_fold_lookalikes(filled[0].text.strip())):
                    cell = filled[0]
                    text = " ".join(cell.text.split())
                    status = _find_status(text, vocab, lower_only=False)
                    return ListInfo(
                        title=text,
                        status=status[2] if status else None,
                        status_date=_status_date(text, vocab),
                        page=page.number,
                        start=cell.start,
                        end=cell.end,
                    )
    return None


# --- entry point -------------------------------------------------------------------------------------
def _with_title(record: ListRow, title: ListInfo | None) -> ListRow:
    """The title's status and date for a row without its own; its date for a row with the same status."""
    if title is None:
        return record
    if record.status is None and (title.status or title.status_date):
        return replace(record, status=title.status, status_date=title.status_date)
    if record.status == title.status and record.status_date is None:
        return replace(record, status_date=title.status_date)
    return record


def extract_list(
    pages: Sequence[Page], languages: Sequence[str], *, lists_dir: Path | None = None
) -> tuple[ListInfo | None, list[ListRow]]:
    """The document's list title (with its action and date) and every person row on its pages.

    Never raises on odd input: a table, page or row that cannot be read is logged and skipped, so that
    one malformed grid does not cost the document's other rows.
    """
    directory = str(lists_dir or LISTS_DIR)
    vocab = _vocab(directory)
    candidates: list[_Row] = []
    for index, page in enumerate(pages):
        lang = languages[index] if index < len(languages) else "und"
        page_rows: list[_Row] = []
        covered: list[tuple[int, int]] = []
        for table in page.tables:
            try:
                page_rows += _table_rows(page, table, lang, vocab, directory)
            except Exception:  # noqa: BLE001 - see docstring
                log.exception("page %s: table skipped", page.number)
                continue
            covered += [(c.start, c.end) for row in table.rows for c in row if c.start is not None and c.end]
        try:
            page_rows += _numbered_rows(page, lang, vocab, covered)
        except Exception:  # noqa: BLE001 - see docstring
            log.exception("page %s: numbered lines skipped", page.number)
        # Reading order: by position in the page text; the sort is stable, so rows whose cells could not
        # be located (start 0) keep their table order.
        page_rows.sort(key=lambda r: r.start)
        candidates += page_rows
    found: list[ListRow] = []
    for row in candidates:
        try:
            record = _finish(row)
        except Exception:  # noqa: BLE001 - see docstring
            log.exception("page %s: row skipped", row.page)
            continue
        if record is not None:
            found.append(record)
    # A text-layer page may hold a table's rows as numbered lines too: keep the table's reading.
    in_tables = {(r.page, r.key) for r in found if r.method.startswith("table:")}
    found = [r for r in found if r.method != "numbered-list" or (r.page, r.key) not in in_tables]
    try:
        title = _find_title(pages, vocab, (found[0].page, found[0].start) if found else None)
    except Exception:  # noqa: BLE001 - see docstring
        log.exception("list title: skipped")
        title = None
    records = [_with_title(replace(r, row=n), title) for n, r in enumerate(found, start=1)]
    return title, records
