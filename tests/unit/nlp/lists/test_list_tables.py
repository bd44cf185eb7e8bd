"""Tables of people → ListRow: uk/ru/en headers, tables without a header read by the shape of their values,
OCR-damaged cells, a status column, tables beside the page text, odd tables.

Every name here is invented.
"""

from __future__ import annotations

import time

import pytest

from crosscheck.records.pages import Cell, Page, Table
from nlp.lists import extract_list, listed_person_key
from tests.unit.nlp.lists.list_pages import COL_WIDTH, ROW_HEIGHT, records, table_page


# --- tables with headers -----------------------------------------------------------------------------
def test_ukrainian_table_with_header_and_title() -> None:
    page = table_page(
        [
            ["№ з/п", "Прізвище, ім'я, по батькові", "Дата народження", "Військове звання", "Військова частина"],
            ["1", "Гайдук Степан Іванович", "04.11.1987", "солдат", "36 ОБрМП"],
            ["2", "Петренко Олена Миколаївна", "12.03.1990", "старший лейтенант", "в/ч А0000"],
        ],
        title="Список осіб, звільнених з полону 24.05.2025",
    )
    info, recs = records([page])
    assert info is not None
    assert (info.status, info.status_date, info.page, info.start) == ("released", "2025-05-24", 1, 0)
    assert info.title == "Список осіб, звільнених з полону 24.05.2025"
    assert [r.name for r in recs] == ["Гайдук Степан Іванович", "Петренко Олена Миколаївна"]
    first, second = recs
    assert (first.row, second.row) == (1, 2)
    assert first.birth_date == "1987-11-04"
    assert first.rank == "солдат" and second.rank == "старший лейтенант"
    assert first.unit == "36 ОБрМП" and first.unit_key == "36 marine brigade"
    assert second.unit_key == "military unit A0000"
    assert first.method == "table:ruled"
    assert first.status == "released" and first.status_date == "2025-05-24"
    assert page.text[first.start : first.end].startswith("1\tГайдук")
    assert page.text[first.name_start : first.name_end] == "Гайдук Степан Іванович"
    assert first.bbox == (0.0, 140.0, 4 * COL_WIDTH + COL_WIDTH - 10, ROW_HEIGHT - 5)
    assert first.raw == "1 | Гайдук Степан Іванович | 04.11.1987 | солдат | 36 ОБрМП"
    assert first.confidence == pytest.approx(0.9)
    assert first.key == listed_person_key("Гайдук Степан Іванович", "1987-11-04", "uk")


def test_russian_table_separate_name_columns() -> None:
    page = table_page(
        [
            ["№ п/п", "Фамилия", "Имя", "Отчество", "Год рождения", "Воинское звание", "Подразделение"],
            ["1", "Соколенко", "Аркадий", "Петрович", "1979", "младший сержант", "93 ОМБр"],
            ["2", "Дорошук", "Ирина", "Васильевна", "1985 г.р.", "рядовой", "1 ОБрОП НГУ"],
        ]
    )
    info, recs = records([page], "ru")
    assert info is None
    assert [r.name for r in recs] == ["Соколенко Аркадий Петрович", "Дорошук Ирина Васильевна"]
    assert [r.birth_date for r in recs] == ["1979", "1985"]
    assert recs[0].rank == "младший сержант"
    assert recs[0].unit_key == "93 mechanized brigade"
    assert recs[1].unit_key == "1 operational brigade"
    assert page.text[recs[0].name_start : recs[0].name_end] == "Соколенко\tАркадий\tПетрович"
    assert recs[0].key.endswith("|1979")
    assert recs[0].status is None


def test_subheader_under_pib_and_column_numbers() -> None:
    page = table_page(
        [
            ["№", "ПІБ", "", "", "Д.н."],
            ["", "Прізвище", "Ім’я", "По батькові", ""],
            ["1", "2", "3", "4", "5"],
            ["1", "Мирошник", "Віталій", "Андрійович", "01.02.1995"],
        ]
    )
    _, recs = records([page])
    assert [(r.name, r.birth_date) for r in recs] == [("Мирошник Віталій Андрійович", "1995-02-01")]


@pytest.mark.parametrize(
    "header",
    ["П.І.Б.", "ПІБ", "Прізвище / Ім'я / По батькові", "Прізвнще, ім'я, по батькові", "Фамилия Имя Отчество", "Ф.И.О."],
)
def test_name_header_variants(header: str) -> None:
    page = table_page([["№", header, "Дата нарождения"], ["1", "Гайдук Степан Іванович", "04.11.1987"]])
    _, recs = records([page])
    assert [(r.name, r.birth_date) for r in recs] == [("Гайдук Степан Іванович", "1987-11-04")]


def test_english_table() -> None:
    page = table_page(
        [
            ["No.", "Full name", "DOB", "Rank", "Unit", "Status"],
            ["1", "Taras Hordiienko", "1990-07-15", "sergeant", "36th Separate Marine Brigade", "released"],
        ],
        title="List of persons released from captivity on 24 May 2025",
    )
    info, recs = records([page], "en")
    assert info is not None and (info.status, info.status_date) == ("released", "2025-05-24")
    assert len(recs) == 1
    rec = recs[0]
    assert (rec.name, rec.birth_date, rec.rank, rec.unit_key) == (
        "Taras Hordiienko",
        "1990-07-15",
        "sergeant",
        "36 marine brigade",
    )
    assert rec.status == "released"


# --- no header: value shapes -------------------------------------------------------------------------
def test_table_without_header_by_value_shapes() -> None:
    page = table_page(
        [
            ["1", "Гайдук Степан Іванович", "солдат", "04.11.1987", "36 ОБрМП"],
            ["2", "Коваленко Ярема Богданович", "молодший сержант", "3.2.1999", "93 ОМБр"],
            ["3", "Левченко Оксана Петрівна", "старший матрос", "1992 р.н.", "в/ч А1234"],
        ],
        method="aligned",
    )
    _, recs = records([page])
    assert [r.name for r in recs] == [
        "Гайдук Степан Іванович",
        "Коваленко Ярема Богданович",
        "Левченко Оксана Петрівна",
    ]
    assert [r.birth_date for r in recs] == ["1987-11-04", "1999-02-03", "1992"]
    assert [r.rank for r in recs] == ["солдат", "молодший сержант", "старший матрос"]
    assert [r.unit_key for r in recs] == ["36 marine brigade", "93 mechanized brigade", "military unit A1234"]
    assert {r.method for r in recs} == {"table:aligned"}


def test_name_cell_with_rank_and_date() -> None:
    page = table_page([["№", "ПІБ"], ["1", "солдат Гайдук Степан Іванович, 04.11.1987"]])
    _, recs = records([page])
    assert [(r.name, r.rank, r.birth_date) for r in recs] == [("Гайдук Степан Іванович", "солдат", "1987-11-04")]
    assert page.text[recs[0].name_start : recs[0].name_end] == "Гайдук Степан Іванович"


# --- OCR damage --------------------------------------------------------------------------------------
def test_ocr_damaged_table() -> None:
    page = table_page(
        [
            ["№", "ПIБ", "Дата нар0дження", "Звaння", "В/ч"],  # Latin I and a in headers, 0 for о
            ["1", "Бoйкo Тарас Олегович", "O4.11.1987", "coлдат", "36 ОБРМП"],
            ["2", "Федоров Петро Миколайович", "12.О3.1990 р.", "матрос", "36 OБpМП"],
            ["3", "3аїка Роман Іванович", "1б.05.1991", "солдат", "1 ОБр TpO"],
            ["4", "їжакевич Тарас Юрійович", "01.02.1996", "солдат", "в/ч A4680"],  # Ї read lower case
        ],
        conf=88.0,
    )
    _, recs = records([page])
    assert [r.name for r in recs] == [
        "Бойко Тарас Олегович",
        "Федоров Петро Миколайович",
        "Заїка Роман Іванович",
        "Їжакевич Тарас Юрійович",
    ]
    assert [r.name_raw for r in recs][:3] == [
        "Бoйкo Тарас Олегович",
        "Федоров Петро Миколайович",
        "3аїка Роман Іванович",
    ]
    assert [r.birth_date for r in recs] == ["1987-11-04", "1990-03-12", "1991-05-16", "1996-02-01"]
    assert [r.unit_key for r in recs] == [
        "36 marine brigade",
        "36 marine brigade",
        "1 territorial defense brigade",
        "military unit A4680",
    ]
    assert recs[0].rank == "солдат"
    assert any(x.startswith("name: Бoйкo→Бойко") for x in recs[0].repairs)
    assert "date: O4.11.1987→04.11.1987" in recs[0].repairs
    assert any(x.startswith("name: 3аїка→Заїка") for x in recs[2].repairs)
    assert recs[0].confidence < 0.88
    assert "rank: coлдат→солдат" in recs[0].repairs
    # the repaired name keys like the clean one
    assert recs[0].key == listed_person_key("Бойко Тарас Олегович", "1987-11-04", "uk")


# --- status column -----------------------------------------------------------------------------------
def test_status_column_overrides_title() -> None:
    page = table_page(
        [
            ["№", "ПІБ", "Дата народження", "Статус"],
            ["1", "Гайдук Степан Іванович", "04.11.1987", "звільнений"],
            ["2", "Петренко Олена Миколаївна", "12.03.1990", "утримується"],
            ["3", "Коваленко Ярема Богданович", "03.02.1999", "зник безвісти"],
            ["4", "Левченко Тарас Петрович", "01.01.1980", "загинув 12.04.2024"],
            ["5", "Мирошник Віталій Андрійович", "01.02.1995", ""],
        ],
        title="Перелік військовослужбовців, повернутих з полону 5 лютого 2025 року",
    )
    info, recs = records([page])
    assert info is not None and (info.status, info.status_date) == ("released", "2025-02-05")
    assert [(r.status, r.status_date) for r in recs] == [
        ("released", "2025-02-05"),
        ("held", None),
        ("missing", None),
        ("killed", "2024-04-12"),
        ("released", "2025-02-05"),
    ]


# --- tables and the page text ------------------------------------------------------------------------
def test_table_rows_not_repeated_as_numbered_lines() -> None:
    page = table_page([["№", "ПІБ", "Д.н."], ["1.", "Гайдук Степан Іванович", "04.11.1987"]])
    _, recs = records([page])
    assert len(recs) == 1 and recs[0].method == "table:ruled"


def test_cells_without_offsets_are_located_in_the_text() -> None:
    page = table_page(
        [["№", "ПІБ", "Д.н."], ["1", "Гайдук Степан Іванович", "04.11.1987"]], offsets=False, method="pdfplumber"
    )
    _, recs = records([page])
    assert page.text[recs[0].name_start : recs[0].name_end] == "Гайдук Степан Іванович"
    assert recs[0].method == "table:pdfplumber"


def test_title_row_inside_a_text_layer_table_and_no_duplicate_lines() -> None:
    text = "Список загиблих\n№ ПІБ Дата народження\n1. Гайдук Степан Іванович 04.11.1987\n"
    cells = [
        [Cell("Список загиблих", None, None, (0.0, 0.0, 400.0, 20.0))],
        [Cell("№", None, None, None), Cell("ПІБ", None, None, None), Cell("Дата народження", None, None, None)],
        [
            Cell("1.", None, None, None),
            Cell("Гайдук Степан Іванович", None, None, None),
            Cell("04.11.1987", None, None, None),
        ],
    ]
    page = Page(number=1, text=text, method="text-layer", tables=[Table(cells, "pdfplumber")], bbox_unit="pt")
    info, recs = records([page])
    assert info is not None and info.status == "killed"
    assert [(r.name, r.method, r.status) for r in recs] == [("Гайдук Степан Іванович", "table:pdfplumber", "killed")]


# --- odd input ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "rows",
    [
        [],
        [[]],
        [["№", "ПІБ", "Дата народження"]],  # header only
        [["Гайдук Степан Іванович"]],  # one column, one row
        [["", ""], ["", ""]],
        [["1"], ["2"]],
        [["Примітка"], ["немає"]],
    ],
)
def test_odd_tables_give_no_records(rows: list[list[str]]) -> None:
    page = table_page(rows) if rows else Page(number=1, text="", method="ocr", tables=[Table([], "ruled")])
    info, recs = records([page])
    assert recs == [] and info is None


def test_odd_pages_never_raise() -> None:
    pages = [
        Page(number=1, text="", method="empty"),
        Page(number=2, text="\n\n\t\n1.\n2)\n№\n", method="text-layer"),
        Page(number=3, text="1. Гайдук", method="text-layer", tables=[Table([[Cell("x", 5, 999, None)]], "ruled")]),
    ]
    info, recs = extract_list(pages, ["und"])  # fewer languages than pages
    assert recs == []


def test_thirty_row_page_is_fast() -> None:
    given = ["Степан", "Олена", "Тарас", "Ярема", "Оксана", "Віталій"]
    rows = [["№", "ПІБ", "Дата народження", "Звання", "В/ч"]]
    for i in range(30):
        rows.append(
            [str(i + 1), f"Гайдученко {given[i % 6]} Іванович", f"{i % 28 + 1:02d}.11.1987", "солдат", "36 ОБрМП"]
        )
    page = table_page(rows)
    records([page])  # dictionaries loaded, caches warm for the vocabulary
    rows = [r[:1] + [r[1].replace("Гайдученко", "Мирошниченко")] + r[2:] for r in rows]
    page = table_page(rows)
    start = time.perf_counter()
    _, recs = records([page])
    elapsed = time.perf_counter() - start
    assert len(recs) == 30
    assert elapsed < 0.25
