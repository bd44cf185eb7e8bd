"""The values of a list row: OCR repairs of names, nominative names, the person keys that keep namesakes
apart, birth dates.

Every name here is invented.
"""

from __future__ import annotations

import pytest

from crosscheck.records.pages import Page
from nlp.lists import listed_person_key, parse_date, repair_name
from tests.unit.nlp.lists.list_pages import records, table_page


# --- names -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("word", "lang", "expected"),
    [
        ("Бoйкo", "uk", "Бойко"),  # Latin o
        ("Cepгій", "uk", "Сергій"),  # Latin C, e, p
        ("ПETPEHKO", "uk", "ПЕТРЕНКО"),  # all Latin capitals but П
        ("Николаєвич", "ru", "Николаевич"),  # є on a Russian page
        ("Миколаівна", "uk", "Миколаївна"),  # і for ї
        ("Іванович", "ru", "Іванович"),  # a Ukrainian word on a Russian page: left alone
        ("Фёдоров", "uk", "Фёдоров"),  # a Russian word on a Ukrainian page: left alone
        ("3аболотний", "uk", "Заболотний"),  # digit 3
        ("Гайдук0в", "uk", "Гайдуков"),  # digit 0
        ("Гайдук", "uk", "Гайдук"),  # nothing to do
        ("Олексієнко", "uk", "Олексієнко"),  # known word: no swap
    ],
)
def test_repair_name(word: str, lang: str, expected: str) -> None:
    assert repair_name(word, lang)[0] == expected


def test_latin_and_cyrillic_spellings_give_one_key() -> None:
    page = table_page(
        [["№", "ПІБ", "Дата народження"], ["1", "Гайдук Cтепан Іванович", "04.11.1987"]]  # Latin C
    )
    _, recs = records([page])
    assert recs[0].name == "Гайдук Степан Іванович"
    assert recs[0].key == listed_person_key("Гайдук Степан Іванович", "1987-11-04", "uk")


def test_inflected_row_is_normalised() -> None:
    page = Page(number=1, text="1. Гайдука Степана Івановича, 04.11.1987\n", method="text-layer")
    _, recs = records([page])
    assert recs[0].name == "Гайдук Степан Іванович"
    assert recs[0].name_raw == "Гайдука Степана Івановича"


# --- keys --------------------------------------------------------------------------------------------
def test_namesakes_with_other_birth_dates_are_other_people() -> None:
    page = table_page(
        [
            ["№", "ПІБ", "Дата народження"],
            ["1", "Гайдук Степан Іванович", "04.11.1987"],
            ["2", "Гайдук Степан Іванович", "17.06.1992"],
            ["3", "Гайдук Степан Іванович", ""],
        ]
    )
    _, recs = records([page])
    keys = [r.key for r in recs]
    assert len(set(keys)) == 3
    assert recs[2].confidence < recs[0].confidence  # no birth date


def test_listed_person_key_is_order_independent() -> None:
    assert listed_person_key("Гайдук Степан Іванович", "1987-11-04", "uk") == listed_person_key(
        "Степан Іванович Гайдук", "1987-11-04", "uk"
    )
    assert listed_person_key("Гайдук Степан", None, "uk") == listed_person_key("Stepan Haiduk", None, "en")
    assert listed_person_key("Гайдук Степан", "1987", "uk") != listed_person_key("Гайдук Степан", "1988", "uk")


# --- dates -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04.11.1987", "1987-11-04"),
        ("4.11.1987", "1987-11-04"),
        ("4.1.1987", "1987-01-04"),
        ("04.11.87", "1987-11-04"),
        ("04.11.05", "2005-11-04"),
        ("04/11/1987", "1987-11-04"),
        ("04-11-1987", "1987-11-04"),
        ("1987-11-04", "1987-11-04"),
        ("04.11.1987 р.", "1987-11-04"),
        ("04.11.1987 г.", "1987-11-04"),
        ("1987 р.н.", "1987"),
        ("1987 г.р.", "1987"),
        ("1987", "1987"),
        ("O4.11.1987", "1987-11-04"),  # Latin O
        ("04.1l.1987", "1987-11-04"),  # l for 1
        ("О4.11.198б", "1986-11-04"),  # Cyrillic О, б for 6
        ("12.О3.1990", "1990-03-12"),
        ("З0.04.1990", "1990-04-30"),
        ("31.02.1990", None),  # no such day
        ("04.11.2990", None),  # not a birth year
        ("О.І.", None),  # initials
        ("", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected
