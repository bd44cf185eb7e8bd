"""The reporting corpus (tests/gold/claims) through the whole pipeline must not fall below its floors (issue 11).

Floors are for the dev split, a little under the figures measured when they were set
(`python -m crosscheck.pipeline.evaluate_claims --split dev`); the fresh split is sealed: only what must hold
whatever the text (no corroboration across events or stages) is asserted on it, its figures are reported
by the command, never tuned on.
"""

from __future__ import annotations

import pytest

from crosscheck.pipeline.evaluate_claims import Scores, evaluate
from crosscheck.settings import Settings

pytestmark = pytest.mark.integration

DEV_FLOORS = {
    "dated": 0.95,
    "extraction_f1": 0.84,
    "attached": 0.92,
    "links_precision": 0.88,
    "links_recall": 0.58,
}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(s: Scores) -> float:
    p = _ratio(s.quantities_right, s.predicted_quantities)
    r = _ratio(s.quantities_right, s.gold_quantities)
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings()


def test_dev_does_not_fall_below_its_floors(settings: Settings) -> None:
    s = evaluate("dev", settings)
    print(s.report())
    measured = {
        "dated": _ratio(s.dated, s.documents),
        "extraction_f1": _f1(s),
        "attached": _ratio(s.attach_right, s.attach_total),
        "links_precision": _ratio(s.links_right, s.links_predicted),
        "links_recall": _ratio(s.links_right, s.links_expected),
    }
    below = {k: round(v, 3) for k, v in measured.items() if v < DEV_FLOORS[k]}
    assert not below, f"below the floors {DEV_FLOORS}: {below}"
    assert s.corroborations_across_events == 0
    assert s.conflicts_found == s.conflicts_expected


def test_fresh_never_corroborates_across_events(settings: Settings) -> None:
    s = evaluate("fresh", settings)
    print(s.report())
    assert s.corroborations_across_events == 0
