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
few names many times. The name vocabularies (first names and their uk ↔ ru ↔ Latin pairs, patronymic
endings) are data in ``models/names/``, read from the ``models_dir`` a caller passes (default: the
repository's ``models/``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.translit import fold_name, has_cyrillic, normalize_apostrophes, translit
from nlp.units import parse_unit
from nlp.vocab import load_json

if TYPE_CHECKING:
    import pymorphy3

__all__ = [
    "FIRST_NAMES_CYRILLIC",
    "FIRST_NAME_FOLDS",
    "GIVEN_NAME_PAIRS",
    "MORPH_LANGS",
    "FirstNames",
    "display_case",
    "first_names",
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
    "split_initials",
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
# Common Ukrainian and Russian first names and the uk ↔ ru ↔ Latin pairs of one given name are data
# (models/names/first_names.json). They serve (a) to recognise Latin-script person names that the English
# model misses (their folds, so any transliteration matches), (b) as evidence in the Ukrainian person rule
# and (c) to give the Ukrainian and Russian forms of one name one key.


@dataclass(frozen=True)
class FirstNames:
    """The first-name vocabulary of one models directory, with what is derived from it."""

    cyrillic: frozenset[str]  # lower case, apostrophes unified: the dictionaries miss some nominatives' Name tag
    folds: frozenset[str]  # folded keys of every listed name, given-name equivalents applied
    pairs: tuple[tuple[str, str], ...]  # (Ukrainian, Russian) forms of one given name
    equivalents: dict[str, str]  # fold of a variant → fold of the Ukrainian form


def _raw_fold(token: str, lang: str) -> str:
    if has_cyrillic(token):
        token = translit(token, lang if lang in MORPH_LANGS else None)
    return fold_name(token).replace(" ", "")


def _given_name_equivalents(
    pairs: tuple[tuple[str, str], ...], latin_spellings: tuple[tuple[str, str], ...]
) -> dict[str, str]:
    """fold of a variant → fold of the Ukrainian form, for the pairs the plain fold does not join."""
    table: dict[str, str] = {}
    for uk, ru in pairs:
        target = _raw_fold(uk, "uk")
        for variant in (_raw_fold(ru, "ru"), _raw_fold(translit(ru, "ru"), "en")):
            if variant != target:
                table[variant] = target
    for latin, uk in latin_spellings:
        if _raw_fold(latin, "en") != _raw_fold(uk, "uk"):
            table[_raw_fold(latin, "en")] = _raw_fold(uk, "uk")
    # Keys written since schema v1 fold Ганна onto Анна ("ana"); keep that direction so no stored
    # Person key changes.
    table.pop(_raw_fold("Анна", "ru"), None)
    table[_raw_fold("Ганна", "uk")] = _raw_fold("Анна", "ru")
    return table


@lru_cache(maxsize=4)
def first_names(models_dir: Path = DEFAULT_MODELS_DIR) -> FirstNames:
    """``models/names/first_names.json`` of ``models_dir``, read and folded once per directory."""
    data = load_json(models_dir, "names/first_names.json")
    pairs = tuple((uk, ru) for uk, ru in data["uk_ru_pairs"])
    equivalents = _given_name_equivalents(pairs, tuple((latin, uk) for latin, uk in data["latin_spellings"]))
    names = [("uk", n) for n in data["uk"]] + [("ru", n) for n in data["ru"]]
    return FirstNames(
        cyrillic=frozenset(normalize_apostrophes(n.lower()) for _, n in names),
        folds=frozenset(_fold_with(equivalents, n, lang) for lang, n in names),
        pairs=pairs,
        equivalents=equivalents,
    )


# Declared, not bound: module ``__getattr__`` below builds them on first use (PEP 562), so importing this
# module reads no file and a caller with its own ``models_dir`` never pays for the default one.
FIRST_NAMES_CYRILLIC: frozenset[str]
FIRST_NAME_FOLDS: frozenset[str]
GIVEN_NAME_PAIRS: tuple[tuple[str, str], ...]


def __getattr__(name: str) -> frozenset[str] | tuple[tuple[str, str], ...]:
    """The module constants other modules import, built on first use from the default models directory.

    Code that is given a ``models_dir`` calls :func:`first_names` instead.
    """
    if name == "FIRST_NAMES_CYRILLIC":
        return first_names().cyrillic
    if name == "FIRST_NAME_FOLDS":
        return first_names().folds
    if name == "GIVEN_NAME_PAIRS":
        return first_names().pairs
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _fold_with(equivalents: dict[str, str], token: str, lang: str) -> str:
    folded = _raw_fold(token, lang)
    return equivalents.get(folded, folded)


def fold_token(token: str, lang: str, models_dir: Path = DEFAULT_MODELS_DIR) -> str:
    """One name word's folded key, as in :func:`person_key` (given-name equivalents applied)."""
    return _fold_with(first_names(models_dir).equivalents, token, lang)


def is_first_name(token: str, lang: str = "en", models_dir: Path = DEFAULT_MODELS_DIR) -> bool:
    """True if ``token`` folds like a common Ukrainian/Russian first name (any script or spelling)."""
    return len(token) >= 3 and fold_token(token, lang, models_dir) in first_names(models_dir).folds


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
    nominative: str | None = None  # a reading no dictionary has: its nominative, given directly


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
    readings.extend(_feminine_ia_readings(word, lang, readings))
    readings.sort(key=lambda r: -r.score)
    readings = readings[:_MAX_READINGS]
    readings.append(_Reading("asis", None, None, None, 0.0))
    return tuple(readings)


# A woman's first name in -ия / -ія the dictionary lacks reads as the genitive of a rare man's name in -ий / -ій
# ("Асия Биби" -> "Асий", "Асії Бібі" -> "Асій"). Endings of the -ия declension: (ending, cases it marks).
_IA_ENDINGS = {
    "ru": (("ия", ("nomn",)), ("ии", ("gent", "datv", "loct")), ("ию", ("accs",)), ("ией", ("ablt",))),
    "uk": (("ія", ("nomn",)), ("ії", ("gent", "datv", "loct")), ("ію", ("accs",)), ("ією", ("ablt",))),
}
_IA_MASCULINE = {"ru": "ий", "uk": "ій"}


def _feminine_ia_readings(word: str, lang: str, readings: list[_Reading]) -> list[_Reading]:
    """Feminine first-name readings of ``word`` when its only first-name readings are an unknown man's name in
    -ий: "Асии" is then Асия's genitive, not Асий's locative. A man's name the project lists (Дмитрия,
    Юрия) keeps its reading."""
    if lang not in _IA_ENDINGS or not word[:1].isupper():
        return []
    names = [r for r in readings if r.role == "Name"]
    if not names or any(r.gender != "masc" for r in names):
        return []
    lemmas = {r.parse.normal_form for r in names if r.parse is not None}
    if not all(lemma.endswith(_IA_MASCULINE[lang]) for lemma in lemmas) or lemmas & first_names().cyrillic:
        return []
    low = word.lower()
    for ending, cases in _IA_ENDINGS[lang]:
        if low.endswith(ending):
            nominative = word[: -len(ending)] + _IA_ENDINGS[lang][0][0]
            best = max(r.score for r in names) + 0.1
            return [_Reading("Name", case, "femn", None, best, nominative) for case in cases]
    return []


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
    if reading.nominative is not None:
        return reading.nominative
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


# Letters a dictionary lemma may carry that the surface did not: ё for е (Елкина -> Ёлкин), ґ for г.
_ADDED_LETTERS = (("ё", "е"), ("ґ", "г"))


def _no_added_letters(word: str | None, token: str) -> str | None:
    """``word`` (a dictionary form of ``token``) without the letters ``token`` did not have."""
    if word is None:
        return None
    low = token.lower()
    for added, plain in _ADDED_LETTERS:
        if added in word.lower() and added not in low:
            word = word.replace(added, plain).replace(added.upper(), plain.upper())
    return word


_TOKEN_STRIP = "\"'«»„“”‘’()[]{},;:!?"
# An initial run into the surname: "Т.Мей", "Дж.Хант", "С.Барклі" are "Т. Мей", "Дж. Хант", "С. Барклі".
_GLUED_INITIAL = re.compile(r"(?<![\w'’-])([A-ZА-ЯІЇЄҐЁ][a-zа-яіїєґё]?\.)(?=[A-ZА-ЯІЇЄҐЁ][a-zа-яіїєґё'’])")


_SPACED_INITIAL = re.compile(r"(?<![\w'’-])([A-ZА-ЯІЇЄҐЁ][a-zа-яіїєґё]?\.) (?=[A-ZА-ЯІЇЄҐЁ])")


def split_initials(name: str) -> str:
    """ "Т.Мей" -> "Т. Мей": an initial run into the surname is a word of its own."""
    return _GLUED_INITIAL.sub(r"\1 ", name)


def _as_written(name: str, surface: str) -> str:
    """``name`` with its initials run into the next word again when the surface wrote them so ("Т.Мей")."""
    return _SPACED_INITIAL.sub(r"\1", name) if _GLUED_INITIAL.search(surface) else name


@lru_cache(maxsize=50_000)
def normalize_person(surface: str, lang: str) -> str:
    """The person's name in the nominative, display-cased; words without a usable reading unchanged."""
    tokens = [t.strip(_TOKEN_STRIP) for t in split_initials(surface).split()]
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
    case = next((r.case for r in best if r.case), None)
    words = []
    for token, reading in zip(tokens, best, strict=True):
        if reading.parse is not None and reading.case == "nomn" and reading.gender in (gender, None):
            # Already the nominative: as written, never a lemma's letters (Ашіг, not Ашіґ; Елкин, not Ёлкин).
            words.append(display_case(token.lower()) if token.isupper() else token)
            continue
        word = _no_added_letters(_inflect(reading, gender), token)
        if word is None and reading.role == "asis" and any(r.role == "Name" for r in best):
            word = _foreign_surname_nominative(token, case, gender)
        words.append(display_case(word) if word else token)
    return _as_written(" ".join(words), surface)


_CONSONANT = re.compile(r"[бвгґджзйклмнпрстфхцчшщ]$", re.IGNORECASE)
_HUSHING = re.compile(r"[жцчшщ]$", re.IGNORECASE)
# Case endings of a man's foreign surname the dictionaries do not know (Джонсона, Джонсону, Джонсоном,
# Скрипаля, Байрактара, Курцем), longest first: (ending, the case it marks, what the nominative ends with).
_MASC_ENDINGS = (
    ("ові", "datv", ""),
    ("еві", "datv", "ь"),
    ("єві", "datv", "й"),
    ("ом", "ablt", ""),
    ("ем", "ablt", "ь"),
    ("ём", "ablt", "ь"),
    ("єм", "ablt", "й"),
    ("а", "gent", ""),
    ("я", "gent", "ь"),
    ("у", "datv", ""),
    ("ю", "datv", "ь"),
)


def _foreign_surname_nominative(token: str, case: str | None, gender: str | None) -> str | None:
    """The nominative of a man's surname no dictionary knows, from the case the first name beside it is in
    ("Бориса Джонсона" → Джонсон, "Сергея Скрипаля" → Скрипаль); None when the ending does not fit."""
    if gender != "masc" or case in (None, "nomn") or len(token) < 4 or not token[:1].isupper():
        return None
    cases = {case, "accs"} if case == "gent" else {case, "gent"} if case == "accs" else {case}
    if case == "loct":
        cases |= {"datv"}  # uk: Джонсонові, Джонсону in the locative too
    for ending, marks, nominative in _MASC_ENDINGS:
        if marks not in cases or not token.lower().endswith(ending):
            continue
        stem = token[: -len(ending)]
        if nominative == "ь" and _HUSHING.search(stem):
            nominative = ""  # Курцем -> Курц, not Курць
        if len(stem) >= 2 and (nominative or _CONSONANT.search(stem)):
            return stem + nominative
        return None
    return None


@lru_cache(maxsize=4)
def _patronymic(models_dir: Path) -> re.Pattern[str]:
    """A word ending like a patronymic (``models/names/patronymics.json``)."""
    endings = load_json(models_dir, "names/patronymics.json")["endings"]
    return re.compile("(" + "|".join(re.escape(e) for e in endings) + ")$", re.IGNORECASE)


@lru_cache(maxsize=50_000)
def person_key(name: str, lang: str, models_dir: Path = DEFAULT_MODELS_DIR) -> str:
    """Script- and order-independent key: folded tokens, patronymic dropped, sorted.

    The patronymic is dropped (only with three or more tokens, never the first token, which may be a
    surname like Петрович) so that "Залужний Валерій Федорович" meets "Valerii Zaluzhnyi".
    """
    tokens = [t.strip(_TOKEN_STRIP + ".") for t in split_initials(name).split()]
    tokens = [t for t in tokens if t]
    if len(tokens) >= 3:
        patronymic = _patronymic(models_dir)
        for i in range(len(tokens) - 1, 0, -1):
            if patronymic.search(tokens[i]):
                del tokens[i]
                break
    equivalents = first_names(models_dir).equivalents
    folded = sorted(f for f in (_fold_with(equivalents, t, lang) for t in tokens) if f)
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
            word = _no_added_letters(inflected.word if inflected is not None else None, token)
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
def unit_key(surface: str, lang: str, models_dir: Path = DEFAULT_MODELS_DIR) -> str:
    """Canonical unit key ("36 marine brigade", "military unit a0000"), see :mod:`nlp.units`."""
    unit = parse_unit(surface, lang, models_dir)
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
