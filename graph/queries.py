"""The investigator query catalogue: the saved queries of ``graph/saved_queries/`` and their docs page.

Every query runs read-only, through the reader account. A parameter may declare ``derive``:
the runner adds a derived parameter (e.g. the script-independent search key of a typed name),
so a name typed in any script finds the entity. The queries are data (a Cypher file and a TOML
description each); ``graph/catalogue.py`` loads and validates them when this module is imported,
so a broken catalogue stops crosscheck at start with a ConfigError naming the file.
"""

from __future__ import annotations

from graph.catalogue import Param, SavedQuery, load_catalogue

__all__ = ["BY_NAME", "CATALOGUE", "Param", "SavedQuery", "catalogue_markdown"]

CATALOGUE: tuple[SavedQuery, ...] = load_catalogue()

BY_NAME = {q.name: q for q in CATALOGUE}


def catalogue_markdown() -> str:
    """docs/queries.md, generated from the catalogue (a test keeps the file in step)."""
    out = [
        "# Saved investigator queries",
        "",
        "Generated from `graph/queries.py` by `crosscheck queries --format markdown`; do not edit by hand.",
        "Every query runs read-only. Run one with `crosscheck query --saved NAME --param name=value ...`,",
        "or paste its Cypher into any Bolt client with the read-only account (`crosscheck graph status`).",
        "",
    ]
    for q in CATALOGUE:
        out += [f"## `{q.name}` — {q.title}", "", q.description, ""]
        if q.params:
            out += ["| parameter | meaning | default | example |", "|---|---|---|---|"]
            for p in q.params:
                default = "" if p.default is None else f"`{p.default!r}`"
                out.append(f"| `{p.name}` | {p.description} | {default} | `{p.example}` |")
            derived = [f"`${d}`" for p in q.params for d in p.derive]
            if derived:
                out += [
                    "",
                    f"Derived by crosscheck from the parameters: {', '.join(derived)} (see `graph/query_runner.py`).",
                ]
            out.append("")
        example = " ".join(f"--param {p.name}={p.example!r}" for p in q.params)
        out += ["```sh", f"crosscheck query --saved {q.name} {example}".rstrip(), "```", ""]
        out += ["```cypher", q.cypher.strip(), "```", ""]
    return "\n".join(out)
