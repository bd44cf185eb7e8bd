"""``cc_spacy_ents``: en_core_web_sm's entities, with the corrections the gold sentences showed were needed.

en_core_web_sm knows few Slavic names: its ORG/GPE spans that look like one become PERSON
(:func:`en_label`); bylines ("Crosscheck Wire") become ORG; time zones and document headings are
dropped (word tables in ``models/ner/english_model.json``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.components.candidate import CONF_SPACY, Candidate, add_candidates
from nlp.components.name_rules import LAT_TITLE_WORD, NameWords, name_words
from nlp.components.organisations import institution_heads
from nlp.normalize import is_first_name
from nlp.vocab import load_json

__all__ = ["en_label", "make_spacy_ents"]

ENGLISH_FILE = "ner/english_model.json"  # under models_dir
_SPACY_LABELS = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG"}


@lru_cache(maxsize=4)
def _english_words(models_dir: str) -> tuple[frozenset[str], frozenset[str]]:
    """(media words, spans that are never entities) of ``models/ner/english_model.json``."""
    data = load_json(models_dir, ENGLISH_FILE)
    return frozenset(data["media_words"]), frozenset(data["not_entities"])


def en_label(text: str, label: str, models_dir: str) -> str:
    """en_core_web_sm knows few Slavic names: it calls "Tatiana Moskalkova", "Kravchuk", "Kovalchuk Taras
    Ivanovych" ORG and "Zelenskyy", "Shevchuk" places. A span of capitalised words with a known first
    name or a Slavic surname ending, and no word of an institution, is a person. (A real place of that
    shape is in the gazetteer, which outranks this span in the merge.)"""
    media_words, _ = _english_words(models_dir)
    names: NameWords = name_words(models_dir)
    words = text.replace("’s", "").replace("'s", "").split()
    if label == "PERSON":
        # A dateline or byline is not a person: "Crosscheck Wire", "Kyiv Independent News Desk".
        return "ORG" if words and words[-1] in media_words else label
    if (
        not words
        or len(words) > 3
        or not all(LAT_TITLE_WORD.match(w) for w in words)
        or institution_heads(models_dir).search(text)
    ):
        return label
    if any(w in names.latin_not_names for w in words):
        return label
    surname = names.latin_surname_suffix
    if is_first_name(words[0], "en", Path(models_dir)) or surname.search(words[-1]) or surname.search(words[0]):
        return "PERSON"
    return label


@Language.factory(
    "cc_spacy_ents", default_config={"method": "spacy:en_core_web_sm", "models_dir": str(DEFAULT_MODELS_DIR)}
)
def make_spacy_ents(nlp: Language, name: str, method: str, models_dir: str):
    _, not_entities = _english_words(models_dir)

    def component(doc: Doc) -> Doc:
        add_candidates(
            doc,
            [
                Candidate(
                    e.start_char,
                    e.end_char,
                    en_label(e.text, _SPACY_LABELS[e.label_], models_dir),
                    "stat",
                    method,
                    CONF_SPACY,
                )
                for e in doc.ents
                if e.label_ in _SPACY_LABELS and e.text not in not_entities
            ],
        )
        return doc

    return component
