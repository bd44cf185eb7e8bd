"""Web pages: the article text without menus and footers, plus title, canonical URL and date."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import set_date_params
from trafilatura.xml import xmltotxt

from crosscheck.records.pages import Page, ParsedDocument
from ingest.encoding import bom_encoding, decode_text
from ingest.formats import Format
from ingest.parsers import ParseContext

# Text is a web page if its head has a tag only markup has (pages saved without <html> included).
HTML = Format(
    "text/html",
    "a web page",
    (".html", ".htm", ".xhtml"),
    text="markers",
    text_markers=re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]", re.IGNORECASE),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOILERPLATE_TAGS = ("nav", "header", "footer", "aside", "script", "style", "noscript", "template", "form")
_BLOCK_TAGS = (
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
    "table", "ul", "ol", "blockquote", "pre", "br", "hr", "dd", "dt", "figcaption",
)  # fmt: skip


class HtmlParser:
    name = "html"
    formats = (HTML,)

    def parse(self, data: bytes, ctx: ParseContext) -> ParsedDocument:
        markup = decode_html(data)
        tree = _parse_tree(markup)
        # favor_precision: on short pages the default also keeps menu and header lines.
        extracted = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
            # The extensive search guesses dates from "© 2024" footers and the like: not evidence.
            date_extraction_params=set_date_params(extensive=False),
        )
        # Metadata first: the body fallback below edits the tree (drops scripts holding JSON-LD).
        title = _attr(extracted, "title") or (_head_title(tree) if tree is not None else None)
        source_url = (_canonical_url(tree) if tree is not None else None) or _attr(extracted, "url")
        published = (_published(tree) if tree is not None else None) or to_iso(_attr(extracted, "date"))

        text = _article_text(extracted) if extracted is not None else ""
        warnings = []
        body = visible_body_text(tree) if tree is not None else ""
        # On pages with no article-like block trafilatura returns nothing, or falls back to
        # scraping the menu ("ГоловнаНовини"); either way the visible body text is better.
        if body.strip() and not set(text.split()) & set(body.split()):
            text = body
            warnings.append("No article found on the page; all visible text outside menus was kept")
        return ParsedDocument(
            media_type=HTML.media_type,
            pages=[Page(number=1, text=text, method="html")],
            title=title,
            source_url=source_url,
            published=published,
            warnings=warnings,
        )


def decode_html(data: bytes) -> str:
    """Decode by BOM, then ``<meta charset>``, then the same guessing as plain text.

    A declared charset is only trusted if the bytes actually decode with it: pages saved from a
    browser often keep a ``utf-8`` declaration over bytes re-encoded to something else.
    """
    bom = bom_encoding(data)
    if bom:
        return data.decode(bom, errors="replace")
    match = _META_CHARSET.search(data[:4096])
    if match:
        name = match.group(1).decode("ascii").lower()
        try:
            codec = codecs.lookup(name).name
            # Browsers read latin-1 declarations as windows-1252; so do we.
            codec = "cp1252" if codec == "iso8859-1" else codec
            # Ukrainian pages often declare koi8-r and use koi8-u, which adds і, ї, є, ґ.
            codec = "koi8_u" if codec == "koi8-r" else codec
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)[0]


def _parse_tree(markup: str) -> Any:
    # lxml refuses str input that carries an XML encoding declaration; hand it UTF-8 bytes instead.
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        return lxml.html.document_fromstring(markup.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def _article_text(doc: Any) -> str:
    """Blocks of trafilatura's result separated by a blank line.

    trafilatura's own ``text`` joins paragraphs and ``<br>`` line breaks alike with a single
    newline, losing paragraph boundaries; walking its body keeps them.
    """
    body = getattr(doc, "body", None)
    if body is None:
        return getattr(doc, "text", None) or ""
    blocks = []
    for element in body:
        block = _table_text(element) if element.tag == "table" else xmltotxt(element, False)
        block = block.strip()
        if block:
            blocks.append(block)
    return "\n\n".join(blocks)


def _table_text(table: Any) -> str:
    # One line per row, cells joined like the DOCX parser does, instead of markdown pipes.
    rows = []
    for row in table.iter("row"):
        cells = [" ".join("".join(cell.itertext()).split()) for cell in row.iter("cell")]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def visible_body_text(tree: Any) -> str:
    """Fallback: text of ``<body>`` minus navigation, header, footer, scripts and styles."""
    body = tree.find(".//body")
    if body is None:
        body = tree
    for element in list(body.iter(*_BOILERPLATE_TAGS)):
        element.drop_tree()
    for element in body.iter(*_BLOCK_TAGS):
        # A newline after each block, or text_content() would glue paragraphs together.
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in body.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _attr(doc: Any, name: str) -> str | None:
    value = getattr(doc, name, None) if doc is not None else None
    return (value.strip() or None) if isinstance(value, str) else None


def _head_title(tree: Any) -> str | None:
    title = tree.findtext(".//title")
    return (" ".join(title.split()) or None) if title else None


def _canonical_url(tree: Any) -> str | None:
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href.startswith(("http://", "https://")):
            return href
    return _meta(tree, "og:url")


def _meta(tree: Any, key: str) -> str | None:
    for meta in tree.iter("meta"):
        if key in ((meta.get("property") or "").lower(), (meta.get("name") or "").lower()):
            content = (meta.get("content") or "").strip()
            if content:
                return content
    return None


def _published(tree: Any) -> str | None:
    candidates: list[str | None] = [_meta(tree, "article:published_time")]
    candidates.extend(_json_ld_dates(tree))
    candidates.append(_meta(tree, "datepublished") or _meta(tree, "pubdate"))
    candidates.extend(t.get("datetime") for t in tree.iter("time"))
    for candidate in candidates:
        iso = to_iso(candidate)
        if iso:
            return iso
    return None


def _json_ld_dates(tree: Any) -> Iterator[str]:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        yield from _find_key(data, "datePublished")


def _find_key(data: object, key: str) -> Iterator[str]:
    if isinstance(data, dict):
        if isinstance(data.get(key), str):
            yield data[key]
        for value in data.values():
            yield from _find_key(value, key)
    elif isinstance(data, list):
        for item in data:
            yield from _find_key(item, key)


def to_iso(value: str | None) -> str | None:
    """An ISO 8601 date or datetime from the forms pages use; ``None`` if it does not parse."""
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None
