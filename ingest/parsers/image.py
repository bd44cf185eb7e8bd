"""Scanned images (PNG, JPEG, TIFF): OCR every frame; a multi-page TIFF gives one page per frame."""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from datetime import datetime

from PIL import Image, UnidentifiedImageError

from crosscheck.errors import CorruptFile, CrosscheckError, DecompressionBomb, OversizedFile
from crosscheck.records.pages import Page, ParsedDocument
from ingest.formats import Format
from ingest.ocr import map_ordered, ocr_image
from ingest.parsers import ParseContext

PNG = Format("image/png", "a PNG image", (".png",), magic=(b"\x89PNG\r\n\x1a\n",))
JPEG = Format("image/jpeg", "a JPEG image", (".jpg", ".jpeg", ".jpe"), magic=(b"\xff\xd8\xff",))
TIFF = Format("image/tiff", "a TIFF image", (".tif", ".tiff"), magic=(b"II*\x00", b"MM\x00*"))  # little-, big-endian

# What Pillow raises on damaged or truncated files: it has no single exception type for it.
_DAMAGED = (OSError, SyntaxError, ValueError, EOFError, UnidentifiedImageError, IndexError, KeyError)


class ImageParser:
    name = "image"
    formats = (PNG, JPEG, TIFF)

    def parse(self, data: bytes, ctx: ParseContext) -> ParsedDocument:
        # Pillow's guard is a module global: set it per parse, in step with settings, and put it
        # back after, or a small test limit leaks into every later Image.open in the process.
        previous = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = ctx.settings.max_image_pixels
        try:
            return self._parse(data, ctx)
        finally:
            Image.MAX_IMAGE_PIXELS = previous

    def _parse(self, data: bytes, ctx: ParseContext) -> ParsedDocument:
        settings = ctx.settings
        with warnings.catch_warnings():
            # Pillow only warns between 1x and 2x the limit; we refuse both.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            try:
                image = Image.open(io.BytesIO(data))
            except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
                raise _bomb(settings.max_image_pixels) from exc
            except _DAMAGED as exc:
                # Pillow's message names a BytesIO object; it helps nobody.
                raise CorruptFile("The image could not be opened; it is damaged or incomplete") from exc

            with image:
                frames = getattr(image, "n_frames", 1)
                if frames > settings.max_pages:
                    raise OversizedFile(
                        f"The image has {frames} pages, more than the limit of {settings.max_pages}; "
                        "split it into smaller files"
                    )
                # Check every frame's size before OCR'ing any: refuse a bomb in seconds, not minutes.
                for index in range(frames):
                    _check_frame_size(image, index, settings.max_image_pixels)
                # Frames decode here, one at a time (a Pillow image is not thread-safe); their
                # OCR runs on ocr_threads, pages coming back in frame order.
                jobs = (self._frame(image, i, frames, ctx) for i in range(frames))
                pages = list(map_ordered(jobs, settings.ocr_threads))
                # Read after the frames are decoded: a PNG's eXIf chunk may follow its pixels.
                file_date = exif_date(image)
        media_type = ctx.media_type or Image.MIME.get(image.format or "", PNG.media_type)
        return ParsedDocument(media_type=media_type, pages=pages, file_date=file_date)

    def _frame(self, image: Image.Image, index: int, frames: int, ctx: ParseContext) -> Callable[[], Page]:
        """Decode frame ``index`` now; returns the job that OCRs it."""
        number = index + 1
        try:
            image.seek(index)
            image.load()  # decode now: truncation shows up here, not at open
            frame = image.copy()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _bomb(ctx.settings.max_image_pixels) from exc
        except _DAMAGED as exc:
            if frames == 1:
                raise CorruptFile(f"The image is damaged or incomplete ({exc})") from exc
            damaged = Page(
                number=number,
                text="",
                method="ocr",
                warnings=[f"Page {number} of the image is damaged and could not be read ({exc})"],
            )
            return lambda: damaged
        dpi = _dpi(image)

        def job() -> Page:
            try:
                page = ocr_image(frame, ctx.settings, dpi=dpi)
            except CrosscheckError:
                raise  # missing tesseract or language data: a set-up problem, not this page's
            except Exception as exc:  # one frame's OCR must not fail a multi-page document
                if frames == 1:
                    raise
                page = Page(
                    number=number,
                    text="",
                    method="ocr",
                    dpi=dpi,
                    warnings=[f"OCR of page {number} failed ({type(exc).__name__}: {exc}); its text is missing"],
                )
            page.number = number
            return page

        return job


def _check_frame_size(image: Image.Image, index: int, limit: int) -> None:
    # Frames of a TIFF can each have their own size; Pillow checks only the first at open.
    try:
        image.seek(index)
    except _DAMAGED:
        return  # a frame we cannot even seek to fails later, as a damaged page
    if image.width * image.height > limit:
        raise DecompressionBomb(
            f"Page {index + 1} of the image is {image.width}x{image.height} pixels, more than the "
            f"limit of {limit:,}; it may be a decompression bomb"
        )


def _dpi(image: Image.Image) -> int | None:
    dpi = image.info.get("dpi")
    try:
        value = round(float(dpi[0])) if dpi else 0
    except (TypeError, ValueError, IndexError):
        return None
    # JPEGs without a density unit report 1 dpi; treat anything implausible as unknown.
    return value if value >= 50 else None


def exif_date(image: Image.Image) -> str | None:
    """When the picture was taken (EXIF ``DateTimeOriginal``, else ``DateTime``), ISO 8601 with the EXIF offset
    when there is one; None when absent or malformed. A file date: when the scan or photo was made."""
    try:
        image.seek(0)  # a TIFF's tags are per frame; the first page's say when the file was made
        exif = image.getexif()
        sub = exif.get_ifd(_EXIF_IFD)
        for moment, offset in (
            (sub.get(_DATE_TIME_ORIGINAL), sub.get(_OFFSET_TIME_ORIGINAL)),
            (exif.get(_DATE_TIME), sub.get(_OFFSET_TIME)),
        ):
            found = _exif_moment(moment, offset)
            if found is not None:
                return found
    except Exception:  # a damaged EXIF block costs the date, never the image
        return None
    return None


# EXIF tags (CIPA DC-008): the Exif sub-IFD, and the date-times and their UTC offsets.
_EXIF_IFD, _DATE_TIME, _DATE_TIME_ORIGINAL = 0x8769, 0x0132, 0x9003
_OFFSET_TIME, _OFFSET_TIME_ORIGINAL = 0x9010, 0x9011


def _exif_moment(value: object, offset: object) -> str | None:
    """``2025:05:23 14:05:00`` (+ ``+03:00``) -> ``2025-05-23T14:05:00+03:00``; None if it is no date-time."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.strptime(value.strip().strip("\x00").strip(), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None  # "0000:00:00 00:00:00", blanks and vendor formats
    if isinstance(offset, str):
        try:
            return datetime.fromisoformat(moment.isoformat() + offset.strip().strip("\x00")).isoformat()
        except ValueError:
            pass  # an unreadable offset: keep the local time
    return moment.isoformat()


def _bomb(limit: int) -> DecompressionBomb:
    return DecompressionBomb(
        f"The image has more than {limit:,} pixels, too many to open safely; it may be a decompression bomb"
    )
