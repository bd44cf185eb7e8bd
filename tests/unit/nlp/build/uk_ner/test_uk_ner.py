"""Silver data, the domain generator and the recipe of the Ukrainian NER trainer (fast: no training)."""

from __future__ import annotations

import pytest

from crosscheck.records.facts import LABELS
from nlp.build.uk_ner import domain
from nlp.build.uk_ner.measure import union_spans
from nlp.build.uk_ner.silver import SilverExample, unexplained_capitals
from nlp.build.uk_ner.train import RECIPE_FILE, code_fingerprint, recipe_hash, to_docbin
from nlp.uk_model import NER_DIR
from tests.paths import REPO

MODELS = REPO / "models"


def test_unexplained_capitals_ignores_sentence_and_quote_starts() -> None:
    text = "Вчора «Нова пошта» привезла лист від Олени Шевчук до Києва."
    spans = [(37, 49, "PERSON"), (53, 58, "PLACE")]
    # "Вчора" starts the sentence, "Нова" a quote; "пошта" is lower case.
    assert unexplained_capitals(text, spans) == []
    assert unexplained_capitals(text, spans[:1]) == ["Києва"]


def test_to_docbin_two_sentences() -> None:
    import spacy

    text = "Бійці 36-ї окремої бригади морської піхоти вийшли з Маріуполя."
    examples = [
        SilverExample(text, ((6, 42, "UNIT"), (52, 61, "PLACE")), "domain"),
        SilverExample("Про це повідомила СБУ.", ((18, 21, "ORG"),), "ua-gec"),
    ]
    docs = list(to_docbin(examples).get_docs(spacy.blank("uk").vocab))
    assert [(e.text, e.label_) for e in docs[0].ents] == [
        ("36-ї окремої бригади морської піхоти", "UNIT"),
        ("Маріуполя", "PLACE"),
    ]
    assert [(e.text, e.label_) for e in docs[1].ents] == [("СБУ", "ORG")]


def test_union_spans_model_first() -> None:
    model = [(0, 5, "PERSON")]
    rules = [(0, 3, "PLACE"), (10, 14, "ORG")]
    assert union_spans(model, rules) == [(0, 5, "PERSON"), (10, 14, "ORG")]


def test_unit_forms() -> None:
    assert domain.adj_fem("десантно-штурмова", "gent") == "десантно-штурмової"
    assert domain.ordinal_fem(93, "nomn") == "93-тя"
    assert domain.ordinal_fem(11, "nomn") == "11-та"
    assert domain.ordinal_fem(36, "gent") == "36-ї"


@pytest.mark.skipif(not (MODELS / "gazetteer" / "places.jsonl").exists(), reason="gazetteer not built")
def test_domain_sentences_spans_match_text() -> None:
    examples = domain.domain_sentences(MODELS, n=30)
    assert len(examples) == 30
    assert examples == domain.domain_sentences(MODELS, n=30)  # deterministic
    for ex in examples:
        assert ex.spans
        for start, end, label in ex.spans:
            surface = ex.text[start:end]
            assert label in LABELS
            assert surface == surface.strip() and surface[:1].isalnum()


def test_code_fingerprint_ignores_imports_docstrings_and_comments() -> None:
    code = 'import re\n\n\ndef f(x):\n    """Doc."""\n    return x + 1\n'
    same = '"""Module doc."""\nfrom os import path  # moved\n\n\ndef f(x):  # why\n    return (\n        x + 1\n    )\n'
    assert code_fingerprint(code) == code_fingerprint(same)
    assert code_fingerprint(code) != code_fingerprint(code.replace("x + 1", "x + 2"))


def test_committed_model_matches_its_recipe() -> None:
    """The committed model's stamp is the current recipe hash, so `make models` does not retrain.

    Fails after an edit to a recipe module (silver.py, domain.py, train.py), the organisation case
    forms or the config: retrain (``python -m nlp.build --retrain-uk-ner``) and commit the model, or,
    if the silver data is provably unchanged (``python -m nlp.build.uk_ner data``, byte-identical
    train/dev files), commit the new hash in ``models/uk_ner/recipe.sha256``.
    """
    stamp = (MODELS / NER_DIR / RECIPE_FILE).read_text(encoding="utf-8").strip()
    assert stamp == recipe_hash(MODELS)
