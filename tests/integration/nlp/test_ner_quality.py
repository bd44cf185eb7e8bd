"""NER quality of the real pipelines on the gold sentences (tests/gold, see its README).

Prints precision/recall/F1 per language × label for dev and heldout (``pytest -s``) and asserts the
thresholds on the whole set (dev + heldout). Run ``python -m nlp.build.evaluate --errors`` to see what
is missed.
"""

from __future__ import annotations

from functools import cache

import pytest

from crosscheck.settings import Settings
from nlp.build.evaluate import (
    FRESH,
    GOLD_LANGS,
    SPLITS,
    GoldSentence,
    Scores,
    Span,
    format_table,
    load_gold,
    predict,
    score,
)
from tests.paths import GOLD_DIR

pytestmark = pytest.mark.integration

MODELS = Settings().models_dir

THRESHOLDS = {"PERSON": 0.92, "PLACE": 0.88, "UNIT": 0.85}  # F1, exact spans, dev + heldout


@cache
def _run(lang: str) -> tuple[list[GoldSentence], list[set[Span]]]:
    sentences = load_gold(lang, GOLD_DIR)
    return sentences, predict(sentences, lang, MODELS)


def _scores(lang: str, split: str | None) -> dict[str, Scores]:
    sentences, pred = _run(lang)
    idx = [i for i, s in enumerate(sentences) if split is None or s.split == split]
    return score([sentences[i].spans for i in idx], [pred[i] for i in idx])


@pytest.mark.parametrize("lang", GOLD_LANGS)
def test_ner_quality(lang: str) -> None:
    for split in SPLITS:
        print("\n" + format_table(f"== {lang} {split}", _scores(lang, split)))
    scores = _scores(lang, None)
    print("\n" + format_table(f"== {lang} dev+heldout", scores))
    low = {label: round(scores[label].f1, 3) for label, minimum in THRESHOLDS.items() if scores[label].f1 < minimum}
    assert not low, f"{lang}: F1 below {THRESHOLDS}: {low}"


@pytest.mark.parametrize("lang", GOLD_LANGS)
def test_heldout_printed(lang: str) -> None:
    """Heldout alone, for information: too few spans per label for a threshold of its own."""
    scores = _scores(lang, "heldout")
    print("\n" + format_table(f"== {lang} heldout", scores))
    assert scores["ALL"].support > 0


@pytest.mark.parametrize("lang", GOLD_LANGS)
def test_fresh_printed(lang: str) -> None:
    """The fresh set (written after tuning, tests/gold/fresh/README.md), for information only: a
    threshold on it would invite tuning on it."""
    sentences = load_gold(lang, GOLD_DIR, FRESH)
    scores = score([s.spans for s in sentences], predict(sentences, lang, MODELS))
    print("\n" + format_table(f"== {lang} fresh (untuned)", scores))
    assert scores["ALL"].support > 0
