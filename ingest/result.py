"""What one file became, as plain data that travels from a worker process to the graph writer."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


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
) -> str:
    """Deterministic claim id: where it is stated and what it says, so a re-ingest MERGEs onto the same claim
    and two claims in one sentence (150 servicemen, 26 civilians) stay apart."""
    raw = f"{doc_id}|{page}|{start}|{end}|{kind}|{category or ''}|{subject_key or ''}|{status or ''}".encode()
    return hashlib.sha256(raw).hexdigest()[:32]


@dataclass
class FileResult:
    location: str  # absolute path of the file, the identity of "this file in this folder"
    path: str  # path relative to the drop folder
    file_name: str
    sha256: str
    size: int
    media_type: str | None = None
    document: dict[str, Any] = field(default_factory=dict)  # Document properties
    pages: list[dict[str, Any]] = field(default_factory=list)  # {page_id, props}
    mentions: list[dict[str, Any]] = field(default_factory=list)  # {label, key, name, mention_id, props}
    listed: list[dict[str, Any]] = field(default_factory=list)  # {key, name, unit_key, unit_name, props}
    # v4: {claim_id, props (Claim node), stated_in {page, start, end, bbox, bbox_unit}, event {key, kind, date,
    # stage} | None, subject {label, key} | None, speaker {label, key} | None}
    claims: list[dict[str, Any]] = field(default_factory=list)
    error_reason: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def doc_id(self) -> str:
        return doc_id_for(self.sha256)

    @property
    def failed(self) -> bool:
        return self.error_reason is not None

    @property
    def ocr_pages(self) -> int:
        return sum(1 for p in self.pages if p["props"].get("method") == "ocr")
