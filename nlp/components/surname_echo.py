"""A surname named in full once is a person wherever else it stands in the same text.

News and investigations name a person in full once ("Павло Брицький", "Ашіг Масіх") and then by the surname
alone, in any case ("Брицького", "Масіх сказав"). Models and rules find the full name but miss the bare
surname, or take it for a place ("Виноградов", a town). A helper of ``cc_merge``
(:mod:`nlp.components.merge`), run after the overlaps are resolved: every capitalised word that is a case
form of a surname of a full name found in the same text becomes a PERSON (method ``person-rule:echo``),
and a one-word place or generic organisation on exactly that word yields to it. A surname right beside a
person found by given names only ("Остапа Богдановича Кравчишина", "Кравчишина Остапа") completes that
person instead of standing apart. Identity resolution then joins it to the full name.

Likewise a first name alone ("Олена каже", "Олені") is the person named in full with it, when exactly one
full name in the text has that first name (``echo_given_names``; method ``person-rule:echo-given``); with
two (Олена Гаврилюк and Олена Коваль) it stays unmarked, so no lone first name is left without its person.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace

from nlp.components.candidate import CONF_GENERIC, Candidate
from nlp.normalize import MORPH_LANGS, is_first_name, parse_word

__all__ = ["echo_given_names", "echo_surnames"]

_WORD = re.compile(r"(?<![\w'’-])[A-ZА-ЯІЇЄҐЁ][a-zа-яіїєґё'’]+(?![\w'’-])")
_TAIL = re.compile(r"[аеєиіїоуюяйьыэё]+$", re.IGNORECASE)
# Case endings a surname's stem may take (uk and ru, both genders): Брицького, Онулів, Масіхом, Івановим.
_ENDINGS = frozenset(
    "а у ю е є і ї и о я ь й ом ем єм ою ею ої ій ий ого ому им ими их ів ам ами ах ові еві єві ої ей ой ым ыми ых ов "
    "ому ого ий ую ой ая ее ые".split()
)
_MIN_STEM = 4  # "Мей", "Рева": a short surname only as written
_OVERRIDABLE = ("gazetteer", "generic")
# Initials before the surname belong to the name: "С.Барклі", "Т. Мей", "Б . Хмельницький" (tokenised text).
_INITIALS_BEFORE = re.compile(r"(?:(?<![\w'’-])[A-ZА-ЯІЇЄҐЁ]\s?\.\s?){1,2}$")


def _given(word: str, lang: str) -> bool:
    """A first name or a patronymic, by the project's list or the dictionary."""
    if is_first_name(word, lang):
        return True
    return lang in MORPH_LANGS and any({"Name", "Patr"} & p.tag.grammemes for p in parse_word(word, lang))


def _dictionary_word(word: str, lang: str) -> bool:
    """A word the dictionary knows, and not as a surname ("Білий", "Вовка")."""
    if lang not in MORPH_LANGS:
        return False
    known = [p for p in parse_word(word, lang) if p.is_known]
    return bool(known) and not any("Surn" in p.tag.grammemes for p in known)


def _surnames(c: Candidate, text: str, lang: str) -> list[str]:
    """The words of a full name that may be its surname. Beside a first name any other word may be ("Павло
    Брицький"); without one, only a word the dictionary does not know as something else ("Білий Пес" is no
    name to echo)."""
    words = [w.group(0) for w in _WORD.finditer(text, c.start, c.end)]
    if len(words) < 2 or len(text[c.start : c.end].split()) < 2:
        return []
    given = [_given(w, lang) for w in words]
    rest = [w for w, g in zip(words, given, strict=True) if not g]
    if any(given):
        return rest
    return [w for w in rest if not _dictionary_word(w, lang)]


def _stem(surname: str) -> str:
    return _TAIL.sub("", surname)


def _matches(word: str, surname: str, stem: str) -> bool:
    if word == surname:
        return True
    if len(stem) < _MIN_STEM or not word.startswith(stem):
        return False
    ending = word[len(stem) :].lower()
    return ending in _ENDINGS


_GAP = re.compile(r"[ \t]+")


def _given_only(c: Candidate, text: str, lang: str) -> bool:
    """A PERSON of given names and patronymics only ("Остапа Богдановича"), waiting for its surname."""
    words = text[c.start : c.end].split()
    return c.label == "PERSON" and 1 <= len(words) <= 2 and all(_given(w, lang) for w in words)


def _beside(
    taken: list[Candidate], k: int, start: int, end: int, text: str, accept: Callable[[Candidate], bool]
) -> int | None:
    """Index of the candidate right before (``k``) or after (``k + 1``) the word ``text[start:end]``, joined to
    it by spaces only, that ``accept`` takes; else None."""
    for i in (k, k + 1):
        if not 0 <= i < len(taken) or not accept(taken[i]):
            continue
        gap = text[taken[i].end : start] if i == k else text[end : taken[i].start]
        if gap and _GAP.fullmatch(gap):
            return i
    return None


def echo_surnames(taken: list[Candidate], text: str, lang: str) -> list[Candidate]:
    """``taken`` (non-overlapping, in text order) with the bare surnames of its full names added."""
    surnames = {s for c in taken if c.label == "PERSON" for s in _surnames(c, text, lang)}
    if not surnames:
        return taken
    stems = [(s, _stem(s)) for s in surnames]

    def given_only(c: Candidate) -> bool:
        return _given_only(c, text, lang)

    starts = [c.start for c in taken]
    replaced: dict[int, Candidate] = {}
    added: list[Candidate] = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        if not any(_matches(word, s, stem) for s, stem in stems):
            continue
        k = bisect_right(starts, m.start()) - 1
        inside = k >= 0 and taken[k].end > m.start()
        if not inside and k + 1 < len(taken) and taken[k + 1].start < m.end():
            inside = True
            k += 1
        initials = _INITIALS_BEFORE.search(text, max(0, m.start() - 8), m.start())
        start = initials.start() if initials else m.start()
        if initials and k >= 0 and taken[k].end > start and not inside:
            start = m.start()  # the "initial" is the end of another mention
        echo = Candidate(start, m.end(), "PERSON", "rule", "person-rule:echo", CONF_GENERIC)
        if not inside and (j := _beside(taken, k, m.start(), m.end(), text, given_only)) is not None:
            person = replaced.get(j, taken[j])
            replaced[j] = replace(person, start=min(person.start, m.start()), end=max(person.end, m.end()))
        elif not inside:
            added.append(echo)
        elif (
            taken[k].label in ("PLACE", "ORG")
            and taken[k].source in _OVERRIDABLE
            and (taken[k].start, taken[k].end) == (m.start(), m.end())
        ):
            replaced[k] = echo
    if not added and not replaced:
        return taken
    out = [replaced.get(i, c) for i, c in enumerate(taken)] + added
    return sorted(out, key=lambda c: c.start)


def _first_names(c: Candidate, text: str, lang: str) -> tuple[list[str], str]:
    """(first names, surname stems) of a full name: "Олена Гаврилюк" → (["Олена"], "гаврилюк")."""
    words = [w.group(0) for w in _WORD.finditer(text, c.start, c.end)]
    if len(words) < 2:
        return [], ""
    firsts = [w for w in words if is_first_name(w, lang)]
    rest = [_stem(w).lower() for w in words if w not in firsts and not _given(w, lang)]
    return (firsts, " ".join(rest)) if firsts and rest else ([], "")


def echo_given_names(taken: list[Candidate], text: str, lang: str) -> list[Candidate]:
    """``taken`` (non-overlapping, in text order) with lone first names added that can mean only one full
    name of the text."""
    owners: dict[str, set[str]] = {}
    for c in taken:
        if c.label == "PERSON":
            firsts, surname = _first_names(c, text, lang)
            for f in firsts:
                owners.setdefault(f, set()).add(surname)
    unique = [(f, _stem(f)) for f, surnames in owners.items() if len(surnames) == 1]
    if not unique:
        return taken
    starts = [c.start for c in taken]
    added: list[Candidate] = []
    for m in _WORD.finditer(text):
        if not any(_matches(m.group(0), f, stem) for f, stem in unique):
            continue
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and taken[k].end > m.start() or k + 1 < len(taken) and taken[k + 1].start < m.end():
            continue  # inside another mention
        if _beside(taken, k, m.start(), m.end(), text, lambda c: c.label == "PERSON") is not None:
            continue  # part of a name NER cut short: not a lone first name
        added.append(Candidate(m.start(), m.end(), "PERSON", "rule", "person-rule:echo-given", CONF_GENERIC))
    return sorted(taken + added, key=lambda c: c.start) if added else taken
