"""Parameters and rendering of investigator queries (no graph needed)."""

from __future__ import annotations

import json

import pytest

from crosscheck.errors import QueryError
from crosscheck.settings import Settings
from graph.queries import BY_NAME, CATALOGUE, catalogue_markdown
from graph.query_runner import params_for, parse_param, render
from tests.paths import REPO

SETTINGS = Settings()


def test_catalogue_entries_are_complete_and_unique():
    assert len(BY_NAME) == len(CATALOGUE)
    for q in CATALOGUE:
        assert q.name and q.title and q.description and q.cypher.strip()
        for p in q.params:
            assert f"${p.name}" in q.cypher, (q.name, p.name)
            assert p.description and p.example
            for derived in p.derive:
                assert f"${derived}" in q.cypher


def test_saved_query_params_are_typed_and_defaulted():
    q = BY_NAME["top-entities"]
    assert params_for(q, {"limit": "5"}, SETTINGS) == {"kind": "", "limit": 5}
    with pytest.raises(QueryError, match="whole number"):
        params_for(q, {"limit": "five"}, SETTINGS)
    with pytest.raises(QueryError, match="no parameter"):
        params_for(q, {"colour": "red"}, SETTINGS)
    with pytest.raises(QueryError, match="needs --param document"):
        params_for(BY_NAME["document"], {}, SETTINGS)


def test_adhoc_params_parse_json_values_and_keep_strings():
    assert params_for(None, {"n": "3", "names": '["a", "b"]', "s": "Ковальчук"}, SETTINGS) == {
        "n": 3,
        "names": ["a", "b"],
        "s": "Ковальчук",
    }
    assert parse_param("q=a=b") == ("q", "a=b")
    with pytest.raises(QueryError):
        parse_param("novalue")


def test_render_formats():
    cols = ["name", "aliases"]
    rows = [{"name": "Тарас Ковальчук", "aliases": ["Тараса Ковальчука", "Taras Kovalchuk"]}]
    assert json.loads(render(cols, rows, "json")) == rows
    csv_out = render(cols, rows, "csv").splitlines()
    assert csv_out[0] == "name,aliases" and "Тарас Ковальчук" in csv_out[1]
    table = render(cols, rows, "table")
    assert "Тарас Ковальчук" in table and table.endswith("(1 row)")
    assert render(cols, [], "table") == "(no rows)"


def test_docs_queries_md_is_generated_from_the_catalogue():
    doc = REPO / "docs" / "queries.md"
    assert doc.read_text() == catalogue_markdown(), "regenerate: crosscheck queries --format markdown > docs/queries.md"
