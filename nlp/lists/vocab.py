"""The lists vocabulary, built once per models directory from its data.

Files (under ``models_dir``, read through :func:`nlp.vocab.load_json`): ``lists/lookalikes.json``,
``lists/headers.json``, ``lists/ranks.json``, ``lists/months.json``, ``lists/names.json`` and the
statuses shared with claims, ``statuses.json`` (``list_order``, ``list_titles``, ``title_cues``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nlp.lists.dates import MonthDates, build_month_dates
from nlp.lists.headers import HeaderTable, build_header_table
from nlp.lists.lookalikes import Lookalikes, load_lookalikes
from nlp.vocab import load_json, pattern_regex, status_vocab

__all__ = ["ListVocab", "list_vocab"]


@dataclass(frozen=True, eq=False)  # hashed by identity: one per directory (lru_cache), a key for caches
class ListVocab:
    models_dir: Path | str  # where it was read: the other vocabularies (units, first names) come from there too
    lookalikes: Lookalikes
    headers: HeaderTable
    months: MonthDates
    rank_re: re.Pattern[str]
    status_res: list[tuple[str, re.Pattern[str]]]  # (status, its phrases), in the order they are tried
    title_cue_re: re.Pattern[str]
    patronymic_re: re.Pattern[str]


def _rank_regex(ranks: dict[str, dict[str, list[str]]]) -> re.Pattern[str]:
    """Any rank phrase, longest first; a space in a phrase matches any whitespace or none."""
    rank_phrases = sorted(
        {p.lower() for by_lang in ranks.values() for ps in by_lang.values() for p in ps},
        key=lambda p: -len(p),
    )
    rank_alt = "|".join(re.escape(p).replace(r"\ ", r"\s*") for p in rank_phrases)
    return re.compile(rf"(?<![\w-])(?:{rank_alt})(?![\w-])", re.IGNORECASE)


def _patronymic_regex(endings: list[str]) -> re.Pattern[str]:
    """A word ending in one of ``endings``, any case."""
    return re.compile("(" + "|".join(re.escape(e) for e in endings) + ")$", re.IGNORECASE)


def _status_regexes(order: list[str], titles: dict[str, list[str]]) -> list[tuple[str, re.Pattern[str]]]:
    """Per status, its title phrases; a phrase with an upper-case letter (MIA, POW) matches case-sensitively."""
    status_res: list[tuple[str, re.Pattern[str]]] = []
    for name in order:
        alternatives = [
            pattern_regex(p) if any(c.isupper() for c in p) else f"(?i:{pattern_regex(p)})" for p in titles[name]
        ]
        status_res.append((name, re.compile("|".join(alternatives))))
    return status_res


@lru_cache(maxsize=4)
def list_vocab(models_dir: Path | str) -> ListVocab:
    """The lists vocabulary under ``models_dir``: one object per directory, so caches may key on it."""
    lookalikes = load_lookalikes(models_dir)
    statuses = status_vocab(models_dir)
    cues = "|".join(re.escape(c) for c in sorted(statuses["title_cues"], key=len, reverse=True))
    return ListVocab(
        models_dir=models_dir,
        lookalikes=lookalikes,
        headers=build_header_table(load_json(models_dir, "lists/headers.json"), lookalikes),
        months=build_month_dates(load_json(models_dir, "lists/months.json")),
        rank_re=_rank_regex(load_json(models_dir, "lists/ranks.json")["ranks"]),
        status_res=_status_regexes(statuses["list_order"], statuses["list_titles"]),
        title_cue_re=re.compile(rf"^\W*(?:{cues})(?![\w])", re.IGNORECASE),
        patronymic_re=_patronymic_regex(load_json(models_dir, "lists/names.json")["patronymic_endings"]),
    )
