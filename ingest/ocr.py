"""OCR one page image with tesseract, keeping a box for every word so findings can point at the scan."""

from __future__ import annotations

import os

# Batches run one tesseract per worker process; OpenMP threads on top of that oversubscribe the
# cores and made OCR ~6x slower on the 2-core reference machine. Must be set before tesseract runs;
# pytesseract passes os.environ to the subprocess at call time, so setting it at import suffices.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pytesseract  # noqa: E402  (after the environment is set, on purpose)
from PIL import Image, ImageOps  # noqa: E402

from crosscheck.errors import ConfigError  # noqa: E402
from crosscheck.settings import Settings  # noqa: E402
from ingest.layout import build_ocr_page  # noqa: E402
from ingest.model import Page  # noqa: E402

LOW_CONFIDENCE = 60.0  # tesseract word confidence below which a word is likely misread


def ocr_image(image: Image.Image, settings: Settings, *, dpi: int | None) -> Page:
    """OCR ``image`` into a ``Page`` with ``number=0`` (the caller numbers it) and ``method="ocr"``.

    A timeout gives an empty page with a warning, not an exception: one bad page must not fail
    a whole document. A missing tesseract or language pack is a setup problem, so it raises.
    """
    gray = _prepare(image)
    # pytesseract hands tesseract a temporary file in the image's format, PNG by default:
    # compressing an A4 page at 300 dpi costs ~0.25 s, writing it as BMP ~0.01 s.
    gray.format = "BMP"
    config = "--psm 3"
    if dpi:
        # The temporary file pytesseract writes carries no DPI; without it tesseract guesses 70.
        config += f" --dpi {dpi}"
    try:
        data = pytesseract.image_to_data(
            gray,
            lang=settings.ocr_languages,
            config=config,
            output_type=pytesseract.Output.DICT,
            timeout=settings.ocr_page_timeout_s,
        )
    except pytesseract.TesseractNotFoundError as exc:
        raise ConfigError("tesseract is not installed or not on PATH; OCR is impossible") from exc
    except pytesseract.TesseractError as exc:
        if "Failed loading language" in str(exc.message):
            raise ConfigError(f"tesseract language data missing for {settings.ocr_languages!r}: {exc.message}") from exc
        return _failed_page(dpi, f"OCR failed on this page ({exc.message}); its text is missing")
    except RuntimeError as exc:
        if "timeout" not in str(exc).lower():
            raise
        return _failed_page(
            dpi,
            f"OCR gave up on this page after {settings.ocr_page_timeout_s:g} s; its text is missing",
        )
    return _page_from_data(data, dpi)


def _prepare(image: Image.Image) -> Image.Image:
    # Phone photos store rotation in EXIF instead of rotating pixels; tesseract ignores EXIF.
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        # Transparent pixels often have black colour values: flatten onto white, as a viewer shows it.
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    elif image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        # 16-bit scans: convert("L") clips everything above 255 to white. Scale by the real
        # maximum, since some decoders put 8-bit values in these modes too.
        high = image.getextrema()[1]
        if isinstance(high, int | float) and high > 255:
            image = image.point(lambda v: v * (255 / high))
    return image.convert("L")


def _page_from_data(data: dict[str, list], dpi: int | None) -> Page:
    layout = build_ocr_page(data)
    words = layout.words
    scored = [w.conf for w in words if w.conf >= 0]
    return Page(
        number=0,
        text=layout.text,
        method="ocr",
        ocr_confidence=round(sum(scored) / len(scored), 2) if scored else None,
        low_confidence_words=sum(1 for c in scored if c < LOW_CONFIDENCE),
        dpi=dpi,
        words=words,
        tables=layout.tables,
        bbox_unit="px",
    )


def _failed_page(dpi: int | None, warning: str) -> Page:
    return Page(number=0, text="", method="ocr", dpi=dpi, warnings=[warning])
