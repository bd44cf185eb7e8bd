"""OCR throughput against bare tesseract, on generated degraded 300-dpi pages, on this machine's cores.

    python -m bench.ocr_throughput [--pages 12] [--keep DIR]

Half the pages are prose (tilted 1.5 degrees, dust, JPEG q40), half ruled lists (tilted). Prints:
  (a) the floor: bare `tesseract <page.bmp> stdout --psm 3 -l ukr+rus+eng tsv`, OMP_THREAD_LIMIT=1,
      on 1 core and on all cores (one process per core);
  (b) crosscheck: the same pages as PNG files through `parse_bytes` (decode, preprocess, tesseract,
      layout), 1 process and one process per core; and one image-only PDF of all the pages in a
      single process with ocr_threads = cores (the one-big-scan case). Pages/s and ratio to the floor;
  (c) the time split per page: render (PDF), preprocess, language hint, tesseract, layout, OSD.
Figures are wall-clock on a shared machine: expect a few percent of noise run to run.
"""

# crosscheck modules are imported inside the measured functions on purpose: each runs in its own process,
# whose start-up and peak memory are part of what is measured.

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

LANGS = os.environ.get("CROSSCHECK_OCR_LANGUAGES", "ukr+rus+eng")
PROSE = [
    "Довідка про зникнення безвісти",
    "Вигаданенко Тарас Петрович, 1990 року народження, зник безвісти під Запоріжжям 9 січня 2025 року.",
    "Иван Выдумкин, 1987 года рождения, находился в плену в Еленовке до марта, затем был освобождён.",
    "Olena Fictional reported both names to the coordination headquarters in Kyiv on 3 February.",
    "",
] * 5


def _ruled_page(seed: int):
    """A degraded ruled list: helper fixtures (tests.fixtures.lists) when present, else a simple one."""
    try:
        from tests.fixtures.lists import ListSpec, make_list

        spec = ListSpec(
            name=f"bench-{seed}", lang="uk" if seed % 4 == 1 else "ru", layout="ruled", medium="png", seed=seed
        )
        return make_list(spec).images[0]
    except ImportError:
        from tests.unit.ingest.test_preprocess import ruled_list

        return ruled_list(rotate_deg=1.5 if seed % 4 == 1 else -1.0, rows=30)


def make_pages(folder: Path, n: int) -> list[Path]:
    from tests.fixtures.factory import render_scan

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        if i % 2:
            image = _ruled_page(i).convert("L")
        else:
            image = render_scan(PROSE, rotate_deg=1.5, noise=0.002, jpeg_quality=40, seed=i)
        png = folder / f"page-{i:03}.png"
        image.save(png, dpi=(300, 300))
        image.save(folder / f"page-{i:03}.bmp")
        paths.append(png)
    return paths


def _bare_tesseract(bmp: str) -> None:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    cmd = ["tesseract", bmp, "stdout", "--psm", "3", "--dpi", "300", "-l", LANGS, "tsv"]
    subprocess.run(cmd, check=True, capture_output=True, env=env)


def floor(pngs: list[Path], workers: int) -> float:
    bmps = [str(p.with_suffix(".bmp")) for p in pngs]
    t0 = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:  # each thread just waits on its tesseract process
        list(pool.map(_bare_tesseract, bmps))
    return time.perf_counter() - t0


def _crosscheck_file(path: str, ocr_threads: int = 1) -> list[dict[str, float]]:
    from crosscheck.settings import Settings
    from ingest.registry import parse_bytes

    settings = Settings(ocr_threads=ocr_threads)
    doc = parse_bytes(Path(path).read_bytes(), Path(path).name, settings)
    return [p.timings for p in doc.pages]


def crosscheck_files(pngs: list[Path], workers: int) -> tuple[float, list[dict[str, float]]]:
    t0 = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        timings = [t for page in pool.map(_crosscheck_file, [str(p) for p in pngs]) for t in page]
    return time.perf_counter() - t0, timings


def image_pdf(pngs: list[Path], target: Path) -> Path:
    from PIL import Image

    images = [Image.open(p).convert("L") for p in pngs]
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=300, save_all=True, append_images=images[1:])
    target.write_bytes(buf.getvalue())
    return target


def crosscheck_pdf(pdf: Path, threads: int) -> tuple[float, list[dict[str, float]]]:
    # A fresh process, as a batch worker would be: no warm caches from the runs before.
    t0 = time.perf_counter()
    with ProcessPoolExecutor(1) as pool:
        timings = pool.submit(_crosscheck_file, str(pdf), threads).result()
    return time.perf_counter() - t0, timings


def _means(timings: list[dict[str, float]]) -> dict[str, float]:
    keys = ["render", "preprocess", "language_hint", "tesseract", "layout", "osd"]
    return {k: sum(t.get(k, 0.0) for t in timings) / len(timings) for k in keys if any(k in t for t in timings)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=12)
    ap.add_argument("--keep", type=Path, help="keep the generated pages here")
    args = ap.parse_args(argv)
    cores = os.cpu_count() or 1
    work = args.keep or Path(tempfile.mkdtemp(prefix="crosscheck-ocr-bench-"))
    t0 = time.perf_counter()
    pngs = make_pages(work / "pages", args.pages)
    pdf = image_pdf(pngs, work / "scan.pdf")
    print(f"{len(pngs)} pages generated in {time.perf_counter() - t0:.1f} s; cores: {cores}; languages: {LANGS}")

    rows: list[tuple[str, float, float | None]] = []
    # Interleaved, so a neighbour's load on a shared machine hits floor and crosscheck alike.
    floor_1 = floor(pngs, 1)
    cc_1, t_files = crosscheck_files(pngs, 1)
    floor_n = floor(pngs, cores)
    cc_n, _ = crosscheck_files(pngs, cores)
    pdf_s, t_pdf = crosscheck_pdf(pdf, cores)
    n = len(pngs)
    rows = [
        ("floor: bare tesseract, 1 core", floor_1, None),
        (f"floor: bare tesseract, {cores} cores", floor_n, None),
        ("crosscheck: PNG files, 1 process", cc_1, floor_1),
        (f"crosscheck: PNG files, {cores} processes", cc_n, floor_n),
        (f"crosscheck: one {n}-page PDF, ocr_threads={cores}", pdf_s, floor_n),
    ]
    print(f"\n{'':<48}{'seconds':>9}{'pages/s':>9}{'/ floor':>9}")
    for name, seconds, base in rows:
        ratio = f"{base / seconds:>9.2f}" if base else f"{'':>9}"
        print(f"{name:<48}{seconds:>9.1f}{n / seconds:>9.2f}{ratio}")
    print("(target: crosscheck >= 0.8 x floor)")

    print("\nmean seconds per page")
    for name, timings in (("PNG files", t_files), ("image-only PDF", t_pdf)):
        means = _means(timings)
        share = means.get("preprocess", 0.0) / max(means.get("tesseract", 1e-9), 1e-9)
        parts = ", ".join(f"{k} {v:.3f}" for k, v in means.items())
        print(f"  {name:<16}{parts}; preprocess = {share:.0%} of tesseract")
    osd_pages = sum(1 for t in t_files if "osd" in t)
    print(f"  OSD ran on {osd_pages} of {n} pages")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
