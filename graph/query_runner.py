"""Run investigator queries read-only and render the rows as a table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import neo4j
import neo4j.graph
import neo4j.time

from crosscheck.errors import QueryError
from crosscheck.settings import Settings
from graph.connection import Graph
from graph.queries import SavedQuery


# nlp.search loads the NER pipelines' modules (spaCy, pymorphy3: seconds): only the queries with derived
# parameters pay for them, so the import is deferred to the derivation.
def _search_keys(text: str, settings: Settings) -> list[str]:
    from nlp.search import search_keys

    return search_keys(text, settings.models_dir)


def _search_fold(text: str, settings: Settings) -> str:
    from nlp.search import search_fold

    return search_fold(text)


# Derived parameters let a saved query use crosscheck's own normalisation of what was typed.
DERIVATIONS: dict[str, Callable[[str, Settings], Any]] = {"search_keys": _search_keys, "search_fold": _search_fold}


def parse_param(raw: str) -> tuple[str, str]:
    if "=" not in raw:
        raise QueryError(f"--param takes NAME=VALUE, got {raw!r}")
    name, value = raw.split("=", 1)
    return name.strip(), value


def _coerce(value: str) -> Any:
    """Ad-hoc query values: JSON where it parses (numbers, lists, true/false), else the string."""
    try:
        return json.loads(value)
    except ValueError:
        return value


def params_for(query: SavedQuery | None, given: dict[str, str], settings: Settings) -> dict[str, Any]:
    if query is None:
        return {k: _coerce(v) for k, v in given.items()}
    known = {p.name for p in query.params}
    unknown = set(given) - known
    if unknown:
        raise QueryError(f"query {query.name!r} has no parameter {', '.join(sorted(unknown))}")
    params: dict[str, Any] = {}
    for p in query.params:
        value = given.get(p.name, p.default)
        if value is None:
            raise QueryError(f"query {query.name!r} needs --param {p.name}=... ({p.description})")
        if p.type == "int":
            try:
                params[p.name] = int(value)
            except ValueError as exc:
                raise QueryError(f"--param {p.name} must be a whole number, got {value!r}") from exc
        else:
            params[p.name] = value
        for derived, how in p.derive.items():
            params[derived] = DERIVATIONS[how](str(value), settings)
    return params


def plain(value: Any) -> Any:
    """Driver values as JSON-able data: nodes and relationships become their property maps."""
    if isinstance(value, neo4j.graph.Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        return {"_type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, neo4j.time.Date | neo4j.time.DateTime | neo4j.time.Time | neo4j.time.Duration):
        return value.iso_format()
    return value


def run(graph: Graph, cypher: str, params: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    records: list[neo4j.Record] = graph.read(cypher, params)
    columns = list(records[0].keys()) if records else []
    return columns, [{k: plain(v) for k, v in r.items()} for r in records]


def _cell(value: Any, width: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render(columns: list[str], rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "csv":
        out = io.StringIO()
        w = csv.writer(out)
        w.writerow(columns)
        for row in rows:
            w.writerow([v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in row.values()])
        return out.getvalue().rstrip("\n")
    if not rows:
        return "(no rows)"
    cells = [[_cell(row[c]) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
