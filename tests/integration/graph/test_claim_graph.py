"""Claims in the graph (schema v4): spans, events, CORROBORATES / CONTRADICTS between sources, no link across
two exchanges, idempotent re-ingest, a changed document replacing its claims and links, the saved queries.

Inputs: small invented English texts written by the test (two reports of one exchange that disagree on a
number, a third exchange on another date with the same number, two reports of one person's status).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from graph.connection import connect
from graph.queries import BY_NAME, CATALOGUE
from graph.query_runner import params_for, run

pytestmark = pytest.mark.integration

Rows = Callable[..., list[dict]]  # the ``rows`` fixture of tests/integration/conftest.py

HQ = """Exchange of prisoners

Published 5 February 2025

On 5 February 2025 Ukraine brought home 150 servicemen and 26 civilians from Russian captivity, the \
Coordination Headquarters said.
"""
OMBUDSMAN = """Prisoner swap

Published 6 February 2025

On February 5, 2025, 157 servicemen returned to Ukraine in an exchange, the ombudsman Dmytro Lubinets said. \
In total 176 people came home.
"""
OTHER_DAY = """Another exchange

Published 14 March 2025

On 14 March 2025, 157 servicemen returned to Ukraine in an exchange, officials said.
"""
RELEASED = """Released from captivity

Published 6 February 2025

Taras Kovalchuk, a marine of the 36th brigade, was released from captivity on 5 February 2025.
"""
STILL_HELD = """Families still waiting

Published 1 March 2025

Taras Kovalchuk is still held in Russian captivity, his mother said on 1 March 2025.
"""


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "drop"
    folder.mkdir()
    for name, text in {
        "hq.txt": HQ,
        "ombudsman.txt": OMBUDSMAN,
        "other-day.txt": OTHER_DAY,
        "released.txt": RELEASED,
        "still-held.txt": STILL_HELD,
    }.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _claims(rows: Rows) -> list[dict]:
    return rows(
        """MATCH (c:Claim)-[s:STATED_IN]->(d:Document)-[:HAS_PAGE]->(p:Page {number: s.page})
           RETURN d.file_name AS file, c.claim_id AS id, c.kind AS kind, c.value AS value, c.category AS category,
                  c.event_key AS event, c.status AS status, c.text AS text, c.doc_id AS doc_id,
                  substring(p.text, s.start, s.end - s.start) AS span
           ORDER BY id""",
    )


def _links(rows: Rows) -> list[dict]:
    return rows(
        """MATCH (a:Claim)-[r:CORROBORATES|CONTRADICTS]->(b:Claim)
           MATCH (a)-[:STATED_IN]->(da:Document)
           MATCH (b)-[:STATED_IN]->(db:Document)
           RETURN type(r) AS type, a.claim_id AS a, b.claim_id AS b, da.file_name AS file_a, db.file_name AS file_b,
                  a.value AS value_a, b.value AS value_b, r.value_a AS rva, r.value_b AS rvb, r.reason AS reason,
                  r.score AS score
           ORDER BY a, b, type""",
    )


def _snapshot(rows: Rows) -> tuple:
    counts = rows("MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n ORDER BY label")
    rels = rows("MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n ORDER BY type")
    return counts, rels, _claims(rows), _links(rows)


@pytest.fixture
def ingested(graph, ingest, tmp_path) -> Path:
    """The five texts ingested into the graph, emptied first (hence ``graph``)."""
    folder = _folder(tmp_path)
    ingest(folder)
    return folder


def test_claims_and_their_spans_are_written(rows, ingested):
    claims = _claims(rows)
    assert claims
    for c in claims:
        assert c["span"] == c["text"], c  # the STATED_IN span indexes Page.text
        assert c["doc_id"]
    by_file = {(c["file"], c["category"], c["value"]) for c in claims if c["kind"] == "quantity"}
    assert {("hq.txt", "servicemen", 150), ("hq.txt", "civilians", 26)} <= by_file
    assert {("ombudsman.txt", "servicemen", 157), ("ombudsman.txt", "people", 176)} <= by_file
    events = rows("MATCH (c:Claim)-[:ABOUT]->(e:Event) RETURN DISTINCT e.key AS key, e.date AS date")
    assert {"exchange:2025-02-05", "exchange:2025-03-14"} <= {e["key"] for e in events}
    about = rows("MATCH (c:Claim {kind: 'status'})-[:ABOUT]->(p:Person) RETURN DISTINCT p.name AS name")
    assert [r["name"] for r in about] == ["Taras Kovalchuk"]
    said = rows("MATCH (c:Claim)-[:SAID_BY]->(p:Person) RETURN DISTINCT p.name AS name")
    assert "Dmytro Lubinets" in {r["name"] for r in said}


def test_sources_corroborate_and_contradict(rows, ingested):
    links = _links(rows)
    contradictions = [x for x in links if x["type"] == "CONTRADICTS" and x["value_a"] is not None]
    assert len(contradictions) == 1
    c = contradictions[0]
    assert {c["file_a"], c["file_b"]} == {"hq.txt", "ombudsman.txt"}
    assert {c["rva"], c["rvb"]} == {150, 157} and (c["rva"], c["rvb"]) == (c["value_a"], c["value_b"])
    assert "servicemen" in c["reason"] and "2025-02-05" in c["reason"]
    sums = [x for x in links if x["reason"].startswith("sum of parts")]
    assert {x["reason"] for x in sums} == {"sum of parts: 150 servicemen + 26 civilians = 176"}
    assert {frozenset((x["file_a"], x["file_b"])) for x in sums} == {frozenset(("hq.txt", "ombudsman.txt"))}
    assert len(sums) == 2
    status = [x for x in links if x["value_a"] is None]
    assert [(x["type"], {x["file_a"], x["file_b"]}) for x in status] == [
        ("CONTRADICTS", {"released.txt", "still-held.txt"})
    ]
    for x in links:
        assert x["a"] < x["b"] and x["file_a"] != x["file_b"]


def test_no_link_across_two_exchanges_on_different_dates(rows, ingested):
    # other-day.txt says 157 servicemen, like ombudsman.txt, but of the exchange of 14 March.
    assert not [x for x in _links(rows) if "other-day.txt" in (x["file_a"], x["file_b"])]


def test_reingest_changes_nothing(rows, ingest, ingested):
    before = _snapshot(rows)
    ingest(ingested)
    assert _snapshot(rows) == before
    ingest(ingested, "--force")
    assert _snapshot(rows) == before


def test_changed_document_replaces_its_claims_and_links(rows, ingest, ingested):
    old_doc = {c["doc_id"] for c in _claims(rows) if c["file"] == "ombudsman.txt"}
    (ingested / "ombudsman.txt").write_text(OMBUDSMAN.replace("157", "150"), encoding="utf-8")
    ingest(ingested)
    claims = _claims(rows)
    assert not [c for c in claims if c["doc_id"] in old_doc]
    assert ("ombudsman.txt", 150) in {(c["file"], c["value"]) for c in claims if c["category"] == "servicemen"}
    links = [x for x in _links(rows) if x["value_a"] is not None]
    pair = [x for x in links if {x["file_a"], x["file_b"]} == {"hq.txt", "ombudsman.txt"}]
    assert "CONTRADICTS" not in {x["type"] for x in pair}
    assert any(x["type"] == "CORROBORATES" and x["value_a"] == x["value_b"] == 150 for x in pair)
    assert len([x for x in pair if x["reason"].startswith("sum of parts")]) == 2  # the total still adds up

    # Parts from two documents: the link between two unchanged claims (servicemen -> total) rests on a third
    # document's part; when that part changes, the link goes (no stale evidence).
    (ingested / "hq.txt").write_text(HQ.replace(" and 26 civilians", ""), encoding="utf-8")
    civilians = "Civilians\n\nOn 5 February 2025, 26 civilians returned to Ukraine in an exchange.\n"
    (ingested / "civilians.txt").write_text(civilians, encoding="utf-8")
    ingest(ingested)
    sums = [x for x in _links(rows) if x["reason"].startswith("sum of parts")]
    assert {frozenset((x["file_a"], x["file_b"])) for x in sums} == {
        frozenset(("hq.txt", "ombudsman.txt")),
        frozenset(("civilians.txt", "ombudsman.txt")),
    }
    (ingested / "civilians.txt").write_text(civilians.replace("26", "30"), encoding="utf-8")
    ingest(ingested)
    assert not [x for x in _links(rows) if x["reason"].startswith("sum of parts")]
    orphans = rows("MATCH (e:Event) WHERE NOT (e)<-[:ABOUT]-() RETURN count(e) AS n")
    assert orphans[0]["n"] == 0


def test_every_saved_query_runs(graph, ingested, settings):
    for query in CATALOGUE:
        params = params_for(query, {p.name: p.example for p in query.params}, settings)
        with connect(settings, "reader") as reader:
            run(reader, query.cypher, params)
    expect = {
        "contradictions": {},
        "event-claims": {"event": "exchange:2025-02-05"},
        "person-claims": {"person": "Ковальчук"},
        "claims-by-speaker": {"speaker": "Lubinets"},
        "agreeing-sources": {"claim": "176 people"},
        "status-conflicts": {},
        "numbers-over-time": {"category": "servicemen"},
    }
    for name, given in expect.items():
        query = BY_NAME[name]
        with connect(settings, "reader") as reader:
            _, rows = run(reader, query.cypher, params_for(query, given, settings))
        assert rows, name
        if name == "numbers-over-time":
            assert {r["date"] for r in rows} == {"2025-02-05", "2025-03-14"}
        if name == "status-conflicts":
            assert rows[0]["person"] == "Taras Kovalchuk"
            assert {rows[0]["status_a"], rows[0]["status_b"]} == {"released", "held"}
