"""Decide a file's format from its content; the extension is only a hint for messages.

Drop folders are full of files saved under the wrong name (a PNG called .pdf, a web page called
.txt), so the parser is chosen by magic bytes. The extension matters only to say what the user
probably expected: a mismatch between two formats we read is a warning, a supported extension on
content we cannot read is "mislabelled", and everything else is "unsupported".
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from crosscheck.errors import (
    EmptyFile,
    EncryptedFile,
    InputError,
    MislabelledFile,
    UnsupportedType,
)
from ingest.encoding import decode_text, looks_like_text

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = "text/html"
MARKDOWN = "text/markdown"
PLAIN = "text/plain"

SUPPORTED = (PDF, PNG, JPEG, TIFF, DOCX, HTML, MARKDOWN, PLAIN)

# How the user would call each format in a message.
LABELS = {
    PDF: "a PDF",
    PNG: "a PNG image",
    JPEG: "a JPEG image",
    TIFF: "a TIFF image",
    DOCX: "a Word document",
    HTML: "a web page",
    MARKDOWN: "a Markdown text",
    PLAIN: "a plain text",
}

EXTENSIONS = {
    ".pdf": PDF,
    ".png": PNG,
    ".jpg": JPEG,
    ".jpeg": JPEG,
    ".jpe": JPEG,
    ".tif": TIFF,
    ".tiff": TIFF,
    ".docx": DOCX,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".txt": PLAIN,
    ".text": PLAIN,
}

# Formats we recognise but do not read, so the message can name them.
_OTHER_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x7fELF", "an ELF executable"),
    (b"MZ", "a Windows executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Microsoft Office file (.doc/.xls/.ppt)"),
    (b"BM", "a BMP image (convert it to PNG)"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x00\x00\x00\x0cjP  ", "a JPEG 2000 image"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_OTHER_OOXML = {"xl/workbook.xml", "ppt/presentation.xml"}
_OLE2_KIND = "an old-style Microsoft Office file (.doc/.xls/.ppt)"
_RTF = b"{\\rtf"

_HTML_MARKERS = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]", re.IGNORECASE)

_BLANK_CHECK_BYTES = 64 * 1024  # larger blank files are rare; they end as "no text found" instead
_SAVE_AS_HINT = "; save it as PDF, DOCX or plain text and drop it again"


def sniff(data: bytes, file_name: str) -> str:
    """Media type of ``data`` judged by content. Raises an ``InputError`` for files we cannot read."""
    if not data or data.isspace() or _is_blank_text(data):
        raise EmptyFile("The file is empty (no content, or only blank space)")

    if b"%PDF-" in data[:1024]:
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data, file_name)

    expected = expected_type(file_name)
    # RTF is text on the surface; test it before the text check so it is not read as markup soup.
    if data.startswith(_RTF):
        raise _refusal(file_name, "an RTF document")
    if looks_like_text(data):
        text, _ = decode_text(data[:4096])
        if _HTML_MARKERS.search(text):
            return HTML
        return MARKDOWN if expected == MARKDOWN else PLAIN

    kind = _other_kind(data)
    if kind == _OLE2_KIND and expected == DOCX:
        # Password-protected DOCX files are not zips: Office wraps them in this older container.
        raise EncryptedFile("The Word document is password-protected; remove the password and drop it again")
    raise _refusal(file_name, kind or "a binary file of unknown type")


def expected_type(file_name: str) -> str | None:
    """The supported media type the file's extension names, if any."""
    return EXTENSIONS.get(_suffix(file_name))


def extension_mismatch(file_name: str, media_type: str) -> str | None:
    """Warning text when the extension names a different supported format than the content is."""
    expected = expected_type(file_name)
    if expected is None or expected == media_type:
        return None
    if {expected, media_type} == {PLAIN, MARKDOWN}:
        return None  # both are read the same way
    return (
        f"The file is named like {LABELS[expected]} ({_suffix(file_name)}) but is actually "
        f"{LABELS.get(media_type, media_type)}; it was read as such"
    )


def _sniff_zip(data: bytes, file_name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        if expected_type(file_name) == DOCX:
            return DOCX  # a damaged DOCX: let the DOCX parser say so
        raise _refusal(file_name, "a damaged zip archive") from None
    if "word/document.xml" in names:
        return DOCX
    if "[Content_Types].xml" in names and expected_type(file_name) == DOCX and not _OTHER_OOXML & names:
        return DOCX  # an Office package without its document part: a damaged DOCX
    if "xl/workbook.xml" in names:
        kind = "an Excel spreadsheet (XLSX)"
    elif "ppt/presentation.xml" in names:
        kind = "a PowerPoint presentation (PPTX)"
    elif "mimetype" in names and "content.xml" in names:
        kind = "an OpenDocument file (ODT/ODS)"
    elif "META-INF/container.xml" in names:
        kind = "an EPUB e-book"
    else:
        raise _refusal(file_name, "a zip archive", hint="; unpack it and drop the files inside")
    raise _refusal(file_name, kind)


def _refusal(file_name: str, kind: str, hint: str = _SAVE_AS_HINT) -> InputError:
    """Mislabelled if the name promised a format we read, otherwise plainly unsupported."""
    expected = expected_type(file_name)
    if expected is not None:
        return MislabelledFile(
            f"The file is named like {LABELS[expected]} ({_suffix(file_name)}) but its content is {kind}; "
            "check that the right file was dropped"
        )
    return UnsupportedType(f"This file type is not supported: it is {kind}{hint}")


def _other_kind(data: bytes) -> str | None:
    for magic, kind in _OTHER_MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "a WebP image (convert it to PNG or JPEG)"
    if data[4:8] == b"ftyp":
        # ISO media: iPhones save photos as HEIC in the same container as MP4 video.
        brand = data[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1", b"avif"):
            return "a HEIC/AVIF photo (export it as JPEG)"
        return "a video or audio file"
    return None


def _is_blank_text(data: bytes) -> bool:
    # Whitespace bytes.strip() does not know: NBSP, ideographic space, UTF-16 spaces (with NULs).
    if len(data) > _BLANK_CHECK_BYTES or not looks_like_text(data):
        return False
    text, _ = decode_text(data)
    return not text.strip()


def _suffix(file_name: str) -> str:
    return PurePath(file_name).suffix.lower()
