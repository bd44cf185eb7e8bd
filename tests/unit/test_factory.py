"""The test-input generators make what they claim: right formats, right breakage, small on disk."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from docx import Document
from PIL import Image

from tests.fixtures import factory
from tests.fixtures.factory import (
    BROKEN_KIND_REASON,
    ENCRYPTED_PDF_PASSWORD,
    make_broken_files,
    make_good_files,
    make_mixed_pdf,
    make_oversized_file,
    render_scan,
)

LIMIT = 1024 * 1024


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    directory = tmp_path_factory.mktemp("broken")
    return directory, make_broken_files(directory, limit_bytes=LIMIT)


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return make_good_files(tmp_path_factory.mktemp("good"))


def _pdf_text(path: Path, page: int = 0, password: str | None = None) -> str:
    pdf = pdfium.PdfDocument(str(path), password=password)
    try:
        return pdf[page].get_textpage().get_text_range()
    finally:
        pdf.close()


# --- good files ------------------------------------------------------------------------------


def test_good_files_are_the_seven_kinds(good: list[Path]) -> None:
    assert [p.suffix for p in good] == [".txt", ".txt", ".md", ".html", ".pdf", ".docx", ".png"]
    assert all(p.stat().st_size > 0 for p in good)
    assert sum(p.stat().st_size for p in good) < 500_000


def test_good_texts_use_their_encodings(good: list[Path]) -> None:
    uk, ru = good[0].read_bytes(), good[1].read_bytes()
    assert "Миколу Дзюбу" in uk.decode("utf-8")
    with pytest.raises(UnicodeDecodeError):
        ru.decode("utf-8")  # KOI8-U, so a UTF-8-only reader must not pass by accident
    assert "Артём Юрченко" in ru.decode("koi8_u")
    html = good[3].read_text(encoding="utf-8")
    assert 'rel="canonical"' in html and "article:published_time" in html


def test_good_pdf_docx_png(good: list[Path]) -> None:
    assert "Микола Дзюба" in _pdf_text(good[4])
    doc = Document(str(good[5]))
    assert [c.text for c in doc.tables[0].rows[1].cells][0] == "Mykola Dziuba"
    with Image.open(good[6]) as scan:
        assert scan.mode == "L"
        assert scan.size == (1748, 1240)  # A6 landscape at 300 dpi
        assert round(scan.info["dpi"][0]) == 300


def test_good_files_are_byte_stable(tmp_path: Path, good: list[Path]) -> None:
    again = make_good_files(tmp_path)
    for first, second in zip(good, again, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name


def test_good_story_names_appear_in_their_language(good: list[Path]) -> None:
    texts = {
        "uk": good[0].read_text(encoding="utf-8"),
        "ru": good[1].read_bytes().decode("koi8_u"),
        "en": good[2].read_text(encoding="utf-8"),
    }
    for lang, story in factory.GOOD_STORY.items():
        for surname in (name.split()[-1] for name in story["PERSON"]):
            assert surname[:-1] in texts[lang], (lang, surname)  # stem: the text inflects names


# --- broken files ----------------------------------------------------------------------------


def test_broken_kinds_are_complete(broken: tuple[Path, dict[str, str]]) -> None:
    directory, kinds = broken
    assert len(set(kinds.values())) >= 12
    assert set(kinds.values()) == set(BROKEN_KIND_REASON)
    assert sorted(p.name for p in directory.iterdir()) == sorted(kinds)


def test_only_the_oversized_file_passes_the_limit(broken: tuple[Path, dict[str, str]]) -> None:
    directory, kinds = broken
    for name, kind in kinds.items():
        size = (directory / name).stat().st_size
        if kind == "oversized":
            assert size == LIMIT + 1
        else:
            assert size < LIMIT, name


def test_empty_and_blank(broken: tuple[Path, dict[str, str]]) -> None:
    directory, _ = broken
    assert (directory / "empty.txt").stat().st_size == 0
    blank = (directory / "blank.txt").read_text(encoding="utf-8")
    assert blank and blank.isspace()


@pytest.mark.parametrize("name", ["truncated.pdf", "corrupt.pdf", "report.pdf"])
def test_broken_pdfs_do_not_open(broken: tuple[Path, dict[str, str]], name: str) -> None:
    directory, _ = broken
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(str(directory / name))


def test_pdf_headers(broken: tuple[Path, dict[str, str]]) -> None:
    directory, _ = broken
    assert (directory / "truncated.pdf").read_bytes().startswith(b"%PDF-")
    assert (directory / "corrupt.pdf").read_bytes().startswith(b"%PDF-1.7")
    assert (directory / "report.pdf").read_bytes().startswith(b"\x7fELF")


def test_encrypted_pdf_needs_its_password(broken: tuple[Path, dict[str, str]]) -> None:
    directory, _ = broken
    path = directory / "encrypted.pdf"
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(str(path))
    assert "Микола Дзюба" in _pdf_text(path, password=ENCRYPTED_PDF_PASSWORD)


def test_truncated_png_and_jpeg_fail_to_decode(broken: tuple[Path, dict[str, str]]) -> None:
    directory, _ = broken
    assert (directory / "truncated.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert (directory / "photo.jpg").read_bytes().startswith(b"\xff\xd8\xff")
    for name in ("truncated.png", "photo.jpg"):
        # Pillow's truncated/unidentified-image errors are both OSErrors.
        with pytest.raises(OSError), Image.open(directory / name) as image:
            image.load()


def test_png_bomb_declares_huge_dims_but_is_small(broken: tuple[Path, dict[str, str]]) -> None:
    directory, _ = broken
    data = (directory / "bomb.png").read_bytes()
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (30_000, 30_000)
    assert len(data) < 200_000
    with pytest.raises(Image.DecompressionBombError):
        Image.open(directory / "bomb.png")


def test_png_bomb_is_a_real_png() -> None:
    # The same crafting at a size Pillow accepts must decode to an all-black image.
    with Image.open(io.BytesIO(factory.png_bomb_bytes(300))) as image:
        image.load()
        assert image.size == (300, 300)
        assert image.getextrema() == (0, 0)


def test_docx_bomb_declares_huge_member_but_is_small(broken: tuple[Path, dict[str, str]]) -> None:
    directory, _ = broken
    path = directory / "bomb.docx"
    assert path.stat().st_size < 700_000
    with zipfile.ZipFile(path) as zf:
        member = zf.getinfo("word/document.xml")
        assert member.file_size >= 600 * 1024 * 1024
        assert member.compress_size < 700_000
        with zf.open(member) as stream:  # inflates as it claims; read just the start
            assert stream.read(64).startswith(b"<?xml")


def test_docx_bomb_is_a_real_docx() -> None:
    # A small bomb made the same way must pass zip CRC checks and open in python-docx.
    data = factory.docx_bomb_bytes(3 * 1024 * 1024 + 17)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        assert zf.getinfo("word/document.xml").file_size == 3 * 1024 * 1024 + 17
    assert Document(io.BytesIO(data)).paragraphs[0].text.isspace()


def test_zip_like_breakage(broken: tuple[Path, dict[str, str]]) -> None:
    directory, _ = broken
    with zipfile.ZipFile(directory / "no-document.docx") as zf:
        assert "word/document.xml" not in zf.namelist()
    assert (directory / "corrupt-zip.docx").read_bytes().startswith(b"PK\x03\x04")
    assert not zipfile.is_zipfile(directory / "corrupt-zip.docx")
    with zipfile.ZipFile(directory / "archive.zip") as zf:
        assert zf.namelist() == ["a.txt", "b.txt"]
    with zipfile.ZipFile(directory / "table.xlsx") as zf:
        assert "xl/workbook.xml" in zf.namelist()


def test_binary_garbage(broken: tuple[Path, dict[str, str]]) -> None:
    directory, _ = broken
    html = (directory / "page.html").read_bytes()
    assert b"\x00" in html
    with pytest.raises(UnicodeDecodeError):
        html.decode("utf-8")
    assert len((directory / "blob.bin").read_bytes()) == 4096


def test_oversized_file_variants(tmp_path: Path) -> None:
    text = make_oversized_file(tmp_path / "big.txt", 5000)
    assert text.stat().st_size == 5001
    text.read_bytes().decode("utf-8")  # the cut never splits a character
    sparse = make_oversized_file(tmp_path / "sparse.txt", 10 * 1024 * 1024, sparse=True)
    assert sparse.stat().st_size == 10 * 1024 * 1024 + 1


def test_broken_files_are_byte_stable(tmp_path: Path, broken: tuple[Path, dict[str, str]]) -> None:
    directory, kinds = broken
    make_broken_files(tmp_path, limit_bytes=LIMIT)
    for name in kinds:
        assert (tmp_path / name).read_bytes() == (directory / name).read_bytes(), name


# --- scans and mixed PDFs --------------------------------------------------------------------


def test_render_scan_geometry_and_options() -> None:
    page = render_scan(["Рядок"], dpi=300)
    assert page.size == (2480, 3508) and page.mode == "L"
    assert page.info["dpi"] == (300, 300)
    assert render_scan(["Рядок"], dpi=150).size == (1240, 1754)
    clean = render_scan(["Рядок"], dpi=100)
    noisy = render_scan(["Рядок"], dpi=100, noise=0.01)
    assert noisy.tobytes() != clean.tobytes()
    assert noisy.tobytes() == render_scan(["Рядок"], dpi=100, noise=0.01).tobytes()  # seeded
    assert render_scan(["Рядок"], dpi=100, rotate_deg=1.5).tobytes() != clean.tobytes()
    jpeg = render_scan(["Рядок"], dpi=100, jpeg_quality=30)
    assert jpeg.mode == "L" and jpeg.tobytes() != clean.tobytes()


def test_render_scan_refuses_overflow() -> None:
    with pytest.raises(ValueError):
        render_scan([f"рядок {i}" for i in range(200)], dpi=100)


def test_mixed_pdf_has_text_and_image_pages(tmp_path: Path) -> None:
    path = make_mixed_pdf(
        tmp_path / "mixed.pdf",
        [
            ("text", ["# Заголовок", "Текстовий шар: Тарас Ковальчук."]),
            ("scan", ["Сканована сторінка без текстового шару."]),
            ("text", ["Third page in English."]),
        ],
        scan_dpi=100,
    )
    pdf = pdfium.PdfDocument(str(path))
    try:
        assert len(pdf) == 3
        assert "Тарас Ковальчук" in pdf[0].get_textpage().get_text_range()
        assert pdf[1].get_textpage().get_text_range().strip() == ""
        assert any(obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE for obj in pdf[1].get_objects())
        assert "English" in pdf[2].get_textpage().get_text_range()
    finally:
        pdf.close()
    with pytest.raises(ValueError):
        make_mixed_pdf(tmp_path / "bad.pdf", [("photo", ["x"])])


@pytest.mark.integration
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_rendered_scan_is_readable_by_tesseract(good: list[Path]) -> None:
    out = subprocess.run(
        ["tesseract", str(good[6]), "-", "-l", "ukr+rus+eng"],
        capture_output=True,
        text=True,
        check=True,
        env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"},
        timeout=120,
    ).stdout
    assert "Дзюба Микола Петрович" in out
    assert "09.01.2025" in out
