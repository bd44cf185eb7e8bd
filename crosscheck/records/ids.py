"""Deterministic ids: the same fact found again gets the same id, so writes are idempotent."""

from __future__ import annotations

import hashlib


def doc_id_for(sha256: str) -> str:
    """Deterministic document id: the content hash, so the same bytes are one Document wherever they lie."""
    return sha256[:32]


def page_id_for(doc_id: str, number: int) -> str:
    return f"{doc_id}:p{number}"


def mention_id_for(doc_id: str, page: int, start: int, end: int, label: str) -> str:
    raw = f"{doc_id}|{page}|{start}|{end}|{label}".encode()
    return hashlib.sha256(raw).hexdigest()[:32]


def listed_id_for(doc_id: str, page: int, row: int) -> str:
    return hashlib.sha256(f"{doc_id}|{page}|row{row}".encode()).hexdigest()[:32]


def claim_id_for(
    doc_id: str,
    page: int,
    start: int,
    end: int,
    kind: str,
    category: str | None,
    subject_key: str | None,
    status: str | None,
    value: float | None = None,
    direction: str | None = None,
    event_date: str | None = None,
) -> str:
    """Deterministic claim id: where it is stated and what it says, so a re-ingest MERGEs onto the same claim
    and two claims in one sentence stay apart (150 servicemen and 26 civilians; "205 prisoners; on Oct. 17,
    160"; 1,000 bodies to Ukraine and 24 to Russia)."""
    said = f"{'' if value is None else f'{value:g}'}|{direction or ''}|{event_date or ''}"
    raw = f"{doc_id}|{page}|{start}|{end}|{kind}|{category or ''}|{subject_key or ''}|{status or ''}|{said}".encode()
    return hashlib.sha256(raw).hexdigest()[:32]
