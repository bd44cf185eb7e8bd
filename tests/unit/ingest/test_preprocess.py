"""Page preprocessing before OCR (skew, rulings, mapping boxes back) and the PDF garbage-text check.

No tesseract here: these run on rendered pages in milliseconds. Every person named is invented.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from crosscheck.settings import Settings
from ingest.parsers.pdf import text_layer_problem
from ingest.preprocess import estimate_skew, find_rulings, prepare_page
from tests.fixtures.factory import FONT_REGULAR, render_scan

SETTINGS = Settings()
PROSE = [
    "Довідка про зникнення безвісти",
    "Вигаданенко Тарас Петрович, 1990 року народження, зник безвісти під Запоріжжям 9 січня.",
    "Иван Выдумкин, 1987 года рождения, находился в плену в Оленевке до марта.",
    "Olena Fictional reported both names to the coordination headquarters in Kyiv.",
] * 3


def ruled_list(rotate_deg: float = 0.0, rows: int = 20) -> Image.Image:
    """A 300-dpi A4 ruled list (number, name, date, unit), tilted like a crooked scan."""
    width, height = 2480, 3508
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT_REGULAR), 42)
    cols, top, step = [200, 350, 1150, 1700, 2280], 300, 90
    for r in range(rows + 1):
        draw.line([(cols[0], top + r * step), (cols[-1], top + r * step)], fill=20, width=3)
    for x in cols:
        draw.line([(x, top), (x, top + rows * step)], fill=20, width=3)
    for r in range(rows):
        for c, text in enumerate([str(r + 1), "Вигаданенко Тарас Петрович", "12.03.1990", "в/ч А0000"]):
            draw.text((cols[c] + 15, top + r * step + 20), text, font=font, fill=25)
    page = page.rotate(rotate_deg, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return page.filter(ImageFilter.GaussianBlur(0.4))


@pytest.mark.parametrize("angle", [1.5, -2.0, 0.0])
def test_skew_of_a_prose_scan_is_measured(angle: float) -> None:
    page = render_scan(PROSE, rotate_deg=angle, noise=0.002, jpeg_quality=40)
    assert estimate_skew(np.asarray(page), 300) == pytest.approx(angle, abs=0.3)


@pytest.mark.parametrize("angle", [1.5, -2.0])
def test_ruled_list_is_deskewed_and_its_rulings_erased(angle: float) -> None:
    prepared = prepare_page(ruled_list(angle), SETTINGS, dpi=300)
    assert prepared.skew == pytest.approx(angle, abs=0.3)
    # 21 horizontal rulings and 5 vertical ones, each found once, not in pieces.
    assert len(prepared.h_lines) == 21
    assert len(prepared.v_lines) == 5
    pixels = np.asarray(prepared.image)
    h_after, v_after, _ = find_rulings(pixels, 300)
    assert h_after == [] and v_after == []
    # Along the middle of each ruling found, no dark ink is left.
    for x0, y0, x1, y1 in prepared.h_lines:
        strip = pixels[(y0 + y1) // 2, x0 + 20 : x1 - 20]
        assert (strip < 128).mean() < 0.02
    # The text survives: the rows still hold as much ink as before, give or take the rulings' edges.
    assert (pixels < 128).sum() > 100_000


def test_prose_page_has_no_rulings() -> None:
    prepared = prepare_page(render_scan(PROSE, noise=0.002), SETTINGS, dpi=300)
    assert prepared.h_lines == [] and prepared.v_lines == []
    assert prepared.lines_removed == 0


def test_small_skew_is_left_alone() -> None:
    page = render_scan(PROSE, rotate_deg=0.05)
    prepared = prepare_page(page, SETTINGS, dpi=300)
    assert prepared.skew == 0.0
    assert np.array_equal(np.asarray(prepared.image), np.asarray(page))


def _mark(size: tuple[int, int], box: tuple[int, int, int, int]) -> Image.Image:
    """A page of prose (for the skew) with one solid block at ``box`` (left, top, right, bottom)."""
    page = render_scan(PROSE, rotate_deg=1.5, page_size_mm=(210, 297))
    page = page.resize(size) if page.size != size else page
    ImageDraw.Draw(page).rectangle(box, fill=0)
    return page


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_boxes_map_back_to_the_original_image(rotation: int) -> None:
    block = (1500, 3000, 1700, 3100)  # below the prose, so its box is the only pure-black area
    original = _mark((2480, 3508), block)
    prepared = prepare_page(original, SETTINGS, dpi=300, rotation=rotation)
    assert prepared.rotation == rotation
    assert prepared.image.size == (original.size if rotation in (0, 180) else original.size[::-1])
    ys, xs = np.nonzero(np.asarray(prepared.image) < 10)
    found = (int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1))
    left, top, width, height = prepared.to_original(found)
    # The envelope of a box turned by ~1.5 degrees grows a few px per side; it must cover the block.
    assert left == pytest.approx(block[0], abs=8) and top == pytest.approx(block[1], abs=8)
    assert left + width == pytest.approx(block[2] + 1, abs=8)
    assert top + height == pytest.approx(block[3] + 1, abs=8)


def test_mapped_boxes_stay_inside_the_original() -> None:
    prepared = prepare_page(render_scan(PROSE, rotate_deg=2.0), SETTINGS, dpi=300, rotation=90)
    w, h = prepared.original_size
    left, top, width, height = prepared.to_original((-50, -50, 10_000, 10_000))
    assert (left, top) == (0, 0) and (width, height) == (w, h)


def test_alpha_and_16_bit_images_are_normalised() -> None:
    rgba = Image.new("RGBA", (400, 300), (0, 0, 0, 0))  # transparent black: a viewer shows white
    assert np.asarray(prepare_page(rgba, SETTINGS).image).min() == 255
    deep = Image.new("I;16", (400, 300), 60_000)
    assert np.asarray(prepare_page(deep, SETTINGS).image).min() == 255


# --- PDF text layers that are not text -----------------------------------------------------

REAL = {
    "uk": "Список осіб, звільнених з полону: Вигаданенко Тарас Петрович, 1990 р.н., в/ч А0000, "
    "ОБрМП. Зник безвісти 09.01.2025 під Запоріжжям; інформацію передано до Координаційного штабу.",
    "ru": "Список лиц, освобождённых из плена: Выдумкин Иван Сергеевич, 1987 г.р., в/ч 00000. "
    "Находился в Еленовке до марта; сведения переданы в Координационный штаб.",
    "en": "List of released prisoners of war: Olena Fictional, born 1991, 36th Separate Marine Brigade. "
    "Held in Olenivka until March; details passed to the coordination headquarters.",
    "table": "№ ПІБ Дата народження Частина\n1 Вигаданенко Т.П. 12.03.1990 А0000\n2 Выдумкин И.С. 01.02.1987 А1111\n"
    "3 Fictional O. 05.06.1991 А2222",
}


@pytest.mark.parametrize("lang", sorted(REAL))
def test_real_text_layers_pass(lang: str) -> None:
    assert text_layer_problem(REAL[lang]) is None


def test_a_few_accents_and_a_stray_cid_pass() -> None:
    assert text_layer_problem("Café Müller in Zürich hosted the meeting of the volunteers (cid:3) yesterday.") is None


def _caesar(text: str) -> str:
    # A font whose glyph codes are shifted: every letter comes out as the next-but-one.
    return "".join(chr(ord(ch) + 2) if ch.isalpha() else ch for ch in text)


GARBAGE = {
    "cp1251 read as latin-1": REAL["uk"].encode("cp1251", "replace").decode("latin-1"),
    "utf-8 read as cp1252": REAL["ru"].encode("utf-8").decode("cp1252", "replace"),
    "private use area": "".join(chr(0xF000 + ord(ch) % 200) if ch.isalpha() else ch for ch in REAL["en"]),
    "replacement characters": "".join("\ufffd" if ch.isalpha() and i % 3 else ch for i, ch in enumerate(REAL["ru"])),
    "control characters": "".join(chr(ord(ch) % 26 + 1) if ch.isalpha() else ch for ch in REAL["en"]),
    "symbols": "!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~" * 3,
    "mostly cid": " ".join(f"(cid:{n})" for n in range(40)) + " Список",
    "shifted letters": _caesar("The volunteers checked the lists twice and found three matching names, " * 2),
}


@pytest.mark.parametrize("kind", sorted(GARBAGE))
def test_garbage_text_layers_are_caught(kind: str) -> None:
    assert text_layer_problem(GARBAGE[kind]) is not None, GARBAGE[kind][:80]


def test_mojibake_sample_from_the_issue() -> None:
    assert text_layer_problem("Ñïèñîê îñ³á, çâ³ëüíåíèõ ç ïîëîíó: Âèãàäàíåíêî Òàðàñ") is not None
