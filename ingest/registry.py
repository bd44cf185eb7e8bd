"""The formats we read, registered from what each parser declares, and ``parse_bytes``: bytes in,
a document or an ``InputError`` out.

To read a new format, write its parser (declaring its ``Format``s) and add it to ``_PARSERS``;
sniffing, the extension warnings and the messages' labels follow from the declaration.
"""

from __future__ import annotations

from crosscheck.errors import CorruptFile, CrosscheckError, EmptyFile, NoTextFound, OversizedFile
from crosscheck.records.pages import ParsedDocument
from crosscheck.settings import Settings
from ingest.formats import Format
from ingest.parsers import ParseContext, Parser
from ingest.parsers.docx import DocxParser
from ingest.parsers.html import HtmlParser
from ingest.parsers.image import ImageParser
from ingest.parsers.pdf import PdfParser
from ingest.parsers.text import TextParser
from ingest.sniff import Sniffer

# In sniffing order: PDF first, as its signature may sit after junk that another magic could match.
_PARSERS: tuple[Parser, ...] = (PdfParser(), ImageParser(), DocxParser(), HtmlParser(), TextParser())


def _register(parsers: tuple[Parser, ...]) -> dict[str, Parser]:
    table: dict[str, Parser] = {}
    for parser in parsers:
        for fmt in parser.formats:
            if fmt.media_type in table:
                raise ValueError(f"{fmt.media_type} is declared by both {table[fmt.media_type].name} and {parser.name}")
            table[fmt.media_type] = parser
    return table


FORMATS: tuple[Format, ...] = tuple(fmt for parser in _PARSERS for fmt in parser.formats)
PARSERS: dict[str, Parser] = _register(_PARSERS)  # media type -> the parser that reads it
SNIFFER = Sniffer(FORMATS)
_FORMAT_OF = {fmt.media_type: fmt for fmt in FORMATS}


def parse_bytes(data: bytes, file_name: str, settings: Settings) -> ParsedDocument:
    """Parse one file. Raises only ``CrosscheckError`` subclasses (mostly ``InputError``)."""
    if not data:
        raise EmptyFile("The file is empty (0 bytes)")
    check_file_size(len(data), settings)
    media_type = SNIFFER.sniff(data, file_name)
    parser = PARSERS[media_type]
    ctx = ParseContext(settings=settings, file_name=file_name, media_type=media_type)
    try:
        doc = parser.parse(data, ctx)
    except CrosscheckError:
        raise
    except MemoryError as exc:
        raise OversizedFile(f"{_label(media_type)} needs more memory to read than this machine has") from exc
    except Exception as exc:
        # Libraries signal damaged input with anything from KeyError to struct.error; the user
        # needs "damaged", the log keeps the chained exception for us.
        detail = f"{type(exc).__name__}: {exc}"[:200]
        raise CorruptFile(f"{_label(media_type)} could not be read; it looks damaged or incomplete ({detail})") from exc

    doc.media_type = media_type
    mismatch = SNIFFER.extension_mismatch(file_name, media_type)
    if mismatch:
        doc.warnings.append(mismatch)
    if all(not page.text.strip() for page in doc.pages):
        raise NoTextFound(_no_text_message(doc))
    return doc


def check_file_size(size: int, settings: Settings) -> None:
    """Refuse a file of ``size`` bytes over ``settings.max_file_bytes``: the one file-size rule.

    ``parse_bytes`` applies it to the bytes it is given; a caller holding only a path may apply it
    to the file's size first, to refuse a huge file without reading it.
    """
    if size <= settings.max_file_bytes:
        return
    shown, limit = _human_size(size), _human_size(settings.max_file_bytes)
    if shown == limit:  # just over the limit: rounded sizes would read "1.0 MB, over 1.0 MB"
        shown, limit = f"{size:,} bytes", f"{settings.max_file_bytes:,} bytes"
    raise OversizedFile(f"The file is {shown}, over the limit of {limit}; split it, or raise CROSSCHECK_MAX_FILE_BYTES")


def _human_size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} KB"


def _label(media_type: str) -> str:
    fmt = _FORMAT_OF.get(media_type)
    return fmt.the_label if fmt is not None else "The file"


def _no_text_message(doc: ParsedDocument) -> str:
    if doc.ocr_pages:
        message = "No readable text was found, even with OCR: the scan may be blank, too faint or too low-resolution"
    else:
        message = "The file contains no text"
    # A per-page failure (OCR timeout, render error) is usually the real story; say so.
    page_warnings = [w for page in doc.pages for w in page.warnings]
    if page_warnings:
        message += f" ({page_warnings[0]})"
    return message
