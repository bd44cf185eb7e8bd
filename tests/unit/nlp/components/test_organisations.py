"""Organisations the rules find on real Ukrainian reporting (issue 10): companies with their legal form,
bare abbreviations, and the EU as the corpora's place (invented company names)."""

from __future__ import annotations

import pytest

from crosscheck.settings import Settings
from nlp.extract import extract_mentions, trim_span

MODELS = Settings().models_dir


def _found(text: str, lang: str = "uk") -> set[tuple[str, str]]:
    return {(m.label, m.surface) for m in extract_mentions(text, lang, MODELS)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Тендер виграло ТОВ «Будпромсервіс-Вигадане» з Житомира.", ("ORG", "ТОВ «Будпромсервіс-Вигадане»")),
        ("Договір уклало ДП «НАЕК «Енергоатом»» минулого року.", ("ORG", "ДП «НАЕК «Енергоатом»»")),
        ('ООО "Ромашка-Плюс" получило подряд.', ("ORG", 'ООО "Ромашка-Плюс"')),
        ("Підрядником стало ТОВ «ЛБК «Вигаданий Дім» з Луганська.", ("ORG", "ТОВ «ЛБК «Вигаданий Дім»")),
        ("Обладнання постачало ТОВ НПП «Вигаданоавтоматика».", ("ORG", "ТОВ НПП «Вигаданоавтоматика»")),
        ("Штраф наклав АМКУ, повідомили в КМДА.", ("ORG", "АМКУ")),
        ("Штраф наклав АМКУ, повідомили в КМДА.", ("ORG", "КМДА")),
    ],
)
def test_companies_with_their_legal_form_and_abbreviations_are_organisations(text: str, expected: tuple) -> None:
    assert expected in _found(text, "ru" if "ООО" in text else "uk")


def test_capitals_that_are_words_or_common_abbreviations_are_no_organisation() -> None:
    found = _found("ФОТО: ЗМІ пишуть про ВВП і ГТС. УВАГА!")
    assert not {s for label, s in found if label == "ORG"}


def test_the_eu_is_a_place_and_usa_stays_one() -> None:
    found = _found("Рішення ЄС підтримали у США, а в Євросоюзі його обговорять.")
    assert {("PLACE", "ЄС"), ("PLACE", "США"), ("PLACE", "Євросоюзі")} <= found


def test_the_eu_and_its_bodies_are_organisations_in_russian_and_in_full() -> None:
    """Russian news annotation (SlavicNER) tags the EU as an organisation, Ukrainian tags its short forms as a
    place; the full name and the EU's bodies are organisations in both."""
    ru = _found("Лидеры ЕС и Еврокомиссия обсудили выход из Европейского союза.", "ru")
    assert {("ORG", "ЕС"), ("ORG", "Еврокомиссия"), ("ORG", "Европейского союза")} <= ru
    uk = _found("Британія виходить з Європейського Союзу, заявили в Європарламенті.")
    assert {("ORG", "Європейського Союзу"), ("ORG", "Європарламенті")} <= uk


def test_regression_closing_quote_of_a_quoted_name_stays_in_the_span() -> None:
    text = "ТОВ «Бюро Вигадане» і газета «Вісті»."
    assert text[slice(*trim_span(text, 0, 19))] == "ТОВ «Бюро Вигадане»"
    assert text[slice(*trim_span(text, 29, 37))] == "Вісті"  # a quoted word alone loses its quotes


def test_a_first_name_takes_the_unknown_surname_after_it_but_not_a_place() -> None:
    found = _found("Про це розповів Юрій Байрактар. Слава Україні!")
    assert ("PERSON", "Юрій Байрактар") in found
    assert not {s for label, s in found if label == "PERSON" and "Україні" in s}


def test_regression_an_organisation_lost_to_the_place_after_it() -> None:
    """Issue 10: "Минздрава России" came out as the place "России"; the body of a country is one organisation,
    with its own key (not the Ukrainian ministry's)."""
    found = _found("Об этом сообщили в МИД Великобритании. Представитель Минздрава России промолчал.", "ru")
    assert {("ORG", "МИД Великобритании"), ("ORG", "Минздрава России")} <= found
    assert not {s for label, s in found if label == "PLACE"}


def test_latin_script_names_in_cyrillic_text_are_organisations_unless_places() -> None:
    found = _found("Авіакомпанія Vygadair і Nord Stream 2 AG, пише Reuters. Зустріч у London.")
    assert {("ORG", "Vygadair"), ("ORG", "Nord Stream 2 AG"), ("ORG", "Reuters"), ("PLACE", "London")} <= found


def test_regression_the_kremlin_and_media_outlets_were_persons_in_english() -> None:
    found = _found("The Kremlin said the talks would go on, Politico reported, citing Interfax.", "en")
    assert {("ORG", "Kremlin"), ("ORG", "Politico"), ("ORG", "Interfax")} <= found
    assert ("ORG", "Кремле") in _found("В Кремле заявили, что обмен продолжится.", "ru")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Угоду підписали АК «Вигаданобленерго» та міська рада.", "АК «Вигаданобленерго»"),
        ("Рішення Диканської РДА оскаржили.", "Диканської РДА"),
        ("Штраф наклало Тернопільське ОТВ АМКУ.", "Тернопільське ОТВ АМКУ"),
        ("Рятувальники ГУ ДСНС України прибули.", "ГУ ДСНС України"),
        ("Рішення Верховної Ради Автономної Республіки Крим скасовано.", "Верховної Ради Автономної Республіки Крим"),
    ],
)
def test_organisations_keep_their_whole_name_on_real_text(text: str, surface: str) -> None:
    assert ("ORG", surface) in _found(text)


def test_a_quoted_common_word_after_an_abbreviation_is_no_company() -> None:
    found = _found('Сделка ЕС с Ирландской Республикой сделала ФРГ "заложницей" России.', "ru")
    assert not [s for label, s in found if label == "ORG" and "заложницей" in s]
    assert ("PLACE", "Ирландской Республикой") in found


def test_the_ministry_of_health_is_one_node_across_languages_and_forms() -> None:
    keys = {
        m.key
        for text, lang in [
            ("МОЗ повідомило про нові випадки.", "uk"),
            ("Міністерство охорони здоров'я України повідомило.", "uk"),
            ("Минздрав Украины сообщил.", "ru"),
            ("Ukraine's Health Ministry said.", "en"),
        ]
        for m in extract_mentions(text, lang, MODELS)
        if m.label == "ORG"
    }
    assert keys == {"org:moh-ukraine"}


def test_energy_companies_are_one_organisation_in_any_case_and_language() -> None:
    found = {
        (m.surface, m.key)
        for text, lang in [
            ("Нафтогаз виграв у Газпрому в Стокгольмському арбітражі.", "uk"),
            ("Газпром заплатил Нафтогазу Украины.", "ru"),
            ("Naftogaz and Gazprom settled.", "en"),
        ]
        for m in extract_mentions(text, lang, MODELS)
        if m.label == "ORG"
    }
    assert {key for _, key in found} == {"org:naftogaz", "org:gazprom", "org:stockholm-arbitration"}
    assert ("Нафтогазу Украины", "org:naftogaz") in found


def test_latin_names_keep_their_connectors_and_model_number_but_not_a_count() -> None:
    found = _found("Газета Welt am Sonntag пише про Nord Stream-2, а Ryanair 28 рейсів скасувала.")
    assert {("ORG", "Welt am Sonntag"), ("ORG", "Nord Stream-2"), ("ORG", "Ryanair")} <= found


def test_a_point_of_the_compass_before_a_place_names_a_region() -> None:
    found = _found("Ситуація у Східній Європі та в Західній Україні змінилася.")
    assert {("PLACE", "Східній Європі"), ("PLACE", "Західній Україні")} <= found


def test_an_organisation_named_by_its_kind_then_its_quoted_name_is_one() -> None:
    found = _found("Про це повідомило ДТГО «Південно-Західна залізниця», а ДП «Вигаданбуд» мовчало.")
    assert ("ORG", "ДТГО «Південно-Західна залізниця»") in found
