"""What the NLP layer returns for one page of text."""

from __future__ import annotations

from dataclasses import dataclass

LABELS = ("PERSON", "UNIT", "PLACE", "ORG")


@dataclass(frozen=True)
class Mention:
    label: str  # one of LABELS
    start: int  # character offsets into the page text
    end: int
    surface: str  # text[start:end]
    sentence: str  # the sentence the mention stands in
    key: str  # normalised, script-independent identity of the entity (unique per label)
    name: str  # canonical display name (nominative, in the script it was found in)
    confidence: float  # 0..1
    method: str  # which extractor found it: "spacy:en_core_web_sm", "gazetteer", "unit-rule", ...
