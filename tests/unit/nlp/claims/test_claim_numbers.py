"""Cardinal numbers in uk/ru/en: digits, words in every case, scales, qualifiers and what is not a count."""

from __future__ import annotations

import time

import pytest

from crosscheck.records.claims import QUALIFIERS
from nlp.claims.numbers import find_numbers

# (text, lang, expected [(surface, value, qualifier)])
CASES: list[tuple[str, str, list[tuple[str, float, str]]]] = [
    # digits and separators
    ("повернули 150 захисників", "uk", [("150", 150, "exact")]),
    ("повернули 1 000 тіл", "uk", [("1 000", 1000, "exact")]),
    ("повернули 1\u00a0000 тіл", "uk", [("1\u00a0000", 1000, "exact")]),
    ("returned 1,000 bodies", "en", [("1,000", 1000, "exact")]),
    ("returned 1,000,000", "en", [("1,000,000", 1_000_000, "exact")]),
    ("передано 1.000 тіл", "uk", [("1.000", 1000, "exact")]),
    ("передано 1.000.000", "ru", [("1.000.000", 1_000_000, "exact")]),
    ("2,5 тис. осіб", "uk", [("2,5 тис.", 2500, "exact")]),
    ("2.5 thousand people", "en", [("2.5 thousand", 2500, "exact")]),
    ("3 тисячі полонених", "uk", [("3 тисячі", 3000, "exact")]),
    ("150 тысяч", "ru", [("150 тысяч", 150_000, "exact")]),
    ("1,5 млн гривень", "uk", [("1,5 млн", 1_500_000, "exact")]),
    ("2 млрд", "ru", [("2 млрд", 2_000_000_000, "exact")]),
    ("3 million", "en", [("3 million", 3_000_000, "exact")]),
    ("1,250 тис.", "uk", [("1,250 тис.", 1250, "exact")]),
    ("до 5-ти років", "ru", [("до 5-ти", 5, "up_to")]),
    ("2 500 000 осіб", "uk", [("2 500 000", 2_500_000, "exact")]),
    # uk words: cases and genders
    ("двоє полонених", "uk", [("двоє", 2, "exact")]),
    ("двох військових", "uk", [("двох", 2, "exact")]),
    ("з двома дітьми", "uk", [("двома", 2, "exact")]),
    ("дві жінки", "uk", [("дві", 2, "exact")]),
    ("троє цивільних", "uk", [("троє", 3, "exact")]),
    ("чотирма", "uk", [("чотирма", 4, "exact")]),
    ("п'ятеро", "uk", [("п'ятеро", 5, "exact")]),
    ("п’ятьох бійців", "uk", [("п’ятьох", 5, "exact")]),
    ("сімох", "uk", [("сімох", 7, "exact")]),
    ("одинадцять", "uk", [("одинадцять", 11, "exact")]),
    ("дев'ятнадцятьох", "uk", [("дев'ятнадцятьох", 19, "exact")]),
    ("сорока двох", "uk", [("сорока двох", 42, "exact")]),
    ("сто вісімдесят троє", "uk", [("сто вісімдесят троє", 183, "exact")]),
    ("ста вісімдесяти трьох", "uk", [("ста вісімдесяти трьох", 183, "exact")]),
    ("сто п'ятдесят", "uk", [("сто п'ятдесят", 150, "exact")]),
    ("двісті", "uk", [("двісті", 200, "exact")]),
    ("двохсот сорока", "uk", [("двохсот сорока", 240, "exact")]),
    ("п'ятистам", "uk", [("п'ятистам", 500, "exact")]),
    ("дев'ятсот дев'яносто дев'ять", "uk", [("дев'ятсот дев'яносто дев'ять", 999, "exact")]),
    ("тисяча", "uk", [("тисяча", 1000, "exact")]),
    ("тисячу полонених", "uk", [("тисячу", 1000, "exact")]),
    ("дві тисячі", "uk", [("дві тисячі", 2000, "exact")]),
    ("п'ять тисяч", "uk", [("п'ять тисяч", 5000, "exact")]),
    ("дві тисячі п'ятсот", "uk", [("дві тисячі п'ятсот", 2500, "exact")]),
    (
        "дев'ять тисяч дев'ятсот дев'яносто дев'ять",
        "uk",
        [("дев'ять тисяч дев'ятсот дев'яносто дев'ять", 9999, "exact")],
    ),
    ("сто тисяч", "uk", [("сто тисяч", 100_000, "exact")]),
    ("півтори тисячі", "uk", [("півтори тисячі", 1500, "exact")]),
    ("півтори сотні", "uk", [("півтори сотні", 150, "exact")]),
    ("дві сотні", "uk", [("дві сотні", 200, "exact")]),
    ("мільйон", "uk", [("мільйон", 1_000_000, "exact")]),
    ("одного", "uk", [("одного", 1, "exact")]),
    ("однієї", "uk", [("однієї", 1, "exact")]),
    # ru words
    ("двое пленных", "ru", [("двое", 2, "exact")]),
    ("двоих", "ru", [("двоих", 2, "exact")]),
    ("две", "ru", [("две", 2, "exact")]),
    ("трёх", "ru", [("трёх", 3, "exact")]),
    ("четырьмя", "ru", [("четырьмя", 4, "exact")]),
    ("сто восемьдесят три", "ru", [("сто восемьдесят три", 183, "exact")]),
    ("ста восьмидесяти трёх", "ru", [("ста восьмидесяти трёх", 183, "exact")]),
    ("двухсот", "ru", [("двухсот", 200, "exact")]),
    ("пятьсот", "ru", [("пятьсот", 500, "exact")]),
    ("тысяча", "ru", [("тысяча", 1000, "exact")]),
    ("тысячу", "ru", [("тысячу", 1000, "exact")]),
    ("две тысячи триста", "ru", [("две тысячи триста", 2300, "exact")]),
    ("полторы тысячи", "ru", [("полторы тысячи", 1500, "exact")]),
    ("семнадцати", "ru", [("семнадцати", 17, "exact")]),
    ("девяноста", "ru", [("девяноста", 90, "exact")]),
    # en words
    ("three hundred and three", "en", [("three hundred and three", 303, "exact")]),
    ("twenty-six", "en", [("twenty-six", 26, "exact")]),
    ("a thousand", "en", [("a thousand", 1000, "exact")]),
    ("one hundred fifty", "en", [("one hundred fifty", 150, "exact")]),
    ("two thousand five hundred", "en", [("two thousand five hundred", 2500, "exact")]),
    ("a hundred", "en", [("a hundred", 100, "exact")]),
    ("nineteen", "en", [("nineteen", 19, "exact")]),
    ("ninety-nine", "en", [("ninety-nine", 99, "exact")]),
    # qualifiers
    ("понад 200", "uk", [("понад 200", 200, "over")]),
    ("більше ніж 200", "uk", [("більше ніж 200", 200, "over")]),
    ("більш як 200", "uk", [("більш як 200", 200, "over")]),
    ("понад як 200", "uk", [("понад як 200", 200, "over")]),
    ("щонайменше 200", "uk", [("щонайменше 200", 200, "at_least")]),
    ("не менше ніж 200", "uk", [("не менше ніж 200", 200, "at_least")]),
    ("принаймні двох", "uk", [("принаймні двох", 2, "at_least")]),
    ("близько 200", "uk", [("близько 200", 200, "about")]),
    ("майже 200", "uk", [("майже 200", 200, "almost")]),
    ("до 200 осіб", "uk", [("до 200", 200, "up_to")]),
    ("від 100 до 200", "uk", [("100", 100, "exact"), ("200", 200, "exact")]),
    ("более 200", "ru", [("более 200", 200, "over")]),
    ("свыше двухсот", "ru", [("свыше двухсот", 200, "over")]),
    ("больше 200", "ru", [("больше 200", 200, "over")]),
    ("не менее 200", "ru", [("не менее 200", 200, "at_least")]),
    ("по меньшей мере 200", "ru", [("по меньшей мере 200", 200, "at_least")]),
    ("около 200", "ru", [("около 200", 200, "about")]),
    ("порядка 200", "ru", [("порядка 200", 200, "about")]),
    ("примерно 200", "ru", [("примерно 200", 200, "about")]),
    ("почти 200", "ru", [("почти 200", 200, "almost")]),
    ("more than 200", "en", [("more than 200", 200, "over")]),
    ("over 200", "en", [("over 200", 200, "over")]),
    ("at least 1,200", "en", [("at least 1,200", 1200, "at_least")]),
    ("about 200", "en", [("about 200", 200, "about")]),
    ("around 200", "en", [("around 200", 200, "about")]),
    ("some 200", "en", [("some 200", 200, "about")]),
    ("approximately 200", "en", [("approximately 200", 200, "about")]),
    ("nearly 200", "en", [("nearly 200", 200, "almost")]),
    ("up to 200", "en", [("up to 200", 200, "up_to")]),
    ("fewer than 200", "en", [("fewer than 200", 200, "under")]),
    ("less than 200", "en", [("less than 200", 200, "under")]),
    ("under 200", "en", [("under 200", 200, "under")]),
    ("Понад 150", "uk", [("Понад 150", 150, "over")]),
    # several in one text
    ("176 людей, серед них 150 військових", "uk", [("176", 176, "exact"), ("150", 150, "exact")]),
    # exclusions: dates, years, times, units, ordinals, ids, vague words
    ("24.05.2025", "uk", []),
    ("24 травня 2025 року", "uk", []),
    ("23, 24 і 25 травня", "uk", []),
    ("May 23, 24 and 25", "en", []),
    ("у 2025 році", "uk", []),
    ("в 2022 году", "ru", []),
    ("in 2014", "en", []),
    ("2014–2022", "uk", []),
    ("о 10:00", "uk", []),
    ("о 10.30", "uk", []),
    ("36 ОБрМП", "uk", []),
    ("36-та бригада", "uk", []),
    ("36th Brigade", "en", []),
    ("2 батальйони", "uk", []),
    ("в/ч А1234", "uk", []),
    ("5-й", "ru", []),
    ("другий", "uk", []),
    ("second", "en", []),
    ("5th", "en", []),
    ("+380 67 123 45 67", "uk", []),
    ("№ 5", "uk", []),
    ("тисячі людей", "uk", []),
    ("сотні полонених", "uk", []),
    ("thousands of people", "en", []),
    ("dozens", "en", []),
    ("сім'я", "uk", []),
    ("дві тисячі двадцять п'ятого року", "uk", []),
]


@pytest.mark.parametrize(("text", "lang", "expected"), CASES, ids=[f"{c[1]}:{c[0][:40]}" for c in CASES])
def test_find_numbers(text: str, lang: str, expected: list[tuple[str, float, str]]) -> None:
    found = find_numbers(text, lang)
    assert [(m.surface, m.value, m.qualifier) for m in found] == [(s, float(v), q) for s, v, q in expected]
    for m in found:
        assert text[m.start : m.end] == m.surface
        assert m.qualifier in QUALIFIERS


def test_in_order_and_non_overlapping() -> None:
    text = "Повернули понад 150 захисників 24.05.2025, серед них двоє з 36 ОБрМП і близько тисячі тіл."
    found = find_numbers(text, "uk")
    assert [(m.value, m.qualifier) for m in found] == [(150, "over"), (2, "exact"), (1000, "about")]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_fast() -> None:
    text = "Понад 150 захисників, сто вісімдесят троє цивільних і 2,5 тис. тіл повернули 24 травня 2025 року. " * 200
    find_numbers(text[:100], "uk")  # build the vocabulary outside the timing
    t = time.perf_counter()
    assert len(find_numbers(text, "uk")) == 600
    assert time.perf_counter() - t < 2.0
