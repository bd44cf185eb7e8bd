"""Military formation patterns (uk/ru/en) and their canonical keys and names."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.normalize import unit_key
from nlp.units import find_units, parse_unit, unit_name

UNITS = [
    # (text, expected surface, key)
    ("Бійці 36-ї окремої бригади морської піхоти вийшли.", "36-ї окремої бригади морської піхоти", "36 marine brigade"),
    ("36-та окрема бригада морської піхоти", "36-та окрема бригада морської піхоти", "36 marine brigade"),
    ("військовий 36 ОБрМП", "36 ОБрМП", "36 marine brigade"),
    ("служив у 72-й ОМБр", "72-й ОМБр", "72 mechanized brigade"),
    ("бійці 3 ОШБр", "3 ОШБр", "3 assault brigade"),
    ("128 ОГШБр", "128 ОГШБр", "128 mountain assault brigade"),
    ("59-та ОМПБр", "59-та ОМПБр", "59 motorized infantry brigade"),
    ("112 ОБрТрО", "112 ОБрТрО", "112 territorial defense brigade"),
    ("25-ї ОДШБр", "25-ї ОДШБр", "25 air assault brigade"),
    (
        "241-ша окрема бригада територіальної оборони",
        "241-ша окрема бригада територіальної оборони",
        "241 territorial defense brigade",
    ),
    ("36-й отдельной бригады морской пехоты", "36-й отдельной бригады морской пехоты", "36 marine brigade"),
    ("200-й омсбр", "200-й омсбр", "200 motor rifle brigade"),
    ("командир 1-го батальйону", "1-го батальйону", "1 battalion"),
    ("the 36th Separate Marine Brigade", "36th Separate Marine Brigade", "36 marine brigade"),
    ("the 72nd Mechanized Brigade", "72nd Mechanized Brigade", "72 mechanized brigade"),
    ("the 3rd Assault Brigade", "3rd Assault Brigade", "3 assault brigade"),
    ("в/ч А0000", "в/ч А0000", "military unit A0000"),
    ("військова частина А1234", "військова частина А1234", "military unit A1234"),
    ("войсковая часть 12345", "войсковая часть 12345", "military unit 12345"),
    ("military unit A0000", "military unit A0000", "military unit A0000"),
    ("полк «Азов»", "Азов", "azov"),  # the name only, as the gold guideline annotates it
    ("повернулися бійці Азову", "Азову", "azov"),
    ("the Azov Regiment", "Azov Regiment", "azov"),
    ("Національної гвардії України", "Національної гвардії України", "national guard of ukraine"),
    ("Нацгвардия", "Нацгвардия", "national guard of ukraine"),
    ("ДПСУ", "ДПСУ", "state border guard service of ukraine"),
    ("State Border Guard Service", "State Border Guard Service", "state border guard service of ukraine"),
    ("Сили територіальної оборони ЗСУ", "Сили територіальної оборони ЗСУ", "territorial defense forces"),
    ("ЧВК «Вагнер»", "ЧВК «Вагнер»", "wagner group"),
    # Russian units
    ("155-я бригада морской пехоты", "155-я бригада морской пехоты", "155 marine brigade"),
    ("бойцы 155-й бригады морской пехоты", "155-й бригады морской пехоты", "155 marine brigade"),
    ("Russia's 155th Naval Infantry Brigade", "155th Naval Infantry Brigade", "155 marine brigade"),
    ("в/ч 12345", "в/ч 12345", "military unit 12345"),
    # word ordinals, army corps, battalions, border guards, territorial defence, named units
    ("Третього армійського корпусу", "Третього армійського корпусу", "3 army corps"),
    ("the 3rd Army Corps", "3rd Army Corps", "3 army corps"),
    ("Третий армейский корпус", "Третий армейский корпус", "3 army corps"),
    ("59 ОМПБ", "59 ОМПБ", "59 motorized infantry battalion"),
    ("10-й прикордонний загін", "10-й прикордонний загін", "10 border detachment"),
    ("10-го пограничного отряда", "10-го пограничного отряда", "10 border detachment"),
    ("the 10th Border Detachment", "10th Border Detachment", "10 border detachment"),
    ("209 ОБ ТрО", "209 ОБ ТрО", "209 territorial defense battalion"),
    (
        "209-го окремого батальйону територіальної оборони",
        "209-го окремого батальйону територіальної оборони",
        "209 territorial defense battalion",
    ),
    ("the 209th Separate Territorial Defence Battalion", "209th Separate Territorial Defence Battalion",
     "209 territorial defense battalion"),
    ("батальйону «Вовки Да Вінчі»", "Вовки Да Вінчі", "da vinci wolves"),
    ("the Da Vinci Wolves battalion", "Da Vinci Wolves", "da vinci wolves"),
    ("спецпідрозділ «Кракен»", "Кракен", "kraken"),
    # German and Polish: "36." is an ordinal
    ("z 36. Brygady Piechoty Morskiej", "36. Brygady Piechoty Morskiej", "36 marine brigade"),
    ("die 72. Mechanisierte Brigade", "72. Mechanisierte Brigade", "72 mechanized brigade"),
    ("the Kraken unit", "Kraken", "kraken"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "surface", "key"), UNITS)
def test_find_units(text: str, surface: str, key: str) -> None:
    matches = find_units(text)
    assert [(text[m.start : m.end], m.unit.key) for m in matches] == [(surface, key)]


NOT_UNITS = [
    "2 батальйони пішли в наступ",  # a cardinal and a plural: not a unit name
    "3 механізовані бригади",
    "у 2014 батальйон відвели",
    "Захисники Азовсталі",  # the plant, not the regiment
    "Азовське море",
    "the Sea of Azov",
    "Ахмат Кадыров",  # a person, not the Akhmat unit
    "і т.д. 5 тд",  # "тд" in lower case is not a tank division
    "w 2022. Brygada wróciła",  # a year before a sentence end, not an ordinal
]


@pytest.mark.parametrize("text", NOT_UNITS)
def test_not_units(text: str) -> None:
    assert find_units(text) == []


def test_unit_tail_stops_at_lower_case_words() -> None:
    text = "Бійці 36-ї окремої бригади морської піхоти імені контр-адмірала Михайла Білинського вийшли з оточення."
    (m,) = find_units(text)
    assert text[m.start : m.end].endswith("Михайла Білинського")


NAMES = [
    (
        "36 ОБрМП",
        {"en": "36th Marine Brigade", "uk": "36-та бригада морської піхоти", "ru": "36-я бригада морской пехоты"},
    ),
    (
        "72 ОМБр",
        {"en": "72nd Mechanized Brigade", "uk": "72-га механізована бригада", "ru": "72-я механизированная бригада"},
    ),
    ("1-й батальйон", {"en": "1st Battalion", "uk": "1-й батальйон", "ru": "1-й батальон"}),
    ("в/ч А0000", {"en": "military unit A0000", "uk": "військова частина A0000", "ru": "войсковая часть A0000"}),
    ("Нацгвардії", {"en": "National Guard of Ukraine", "uk": "Національна гвардія України"}),
]


@pytest.mark.parametrize(("text", "names"), NAMES)
def test_unit_names(text: str, names: dict[str, str]) -> None:
    unit = parse_unit(text)
    assert unit is not None
    for lang, name in names.items():
        assert unit_name(unit, lang) == name


def test_unit_key_across_languages() -> None:
    keys = {
        unit_key("36-та окрема бригада морської піхоти", "uk"),
        unit_key("36 ОБрМП", "uk"),
        unit_key("36-й отдельной бригады морской пехоты", "ru"),
        unit_key("36th Separate Marine Brigade", "en"),
    }
    assert keys == {"36 marine brigade"}


FORMS_OF_ONE_UNIT = {
    "36 marine brigade": [
        "36-та окрема бригада морської піхоти",
        "36-ї окремої бригади морської піхоти",
        "36-й окремій бригаді морської піхоти",
        "36-ю окремою бригадою морської піхоти",
        "36 ОБрМП",
        "36-й отдельной бригады морской пехоты",
        "36-я отдельная бригада морской пехоты",
        "36th Separate Marine Brigade",
        "36th Marine Brigade",
    ],
    "3 army corps": ["Третій армійський корпус", "Третього армійського корпусу", "3-й армійський корпус",
                     "3rd Army Corps", "Third Army Corps"],
    "155 marine brigade": ["155-я бригада морской пехоты", "155-ї бригади морської піхоти", "155th Marine Brigade"],
    "military unit A1234": ["в/ч А1234", "військової частини А1234", "military unit A1234", "войсковой части А1234"],
}  # fmt: skip


@pytest.mark.parametrize(("key", "forms"), FORMS_OF_ONE_UNIT.items())
def test_every_form_gets_the_same_key(key: str, forms: list[str]) -> None:
    for form in forms:
        unit = parse_unit(form)
        assert unit is not None and unit.key == key, form


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [("36 OBrMP", "36 ОБрМП"), ("93 OMBr", "93 ОМБр"), ("128 OHShBr", "128 ОГШБр"), ("209 OB TrO", "209 ОБ ТрО")],
)
def test_latin_transliterated_abbreviations_meet_the_cyrillic_key(latin: str, cyrillic: str) -> None:
    assert parse_unit(latin, "en") is not None
    assert parse_unit(latin, "en").key == parse_unit(cyrillic, "uk").key


def test_unit_vocabulary_comes_from_the_models_dir_given(tmp_path: Path) -> None:
    """CROSSCHECK_MODELS_DIR reaches the unit vocabulary: a named unit added to a copy is found there only."""
    shutil.copytree(DEFAULT_MODELS_DIR / "units", tmp_path / "units")
    path = tmp_path / "units" / "named.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["named"].append(
        {"key": "test unit", "en": "Test Unit", "uk": "«Тест»", "ru": "«Тест»", "match": ["Тестов\\w+"]}
    )
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    text = "бійці підрозділу Тестового та 36 ОБрМП"
    assert [m.unit.key for m in find_units(text)] == ["36 marine brigade"]
    assert [m.unit.key for m in find_units(text, tmp_path)] == ["test unit", "36 marine brigade"]
    assert unit_key("Тестового", "uk", tmp_path) == "test unit"
