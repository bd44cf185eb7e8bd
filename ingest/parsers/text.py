"""Plain text and Markdown: decode, normalise newlines, split pages on form feeds."""

from __future__ import annotations

import re

from crosscheck.records.pages import Page, ParsedDocument
from ingest.encoding import LEGACY_CANDIDATES, decode_text
from ingest.formats import Format
from ingest.parsers import ParseContext

# Markdown has no signature: any text is Markdown if its name says so, plain text otherwise.
MARKDOWN = Format("text/markdown", "a Markdown text", (".md", ".markdown"), text="named")
PLAIN = Format("text/plain", "a plain text", (".txt", ".text"), text="fallback")

_MAX_TITLE = 120  # a longer first line is a paragraph, not a title
_MD_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


class TextParser:
    name = "text"
    formats = (MARKDOWN, PLAIN)

    def parse(self, data: bytes, ctx: ParseContext) -> ParsedDocument:
        text, encoding = decode_text(data)
        text = normalise_newlines(text)
        is_markdown = ctx.media_type == MARKDOWN.media_type
        # Form feeds are how old text exports (and `pdftotext`) mark page breaks.
        chunks = text.split("\f")
        if len(chunks) > 1 and not chunks[-1].strip():
            chunks.pop()  # pdftotext ends every page with \f, the last one too
        pages = [Page(number=i, text=chunk, method="plain") for i, chunk in enumerate(chunks, 1)]
        warnings = []
        if encoding in LEGACY_CANDIDATES:
            # Legacy 8-bit encodings are a scored guess; say which one so odd letters can be explained.
            warnings.append(f"No encoding marker; the text was read as {encoding}")
        return ParsedDocument(
            media_type=(MARKDOWN if is_markdown else PLAIN).media_type,
            pages=pages,
            title=markdown_title(text) if is_markdown else plain_title(text),
            warnings=warnings,
        )


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def plain_title(text: str) -> str | None:
    for line in text.split("\n"):
        line = line.strip(" \t\f\ufeff")
        if line:
            return line if len(line) <= _MAX_TITLE else None
    return None


def markdown_title(text: str) -> str | None:
    match = _MD_HEADING.search(text)
    if match:
        return match.group(1).strip()
    return plain_title(text)
