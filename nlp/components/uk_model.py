"""``cc_uk_model``: PERSON and ORG spans of the project's trained Ukrainian NER (:mod:`nlp.uk_model`).

Its PLACE and UNIT spans are left out: measured on the dev sentences, its PLACE spans add nothing the
gazetteer (with lemma look-up) misses and label unknown names as places (Лубінець, Укрінформ); its UNIT
spans are less precise than the unit rules ("11 загиблих"). A PERSON span must still look like a name
(:func:`uk_person_ok`). Without the model the pipeline runs the rules alone (:func:`nlp.uk_model.has_uk_model`).
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.components.candidate import CONF_SPACY, Candidate, add_candidates
from nlp.components.name_rules import CYR_INITIAL, NAME_ROLES, NameWords, name_words
from nlp.uk_model import load_uk_ner

__all__ = ["make_uk_model", "uk_person_ok"]


def uk_person_ok(text: str, words: NameWords) -> bool:
    """A statistical PERSON span in Ukrainian is kept if, titles aside, every word can be part of a name."""
    parts = [w for w in re.split(r"\s+", text.strip()) if w]
    while parts and words.title.match(parts[0].lower()):
        parts = parts[1:]
    if not parts or any(w.lower() in words.never_names for w in parts):
        return False
    for w in parts:
        if CYR_INITIAL.match(w) or "-" in w:
            continue
        roles = words.uk_roles(w)
        if not roles & NAME_ROLES or (len(parts) == 1 and "common" in roles):
            return False
    return True


@Language.factory("cc_uk_model", default_config={"models_dir": str(DEFAULT_MODELS_DIR)})
def make_uk_model(nlp: Language, name: str, models_dir: str):
    model = load_uk_ner(Path(models_dir))
    if model is None:
        raise FileNotFoundError(f"no Ukrainian NER under {models_dir}: run `python -m nlp.build`")
    words = name_words(models_dir)

    def component(doc: Doc) -> Doc:
        # Its own tokenizer and doc: its spans are character offsets into the same text.
        add_candidates(
            doc,
            [
                Candidate(e.start_char, e.end_char, e.label_, "stat", "spacy:uk_ner", CONF_SPACY)
                for e in model(doc.text).ents
                if e.label_ == "ORG" or (e.label_ == "PERSON" and uk_person_ok(e.text, words))
            ],
        )
        return doc

    return component
