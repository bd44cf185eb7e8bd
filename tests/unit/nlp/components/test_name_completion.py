"""A person found by half the name takes the other half beside it (issue 10; invented and public names)."""

from __future__ import annotations

from crosscheck.settings import Settings
from nlp.extract import extract_mentions
from nlp.normalize import normalize_person

MODELS = Settings().models_dir


def _people(text: str, lang: str = "uk") -> list[str]:
    return [m.surface for m in extract_mentions(text, lang, MODELS) if m.label == "PERSON"]


def test_a_first_name_takes_the_surname_the_rules_did_not_know() -> None:
    people = _people("Про це заявив Хосеп Борель, а Свен Міксер промовчав.")
    assert "Хосеп Борель" in people and "Свен Міксер" in people


def test_two_one_word_persons_side_by_side_are_one_name() -> None:
    assert "Тереза   Мей" in _people("Заявила Тереза   Мей.")


def test_a_surname_takes_the_unknown_first_name_before_it() -> None:
    assert "Асії Бібі" in _people("Справу Асії Бібі розглянули.")


def test_a_place_or_a_sentence_start_before_a_surname_is_not_taken() -> None:
    people = _people("Учора в Лондоні Джонсон виступив. Вигаданчук прийшов.")
    assert not [p for p in people if "Лондоні" in p]


def test_a_womans_first_name_in_ia_is_no_mans_name_in_ii_in_ukrainian() -> None:
    assert normalize_person("Асії Бібі", "uk").startswith("Асія ")
    assert normalize_person("Юрія Байрактара", "uk") == "Юрій Байрактар"  # a listed man's name keeps its reading


def test_first_names_the_dictionary_knows_and_hyphenated_first_parts_complete_the_name() -> None:
    people = _people("Глава МЗС Хосеп Борель заявив, що Жан-Клодом Юнкером і Джейкоб Ріс-Могг задоволені.")
    assert {"Хосеп Борель", "Жан-Клодом Юнкером", "Джейкоб Ріс-Могг"} <= set(people)


def test_two_words_no_dictionary_knows_inside_a_sentence_are_a_foreign_name() -> None:
    people = _people("З посад пішли міністр юстиції Раніл Джаявардена, а суд виправдав Ашіг Масіх.")
    assert {"Раніл Джаявардена", "Ашіг Масіх"} <= set(people)
    assert "Раніл Джаявардена" not in _people("Раніл Джаявардена.")  # a heading alone: no evidence
