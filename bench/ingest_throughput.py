"""Ingest throughput against its floor, on generated inputs, on this machine's cores.

    python -m bench.ingest_throughput [--pdfs 24] [--scans 8] [--workers N] [--repeat 3] [--keep DIR]

Prints, for born-digital PDF pages and OCR'd scan pages separately:
  - crosscheck: `crosscheck ingest` end to end (dask workers, graph writes) — wall time,
    documents/s and pages/s;
  - floor: the same inputs through the same extraction alone on the same cores, with no
    orchestration and no graph: pdfplumber text + language + NLP pipelines in a process pool for
    PDFs; bare `tesseract` (OMP_THREAD_LIMIT=1, one process per core) for scans;
  - the ratio (target >= 0.8), peak RSS per worker process, and the graph server's RSS.
Run-to-run noise on these machines is a few percent; model loading (once per worker) is inside
both figures. The graph server is warmed first with an ingest of samples/ (it is long-lived; a
cold JVM spends its first minute compiling).
"""

# crosscheck modules are imported inside the measured functions on purpose: each runs in its own process,
# whose start-up and peak memory are part of what is measured.

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- floors ---------------------------------------------------------------------------------


def _floor_pdf(path: str) -> int:
    import pdfplumber

    from crosscheck.settings import Settings
    from nlp.extract import extract_mentions
    from nlp.language import page_languages

    models = Settings().models_dir
    with pdfplumber.open(path) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
    _, langs = page_languages(texts)
    for text, lang in zip(texts, langs, strict=True):
        extract_mentions(text, lang, models)
    return len(texts)


def _floor_tesseract(path: str, langs: str) -> None:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    subprocess.run(["tesseract", path, "-", "-l", langs], check=True, capture_output=True, env=env)


def floor_pdfs(files: list[Path], workers: int) -> tuple[float, int]:
    t0 = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        pages = sum(pool.map(_floor_pdf, [str(f) for f in files]))
    return time.perf_counter() - t0, pages


def floor_scans(files: list[Path], workers: int, langs: str) -> float:
    t0 = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda f: _floor_tesseract(str(f), langs), files))
    return time.perf_counter() - t0


# --- crosscheck -----------------------------------------------------------------------------


class PeakRss:
    """Samples the RSS of every process under a root pid (the ingest command and its workers)."""

    def __init__(self, pid: int):
        self.root = psutil.Process(pid)
        self.peaks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            for p in procs:
                try:
                    rss = p.memory_info().rss
                except psutil.NoSuchProcess:
                    continue
                self.peaks[p.pid] = max(self.peaks.get(p.pid, 0), rss)
            time.sleep(0.2)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _empty_graph(env: dict[str, str]) -> None:
    """Forget earlier runs, so the next ingest writes everything again (the server stays warm)."""
    code = (
        "from crosscheck.settings import Settings; from graph.migrations import open_writer\n"
        "with open_writer(Settings()) as g:\n"
        "    g.write(lambda tx: tx.run('MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n').consume())"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=REPO)


def crosscheck_ingest(folder: Path, env: dict[str, str], workers: int) -> tuple[float, dict, dict[int, int]]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crosscheck.cli",
            "ingest",
            str(folder),
            "--format",
            "json",
            "--workers",
            str(workers),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=REPO,
        text=True,
    )
    with PeakRss(proc.pid) as rss:
        out, err = proc.communicate()
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 3):
        raise SystemExit(f"crosscheck ingest failed ({proc.returncode}):\n{err}")
    return elapsed, json.loads(out), rss.peaks


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pdfs", type=int, default=24)
    ap.add_argument("--scans", type=int, default=8)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--keep", type=Path, help="keep the generated inputs and graph home here")
    ap.add_argument("--repeat", type=int, default=1, help="runs per figure; the best is printed")
    args = ap.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="crosscheck-bench-"))
    pdf_dir, scan_dir = work / "pdfs", work / "scans"
    for d, n, flag in ((pdf_dir, args.pdfs, "--pdfs"), (scan_dir, args.scans, "--scans")):
        if not d.exists():
            other = "--scans" if flag == "--pdfs" else "--pdfs"
            subprocess.run(
                [sys.executable, "-m", "bench.make_inputs", str(d), flag, str(n), other, "0"],
                check=True,
                cwd=REPO,
            )
    pdfs = sorted(pdf_dir.glob("*.pdf"))
    scans = sorted(p for p in scan_dir.iterdir() if p.suffix in {".png", ".jpg", ".tif"})
    langs = os.environ.get("CROSSCHECK_OCR_LANGUAGES", "ukr+rus+eng")

    home = work / "home"
    shutil.rmtree(home, ignore_errors=True)
    env = {
        **os.environ,
        "CROSSCHECK_HOME": str(home),
        "CROSSCHECK_BOLT_PORT": str(_free_port()),
        "CROSSCHECK_HTTP_PORT": str(_free_port()),
    }
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "crosscheck.cli", "graph", "start"], check=True, env=env, cwd=REPO)
    server_start = time.perf_counter() - t0
    # The server is long-lived by design; its first minute of work also pays for JIT compilation.
    # Warm it with the samples (not timed) so the figures are the steady state an investigator sees.
    warm_dir = work / "warmup"
    shutil.rmtree(warm_dir, ignore_errors=True)
    shutil.copytree(REPO / "samples", warm_dir)
    warm_s, _, _ = crosscheck_ingest(warm_dir, env, args.workers)
    try:
        # Best of --repeat runs for each figure: this machine's noise is +-10% run to run.
        floor_pdf_s = floor_scan_s = cc_pdf_s = cc_scan_s = float("inf")
        pdf_rss: dict[int, int] = {}
        scan_rss: dict[int, int] = {}
        for _ in range(args.repeat):
            seconds, pdf_pages = floor_pdfs(pdfs, args.workers)
            floor_pdf_s = min(floor_pdf_s, seconds)
            floor_scan_s = min(floor_scan_s, floor_scans(scans, args.workers, langs))
            _empty_graph(env)
            seconds, pdf_summary, rss = crosscheck_ingest(pdf_dir, env, args.workers)
            cc_pdf_s, pdf_rss = min(cc_pdf_s, seconds), {**pdf_rss, **rss}
            seconds, scan_summary, rss = crosscheck_ingest(scan_dir, env, args.workers)
            cc_scan_s, scan_rss = min(cc_scan_s, seconds), {**scan_rss, **rss}
        server_pid = int((home / "graph-server" / "server.pid").read_text())
        server_rss = psutil.Process(server_pid).memory_info().rss
    finally:
        subprocess.run([sys.executable, "-m", "crosscheck.cli", "graph", "stop"], env=env, cwd=REPO)

    def row(name: str, docs: int, pages: int, seconds: float) -> str:
        return f"{name:<28}{docs:>6}{pages:>7}{seconds:>9.1f}{docs / seconds:>9.2f}{pages / seconds:>9.2f}"

    print(
        f"\ncores: {os.cpu_count()}, workers: {args.workers}, graph server start: {server_start:.1f} s, "
        f"warm-up ingest of samples/: {warm_s:.1f} s"
    )
    print(f"{'':<28}{'docs':>6}{'pages':>7}{'seconds':>9}{'docs/s':>9}{'pages/s':>9}")
    print(row("born-digital floor", len(pdfs), pdf_pages, floor_pdf_s))
    print(row("born-digital crosscheck", pdf_summary["ingested"], pdf_summary["pages"], cc_pdf_s))
    print(row("OCR floor (bare tesseract)", len(scans), len(scans), floor_scan_s))
    print(row("OCR crosscheck", scan_summary["ingested"], scan_summary["ocr_pages"], cc_scan_s))
    pdf_ratio, ocr_ratio = floor_pdf_s / cc_pdf_s, floor_scan_s / cc_scan_s
    print(f"crosscheck / floor: born-digital {pdf_ratio:.2f}, OCR {ocr_ratio:.2f} (target >= 0.8)")
    rss = sorted({**pdf_rss, **scan_rss}.values(), reverse=True)
    print(
        "peak RSS per process (MB): "
        + ", ".join(f"{r / 1e6:.0f}" for r in rss[: args.workers + 2])
        + f"; graph server: {server_rss / 1e6:.0f} MB"
    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
