"""Latin exonyms of place names: how German, Polish and other press spell them (Charkiw, Kijów).

German and Polish press spell Ukrainian names by their own transliterations (Charkiw, Saporischschja,
Ołeniwka): generated for every Ukrainian entry of the gazetteer so the language-independent pipeline
finds them. GeoNames' Latin alternates add the spellings of other languages (Charków, Kijów) when they
are spellings of the English name rather than other names (Lemberg).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz.fuzz import ratio

from nlp.build.spelling import CYRILLIC
from nlp.translit import fold_name, normalize_apostrophes

__all__ = ["EXONYM_LANGS", "generated_exonyms", "latin_exonyms"]

_DE = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'", [
    "a", "b", "w", "h", "g", "d", "e", "je", "sch", "s", "y", "i", "ji", "j", "k", "l", "m", "n", "o", "p", "r",
    "s", "t", "u", "f", "ch", "z", "tsch", "sch", "schtsch", "", "ju", "ja", "",
], strict=True))  # fmt: skip
_PL = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'", [
    "a", "b", "w", "h", "g", "d", "e", "je", "ż", "z", "y", "i", "ji", "j", "k", "ł", "m", "n", "o", "p", "r",
    "s", "t", "u", "f", "ch", "c", "cz", "sz", "szcz", "", "ju", "ja", "",
], strict=True))  # fmt: skip
_PL_SOFT = {"л": "l"}  # ль / лі / лю / ля: Polish writes l, not ł
EXONYM_LANGS = ("de", "pl", "fr", "es", "it", "cs", "sk", "pt", "nl", "ro", "hu")  # pycountry country names
_LATIN_WORD = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ž][a-zà-öø-ÿā-ž]+(?:[- ][A-ZÀ-ÖØ-ÞĀ-ž][a-zà-öø-ÿā-ž]+)?$")


def _translit_table(name: str, table: dict[str, str], soft: dict[str, str]) -> str:
    out: list[str] = []
    lower = name.lower()
    for i, ch in enumerate(lower):
        nxt = lower[i + 1] if i + 1 < len(lower) else ""
        piece = soft.get(ch, table.get(ch)) if nxt in "ьіюяє" and ch in soft else table.get(ch, ch)
        if piece is None:
            piece = ch
        if ch in "єюя" and i > 0 and lower[i - 1] not in "аеєиіїоуюя'ь -" and table is _PL:
            piece = "i" + piece[1:]  # Polish writes ia, iu, ie after a consonant
        out.append(piece[:1].upper() + piece[1:] if name[i].isupper() else piece)
    word = "".join(out)
    return word[:1].upper() + word[1:] if word else word


def generated_exonyms(uk_name: str) -> set[str]:
    """German and Polish transliterations of a Ukrainian name: Харків → Charkiw, Оленівка → Oleniwka /
    Ołeniwka, Запоріжжя → Saporischschja / Zaporiżżja."""
    name = normalize_apostrophes(uk_name)
    if not CYRILLIC.search(name) or name.isupper():
        return set()
    return {_translit_table(name, _DE, {}), _translit_table(name, _PL, _PL_SOFT)} - {""}


def _skeleton(name: str) -> str:
    # fold_name keeps "ch" (English ч) apart from "kh"; in German and Polish exonyms ch is х.
    return fold_name(name).replace("C", "H").replace("T", "s")


def latin_exonyms(english: str, alternates: Iterable[str]) -> set[str]:
    """GeoNames Latin alternates that are spellings of ``english`` in another language (Charków, Kijów,
    Lemberg is not: a different name), one or two capitalised words of letters only."""
    ref = _skeleton(english)
    out: set[str] = set()
    for alt in alternates:
        alt = alt.strip()
        if len(alt) < 4 or CYRILLIC.search(alt) or not _LATIN_WORD.match(alt) or alt == english:
            continue
        if ratio(_skeleton(alt), ref) >= 75:
            out.add(alt)
    return out
