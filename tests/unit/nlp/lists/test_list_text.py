"""List titles (status and date, from the vocabulary in the models dir) and numbered lists of people in running
text → ListRow.

Every name here is invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosscheck.records.pages import Page, WordBox
from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.lists import extract_list
from tests.unit.nlp.lists.list_pages import records, table_page


# --- titles ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("title", "status", "when"),
    [
        ("Список осіб, звільнених з полону 24.05.2025", "released", "2025-05-24"),
        ("Перелік військовослужбовців, повернутих з полону 5 лютого 2025 року", "released", "2025-02-05"),
        ("Список освобожденных из плена 24.05.2025", "released", "2025-05-24"),
        ("СПИСОК освобождённых из плена 24 мая 2025 г.", "released", "2025-05-24"),
        ("List of persons released from captivity on 24 May 2025", "released", "2025-05-24"),
        ("List of prisoners exchanged on May 24, 2025", "exchanged", "2025-05-24"),
        ("Список зниклих безвісти станом на 01.06.2025", "missing", "2025-06-01"),
        ("Список загиблих", "killed", None),
        ("Перелік осіб, які утримуються в полоні", "held", None),
        ("Список затриманих 3 березня 2024 року", "detained", "2024-03-03"),
    ],
)
def test_titles(title: str, status: str, when: str | None) -> None:
    page = Page(number=1, text=f"{title}\n1. Гайдук Степан Іванович, 04.11.1987\n", method="text-layer")
    info, recs = records([page])
    assert info is not None
    assert (info.title, info.status, info.status_date) == (title, status, when)
    assert recs[0].status == status and recs[0].status_date == when


def test_title_over_two_lines() -> None:
    page = Page(
        number=1,
        text="СПИСОК\nосіб, звільнених з полону 24.05.2025\n1. Гайдук Степан Іванович, 04.11.1987\n",
        method="text-layer",
    )
    info, _ = records([page])
    assert info is not None and (info.status, info.status_date) == ("released", "2025-05-24")
    assert info.title == "СПИСОК осіб, звільнених з полону 24.05.2025"
    assert (info.start, info.end) == (0, page.text.index("\n1."))


def test_vocabulary_comes_from_models_dir(tmp_path: Path) -> None:
    """The status phrases (and every other table) are read from the ``models_dir`` given, not from the package."""
    for entry in DEFAULT_MODELS_DIR.iterdir():
        if entry.name != "statuses.json":
            (tmp_path / entry.name).symlink_to(entry)
    statuses = json.loads((DEFAULT_MODELS_DIR / "statuses.json").read_text(encoding="utf-8"))
    statuses["list_titles"]["killed"].append("вшанован*")
    (tmp_path / "statuses.json").write_text(json.dumps(statuses, ensure_ascii=False), encoding="utf-8")
    text = "Список осіб, вшанованих 24.05.2025\n1. Гайдук Степан Іванович, 04.11.1987\n"
    pages = [Page(number=1, text=text, method="text-layer")]
    default_info, _ = extract_list(pages, ["uk"])
    info, recs = extract_list(pages, ["uk"], tmp_path)
    assert default_info is not None and default_info.status is None
    assert info is not None and (info.status, info.status_date) == ("killed", "2025-05-24")
    assert [(r.name, r.status) for r in recs] == [("Гайдук Степан Іванович", "killed")]


# --- numbered lists in text --------------------------------------------------------------------------
def test_numbered_list_lines() -> None:
    text = (
        "Список осіб, звільнених з полону 24.05.2025\n"
        "1. Гайдук Степан Іванович, 04.11.1987, солдат, 36 ОБрМП\n"
        "2) Петренко Олена Миколаївна 12.03.1990 р.н.\n"
        "3.\tКоваленко Ярема Богданович\t03.02.1999\tмолодший сержант\t93 ОМБр\n"
        "4. старший лейтенант Левченко Тарас Петрович, 1980 р.н., в/ч А0000,\n"
        "   загинув\n"
    )
    page = Page(number=2, text=text, method="text-layer")
    info, recs = records([page])
    assert info is not None and info.page == 2
    assert [r.name for r in recs] == [
        "Гайдук Степан Іванович",
        "Петренко Олена Миколаївна",
        "Коваленко Ярема Богданович",
        "Левченко Тарас Петрович",
    ]
    assert [r.row for r in recs] == [1, 2, 3, 4]
    assert [r.birth_date for r in recs] == ["1987-11-04", "1990-03-12", "1999-02-03", "1980"]
    assert [r.rank for r in recs] == ["солдат", None, "молодший сержант", "старший лейтенант"]
    assert [r.unit_key for r in recs] == ["36 marine brigade", None, "93 mechanized brigade", "military unit A0000"]
    assert [r.status for r in recs] == ["released", "released", "released", "killed"]
    assert {r.method for r in recs} == {"numbered-list"}
    assert all(r.bbox is None for r in recs)
    first = recs[0]
    assert page.text[first.start : first.end] == "1. Гайдук Степан Іванович, 04.11.1987, солдат, 36 ОБрМП"
    assert page.text[first.name_start : first.name_end] == "Гайдук Степан Іванович"
    assert page.text[recs[3].start : recs[3].end].endswith("загинув")


def test_numbered_list_of_non_people_gives_nothing() -> None:
    text = (
        "Підсумки тижня\n"
        "1. Обмін відбувся у Стамбулі 24.05.2025.\n"
        "2. Збройні Сили України повернули 95 військових.\n"
        "3) Харківська область, 12.03.2024\n"
        "4. Маріуполь Азовсталь 16.05.2022\n"
        "5. Міністерство оборони повідомило про втрати.\n"
    )
    info, recs = records([Page(number=1, text=text, method="text-layer")])
    assert info is None
    assert recs == []


def test_ocr_numbered_line_bbox_and_confidence_from_words() -> None:
    text = "1. Гайдук Степан Іванович, 04.11.1987\n"
    words = []
    for i, m in enumerate(__import__("re").finditer(r"\S+", text)):
        words.append(WordBox(m.start(), m.end(), 50 + 100 * i, 200, 90, 30, 80.0))
    page = Page(number=1, text=text, method="ocr", words=words, bbox_unit="px")
    _, recs = records([page])
    assert recs[0].bbox == (50.0, 200.0, 490.0, 30.0)
    assert recs[0].confidence == pytest.approx(0.8)


def test_rows_numbered_across_pages_in_reading_order() -> None:
    p1 = table_page([["№", "ПІБ", "Д.н."], ["1", "Гайдук Степан Іванович", "04.11.1987"]], number=1)
    p2 = Page(number=2, text="2. Петренко Олена Миколаївна, 12.03.1990\n", method="text-layer")
    _, recs = extract_list([p1, p2], ["uk", "uk"])
    assert [(r.page, r.row) for r in recs] == [(1, 1), (2, 2)]


def test_lines_whose_number_ocr_lost() -> None:
    text = "м . Гаєвський Роман Олегович, 03.07.1984, старший сержант, в/ч А4847\n"
    text += ": . Шевчук Віталій Ярославович, 24.11.1963\n"
    text += "Сьогодні Гайдук Степан повернувся додому.\n"
    _, recs = records([Page(number=1, text=text, method="ocr")])
    assert [(r.name, r.birth_date) for r in recs] == [
        ("Гаєвський Роман Олегович", "1984-07-03"),
        ("Шевчук Віталій Ярославович", "1963-11-24"),
    ]
