"""One parser per format. Each turns the bytes of one file into a ``ParsedDocument``.

Parsers raise ``crosscheck.errors.InputError`` subclasses for problems they recognise (encrypted,
oversized, bomb); ``ingest.registry.parse_bytes`` turns anything else a library throws into
``CorruptFile``, so a parser need not wrap every third-party call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from crosscheck.settings import Settings
from crosscheck.records.pages import ParsedDocument


@dataclass(frozen=True)
class ParseContext:
    settings: Settings
    file_name: str  # for messages only; the format was already decided by content
    media_type: str | None = None  # what sniffing found, for parsers that handle several types


class Parser(Protocol):
    name: str
    media_types: tuple[str, ...]

    def parse(self, data: bytes, ctx: ParseContext) -> ParsedDocument: ...
