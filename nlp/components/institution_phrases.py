"""Institutions named by a phrase around a head noun: "Господарського суду Рівненської області", "Кабінету
Міністрів України", "Управління СБУ у Чернігівській області", "Печерського райсуду м. Києва", "верховный суд
Пакистана", "правительства Великобритании"; and single words built from an institution stem ("Київради",
"Держекоінспекція", "Генпрокуратури").

A helper of ``cc_orgs`` (:mod:`nlp.components.organisations`), not a component. The vocabulary is data:
``institution_phrases`` in ``models/ner/organisations.json`` (head stems per language, stems of compound
words, words a phrase may not start with). The phrase is: adjectives agreeing with the head on its left,
the head, then on its right words in the genitive ("Міністрів", "України", "надзвичайних ситуацій"), "м." or
"міста" with a name, and "у/в" with a region in the locative ("у Чернігівській області"). It is kept when it
holds a capitalised word: "суду" alone is no name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.normalize import MORPH_LANGS, parse_word
from nlp.vocab import load_json

__all__ = ["institution_phrases"]

_WORD = re.compile(r"(?<![\w-])[мг]\.|[^\W\d_][\w'’-]*")
_MAX_LEFT = 4  # adjectives before the head
_MAX_RIGHT = 10  # words after it
_REGION_NOUNS = frozenset({"області", "районі", "місті", "области", "районе", "городе"})
_CITY_MARKS = frozenset({"м.", "міста", "місті", "г.", "города"})


@dataclass(frozen=True)
class _Vocabulary:
    heads: re.Pattern[str]  # a head word, lower-cased, whole
    compounds: re.Pattern[str]  # a one-word institution, as written, whole
    not_first: frozenset[str]


@lru_cache(maxsize=8)
def _vocabulary(models_dir: str, lang: str) -> _Vocabulary | None:
    data = load_json(models_dir, "ner/organisations.json")["institution_phrases"]
    if lang not in data["languages"]:
        return None
    heads = re.compile(rf"(?:{'|'.join(data['heads'][lang])})")
    compounds = re.compile(rf"(?:{'|'.join(data['compounds'][lang])})")
    return _Vocabulary(heads, compounds, frozenset(data["not_first"]))


def _cases(word: str, lang: str, pos: tuple[str, ...]) -> set[str]:
    return {p.tag.case for p in parse_word(word.rstrip("."), lang) if p.tag.POS in pos and p.tag.case}


def _adjacent(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    gap = text[a.end() : b.start()]
    return len(gap) <= 2 and not gap.strip()


def institution_phrases(text: str, lang: str, models_dir: str) -> list[tuple[int, int]]:
    """Spans of institution phrases in ``text`` (overlapping ones allowed: the merge keeps the best)."""
    if lang not in MORPH_LANGS:
        return []
    vocab = _vocabulary(models_dir, lang)
    if vocab is None:
        return []
    words = list(_WORD.finditer(text))
    found: list[tuple[int, int]] = []
    for i, w in enumerate(words):
        word = w.group(0)
        if vocab.compounds.fullmatch(word):
            found.append((w.start(), w.end()))
            continue
        if not vocab.heads.fullmatch(word.lower()):
            continue
        head_cases = _cases(word, lang, ("NOUN",))
        if not head_cases:
            continue
        first = i
        while first > 0 and i - first < _MAX_LEFT and _adjacent(text, words[first - 1], words[first]):
            prev = words[first - 1].group(0)
            parses = parse_word(prev, lang)
            if prev.lower() in vocab.not_first or not parses or parses[0].tag.POS != "ADJF":
                break
            if not (_cases(prev, lang, ("ADJF",)) & head_cases):
                break
            first -= 1
        # "британською Пакистанською асоціацією": a lower-case word before the capitalised name is no part of it
        while (
            first < i
            and words[first].group(0)[:1].islower()
            and any(m.group(0)[:1].isupper() for m in words[first + 1 : i + 1])
        ):
            first += 1
        last = _extend_right(text, words, i, lang)
        if last == i and first == i:
            continue
        capitals = [k for k in range(first, last + 1) if words[k].group(0)[:1].isupper()]
        if not capitals or (capitals == [first] and _sentence_start(text, words[first].start())):
            continue  # "Суд першої інстанції" opens a sentence: its capital says nothing
        found.append((words[first].start(), words[last].end()))
    return found


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(' \t«"“„(')
    return not before or before[-1] in ".!?\n:"


def _name_word(word: str, lang: str) -> bool:
    """A capitalised word that may stand in an institution's name after its head: a genitive that is no
    person's name ("Міністрів", "України", "Пакистана"; not "Путина", "Тимошенко", "Хана")."""
    parses = parse_word(word, lang)
    if any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses):
        return False
    return any(
        p.tag.case == "gent"
        and p.tag.POS in ("NOUN", "ADJF")
        and ("inan" in p.tag.grammemes or "plur" in p.tag.grammemes)
        for p in parses
    )


def _extend_right(text: str, words: list[re.Match[str]], i: int, lang: str) -> int:
    """The index of the last word of the phrase whose head is ``words[i]``."""
    last = i
    k = i + 1
    while k < len(words) and k - i <= _MAX_RIGHT and _adjacent(text, words[k - 1], words[k]):
        word = words[k].group(0)
        low = word.lower()
        nxt = words[k + 1] if k + 1 < len(words) and _adjacent(text, words[k], words[k + 1]) else None
        if low in _CITY_MARKS and nxt is not None and nxt.group(0)[:1].isupper():
            last = k = k + 1
            k += 1
            continue
        if low in ("у", "в") and nxt is not None:
            # "у Чернігівській області", "в місті Києві": a region in the locative ends the phrase
            j = k + 1
            while j < len(words) and j - k <= 3 and _adjacent(text, words[j - 1], words[j]):
                if words[j].group(0).lower() in _REGION_NOUNS or (
                    words[j].group(0)[:1].isupper() and "loct" in _cases(words[j].group(0), lang, ("NOUN",))
                ):
                    return _extend_city(words, text, j)
                if "loct" not in _cases(words[j].group(0), lang, ("ADJF",)):
                    break
                j += 1
            break
        if word.isupper() and len(word) >= 2:
            last = k
            k += 1
            continue
        if word[:1].isupper():
            if not _name_word(word, lang):
                break
            last = k
            k += 1
            continue
        if len(word) >= 3 and "gent" in _cases(word, lang, ("NOUN", "ADJF")):
            last = k
            k += 1
            continue
        break
    return last


def _extend_city(words: list[re.Match[str]], text: str, j: int) -> int:
    """After "у ... області"/"в місті", a city name may follow ("в місті Києві")."""
    if (
        words[j].group(0).lower() in ("місті", "городе")
        and j + 1 < len(words)
        and _adjacent(text, words[j], words[j + 1])
        and words[j + 1].group(0)[:1].isupper()
    ):
        return j + 1
    return j
