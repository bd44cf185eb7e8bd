"""Every saved query runs, read-only, with its example parameters, on the ingested samples."""

from __future__ import annotations

import shutil

import pytest

from crosscheck.pipeline.batch import run_batch
from graph.connection import connect
from graph.queries import CATALOGUE
from graph.query_runner import params_for, run
from tests.paths import REPO

pytestmark = pytest.mark.integration


@pytest.fixture
def samples_graph(graph, settings, tmp_path):
    folder = tmp_path / "samples"
    shutil.copytree(REPO / "samples", folder)
    run_batch(folder, settings, graph)
    return graph


@pytest.mark.parametrize("query", CATALOGUE, ids=lambda q: q.name)
def test_saved_query_runs_with_its_example(samples_graph, settings, query):
    params = params_for(query, {p.name: p.example for p in query.params}, settings)
    with connect(settings, "reader") as reader:
        columns, rows = run(reader, query.cypher, params)
    if query.name != "failed-documents":
        assert rows, f"{query.name} found nothing on the samples"


@pytest.mark.parametrize(
    ("entity", "documents"),
    [
        ("Kovalchuk", {"exchange-uk.html", "exchange-ru.txt", "exchange-en.md"}),  # Latin finds Cyrillic
        ("Ковальчук", {"exchange-en.md", "briefing-en.docx"}),  # and back
        ("Харків", {"exchange-uk.html", "exchange-ru.txt", "exchange-en.md"}),  # nominative finds Харкові
        ("Еленовка", {"exchange-uk.html", "exchange-en.md"}),  # the Russian name of Оленівка
        ("36 ОБрМП", {"exchange-en.md", "exchange-ru.txt"}),  # abbreviation finds the full unit names
    ],
)
def test_a_name_in_any_script_or_form_finds_its_documents(samples_graph, settings, entity, documents):
    q = next(q for q in CATALOGUE if q.name == "documents-mentioning")
    with connect(settings, "reader") as reader:
        _, rows = run(reader, q.cypher, params_for(q, {"entity": entity}, settings))
    assert documents <= {r["document"] for r in rows}
