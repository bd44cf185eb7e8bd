"""The few things that differ between the embedded ArcadeDB and a Neo4j 5 server.

Everything else — every query and every write — is the same Neo4j-5 Cypher on both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _identifiers(**names: str) -> dict[str, str]:
    for value in names.values():
        if not _IDENTIFIER.fullmatch(value):
            raise ValueError(f"not a safe Cypher identifier: {value!r}")
    return names


@dataclass(frozen=True)
class Backend:
    name: str  # "arcadedb" | "neo4j"

    # Schema statements name labels, properties and indexes: identifiers, which Cypher cannot take
    # as $parameters. They come from code constants (graph/cypher.py) and are checked here anyway.
    _UNIQUE = "CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"
    _INDEX = "CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"

    def unique_constraint(self, name: str, label: str, prop: str) -> str:
        # Same syntax on both; ArcadeDB enforces it (checked: duplicate MERGE -> ConstraintError).
        return self._UNIQUE.format(**_identifiers(name=name, label=label, prop=prop))

    def index(self, name: str, label: str, prop: str) -> str:
        return self._INDEX.format(**_identifiers(name=name, label=label, prop=prop))
