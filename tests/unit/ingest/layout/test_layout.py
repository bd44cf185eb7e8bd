"""OCR page layout from hand-built tesseract word tables: prose order, ruled and aligned tables, lists.

All names are invented.
"""

from __future__ import annotations

import time

from ingest.layout import OcrLayout, build_ocr_page

H = 30  # word height in px, as for ~9 pt text at 300 dpi
CHAR = 18  # px per character: word widths follow from the text


def _data(words: list[tuple[int, int, int, int, int, str]]) -> dict[str, list]:
    """A pytesseract ``image_to_data`` DICT from (block, par, line, left, top, text) words.

    Words are given in tesseract's output order; the non-word levels are added as tesseract does,
    with empty text, so the code under test must skip them.
    """
    keys = ["level", "page_num", "block_num", "par_num", "line_num", "word_num"]
    keys += ["left", "top", "width", "height", "conf", "text"]
    data: dict[str, list] = {k: [] for k in keys}

    def add(level: int, block: int, par: int, line: int, word: int, box: tuple[int, int, int, int], text: str):
        for k, v in zip(keys, [level, 1, block, par, line, word, *box, 95.0 if level == 5 else -1, text], strict=True):
            data[k].append(v)

    add(1, 0, 0, 0, 0, (0, 0, 2480, 3508), "")
    previous = None
    for n, (block, par, line, left, top, text) in enumerate(words):
        if (block, par, line) != previous:
            add(4, block, par, line, 0, (left, top, 10, H), "")
            previous = (block, par, line)
        add(5, block, par, line, n + 1, (left, top, len(text) * CHAR, H), text)
    return data


def _line(block: int, par: int, line: int, left: int, top: int, text: str) -> list[tuple]:
    """One tesseract line of words separated by a normal space (a third of the text height)."""
    out = []
    x = left
    for token in text.split():
        out.append((block, par, line, x, top, token))
        x += len(token) * CHAR + 10
    return out


def _check_offsets(layout: OcrLayout) -> None:
    for w in layout.words:
        token = layout.text[w.start : w.end]
        assert token and token == token.strip()
    starts = [w.start for w in layout.words]
    assert starts == sorted(starts)
    for table in layout.tables:
        for row in table.rows:
            for cell in row:
                assert cell.start is not None and cell.end is not None
                assert layout.text[cell.start : cell.end] == cell.text


PROSE = [
    "Вчора до редакції звернулася Оксана Гайдук з Харкова.",
    "Вона шукає свого брата, який зник під час обстрілу",
    "міста навесні, і просить усіх, хто мав з ним зв'язок,",
    "повідомити волонтерам або до координаційного штабу.",
]


def _prose_words(block: int, top: int, left: int = 200) -> list[tuple]:
    words = []
    for n, text in enumerate(PROSE):
        words += _line(block, 1, n + 1, left, top + n * 2 * H, text)
    return words


def test_prose_keeps_tesseract_order_and_makes_no_table():
    words = _prose_words(1, 200) + _line(2, 1, 1, 200, 600, "Другий абзац тексту на сторінці.")
    layout = build_ocr_page(_data(words))
    assert layout.tables == []
    assert layout.text == "\n".join(PROSE) + "\n\nДругий абзац тексту на сторінці."
    _check_offsets(layout)


def test_two_prose_columns_are_not_a_table():
    # Newspaper layout: two blocks side by side share a wide gap on every line.
    words = _prose_words(1, 200, left=100) + _prose_words(2, 200, left=1300)
    layout = build_ocr_page(_data(words))
    assert layout.tables == []
    assert layout.text == "\n".join(PROSE) + "\n\n" + "\n".join(PROSE)


def test_empty_page():
    layout = build_ocr_page(_data([]))
    assert (layout.text, layout.words, layout.tables) == ("", [], [])


# --- Ruled table ---------------------------------------------------------------------------

COLS = [150, 260, 1000, 1400, 2000]  # vertical rulings
ROW_H = 80
TOP = 400
RULED_ROWS = [
    ("№", "Прізвище, ім'я, по батькові", "Дата народження", "Місце"),
    ("1.", "Гайдук Степан Іванович", "04.11.1987", "м. Маріуполь"),
    ("2.", "Петренко Олег Миколайович", "12.02.1990", "м. Херсон"),
    ("3.", "Ковальчук Ірина Петрівна", "30.07.1985", "смт Оленівка"),
]


def _ruled_words(rows=RULED_ROWS, skip: set[tuple[int, int]] = frozenset()) -> list[tuple]:
    # Tesseract reads a ruled table column by column, each column its own block.
    words = []
    for c in range(len(rows[0])):
        for r, row in enumerate(rows):
            if (r, c) not in skip:
                words += _line(10 + c, 1, r + 1, COLS[c] + 15, TOP + r * ROW_H + 25, row[c])
    return words


def _rulings(n_rows: int) -> tuple[list, list]:
    bottom = TOP + n_rows * ROW_H
    h = [(COLS[0], TOP + r * ROW_H, COLS[-1], TOP + r * ROW_H) for r in range(n_rows + 1)]
    v = [(x, TOP, x, bottom) for x in COLS]
    return h, v


def test_ruled_table_rows_cells_and_offsets():
    title = _line(1, 1, 1, 200, 200, "Список осіб, які перебувають у полоні")
    footer = _line(20, 1, 1, 200, 900, "Склав: Іван Мороз")
    h, v = _rulings(len(RULED_ROWS))
    layout = build_ocr_page(_data(title + _ruled_words() + footer), h, v)
    expected_rows = "\n".join("\t".join(row) for row in RULED_ROWS)
    assert layout.text == "Список осіб, які перебувають у полоні\n\n" + expected_rows + "\n\nСклав: Іван Мороз"
    _check_offsets(layout)
    [table] = layout.tables
    assert table.method == "ruled"
    assert [[c.text for c in row] for row in table.rows] == [list(r) for r in RULED_ROWS]
    assert table.columns == [[0, 1, 2, 3]] * 4
    assert table.rows[1][1].bbox == (260.0, 480.0, 740.0, 80.0)  # the grid cell, not the words
    assert table.bbox == (150.0, 400.0, 1850.0, 320.0)
    assert table.rows[1][2].conf == 95.0
    # A row is one line of the text: a record can point at one span.
    row = table.rows[2]
    assert layout.text[row[0].start : row[-1].end] == "\t".join(RULED_ROWS[2])


def test_ruled_table_with_duplicate_partial_and_skewed_lines():
    h, v = _rulings(len(RULED_ROWS))
    # Thick rulings found twice, a line found in two pieces, and a faint tilt left by deskew.
    h = [(x0, y0, x1, y1 + 3) for x0, y0, x1, y1 in h] + [(COLS[0], TOP + 3, COLS[-1], TOP + 5)]
    h[2] = (COLS[0], h[2][1], 900, h[2][3])
    h.append((1100, TOP + 2 * ROW_H, COLS[-1], TOP + 2 * ROW_H + 3))
    v = v + [(x + 4, y0, x + 4, y1) for x, y0, _, y1 in v[:2]]
    layout = build_ocr_page(_data(_ruled_words()), h, v)
    [table] = layout.tables
    assert [[c.text for c in row] for row in table.rows] == [list(r) for r in RULED_ROWS]


def test_ruled_table_missing_and_merged_cells():
    rows = [*RULED_ROWS, ("4.", "Бондар Андрій Васильович — дані уточнюються", "", "")]
    h, v = _rulings(len(rows))
    # Row 4 has one merged cell over the last three columns: its inner rulings stop above it.
    last_top = TOP + 4 * ROW_H
    v = [line if line[0] in (COLS[0], COLS[1], COLS[-1]) else (line[0], TOP, line[0], last_top) for line in v]
    skip = {(2, 2)}  # a date left blank
    layout = build_ocr_page(_data(_ruled_words(rows, skip)), h, v)
    _check_offsets(layout)
    [table] = layout.tables
    assert [c.text for c in table.rows[2]] == ["2.", "Петренко Олег Миколайович", "", "м. Херсон"]
    assert "2.\tПетренко Олег Миколайович\t\tм. Херсон" in layout.text
    empty = table.rows[2][2]
    assert empty.start == empty.end and empty.conf is None
    assert [c.text for c in table.rows[4]] == ["4.", "Бондар Андрій Васильович — дані уточнюються"]
    assert table.columns[4] == [0, 1]
    assert table.rows[4][1].bbox == (260.0, 720.0, 1740.0, 80.0)


def test_ruled_multiline_cell_is_one_cell_on_one_text_line():
    rows = [("1.", "Гайдук Степан", "04.11.1987", "м. Маріуполь")]
    words = _ruled_words(rows)
    # The patronymic wrapped to a second line inside the name cell (tesseract: its own line).
    words.insert(2, (11, 1, 2, COLS[1] + 15, TOP + 25 + 35, "Іванович"))
    h = [(COLS[0], TOP, COLS[-1], TOP), (COLS[0], TOP + 110, COLS[-1], TOP + 110)]
    v = [(x, TOP, x, TOP + 110) for x in COLS]
    layout = build_ocr_page(_data(words), h, v)
    assert layout.text == "1.\tГайдук Степан Іванович\t04.11.1987\tм. Маріуполь"
    _check_offsets(layout)


def test_lines_without_a_grid_are_ignored():
    # An underline and a signature line are not a table.
    h = [(200, 300, 900, 300), (200, 800, 700, 800)]
    layout = build_ocr_page(_data(_prose_words(1, 200)), h, [])
    assert layout.tables == []
    assert layout.text == "\n".join(PROSE)


# --- Aligned table and numbered list -------------------------------------------------------

ALIGNED = [
    ("Прізвище", "Дата", "Статус"),
    ("Гайдук Степан Іванович", "04.11.1987", "полон"),
    ("Петренко Олег Миколайович", "12.02.1990", "зник"),
    ("Ковальчук Ірина Петрівна", "30.07.1985", "полон"),
]


def test_aligned_table_from_column_blocks():
    lefts = [200, 900, 1300]
    words = _line(1, 1, 1, 200, 150, "Відомості станом на березень")
    for c, left in enumerate(lefts):
        for r, row in enumerate(ALIGNED):
            words += _line(2 + c, 1, r + 1, left, 300 + r * 70, row[c])
    layout = build_ocr_page(_data(words))
    _check_offsets(layout)
    [table] = layout.tables
    assert table.method == "aligned"
    assert [[c.text for c in row] for row in table.rows] == [list(r) for r in ALIGNED]
    assert layout.text == "Відомості станом на березень\n\n" + "\n".join("\t".join(r) for r in ALIGNED)
    # Aligned cells have no grid: their box is the union of their words.
    assert table.rows[1][1].bbox == (900, 370, 10 * CHAR, H)


ENTRIES = [
    "Гайдук Степан Іванович, 04.11.1987, м. Маріуполь, 36 ОБрМП",
    "Петренко Олег Миколайович, 12.02.1990, м. Херсон",
    "Ковальчук Ірина Петрівна, 30.07.1985, смт Оленівка",
    "Бондар Андрій Васильович, 01.01.1979, м. Київ",
]


def test_numbered_list_numbers_read_as_separate_block_go_back_to_their_lines():
    words = _line(1, 1, 1, 200, 150, "Список осіб:")
    # Tesseract output order: all numbers first (their own block), then the entries.
    for n in range(len(ENTRIES)):
        words.append((2, 1, n + 1, 200, 300 + n * 70, f"{n + 1}."))
    for n, entry in enumerate(ENTRIES):
        words += _line(3, 1, n + 1, 300, 300 + n * 70 + 2, entry)
    words += _line(4, 1, 1, 200, 700, "Усього чотири особи, дані перевіряються волонтерами штабу.")
    layout = build_ocr_page(_data(words))
    _check_offsets(layout)
    assert layout.tables == []
    numbered = "\n".join(f"{n + 1}. {e}" for n, e in enumerate(ENTRIES))
    assert layout.text == (
        "Список осіб:\n\n" + numbered + "\n\nУсього чотири особи, дані перевіряються волонтерами штабу."
    )


def test_numbered_list_wrapped_entry_stays_one_line():
    words = []
    for n in range(3):
        words.append((1, 1, n + 1, 200, 300 + n * 130, f"{n + 1}."))
    for n, entry in enumerate(ENTRIES[:3]):
        words += _line(2, 1, 2 * n + 1, 300, 300 + n * 130, entry)
        words += _line(2, 1, 2 * n + 2, 300, 300 + n * 130 + 60, "(дані уточнюються)")
    layout = build_ocr_page(_data(words))
    lines = layout.text.split("\n")
    assert lines == [f"{n + 1}. {e} (дані уточнюються)" for n, e in enumerate(ENTRIES[:3])]


def test_tall_garbage_words_do_not_break_rows():
    # Tesseract sometimes reads a column of numbers as one tall "word" spanning several lines.
    words = [(1, 1, 1, 200, 300, "РОЮ")]
    for n, entry in enumerate(ENTRIES):
        words += _line(2, 1, n + 1, 320, 300 + n * 70, entry)
    data = _data(words)
    data["height"][2] = 260
    layout = build_ocr_page(data)
    assert layout.text == "РОЮ\n\n" + "\n".join(ENTRIES)
    _check_offsets(layout)


def test_deterministic_and_fast():
    h, v = _rulings(30)
    rows = [(f"{n}.", f"Прізвище{n} Ім'я По-батькові", "01.01.1990", "м. Київ") for n in range(1, 31)]
    rows = [RULED_ROWS[0], *rows[:29]]
    data = _data(_prose_words(1, 100) + _ruled_words(rows) + _prose_words(50, 3000))
    first = build_ocr_page(data, h, v)
    started = time.perf_counter()
    for _ in range(10):
        again = build_ocr_page(data, h, v)
    elapsed = (time.perf_counter() - started) / 10
    assert again == first
    assert len(first.tables) == 1 and len(first.tables[0].rows) == 30
    assert elapsed < 0.05
