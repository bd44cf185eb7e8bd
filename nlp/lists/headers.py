"""Column headers → fields (``models/lists/headers.json``): exactly, then fuzzily, then by keyword.

Headers are normalised first (case, apostrophes, dots, Latin look-alikes, "(дд.мм.рррр)"), so that
OCR-damaged headers still map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from nlp.lists.lookalikes import Lookalikes, fold_lookalikes
from nlp.translit import normalize_apostrophes

__all__ = ["HeaderTable", "build_header_table", "header_field", "norm_header"]

HEADER_FUZZY_MIN = 84  # rapidfuzz ratio: "Прізвнще" (OCR и for и/н) still maps, "Примітка" vs "Прізвище" does not


def norm_header(text: str, lookalikes: Lookalikes) -> str:
    text = normalize_apostrophes(text.lower()).replace("ё", "е")
    text = fold_lookalikes(text, lookalikes)
    text = re.sub(r"\([^)]*\)", " ", text)  # "Дата народження (дд.мм.рррр)"
    text = text.replace(".", " ").replace("’", "'")
    text = re.sub(r"(?<!\w)/|/(?!\w)", " ", text)
    text = re.sub(r"[,;:\-–—_*\"«»]+", " ", text)
    tokens = text.split()
    if len(tokens) > 1 and all(len(t) == 1 for t in tokens):
        return "".join(tokens)  # "П. І. Б." → "піб"
    return " ".join(tokens)


@dataclass(frozen=True, eq=False)  # hashed by identity: one per models directory, a key for caches
class HeaderTable:
    exact: dict[str, str]  # normalised header → field
    choices: list[str]  # the normalised headers, for fuzzy matching
    fields: list[str]  # the field of each of ``choices``
    keywords: list[tuple[str, str]]  # (stem, field): a header holding the stem names the field
    lookalikes: Lookalikes  # what the headers were normalised with


def build_header_table(headers: dict[str, Any], lookalikes: Lookalikes) -> HeaderTable:
    exact: dict[str, str] = {}
    for name, phrases in headers["fields"].items():
        for phrase in phrases:
            exact.setdefault(norm_header(phrase, lookalikes), name)
    keywords = [(kw.lower(), name) for name, kws in headers["keywords"].items() for kw in kws]
    return HeaderTable(
        exact=exact, choices=list(exact), fields=list(exact.values()), keywords=keywords, lookalikes=lookalikes
    )


@lru_cache(maxsize=4096)
def header_field(text: str, table: HeaderTable) -> str | None:
    """The field a column header names, or None."""
    norm = norm_header(text, table.lookalikes)
    if not norm or len(norm) > 80:
        return None
    if norm in table.exact:
        return table.exact[norm]
    if len(norm) > 3:
        best = process.extractOne(norm, table.choices, scorer=fuzz.ratio, score_cutoff=HEADER_FUZZY_MIN)
        if best is not None:
            return table.fields[best[2]]
        for keyword, name in table.keywords:
            if keyword in norm:
                return name
    return None
