"""Institutions named by a phrase around a head noun, and quoted names (issue 10: Ukrainian organisations)."""

from __future__ import annotations

import pytest

from crosscheck.settings import Settings
from nlp.components.institution_phrases import institution_phrases
from nlp.extract import extract_mentions

MODELS = Settings().models_dir


def _orgs(text: str, lang: str = "uk") -> set[str]:
    return {m.surface for m in extract_mentions(text, lang, MODELS) if m.label == "ORG"}


@pytest.mark.parametrize(
    ("text", "lang", "org"),
    [
        ("Рішення Господарського суду Рівненської області оскаржили.", "uk", "Господарського суду Рівненської області"),
        ("Постанову Кабінету Міністрів України скасовано.", "uk", "Кабінету Міністрів України"),
        ("Справу розслідує Управління СБУ у Чернігівській області.", "uk", "Управління СБУ у Чернігівській області"),
        ("Позов подали до Печерського райсуду м. Києва.", "uk", "Печерського райсуду м. Києва"),
        ("Рішення Київради оскаржила Держекоінспекція.", "uk", "Київради"),
        ("Рішення Київради оскаржила Держекоінспекція.", "uk", "Держекоінспекція"),
        ("Глава правительства Великобритании выступил в парламенте.", "ru", "правительства Великобритании"),
        ("Апелляцию рассмотрел верховный суд Пакистана.", "ru", "верховный суд Пакистана"),
    ],
)
def test_institution_phrases_are_one_organisation(text: str, lang: str, org: str) -> None:
    assert org in _orgs(text, lang)


def test_a_person_after_the_institution_stays_a_person() -> None:
    found = {(m.label, m.surface) for m in extract_mentions("Уряд Терези Мей і партія Віталія Кличка.", "uk", MODELS)}
    assert ("PERSON", "Терези Мей") in found
    assert not any(label == "ORG" and "Мей" in s for label, s in found)


@pytest.mark.parametrize(
    "text",
    [
        "Суд першої інстанції задовольнив позов.",  # only the sentence's first capital
        "він прийшов до суду вчора",
        "Королева була рада схвалити призначення.",
        "На гербі малого Державного Герба.",
    ],
)
def test_no_institution_without_a_name(text: str) -> None:
    assert institution_phrases(text, "uk", str(MODELS)) == []


def test_quoted_names_are_organisations_in_ukrainian_but_titles_and_speech_are_not() -> None:
    orgs = _orgs("Власником «Агролеон-Вигаданий» є фірма, а «Укрвигаданафті» бракує грошей.")
    assert {"Агролеон-Вигаданий", "Укрвигаданафті"} <= orgs
    assert not _orgs("Він написав вірш «Мати» у 1990 році.")
    assert not _orgs("«Ніякої угоди не буде», - сказав він.")
