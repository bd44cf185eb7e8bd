"""Start, reuse, inspect and stop the embedded graph server that owns ``$CROSSCHECK_HOME/graph``.

The server is a separate, long-lived process (``graph.server_main``). Its state lives in
``$CROSSCHECK_HOME/graph-server/``: the launcher config (with generated passwords, mode 0600),
a pid file and the log. A file lock makes concurrent ``crosscheck`` commands start it once.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from crosscheck.errors import ConfigError, GraphUnavailable
from crosscheck.settings import Settings

DATABASE = "crosscheck"
READER_USER = "investigator"


@dataclass(frozen=True)
class Credentials:
    uri: str
    user: str
    password: str
    database: str | None


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    bolt_uri: str
    http_port: int
    data_dir: Path
    reader: Credentials | None


def _state_dir(settings: Settings) -> Path:
    return settings.home / "graph-server"


def _config_path(settings: Settings) -> Path:
    return _state_dir(settings) / "server.json"


def _pid_path(settings: Settings) -> Path:
    return _state_dir(settings) / "server.pid"


def _load_or_create_config(settings: Settings) -> dict:
    """Passwords are generated once per home and kept, so later commands and investigators reuse them."""
    state = _state_dir(settings)
    state.mkdir(parents=True, exist_ok=True)
    path = _config_path(settings)
    cfg = json.loads(path.read_text()) if path.exists() else {}
    cfg.setdefault("root_password", secrets.token_urlsafe(18))
    cfg.setdefault("reader_user", READER_USER)
    cfg.setdefault("reader_password", secrets.token_urlsafe(12))
    cfg.update(
        root=str(settings.graph_dir),
        database=DATABASE,
        http_port=settings.http_port,
        bolt_port=settings.bolt_port,
        heap=settings.graph_heap,
        jvm_args=settings.graph_jvm_args,
    )
    if path.exists() and json.loads(path.read_text()) == cfg:
        return cfg
    # A private temp name: several commands (or threads) may get here at once.
    fd, tmp = tempfile.mkstemp(dir=state, prefix=".server-", suffix=".json")
    with os.fdopen(fd, "w") as fh:  # mkstemp makes it 0600: it holds passwords
        json.dump(cfg, fh, indent=2)
    os.replace(tmp, path)
    return cfg


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still answers kill(0); it is not a server.
    with contextlib.suppress(OSError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        if stat.rsplit(")", 1)[1].split()[0] == "Z":
            return False
    return True


def _running_pid(settings: Settings) -> int | None:
    path = _pid_path(settings)
    ready = _state_dir(settings) / "ready"
    if not path.exists() or not ready.exists():
        return None
    try:
        pid = int(path.read_text().strip())
    except ValueError:
        return None
    return pid if _pid_alive(pid) else None


def _port_busy(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@contextlib.contextmanager
def _start_lock(settings: Settings):
    _state_dir(settings).mkdir(parents=True, exist_ok=True)
    with open(_state_dir(settings) / "start.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def bolt_uri(settings: Settings) -> str:
    return f"bolt://127.0.0.1:{settings.bolt_port}"


def writer_credentials(settings: Settings) -> Credentials:
    cfg = _load_or_create_config(settings)
    return Credentials(bolt_uri(settings), "root", cfg["root_password"], DATABASE)


def reader_credentials(settings: Settings) -> Credentials:
    cfg = _load_or_create_config(settings)
    return Credentials(bolt_uri(settings), cfg["reader_user"], cfg["reader_password"], DATABASE)


def ensure_started(settings: Settings) -> int:
    """Return the pid of a running embedded server, starting one if there is none."""
    with _start_lock(settings):
        pid = _running_pid(settings)
        if pid:
            return pid
        _load_or_create_config(settings)
        for port in (settings.bolt_port, settings.http_port):
            if _port_busy(port):
                raise ConfigError(
                    f"port {port} on 127.0.0.1 is taken by another program; set CROSSCHECK_BOLT_PORT / "
                    "CROSSCHECK_HTTP_PORT to free ports, or stop that program"
                )
        state = _state_dir(settings)
        settings.graph_dir.mkdir(parents=True, exist_ok=True)
        ready = state / "ready"
        ready.unlink(missing_ok=True)
        log = open(state / "server.log", "ab")  # noqa: SIM115 - handed to the child
        env = dict(os.environ)
        proc = subprocess.Popen(
            [sys.executable, "-m", "graph.server_main", str(_config_path(settings))],
            cwd=state,  # ArcadeDB writes ./log relative to its working directory
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            env=env,
            start_new_session=True,  # survives the command that started it, and its Ctrl-C
        )
        log.close()
        _pid_path(settings).write_text(str(proc.pid))
        deadline = time.monotonic() + settings.graph_start_timeout_s
        while time.monotonic() < deadline:
            if ready.exists():
                return proc.pid
            if proc.poll() is not None:
                raise GraphUnavailable(
                    f"the embedded graph server exited during start-up (code {proc.returncode}); "
                    f"see {state / 'server.log'}"
                )
            time.sleep(0.1)
        proc.terminate()
        raise GraphUnavailable(
            f"the embedded graph server did not start within {settings.graph_start_timeout_s:.0f} s; "
            f"see {state / 'server.log'}"
        )
    return 0  # pragma: no cover  (unreachable; keeps type checkers calm)


def stop(settings: Settings, timeout_s: float = 30.0) -> bool:
    """Stop the embedded server. Returns False if none was running."""
    pid = _running_pid(settings)
    if pid is None:
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not _pid_alive(pid):
            break
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGKILL)
    _pid_path(settings).unlink(missing_ok=True)
    (_state_dir(settings) / "ready").unlink(missing_ok=True)
    return True


def status(settings: Settings) -> ServerStatus:
    pid = _running_pid(settings)
    reader = reader_credentials(settings) if _config_path(settings).exists() else None
    return ServerStatus(
        running=pid is not None,
        pid=pid,
        bolt_uri=bolt_uri(settings),
        http_port=settings.http_port,
        data_dir=settings.graph_dir,
        reader=reader,
    )
