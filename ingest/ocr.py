"""OCR one page image with tesseract, keeping a box for every word so findings can point at the scan."""

from __future__ import annotations

import os

# Batches run one tesseract per worker process; OpenMP threads on top of that oversubscribe the
# cores and made OCR ~6x slower on the 2-core reference machine. Must be set before tesseract runs;
# pytesseract passes os.environ to the subprocess at call time, so setting it at import suffices.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import re  # noqa: E402
import time  # noqa: E402
from collections import deque  # noqa: E402
from collections.abc import Callable, Iterable, Iterator  # noqa: E402
from concurrent.futures import Future, ThreadPoolExecutor  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from typing import TypeVar  # noqa: E402

import numpy as np  # noqa: E402
import pytesseract  # noqa: E402  (after the environment is set, on purpose)
from PIL import Image  # noqa: E402

from crosscheck.errors import ConfigError  # noqa: E402
from crosscheck.records.pages import Box, Cell, Page, Table, WordBox  # noqa: E402
from crosscheck.settings import Settings  # noqa: E402
from ingest.layout import OcrLayout, build_ocr_page  # noqa: E402
from ingest.preprocess import Prepared, prepare_page  # noqa: E402

T = TypeVar("T")

LOW_CONFIDENCE = 60.0  # tesseract word confidence below which a word is likely misread
# A first pass below either of these may be a page on its side or upside down: ask OSD.
# Upright degraded scans measured 75-90 mean confidence; a page read at 90/180 degrees 20-50.
_DOUBT_CONFIDENCE = 65.0
_DOUBT_WORDS = 5
_OSD_DPI = 150  # at 100 dpi OSD saw "too few characters" on a short A4 note; 150 ~0.6-1.2 s
_OSD_MIN_CONFIDENCE = 1.0  # tesseract's orientation confidence below which its answer is a guess
_HINT_MIN_WORDS = 12  # fewer words in the sample band say too little about the language
_WORD = re.compile(r"[^\W\d_]+")
_OSD_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_OSD_CONF = re.compile(r"Orientation confidence:\s*([\d.]+)")


class _Failed(Exception):
    """This page's OCR failed (timeout, tesseract error): the page gets a warning, not the document."""


@dataclass
class _Pass:
    prepared: Prepared
    layout: OcrLayout
    seconds: float

    @property
    def score(self) -> float:
        # More words read at higher confidence: a sideways page gives few words at low confidence.
        confs = [w.conf for w in self.layout.words if w.conf >= 0]
        return sum(confs) / 100.0

    @property
    def mean_confidence(self) -> float:
        confs = [w.conf for w in self.layout.words if w.conf >= 0]
        return sum(confs) / len(confs) if confs else 0.0

    def better_than(self, other: _Pass) -> bool:
        """Whether this (OSD-turned) reading beats ``other``: OSD agreed with it, so on a par it wins.

        Raw word counts mislead: a sideways page read as vertical lines yields extra garbage words.
        """
        if self.score > other.score:
            return True
        return self.mean_confidence >= other.mean_confidence - 2 and len(self.layout.words) >= 0.5 * len(
            other.layout.words
        )

    @property
    def doubtful(self) -> bool:
        """Whether the page may be on its side or upside down, so OSD is worth its ~1 s."""
        words = self.layout.words
        if len(words) < _DOUBT_WORDS or self.mean_confidence < _DOUBT_CONFIDENCE:
            return True
        # Tesseract reads a page on its side as vertical lines, often with fair confidence but
        # garbled words; it shows in the boxes: words of 4+ letters standing taller than wide.
        long_words = [w for w in words if w.end - w.start >= 4]
        tall = sum(1 for w in long_words if w.height > w.width)
        return len(long_words) >= _DOUBT_WORDS and tall > 0.3 * len(long_words)


def ocr_image(image: Image.Image, settings: Settings, *, dpi: int | None) -> Page:
    """OCR ``image`` into a ``Page`` with ``number=0`` (the caller numbers it) and ``method="ocr"``.

    The image is deskewed and cleaned first (``ingest.preprocess``); every box on the page is in
    pixels of ``image`` as a viewer shows it (EXIF orientation applied). A page that reads badly is
    checked for orientation and read again turned the right way up.

    A timeout gives an empty page with a warning, not an exception: one bad page must not fail
    a whole document. A missing tesseract or language pack is a setup problem, so it raises.
    """
    timings = {"preprocess": 0.0, "tesseract": 0.0, "layout": 0.0}
    try:
        t0 = time.perf_counter()
        prepared = prepare_page(image, settings, dpi=dpi)
        timings["preprocess"] += time.perf_counter() - t0
        languages = settings.ocr_languages
        if settings.ocr_language_hint and "+" in languages:
            t0 = time.perf_counter()
            languages = _hint_languages(prepared.image, settings, dpi)
            timings["language_hint"] = time.perf_counter() - t0
        best = _read(image, settings, dpi, 0, timings, languages, prepared)
        if best.doubtful:
            t0 = time.perf_counter()
            rotation = _osd_rotation(best.prepared.image, settings, dpi)
            timings["osd"] = time.perf_counter() - t0
            if rotation:
                again = _read(image, settings, dpi, rotation, timings, languages)
                if again.better_than(best):
                    best = again
    except _Failed as exc:
        return _failed_page(dpi, str(exc))
    return _page(best, dpi, timings, languages)


def _read(
    image: Image.Image,
    settings: Settings,
    dpi: int | None,
    rotation: int,
    timings: dict[str, float],
    languages: str,
    prepared: Prepared | None = None,
) -> _Pass:
    t0 = time.perf_counter()
    if prepared is None:
        prepared = prepare_page(image, settings, dpi=dpi, rotation=rotation)
    t1 = time.perf_counter()
    data = _tesseract(prepared.image, settings, dpi, languages)
    t2 = time.perf_counter()
    layout = build_ocr_page(data, prepared.h_lines, prepared.v_lines)
    t3 = time.perf_counter()
    timings["preprocess"] += t1 - t0
    timings["tesseract"] += t2 - t1
    timings["layout"] += t3 - t2
    return _Pass(prepared, layout, t2 - t1)


def _tesseract(gray: Image.Image, settings: Settings, dpi: int | None, languages: str) -> dict[str, list]:
    # pytesseract hands tesseract a temporary file in the image's format, PNG by default:
    # compressing an A4 page at 300 dpi costs ~0.25 s, writing it as BMP ~0.01 s.
    gray.format = "BMP"
    # psm 3 (automatic layout) beat psm 6 (one block) on ruled lists once the rulings were erased.
    config = "--psm 3"
    if dpi:
        # The temporary file pytesseract writes carries no DPI; without it tesseract guesses 70.
        config += f" --dpi {dpi}"
    try:
        return pytesseract.image_to_data(
            gray,
            lang=languages,
            config=config,
            output_type=pytesseract.Output.DICT,
            timeout=settings.ocr_page_timeout_s,
        )
    except pytesseract.TesseractNotFoundError as exc:
        raise ConfigError("tesseract is not installed or not on PATH; OCR is impossible") from exc
    except pytesseract.TesseractError as exc:
        if "Failed loading language" in str(exc.message):
            raise ConfigError(f"tesseract language data missing for {languages!r}: {exc.message}") from exc
        raise _Failed(f"OCR failed on this page ({exc.message}); its text is missing") from exc
    except RuntimeError as exc:
        if "timeout" not in str(exc).lower():
            raise
        raise _Failed(f"OCR gave up on this page after {settings.ocr_page_timeout_s:g} s; its text is missing") from exc


def _hint_languages(gray: Image.Image, settings: Settings, dpi: int | None) -> str:
    """The tesseract languages for this page, from a quick read of its densest band of text.

    Falls back to ``settings.ocr_languages`` when the band is short, mixed or ambiguous.
    """
    band = _densest_band(gray)
    if band is None:
        return settings.ocr_languages
    band.format = "BMP"
    config = "--psm 6" + (f" --dpi {dpi}" if dpi else "")
    try:
        sample = pytesseract.image_to_string(
            band, lang=settings.ocr_languages, config=config, timeout=settings.ocr_page_timeout_s
        )
    except (pytesseract.TesseractError, RuntimeError):
        return settings.ocr_languages  # the full read reports the problem, with its warning
    return choose_languages(sample, settings.ocr_languages)


def choose_languages(sample: str, default: str) -> str:
    """Tesseract languages for text like ``sample``: one language when script and spelling say so.

    Counts words of four letters or more: specks read as text give short Cyrillic or Latin junk
    ("зе", "Тре") in either script.
    """
    available = default.split("+")
    words = [w for w in _WORD.findall(sample) if len(w) >= 4]
    if len(words) < _HINT_MIN_WORDS:
        return default
    cyrillic = sum(1 for w in words if all("\u0400" <= c <= "\u04ff" for c in w))
    latin = sum(1 for w in words if w.isascii())
    if latin >= 0.9 * len(words):
        return "eng" if "eng" in available else default
    if cyrillic < 0.85 * len(words):
        return default
    lower = sample.lower()
    uk = sum(lower.count(c) for c in "іїєґ")
    ru = sum(lower.count(c) for c in "ыэёъ")
    if uk >= 3 and ru == 0:
        language = "ukr"
    elif ru >= 3 and uk == 0:
        language = "rus"
    else:
        return default
    if language not in available:
        return default
    # Some Latin words (names, unit codes, URLs) need the English model beside it.
    if latin >= 2 and "eng" in available:
        language += "+eng"
    return language


def _densest_band(gray: Image.Image) -> Image.Image | None:
    """The horizontal band (a fifth of the page) holding the most ink; None on a blank page."""
    small = np.asarray(gray.reduce(8), dtype=np.uint8)
    ink = (small < 128).sum(axis=1).astype(np.int64)
    height = len(ink)
    if height == 0 or ink.sum() == 0:
        return None
    span = max(1, height // 5)
    sums = np.convolve(ink, np.ones(span, dtype=np.int64), mode="valid")
    top = int(np.argmax(sums)) * 8
    return gray.crop((0, top, gray.width, min(gray.height, top + span * 8)))


def _osd_rotation(gray: Image.Image, settings: Settings, dpi: int | None) -> int:
    """The quarter turn (counter-clockwise) that makes the page upright per tesseract OSD; 0 if unsure."""
    factor = min(1.0, _OSD_DPI / (dpi or 300))
    small = gray.resize((max(1, round(gray.width * factor)), max(1, round(gray.height * factor))), Image.BILINEAR)
    small.format = "BMP"
    try:
        report = pytesseract.image_to_osd(
            small, config=f"--psm 0 --dpi {round((dpi or 300) * factor)}", timeout=settings.ocr_page_timeout_s
        )
    except (pytesseract.TesseractError, RuntimeError):
        # OSD refuses pages with too few letters ("Too few characters"); keep the first reading.
        return 0
    rotate, conf = _OSD_ROTATE.search(report), _OSD_CONF.search(report)
    if not rotate or not conf or float(conf.group(1)) < _OSD_MIN_CONFIDENCE:
        return 0
    # OSD's "Rotate" is clockwise; prepare_page turns counter-clockwise.
    return (360 - int(rotate.group(1))) % 360


def _page(best: _Pass, dpi: int | None, timings: dict[str, float], languages: str) -> Page:
    prepared = best.prepared
    words = [_word_back(w, prepared) for w in best.layout.words]
    tables = [_table_back(t, prepared) for t in best.layout.tables]
    scored = [w.conf for w in words if w.conf >= 0]
    return Page(
        number=0,
        text=best.layout.text,
        method="ocr",
        ocr_confidence=round(sum(scored) / len(scored), 2) if scored else None,
        low_confidence_words=sum(1 for c in scored if c < LOW_CONFIDENCE),
        dpi=dpi,
        words=words,
        tables=tables,
        bbox_unit="px",
        preprocess={
            "rotation": prepared.rotation,
            "skew": prepared.skew,
            "lines_removed": prepared.lines_removed,
            "languages": languages,
        },
        timings={k: round(v, 4) for k, v in timings.items()},
    )


def _word_back(word: WordBox, prepared: Prepared) -> WordBox:
    left, top, width, height = prepared.to_original((word.left, word.top, word.width, word.height))
    return WordBox(start=word.start, end=word.end, left=left, top=top, width=width, height=height, conf=word.conf)


def _box_back(box: Box | None, prepared: Prepared) -> Box | None:
    if box is None:
        return None
    left, top, width, height = prepared.to_original(box)
    return (float(left), float(top), float(width), float(height))


def _table_back(table: Table, prepared: Prepared) -> Table:
    rows = [
        [Cell(text=c.text, start=c.start, end=c.end, bbox=_box_back(c.bbox, prepared), conf=c.conf) for c in row]
        for row in table.rows
    ]
    return Table(rows=rows, method=table.method, bbox=_box_back(table.bbox, prepared), columns=table.columns)


def _failed_page(dpi: int | None, warning: str) -> Page:
    return Page(number=0, text="", method="ocr", dpi=dpi, warnings=[warning])


def map_ordered(jobs: Iterable[Callable[[], T]], threads: int) -> Iterator[T]:
    """Run page jobs on ``threads`` threads; results come back in the order of ``jobs``.

    Tesseract is a subprocess, so threads give real parallelism. ``jobs`` is consumed lazily in
    the caller's thread (PDF rendering, which is not thread-safe, happens there), and at most
    ``2 * threads`` jobs are in flight, so a 2,000-page PDF never holds 2,000 rendered images.
    With one thread jobs run inline: no pool for the common single-page scan.
    """
    if threads <= 1:
        for job in jobs:
            yield job()
        return
    with ThreadPoolExecutor(threads, thread_name_prefix="ocr") as pool:
        pending: deque[Future[T]] = deque()
        try:
            for job in jobs:
                pending.append(pool.submit(job))
                if len(pending) >= 2 * threads:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
