"""Rows for the graph: which display name an entity shows when sources spell it differently (issue 10)."""

from __future__ import annotations

from crosscheck.records.facts import Mention
from graph.rows import entity_rows, name_order


def _mention(name: str, language: str, start: int) -> Mention:
    return Mention(
        label="PERSON",
        start=start,
        end=start + len(name),
        surface=name,
        sentence=name,
        key="dmtr pskv",
        name=name,
        confidence=0.9,
        method="test",
        page=1,
        language=language,
    )


def test_regression_display_name_took_the_german_spelling_because_it_sorts_first() -> None:
    mentions = [
        _mention("Dmitri Peskow", "de", 0),
        _mention("Дмитрий Песков", "ru", 20),
        _mention("Dmitry Peskov", "en", 40),
    ]
    (row,) = entity_rows("doc", mentions)["Person"]
    assert row["name"] == "Dmitry Peskov"
    assert row["name_order"] == name_order("Dmitry Peskov", "en")


def test_name_order_english_then_ukrainian_then_russian_then_others() -> None:
    ordered = sorted(
        [("Dmitri Peskow", "de"), ("Дмитрий Песков", "ru"), ("Дмитро Пєсков", "uk"), ("Dmitry Peskov", "en")],
        key=lambda t: name_order(*t),
    )
    assert [n for n, _ in ordered] == ["Dmitry Peskov", "Дмитро Пєсков", "Дмитрий Песков", "Dmitri Peskow"]
    # A list row has no page language: the letters tell; a Cyrillic name in English text is no English spelling.
    assert name_order("Олексій Лозинський", None).startswith("1|")
    assert name_order("Алексей Лозинский", None).startswith("2|")
    assert name_order("Олексій Лозинський", "en").startswith("1|")
    assert name_order("Ostap Kravchyshyn", None).startswith("3|")
