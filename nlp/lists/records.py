"""Assembling records: a candidate row (from a table or a numbered line) → a repaired, checked ``ListRow``.

A row is a person only if it holds a plausible name: morphology tags a word Name/Surn/Patr, a known
first name or patronymic, or 2–3 capitalised words next to a birth date (or under a name header).
Every repair is listed in ``ListRow.repairs``; ``name_raw`` and ``raw`` keep what was read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crosscheck.records.facts import ListRow
from crosscheck.records.pages import Box
from nlp.lists.dates import Date
from nlp.lists.names import INITIALS, MORPH_LANGS, listed_person_key, name_evidence, nominative
from nlp.lists.repair import repair_word
from nlp.lists.vocab import ListVocab
from nlp.normalize import display_case
from nlp.translit import guess_cyrillic_language, has_cyrillic
from nlp.units import Unit, unit_name

__all__ = ["Row", "finish", "row_lang"]

REPAIR_PENALTY = 0.05
NO_BIRTH_DATE_PENALTY = 0.15
WEAK_NAME_PENALTY = 0.1


@dataclass
class Row:
    """A candidate person row before numbering."""

    page: int
    start: int
    end: int
    bbox: Box | None
    name_parts: list[tuple[str, int | None, int | None]]  # raw name words with page offsets
    name_column: bool  # the name came from a column the header calls a name
    birth: Date | None
    rank: str | None
    unit: str | None
    unit_obj: Unit | None
    status: str | None
    status_date: str | None
    raw: str
    conf: float
    method: str
    lang: str
    repairs: list[str] = field(default_factory=list)


def row_lang(lang: str, text: str) -> str:
    if lang in MORPH_LANGS:
        return lang
    if has_cyrillic(text):
        return guess_cyrillic_language(text)
    return lang if lang and lang != "und" else "en"


def _name_tokens(row: Row, vocab: ListVocab, repairs: list[str]) -> list[str]:
    """The row's name words, repaired and capitalised; every change noted in ``repairs``."""
    tokens: list[str] = []
    for raw_word, _, _ in row.name_parts:
        for piece in raw_word.split():
            word = piece.strip(',;:()"«»')
            if not word:
                continue
            if not INITIALS.match(word):
                word = word.rstrip(".")
            fixed, notes = repair_word(word, row.lang, vocab)
            if notes:
                repairs.append(f"name: {word}→{fixed} ({'; '.join(notes)})")
            if fixed.isupper() and len(fixed) > 2 and not INITIALS.match(fixed):
                fixed = display_case(fixed)
            elif fixed[:1].islower():
                repairs.append(f"name: {fixed}→{fixed[:1].upper() + fixed[1:]} (case)")
                fixed = fixed[:1].upper() + fixed[1:]
            tokens.append(fixed)
    return tokens


def finish(row: Row, vocab: ListVocab) -> ListRow | None:
    """Repair, check and normalise a candidate row; None when it is not a person."""
    lang = row.lang
    repairs = list(row.repairs)
    tokens = _name_tokens(row, vocab, repairs)
    if not tokens or len(tokens) > 4:
        return None
    evidence = 0
    veto = False
    for t in tokens:
        e, place = name_evidence(t, lang, vocab)
        evidence += e
        veto = veto or place
    full_words = [t for t in tokens if not INITIALS.match(t)]
    if not full_words:
        return None
    plausible = evidence >= 1 or (row.birth is not None and 2 <= len(tokens) <= 3)
    plausible = plausible or (row.name_column and len(tokens) >= 2)
    if not plausible or (veto and evidence < 2) or (len(tokens) < 2 and not row.name_column):
        return None
    name = nominative(tuple(tokens), lang)
    raw_name = " ".join(p[0] for p in row.name_parts).strip()
    starts = [s for _, s, _ in row.name_parts if s is not None]
    ends = [e for _, _, e in row.name_parts if e is not None]
    birth_iso = row.birth.iso if row.birth else None
    if row.birth and row.birth.fixed != row.birth.raw:
        repairs.append(f"date: {row.birth.raw}→{row.birth.fixed}")
    key_lang = lang if has_cyrillic(name) else "en"
    confidence = row.conf - REPAIR_PENALTY * len(repairs)
    confidence -= NO_BIRTH_DATE_PENALTY if birth_iso is None else 0.0
    confidence -= WEAK_NAME_PENALTY if evidence == 0 else 0.0
    unit_obj = row.unit_obj
    return ListRow(
        page=row.page,
        row=0,  # numbered once the whole document is read
        start=row.start,
        end=row.end,
        bbox=row.bbox,
        name=name,
        name_raw=raw_name,
        name_start=min(starts) if starts else None,
        name_end=max(ends) if ends else None,
        key=listed_person_key(name, birth_iso, key_lang, vocab.models_dir),
        birth_date=birth_iso,
        rank=row.rank,
        unit=row.unit,
        unit_key=unit_obj.key if unit_obj else None,
        unit_name=unit_name(unit_obj, lang if lang in MORPH_LANGS else "en", vocab.models_dir) if unit_obj else None,
        raw=row.raw,
        confidence=round(max(0.05, min(1.0, confidence)), 3),
        status=row.status,
        status_date=row.status_date,
        method=row.method,
        repairs=tuple(repairs),
    )
