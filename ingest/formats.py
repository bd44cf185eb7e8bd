"""What a parser declares about each format it reads, so that fact is written in one place.

Each parser module declares its formats with :class:`Format` and lists them on its parser class
(``formats``); ``ingest.registry`` builds the table of parsers and the sniffer from those
declarations. This module imports nothing from ingest, so parsers, sniffing and the registry can
all read it without a cycle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# How text content (bytes no magic matched) is recognised as a format, checked in this order:
# "markers": ``text_markers`` occur in its first 4 KB (HTML); "named": the file name carries one of
# the format's extensions (Markdown: its content is any text); "fallback": any other text.
TextRule = Literal["markers", "named", "fallback"]


@dataclass(frozen=True)
class Format:
    media_type: str
    label: str  # how a message names a file of this format: "a PDF", "a Word document"
    extensions: tuple[str, ...]  # lower case with the dot; they only shape messages, content decides
    magic: tuple[bytes, ...] = ()  # content that starts with one of these is this format
    magic_within: int = 0  # if > 0, the magic may start anywhere in the first this-many bytes
    zip_part: str | None = None  # a zip package holding this member is this format
    # Content named like this format but starting with one of these is this format, encrypted:
    # Office wraps a password-protected DOCX in its older OLE2 container instead of a zip.
    encrypted_magic: tuple[bytes, ...] = ()
    text: TextRule | None = None
    text_markers: re.Pattern[str] | None = None  # for ``text="markers"``

    def __post_init__(self) -> None:
        if (self.text == "markers") != (self.text_markers is not None):
            raise ValueError(f"{self.media_type}: text_markers go with text='markers', and only with it")
        if any(ext != ext.lower() or not ext.startswith(".") for ext in self.extensions):
            raise ValueError(f"{self.media_type}: extensions are lower case and start with a dot")

    @property
    def the_label(self) -> str:
        """The label as a sentence's subject: "a PDF" -> "The PDF"."""
        if self.label.startswith(("a ", "an ")):
            return "The " + self.label.split(" ", 1)[1]
        return self.label

    @property
    def named_only(self) -> bool:
        """Told apart from other text formats only by the file name, never by content."""
        return self.text in ("named", "fallback")
