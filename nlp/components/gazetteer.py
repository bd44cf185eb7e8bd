"""``cc_gazetteer``: places of the gazetteer (:mod:`nlp.gazetteer`), with their id and display name."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.components.candidate import CONF_GAZETTEER, Candidate, add_candidates, doc_lang
from nlp.gazetteer import load_gazetteer

__all__ = ["make_gazetteer"]


@Language.factory("cc_gazetteer", default_config={"models_dir": str(DEFAULT_MODELS_DIR)})
def make_gazetteer(nlp: Language, name: str, models_dir: str):
    gazetteer = load_gazetteer(Path(models_dir))

    def component(doc: Doc) -> Doc:
        lang = doc_lang(doc)
        add_candidates(
            doc,
            [
                Candidate(
                    m.start,
                    m.end,
                    "PLACE",
                    "gazetteer",
                    "gazetteer",
                    CONF_GAZETTEER,
                    m.entry.id,
                    m.entry.name_in(lang),
                    m.entry.person_like,
                )
                for m in gazetteer.find(doc.text, lang)
            ],
        )
        return doc

    return component
