"""The list, prose and mixed-PDF generators make what they claim, and their ground truth is right.

No OCR here: the truth boxes are checked against the pixels and the PDF text layer directly.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw

from tests.fixtures.lists import (
    LIST_SPECS,
    PROSE,
    SPECS_BY_NAME,
    ListFixture,
    ListSpec,
    degrade,
    make_list,
    make_mixed_pdf_20,
    make_people,
    make_prose_page,
    mojibake,
    namesake_pairs,
    normalise_whitespace,
    rotate_box,
)

FEMININE_ENDINGS = ("а", "я", "на")


def test_people_are_deterministic_and_well_formed() -> None:
    for lang in ("uk", "ru"):
        a = make_people(40, 7, lang)
        assert a == make_people(40, 7, lang)
        assert a != make_people(40, 8, lang)
        for p in a:
            assert 1960 <= int(p.birth_date[:4]) <= 2004
            if p.gender == "f":
                assert p.patronymic.endswith("на")
                assert not p.surname.endswith(("ський", "ов", "ёв", "ев", "ин", "ий"))
            else:
                assert p.patronymic.endswith("ич")
                assert not p.surname.endswith(("ська", "ова", "ёва", "ева", "ская"))


def test_people_have_namesakes_and_hard_letters() -> None:
    for seed in range(20):
        uk = make_people(35, seed, "uk")
        assert len(namesake_pairs(uk)) == 1
        [(i, j)] = namesake_pairs(uk)
        assert uk[i].birth_date != uk[j].birth_date
        names = " ".join(p.full_name for p in uk)
        for letter in ("'", "ї", "Ї", "є", "Є", "ґ"):
            assert letter in names, (seed, letter)
        ru = make_people(35, seed, "ru")
        assert len(namesake_pairs(ru)) == 1
        assert "ё" in " ".join(p.full_name for p in ru)
        assert not any(ch in " ".join(p.full_name for p in ru) for ch in "іїєґ'")


def test_feminine_surnames_agree() -> None:
    people = make_people(400, 1, "uk") + make_people(400, 1, "ru")
    women = [p for p in people if p.gender == "f"]
    assert len(women) > 60
    assert any(p.surname.endswith("ська") for p in women)
    assert any(p.surname.endswith("ова") or p.surname.endswith("ёва") for p in women)
    assert any(p.surname == "Коваль" for p in women) and any(p.surname.endswith("енко") for p in women)


def test_rotate_box_matches_pil_rotation() -> None:
    # A black rectangle on white, rotated as degrade() rotates: its ink is where rotate_box says.
    size = (1200, 900)
    box = (300.0, 200.0, 500.0, 60.0)
    image = Image.new("L", size, 255)
    ImageDraw.Draw(image).rectangle((300, 200, 799, 259), fill=0)
    for angle in (1.5, -2.0, 10.0):
        rotated = degrade(image, rotate_deg=angle)
        ink = rotated.point(lambda v: 255 if v < 128 else 0).getbbox()
        assert ink is not None
        left, top, width, height = rotate_box(box, size, angle)
        assert abs(ink[0] - left) <= 3 and abs(ink[1] - top) <= 3
        assert abs(ink[2] - (left + width)) <= 3 and abs(ink[3] - (top + height)) <= 3


def test_list_fixture_is_deterministic() -> None:
    spec = ListSpec("det", "ru", "aligned", "png", rows=30, seed=99)
    first = make_list.__wrapped__(spec)
    second = make_list.__wrapped__(spec)
    assert first.data == second.data and first.rows == second.rows
    assert make_list(spec) is make_list(spec)  # cached


def _ink(image: Image.Image, box: tuple[float, float, float, float]) -> float:
    left, top, width, height = box
    crop = image.crop((round(left), round(top), round(left + width), round(top + height)))
    hist = crop.histogram()
    return sum(hist[:128]) / max(1, crop.width * crop.height)


@pytest.mark.parametrize("name", ["ruled-uk-png", "numbered-ru-png", "aligned-uk-png", "ruled-uk-scanpdf-2p"])
def test_scan_truth_boxes_cover_their_rows(name: str) -> None:
    fixture = make_list(SPECS_BY_NAME[name])
    assert fixture.bbox_unit == "px" and len(fixture.images) == fixture.pages
    assert len(fixture.rows) == fixture.spec.rows >= 30
    assert [r.number for r in fixture.rows] == list(range(1, len(fixture.rows) + 1))
    assert fixture.namesakes, "every list has a namesake pair"
    for image in fixture.images:
        assert image.size == (2480, 3508) and image.info["dpi"] == (300, 300)
    previous = None
    for row in fixture.rows:
        image = fixture.images[row.page - 1]
        left, top, width, height = row.bbox
        assert left >= 0 and top >= 0 and left + width <= image.width and top + height <= image.height
        assert _ink(image, row.bbox) > 0.02, row
        # A thin strip through the middle of the row (rotated with it) carries the text's ink.
        mid = (left + width * 0.1, top + height / 2 - 8, width * 0.3, 16)
        assert _ink(image, mid) > 0.0, row
        if previous is not None and previous.page == row.page:
            assert row.bbox[1] > previous.bbox[1]  # top to bottom
        previous = row
    if fixture.spec.medium == "png":
        assert Image.open(io.BytesIO(fixture.data)).info["dpi"] == pytest.approx((300, 300), abs=0.1)


def test_two_page_scan_pdf_is_image_only() -> None:
    fixture = make_list(SPECS_BY_NAME["ruled-uk-scanpdf-2p"])
    assert fixture.pages == 2 and {r.page for r in fixture.rows} == {1, 2}
    with pdfplumber.open(io.BytesIO(fixture.data)) as pdf:
        assert len(pdf.pages) == 2
        assert all(not (p.extract_text() or "").strip() for p in pdf.pages)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("name", [s.name for s in LIST_SPECS if s.medium == "pdf"])
def test_born_digital_truth_boxes_hold_their_rows_text(name: str) -> None:
    fixture: ListFixture = make_list(SPECS_BY_NAME[name])
    assert fixture.bbox_unit == "pt"
    with pdfplumber.open(io.BytesIO(fixture.data)) as pdf:
        assert len(pdf.pages) == fixture.pages
        assert fixture.title in _nfc(pdf.pages[0].extract_text())
        words = {p.page_number: p.extract_words() for p in pdf.pages}
    for row in fixture.rows:
        left, top, width, height = row.bbox
        inside = [
            _nfc(w["text"])
            for w in words[row.page]
            if left <= (w["x0"] + w["x1"]) / 2 <= left + width and top <= (w["top"] + w["bottom"]) / 2 <= top + height
        ]
        dmy = "{2}.{1}.{0}".format(*row.birth_date.split("-"))
        text = " ".join(inside)
        assert row.surname in text and row.given in text and row.patronymic in text and dmy in text, (row, text)
        assert row.unit.split()[-1] in text


def test_born_digital_pdf_renders_ink_in_boxes() -> None:
    fixture = make_list(SPECS_BY_NAME["table-uk-pdf"])
    pdf = pdfium.PdfDocument(fixture.data)
    try:
        image = pdf[0].render(scale=2).to_pil().convert("L")
    finally:
        pdf.close()
    for row in fixture.rows:
        if row.page == 1:
            box = tuple(v * 2 for v in row.bbox)
            assert _ink(image, box) > 0.01, row


def test_prose_pages() -> None:
    for lang in ("uk", "ru", "en"):
        words = len(PROSE[lang].split())
        assert 150 <= words <= 250, (lang, words)
    page = make_prose_page("uk")
    assert page.text == PROSE["uk"] and page.image.size == (2480, 3508)
    assert make_prose_page("uk").png == page.png
    assert normalise_whitespace(" a \n b\t") == "a b"


def test_mojibake() -> None:
    assert mojibake("Список осіб") == "Ñïèñîê îñ³á"


def test_mixed_pdf_20(tmp_path: Path) -> None:
    mixed = make_mixed_pdf_20(tmp_path / "mixed.pdf")
    assert len(mixed.methods) == 20 and mixed.garbage_pages == (10,)
    assert {"text", "scan", "table", "scan-table", "garbage"} == set(mixed.kinds)
    with pdfplumber.open(mixed.path) as pdf:
        assert len(pdf.pages) == 20
        for number, (page, kind, phrase) in enumerate(
            zip(pdf.pages, mixed.kinds, mixed.page_text, strict=True), start=1
        ):
            text = _nfc(page.extract_text() or "")
            if kind in ("text", "table"):
                assert phrase in text, number
            elif kind == "garbage":
                assert "Ñïèñîê îñ³á" in text  # the text layer is there, and it is mojibake
                assert len(page.images) == 1
            else:
                assert not text.strip() and len(page.images) == 1, number
