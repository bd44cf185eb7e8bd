"""``cc_natasha``: persons, places and organisations of natasha's NewsNERTagger (Russian)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.candidate import CONF_NATASHA, Candidate, add_candidates

if TYPE_CHECKING:
    from natasha import NewsNERTagger

__all__ = ["make_natasha"]

_NATASHA_LABELS = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}
# A sentence-sized piece of text: up to a sentence end followed by space and a capital, or a line break;
# not after an initial ("А. Петренко" stays in one piece).
_NATASHA_PIECE = re.compile(
    r"\S(?:.*?(?:(?<![\s(«\"][А-ЯЁA-Z])[.!?…](?=\s+[«\"(\[]?[А-ЯЁA-Z0-9])|(?=\n)|$))", re.DOTALL
)
_NATASHA_BATCH = 64


@lru_cache(maxsize=1)
def _natasha() -> NewsNERTagger:
    """NewsNERTagger, loaded once per process (~1 s, weights ship inside the wheel)."""
    # Imported here, not at the top: natasha (~120 MB) is loaded only by a process that tags Russian.
    from natasha import NewsEmbedding, NewsNERTagger

    tagger = NewsNERTagger(NewsEmbedding())
    tagger.batch_size = _NATASHA_BATCH
    return tagger


@Language.factory("cc_natasha")
def make_natasha(nlp: Language, name: str):
    tagger = _natasha()

    def component(doc: Doc) -> Doc:
        # The tagger itself takes the whole text and tokenises it; natasha's Doc.segment() first (a
        # fifth of the time) only serves to attach spans to sentences, which spaCy does here.
        # Tagging sentence-sized pieces as one batch rather than the page as one sequence: the CRF
        # decoder steps through the longest sequence in Python, so 30 sentences of 15 words cost
        # 15 steps instead of 450 (2x faster overall). The CNN sees ±a few words, so a cut at a
        # sentence end changes nothing it could use.
        text = doc.text
        pieces = [(m.start(), m.group(0)) for m in _NATASHA_PIECE.finditer(text)]
        found: list[Candidate] = []
        for (offset, _), markup in zip(pieces, tagger.map([p for _, p in pieces]), strict=True):
            found.extend(
                Candidate(
                    offset + s.start,
                    offset + s.stop,
                    _NATASHA_LABELS[s.type],
                    "stat",
                    "natasha:news-ner",
                    CONF_NATASHA,
                )
                for s in markup.spans
                if s.type in _NATASHA_LABELS
            )
        add_candidates(doc, found)
        return doc

    return component
