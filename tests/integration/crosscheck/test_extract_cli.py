"""`crosscheck extract`: the ingest's entity extraction as a command, JSON lines in and out (README)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from crosscheck.errors import ExitCode
from tests.paths import REPO

pytestmark = pytest.mark.integration

DOCS = [
    {"id": "uk-1", "text": "Тараса Ковальчука звільнили з полону. Ковальчук повернувся до Києва 14 березня."},
    {
        "id": "en-2",
        "text": "Olena Bondar of the 36th Marine Brigade was seen in Mariupol, Ukrinform reported.",
        "lang": "en",
    },
]


def _extract(stdin: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crosscheck.cli", "extract", "--format", "jsonl"],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )


def test_json_lines_in_one_line_out_per_document_with_exact_offsets() -> None:
    proc = _extract("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS))
    assert proc.returncode == ExitCode.OK, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["uk-1", "en-2"]
    assert [o["lang"] for o in out] == ["uk", "en"]  # detected for the first, given for the second
    for doc, o in zip(DOCS, out, strict=True):
        assert o["mentions"], o
        for m in o["mentions"]:
            assert doc["text"][m["start"] : m["end"]] == m["surface"]
            assert set(m) >= {"label", "start", "end", "surface", "name", "key", "confidence", "method"}
    uk = {m["surface"]: m for m in out[0]["mentions"]}
    # The bare surname keeps its own nominative as name and takes the full name's key (in-document identity).
    assert uk["Тараса Ковальчука"]["name"] == "Тарас Ковальчук"
    assert uk["Ковальчук"]["name"] == "Ковальчук" and uk["Ковальчук"]["key"] == uk["Тараса Ковальчука"]["key"]
    assert uk["Києва"]["label"] == "PLACE" and uk["Києва"]["name"] == "Київ"
    labels = {m["surface"]: m["label"] for m in out[1]["mentions"]}
    assert labels.get("Olena Bondar") == "PERSON" and labels.get("Mariupol") == "PLACE"


def test_a_bad_input_line_is_one_clear_error_and_exit_2() -> None:
    proc = _extract('{"id": "ok", "text": "Київ"}\nnot json\n')
    assert proc.returncode == ExitCode.USAGE
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()]  # one line, no traceback
    assert "input line 2" in proc.stderr
    assert json.loads(proc.stdout.splitlines()[0])["id"] == "ok"  # what came before was written
