"""Identity across documents: one Person per real person, namesakes apart, uncertain pairs shown as
POSSIBLY_SAME_AS, idempotent re-ingest, and links that follow a changed document.

Inputs: tests/fixtures/identity.py (six invented documents in uk, ru, en; a DOCX and a PDF list).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from crosscheck.errors import ExitCode
from nlp.identity import NAMESAKE_MAX_SCORE
from tests.conftest import run_cli
from tests.fixtures.identity import LIST_ROWS_1, LIST_TITLE_1, STATEMENT_UK, make_identity_folder, write_list_docx

pytestmark = pytest.mark.integration

Rows = Callable[..., list[dict]]  # the ``rows`` fixture of tests/integration/conftest.py


def _people(rows: Rows) -> dict[str, dict]:
    people = rows(
        """MATCH (p:Person)
           OPTIONAL MATCH (d:Document)-[:MENTIONS]->(p)
           WITH p, collect(DISTINCT d.file_name) AS docs
           RETURN p.key AS key, p.name AS name, p.birth_date AS born, p.aliases AS aliases, docs""",
    )
    return {r["key"]: r for r in people}


def _links(rows: Rows) -> list[dict]:
    return rows(
        """MATCH (a:Person)-[r:POSSIBLY_SAME_AS]->(b:Person)
           RETURN a.key AS a, b.key AS b, a.name AS name_a, b.name AS name_b, r.score AS score, r.reason AS reason
           ORDER BY a, b""",
    )


def _with_surname(people: dict[str, dict], fold: str) -> list[dict]:
    return sorted((p for k, p in people.items() if fold in k.split("|")[0].split()), key=lambda p: p["key"])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_identity_folder(tmp_path / "identity")


def test_one_person_per_real_person_across_scripts_and_documents(rows, ingest, folder):
    ingest(folder)
    people = _people(rows)

    # Лозинський / Лозинский / Lozynsky, in three languages and cases: one node, three documents.
    (lozynskyi,) = _with_surname(people, "lsnsk")
    assert set(lozynskyi["docs"]) == {"news-uk.txt", "news-ru.txt", "news-en.md"}
    assert {"Олексій Лозинський", "Алексея Лозинского", "Oleksiy Lozynsky"} <= set(lozynskyi["aliases"])

    (yashchyshyna,) = _with_surname(people, "aSna")
    assert set(yashchyshyna["docs"]) == {"news-uk.txt", "news-ru.txt", "news-en.md"}

    # Дзюбенко: one news node (the bare "Dziubenko" resolved inside its document), one listed node on
    # both lists, one initial-only node from the statement.
    dziubenko = _with_surname(people, "dsbnk")
    news, listed = people["astp dsbnk"], people["astp dsbnk|1991-03-12"]
    assert {p["key"] for p in dziubenko} == {"astp dsbnk", "astp dsbnk|1991-03-12", "a dsbnk"}
    assert set(news["docs"]) == {"news-uk.txt", "news-ru.txt", "news-en.md"}
    assert {"Остапа Дзюбенка", "Dziubenko"} <= set(news["aliases"])
    assert set(listed["docs"]) == {"list-1.docx", "list-2.pdf"}
    resolved = rows(
        """MATCH (d:Document {file_name: 'news-en.md'})-[m:MENTIONS]->(p:Person {key: $key})
           WHERE m.surface = 'Dziubenko' RETURN m.resolved_from AS resolved_from""",
        key=news["key"],
    )
    assert resolved == [{"resolved_from": "dsbnk"}]

    # Units from list rows and news in three languages meet.
    units = rows(
        """MATCH (u:Unit {key: '36 marine brigade'})
           OPTIONAL MATCH (d:Document)-[:MENTIONS]->(u)
           OPTIONAL MATCH (:Person)-[m:MEMBER_OF]->(u)
           RETURN collect(DISTINCT d.file_name) AS docs, count(DISTINCT m) AS members""",
    )
    assert {"news-uk.txt", "news-ru.txt", "news-en.md"} <= set(units[0]["docs"]) and units[0]["members"] >= 3


def test_namesakes_apart_and_uncertain_pairs_linked(rows, ingest, folder):
    ingest(folder)
    people = _people(rows)
    kushchenko = _with_surname(people, "kSnk")
    assert sorted(p["born"] for p in kushchenko) == ["1985-06-02", "1992-10-19"]
    links = _links(rows)
    keys = {p["key"] for p in kushchenko}
    namesake_links = [link for link in links if {link["a"], link["b"]} <= keys]
    assert all(link["score"] <= NAMESAKE_MAX_SCORE for link in namesake_links)
    assert not namesake_links  # dates differ in more than one digit: no link at all

    by_pair = {(link["a"], link["b"]): link for link in links}
    news, listed, initial = "astp dsbnk", "astp dsbnk|1991-03-12", "a dsbnk"
    link = by_pair[tuple(sorted((news, listed)))]
    assert link["score"] == 0.8 and link["reason"] == "same name; one source gives no birth date"
    for other in (news, listed):
        assert by_pair[tuple(sorted((initial, other)))]["reason"] == "same surname and first initial"

    # "Вондарук" in the statement is one letter from the listed "Бондарук".
    slip = [link for link in links if {link["name_a"], link["name_b"]} >= {"Юрій Вондарук"}]
    assert len(slip) == 1 and "one letter apart" in slip[0]["reason"]
    assert "Бондарук Юрій Петрович" in (slip[0]["name_a"], slip[0]["name_b"])
    # Every link points from the lower key to the higher one.
    assert all(link["a"] < link["b"] for link in links)


def test_reingest_changes_nothing_and_changed_document_updates_links(rows, ingest, folder):
    ingest(folder)
    snapshot = """MATCH (p:Person) OPTIONAL MATCH (p)-[r:POSSIBLY_SAME_AS]->(o)
                  RETURN p.key AS key, p.name AS name, p.surname_key AS surname, o.key AS other, r.score AS score
                  ORDER BY key, other"""
    before = rows(snapshot)
    assert ingest(folder)["ingested"] == 0
    assert rows(snapshot) == before
    ingest(folder, "--force")
    assert rows(snapshot) == before

    # The statement drops the initial-only mention and the slip: their nodes and links go.
    (folder / "statement-uk.txt").write_text(
        STATEMENT_UK.replace("О. Дзюбенко передав листи побратимів.", "").replace("Юрій Вондарук", "Юрій Бондарук"),
        encoding="utf-8",
    )
    ingest(folder)
    people = _people(rows)
    assert not [k for k in people if k.split()[0] == "a" and "dsbnk" in k]
    names = {link["name_a"] for link in _links(rows)} | {link["name_b"] for link in _links(rows)}
    assert "Юрій Вондарук" not in names and "О. Дзюбенко" not in names
    # Now the statement names Бондарук correctly, without a birth date: the same-name link.
    bondaruk = _with_surname(people, "bndrk")
    assert len(bondaruk) == 2
    reasons = {link["reason"] for link in _links(rows) if {link["a"], link["b"]} == {p["key"] for p in bondaruk}}
    assert reasons == {"same name; one source gives no birth date"}

    # A changed list no longer names Бондарук: the listed node is pruned and loses its link.
    (folder / "list-1.docx").unlink()
    write_list_docx(folder / "list-1.docx", LIST_TITLE_1, [r for r in LIST_ROWS_1 if not r[0].startswith("Бондарук")])
    ingest(folder)
    assert [p["key"] for p in _with_surname(_people(rows), "bndrk")] == ["ar bndrk"]
    assert not [link for link in _links(rows) if "bndrk" in link["a"] or "bndrk" in link["b"]]
    assert rows("MATCH (:Person {key: 'astp dsbnk'})-[r:POSSIBLY_SAME_AS]-() RETURN count(r) AS n") == [{"n": 1}]


def test_saved_queries_show_entity_everywhere_and_possible_duplicates(graph, ingest, folder):
    ingest(folder)
    proc = run_cli("query", "--saved", "entity-everywhere", "--param", "entity=Dziubenko", "--format", "json")
    assert proc.returncode == ExitCode.OK, proc.stderr
    rows = json.loads(proc.stdout)
    docs = {r["document"] for r in rows}
    assert {"news-uk.txt", "news-ru.txt", "news-en.md", "list-1.docx", "list-2.pdf"} <= docs
    assert all(r["spans"] for r in rows)

    proc = run_cli("query", "--saved", "possible-duplicates", "--format", "json")
    assert proc.returncode == ExitCode.OK, proc.stderr
    pairs = json.loads(proc.stdout)
    assert pairs and [p["score"] for p in pairs] == sorted((p["score"] for p in pairs), reverse=True)
    assert all(p["reason"] and p["documents_a"] and p["documents_b"] for p in pairs)

    proc = run_cli("query", "--saved", "listed-in-several-documents", "--format", "json")
    assert proc.returncode == ExitCode.OK, proc.stderr
    listed = {r["person"]: r for r in json.loads(proc.stdout)}
    assert set(listed) == {"Дзюбенко Остап Миколайович"}
    assert any(
        "Остап Дзюбенко" in c or "Ostap Dziubenko" in c
        for c in listed["Дзюбенко Остап Миколайович"]["possibly_same_as"]
    )


def test_migration_3_backfills_people_written_before_it(graph, rows, ingest, folder):
    from graph.migrations import apply_migrations

    ingest(folder)
    snapshot = """MATCH (p:Person) OPTIONAL MATCH (p)-[r:POSSIBLY_SAME_AS]->(o)
                  RETURN p.key AS key, p.surname_key AS surname, p.given_key AS given, o.key AS other,
                         r.score AS score ORDER BY key, other"""
    before = rows(snapshot)
    # What a v2 graph looked like: no identity properties, no links, migration 3 not recorded.
    graph.write(
        lambda tx: tx.run(
            """MATCH (p:Person) OPTIONAL MATCH (p)-[r:POSSIBLY_SAME_AS]-() DELETE r
               REMOVE p.name_fold, p.surname_key, p.given_key"""
        ).consume()
    )
    graph.write(lambda tx: tx.run("MATCH (m:SchemaMigration {version: 3}) DELETE m").consume())
    assert apply_migrations(graph) == [3]
    assert rows(snapshot) == before
