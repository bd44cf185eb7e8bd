"""Word DOCX: paragraphs and table rows in document order, after checking the zip is not a bomb."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Any

import docx
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from crosscheck.errors import CorruptFile, DecompressionBomb
from crosscheck.records.pages import Cell, Page, ParsedDocument, Table
from crosscheck.settings import Settings
from ingest.formats import Format
from ingest.parsers import ParseContext

DOCX = Format(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "a Word document",
    (".docx",),
    zip_part="word/document.xml",
    encrypted_magic=(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),  # OLE2, see Format.encrypted_magic
)

# Real DOCX parts compress at most ~30:1 (styles.xml); a bomb is a big member far beyond that.
MAX_RATIO = 100
BIG_MEMBER_BYTES = 1024 * 1024

# Every document made from python-docx's built-in template carries this creation time; it says
# nothing about the document, so it must not become its file date (nor, through it, the document's date).
_PYTHON_DOCX_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)


class DocxParser:
    name = "docx"
    formats = (DOCX,)

    def parse(self, data: bytes, ctx: ParseContext) -> ParsedDocument:
        check_zip(data, ctx.settings)
        try:
            document = docx.Document(io.BytesIO(data))
        except Exception as exc:  # python-docx raises KeyError, lxml errors, PackageNotFoundError ...
            raise CorruptFile(f"The Word document could not be read; it looks damaged ({type(exc).__name__})") from exc

        blocks: list[str] = []
        tables: list[Table] = []
        first_heading: str | None = None
        pos = 0
        for item in document.iter_inner_content():
            cells: list[list[Cell]] = []
            if isinstance(item, Paragraph):
                text = item.text.strip()
                if text and first_heading is None and _is_heading(item):
                    first_heading = text
            elif isinstance(item, DocxTable):
                text, cells = table_text(item, offset=pos + (2 if blocks else 0))
            else:
                continue
            if text:
                if blocks:
                    pos += 2  # the blank line between blocks
                blocks.append(text)
                pos += len(text)
                if cells:
                    tables.append(Table(rows=cells, method="docx"))

        props = document.core_properties
        return ParsedDocument(
            media_type=DOCX.media_type,
            # Blank line between paragraphs, as the HTML and OCR parsers mark blocks.
            pages=[Page(number=1, text="\n\n".join(blocks), method="docx", tables=tables)],
            title=(props.title or "").strip() or first_heading,
            # When the file was made (core properties), not when its text was written: a file date.
            file_date=_created_iso(props),
        )


def check_zip(data: bytes, settings: Settings) -> None:
    """Refuse damaged zips and zips that would expand far beyond their size, before unpacking."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptFile("The Word document is damaged or incomplete (its zip structure is broken)") from exc
    total = sum(m.file_size for m in members)
    if total > settings.max_unpacked_bytes:
        raise DecompressionBomb(
            f"The Word document would unpack to {total // (1024 * 1024)} MB, more than the limit of "
            f"{settings.max_unpacked_bytes // (1024 * 1024)} MB; it may be a decompression bomb"
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > BIG_MEMBER_BYTES and ratio > MAX_RATIO:
            raise DecompressionBomb(
                f"Part {member.filename} of the Word document is compressed {ratio:.0f}:1, far beyond "
                "any real document; it may be a decompression bomb"
            )


def table_text(table: DocxTable, offset: int = 0) -> tuple[str, list[list[Cell]]]:
    """One line per row, cells joined by " | "; merged cells (repeated by python-docx) once.

    Also the table as cells, each located in the text (offsets start at ``offset``).
    """
    lines: list[str] = []
    rows: list[list[Cell]] = []
    pos = offset
    for row in table.rows:
        texts: list[str] = []
        seen: list[Any] = []  # the cells' XML elements; a merged cell is the same element repeated
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):
                continue
            seen.append(cell._tc)
            texts.append(" ".join(cell.text.split()))
        if not any(texts):
            continue
        if lines:
            pos += 1  # the line break
        cells = []
        for i, text in enumerate(texts):
            if i:
                pos += len(" | ")
            cells.append(Cell(text=text, start=pos, end=pos + len(text), bbox=None))
            pos += len(text)
        lines.append(" | ".join(texts))
        rows.append(cells)
    return "\n".join(lines), rows


def _is_heading(paragraph: Paragraph) -> bool:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    return name == "Title" or name.startswith("Heading")


def _created_iso(props: Any) -> str | None:
    """The core properties' creation time, ISO 8601; None when absent, unreadable or python-docx's template's."""
    try:
        created = props.created
    except Exception:  # a malformed core.xml costs the date, not the document
        return None
    if not isinstance(created, datetime):
        return None
    if created.replace(tzinfo=None) == _PYTHON_DOCX_TEMPLATE_CREATED:
        return None
    return created.isoformat()
