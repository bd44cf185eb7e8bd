"""Scoring against external corpora (nlp.build.external): lemma accuracy and cross-document grouping."""

from __future__ import annotations

from nlp.build.external import PersonHit, grouping, lemma_accuracy


def _hit(doc: str, key: str, eid: str, lang: str = "ru", surface: str = "Байдена", name: str = "Байден") -> PersonHit:
    return PersonHit(doc, lang, surface, name, key, lemma="Байден", eid=eid)


def test_lemma_accuracy_counts_inflected_forms_apart() -> None:
    hits = [_hit("d1", "k", "e"), _hit("d2", "k", "e", surface="Байден"), _hit("d3", "k", "e", name="Байденый")]
    acc = lemma_accuracy(hits)
    assert (acc.n_all, acc.n_inflected) == (3, 2)
    assert acc.all == 2 / 3 and acc.inflected == 1 / 2


def test_grouping_counts_pairs_across_documents_only() -> None:
    # Gold: d1, d2 and d3 (twice) name one person. We gave d3 another key: 1 of 5 cross-document gold pairs found.
    hits = [_hit("d1", "a", "e"), _hit("d2", "a", "e"), _hit("d3", "b", "e"), _hit("d3", "b", "e")]
    prf, gold_pairs = grouping(hits)
    assert gold_pairs == 5  # d1-d2, d1-d3 x2, d2-d3 x2; the pair within d3 does not count
    assert prf.p == 1.0 and prf.r == 1 / 5


def test_a_merge_of_two_people_costs_precision() -> None:
    hits = [_hit("d1", "a", "e1"), _hit("d2", "a", "e2")]
    prf, gold_pairs = grouping(hits)
    assert gold_pairs == 0 and prf.p == 0.0


def test_grouping_across_languages_pairs_one_of_each() -> None:
    hits = [_hit("d1", "a", "e", "uk"), _hit("d2", "a", "e", "ru"), _hit("d3", "b", "e", "ru")]
    prf, gold_pairs = grouping(hits, ("ru", "uk"))
    assert gold_pairs == 2 and prf.r == 1 / 2 and prf.p == 1.0
