"""A person found by half the name takes the other half beside it.

On foreign names in Ukrainian and Russian news the rules often find only the part they know: the first name
("Хосеп" of Хосеп Борель, "Майкл" of Майкл О'Лірі, "Свен" of Свен Міксер: the surname is hyphenated, has an
apostrophe or is a dictionary word), or only the surname ("Бібі" of Асії Бібі, "Різві" of Хадіма Хуссейна
Різві: the first name is in no list). A helper of ``cc_merge`` (:mod:`nlp.components.merge`), run after
overlaps are resolved:

* a PERSON of first names only takes the capitalised words right after it (spaces only between them), a
  one-word PERSON there included ("Тереза" + "Мей");
* two one-word PERSONs with only spaces between them are one name ("Тереза   Мей");
* a one-word PERSON that is no first name takes up to two capitalised words right before it that no other
  mention holds, that the dictionary does not know as an ordinary word, and that do not open the sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from nlp.components.candidate import Candidate
from nlp.normalize import MORPH_LANGS, is_first_name, parse_word

__all__ = ["complete_names"]

# O'Лірі, Ріс-Могг, Жан-Клод: apostrophes and hyphens inside a name word.
_NEXT_WORD = re.compile(
    r"[ \t]+([A-ZА-ЯІЇЄҐЁ](?:['’][A-ZА-ЯІЇЄҐЁ])?[a-zа-яіїєґё'’]+(?:-[A-ZА-ЯІЇЄҐЁа-яіїєґё][a-zа-яіїєґё'’]+)?)(?![\w'’-])"
)
_GAP = re.compile(r"[ \t]+")
_HYPHEN_BEFORE = re.compile(r"(?<![\w'’-])[A-ZА-ЯІЇЄҐЁ][a-zа-яіїєґё'’]+-$")
_PREV_WORD = re.compile(r"(?<![\w'’-])([A-ZА-ЯІЇЄҐЁ][a-zа-яіїєґё'’]+)[ \t]+$")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n«\"“„(—–-]\s*)$")


def _first_name(word: str, lang: str) -> bool:
    """A first name by the project's list or the dictionary (Хосеп, Свен, Джейкоб: the dictionary knows them)."""
    if is_first_name(word, lang):
        return True
    return lang in MORPH_LANGS and any("Name" in p.tag.grammemes for p in parse_word(word, lang) if p.is_known)


def _first_names_only(c: Candidate, text: str, lang: str) -> bool:
    words = text[c.start : c.end].split()
    return c.label == "PERSON" and 1 <= len(words) <= 2 and all(_first_name(w, lang) for w in words)


def _ordinary(word: str, lang: str) -> bool:
    """The dictionary knows the word as something other than a name."""
    if lang not in MORPH_LANGS:
        return False
    known = [p for p in parse_word(word, lang) if p.is_known]
    return bool(known) and not any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in known)


def complete_names(taken: list[Candidate], text: str, lang: str) -> list[Candidate]:
    """``taken`` (non-overlapping, in text order) with half-found names completed."""
    out: list[Candidate] = []
    i = 0
    while i < len(taken):
        c = taken[i]
        nxt = taken[i + 1] if i + 1 < len(taken) else None
        if (
            nxt is not None
            and c.label == nxt.label == "PERSON"
            and _GAP.fullmatch(text[c.end : nxt.start])
            and " " not in text[c.start : c.end].strip() + text[nxt.start : nxt.end].strip()
        ):
            out.append(replace(c, end=nxt.end, key="", name=""))
            i += 2
            continue
        if _first_names_only(c, text, lang):
            end, j = c.end, i + 1
            for _ in range(2):
                m = _NEXT_WORD.match(text, end)
                if not m:
                    break
                nxt = taken[j] if j < len(taken) else None
                if nxt is not None and nxt.start < m.end():
                    if not (nxt.label == "PERSON" and (nxt.start, nxt.end) == m.span(1)):
                        break
                    j += 1  # "Тереза" + "Мей": one name
                end = m.end()
            if end > c.end:
                out.append(replace(c, end=end, key="", name=""))
                i = j
                continue
        elif (
            c.label == "PERSON"
            and " " not in text[c.start : c.end].strip()
            and not is_first_name(text[c.start : c.end], lang)
        ):
            start = c.start
            floor = out[-1].end if out else 0
            for _ in range(2):
                m = _PREV_WORD.search(text, max(floor, start - 40), start)
                if not m or _ordinary(m.group(1), lang) or _SENTENCE_END.search(text, max(0, m.start() - 3), m.start()):
                    break
                start = m.start()
            if start < c.start:
                c = replace(c, start=start, key="", name="")
        # "Жан-Клодом Юнкером" found from "Клодом": the hyphenated first part belongs to the name.
        hyphen = _HYPHEN_BEFORE.search(text, max(0, c.start - 20), c.start) if c.label == "PERSON" else None
        if hyphen and (not out or out[-1].end <= hyphen.start()):
            c = replace(c, start=hyphen.start(), key="", name="")
        out.append(c)
        i += 1
    return out
