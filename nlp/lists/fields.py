"""Fields of one piece of row text by the shape of their values: name, birth date, rank, unit, status.

Ranks and status words in free text must be lower case: "Майор", "Загинайко" are surnames.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from nlp.lists.dates import Date, find_dates, word_dates
from nlp.lists.lookalikes import Lookalikes, fold_lookalikes
from nlp.lists.names import INITIALS, name_like
from nlp.lists.vocab import ListVocab
from nlp.units import Unit, find_units

__all__ = ["Parsed", "clean_rank", "find_rank", "find_status", "find_unit", "parse_free", "status_date"]

_SEPARATORS = ",;\t|"


@dataclass
class Parsed:
    """Fields found in one piece of row text; spans are relative to that text."""

    name_tokens: list[tuple[int, int]] = field(default_factory=list)
    birth: Date | None = None
    other_dates: list[Date] = field(default_factory=list)
    rank: tuple[int, int] | None = None
    unit: tuple[int, int, Unit] | None = None
    status: tuple[int, int, str] | None = None


@lru_cache(maxsize=20_000)
def find_status(text: str, vocab: ListVocab, lower_only: bool) -> tuple[int, int, str] | None:
    folded = fold_lookalikes(text, vocab.lookalikes)
    # Statuses in the vocabulary's order, not by position: "prisoners exchanged" is an exchange.
    for name, rx in vocab.status_res:
        for m in rx.finditer(folded):
            if lower_only and m.group(0)[:1].isupper() and not m.group(0).isupper():
                continue  # "Загинайко" is a surname
            return m.start(), m.end(), name
    return None


@lru_cache(maxsize=20_000)
def find_rank(text: str, vocab: ListVocab, lower_only: bool) -> tuple[int, int] | None:
    folded = fold_lookalikes(text, vocab.lookalikes)
    for m in vocab.rank_re.finditer(folded):
        if lower_only and m.group(0)[:1].isupper():
            continue
        return m.start(), m.end()
    return None


@lru_cache(maxsize=20_000)
def find_unit(text: str, vocab: ListVocab) -> tuple[int, int, Unit] | None:
    folded = fold_lookalikes(text, vocab.lookalikes)
    matches = find_units(folded, vocab.models_dir)
    return (matches[0].start, matches[0].end, matches[0].unit) if matches else None


def clean_rank(text: str, lookalikes: Lookalikes) -> str:
    return " ".join(fold_lookalikes(text, lookalikes).lower().split())


def status_date(text: str, vocab: ListVocab) -> str | None:
    """The first full date in ``text`` (numeric or written out), the date of a status or a title."""
    dates = [(d.start, d.iso) for d in find_dates(text, False, vocab.lookalikes) if len(d.iso) == 10]
    dates += word_dates(text, vocab.months)
    return min(dates)[1] if dates else None


@lru_cache(maxsize=20_000)
def parse_free(text: str, vocab: ListVocab, lower_only: bool = True, units: bool = True) -> Parsed:
    """Fields of a piece of row text by value shape; the name is the first run of 1–4 name-like words.

    Cached and shared: callers must not change the result. ``units=False`` skips the unit patterns
    (the slowest part) for a name cell without digits.
    """
    parsed = Parsed()
    consumed: list[tuple[int, int]] = []
    dates = find_dates(text, True, vocab.lookalikes)
    if dates:
        parsed.birth = dates[0]
        parsed.other_dates = list(dates[1:])
        consumed += [(d.start, d.end) for d in dates]
    unit = find_unit(text, vocab) if units else None
    if unit and all(unit[1] <= s or unit[0] >= e for s, e in consumed):
        parsed.unit = unit
        consumed.append(unit[:2])
    rank = find_rank(text, vocab, lower_only)
    if rank and all(rank[1] <= s or rank[0] >= e for s, e in consumed):
        parsed.rank = rank
        consumed.append(rank)
    status = find_status(text, vocab, lower_only)
    if status and all(status[1] <= s or status[0] >= e for s, e in consumed):
        parsed.status = status
        consumed.append(status[:2])
    masked = list(text)
    for s, e in consumed:
        masked[s:e] = [","] * (e - s)
    masked_text = "".join(masked)
    run: list[tuple[int, int]] = []
    tokens = list(re.finditer(r"[^\s,;\t|]+", masked_text))
    for n, m in enumerate(tokens):
        gap = masked_text[run[-1][1] : m.start()] if run else ""
        if run and any(c in _SEPARATORS for c in gap):
            break
        token = m.group(0)
        # In a name cell OCR sometimes lower-cases the first capital (Ї → ї): accept it before a name word.
        lowered_first = (
            not lower_only
            and not run
            and token[:1].islower()
            and n + 1 < len(tokens)
            and name_like(token[:1].upper() + token[1:])
            and name_like(tokens[n + 1].group(0))
        )
        if lowered_first or name_like(token):
            stripped = token.rstrip('.,;:)»"')
            lead = len(token) - len(token.lstrip('(«"'))
            if INITIALS.match(token.strip(",;:")):
                stripped = token.rstrip(",;:")
            run.append((m.start() + lead, m.start() + len(stripped)))
        elif run:
            break
    parsed.name_tokens = run if len(run) <= 4 else []
    return parsed
