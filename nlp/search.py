"""Turn a name an investigator types (any script, any case form, part of a name) into the keys the
ingest would have given it, so a search for "Харків" finds the node keyed by its gazetteer id and
"Kovalchuk" finds Тараса Ковальчука."""

from __future__ import annotations

from pathlib import Path

from nlp.extract import extract_mentions
from nlp.gazetteer import load_gazetteer
from nlp.normalize import normalize_person, person_key
from nlp.translit import fold_name, guess_cyrillic_language, has_cyrillic
from nlp.units import parse_unit


def _lang(text: str) -> str:
    return guess_cyrillic_language(text) if has_cyrillic(text) else "en"


def search_keys(text: str, models_dir: Path) -> list[str]:
    """Every entity key ``text`` could stand for: as a person, place, unit, or whatever NER finds in it."""
    text = " ".join(text.split())
    if not text:
        return []
    lang = _lang(text)
    keys = {person_key(normalize_person(text, lang), lang)}
    place = load_gazetteer(models_dir).lookup(text, lang)
    if place is not None:
        keys.add(place.id)
    unit = parse_unit(text, lang)
    if unit is not None:
        keys.add(unit.key)
    keys.update(m.key for m in extract_mentions(text, lang, models_dir))
    return sorted(k for k in keys if k)


def search_fold(text: str) -> str:
    """The spelling-independent skeleton of ``text``, to find keys that contain it (a surname alone).

    A Cyrillic name is put in the nominative first: "Дзюбенка" must find the key of Дзюбенко.
    """
    text = " ".join(text.split())
    if has_cyrillic(text):
        # A lone surname has no uk/ru letters to tell the language by: try the guess first, then the other.
        first = _lang(text)
        for lang in (first, "ru" if first == "uk" else "uk"):
            nominative = normalize_person(text, lang)
            if nominative != text:
                text = nominative
                break
    return fold_name(text)
