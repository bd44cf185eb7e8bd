"""Canonical names and script-independent keys for persons, places, units and organisations.

* ``normalize_person("Валерія Залужного", "uk") == "Валерій Залужний"``: each word gets one
  first-name / surname / patronymic reading from pymorphy3 such that all words agree in case and
  gender, then each is inflected to the nominative of that gender (feminine stays feminine:
  "Ольги Стефанишиної" → "Ольга Стефанишина"). Naïve ``normal_form`` gets the gender wrong for
  feminine surnames and picks the wrong lexeme for ambiguous words ("Валерія" is both a feminine
  nominative and a masculine genitive).
* ``person_key("Залужний Валерій", "uk") == person_key("Valerii Zaluzhnyi", "en")``: the folded
  transliteration (see :func:`nlp.translit.fold_name`) of each name token, patronymic dropped, tokens
  sorted, so word order and script do not matter.

pymorphy3 analysers are loaded once per process and every lookup is cached: a page mentions the same
few names many times.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from nlp.translit import fold_name, has_cyrillic, normalize_apostrophes, translit

if TYPE_CHECKING:
    import pymorphy3

__all__ = [
    "FIRST_NAMES_CYRILLIC",
    "FIRST_NAME_FOLDS",
    "GIVEN_NAME_PAIRS",
    "display_case",
    "fold_token",
    "is_first_name",
    "morph",
    "normalize_org",
    "normalize_person",
    "normalize_place",
    "org_key",
    "parse_word",
    "person_key",
    "place_key",
    "unit_key",
]

MORPH_LANGS = ("uk", "ru")


@lru_cache(maxsize=2)
def morph(lang: str) -> pymorphy3.MorphAnalyzer:
    """The pymorphy3 analyser for ``uk`` or ``ru`` (~0.1 s and ~15 MB each, loaded on first use)."""
    import pymorphy3

    if lang not in MORPH_LANGS:
        raise ValueError(f"no morphology for {lang!r}")
    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=200_000)
def parse_word(word: str, lang: str) -> tuple[pymorphy3.analyzer.Parse, ...]:
    """All pymorphy3 readings of one word (lower-cased, apostrophes unified), cached."""
    return tuple(morph(lang).parse(normalize_apostrophes(word.lower())))


# --- display ---------------------------------------------------------------------------------------
_WORD_PART = re.compile(r"([-\s]+)")


def display_case(word: str, like: str | None = None) -> str:
    """Capitalise each hyphen part of a name word ("римського-корсакова" → "Римського-Корсакова").

    ``str.title`` would also capitalise after an apostrophe ("Дем'Ян"). If ``like`` is given and is
    not capitalised (a lower-case particle such as "де", "фон", "на"), its casing is kept.
    """
    if like is not None and like[:1].islower():
        return word.lower()
    parts = _WORD_PART.split(word)
    return "".join(p[:1].upper() + p[1:].lower() if p.strip("- ") else p for p in parts)


# --- first names (Latin detection and cross-language equivalence) -----------------------------------
# Common Ukrainian and Russian first names. Used (a) to recognise Latin-script person names that the
# English model misses (their folds, so any transliteration matches) and (b) as evidence in the
# Ukrainian person rule. Public-domain knowledge; extend freely.
_FIRST_NAMES_UK = """
Адам Анатолій Андрій Антон Аркадій Арсен Артем Артур Богдан Борис Вадим Валентин Валерій Василь Веніамін
Віктор Віталій Владислав Володимир Всеволод В'ячеслав Геннадій Георгій Герман Гліб Григорій Давид Данило
Денис Дмитро Євген Єгор Захар Іван Ігор Ілля Йосип Кирило Костянтин Леонід Лев Любомир Максим Марко Матвій
Микита Микола Мирослав Михайло Назар Олег Олександр Олексій Орест Остап Павло Петро Пилип Роман Ростислав
Руслан Святослав Семен Сергій Станіслав Степан Тарас Тимофій Тимур Федір Юліан Юрій Яків Ярослав Едуард
Аліна Алла Анастасія Ангеліна Анна Антоніна Валентина Валерія Вікторія Віра Галина Ганна Дарина Діана
Євгенія Єлизавета Жанна Зоя Зінаїда Ірина Карина Катерина Кіра Христина Лариса Леся Лілія Людмила Любов
Мар'яна Марина Марія Мирослава Надія Наталія Ніна Оксана Олександра Олена Ольга Поліна Раїса Світлана
Софія Тамара Тетяна Уляна Юлія Яна Ярослава Богдана Вероніка Віолетта Інна Лідія Нонна Таїсія Емілія
"""
_FIRST_NAMES_RU = """
Алексей Александр Анатолий Андрей Аркадий Артём Борис Вадим Валентин Валерий Василий Виктор Виталий
Владимир Владислав Вячеслав Геннадий Георгий Глеб Григорий Даниил Денис Дмитрий Евгений Егор Иван Игорь
Илья Иосиф Кирилл Константин Леонид Максим Матвей Михаил Никита Николай Олег Павел Пётр Петр Роман
Руслан Семён Сергей Станислав Степан Тимофей Фёдор Федор Юрий Яков Ярослав Эдуард Рамзан Ахмат
Алина Анастасия Анна Валентина Валерия Виктория Вера Галина Дарья Евгения Екатерина Елена Елизавета
Ирина Кристина Лариса Людмила Любовь Марина Мария Надежда Наталья Наталия Оксана Ольга Полина Светлана
Софья София Татьяна Ульяна Юлия Яна
"""
# Ukrainian ↔ Russian forms of one given name, as data. The fold already makes most pairs meet
# (Дмитро/Дмитрий → dmtr, Олексій/Алексей → alks); the ones it cannot reach (a different first letter,
# an extra syllable) are mapped below onto the Ukrainian form's fold. A name with one form only (Ольга,
# Богдан, Тарас, Остап) needs no entry. Extend freely: tests/unit/test_normalize.py checks every pair.
GIVEN_NAME_PAIRS: tuple[tuple[str, str], ...] = (
    ("Олександр", "Александр"), ("Олександра", "Александра"), ("Олексій", "Алексей"), ("Юрій", "Юрий"),
    ("Дмитро", "Дмитрий"), ("Сергій", "Сергей"), ("Микола", "Николай"), ("Андрій", "Андрей"),
    ("Михайло", "Михаил"), ("Петро", "Пётр"), ("Павло", "Павел"), ("Іван", "Иван"), ("Василь", "Василий"),
    ("Григорій", "Григорий"), ("Олена", "Елена"), ("Ганна", "Анна"), ("Наталія", "Наталья"),
    ("Тетяна", "Татьяна"), ("Ірина", "Ирина"), ("Катерина", "Екатерина"), ("Євген", "Евгений"),
    ("Федір", "Фёдор"), ("Ілля", "Илья"), ("Микита", "Никита"), ("Пилип", "Филипп"), ("Йосип", "Иосиф"),
    ("Костянтин", "Константин"), ("Надія", "Надежда"), ("Валерій", "Валерий"), ("Віктор", "Виктор"),
    ("Володимир", "Владимир"), ("Олег", "Олег"), ("Ольга", "Ольга"), ("Богдан", "Богдан"),
    ("Тарас", "Тарас"), ("Остап", "Остап"), ("Степан", "Степан"), ("Семен", "Семён"), ("Яків", "Яков"),
    ("Тимофій", "Тимофей"), ("Матвій", "Матвей"), ("Софія", "Софья"), ("Уляна", "Ульяна"),
    ("Дарина", "Дарья"), ("Любов", "Любовь"), ("Данило", "Даниил"), ("Кирило", "Кирилл"), ("Гліб", "Глеб"),
)  # fmt: skip
# Latin spellings that follow neither table and that the fold cannot bring home (Russian-style
# English spellings of names whose Ukrainian form starts differently).
_LATIN_GIVEN_NAMES: tuple[tuple[str, str], ...] = (
    ("Nikolai", "Микола"),
    ("Nikita", "Микита"),
    ("Philipp", "Пилип"),
    ("Michail", "Михайло"),  # German ch = х inside a word
)


def _raw_fold(token: str, lang: str) -> str:
    if has_cyrillic(token):
        token = translit(token, lang if lang in MORPH_LANGS else None)
    return fold_name(token).replace(" ", "")


def _given_name_equivalents() -> dict[str, str]:
    """fold of a variant → fold of the Ukrainian form, for the pairs the plain fold does not join."""
    table: dict[str, str] = {}
    for uk, ru in GIVEN_NAME_PAIRS:
        target = _raw_fold(uk, "uk")
        for variant in (_raw_fold(ru, "ru"), _raw_fold(translit(ru, "ru"), "en")):
            if variant != target:
                table[variant] = target
    for latin, uk in _LATIN_GIVEN_NAMES:
        if _raw_fold(latin, "en") != _raw_fold(uk, "uk"):
            table[_raw_fold(latin, "en")] = _raw_fold(uk, "uk")
    # Keys written since schema v1 fold Ганна onto Анна ("ana"); keep that direction so no stored
    # Person key changes.
    table.pop(_raw_fold("Анна", "ru"), None)
    table[_raw_fold("Ганна", "uk")] = _raw_fold("Анна", "ru")
    return table


_FIRST_NAME_EQUIV: dict[str, str] = _given_name_equivalents()


# The dictionaries miss some nominatives' Name tag (uk "Володимир" reads only as a common noun).
FIRST_NAMES_CYRILLIC: frozenset[str] = frozenset(
    normalize_apostrophes(n.lower()) for n in (_FIRST_NAMES_UK + _FIRST_NAMES_RU).split()
)


def _fold_token(token: str, lang: str) -> str:
    folded = _raw_fold(token, lang)
    return _FIRST_NAME_EQUIV.get(folded, folded)


def fold_token(token: str, lang: str) -> str:
    """One name word's folded key, as in :func:`person_key` (given-name equivalents applied)."""
    return _fold_token(token, lang)


FIRST_NAME_FOLDS: frozenset[str] = frozenset(
    _fold_token(name, lang)
    for lang, names in (("uk", _FIRST_NAMES_UK), ("ru", _FIRST_NAMES_RU))
    for name in names.split()
)


def is_first_name(token: str, lang: str = "en") -> bool:
    """True if ``token`` folds like a common Ukrainian/Russian first name (any script or spelling)."""
    return len(token) >= 3 and _fold_token(token, lang) in FIRST_NAME_FOLDS


# --- person names ----------------------------------------------------------------------------------
_ROLE_BONUS = {"Name": 3.0, "Surn": 2.0, "Patr": 2.0, "noun": 0.6, "adj": 0.8, "asis": 0.0}
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "loc2")
_MAX_READINGS = 12


@dataclass(frozen=True)
class _Reading:
    role: str
    case: str | None  # None: fits any case (indeclinable, initials)
    gender: str | None  # None: fits any gender (ms-f, indeclinable)
    parse: pymorphy3.analyzer.Parse | None
    score: float


def _gender(tag: pymorphy3.tagset.OpencorporaTag) -> str | None:
    if "ms-f" in tag.grammemes:
        return None
    return tag.gender if tag.gender in ("masc", "femn") else None


@lru_cache(maxsize=100_000)
def _person_readings(word: str, lang: str) -> tuple[_Reading, ...]:
    """Readings of one word of a person name, best first; always ends with an as-written reading."""
    readings: list[_Reading] = []
    if len(word.rstrip(".")) > 1 and word[:1].isalpha():
        for p in parse_word(word, lang):
            tag = p.tag
            grammemes = tag.grammemes  # `in tag` raises for grammemes unknown to the language's tagset
            if "plur" in grammemes or tag.case is None:
                continue
            role = next((r for r in ("Name", "Surn", "Patr") if r in grammemes), None)
            if role is None:
                if tag.POS == "NOUN" and "anim" in grammemes:
                    role = "noun"  # masculine surnames sometimes lack the Surn tag (Шевчук nomn)
                elif tag.POS == "ADJF":
                    role = "adj"  # unknown adjectival surnames (ru: Залужного → залужный)
                else:
                    continue
            readings.append(_Reading(role, tag.case, _gender(tag), p, _ROLE_BONUS[role] + p.score))
    readings.sort(key=lambda r: -r.score)
    readings = readings[:_MAX_READINGS]
    readings.append(_Reading("asis", None, None, None, 0.0))
    return tuple(readings)


def _combination_score(combo: tuple[_Reading, ...]) -> float | None:
    cases = {r.case for r in combo if r.case is not None}
    genders = {r.gender for r in combo if r.gender is not None}
    if len(cases) > 1 or len(genders) > 1:
        return None
    roles = [r.role for r in combo]
    if roles.count("Name") > 1 or roles.count("Patr") > 1:
        return None
    score = sum(r.score for r in combo)
    if "Patr" in roles and ("Name" not in roles or roles.index("Patr") != roles.index("Name") + 1):
        score -= 2.0  # a patronymic stands right after the first name
    if cases == {"nomn"} or not cases:
        score += 0.3  # when otherwise equal, the text is more often in the nominative
    return score


def _inflect(reading: _Reading, gender: str | None) -> str | None:
    p = reading.parse
    if p is None:
        return None
    targets = [{"nomn", gender}] if gender else []
    targets.append({"nomn"})
    for target in targets:
        try:
            inflected = p.inflect(target)
        except ValueError:
            inflected = None
        if inflected is not None:
            return inflected.word
    return None


_TOKEN_STRIP = "\"'«»„“”‘’()[]{},;:!?"


@lru_cache(maxsize=50_000)
def normalize_person(surface: str, lang: str) -> str:
    """The person's name in the nominative, display-cased; words without a usable reading unchanged."""
    tokens = [t.strip(_TOKEN_STRIP) for t in surface.split()]
    tokens = [t for t in tokens if t]
    if not tokens:
        return surface.strip()
    if lang not in MORPH_LANGS or not has_cyrillic(surface) or len(tokens) > 4:
        if lang == "en" and tokens[-1].endswith(("'s", "’s")):
            tokens[-1] = tokens[-1][:-2]
        return " ".join(display_case(t) if t.isupper() or t.islower() else t for t in tokens)
    options = [_person_readings(t, lang) for t in tokens]
    best: tuple[_Reading, ...] | None = None
    best_score = float("-inf")
    for combo in itertools.product(*options):
        score = _combination_score(combo)
        if score is not None and score > best_score:
            best, best_score = combo, score
    assert best is not None  # the all-"asis" combination is always valid
    gender = next((r.gender for r in best if r.gender), None)
    words = []
    for token, reading in zip(tokens, best, strict=True):
        word = _inflect(reading, gender)
        words.append(display_case(word) if word else token)
    return " ".join(words)


_PATRONYMIC = re.compile(
    r"(ович|евич|євич|йович|ьович|івна|ївна|овна|евна|ична|інична|ovych|ovich|evych|evich|yovych|"
    r"ivna|yivna|ovna|evna|ichna)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=50_000)
def person_key(name: str, lang: str) -> str:
    """Script- and order-independent key: folded tokens, patronymic dropped, sorted.

    The patronymic is dropped (only with three or more tokens, never the first token, which may be a
    surname like Петрович) so that "Залужний Валерій Федорович" meets "Valerii Zaluzhnyi".
    """
    tokens = [t.strip(_TOKEN_STRIP + ".") for t in name.split()]
    tokens = [t for t in tokens if t]
    if len(tokens) >= 3:
        for i in range(len(tokens) - 1, 0, -1):
            if _PATRONYMIC.search(tokens[i]):
                del tokens[i]
                break
    folded = sorted(f for f in (_fold_token(t, lang) for t in tokens) if f)
    return " ".join(folded)


# --- places ----------------------------------------------------------------------------------------
@lru_cache(maxsize=50_000)
def normalize_place(surface: str, lang: str) -> str:
    """A place phrase in the nominative ("Курській області" → "Курська область", "Харькова" → "Харьков").

    Words are read together so that they agree in case; proper nouns (Geox) are preferred over
    common nouns. Lower-case words inside a name ("Ростов-на-Дону", "на") are kept.
    """
    tokens = surface.split()
    if lang not in MORPH_LANGS or not has_cyrillic(surface) or not tokens or len(tokens) > 5:
        return " ".join(tokens) if tokens else surface
    options: list[list[tuple[str | None, str | None, float, pymorphy3.analyzer.Parse | None]]] = []
    for token in tokens:
        opts: list[tuple[str | None, str | None, float, pymorphy3.analyzer.Parse | None]] = []
        if token[:1].isupper() or len(tokens) > 1:
            for p in parse_word(token, lang):
                tag = p.tag
                if tag.POS not in ("NOUN", "ADJF") or tag.case is None:
                    continue
                grammemes = tag.grammemes
                bonus = 1.0 + ("Geox" in grammemes) * 1.0 + (p.score or 0.0) - ("anim" in grammemes) * 0.5
                opts.append((tag.case, tag.number, bonus, p))
        opts = sorted(opts, key=lambda o: -o[2])[:_MAX_READINGS]
        opts.append((None, None, 0.0, None))
        options.append(opts)
    best = None
    best_score = float("-inf")
    for combo in itertools.product(*options):
        cases = {c for c, _, _, _ in combo if c is not None}
        if len(cases) > 1:
            continue
        score = sum(o[2] for o in combo) + (0.2 if cases == {"nomn"} else 0.0)
        if score > best_score:
            best, best_score = combo, score
    words = []
    for token, (_, number, _, p) in zip(tokens, best or (), strict=False):
        word = None
        if p is not None:
            target = {"nomn", number} if number == "plur" else {"nomn"}
            inflected = p.inflect(target)
            word = inflected.word if inflected is not None else None
        words.append(display_case(word, like=token) if word else token)
    return " ".join(words)


def place_key(name: str, lang: str, gazetteer_id: str | None = None) -> str:
    """The gazetteer id when the place was matched, else ``place:`` + folded nominative name."""
    if gazetteer_id:
        return gazetteer_id
    folded = fold_name(translit(name, lang if lang in MORPH_LANGS else None))
    if len(folded.replace(" ", "")) < 3:
        # "SIZO-2" folds to "s": too little left to identify anything, keep the written form.
        return "place:" + " ".join(name.lower().split())
    return "place:" + folded


# --- units and organisations -----------------------------------------------------------------------
def unit_key(surface: str, lang: str) -> str:
    """Canonical unit key ("36 marine brigade", "military unit a0000"), see :mod:`nlp.units`."""
    from nlp.units import parse_unit  # local import: units imports this module

    unit = parse_unit(surface, lang)
    if unit is not None:
        return unit.key
    return "unit:" + fold_name(translit(surface, lang if lang in MORPH_LANGS else None))


def normalize_org(surface: str, lang: str) -> str:
    """Organisation names are not inflected word by word (the head noun may be followed by genitives:
    "Міністерства оборони України"): only the first word is put in the nominative."""
    tokens = surface.split()
    if not tokens or lang not in MORPH_LANGS or not has_cyrillic(tokens[0]) or tokens[0].isupper():
        return surface.strip()
    for p in parse_word(tokens[0], lang):
        if p.tag.POS == "NOUN" and p.tag.case not in (None, "nomn"):
            inflected = p.inflect({"nomn"})
            if inflected is not None:
                tokens[0] = display_case(inflected.word, like=tokens[0])
            break
        if p.tag.POS == "NOUN":
            break
    return " ".join(tokens)


def org_key(name: str, lang: str) -> str:
    """``org:`` + folded words (organisation lexicon entries have their own canonical keys)."""
    return "org:" + fold_name(translit(name, lang if lang in MORPH_LANGS else None)).replace(" ", "-")
