"""Shared test set-up: a real embedded graph server for the session, and settings pointing at it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crosscheck.settings import Settings
from tests.paths import REPO


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def graph_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A crosscheck home with its own running graph server, stopped at the end of the session."""
    from graph import server

    home = tmp_path_factory.mktemp("crosscheck-home")
    settings = Settings(home=home, bolt_port=free_port(), http_port=free_port(), workers=0)
    os.environ.update(env_for(settings))
    server.ensure_started(settings)
    yield home
    server.stop(settings)


def env_for(settings: Settings) -> dict[str, str]:
    return {
        "CROSSCHECK_HOME": str(settings.home),
        "CROSSCHECK_BOLT_PORT": str(settings.bolt_port),
        "CROSSCHECK_HTTP_PORT": str(settings.http_port),
    }


@pytest.fixture(scope="session")
def settings(graph_home: Path) -> Settings:
    return Settings(home=graph_home, workers=0)


@pytest.fixture
def graph(settings: Settings):
    """A writer connection to a graph emptied before each test."""
    from graph.migrations import open_writer

    g = open_writer(settings)
    g.write(lambda tx: tx.run("MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n").consume())
    yield g
    g.close()


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """The real ``crosscheck`` command in a subprocess, as an investigator would run it."""
    return subprocess.run(
        [sys.executable, "-m", "crosscheck.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
        cwd=REPO,
    )
