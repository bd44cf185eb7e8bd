"""``cc_units``: military units by rule (:mod:`nlp.units`), with their key and display name."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.components.candidate import CONF_UNIT, Candidate, add_candidates, doc_lang
from nlp.units import find_units, unit_name

__all__ = ["make_units"]


@Language.factory("cc_units", default_config={"models_dir": str(DEFAULT_MODELS_DIR)})
def make_units(nlp: Language, name: str, models_dir: str):
    data = Path(models_dir)

    def component(doc: Doc) -> Doc:
        lang = doc_lang(doc)
        add_candidates(
            doc,
            [
                Candidate(
                    m.start, m.end, "UNIT", "unit", "unit-rule", CONF_UNIT, m.unit.key, unit_name(m.unit, lang, data)
                )
                for m in find_units(doc.text, data)
            ],
        )
        return doc

    return component
