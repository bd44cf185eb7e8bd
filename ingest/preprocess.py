"""Page images made fit for tesseract: upright, deskewed, table rulings erased, with a way back.

Tesseract reads a ruled list badly (the rulings become letters and break its line finding) and
loses lines on a crooked page. We straighten the page and paint the rulings white, and keep the
affine transform so every box tesseract returns can be mapped back onto the scan the investigator
has: provenance must point at the original, not at our cleaned copy.

Everything that looks at the whole page (skew, ruling lines) works on a copy downscaled to
~100-150 dpi: the measurements need no more, and it keeps preprocessing a small fraction of
tesseract's own time (see bench/ocr_throughput.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image, ImageOps

from crosscheck.settings import Settings

Line = tuple[int, int, int, int]  # x0, y0, x1, y1 in pixels of the prepared image
Box = tuple[float, float, float, float]  # left, top, width, height

_SKEW_DPI = 100  # resolution of the copy the skew is measured on
_LINES_DPI = 150  # resolution of the copy ruling lines are found on; thin rulings survive it
_MAX_SKEW = 10.0  # degrees searched either way; worse than this is a photo, not a scan
_MIN_SKEW = 0.1  # below this a rotation costs more (resampling blur) than it gains
_MIN_LINE_IN = 0.6  # a ruling is at least this long (inches); longer than any run of ink in text
_ERASE_MARGIN = 1  # px (at full resolution) painted white around a detected ruling


@dataclass
class Prepared:
    """The image tesseract reads and how it was derived from the original page image.

    ``rotation`` is the quarter turn applied first (degrees counter-clockwise, as PIL's
    ``Image.rotate``), ``skew`` the measured tilt of the text (degrees counter-clockwise, undone by
    rotating the page back by as much). Boxes and lines here are in prepared-image pixels.
    """

    image: Image.Image
    rotation: int
    skew: float
    h_lines: list[Line]
    v_lines: list[Line]
    timings: dict[str, float]
    original_size: tuple[int, int]
    # 3x3 affine matrix from prepared-image coordinates to original-image coordinates.
    to_original_matrix: np.ndarray = field(default_factory=lambda: np.eye(3), repr=False)

    @property
    def lines_removed(self) -> int:
        return len(self.h_lines) + len(self.v_lines)

    def to_original(self, box: Box) -> tuple[int, int, int, int]:
        """Map a (left, top, width, height) box to the original image: the envelope of its corners.

        "Original" is the image as a viewer shows it, i.e. after its EXIF orientation is applied.
        """
        left, top, width, height = box
        corners = np.array(
            [[left, top, 1], [left + width, top, 1], [left, top + height, 1], [left + width, top + height, 1]],
            dtype=np.float64,
        )
        mapped = corners @ self.to_original_matrix.T
        w, h = self.original_size
        x0 = float(np.clip(mapped[:, 0].min(), 0, w))
        x1 = float(np.clip(mapped[:, 0].max(), 0, w))
        y0 = float(np.clip(mapped[:, 1].min(), 0, h))
        y1 = float(np.clip(mapped[:, 1].max(), 0, h))
        # Round outwards so the mapped box still covers the word.
        left_i, top_i = int(np.floor(x0)), int(np.floor(y0))
        return left_i, top_i, int(np.ceil(x1)) - left_i, int(np.ceil(y1)) - top_i


def normalise(image: Image.Image) -> Image.Image:
    """The page as a viewer shows it, in 8-bit greyscale."""
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


def prepare_page(image: Image.Image, settings: Settings, *, dpi: int | None = None, rotation: int = 0) -> Prepared:
    """Normalise, turn by ``rotation`` (0/90/180/270, counter-clockwise), deskew and erase rulings.

    ``dpi`` is the scan's resolution when known; it sets the scale of the measurements.
    ``settings`` is taken for symmetry with the OCR step and future tuning knobs.
    """
    del settings  # nothing tunable yet; the signature is the stable interface
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    gray = normalise(image)
    original_size = gray.size
    quarter = _QUARTER.get(rotation % 360)
    if rotation % 360 and quarter is None:
        raise ValueError(f"rotation must be a multiple of 90 degrees, not {rotation}")
    if quarter is not None:
        gray = gray.transpose(quarter)
    pixels = np.asarray(gray)
    timings["normalise"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    scale_dpi = dpi or _guess_dpi(pixels.shape)
    skew = estimate_skew(pixels, scale_dpi)
    matrix_back = _quarter_back(rotation % 360, original_size)
    if abs(skew) > _MIN_SKEW:
        pixels, forward = _rotate(pixels, skew)
        matrix_back = matrix_back @ np.linalg.inv(forward)
    else:
        skew = 0.0
    timings["deskew"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    h_lines, v_lines, mask = find_rulings(pixels, scale_dpi)
    if mask is not None:
        pixels = pixels.copy() if not pixels.flags.writeable else pixels
        pixels[mask] = 255
    timings["lines"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    pixels = despeckle(pixels, scale_dpi)
    timings["despeckle"] = time.perf_counter() - t0

    prepared_image = Image.fromarray(pixels, mode="L")
    return Prepared(
        image=prepared_image,
        rotation=rotation % 360,
        skew=round(skew, 2),
        h_lines=h_lines,
        v_lines=v_lines,
        timings=timings,
        original_size=original_size,
        to_original_matrix=matrix_back,
    )


_SPECK_AREA_300DPI = 8

_QUARTER = {
    90: Image.Transpose.ROTATE_90,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_270,
}


def _quarter_back(rotation: int, size: tuple[int, int]) -> np.ndarray:
    """Matrix from the quarter-turned image's coordinates back to the original's (edges, not pixel centres)."""
    w, h = size
    if rotation == 90:  # counter-clockwise: x' = y, y' = w - x
        return np.array([[0, -1, w], [1, 0, 0], [0, 0, 1]], dtype=np.float64)
    if rotation == 180:
        return np.array([[-1, 0, w], [0, -1, h], [0, 0, 1]], dtype=np.float64)
    if rotation == 270:  # x' = h - y, y' = x
        return np.array([[0, 1, 0], [-1, 0, h], [0, 0, 1]], dtype=np.float64)
    return np.eye(3)


def _guess_dpi(shape: tuple[int, ...]) -> int:
    # Without a stated resolution assume a page of about A4, the usual case for scans.
    long_side = max(shape[:2])
    return max(50, round(long_side / 11.7))


def _ink(pixels: np.ndarray) -> np.ndarray:
    """Dark pixels as a boolean mask (Otsu threshold: scans differ in paper and ink tone)."""
    _, binary = cv2.threshold(pixels, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return binary > 0


def estimate_skew(pixels: np.ndarray, dpi: int) -> float:
    """Tilt of the text lines in degrees, counter-clockwise positive; 0.0 when there is too little to tell.

    Projection profile on a downscaled copy: at the right angle every text line (and ruling)
    collapses onto few rows, so the sum of squared row counts peaks. Works for prose and ruled
    lists alike (rulings only sharpen the peak), unlike Hough, which needs long lines.
    """
    factor = min(1.0, _SKEW_DPI / dpi)
    small = cv2.resize(pixels, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else pixels
    ink = _ink(small)
    ys, xs = np.nonzero(ink)
    if len(xs) < 200 or len(xs) > 0.5 * ink.size:
        return 0.0  # blank page, or mostly dark (a photo): no text lines to measure
    if len(xs) > 150_000:
        pick = np.random.default_rng(0).choice(len(xs), 150_000, replace=False)
        xs, ys = xs[pick], ys[pick]
    xs = xs.astype(np.float64) - small.shape[1] / 2
    ys = ys.astype(np.float64)

    def score(angle: float) -> float:
        # A line tilted counter-clockwise by ``angle`` rises to the right: y + x*tan(angle) is constant on it.
        rows = ys + xs * np.tan(np.radians(angle))
        counts = np.bincount((rows - rows.min()).astype(np.int64))
        return float(np.dot(counts, counts))

    coarse = np.arange(-_MAX_SKEW, _MAX_SKEW + 1e-9, 0.5)
    scores = [score(a) for a in coarse]
    best = float(coarse[int(np.argmax(scores))])
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.05)
    fine_scores = [score(a) for a in fine]
    best = float(fine[int(np.argmax(fine_scores))])
    # Vertical text (a page on its side) gives a flat profile: do not "correct" noise.
    if max(fine_scores) < 1.05 * score(0.0):
        return 0.0
    return best


def _rotate(pixels: np.ndarray, skew: float) -> tuple[np.ndarray, np.ndarray]:
    """Rotate clockwise by ``skew`` about the centre, white fill; returns the image and its 3x3 forward matrix."""
    h, w = pixels.shape
    forward = cv2.getRotationMatrix2D((w / 2, h / 2), -skew, 1.0)
    rotated = cv2.warpAffine(
        pixels, forward, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=255
    )
    return rotated, np.vstack([forward, [0, 0, 1]])


def despeckle(pixels: np.ndarray, dpi: int) -> np.ndarray:
    """Erase isolated specks of ink far smaller than a full stop.

    Dust and toner specks are read as "|", "_", "‘" or glue words together, and a speck in a gap
    can make tesseract split a line into two blocks read out of order. On degraded 300-dpi test
    pages this took CER from 1.4-2.0% to 0-0.2% for ~70 ms. A full stop at 10 pt is ~25 px at
    300 dpi, so components of at most 8 px (scaled with the resolution) are not text.
    """
    max_area = max(2, round(_SPECK_AREA_300DPI * (dpi / 300) ** 2))
    ink = _ink(pixels).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count <= 1:
        return pixels
    speck = stats[:, cv2.CC_STAT_AREA] <= max_area
    speck[0] = False  # the background
    if not speck.any():
        return pixels
    cleaned = pixels.copy()
    cleaned[speck[labels]] = 255
    return cleaned


def find_rulings(pixels: np.ndarray, dpi: int) -> tuple[list[Line], list[Line], np.ndarray | None]:
    """Horizontal and vertical ruling lines, and a full-resolution mask of their pixels (None if none).

    Morphological opening with a long thin kernel keeps only runs of ink longer than any letter,
    i.e. rulings (and underlines, which are as unwanted). The mask is only the ink of the rulings
    plus a pixel, so a letter touching a ruling loses just the part that overlaps it.
    """
    factor = min(1.0, _LINES_DPI / dpi)
    ink = _ink(pixels).astype(np.uint8) * 255
    small = cv2.resize(ink, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else ink
    # INTER_AREA greys a 1-px ruling to ~1/factor of full ink; keep anything that was mostly ink.
    small = ((small > 96) * 255).astype(np.uint8)
    length = max(15, round(_MIN_LINE_IN * dpi * factor))
    found: dict[str, list[Line]] = {}
    masks = []
    scale = 1 / factor
    for name, kernel in (
        ("h", cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1))),
        ("v", cv2.getStructuringElement(cv2.MORPH_RECT, (1, length))),
    ):
        opened = cv2.morphologyEx(small, cv2.MORPH_OPEN, kernel)
        # Bridge the gaps JPEG and toner drop-outs leave in a ruling, so it is one line, not ten.
        bridge = (5, 1) if name == "h" else (1, 5)
        opened = cv2.morphologyEx(opened, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, bridge))
        count, _, stats, _ = cv2.connectedComponentsWithStats(opened, connectivity=8)
        lines: list[Line] = []
        for i in range(1, count):
            x, y, w, h = (int(v) for v in stats[i, :4])
            lines.append((round(x * scale), round(y * scale), round((x + w) * scale), round((y + h) * scale)))
        lines.sort(key=lambda ln: (ln[1], ln[0]) if name == "h" else (ln[0], ln[1]))
        found[name] = lines
        if lines:
            masks.append(opened)
    if not masks:
        return [], [], None
    combined = masks[0] if len(masks) == 1 else cv2.bitwise_or(masks[0], masks[1])
    h, w = pixels.shape
    # Thicken a little before upscaling so the ruling's blurred edges go too, then keep only ink.
    combined = cv2.dilate(combined, np.ones((3, 3), np.uint8))
    full = cv2.resize(combined, (w, h), interpolation=cv2.INTER_NEAREST) > 0
    if _ERASE_MARGIN:
        near_ink = cv2.dilate(ink, np.ones((2 * _ERASE_MARGIN + 1, 2 * _ERASE_MARGIN + 1), np.uint8)) > 0
        full &= near_ink
    return found["h"], found["v"], full
