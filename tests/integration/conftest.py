"""Integration fixtures on top of tests/conftest.py's graph server: read rows off the test's graph, and ingest a
folder through the real ``crosscheck ingest`` command, as an investigator would."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Protocol

import pytest

from crosscheck.errors import ExitCode
from tests.conftest import run_cli


class Rows(Protocol):
    def __call__(self, query: str, **params: Any) -> list[dict]: ...


class Ingest(Protocol):
    def __call__(
        self,
        folder: Path,
        *extra: str,
        env: dict[str, str] | None = None,
        workers: str | None = "0",
        expect: int | None = ExitCode.OK,
    ) -> dict: ...


@pytest.fixture
def rows(graph) -> Rows:
    """``rows(query, **params)``: a read query's records as dicts, on the test's graph (emptied first, as
    ``graph`` always is)."""

    def read(query: str, **params: Any) -> list[dict]:
        with graph.session() as s:
            return [r.data() for r in s.run(query, **params)]

    return read


@pytest.fixture
def ingest(graph_home: Path) -> Ingest:
    """``ingest(folder, *extra, env=None, workers="0", expect=ExitCode.OK)``: run the real CLI over ``folder``
    and return its JSON summary with the process's exit code added under ``"exit_code"``.

    ``workers=None`` leaves ``--workers`` out so the configured default applies; ``expect=None`` checks no exit
    code (the caller does, or the run is only set-up). It depends on ``graph_home`` only so that the server is
    running and the environment points at it; it does not empty the graph (ask for ``graph`` or ``rows``)."""

    def run(
        folder: Path,
        *extra: str,
        env: dict[str, str] | None = None,
        workers: str | None = "0",
        expect: int | None = ExitCode.OK,
    ) -> dict:
        workers_args = () if workers is None else ("--workers", workers)
        proc = run_cli("ingest", str(folder), "--format", "json", *workers_args, *extra, env=env)
        if expect is not None:
            assert proc.returncode == expect, proc.stderr
        assert proc.stdout.strip(), proc.stderr
        return {**json.loads(proc.stdout), "exit_code": proc.returncode}

    return run
