"""Date expressions in uk/ru/en resolved against the document date: numeric, written, lists, ranges, relative."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.claims.dates import find_dates

REF = date(2025, 5, 26)  # a Monday

# (text, lang, reference, expected [(surface, dates, relative)])
CASES: list[tuple[str, str, date | None, list[tuple[str, tuple[str, ...], bool]]]] = [
    # numeric
    ("24.05.2025", "uk", REF, [("24.05.2025", ("2025-05-24",), False)]),
    ("24.05.25", "ru", REF, [("24.05.25", ("2025-05-24",), False)]),
    ("обмін 24.05", "uk", REF, [("24.05", ("2025-05-24",), False)]),
    ("24.05.2025 р.", "uk", REF, [("24.05.2025 р.", ("2025-05-24",), False)]),
    ("24/05/2025", "uk", REF, [("24/05/2025", ("2025-05-24",), False)]),
    ("05/24/2025", "en", REF, [("05/24/2025", ("2025-05-24",), False)]),
    ("31.02.2025", "uk", REF, []),
    ("2.5 тис.", "uk", REF, []),
    ("о 10.30", "uk", REF, []),
    # written, uk/ru/en
    ("5 лютого 2025 року", "uk", REF, [("5 лютого 2025 року", ("2025-02-05",), False)]),
    ("25 мая", "ru", REF, [("25 мая", ("2025-05-25",), False)]),
    ("24 мая 2025 г.", "ru", REF, [("24 мая 2025 г.", ("2025-05-24",), False)]),
    ("25-го травня", "uk", REF, [("25-го травня", ("2025-05-25",), False)]),
    ("February 5", "en", REF, [("February 5", ("2025-02-05",), False)]),
    ("February 5, 2024", "en", REF, [("February 5, 2024", ("2024-02-05",), False)]),
    ("5 February 2025", "en", REF, [("5 February 2025", ("2025-02-05",), False)]),
    ("on 5 Feb", "en", REF, [("5 Feb", ("2025-02-05",), False)]),
    ("the 5th of May", "en", REF, [("5th of May", ("2025-05-05",), False)]),
    ("you may 5 times", "en", REF, []),
    # year missing: the previous year when the day would follow the reference
    ("25 грудня", "uk", REF, [("25 грудня", ("2024-12-25",), False)]),
    ("27 мая", "ru", REF, [("27 мая", ("2024-05-27",), False)]),
    ("26 травня", "uk", REF, [("26 травня", ("2025-05-26",), False)]),
    ("29 лютого", "uk", REF, [("29 лютого", ("2024-02-29",), False)]),
    # lists and ranges
    ("23, 24 і 25 травня", "uk", REF, [("23, 24 і 25 травня", ("2025-05-23", "2025-05-24", "2025-05-25"), False)]),
    ("23, 24 и 25 мая", "ru", REF, [("23, 24 и 25 мая", ("2025-05-23", "2025-05-24", "2025-05-25"), False)]),
    ("May 23, 24 and 25", "en", REF, [("May 23, 24 and 25", ("2025-05-23", "2025-05-24", "2025-05-25"), False)]),
    ("23 та 25 травня 2024 року", "uk", REF, [("23 та 25 травня 2024 року", ("2024-05-23", "2024-05-25"), False)]),
    ("з 23 по 25 травня", "uk", REF, [("з 23 по 25 травня", ("2025-05-23", "2025-05-24", "2025-05-25"), False)]),
    ("с 23 по 25 мая", "ru", REF, [("с 23 по 25 мая", ("2025-05-23", "2025-05-24", "2025-05-25"), False)]),
    ("23–25 травня", "uk", REF, [("23–25 травня", ("2025-05-23", "2025-05-24", "2025-05-25"), False)]),
    (
        "з 30 квітня по 2 травня",
        "uk",
        REF,
        [("з 30 квітня по 2 травня", ("2025-04-30", "2025-05-01", "2025-05-02"), False)],
    ),
    (
        "between 23 and 25 May",
        "en",
        REF,
        [("between 23 and 25 May", ("2025-05-23", "2025-05-24", "2025-05-25"), False)],
    ),
    (
        "з 30 грудня по 2 січня",
        "uk",
        date(2025, 1, 5),
        [("з 30 грудня по 2 січня", ("2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02"), False)],
    ),
    # relative
    ("вчора", "uk", REF, [("вчора", ("2025-05-25",), True)]),
    ("Учора", "uk", REF, [("Учора", ("2025-05-25",), True)]),
    ("сьогодні", "uk", REF, [("сьогодні", ("2025-05-26",), True)]),
    ("позавчора", "uk", REF, [("позавчора", ("2025-05-24",), True)]),
    ("вчера", "ru", REF, [("вчера", ("2025-05-25",), True)]),
    ("сегодня", "ru", REF, [("сегодня", ("2025-05-26",), True)]),
    ("yesterday", "en", REF, [("yesterday", ("2025-05-25",), True)]),
    ("today", "en", REF, [("today", ("2025-05-26",), True)]),
    ("вчора", "uk", date(2025, 3, 1), [("вчора", ("2025-02-28",), True)]),
    ("минулого тижня", "uk", REF, []),
    # weekdays: the latest such day on or before the reference
    ("у п'ятницю", "uk", REF, [("у п'ятницю", ("2025-05-23",), True)]),
    ("в пятницу", "ru", REF, [("в пятницу", ("2025-05-23",), True)]),
    ("on Friday", "en", REF, [("on Friday", ("2025-05-23",), True)]),
    ("во вторник", "ru", REF, [("во вторник", ("2025-05-20",), True)]),
    ("у понеділок", "uk", REF, [("у понеділок", ("2025-05-26",), True)]),
    ("last Monday", "en", REF, [("last Monday", ("2025-05-19",), True)]),
    ("минулої п'ятниці", "uk", REF, [("минулої п'ятниці", ("2025-05-23",), True)]),
    ("у п'ятницю", "uk", date(2025, 1, 2), [("у п'ятницю", ("2024-12-27",), True)]),
    ("в понедельник", "ru", date(2025, 3, 1), [("в понедельник", ("2025-02-24",), True)]),
    ("on Sunday", "en", date(2025, 1, 1), [("on Sunday", ("2024-12-29",), True)]),
    # no reference: only dates with a year
    ("вчора, 24.05.2025 і 25 травня", "uk", None, [("24.05.2025", ("2025-05-24",), False)]),
    ("у п'ятницю", "uk", None, []),
    # several in order
    (
        "Вчора, 25 травня, повернули 150 захисників; попередній обмін був 19.04.2025.",
        "uk",
        REF,
        [
            ("Вчора", ("2025-05-25",), True),
            ("25 травня", ("2025-05-25",), False),
            ("19.04.2025", ("2025-04-19",), False),
        ],
    ),
]


@pytest.mark.parametrize(("text", "lang", "ref", "expected"), CASES, ids=[f"{c[1]}:{c[0][:40]}" for c in CASES])
def test_find_dates(text: str, lang: str, ref: date | None, expected: list[tuple[str, tuple[str, ...], bool]]) -> None:
    found = find_dates(text, lang, ref)
    assert [(m.surface, m.dates, m.relative) for m in found] == expected
    for m in found:
        assert text[m.start : m.end] == m.surface


def test_year_less_list_takes_one_year_for_the_whole_list() -> None:
    (m,) = find_dates("23, 24 і 25 травня", "uk", date(2025, 5, 24))
    assert m.dates == ("2025-05-23", "2025-05-24", "2025-05-25")
    (m,) = find_dates("23, 24 і 25 травня", "uk", date(2025, 5, 22))
    assert m.dates == ("2024-05-23", "2024-05-24", "2024-05-25")
    (m,) = find_dates("25 грудня", "uk", date(2025, 1, 3))
    assert m.dates == ("2024-12-25",)


def test_day_words_come_from_the_models_dir_given(tmp_path: Path) -> None:
    """CROSSCHECK_MODELS_DIR reaches the date vocabulary: a relative day added to a copy is read there only."""
    for name in ("claims/days.json", "lists/months.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DEFAULT_MODELS_DIR / name, tmp_path / name)
    path = tmp_path / "claims" / "days.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["relative"]["третього дня"] = -3
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    text = "Третього дня їх звільнили."
    assert find_dates(text, "uk", REF) == []
    assert [m.dates for m in find_dates(text, "uk", REF, tmp_path)] == [("2025-05-23",)]
