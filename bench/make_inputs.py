"""Generate a benchmark drop folder: born-digital PDFs of invented news and scanned-page PNGs.

    python -m bench.make_inputs OUT --pdfs 20 --scans 10 [--mixed 0] [--seed 0] [--jobs 2]

Run from the repository root (``-m`` puts it on sys.path). The text is stitched from templates
with invented people (random first name + surname combinations), real places and unit
designations (real or invented), in Ukrainian, Russian and English (languages rotate by file). Output is
deterministic for a given seed, whatever ``--jobs`` is: each file has its own seeded RNG.

Besides the documents, OUT/.manifest.json lists every file with its language, page count and,
for scans, the lines drawn (paragraphs unwrapped: compare OCR output with whitespace
normalised), so OCR accuracy can be measured against ground truth. The
leading dot keeps it out of the ingest (hidden files are skipped); ``--manifest`` moves it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tests.fixtures.factory import (
    draw_scan_page,
    draw_text_page,
    new_canvas,
    register_pdf_fonts,
    render_scan,
    save_scan,
    wrap_text,
)

LANGS = ("uk", "ru", "en")

# (uk, ru, en) spellings. Any first name + surname pairing is an invented person.
FIRST_NAMES = [
    ("Олександр", "Александр", "Oleksandr"),
    ("Сергій", "Сергей", "Serhii"),
    ("Василь", "Василий", "Vasyl"),
    ("Ігор", "Игорь", "Ihor"),
    ("Роман", "Роман", "Roman"),
    ("Павло", "Павел", "Pavlo"),
    ("Віктор", "Виктор", "Viktor"),
    ("Євген", "Евгений", "Yevhen"),
    ("Назар", "Назар", "Nazar"),
    ("Степан", "Степан", "Stepan"),
]
SURNAMES = [
    ("Литвиненко", "Литвиненко", "Lytvynenko"),
    ("Костенко", "Костенко", "Kostenko"),
    ("Поліщук", "Полищук", "Polishchuk"),
    ("Ярошенко", "Ярошенко", "Yaroshenko"),
    ("Зінченко", "Зинченко", "Zinchenko"),
    ("Марченко", "Марченко", "Marchenko"),
    ("Білоус", "Белоус", "Bilous"),
    ("Панчук", "Панчук", "Panchuk"),
    ("Гайдамаха", "Гайдамаха", "Haidamakha"),
    ("Остапчук", "Остапчук", "Ostapchuk"),
    ("Фесенко", "Фесенко", "Fesenko"),
    ("Кучеренко", "Кучеренко", "Kucherenko"),
]
PATRONYMICS_UK = [
    "Іванович",
    "Петрович",
    "Миколайович",
    "Васильович",
    "Олексійович",
    "Степанович",
    "Ігорович",
]

# Units: per language (nominative, genitive); en has one form. Short form for list rows.
UNITS: list[dict[str, tuple[str, str] | str]] = [
    {
        "uk": ("36-та окрема бригада морської піхоти", "36-ї окремої бригади морської піхоти"),
        "ru": ("36-я отдельная бригада морской пехоты", "36-й отдельной бригады морской пехоты"),
        "en": "36th Separate Marine Brigade",
        "short": "36 ОБрМП",
    },
    {
        "uk": (
            "209-й окремий батальйон територіальної оборони",
            "209-го окремого батальйону територіальної оборони",
        ),
        "ru": (
            "209-й отдельный батальон территориальной обороны",
            "209-го отдельного батальона территориальной обороны",
        ),
        "en": "209th Separate Territorial Defence Battalion",
        "short": "209 ОБ ТрО",
    },
    {
        "uk": ("114-й окремий батальйон зв'язку", "114-го окремого батальйону зв'язку"),
        "ru": ("114-й отдельный батальон связи", "114-го отдельного батальона связи"),
        "en": "114th Separate Signal Battalion",
        "short": "114 ОБЗ",
    },
    {
        "uk": ("52-га окрема механізована бригада", "52-ї окремої механізованої бригади"),
        "ru": ("52-я отдельная механизированная бригада", "52-й отдельной механизированной бригады"),
        "en": "52nd Separate Mechanized Brigade",
        "short": "52 ОМБр",
    },
]

# Places: per language (nominative, "in X", "to X") with the prepositions the grammar needs.
PLACES: list[dict[str, tuple[str, str, str]]] = [
    {
        "uk": ("Харків", "у Харкові", "до Харкова"),
        "ru": ("Харьков", "в Харькове", "в Харьков"),
        "en": ("Kharkiv", "in Kharkiv", "to Kharkiv"),
    },
    {
        "uk": ("Маріуполь", "у Маріуполі", "до Маріуполя"),
        "ru": ("Мариуполь", "в Мариуполе", "в Мариуполь"),
        "en": ("Mariupol", "in Mariupol", "to Mariupol"),
    },
    {
        "uk": ("Київ", "у Києві", "до Києва"),
        "ru": ("Киев", "в Киеве", "в Киев"),
        "en": ("Kyiv", "in Kyiv", "to Kyiv"),
    },
    {
        "uk": ("Запоріжжя", "у Запоріжжі", "до Запоріжжя"),
        "ru": ("Запорожье", "в Запорожье", "в Запорожье"),
        "en": ("Zaporizhzhia", "in Zaporizhzhia", "to Zaporizhzhia"),
    },
    {
        "uk": ("Дніпро", "у Дніпрі", "до Дніпра"),
        "ru": ("Днепр", "в Днепре", "в Днепр"),
        "en": ("Dnipro", "in Dnipro", "to Dnipro"),
    },
    {
        "uk": ("Оленівка", "в Оленівці", "до Оленівки"),
        "ru": ("Еленовка", "в Еленовке", "в Еленовку"),
        "en": ("Olenivka", "in Olenivka", "to Olenivka"),
    },
    {
        "uk": ("Суми", "у Сумах", "до Сум"),
        "ru": ("Сумы", "в Сумах", "в Сумы"),
        "en": ("Sumy", "in Sumy", "to Sumy"),
    },
]

MONTHS = {
    "uk": [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
    "ru": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}

# Persons appear in the nominative only, so the templates stay grammatical without morphology.
TEMPLATES = {
    "uk": [
        "{person}, боєць {unit_gen}, повернувся додому після {months} місяців полону.",
        "{date} {place_in} відбулася зустріч родин військовополонених.",
        "Координаційний штаб підтвердив, що {person} перебуває в полоні з {year} року.",
        "Звільнених доправили {place_to}, де вони пройдуть обстеження та реабілітацію.",
        "За даними штабу, під час обміну повернули {n} військовослужбовців {unit_gen}.",
        "Командир підрозділу {person} розповів, що бої {place_in} тривали кілька тижнів.",
        "Рідні розшукують бійця {unit_gen}, якого востаннє бачили {place_in}.",
        "{person} звернувся до Міжнародного комітету Червоного Хреста {date}.",
    ],
    "ru": [
        "{person}, боец {unit_gen}, вернулся домой после {months} месяцев плена.",
        "{date} {place_in} прошла встреча семей военнопленных.",
        "Координационный штаб подтвердил, что {person} находится в плену с {year} года.",
        "Освобождённых доставили {place_to}, где они пройдут обследование и реабилитацию.",
        "По данным штаба, в ходе обмена вернули {n} военнослужащих {unit_gen}.",
        "Командир подразделения {person} рассказал, что бои {place_in} длились несколько недель.",
        "Родные разыскивают бойца {unit_gen}, которого в последний раз видели {place_in}.",
        "{person} обратился в Международный комитет Красного Креста {date}.",
    ],
    "en": [
        "{person}, a soldier of the {unit_gen}, came home after {months} months in captivity.",
        "On {date}, families of prisoners of war met {place_in}.",
        "The Coordination Headquarters confirmed that {person} has been held captive since {year}.",
        "The freed prisoners were taken {place_to} for medical checks and rehabilitation.",
        "According to the headquarters, {n} servicemen of the {unit_gen} were returned in the exchange.",
        "Commander {person} said the fighting {place_in} lasted several weeks.",
        "Relatives are searching for a soldier of the {unit_gen} last seen {place_in}.",
        "{person} contacted the International Committee of the Red Cross on {date}.",
    ],
}
HEADLINES = {
    "uk": ["Обмін полоненими: повернулися {n} захисників", "Родини зниклих безвісти зустрілися {place_in}"],
    "ru": ["Обмен пленными: вернулись {n} защитников", "Семьи пропавших без вести встретились {place_in}"],
    "en": ["Prisoner exchange brings home {n} defenders", "Families of the missing meet {place_in}"],
}
LIST_TITLE = "Список осіб, звільнених з полону {date}"

# Wrapped lines per A4 page: 11 pt text pages hold 47, 12 pt scans 41; leave room for headings.
PDF_PAGE_LINES = 40
SCAN_PAGE_LINES = 34


@dataclass
class Made:
    name: str
    kind: str  # "pdf" | "mixed-pdf" | "scan"
    lang: str
    pages: int
    bytes: int = 0
    scan_lines: list[list[str]] = field(default_factory=list)  # ground truth per scanned page


def _person(rng: random.Random, lang: str) -> str:
    i = LANGS.index(lang)
    return f"{rng.choice(FIRST_NAMES)[i]} {rng.choice(SURNAMES)[i]}"


def _date(rng: random.Random, lang: str) -> tuple[str, int]:
    year, month, day = rng.choice((2023, 2024, 2025)), rng.randrange(12), rng.randint(1, 28)
    suffix = {"uk": " року", "ru": " года", "en": ""}[lang]
    return f"{day} {MONTHS[lang][month]} {year}{suffix}", year


def _sentence(rng: random.Random, lang: str, template: str) -> str:
    unit, place = rng.choice(UNITS), rng.choice(PLACES)[lang]
    date, year = _date(rng, lang)
    text = template.format(
        person=_person(rng, lang),
        unit_gen=unit[lang] if lang == "en" else unit[lang][1],
        place_in=place[1],
        place_to=place[2],
        date=date,
        year=year - rng.randint(0, 2),
        n=rng.randint(3, 140),
        months=rng.randint(2, 36),
    )
    return text[0].upper() + text[1:]


def _lines_used(lines: Sequence[str], size: float) -> int:
    """Wrapped line count with the PDF text width; a 300-dpi scan with 20 mm margins has the same
    width in ems (40.2), so one measure serves both."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    regular, _ = register_pdf_fonts()
    width = 595.27 - 2 * 56.0
    return sum(len(wrap_text(line, lambda s: stringWidth(s, regular, size), width)) for line in lines)


def _text_page(rng: random.Random, lang: str, headline: bool, size: float = 11.0, max_lines: int = 40) -> list[str]:
    lines = ["# " + _sentence(rng, lang, rng.choice(HEADLINES[lang])), ""] if headline else []
    while True:
        paragraph = " ".join(_sentence(rng, lang, rng.choice(TEMPLATES[lang])) for _ in range(rng.randint(3, 5)))
        if _lines_used([*lines, paragraph, ""], size) > max_lines:
            return lines
        lines += [paragraph, ""]


def _list_page(rng: random.Random, rows: int) -> list[str]:
    # Official lists date themselves numerically, as on the sample scan.
    date = f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.choice((2023, 2024, 2025))}"
    lines = [LIST_TITLE.format(date=date), ""]
    for i in range(1, rows + 1):
        born = f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(1965, 2004)}"
        name = f"{rng.choice(SURNAMES)[0]} {rng.choice(FIRST_NAMES)[0]} {rng.choice(PATRONYMICS_UK)}"
        lines.append(f"{i}) {name}, {born}, {rng.choice(UNITS)['short']}")
    return lines


def _scan_content(rng: random.Random) -> tuple[list[str], str]:
    if rng.random() < 0.5:
        return _list_page(rng, rng.randint(12, 30)), "uk"
    lang = rng.choice(LANGS)
    return _text_page(rng, lang, headline=True, size=12.0, max_lines=SCAN_PAGE_LINES), lang


def make_pdf(out: Path, index: int, seed: int, min_pages: int, max_pages: int, mixed: bool) -> Made:
    rng = random.Random(f"{seed}:pdf:{index}")
    lang = LANGS[index % len(LANGS)]
    pages = rng.randint(min_pages, max_pages)
    name = f"{'mixed' if mixed else 'pdf'}-{index:04d}-{lang}.pdf"
    made = Made(name=name, kind="mixed-pdf" if mixed else "pdf", lang=lang, pages=pages)
    c = new_canvas(out / name, title=_sentence(rng, lang, rng.choice(HEADLINES[lang])), author="bench")
    for page in range(pages):
        if mixed and page % 2 == 1:
            lines, _ = _scan_content(rng)
            lines = [line.removeprefix("# ") for line in lines]
            image = render_scan(lines, rotate_deg=rng.uniform(-1.0, 1.0), noise=0.0004, seed=index * 100 + page)
            draw_scan_page(c, image)
            made.scan_lines.append(lines)
        else:
            draw_text_page(c, _text_page(rng, lang, headline=page == 0, max_lines=PDF_PAGE_LINES))
    c.save()
    made.bytes = (out / name).stat().st_size
    return made


def make_scan(out: Path, index: int, seed: int) -> Made:
    rng = random.Random(f"{seed}:scan:{index}")
    lines, lang = _scan_content(rng)
    lines = [line.removeprefix("# ") for line in lines]
    image = render_scan(
        lines,
        rotate_deg=rng.uniform(-1.5, 1.5),
        noise=rng.uniform(0.0002, 0.001),
        # A third of the scans went through JPEG on the way (phones, mail gateways).
        jpeg_quality=rng.choice((None, None, 60)),
        seed=index,
    )
    name = f"scan-{index:04d}-{lang}.png"
    save_scan(image, out / name)
    return Made(name=name, kind="scan", lang=lang, pages=1, bytes=(out / name).stat().st_size, scan_lines=[lines])


def _job(spec: tuple[str, Path, int, int, int, int]) -> Made:
    kind, out, index, seed, min_pages, max_pages = spec
    if kind == "scan":
        return make_scan(out, index, seed)
    return make_pdf(out, index, seed, min_pages, max_pages, mixed=kind == "mixed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.make_inputs", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to create or fill")
    parser.add_argument("--pdfs", type=int, default=20, help="born-digital PDFs (default 20)")
    parser.add_argument("--scans", type=int, default=10, help="scanned-page PNGs (default 10)")
    parser.add_argument("--mixed", type=int, default=0, help="PDFs with every other page scanned (default 0)")
    parser.add_argument("--min-pages", type=int, default=2)
    parser.add_argument("--max-pages", type=int, default=6)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--manifest", type=Path, help="ground-truth JSON path (default: OUT/.manifest.json)")
    args = parser.parse_args(argv)
    if args.min_pages < 1 or args.max_pages < args.min_pages:
        parser.error("need 1 <= --min-pages <= --max-pages")

    args.out.mkdir(parents=True, exist_ok=True)
    specs = [("pdf", args.out, i, args.seed, args.min_pages, args.max_pages) for i in range(args.pdfs)]
    specs += [("mixed", args.out, i, args.seed, args.min_pages, args.max_pages) for i in range(args.mixed)]
    specs += [("scan", args.out, i, args.seed, 0, 0) for i in range(args.scans)]

    started = time.monotonic()
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            made = list(pool.map(_job, specs))
    else:
        made = [_job(spec) for spec in specs]

    manifest_path = args.manifest or args.out / ".manifest.json"
    manifest_path.parent.mkdir(parents=True, exist_ok=True)
    manifest = {"seed": args.seed, "files": [asdict(m) for m in made]}
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    total = sum(m.bytes for m in made)
    pages = sum(m.pages for m in made)
    print(
        f"{len(made)} files, {pages} pages, {total / 1e6:.1f} MB in {args.out} ({time.monotonic() - started:.1f} s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
