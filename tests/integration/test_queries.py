"""Every saved query runs, read-only, with its example parameters, on the ingested samples."""

from __future__ import annotations

import shutil

import pytest

from graph.connection import connect
from graph.queries import CATALOGUE
from graph.query_runner import params_for, run
from ingest.batch import run_batch
from tests.conftest import REPO

pytestmark = pytest.mark.integration


@pytest.fixture
def samples_graph(graph, settings, tmp_path):
    folder = tmp_path / "samples"
    shutil.copytree(REPO / "samples", folder)
    run_batch(folder, settings, graph)
    return graph


@pytest.mark.parametrize("query", CATALOGUE, ids=lambda q: q.name)
def test_saved_query_runs_with_its_example(samples_graph, settings, query):
    params = params_for(query, {p.name: p.example for p in query.params})
    with connect(settings, "reader") as reader:
        columns, rows = run(reader, query.cypher, params)
    if query.name != "failed-documents":
        assert rows, f"{query.name} found nothing on the samples"


def test_a_name_in_latin_finds_the_cyrillic_mentions(samples_graph, settings):
    q = next(q for q in CATALOGUE if q.name == "documents-mentioning")
    with connect(settings, "reader") as reader:
        _, rows = run(reader, q.cypher, params_for(q, {"entity": "Kovalchuk"}))
    documents = {r["document"] for r in rows}
    assert {"exchange-uk.html", "exchange-ru.txt", "exchange-en.md"} <= documents
