"""Entity mentions of one page of text: ``extract_mentions(text, lang, models_dir) -> list[Mention]``.

Runs the language's pipeline (:func:`nlp.pipelines.load_pipeline`), then gives every mention its
sentence, a canonical name (nominative, in the script it was found in) and a script-independent key
(:mod:`nlp.normalize`). Long texts are cut into chunks of at most ``MAX_CHUNK_CHARS`` at paragraph
(else line, else sentence, else word) boundaries; offsets always refer to the text passed in.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path

from crosscheck.records.facts import LABELS, Mention
from nlp.components.candidate import Candidate
from nlp.gazetteer import load_gazetteer
from nlp.normalize import (
    normalize_org,
    normalize_person,
    normalize_place,
    org_key,
    person_key,
    place_key,
)
from nlp.pipelines import load_pipeline

__all__ = ["MAX_CHUNK_CHARS", "extract_mentions", "split_chunks", "trim_span"]

MAX_CHUNK_CHARS = 100_000
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?…])\s+"), re.compile(r"\s+"))
_HAS_LETTER = re.compile(r"[^\W\d_]")
_HAS_DIGIT = re.compile(r"\d")
_EDGE_JUNK = "\"'«»„“”‘’()[]{}.,;:!?-–— \t\n"


def split_chunks(text: str, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, chunk) pairs covering ``text``, each chunk ≤ ``limit`` characters, cut at the
    weakest available boundary: blank line, line break, sentence end, any whitespace, or hard."""
    if len(text) <= limit:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    pos = 0
    while len(text) - pos > limit:
        window = text[pos : pos + limit]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() > limit // 4]
            if ends:
                cut = ends[-1]
                break
        if cut <= 0:
            cut = limit  # one word of 100k characters: cut it, no choice
        chunks.append((pos, window[:cut]))
        pos += cut
    chunks.append((pos, text[pos:]))
    return chunks


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop quotes, brackets and punctuation a model or rule left at the edges of a span."""
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    if text.startswith(("the ", "The "), start) and end - start > 4:
        start += 4  # "the Odesa Regional Military Administration": articles are not part of names
        while start < end and text[start] in _EDGE_JUNK:
            start += 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2  # English possessive: "Olena Petrenko's"
    while end > start and text[end - 1] in _EDGE_JUNK:
        if text[end - 1] == "." and _is_initial_dot(text, start, end):
            break
        if _closes_inner_quote(text, start, end):
            break
        end -= 1
    return start, end


_QUOTE_PAIRS = {"»": "«", "”": "“„", "“": "„", '"': '"'}


def _closes_inner_quote(text: str, start: int, end: int) -> bool:
    """The closing quote ends a name quoted inside the span (ТОВ «Бюро Ейнштейн»): it belongs to the span."""
    openers = _QUOTE_PAIRS.get(text[end - 1])
    if openers is None:
        return False
    inner = text[start : end - 1]
    if text[end - 1] == '"':
        return inner.count('"') % 2 == 1
    return sum(inner.count(o) for o in openers) > inner.count(text[end - 1])


def _is_initial_dot(text: str, start: int, end: int) -> bool:
    """ "В." at the end of "Залужний В." is an initial, keep its dot."""
    return end - start >= 2 and text[end - 2].isupper() and (end - 3 < start or not text[end - 3].isalpha())


def _plausible(label: str, surface: str) -> bool:
    """Drop spans no extractor should have produced: single letters, all-lower-case names, numbers."""
    if len(surface) < 2 or not _HAS_LETTER.search(surface):
        return False
    if label == "PERSON":
        if surface.islower() or _HAS_DIGIT.search(surface) or len(surface.split()) > 5:
            return False
        return any(w[:1].isupper() for w in surface.split())
    return not (label in ("PLACE", "ORG") and surface.islower() and len(surface) < 4)


def _canonical(c: Candidate, surface: str, lang: str, models_dir: Path) -> tuple[str, str]:
    """(key, name) for a mention; rules that matched a known entity already carry both."""
    if c.key and c.name:
        return c.key, c.name
    if c.label == "PERSON":
        name = normalize_person(surface, lang)
        return person_key(name, lang, models_dir), name
    if c.label == "PLACE":
        name = normalize_place(surface, lang)
        # A statistical place the gazetteer did not match in the text may still be a known place
        # under another spelling or case form: look its nominative up (exact form, then folded).
        entry = load_gazetteer(models_dir).lookup(name, lang)
        if entry is not None:
            return entry.id, entry.name_in(lang)
        return place_key(name, lang), name
    if c.label == "ORG":
        name = normalize_org(surface, lang)
        return c.key or org_key(name, lang), c.name or name
    return c.key or surface.lower(), c.name or surface


def extract_mentions(text: str, lang: str, models_dir: Path) -> list[Mention]:
    """Mentions of persons, units, places and organisations in ``text`` (ordered by position).

    ``lang``: ISO 639-1 code of the text ("uk", "ru", "en"; other codes get the language-independent
    pipeline). Offsets are character offsets into ``text``.
    """
    if not text or not text.strip():
        return []
    models_dir = Path(models_dir)
    nlp = load_pipeline(lang, models_dir)
    chunks = split_chunks(text)
    mentions: list[Mention] = []
    for (offset, chunk), doc in zip(chunks, nlp.pipe(c for _, c in chunks), strict=True):
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        sentence_starts = [s for s, _ in sentences]
        for c in doc._.cc_mentions or []:
            if c.label not in LABELS:
                continue
            start, end = trim_span(chunk, c.start, c.end)
            surface = chunk[start:end]
            if not _plausible(c.label, surface):
                continue
            key, name = _canonical(c, surface, lang, models_dir)
            if not key:
                continue
            k = bisect_right(sentence_starts, start) - 1
            s_start, s_end = sentences[k] if k >= 0 else (0, len(chunk))
            mentions.append(
                Mention(
                    label=c.label,
                    start=offset + start,
                    end=offset + end,
                    surface=surface,
                    sentence=chunk[s_start:s_end].strip(),
                    key=key,
                    name=name,
                    confidence=c.confidence,
                    method=c.method,
                )
            )
    return mentions
