"""What a personal name looks like: word shapes, the word tables of ``models/ner/names.json``, and the
morphological roles of a Ukrainian word. Shared by the person rules, the Ukrainian model's filter and
the merge (which strips titles from every PERSON span).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nlp.normalize import first_names, parse_word
from nlp.translit import normalize_apostrophes
from nlp.vocab import load_json

__all__ = [
    "CYR_CAPS_WORD",
    "CYR_INITIAL",
    "CYR_TITLE_WORD",
    "LAT_TITLE_WORD",
    "NAME_ROLES",
    "NameWords",
    "name_words",
]

NAMES_FILE = "ner/names.json"  # under models_dir

# Word shapes (tokens as spaCy cuts them): a capitalised word (hyphenated double names too), a word in
# capitals (ПЕТРЕНКО), an initial.
CYR_TITLE_WORD = re.compile(r"^[А-ЯІЇЄҐ][а-яіїєґ'’]+(?:-[А-ЯІЇЄҐ][а-яіїєґ'’]+)?$")
CYR_CAPS_WORD = re.compile(r"^[А-ЯІЇЄҐ]{3,}(?:-[А-ЯІЇЄҐ]{2,})?$")
CYR_INITIAL = re.compile(r"^[А-ЯІЇЄҐ]\.$")
LAT_TITLE_WORD = re.compile(r"^[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?$")

# Roles of a word that can be part of a name (see NameWords.uk_roles).
NAME_ROLES = frozenset({"Name", "Surn", "Patr", "surnlike", "initial"})


@dataclass(frozen=True)
class NameWords:
    """The word tables of ``models/ner/names.json``, compiled (the file documents each)."""

    title: re.Pattern[str]  # matches a lower-cased word that is a title, rank or role, in any case form
    not_in_name: frozenset[str]  # lower case: kinship words, English titles before a name
    never_names: frozenset[str]
    uk_speech_verb: re.Pattern[str]  # matches a word that starts with a uk/ru verb of speech
    en_speech: frozenset[str]
    latin_not_names: frozenset[str]
    uk_surname_suffix: re.Pattern[str]  # searched in a lower-cased word
    latin_surname_suffix: re.Pattern[str]
    strong_latin_surname: re.Pattern[str]
    latin_first_name_endings: tuple[str, ...]
    first_names_cyrillic: frozenset[str]  # lower case, apostrophes unified

    def uk_roles(self, word: str) -> frozenset[str]:
        """{'Name','Surn','Patr','surnlike','common'} for one capitalised Ukrainian word (cached)."""
        return _uk_roles(word, self.uk_surname_suffix, self.first_names_cyrillic)


@lru_cache(maxsize=4)
def _name_words(models_dir: str) -> NameWords:
    data = load_json(models_dir, NAMES_FILE)

    def ending(key: str, flags: int = 0) -> re.Pattern[str]:
        return re.compile(f"(?:{'|'.join(data[key])})$", flags)

    return NameWords(
        title=re.compile(rf"(?i)(?:{'|'.join(re.escape(s) for s in data['title_stems'])})[\w'’]*$"),
        not_in_name=frozenset(data["not_in_name"]),
        never_names=frozenset(data["never_names"]),
        uk_speech_verb=re.compile(f"^(?:{'|'.join(data['speech_verb_stems'])})", re.IGNORECASE),
        en_speech=frozenset(data["speech_verbs_en"]),
        latin_not_names=frozenset(data["latin_not_names"]),
        uk_surname_suffix=ending("surname_endings_cyrillic"),
        latin_surname_suffix=ending("surname_endings_latin", re.IGNORECASE),
        strong_latin_surname=ending("strong_surname_endings_latin", re.IGNORECASE),
        latin_first_name_endings=tuple(data["first_name_endings_latin"]),
        first_names_cyrillic=first_names(Path(models_dir)).cyrillic,
    )


def name_words(models_dir: Path | str) -> NameWords:
    """The name word tables under ``models_dir``, compiled once per process and directory."""
    return _name_words(str(models_dir))


@lru_cache(maxsize=100_000)
def _uk_roles(word: str, surname_suffix: re.Pattern[str], first_names_cyrillic: frozenset[str]) -> frozenset[str]:
    """:meth:`NameWords.uk_roles`, cached per word (the tables are part of the key; one set per models_dir)."""
    roles: set[str] = set()
    common = False
    for p in parse_word(word, "uk"):
        grammemes = p.tag.grammemes
        if p.is_known:  # an unknown word's guessed readings say nothing (Сирський guessed as a Name)
            roles |= grammemes & {"Name", "Surn", "Patr"}
        if (
            p.is_known
            and not grammemes & {"Name", "Surn", "Patr"}
            and not (p.tag.POS == "NOUN" and "anim" in grammemes)
        ):
            # A reading as an inanimate word or as a verb, adjective...: Мороз (frost), Березень (March).
            # Animate nouns are not: many surnames are also trades (Ткачук, Коваль).
            common = True
    if normalize_apostrophes(word.lower()) in first_names_cyrillic:
        roles.add("Name")
    if not roles and not common and surname_suffix.search(word.lower()):
        roles.add("surnlike")  # unknown to the dictionary but shaped like a surname (Лубінець)
    elif "Surn" not in roles and surname_suffix.search(word.lower()) and not common:
        roles.add("surnlike")
    if common:
        roles.add("common")
    return frozenset(roles)
