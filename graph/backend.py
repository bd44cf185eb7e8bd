"""The few things that differ between the embedded ArcadeDB and a Neo4j 5 server.

Everything else — every query and every write — is the same Neo4j-5 Cypher on both.
"""

from __future__ import annotations

import base64
import json
import re
import urllib.request
from dataclasses import dataclass

from crosscheck.errors import GraphError

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _identifiers(**names: str) -> dict[str, str]:
    for value in names.values():
        if not _IDENTIFIER.fullmatch(value):
            raise ValueError(f"not a safe Cypher identifier: {value!r}")
    return names


@dataclass(frozen=True)
class Backend:
    name: str  # "arcadedb" | "neo4j"
    http_port: int | None = None
    root_password: str | None = None
    database: str | None = None

    # Schema statements name labels, properties and indexes: identifiers, which Cypher cannot take
    # as $parameters. They come from code constants (graph/cypher.py) and are checked here anyway.
    _UNIQUE = "CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"
    _INDEX = "CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
    _FULLTEXT = "CREATE FULLTEXT INDEX {name} IF NOT EXISTS FOR (n:{label}) ON EACH [n.{prop}]"

    def unique_constraint(self, name: str, label: str, prop: str) -> str:
        # Same syntax on both; ArcadeDB enforces it (checked: duplicate MERGE -> ConstraintError).
        return self._UNIQUE.format(**_identifiers(name=name, label=label, prop=prop))

    def index(self, name: str, label: str, prop: str) -> str:
        return self._INDEX.format(**_identifiers(name=name, label=label, prop=prop))

    def fulltext_index_name(self, label: str, prop: str) -> str:
        """The name to pass to ``db.index.fulltext.queryNodes``."""
        return f"{label}[{prop}]" if self.name == "arcadedb" else f"{label.lower()}_{prop}_fulltext"

    def create_fulltext(self, session, label: str, prop: str) -> None:
        if self.name == "neo4j":
            name = self.fulltext_index_name(label, prop)
            session.run(self._FULLTEXT.format(**_identifiers(name=name, label=label, prop=prop))).consume()
            return
        # ArcadeDB rejects CREATE FULLTEXT INDEX over Bolt; its SQL does it, through the HTTP API.
        ids = _identifiers(label=label, prop=prop)
        self._arcade_sql("CREATE INDEX IF NOT EXISTS ON `{label}` ({prop}) FULL_TEXT".format(**ids))

    def _arcade_sql(self, sql: str) -> None:
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.http_port}/api/v1/command/{self.database}",
            data=json.dumps({"language": "sql", "command": sql}).encode(),
            method="POST",
        )
        token = base64.b64encode(f"root:{self.root_password}".encode()).decode()
        req.add_header("Authorization", f"Basic {token}")
        req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                resp.read()
        except OSError as exc:
            raise GraphError(f"could not create a full-text index on the embedded graph: {exc}") from exc
