"""One parser per format. Each turns the bytes of one file into a ``ParsedDocument``.

Each parser declares the formats it reads (``formats``: media type, extensions, label, magic;
see ``ingest.formats``); ``ingest.registry`` registers it from that declaration, so adding a
format means writing a parser module and listing its parser in the registry, nothing else.

Parsers raise ``crosscheck.errors.InputError`` subclasses for problems they recognise (encrypted,
oversized, bomb); ``ingest.registry.parse_bytes`` turns anything else a library throws into
``CorruptFile``, so a parser need not wrap every third-party call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from crosscheck.records.pages import ParsedDocument
from crosscheck.settings import Settings
from ingest.formats import Format


@dataclass(frozen=True)
class ParseContext:
    settings: Settings
    file_name: str  # for messages only; the format was already decided by content
    media_type: str | None = None  # what sniffing found, for parsers that handle several types


class Parser(Protocol):
    name: str
    formats: tuple[Format, ...]  # in sniffing order: the first whose magic matches wins

    def parse(self, data: bytes, ctx: ParseContext) -> ParsedDocument: ...
