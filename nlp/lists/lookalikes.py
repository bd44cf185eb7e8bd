"""OCR look-alikes: the tables (``models/lists/lookalikes.json``) and folding Latin look-alikes to Cyrillic.

Tesseract's remaining errors on lists are look-alikes at high confidence, so repairs are driven by
these tables, not by confidence: a Latin letter inside a Cyrillic word, a digit inside a name, a
letter inside a date, a uk/ru letter for its neighbour in the other alphabet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nlp.translit import has_cyrillic
from nlp.vocab import load_json

__all__ = ["CYR", "Lookalikes", "fold_lookalikes", "load_lookalikes"]


@dataclass(frozen=True, eq=False)  # hashed by identity: one per models directory, a key for caches
class Lookalikes:
    lat_to_cyr: dict[int, str]  # str.translate table: Latin look-alike → Cyrillic letter
    latin_set: frozenset[str]  # the Latin letters that have a Cyrillic look-alike
    date_letters: dict[str, str]  # inside a date: letter OCR reads for a digit → the digit
    date_chars: str  # a regex character class body: the digits and those letters
    name_digits: dict[str, tuple[str, str]]  # inside a name: digit → (upper, lower) letter
    swaps: dict[str, dict[str, str]]  # per page language: letter → the letters it may stand for
    digit_of_letter: dict[int, str]  # str.translate table: letter read in a short unit number → digit
    short_number_re: re.Pattern[str]  # "З6 ОБрМП", "О1 ОМБр": a number before a unit, letters for digits


@lru_cache(maxsize=4)
def load_lookalikes(models_dir: Path | str) -> Lookalikes:
    data = load_json(models_dir, "lists/lookalikes.json")
    date_letters: dict[str, str] = dict(data["date_letters"])
    digit_of_letter: dict[str, str] = data["digit_of_letter"]
    return Lookalikes(
        lat_to_cyr=str.maketrans(data["latin_to_cyrillic"]),
        latin_set=frozenset(data["latin_to_cyrillic"]),
        date_letters=date_letters,
        date_chars="0-9" + re.escape("".join(date_letters)),
        name_digits={digit: (upper, lower) for digit, (upper, lower) in data["name_digits"].items()},
        swaps={lang: dict(swaps) for lang, swaps in data["swaps"].items()},
        digit_of_letter=str.maketrans(digit_of_letter),
        short_number_re=re.compile(
            rf"(?<![\w])[0-9{re.escape(''.join(digit_of_letter))}]{{1,3}}(?=\s*-?\s*[А-ЯҐЄІЇ]{{2}})"
        ),
    )


CYR = re.compile(r"[\u0400-\u04ff]")  # one Cyrillic letter


@lru_cache(maxsize=20_000)
def fold_lookalikes(text: str, lookalikes: Lookalikes) -> str:
    """Latin look-alike letters → Cyrillic in every token that has Cyrillic or consists of look-alikes only.

    One character for one, so offsets into the folded text are offsets into ``text``. Only for text that
    is Cyrillic as a whole (headers, units, statuses, ranks): "TpO" → "ТрО", "OБpМП" → "ОБрМП".
    """
    if not has_cyrillic(text):
        return text

    def fold(m: re.Match[str]) -> str:
        token = m.group(0)
        letters = [c for c in token if c.isalpha()]
        if CYR.search(token) or (letters and all(c in lookalikes.latin_set for c in letters) and token.isalpha()):
            return token.translate(lookalikes.lat_to_cyr)
        return token

    folded = re.sub(r"[^\W\d_]+", fold, text)
    # "З6 ОБрМП", "О1 ОМБр": a short number before a unit read with letter look-alikes of digits.
    return lookalikes.short_number_re.sub(
        lambda m: m.group(0).translate(lookalikes.digit_of_letter) if re.search(r"\d", m.group(0)) else m.group(0),
        folded,
    )
