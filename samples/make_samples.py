"""Regenerate the binary demo documents in samples/: statement-uk.pdf, briefing-en.docx, list-scan-uk.png.

Run from anywhere: ``.venv/bin/python samples/make_samples.py [OUT_DIR]`` (default: this folder).
The output is byte-identical on every run with the same library versions: fixed metadata
dates, reportlab's invariant mode, fixed zip timestamps and a seeded noise generator. The text
samples (exchange-uk.html, exchange-ru.txt, exchange-en.md) are written by hand and not touched.

All people are invented; see samples/README.md for the story every file tells.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

# Run as a script, so put the repository root on sys.path to share the renderer with the tests.
REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.fixtures.factory import (  # noqa: E402
    draw_text_page,
    new_canvas,
    register_pdf_fonts,
    render_scan,
    save_docx,
    save_scan,
    wrap_text,
)

KYIV = timezone(timedelta(hours=2))  # EET; the exchange falls before the March DST change
STATEMENT_TIME = datetime(2025, 3, 14, 15, 0, tzinfo=KYIV)
BRIEFING_TIME = datetime(2025, 3, 15, 9, 30)  # naive = UTC, as DOCX core properties store it

# The seven released people every sample agrees on (Ukrainian official order: surname first).
# (surname name patronymic, born, short unit, Latin name, Latin unit, where/when captured)
PEOPLE: list[tuple[str, str, str, str, str, str]] = [
    ("Ковальчук Тарас Іванович", "12.05.1991", "36 ОБрМП", "Taras Kovalchuk", "36th Separate Marine Brigade",
     "Mariupol, April 2022"),
    ("Гнатюк Андрій Миколайович", "03.11.1987", "36 ОБрМП", "Andrii Hnatiuk", "36th Separate Marine Brigade",
     "Mariupol (Azovstal), May 2022"),
    ("Бондар Ірина Олексіївна", "27.02.1995", "36 ОБрМП", "Iryna Bondar", "36th Separate Marine Brigade",
     "Mariupol (Azovstal), May 2022"),
    ("Савчук Олег Петрович", "19.08.1983", "209 ОБ ТрО", "Oleh Savchuk",
     "209th Separate Territorial Defence Battalion", "Kharkiv region, July 2024"),
    ("Мельничук Богдан Васильович", "30.01.1990", "209 ОБ ТрО", "Bohdan Melnychuk",
     "209th Separate Territorial Defence Battalion", "Kharkiv region, July 2024"),
    ("Кравець Юрій Степанович", "08.07.1979", "36 ОБрМП", "Yurii Kravets", "36th Separate Marine Brigade",
     "Mariupol, April 2022"),
    ("Дорошенко Максим Ігорович", "15.04.1998", "209 ОБ ТрО", "Maksym Doroshenko",
     "209th Separate Territorial Defence Battalion", "Kharkiv region, August 2024"),
]  # fmt: skip

HEADQUARTERS = "Координаційний штаб з питань поводження з військовополоненими"

STATEMENT_PAGE_1 = [
    "# " + HEADQUARTERS.upper(),
    "",
    "# ПОВІДОМЛЕННЯ № 27/03 від 14.03.2025",
    "# Про повернення громадян України з полону",
    "",
    "14 березня 2025 року в результаті обміну, досягнутого за посередництва Об'єднаних Арабських "
    "Еміратів, з російського полону повернуто 150 громадян України.",
    "",
    "Серед звільнених 142 військовослужбовці та 8 цивільних осіб. Військовослужбовці представляють: "
    "Збройні сили України — 109 осіб, Національну гвардію України — 22 особи, Державну "
    "прикордонну службу України — 11 осіб.",
    "",
    "37 звільнених є захисниками Маріуполя, з них 19 брали участь в обороні заводу «Азовсталь». "
    "Частину з них утримували у виправній колонії в Оленівці.",
    "",
    "Зокрема, повернуто військовослужбовців 36-ї окремої бригади морської піхоти Тараса Ковальчука, "
    "Андрія Гнатюка та Ірину Бондар, а також Олега Савчука з 209-го окремого батальйону "
    "територіальної оборони.",
    "",
    "Усіх звільнених доправлено до закладів охорони здоров'я у Харкові для обстеження та "
    "реабілітації. Родинам, чиї близькі залишаються в полоні, рекомендуємо звертатися на гарячу "
    "лінію Координаційного штабу.",
    "",
    "Витяг зі списку звільнених осіб наведено в додатку (сторінка 2).",
    "",
    "Речниця Координаційного штабу Наталія Гордієнко",
]


def _footer(c, page: int, pages: int) -> None:
    from reportlab.lib.pagesizes import A4

    regular, _ = register_pdf_fonts()
    c.setFont(regular, 8)
    c.drawCentredString(A4[0] / 2, 28, f"Сторінка {page} з {pages}")


def make_statement(path: Path) -> Path:
    """Two pages: the statement as running text, then a ruled table (an annex of names)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth

    regular, bold = register_pdf_fonts()
    c = new_canvas(
        path,
        title="Повідомлення № 27/03 від 14.03.2025",
        author=HEADQUARTERS,
        created=STATEMENT_TIME,
    )
    draw_text_page(c, STATEMENT_PAGE_1, end_page=False)
    _footer(c, 1, 2)
    c.showPage()

    # Page 2: a ruled table, the shape pdfplumber's table extraction is built for.
    c.setFont(bold, 13)
    c.drawString(56, A4[1] - 70, "Додаток до повідомлення № 27/03 від 14.03.2025")
    c.setFont(regular, 11)
    c.drawString(56, A4[1] - 90, "Список звільнених осіб (витяг)")
    columns = [("№", 30), ("Прізвище, ім'я, по батькові", 230), ("Дата народження", 110), ("Підрозділ", 113)]
    rows = [("№", *[name for name, _ in columns[1:]])]
    rows += [(str(i), person[0], person[1], person[2]) for i, person in enumerate(PEOPLE, start=1)]
    left, top, row_h = 56.0, A4[1] - 110, 22.0
    xs = [left]
    for _, width in columns:
        xs.append(xs[-1] + width)
    for r, row in enumerate(rows):
        y = top - (r + 1) * row_h
        font = bold if r == 0 else regular
        for (cell, x), (_, width) in zip(zip(row, xs, strict=False), columns, strict=True):
            size = 10.0
            while stringWidth(cell, font, size) > width - 8 and size > 6:
                size -= 0.5  # header cells are long; shrink rather than overflow the ruling
            c.setFont(font, size)
            c.drawString(x + 4, y + 7, cell)
    c.setLineWidth(0.6)
    bottom = top - len(rows) * row_h
    for x in xs:
        c.line(x, top, x, bottom)
    for r in range(len(rows) + 1):
        c.line(xs[0], top - r * row_h, xs[-1], top - r * row_h)
    c.setFont(regular, 10)
    note = (
        "Повний список передано родинам та уповноваженим органам. Дані публікуються за згодою "
        "звільнених осіб."
    )
    for i, part in enumerate(wrap_text(note, lambda s: stringWidth(s, regular, 10), xs[-1] - left)):
        c.drawString(left, bottom - 24 - i * 14, part)
    _footer(c, 2, 2)
    c.showPage()
    c.save()
    return path


def make_briefing(path: Path) -> Path:
    from docx import Document

    doc = Document()
    doc.add_heading("Briefing note: prisoner exchange of 14 March 2025", level=1)
    doc.add_paragraph(
        "On 14 March 2025 Ukraine and Russia exchanged 150 prisoners each, mediated by the United "
        "Arab Emirates. Of the 150 Ukrainians returned, 142 are servicemen and 8 civilians; 37 are "
        "defenders of Mariupol (19 from Azovstal). Several had been held in Olenivka."
    )
    doc.add_heading("Released persons named in the sources", level=2)
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("No.", "Name", "Born", "Unit", "Captured"), strict=True):
        cell.text = text
    for i, (_, born, _, latin, unit, captured) in enumerate(PEOPLE, start=1):
        day, month, year = born.split(".")
        for cell, text in zip(
            table.add_row().cells, (str(i), latin, f"{year}-{month}-{day}", unit, captured), strict=True
        ):
            cell.text = text
    doc.add_paragraph(
        "Sources: statement No. 27/03 of the Coordination Headquarters for the Treatment of Prisoners "
        "of War (spokeswoman Nataliia Hordiienko); Visti Skhodu; Crosscheck Wire."
    )
    doc.add_paragraph("Prepared on 15 March 2025 by the analysis desk. Hospital intake: Kharkiv.")
    return save_docx(
        doc,
        path,
        title="Briefing note: prisoner exchange of 14 March 2025",
        author="Analysis desk",
        created=BRIEFING_TIME,
    )


SCAN_LINES = [
    "Список осіб, звільнених з полону 14.03.2025",
    "",
    # "1)" rather than "1.": with "1." tesseract's default page segmentation (psm 3) reads the
    # narrow column of row numbers as a separate block and drops it from the rows (see README).
    *[f"{i}) {name}, {born}, {unit}" for i, (name, born, unit, *_) in enumerate(PEOPLE, start=1)],
    "",
    "Витяг вірний. Координаційний штаб",
]


def make_list_scan(path: Path) -> Path:
    # A4 at 300 dpi, a crooked sheet (0.7°) with light dust: readable, but not a clean render.
    image = render_scan(SCAN_LINES, rotate_deg=0.7, noise=0.0004, dpi=300, seed=1403)
    return save_scan(image, path)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path(__file__).resolve().parent
    out.mkdir(parents=True, exist_ok=True)
    for made in (
        make_statement(out / "statement-uk.pdf"),
        make_briefing(out / "briefing-en.docx"),
        make_list_scan(out / "list-scan-uk.png"),
    ):
        print(f"{made}  {made.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
