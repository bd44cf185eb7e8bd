"""Vocabularies of claim extraction (``models/claims/vocab.json``) and the matchers built from them.

What a number counts (``match_category``), who got people back (``find_directions``), what kind of
occurrence a sentence reports (``event_kind``) and which stage of it (``event_stage``). The words
live in data so that a new phrasing is a JSON edit, not a code change; the status phrases of running
text are the ones lists share (``models/statuses.json``). Patterns: :func:`nlp.vocab.pattern_regex`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from crosscheck.records.claims import CATEGORIES
from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.vocab import load_json, pattern_alternation, status_vocab

__all__ = [
    "Vocab",
    "event_kind",
    "event_stage",
    "find_directions",
    "load_vocab",
    "match_category",
    "weak_direction",
]


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(f"(?:{pattern_alternation(patterns)})", re.IGNORECASE)


@dataclass(frozen=True)
class Vocab:
    # category name -> regex anchored at a position (after fillers); tried in CATEGORIES-independent order
    categories: tuple[tuple[str, re.Pattern[str]], ...]
    fillers: str  # regex alternation of skippable words between a number and what it counts
    parts_cue: re.Pattern[str]
    directions: tuple[tuple[str, re.Pattern[str]], ...]
    weak_to_ukraine: re.Pattern[str]
    events: tuple[tuple[str, re.Pattern[str]], ...]
    pair_words: str
    stage_re: re.Pattern[str]
    ordinals: tuple[tuple[int, re.Pattern[str]], ...]
    saying_verbs: re.Pattern[str]
    according_to: re.Pattern[str]
    that_re: re.Pattern[str]
    anaphora: re.Pattern[str]
    future: re.Pattern[str]
    negation: re.Pattern[str]
    statuses: tuple[tuple[str, re.Pattern[str]], ...]
    captivity: re.Pattern[str]  # "полону", "плена", "captivity": a return from captivity is an exchange
    next_day: re.Pattern[str]  # "наступного дня", "the following day": the day after the one last named
    period_start: re.Pattern[str]  # "since", "з", "в полоні з" before a date: a period's start, not an event's day
    agreement: re.Pattern[str]  # "домовленості", "agreed": a place after it names the event ("agreed in Doha")
    name_pair: re.Pattern[str]  # "500 на 500", "1000 for 1000": the name of an exchange
    nationality: tuple[tuple[str, re.Pattern[str]], ...]  # "205 Russian servicemen" -> to_russia
    recipient_after: tuple[tuple[str, re.Pattern[str]], ...]  # "returned 24 to Russia" -> to_russia
    bodies_before: re.Pattern[str]  # "тела 1000 погибших": what is counted, written before the number
    still: re.Pattern[str]  # "досі", "still": a captivity that lasts up to the report's day
    as_of: re.Pattern[str]  # "станом на 20 травня": the day a lasting status is stated for
    running_total: re.Pattern[str]  # "since February 2022", "з початку повномасштабного вторгнення"
    unilateral: re.Pattern[str]  # "в односторонньому порядку": a release that is not an exchange
    span_days: re.Pattern[str]  # "за три дні", "over three days", "трёхдневного": a count of several days
    span_numbers: dict[str, int]
    of_them_wounded: re.Pattern[str]  # "31 of the freed soldiers were seriously wounded", "37 з них поранені"
    total_to: re.Pattern[str]  # "bringing the number of Ukrainians freed … to 6,132": counted before
    ellipsis_more: re.Pattern[str]  # "160 more were freed": the count takes what the one before counted


@lru_cache(maxsize=4)
def load_vocab(models_dir: Path = DEFAULT_MODELS_DIR) -> Vocab:
    """The claim vocabulary of ``models_dir`` (``claims/vocab.json`` and ``statuses.json``), compiled once."""
    data = load_json(models_dir, "claims/vocab.json")
    status = status_vocab(models_dir)
    cats = {k: v for k, v in data["categories"].items() if not k.startswith("_")}
    unknown = set(cats) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"vocab.json: categories not in the Claim contract: {sorted(unknown)}")
    fillers = pattern_alternation(data["fillers"])
    stage_nouns = pattern_alternation(data["stage_nouns"])
    ordinals = tuple(
        (int(n), re.compile(f"(?:{pattern_alternation(words)})", re.IGNORECASE))
        for n, words in data["ordinals"].items()
    )
    ordinal_alt = "|".join(f"(?:{pattern_alternation(w)})" for w in data["ordinals"].values())
    # "другого дня", "on the second day", "the second stage", "day 2", "2-й день"
    stage_re = re.compile(
        rf"(?P<ord>{ordinal_alt})\s+(?:{stage_nouns})"
        rf"|(?:{stage_nouns})\s+(?P<num>\d)(?!\d)"
        rf"|(?<!\d)(?P<num2>\d)\s*-?\s*(?:й|го|ий|ого|th|nd|rd|st)\s+(?:{stage_nouns})",
        re.IGNORECASE,
    )
    saying = {k: v for k, v in data["saying"].items() if not k.startswith("_")}
    return Vocab(
        categories=tuple((name, _compile(ps)) for name, ps in cats.items()),
        fillers=fillers,
        parts_cue=_compile(data["parts_cues"]),
        directions=tuple((name, _compile(ps)) for name, ps in data["directions"].items()),
        weak_to_ukraine=_compile(data["weak_to_ukraine"]),
        events=tuple((name, _compile(ps)) for name, ps in data["events"].items()),
        pair_words=pattern_alternation(data["pair_words"]),
        stage_re=stage_re,
        ordinals=ordinals,
        saying_verbs=_compile(saying["verbs"]),
        according_to=_compile(saying["according_to"]),
        that_re=_compile(saying["that"]),
        anaphora=_compile(saying["anaphora"]),
        future=_compile(data["future_cues"]),
        negation=_compile(data["negations"]),
        statuses=tuple((name, _compile(status["running_text"][name])) for name in status["text_order"]),
        captivity=_compile(data.get("captivity", ["captivity"])),
        next_day=_compile(data["next_day"]),
        period_start=re.compile(rf"(?:{pattern_alternation(data['period_start'])})\s*$", re.IGNORECASE),
        agreement=_compile(data["agreement_cues"]),
        name_pair=re.compile(data["event_name_pair"], re.IGNORECASE),
        nationality=tuple((k, _compile(v)) for k, v in data["nationality"].items() if not k.startswith("_")),
        recipient_after=tuple(
            (k, re.compile(rf"[\s,]*(?:{pattern_alternation(v)})", re.IGNORECASE))
            for k, v in data["recipient_after"].items()
            if not k.startswith("_")
        ),
        bodies_before=re.compile(rf"(?:{pattern_alternation(data['bodies_before'])})\s*$", re.IGNORECASE),
        still=_compile(status.get("still_cues", ["still"])),
        as_of=re.compile(rf"(?:{pattern_alternation(status.get('as_of_cues', ['as of']))})\s*$", re.IGNORECASE),
        running_total=re.compile(data["running_total"], re.IGNORECASE),
        unilateral=_compile(data["unilateral"]),
        span_days=re.compile(data["span_days"], re.IGNORECASE),
        span_numbers={k: int(v) for k, v in data["span_numbers"].items()},
        of_them_wounded=re.compile(data["of_them_wounded"], re.IGNORECASE),
        total_to=re.compile(data["total_to"], re.IGNORECASE),
        ellipsis_more=re.compile(data["ellipsis_more"], re.IGNORECASE),
    )


@dataclass(frozen=True)
class CategoryMatch:
    category: str
    start: int  # the counted word in the text
    end: int


def match_category(text: str, pos: int, vocab: Vocab, max_fillers: int = 2) -> CategoryMatch | None:
    """The category of the word(s) right after ``pos`` (the end of a number): "142 військовослужбовців",
    "142 were servicemen", "150 other Ukrainians". Up to ``max_fillers`` filler words are skipped, and
    a category is tried before a filler at each step so that a word in both lists counts."""
    filler_re = re.compile(rf"(?:{vocab.fillers})", re.IGNORECASE)
    cur = pos
    for _ in range(max_fillers + 1):
        m = re.compile(r"[ \t\u00a0]*(?:\n[ \t]*)?").match(text, cur)
        cur = m.end() if m else cur
        best: CategoryMatch | None = None
        for name, rx in vocab.categories:
            cm = rx.match(text, cur)
            if cm and (best is None or cm.end() - cm.start() > best.end - best.start):
                best = CategoryMatch(name, cm.start(), cm.end())
        if best:
            return best
        fm = filler_re.match(text, cur)
        if not fm:
            return None
        cur = fm.end()
    return None


def find_directions(sentence: str, vocab: Vocab) -> list[tuple[int, int, str]]:
    """(start, end, direction) of every direction phrase in the sentence, strong phrases only, in order.
    Overlapping matches keep the longest ("повернули до Росії" is to_russia, not "повернули")."""
    found: list[tuple[int, int, str]] = []
    for name, rx in vocab.directions:
        for m in rx.finditer(sentence):
            if name == "to_ukraine" and vocab.weak_to_ukraine.fullmatch(m.group(0)):
                continue  # weak cues are the caller's fallback, not evidence against a to_russia phrase
            found.append((m.start(), m.end(), name))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str]] = []
    for f in found:
        if kept and f[0] < kept[-1][1]:
            continue
        kept.append(f)
    return kept


def weak_direction(sentence: str, vocab: Vocab) -> bool:
    """A bare 'повернули'/'freed': the sources read here report from Ukraine's side, so it means to Ukraine."""
    return vocab.weak_to_ukraine.search(sentence) is not None


def event_kind(sentence: str, vocab: Vocab) -> str | None:
    """The occurrence a sentence reports; repatriation before exchange before release (the more specific
    first: "обмін тілами" is a repatriation, "звільнені в результаті обміну" an exchange)."""
    for name, rx in vocab.events:
        if rx.search(sentence):
            return name
    return None


def span_days(sentence: str, vocab: Vocab) -> int | None:
    """ "за три дні", "over the three days", "трёхдневного обмена" -> 3: the count is of the whole of a
    multi-day occurrence."""
    m = vocab.span_days.search(sentence)
    if not m:
        return None
    word = (m.group("n") or m.group("m") or "").lower()
    n = int(word) if word.isdigit() else vocab.span_numbers.get(word)
    return n if n and n > 1 else None


def event_kinds(sentence: str, vocab: Vocab) -> set[str]:
    """Every occurrence kind the sentence names ("Репатріація відбулася того ж дня, що й обмін")."""
    return {name for name, rx in vocab.events if rx.search(sentence)}


def event_stage(sentence: str, vocab: Vocab) -> int | None:
    """ "другого дня обміну", "on the second day", "the second stage", "day 2" → 2."""
    m = vocab.stage_re.search(sentence)
    if not m:
        return None
    if m.group("ord"):
        for n, rx in vocab.ordinals:
            if rx.fullmatch(m.group("ord")):
                return n
        return None
    return int(m.group("num") or m.group("num2"))
