"""Names on list rows: what a name word looks like, whether it reads as a name, the nominative, the key."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.lists.vocab import ListVocab
from nlp.normalize import (
    MORPH_LANGS,
    first_names,
    is_first_name,
    morph,
    normalize_person,
    parse_word,
    person_key,
)
from nlp.translit import guess_cyrillic_language, has_cyrillic, normalize_apostrophes

__all__ = [
    "INITIALS",
    "MORPH_LANGS",
    "known",
    "known_readings",
    "listed_person_key",
    "name_evidence",
    "name_like",
    "nominative",
]

INITIALS = re.compile(r"^[A-ZА-ЯІЇЄҐ]\.(?:\s?[A-ZА-ЯІЇЄҐ]\.?)?$")


@lru_cache(maxsize=100_000)
def known(word: str, lang: str, models_dir: Path | str) -> bool:
    """A known first name or a word the page language's dictionary knows."""
    low = normalize_apostrophes(word.lower())
    if low in first_names(models_dir).cyrillic:
        return True
    return lang in MORPH_LANGS and morph(lang).word_is_known(low)


def name_like(token: str) -> bool:
    """Could ``token`` be one word of a person's name as OCR read it (capitalised, letters, look-alike digits)."""
    token = token.strip('.,;:()"«»')
    if not token:
        return False
    if INITIALS.match(token):
        return True
    first = token[0]
    if not (first.isupper() or first in "03"):
        return False
    if not all(c.isalpha() or c in "'’ʼ`-036" for c in token):
        return False
    return sum(c.isalpha() for c in token) >= 2 and not token.endswith("-")


@lru_cache(maxsize=50_000)
def name_evidence(token: str, lang: str, vocab: ListVocab) -> tuple[int, bool]:
    """(1 if the word reads as a first name, surname or patronymic, else 0; True if it can only be a thing)."""
    if INITIALS.match(token):
        return 0, False
    if vocab.patronymic_re.search(token):
        return 1, False
    if not has_cyrillic(token):
        return (1 if is_first_name(token, "en", vocab.models_dir) else 0), False
    if normalize_apostrophes(token.lower()) in first_names(vocab.models_dir).cyrillic:
        return 1, False
    if lang not in MORPH_LANGS:
        lang = guess_cyrillic_language(token)
    readings = known_readings(token, lang)
    person = any(grammemes & {"Name", "Surn", "Patr"} for grammemes, _, _ in readings)
    # A dictionary word that can only be a thing (Маріуполь, Азовсталь, Сили) or a verb, never a being:
    # not part of a name. Adjectives stay possible (Russian surnames such as Соколовский read as ADJF).
    thing = bool(readings) and not any("anim" in grammemes or pos == "ADJF" for grammemes, pos, _ in readings)
    return (1 if person else 0), (thing and not person)


@lru_cache(maxsize=50_000)
def known_readings(token: str, lang: str) -> tuple[tuple[frozenset[str], str | None, str | None], ...]:
    """(grammemes, POS, case) of the dictionary readings of a word (``Parse.is_known`` is slow: cached)."""
    return tuple((frozenset(p.tag.grammemes), p.tag.POS, p.tag.case) for p in parse_word(token, lang) if p.is_known)


@lru_cache(maxsize=20_000)
def nominative(tokens: tuple[str, ...], lang: str) -> str:
    """The name in the nominative: lists are, so the row is kept unless a word has no nominative reading."""
    name = " ".join(tokens)
    if lang not in MORPH_LANGS or not has_cyrillic(name):
        return name
    for t in tokens:
        if INITIALS.match(t):
            continue
        readings = known_readings(t, lang)
        if readings and not any(case == "nomn" for _, _, case in readings):
            return normalize_person(name, lang)
    return name


def listed_person_key(name: str, birth_date: str | None, lang: str, models_dir: Path | str = DEFAULT_MODELS_DIR) -> str:
    """Key of a listed person: the order- and script-independent name key, plus the birth date when known.

    Two namesakes with different birth dates are two people; a row without a birth date keys on the
    name alone.
    """
    key = person_key(name, lang, models_dir)
    return f"{key}|{birth_date}" if birth_date else key
