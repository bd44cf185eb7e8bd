"""The real pipelines (en_core_web_sm, natasha, rules, gazetteer) on a few sentences per language.

Persons are invented (common first names + common surnames); officials' titles are generic.
"""

from __future__ import annotations

import pytest

from crosscheck.records.facts import LABELS
from crosscheck.settings import Settings
from nlp.extract import MAX_CHUNK_CHARS, extract_mentions, split_chunks
from nlp.pipelines import load_pipeline

pytestmark = pytest.mark.integration

MODELS = Settings().models_dir

CASES: dict[str, list[tuple[str, set[tuple[str, str]]]]] = {
    "uk": [
        (
            "Командир 36-ї окремої бригади морської піхоти Іван Петренко повернувся з полону.",
            {("UNIT", "36-ї окремої бригади морської піхоти"), ("PERSON", "Іван Петренко")},
        ),
        (
            "Омбудсман Дмитро Коваль повідомив, що в Оленівці та під Харковом утримуються полонені.",
            {("PERSON", "Дмитро Коваль"), ("PLACE", "Оленівці"), ("PLACE", "Харковом")},
        ),
        (
            "Міністерство оборони України і МКЧХ подякували Координаційному штабу.",
            {("ORG", "Міністерство оборони України"), ("ORG", "МКЧХ"), ("ORG", "Координаційному штабу")},
        ),
        (
            "Олена Коваленко з Маріуполя розповіла про сина з 72-ї ОМБр.",
            {("PERSON", "Олена Коваленко"), ("PLACE", "Маріуполя"), ("UNIT", "72-ї ОМБр")},
        ),
        ("Старий будинок. Час минав. Він мовчав.", set()),
    ],
    "ru": [
        (
            "Командир 36-й отдельной бригады морской пехоты Иван Петренко вернулся из плена.",
            {("UNIT", "36-й отдельной бригады морской пехоты"), ("PERSON", "Иван Петренко")},
        ),
        (
            "Пленных содержали в Еленовке, а затем перевезли в Таганрог.",
            {("PLACE", "Еленовке"), ("PLACE", "Таганрог")},
        ),
        (
            "Министерство обороны России и МККК не ответили Ольге Мельниченко.",
            {("ORG", "Министерство обороны России"), ("ORG", "МККК"), ("PERSON", "Ольге Мельниченко")},
        ),
        (
            "Военнослужащие в/ч А0000 находятся в Курской области.",
            {("UNIT", "в/ч А0000"), ("PLACE", "Курской области")},
        ),
    ],
    "en": [
        (
            "Oleksandr Petrenko of the 36th Separate Marine Brigade was captured in Mariupol near Azovstal.",
            {
                ("PERSON", "Oleksandr Petrenko"),
                ("UNIT", "36th Separate Marine Brigade"),
                ("PLACE", "Mariupol"),
                ("PLACE", "Azovstal"),
            },
        ),
        (
            "The ICRC said the Olenivka colony was hit; the Ministry of Defence of Ukraine confirmed it.",
            {("ORG", "ICRC"), ("PLACE", "Olenivka colony"), ("ORG", "Ministry of Defence of Ukraine")},
        ),
        (
            "Olena Kovalenko left Kyiv for Kharkiv.",
            {("PERSON", "Olena Kovalenko"), ("PLACE", "Kyiv"), ("PLACE", "Kharkiv")},
        ),
    ],
    "de": [
        (
            "Oleksandr Petrenko von der 36th Separate Marine Brigade wurde in Mariupol gefangen genommen.",
            {("PERSON", "Oleksandr Petrenko"), ("UNIT", "36th Separate Marine Brigade"), ("PLACE", "Mariupol")},
        ),
    ],
}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [(lang, text, expected) for lang, cases in CASES.items() for text, expected in cases],
    ids=lambda v: v[:30] if isinstance(v, str) else None,
)
def test_mentions(lang: str, text: str, expected: set[tuple[str, str]]) -> None:
    mentions = extract_mentions(text, lang, MODELS)
    found = {(m.label, m.surface) for m in mentions}
    assert expected <= found, f"missing {expected - found}; found {found}"
    if not expected:
        assert found == set()
    for m in mentions:
        assert m.label in LABELS
        assert text[m.start : m.end] == m.surface
        assert m.surface in m.sentence
        assert m.key and m.name and 0 < m.confidence <= 1 and m.method


def test_keys_and_names_meet_across_languages() -> None:
    uk = extract_mentions("Бійці 36 ОБрМП з Харкова. Іван Петренко повернувся.", "uk", MODELS)
    ru = extract_mentions("Бойцы 36-й бригады морской пехоты из Харькова. Иван Петренко вернулся.", "ru", MODELS)
    en = extract_mentions("Soldiers of the 36th Marine Brigade from Kharkiv. Ivan Petrenko returned.", "en", MODELS)
    for label in ("UNIT", "PLACE", "PERSON"):
        keys = [{m.key for m in ms if m.label == label} for ms in (uk, ru, en)]
        assert keys[0] == keys[1] == keys[2] and len(keys[0]) == 1, (label, keys)
    names = {m.name for m in ru if m.label == "PLACE"}
    assert names == {"Харьков"}


def test_nominative_names_in_mentions() -> None:
    (m,) = [m for m in extract_mentions("Звернення Ольги Мельниченко до Офісу.", "uk", MODELS) if m.label == "PERSON"]
    assert m.name == "Ольга Мельниченко"


def test_pipe_names_show_components() -> None:
    assert "cc_natasha" in load_pipeline("ru", MODELS).pipe_names
    assert {"ner", "cc_gazetteer", "cc_units", "cc_merge"} <= set(load_pipeline("en", MODELS).pipe_names)
    assert "cc_uk_persons" in load_pipeline("uk", MODELS).pipe_names
    assert load_pipeline("uk", MODELS) is load_pipeline("uk", MODELS)  # loaded once


def test_long_text_is_chunked_with_offsets_preserved() -> None:
    paragraph = "Полонених тримали в Оленівці. Іван Петренко повернувся до Києва.\n\n"
    text = paragraph * (MAX_CHUNK_CHARS // len(paragraph) + 50)
    assert len(split_chunks(text)) >= 2
    mentions = extract_mentions(text, "uk", MODELS)
    assert all(text[m.start : m.end] == m.surface for m in mentions)
    assert sum(1 for m in mentions if m.surface == "Оленівці") == text.count("Оленівці")


def test_empty_text() -> None:
    assert extract_mentions("", "uk", MODELS) == []
    assert extract_mentions("   \n", "en", MODELS) == []
