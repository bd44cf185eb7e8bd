"""The drop-folder batch: find what is new, process it in parallel, write each file as it completes.

Workers (dask processes, or this process with ``workers=0``) do the CPU work; this process is the
only graph writer, one transaction per file, so a crash loses at most the files in flight and a
re-run picks them up. Files already in the graph (same content hash) are skipped.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from crosscheck.errors import ConfigError, CrosscheckError
from crosscheck.pipeline.faults import WORKER_CRASHED
from crosscheck.pipeline.quarantine import quarantine
from crosscheck.pipeline.worker import ListedFile, failed_result, list_file, process_file
from crosscheck.records.document import FileResult
from crosscheck.records.ids import doc_id_for
from crosscheck.settings import Settings
from graph import writer
from graph.connection import Graph

log = logging.getLogger(__name__)
WORKER_NICENESS = 10


@dataclass
class Failure:
    path: str
    reason: str
    error: str


@dataclass
class BatchSummary:
    files: int = 0
    ingested: int = 0
    unchanged: int = 0
    replaced: int = 0
    pages: int = 0
    ocr_pages: int = 0
    mentions: int = 0
    listed_rows: int = 0
    lists: int = 0
    entities: dict[str, set[str]] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    # Extractor faults contained (crosscheck.pipeline.faults): stage -> how many times, over all files.
    contained: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, result: FileResult) -> None:
        self.pages += len(result.pages)
        self.ocr_pages += result.ocr_pages
        self.mentions += len(result.mentions)
        self.listed_rows += len(result.listed)
        self.lists += bool(result.listed)
        for m in result.mentions:
            self.entities.setdefault(m.label, set()).add(m.key)
        for stage, n in result.contained.items():
            self.contained[stage] = self.contained.get(stage, 0) + n


def list_files(folder: Path) -> list[Path]:
    """Every regular file under ``folder``, skipping hidden files and folders (editor and OS litter)."""
    found = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and not path.is_symlink():
            found.append(path)
    return found


@contextmanager
def _executor(settings: Settings, n_tasks: int) -> Iterator[object | None]:
    """A dask client (LocalCluster by default, or CROSSCHECK_SCHEDULER), or None for in-process work."""
    if settings.workers <= 0 or (n_tasks <= 1 and not settings.scheduler):
        yield None
        return
    import dask
    from distributed import Client, LocalCluster

    # A file that kills its worker (memory) is not retried on another worker: it is quarantined.
    dask.config.set(
        {
            "distributed.scheduler.allowed-failures": 0,
            "distributed.worker.daemon": True,
            # The stack-sampling profiler costs CPU the documents need; nobody reads its output.
            "distributed.worker.profile.enabled": False,
        }
    )
    # dask logs every worker start and stop at INFO on its own handlers; investigators need none of it.
    for name in ("distributed", "distributed.scheduler", "distributed.nanny", "distributed.worker"):
        logging.getLogger(name).setLevel(logging.ERROR)
    if settings.scheduler:
        client = Client(settings.scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    n_workers = max(1, min(settings.workers, n_tasks))
    with (
        LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            memory_limit=settings.worker_memory_limit,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        # Workers yield the CPU to this process and the graph server: a result written as soon as it
        # arrives costs nothing, while writes queued behind busy workers pile up at the end.
        client.run(os.nice, WORKER_NICENESS)
        yield client


def _results(client: object | None, todo: list[ListedFile], folder: Path, settings: Settings) -> Iterator[FileResult]:
    if client is None:
        for listed in todo:
            yield process_file(str(listed.path), str(folder), settings, listed)
        return
    from distributed import as_completed  # deferred: dask is loaded only when a batch has workers

    futures = {
        client.submit(process_file, str(f.path), str(folder), settings, f, key=f"file-{i}"): f  # type: ignore[attr-defined]
        for i, f in enumerate(todo)
    }
    for future in as_completed(futures):
        listed = futures[future]
        try:
            yield future.result()
        except CrosscheckError:
            raise
        except Exception as exc:  # faults.py: the worker process died on this file
            message = f"processing this file crashed its worker ({exc})"
            yield failed_result(str(listed.path), str(folder), WORKER_CRASHED, message, listed)
        finally:
            future.release()


def with_ocr_threads(settings: Settings, n_files: int) -> Settings:
    """A copy of ``settings`` whose ``ocr_threads`` shares this machine's cores among the files in flight.

    Fewer files than workers would leave cores idle while one long scan is OCR'd page by page;
    its pages then run side by side instead. An explicit CROSSCHECK_OCR_THREADS is kept.
    """
    if "ocr_threads" in settings.model_fields_set:
        return settings
    cores = os.cpu_count() or 1
    in_flight = max(1, min(settings.workers, n_files))
    return settings.model_copy(update={"ocr_threads": max(1, cores // in_flight)})


def run_batch(folder: Path, settings: Settings, graph: Graph, *, force: bool = False) -> BatchSummary:
    if not folder.is_dir():
        raise ConfigError(f"{folder} is not a folder")
    folder = folder.resolve()
    started = time.perf_counter()
    summary = BatchSummary()
    files = list_files(folder)
    summary.files = len(files)

    # Each file is hashed once, here: the worker reuses the hash unless the file changed since.
    listing = {p: list_file(p) for p in files}
    hashes = {p: listed.sha256 for p, listed in listing.items()}
    known = writer.existing_documents(graph, sorted({doc_id_for(h) for h in hashes.values()}))
    # What each location held at the last ingest: a different doc_id there means the file changed.
    held = writer.locations_under(graph, str(folder))
    previous: dict[Path, str | None] = {}
    todo: list[Path] = []
    first_of: dict[str, Path] = {}
    duplicates: list[Path] = []
    for path in files:
        doc_id = doc_id_for(hashes[path])
        before = held.get(str(path))
        previous[path] = before if before != doc_id else None
        if doc_id in known and not force:
            summary.unchanged += 1
            if str(path) not in known[doc_id].locations:
                summary.replaced += len(writer.add_location(graph, doc_id, str(path), previous[path]))
            continue
        if doc_id in first_of:
            duplicates.append(path)  # same bytes twice in this batch: process once
            continue
        first_of[doc_id] = path
        todo.append(path)
    # Largest first: the long files start early instead of running alone at the end of the batch.
    todo.sort(key=lambda p: listing[p].size, reverse=True)

    log.info("%d files listed and hashed, %d to process (%.1f s)", len(files), len(todo), time.perf_counter() - started)
    settings = with_ocr_threads(settings, len(todo))
    show = sys.stderr.isatty()
    with (
        _executor(settings, len(todo)) as client,
        tqdm(total=len(todo), unit="file", disable=not show, desc="ingest") as bar,
    ):
        log.info("workers ready (%.1f s)", time.perf_counter() - started)
        writing = working = 0.0
        for result in _results(client, [listing[p] for p in todo], folder, settings):
            t0 = time.perf_counter()
            working += sum(result.timings.values())
            before = previous.get(Path(result.location))
            before = before if before != result.doc_id else None  # the file may have changed again
            if result.failed:
                quarantine(result, settings)
                summary.replaced += len(writer.write_failure(graph, result, before))
                summary.failures.append(Failure(result.path, result.error_reason or "", result.error or ""))
            else:
                summary.replaced += len(writer.write_document(graph, result, before))
                summary.ingested += 1
                summary.add(result)
            writing += time.perf_counter() - t0
            bar.update(1)
        log.info(
            "all files processed (%.1f s); workers busy %.1f s in all; %.1f s writing to the graph; "
            "this process used %.1f s of CPU",
            time.perf_counter() - started,
            working,
            writing,
            time.process_time(),
        )
    for path in duplicates:
        summary.replaced += len(writer.add_location(graph, doc_id_for(hashes[path]), str(path), previous[path]))
        summary.unchanged += 1
    summary.seconds = time.perf_counter() - started
    return summary
