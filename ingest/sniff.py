"""Decide a file's format from its content; the extension is only a hint for messages.

Drop folders are full of files saved under the wrong name (a PNG called .pdf, a web page called
.txt), so the parser is chosen by magic bytes. The extension matters only to say what the user
probably expected: a mismatch between two formats we read is a warning, a supported extension on
content we cannot read is "mislabelled", and everything else is "unsupported".

This module holds the mechanics only (magic, zip packages, text heuristics, refusals that name
formats we do not read). Which formats we read, their magic, names and extensions, is what the
parsers declare (``ingest.formats.Format``); ``ingest.registry`` hands those to a :class:`Sniffer`.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import PurePath

from crosscheck.errors import (
    EmptyFile,
    EncryptedFile,
    InputError,
    MislabelledFile,
    UnsupportedType,
)
from ingest.encoding import decode_text, looks_like_text
from ingest.formats import Format

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
# An Office Open XML package: a zip with this member. One named like a format we read but without
# that format's part (and not another Office kind) is a damaged file of that format.
_OOXML_CONTENT_TYPES = "[Content_Types].xml"
_OTHER_OOXML = {"xl/workbook.xml", "ppt/presentation.xml"}
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_RTF = b"{\\rtf"

_TEXT_HEAD_BYTES = 4096  # text markers are looked for in this much of the file
_BLANK_CHECK_BYTES = 64 * 1024  # larger blank files are rare; they end as "no text found" instead
_SAVE_AS_HINT = "; save it as PDF, DOCX or plain text and drop it again"


class Sniffer:
    """Recognises the formats it is given; where two could match, the earlier one wins."""

    def __init__(self, formats: Sequence[Format]):
        self.formats = tuple(formats)
        self._by_type = {fmt.media_type: fmt for fmt in self.formats}
        self._by_extension: dict[str, Format] = {}
        for fmt in self.formats:
            for ext in fmt.extensions:
                if ext in self._by_extension:
                    raise ValueError(
                        f"{ext} is declared by both {self._by_extension[ext].media_type} and {fmt.media_type}"
                    )
                self._by_extension[ext] = fmt
        fallbacks = [fmt for fmt in self.formats if fmt.text == "fallback"]
        if len(fallbacks) != 1:
            raise ValueError("exactly one format must take the text nothing else recognises (text='fallback')")
        self._text_fallback = fallbacks[0]

    def sniff(self, data: bytes, file_name: str) -> str:
        """Media type of ``data`` judged by content. Raises an ``InputError`` for files we cannot read."""
        if not data or data.isspace() or _is_blank_text(data):
            raise EmptyFile("The file is empty (no content, or only blank space)")

        for fmt in self.formats:
            if _has_magic(data, fmt):
                return fmt.media_type
        if data.startswith(_ZIP_MAGIC):
            return self._sniff_zip(data, file_name)

        expected = self._expected(file_name)
        # RTF is text on the surface; test it before the text check so it is not read as markup soup.
        if data.startswith(_RTF):
            raise self._refusal(file_name, "an RTF document")
        if looks_like_text(data):
            text, _ = decode_text(data[:_TEXT_HEAD_BYTES])
            for fmt in self.formats:
                if fmt.text_markers is not None and fmt.text_markers.search(text):
                    return fmt.media_type
            if expected is not None and expected.text == "named":
                return expected.media_type
            return self._text_fallback.media_type

        if expected is not None and expected.encrypted_magic and data.startswith(expected.encrypted_magic):
            raise EncryptedFile(f"{expected.the_label} is password-protected; remove the password and drop it again")
        raise self._refusal(file_name, _other_kind(data) or "a binary file of unknown type")

    def expected_type(self, file_name: str) -> str | None:
        """The supported media type the file's extension names, if any."""
        expected = self._expected(file_name)
        return expected.media_type if expected is not None else None

    def extension_mismatch(self, file_name: str, media_type: str) -> str | None:
        """Warning text when the extension names a different supported format than the content is."""
        expected = self._expected(file_name)
        if expected is None or expected.media_type == media_type:
            return None
        actual = self._by_type.get(media_type)
        if actual is not None and expected.named_only and actual.named_only:
            return None  # content cannot tell them apart, so they are read the same way
        return (
            f"The file is named like {expected.label} ({_suffix(file_name)}) but is actually "
            f"{actual.label if actual is not None else media_type}; it was read as such"
        )

    def _expected(self, file_name: str) -> Format | None:
        return self._by_extension.get(_suffix(file_name))

    def _sniff_zip(self, data: bytes, file_name: str) -> str:
        expected = self._expected(file_name)
        packaged = expected if expected is not None and expected.zip_part is not None else None
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            if packaged is not None:
                return packaged.media_type  # a damaged package of that format: let its parser say so
            raise self._refusal(file_name, "a damaged zip archive") from None
        for fmt in self.formats:
            if fmt.zip_part is not None and fmt.zip_part in names:
                return fmt.media_type
        if packaged is not None and _OOXML_CONTENT_TYPES in names and not _OTHER_OOXML & names:
            return packaged.media_type  # an Office package without its document part: a damaged file
        if "xl/workbook.xml" in names:
            kind = "an Excel spreadsheet (XLSX)"
        elif "ppt/presentation.xml" in names:
            kind = "a PowerPoint presentation (PPTX)"
        elif "mimetype" in names and "content.xml" in names:
            kind = "an OpenDocument file (ODT/ODS)"
        elif "META-INF/container.xml" in names:
            kind = "an EPUB e-book"
        else:
            raise self._refusal(file_name, "a zip archive", hint="; unpack it and drop the files inside")
        raise self._refusal(file_name, kind)

    def _refusal(self, file_name: str, kind: str, hint: str = _SAVE_AS_HINT) -> InputError:
        """Mislabelled if the name promised a format we read, otherwise plainly unsupported."""
        expected = self._expected(file_name)
        if expected is not None:
            return MislabelledFile(
                f"The file is named like {expected.label} ({_suffix(file_name)}) but its content is {kind}; "
                "check that the right file was dropped"
            )
        return UnsupportedType(f"This file type is not supported: it is {kind}{hint}")


def _has_magic(data: bytes, fmt: Format) -> bool:
    if fmt.magic_within:
        head = data[: fmt.magic_within]
        return any(magic in head for magic in fmt.magic)
    return bool(fmt.magic) and data.startswith(fmt.magic)


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
