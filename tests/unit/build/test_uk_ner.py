"""Silver-data conversion and the recipe logic of the Ukrainian NER trainer (fast: no training)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp import train_uk
from nlp.train_uk import SilverExample, to_docbin, unexplained_capitals, union_spans

REPO = Path(__file__).resolve().parents[2]
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
    assert train_uk._adj_fem("десантно-штурмова", "gent") == "десантно-штурмової"
    assert train_uk._ordinal_fem(93, "nomn") == "93-тя"
    assert train_uk._ordinal_fem(11, "nomn") == "11-та"
    assert train_uk._ordinal_fem(36, "gent") == "36-ї"


@pytest.mark.skipif(not (MODELS / "gazetteer" / "places.jsonl").exists(), reason="gazetteer not built")
def test_domain_sentences_spans_match_text() -> None:
    examples = train_uk.domain_sentences(MODELS, n=30)
    assert len(examples) == 30
    assert examples == train_uk.domain_sentences(MODELS, n=30)  # deterministic
    for ex in examples:
        assert ex.spans
        for start, end, label in ex.spans:
            surface = ex.text[start:end]
            assert label in train_uk.LABELS
            assert surface == surface.strip() and surface[:1].isalnum()


def test_load_uk_ner_missing(tmp_path: Path) -> None:
    assert train_uk.load_uk_ner(tmp_path) is None
