"""The span every NER component proposes (:class:`Candidate`), and the doc extensions that carry them.

Each ``cc_*`` component adds candidates to ``doc._.cc_candidates`` (:func:`add_candidates`); ``cc_merge``
resolves overlaps and writes ``doc.ents`` and ``doc._.cc_mentions``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

__all__ = [
    "CONF_GAZETTEER",
    "CONF_GENERIC",
    "CONF_NATASHA",
    "CONF_ORG_RULE",
    "CONF_SPACY",
    "CONF_UK_PERSON",
    "CONF_UNIT",
    "PIPELINE_LANGS",
    "Candidate",
    "add_candidates",
    "doc_lang",
]

PIPELINE_LANGS = ("uk", "ru", "en")

# Confidence by extractor: rules with a lexicon are precise, statistical models good, generic rules less so.
CONF_UNIT = 0.95
CONF_GAZETTEER = 0.95
CONF_ORG_RULE = 0.9
CONF_NATASHA = 0.9
CONF_SPACY = 0.85
CONF_UK_PERSON = 0.8
CONF_GENERIC = 0.7


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str  # PERSON | UNIT | PLACE | ORG
    source: str  # unit | address | org | gazetteer | rule | stat | generic
    method: str
    confidence: float
    key: str = ""  # set by rules that know the entity (gazetteer id, unit key, organisation key)
    name: str = ""  # canonical display name when the rule knows it
    person_like: bool = False  # gazetteer: the place name is also a personal name (Володимир)


for _name in ("cc_candidates", "cc_mentions"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def add_candidates(doc: Doc, candidates: list[Candidate]) -> None:
    """Append ``candidates`` to ``doc._.cc_candidates`` (created on first use)."""
    if doc._.cc_candidates is None:
        doc._.cc_candidates = []
    doc._.cc_candidates.extend(candidates)


def doc_lang(doc: Doc) -> str:
    """The doc's language if a pipeline of its own exists, else "xx" (names and keys in English)."""
    return doc.lang_ if doc.lang_ in PIPELINE_LANGS else "xx"
