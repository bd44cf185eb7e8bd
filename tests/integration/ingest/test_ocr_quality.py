"""OCR quality on degraded scans, and per-page method choice on a 20-page mixed PDF.

CER (character error rate) = Levenshtein distance / length of the truth, both with whitespace
normalised. The bar: ≤ 2% on uk, ru and en prose scanned at 300 dpi, rotated 1.5°, specked and
saved as JPEG q40. Run with ``pytest -s`` to see the numbers. Every person named here is invented.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from crosscheck.records.pages import ParsedDocument
from crosscheck.settings import Settings
from ingest.registry import parse_bytes
from tests.fixtures.lists import MixedPdf, make_mixed_pdf_20, make_prose_page, normalise_whitespace

pytestmark = pytest.mark.integration

SETTINGS = Settings()
MAX_CER = 0.02
LANGS = ("uk", "ru", "en")


def cer(read: str, truth: str) -> float:
    read, truth = normalise_whitespace(read), normalise_whitespace(truth)
    return Levenshtein.distance(read, truth) / max(1, len(truth))


def _timed(data: bytes, name: str) -> tuple[ParsedDocument, float]:
    started = time.perf_counter()
    doc = parse_bytes(data, name, SETTINGS)
    return doc, time.perf_counter() - started


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[ParsedDocument, float]]:
    mixed = make_mixed_pdf_20(tmp_path_factory.mktemp("mixed") / "mixed-20.pdf")
    jobs = {"mixed": (mixed.path.read_bytes(), "mixed-20.pdf")}
    for lang in LANGS:
        jobs[lang] = (make_prose_page(lang).png, f"prose-{lang}.png")
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {key: pool.submit(_timed, data, name) for key, (data, name) in jobs.items()}
        return {key: future.result() for key, future in futures.items()}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> MixedPdf:
    # Same bytes as the one parsed (deterministic); only the expectations are needed here.
    return make_mixed_pdf_20(tmp_path_factory.mktemp("mixed-expect") / "mixed-20.pdf")


def _diff(read: str, truth: str) -> str:
    read, truth = normalise_whitespace(read), normalise_whitespace(truth)
    lines = []
    for op in Levenshtein.opcodes(truth, read):
        if op.tag != "equal":
            lines.append(
                f"    {op.tag}: {truth[max(0, op.src_start - 8) : op.src_end + 8]!r}"
                f" -> {read[max(0, op.dest_start - 8) : op.dest_end + 8]!r}"
            )
    return "\n".join(lines[:40])


@pytest.mark.parametrize("lang", LANGS)
def test_prose_cer(parsed: dict[str, tuple[ParsedDocument, float]], lang: str) -> None:
    doc, seconds = parsed[lang]
    [page] = doc.pages
    truth = make_prose_page(lang).text
    rate = cer(page.text, truth)
    chars = len(normalise_whitespace(truth))
    print(f"\nCER {lang}: {rate:.2%} ({chars} chars, {seconds:.1f} s, preprocess={page.preprocess})")
    assert page.method == "ocr"
    assert rate <= MAX_CER, f"CER {rate:.2%} on {lang}:\n{_diff(page.text, truth)}"


def test_mixed_pdf_methods_per_page(parsed: dict[str, tuple[ParsedDocument, float]], mixed: MixedPdf) -> None:
    doc, seconds = parsed["mixed"]
    methods = [p.method for p in doc.pages]
    print(f"\nmixed 20-page PDF: {doc.ocr_pages} OCR pages, {seconds:.1f} s")
    assert [p.number for p in doc.pages] == list(range(1, 21))
    pairs = zip(methods, mixed.methods, strict=True)
    wrong = [(i + 1, got, want) for i, (got, want) in enumerate(pairs) if got != want]
    assert not wrong, f"pages with the wrong method (page, got, expected): {wrong}"


def test_mixed_pdf_pages_say_what_was_drawn(parsed: dict[str, tuple[ParsedDocument, float]], mixed: MixedPdf) -> None:
    doc, _ = parsed["mixed"]
    problems = []
    for page, kind, phrase in zip(doc.pages, mixed.kinds, mixed.page_text, strict=True):
        # Text layers must hold the phrase exactly; OCR may misread a letter of it.
        ok = phrase in page.text if kind in ("text", "table") else fuzz.partial_ratio(phrase, page.text) >= 85
        if not ok:
            problems.append(f"page {page.number} ({kind}): {phrase!r} not in {page.text[:120]!r}")
    assert not problems, "\n".join(problems)


def test_garbage_text_layer_is_replaced_by_ocr(
    parsed: dict[str, tuple[ParsedDocument, float]], mixed: MixedPdf
) -> None:
    doc, _ = parsed["mixed"]
    for number in mixed.garbage_pages:
        page = doc.pages[number - 1]
        assert page.method == "ocr", f"page {number} kept its mojibake text layer: {page.text[:80]!r}"
        assert page.warnings, f"page {number}: OCR'd instead of its text layer, but no warning says so"
        assert "Ñ" not in page.text and "³" not in page.text
        assert fuzz.partial_ratio(mixed.page_text[number - 1], page.text) >= 85
        print(f"\ngarbage page {number} warnings: {page.warnings}")


def test_fixture_paths_are_real(mixed: MixedPdf) -> None:
    assert Path(mixed.path).stat().st_size > 0
