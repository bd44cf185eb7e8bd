"""Format sniffing goes by content; the extension only shapes warnings and error kinds."""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from PIL import Image

from crosscheck.errors import EmptyFile, EncryptedFile, MislabelledFile, UnsupportedType
from ingest.formats import Format
from ingest.parsers.docx import DOCX as DOCX_FORMAT
from ingest.parsers.html import HTML as HTML_FORMAT
from ingest.parsers.image import JPEG as JPEG_FORMAT
from ingest.parsers.image import PNG as PNG_FORMAT
from ingest.parsers.image import TIFF as TIFF_FORMAT
from ingest.parsers.pdf import PDF as PDF_FORMAT
from ingest.parsers.text import MARKDOWN as MARKDOWN_FORMAT
from ingest.parsers.text import PLAIN as PLAIN_FORMAT
from ingest.registry import FORMATS, SNIFFER
from ingest.sniff import Sniffer

DOCX, HTML, JPEG, MARKDOWN = (f.media_type for f in (DOCX_FORMAT, HTML_FORMAT, JPEG_FORMAT, MARKDOWN_FORMAT))
PDF, PLAIN, PNG, TIFF = (f.media_type for f in (PDF_FORMAT, PLAIN_FORMAT, PNG_FORMAT, TIFF_FORMAT))
sniff, extension_mismatch = SNIFFER.sniff, SNIFFER.extension_mismatch


def image_bytes(fmt: str) -> bytes:
    buf = io.BytesIO()
    Image.new("L", (8, 8), 255).save(buf, fmt)
    return buf.getvalue()


def zip_bytes(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return buf.getvalue()


def docx_bytes() -> bytes:
    from docx import Document

    buf = io.BytesIO()
    Document().save(buf)
    return buf.getvalue()


_rng = random.Random(7)
RANDOM_BINARY = bytes(_rng.randrange(256) for _ in range(2048))
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(56)


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a.pdf", PDF),
        # Some generators put junk (an HTTP header, a BOM) before the signature.
        (b"HTTP/1.1 200 OK\r\n\r\n%PDF-1.4\n", "a.pdf", PDF),
        (image_bytes("PNG"), "a.png", PNG),
        (image_bytes("JPEG"), "a.jpg", JPEG),
        (image_bytes("TIFF"), "a.tif", TIFF),
        (docx_bytes(), "a.docx", DOCX),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "a.html", HTML),
        ("\n  <HTML lang='uk'><BODY>Привіт</BODY></HTML>".encode(), "a.htm", HTML),
        ("<article><p>Стаття без обгортки</p></article>".encode(), "a.html", HTML),
        ("# Заголовок\n\nТекст.".encode(), "notes.md", MARKDOWN),
        ("Звичайний текст.\n".encode(), "notes.txt", PLAIN),
        ("Текст у CP1251.\n".encode("cp1251"), "notes.txt", PLAIN),
        ("Текст у KOI8-U.\n".encode("koi8_u"), "notes.txt", PLAIN),
        ("Текст у UTF-16.\n".encode("utf-16"), "notes.txt", PLAIN),
        # Text that merely starts like an executable is still text.
        (b"MZ Holdings annual report\n", "report.txt", PLAIN),
        (b"Plain words, no extension at all", "README", PLAIN),
    ],
)
def test_sniff_by_content(data: bytes, name: str, expected: str) -> None:
    assert sniff(data, name) == expected


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n", "\ufeff  \n".encode(), " \u00a0\u3000\n".encode(), "  ".encode("utf-16")]
)
def test_empty_or_blank_is_empty(data: bytes) -> None:
    with pytest.raises(EmptyFile):
        sniff(data, "blank.txt")


def test_supported_content_under_another_supported_name_is_sniffed_type_with_warning() -> None:
    png = image_bytes("PNG")
    assert sniff(png, "scan.pdf") == PNG
    warning = extension_mismatch("scan.pdf", PNG)
    assert warning is not None and ".pdf" in warning and "PNG" in warning


def test_html_saved_as_txt_is_html() -> None:
    data = b"<html><head><title>t</title></head><body>x</body></html>"
    assert sniff(data, "page.txt") == HTML
    assert extension_mismatch("page.txt", HTML) is not None


@pytest.mark.parametrize(
    ("name", "media_type"),
    [("a.png", PNG), ("a.JPEG", JPEG), ("a.jpg", JPEG), ("a.htm", HTML), ("a.md", PLAIN), ("blob", PDF)],
)
def test_no_mismatch_warning_when_names_agree_or_say_nothing(name: str, media_type: str) -> None:
    assert extension_mismatch(name, media_type) is None


@pytest.mark.parametrize("name", ["report.pdf", "scan.png", "letter.docx", "page.html", "notes.txt"])
def test_supported_extension_on_unreadable_content_is_mislabelled(name: str) -> None:
    with pytest.raises(MislabelledFile, match="ELF"):
        sniff(ELF, name)
    with pytest.raises(MislabelledFile):
        sniff(RANDOM_BINARY, name)


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (ELF, "tool", "ELF"),
        (b"\x1f\x8b\x08\x00" + bytes(40), "logs.gz", "gzip"),
        (zip_bytes({"a.txt": "один", "b.txt": "два"}), "archive.zip", "zip"),
        (zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}), "t.xlsx", "Excel"),
        (RANDOM_BINARY, "blob.bin", "unknown"),
        (b"GIF89a" + bytes(30), "anim.gif", "GIF"),
        (b"{\\rtf1\\ansi Hello}", "letter.rtf", "RTF"),
        (b"\x00\x00\x00\x18ftypheic" + bytes(40), "IMG_0001.HEIC", "HEIC"),
    ],
)
def test_unsupported_kinds_are_named(data: bytes, name: str, kind: str) -> None:
    with pytest.raises(UnsupportedType, match=kind):
        sniff(data, name)


def test_zip_under_docx_name_is_mislabelled_unless_it_is_an_office_package() -> None:
    with pytest.raises(MislabelledFile, match="zip"):
        sniff(zip_bytes({"a.txt": "x"}), "letter.docx")
    # An Office package missing its document part is a damaged DOCX: the parser reports it.
    assert sniff(zip_bytes({"[Content_Types].xml": "<Types/>"}), "letter.docx") == DOCX


def test_truncated_zip_named_docx_goes_to_the_docx_parser() -> None:
    assert sniff(docx_bytes()[:300], "letter.docx") == DOCX
    with pytest.raises(UnsupportedType, match="damaged zip"):
        sniff(docx_bytes()[:300], "archive.zip")


def test_ole2_container_named_docx_is_an_encrypted_docx() -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    with pytest.raises(EncryptedFile, match="password"):
        sniff(ole2, "contract.docx")
    with pytest.raises(UnsupportedType, match="old-style Microsoft Office"):
        sniff(ole2, "contract.doc")


# --- the declarations the sniffer is built from ----------------------------------------------


def test_declared_formats_in_sniffing_order() -> None:
    # Pinned: these names reach users in messages, and PDF must be tried before the other magic.
    assert [(f.media_type, f.label, f.extensions) for f in FORMATS] == [
        (PDF, "a PDF", (".pdf",)),
        (PNG, "a PNG image", (".png",)),
        (JPEG, "a JPEG image", (".jpg", ".jpeg", ".jpe")),
        (TIFF, "a TIFF image", (".tif", ".tiff")),
        (DOCX, "a Word document", (".docx",)),
        (HTML, "a web page", (".html", ".htm", ".xhtml")),
        (MARKDOWN, "a Markdown text", (".md", ".markdown")),
        (PLAIN, "a plain text", (".txt", ".text")),
    ]
    assert SNIFFER.formats == FORMATS


@pytest.mark.parametrize(
    ("name", "media_type"), [("A.PDF", PDF), ("x.jpe", JPEG), ("x.markdown", MARKDOWN), ("x", None)]
)
def test_expected_type_comes_from_the_declared_extensions(name: str, media_type: str | None) -> None:
    assert SNIFFER.expected_type(name) == media_type


def test_the_label_is_the_label_as_a_subject() -> None:
    assert PDF_FORMAT.the_label == "The PDF"
    assert DOCX_FORMAT.the_label == "The Word document"


def test_a_new_format_is_recognised_from_its_declaration_alone() -> None:
    gif = Format("image/gif", "a GIF image", (".gif",), magic=(b"GIF87a", b"GIF89a"))
    sniffer = Sniffer((*FORMATS, gif))
    assert sniffer.sniff(b"GIF89a" + bytes(30), "anim.gif") == "image/gif"
    assert sniffer.extension_mismatch("anim.gif", PNG) is not None


def test_contradictory_declarations_are_refused() -> None:
    with pytest.raises(ValueError, match=".pdf"):
        Sniffer((*FORMATS, Format("application/x-pdf", "a PDF", (".pdf",))))
    with pytest.raises(ValueError, match="fallback"):
        Sniffer((*FORMATS, Format("text/x-log", "a log", (".log",), text="fallback")))
    with pytest.raises(ValueError, match="text_markers"):
        Format("text/xml", "an XML file", (".xml",), text="markers")
    with pytest.raises(ValueError, match="lower case"):
        Format("text/xml", "an XML file", (".XML",))
