"""A surname named in full once is a person wherever else it stands in the text (issue 10)."""

from __future__ import annotations

from crosscheck.settings import Settings
from nlp.extract import extract_mentions

MODELS = Settings().models_dir


def _people(text: str, lang: str = "uk") -> list[tuple[str, str]]:
    return [(m.surface, m.method) for m in extract_mentions(text, lang, MODELS) if m.label == "PERSON"]


def test_a_bare_surname_in_any_case_is_the_person_named_in_full() -> None:
    people = _people("Власником є киянин Тарас Брицький. Брицького бачили у Києві, а Брицькому дали грошей.")
    assert ("Тарас Брицький", "person-rule:uk") in people
    assert ("Брицького", "person-rule:echo") in people and ("Брицькому", "person-rule:echo") in people


def test_the_echo_takes_the_surname_from_a_place_reading() -> None:
    # Виноградов is also a town; named in full, the bare word is the man.
    people = _people("Олександр Виноградов прописаний там. Виноградов співзаснував фонд.")
    assert ("Виноградов", "person-rule:echo") in people


def test_initials_run_into_the_surname_stay_in_the_span() -> None:
    people = _people("Стівен Барклі обійняв посаду. С.Барклі досі працював у міністерстві.")
    assert ("С.Барклі", "person-rule:echo") in people


def test_no_echo_without_a_full_name_or_of_a_common_word() -> None:
    assert not [p for p in _people("Білий Пес і Білий Тюлень мовчали. Білий сів.") if p[1] == "person-rule:echo"]
    assert _people("Брицького бачили у Києві.") == []


def test_regression_echo_split_the_surname_from_given_names_and_lost_the_birth_date() -> None:
    # "Остапа Богдановича" + an echoed "Кравчишина" stood apart, so the birth date after the surname was no
    # longer the person's and the status conflict with the release list went unlinked.
    people = _people(
        "Старшого матроса Остапа Богдановича Кравчишина, 14.09.1994 р. н., внесли до списку. "
        "Остап Кравчишин досі в полоні."
    )
    assert ("Остапа Богдановича Кравчишина", "person-rule:uk") in people
    assert not [p for p in people if p[1] == "person-rule:echo"]


def test_a_surname_before_given_names_completes_them() -> None:
    people = _people("Остап Кравчишин досі в полоні. Кравчишина Остапа Богдановича внесли до списку.")
    assert ("Кравчишина Остапа Богдановича", "person-rule:uk") in people


def test_a_lone_first_name_is_the_one_person_named_in_full_with_it() -> None:
    from nlp.identity import resolve_in_document

    text = "Олена Гаврилюк возить допомогу. Олені допомагають сусіди."
    mentions = resolve_in_document(extract_mentions(text, "uk", MODELS))
    people = {m.surface: m for m in mentions if m.label == "PERSON"}
    assert people["Олені"].method == "person-rule:echo-given"
    assert people["Олені"].key == people["Олена Гаврилюк"].key


def test_a_first_name_two_full_names_share_stays_unresolved() -> None:
    people = _people("Олена Гаврилюк і Олена Коваль приїхали. Олені допомагають сусіди.")
    assert not [p for p in people if p[1] == "person-rule:echo-given"]
