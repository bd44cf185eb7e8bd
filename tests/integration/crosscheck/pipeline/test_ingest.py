"""The drop-folder batch end to end through the real CLI: real parsers, tesseract, NLP and graph."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from crosscheck.errors import ExitCode
from graph import writer
from tests.conftest import run_cli
from tests.fixtures.factory import BROKEN_KIND_REASON, make_broken_files, make_good_files
from tests.paths import REPO

pytestmark = pytest.mark.integration

SAMPLES = REPO / "samples"


def _snapshot(graph) -> dict:
    """Everything that must be identical between two runs over the same folder."""
    with graph.session() as s:
        docs = sorted(r[0] for r in s.run("MATCH (d:Document) RETURN d.doc_id"))
        ents = sorted(tuple(r) for r in s.run("MATCH (e) WHERE e.key IS NOT NULL RETURN labels(e)[0], e.key"))
        mentions = sorted(r[0] for r in s.run("MATCH ()-[m:MENTIONS]->() RETURN m.mention_id"))
        pages = sorted(r[0] for r in s.run("MATCH (p:Page) RETURN p.page_id"))
    return {
        "counts": writer.counts(graph),
        "docs": docs,
        "entities": ents,
        "mentions": mentions,
        "pages": pages,
    }


def test_samples_twice_second_run_adds_nothing(graph, settings, ingest):
    first = ingest(SAMPLES, workers="2", expect=None)  # the dask LocalCluster path
    assert first["exit_code"] == ExitCode.OK, first
    assert first["ingested"] == first["files"] >= 6
    assert first["ocr_pages"] >= 1
    assert first["entities"].get("PERSON", 0) >= 3
    before = _snapshot(graph)

    second = ingest(SAMPLES, workers="2", expect=None)
    assert second["exit_code"] == ExitCode.OK
    assert second["ingested"] == 0 and second["unchanged"] == first["files"]
    assert _snapshot(graph) == before


def test_every_broken_file_is_quarantined_and_the_good_ones_ingested(graph, settings, ingest, tmp_path):
    folder = tmp_path / "drop"
    good = make_good_files(folder)
    limit = 2 * 1024 * 1024
    broken = make_broken_files(folder, limit_bytes=limit)
    assert len(set(broken.values())) >= 10

    summary = ingest(folder, env={"CROSSCHECK_MAX_FILE_BYTES": str(limit)}, workers=None, expect=None)
    assert summary["exit_code"] == ExitCode.FILES_FAILED
    assert summary["ingested"] == len(good)
    failed = {f["path"]: f["reason"] for f in summary["failures"]}
    assert set(failed) == set(broken)
    for name, kind in broken.items():
        assert failed[name] == BROKEN_KIND_REASON[kind], (name, kind, failed[name])
        reason = json.loads((settings.quarantine_dir / f"{_doc_prefix(graph, name)}-{name}.json").read_text())
        assert reason["reason"] == failed[name] and reason["error"]

    with graph.session() as s:
        statuses = dict(s.run("MATCH (d:Document) UNWIND d.locations AS loc RETURN loc, d.status").values())
        orphans = s.run("MATCH (d:Document {status: 'failed'})-[r]-() RETURN count(r)").single()[0]
    assert orphans == 0  # nothing half-written for a failed file
    for p in good:
        assert statuses[str(p.resolve())] == "ingested"


def _doc_prefix(graph, file_name: str) -> str:
    with graph.session() as s:
        return s.run("MATCH (d:Document {file_name: $f}) RETURN d.doc_id", f=file_name).single()[0][:12]


def test_changed_file_is_reingested_and_its_old_facts_replaced(graph, ingest, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    note = folder / "note.txt"
    note.write_text("Полонений Тарас Ковальчук повернувся до Харкова у березні.\n", encoding="utf-8")
    ingest(folder, workers=None, expect=None)
    note.write_text("Полонена Олена Бондар повернулася до Одеси у березні.\n", encoding="utf-8")
    summary = ingest(folder, workers=None, expect=None)
    assert summary["exit_code"] == ExitCode.OK and summary["ingested"] == 1 and summary["replaced"] == 1
    with graph.session() as s:
        docs = s.run("MATCH (d:Document) RETURN count(d)").single()[0]
        names = {r[0] for r in s.run("MATCH (p:Person) RETURN p.name")}
    assert docs == 1
    assert not any("Ковальчук" in n for n in names)


def test_sigkill_mid_batch_then_rerun_equals_a_clean_run(graph, settings, ingest, tmp_path):
    folder = tmp_path / "drop"
    for i in range(4):
        sub = folder / f"batch{i}"
        make_good_files(sub)
        # make the copies distinct documents
        (sub / "note-uk.txt").write_text((sub / "note-uk.txt").read_text() + f"\nКопія {i}.\n")
    ingest(folder, workers=None, expect=None)
    clean = _snapshot(graph)
    graph.write(lambda tx: tx.run("MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n").consume())

    env = {**os.environ}
    proc = subprocess.Popen(
        [sys.executable, "-m", "crosscheck.cli", "ingest", str(folder), "--workers", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=REPO,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        with graph.session() as s:
            if s.run("MATCH (d:Document) RETURN count(d)").single()[0] >= 3:
                break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _snapshot(graph)
    assert 0 < len(partial["docs"]) < len(clean["docs"]), "the kill must land mid-batch"

    rerun = ingest(folder, workers=None, expect=None)
    assert rerun["exit_code"] == ExitCode.OK
    assert _snapshot(graph) == clean


def test_a_write_through_query_is_refused(graph):
    proc = run_cli("query", "CREATE (p:Person {key: 'intruder'}) RETURN p")
    assert proc.returncode == ExitCode.QUERY
    assert "read-only" in proc.stderr
    with graph.session() as s:
        assert s.run("MATCH (p:Person {key: 'intruder'}) RETURN count(p)").single()[0] == 0


def test_saved_query_json_lists_documents_for_a_name_in_another_script(graph, ingest, tmp_path):
    folder = tmp_path / "drop"
    shutil.copytree(SAMPLES, folder, ignore=shutil.ignore_patterns("*.py", "README.md"))
    ingest(folder, workers=None, expect=None)
    proc = run_cli("query", "--saved", "top-entities", "--param", "kind=Person", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert rows and {"kind", "entity", "documents", "aliases"} <= set(rows[0])
