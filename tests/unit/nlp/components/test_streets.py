"""Street addresses are places, with the type word and the house number in the span (issue 10)."""

from __future__ import annotations

import pytest

from crosscheck.settings import Settings
from nlp.components.streets import street_key
from nlp.extract import extract_mentions

MODELS = Settings().models_dir


def _found(text: str, lang: str = "uk") -> list[tuple[str, str, str]]:
    return [(m.label, m.surface, m.key) for m in extract_mentions(text, lang, MODELS)]


@pytest.mark.parametrize(
    ("text", "lang", "surface"),
    [
        ("Компанія отримала будівлю по вул. Межигірській, 14 у Києві.", "uk", "вул. Межигірській, 14"),
        ("Офіс на вулиці Вигаданій , 8 закрили.", "uk", "вулиці Вигаданій , 8"),
        ("Ремонтуватимуть проспект Перемоги до осені.", "uk", "проспект Перемоги"),
        ("Вул. Кольцова перекрили.", "uk", "Вул. Кольцова"),
        ("Офис на ул. Ленина, 5а закрыт.", "ru", "ул. Ленина, 5а"),
    ],
)
def test_a_street_address_is_one_place(text: str, lang: str, surface: str) -> None:
    assert [f for f in _found(text, lang) if f[1] == surface and f[0] == "PLACE"]


def test_regression_a_street_named_after_a_person_was_a_person() -> None:
    found = _found("Фірма ремонтуватиме вул. Заньковецької, 89 у Полтаві.")
    assert ("PLACE", "вул. Заньковецької, 89", street_key("Заньковецької", ", 89")) in found
    assert not [f for f in found if f[0] == "PERSON"]


def test_one_address_in_two_cases_has_one_key_and_a_citys_streets_are_no_address() -> None:
    assert street_key("Межигірській", ", 14") == street_key("Межигірська", ", 14")
    found = _found("На улицы Карачи вышли люди.", "ru")
    assert ("PLACE", "Карачи") in [(label, surface) for label, surface, _ in found]
    assert not [f for f in found if f[2].startswith("street:")]
