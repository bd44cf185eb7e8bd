"""The embedded graph server process: ArcadeDB with its Bolt plugin, run by ``graph.server``.

It runs as its own process (JVM inside, via JPype) so that crosscheck commands come and go
while the graph stays up. Started with ``python -m graph.server_main CONFIG_JSON``; writes
``ready`` next to the config once Bolt answers and the reader account exists, and stops
cleanly on SIGTERM.
"""

from __future__ import annotations

import base64
import json
import signal
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


def _http(port: int, password: str, path: str, body: dict | None = None, method: str = "POST"):
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
    )
    token = base64.b64encode(f"root:{password}".encode()).decode()
    req.add_header("Authorization", f"Basic {token}")
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read() or b"null")


def ensure_reader(cfg: dict) -> None:
    """A server user whose group may only read records.

    Bolt's READ access mode is not enforced by ArcadeDB and a Cypher ``CREATE USER`` gets admin
    rights, so the reader is made through the root-only HTTP API (see shared notes).
    """
    port, root_pw, db = cfg["http_port"], cfg["root_password"], cfg["database"]
    _http(
        port,
        root_pw,
        "/api/v1/server/groups",
        {
            "database": db,
            "name": "reader",
            "access": [],
            "resultSetLimit": -1,
            "readTimeout": -1,
            "types": {"*": {"access": ["readRecord"]}},
        },
    )
    users = _http(port, root_pw, "/api/v1/server/users", method="GET")["result"]
    if not any(u.get("name") == cfg["reader_user"] for u in users):
        _http(
            port,
            root_pw,
            "/api/v1/server/users",
            {"name": cfg["reader_user"], "password": cfg["reader_password"], "databases": {db: ["reader"]}},
        )


def main(config_path: str) -> int:
    cfg_file = Path(config_path)
    cfg = json.loads(cfg_file.read_text())
    ready = cfg_file.with_name("ready")
    ready.unlink(missing_ok=True)

    from arcadedb_embedded.server import ArcadeDBServer

    server = ArcadeDBServer(
        str(Path(cfg["root"]).resolve()),
        root_password=cfg["root_password"],
        config={
            "host": "127.0.0.1",
            "bolt_host": "127.0.0.1",  # the plugin's own default is 0.0.0.0
            "http_port": cfg["http_port"],
            "bolt_port": cfg["bolt_port"],
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
        },
        # txWalFlush=2 fsyncs the WAL at commit; the config key of the same name is ignored.
        jvm_kwargs={"heap_size": cfg["heap"], "jvm_args": f"-Darcadedb.txWalFlush=2 {cfg['jvm_args']}".strip()},
    )
    server.start()

    stopping = False

    def _stop(signum, frame):  # noqa: ARG001
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    try:
        server.create_database(cfg["database"])  # opens it if it exists
        ensure_reader(cfg)
        tmp = ready.with_suffix(".tmp")
        tmp.write_text(json.dumps({"pid": __import__("os").getpid(), "started": time.time()}))
        tmp.replace(ready)
        while not stopping:
            time.sleep(0.2)
    except urllib.error.URLError as exc:
        print(f"graph server: could not set up the reader account: {exc}", file=sys.stderr)
        return 1
    finally:
        ready.unlink(missing_ok=True)
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
