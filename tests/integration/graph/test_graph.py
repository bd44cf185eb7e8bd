"""The graph layer against the real embedded ArcadeDB server: writes, replacement, races, read-only."""

from __future__ import annotations

import threading

import neo4j
import pytest

from crosscheck.records.document import DocumentInfo, FileResult
from crosscheck.records.facts import Mention
from crosscheck.records.pages import Page
from graph import server, writer
from graph.migrations import MIGRATIONS, apply_migrations

pytestmark = pytest.mark.integration


def _result(location: str, sha: str, people: list[tuple[str, str]]) -> FileResult:
    doc = DocumentInfo(
        sha256=sha,
        path=location.rsplit("/", 1)[-1],
        file_name="f.txt",
        size=10,
        ingested_at="2026-01-01T00:00:00+00:00",
        extractor_version="test",
        pages=1,
    )
    mentions = [
        Mention("PERSON", i * 10, i * 10 + 5, surface, surface, key, surface, 1.0, "test", page=1)
        for i, (key, surface) in enumerate(people)
    ]
    page = Page(number=1, text="x" * 100, method="plain")
    return FileResult(location=location, document=doc, pages=[page], page_languages=["uk"], mentions=mentions)


def _count(graph, cypher: str, **params) -> int:
    with graph.session() as s:
        return s.run(cypher, params).single()[0]


def test_migrations_are_idempotent(graph):
    assert apply_migrations(graph) == []
    assert _count(graph, "MATCH (m:SchemaMigration) RETURN count(m)") == len(MIGRATIONS)


def test_writing_the_same_document_twice_changes_nothing(graph):
    r = _result("/drop/a.txt", "a" * 64, [("kovalchuk taras", "Тарас Ковальчук"), ("bondar olena", "Olena Bondar")])
    writer.write_document(graph, r)
    first = writer.counts(graph)
    writer.write_document(graph, r)
    assert writer.counts(graph) == first
    assert _count(graph, "MATCH (:Document)-[m:MENTIONS]->() RETURN count(m)") == 2


def test_entity_aliases_collect_every_surface_form(graph):
    writer.write_document(graph, _result("/drop/a.txt", "a" * 64, [("kovalchuk taras", "Тарас Ковальчук")]))
    writer.write_document(graph, _result("/drop/b.txt", "b" * 64, [("kovalchuk taras", "Taras Kovalchuk")]))
    with graph.session() as s:
        person = s.run("MATCH (p:Person {key: 'kovalchuk taras'}) RETURN p").single()["p"]
    assert sorted(person["aliases"]) == ["Taras Kovalchuk", "Тарас Ковальчук"]


def test_changed_file_replaces_its_old_facts(graph):
    writer.write_document(graph, _result("/drop/a.txt", "a" * 64, [("old person", "Old Person")]))
    replaced = writer.write_document(
        graph, _result("/drop/a.txt", "c" * 64, [("new person", "New Person")]), previous="a" * 32
    )
    assert replaced == ["a" * 32]
    assert _count(graph, "MATCH (d:Document) RETURN count(d)") == 1
    assert _count(graph, "MATCH (p:Person {key: 'old person'}) RETURN count(p)") == 0
    assert _count(graph, "MATCH (:Page) RETURN count(*)") == 1


def test_same_content_in_two_places_is_one_document(graph):
    r = _result("/drop/a.txt", "a" * 64, [("x y", "X Y")])
    writer.write_document(graph, r)
    writer.add_location(graph, r.doc_id, "/drop/copy-of-a.txt")
    with graph.session() as s:
        locations = s.run("MATCH (d:Document) RETURN d.locations AS l").single()["l"]
    assert sorted(locations) == ["/drop/a.txt", "/drop/copy-of-a.txt"]


def test_concurrent_writers_do_not_duplicate_entities(settings, graph):
    """Regression for concurrent MERGE: unique constraints plus the bounded retry keep one node per key."""
    from graph.migrations import open_writer

    shared = [(f"shared person {i}", f"Shared Person {i}") for i in range(30)]
    errors: list[Exception] = []

    def work(n: int) -> None:
        try:
            with open_writer(settings) as g:
                for j in range(3):
                    writer.write_document(g, _result(f"/drop/{n}-{j}.txt", f"{n}{j}".ljust(64, "0"), shared))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert _count(graph, "MATCH (p:Person) RETURN count(p)") == 30
    assert _count(graph, "MATCH (d:Document) RETURN count(d)") == 12
    assert _count(graph, "MATCH (:Document)-[m:MENTIONS]->() RETURN count(m)") == 12 * 30


def test_reader_account_cannot_write(settings, graph):
    creds = server.reader_credentials(settings)
    with (
        neo4j.GraphDatabase.driver(creds.uri, auth=(creds.user, creds.password)) as driver,
        driver.session(database=creds.database) as s,
    ):
        assert s.run("MATCH (n) RETURN count(n) AS c").single()["c"] >= 0
        with pytest.raises(neo4j.exceptions.Forbidden):
            s.run("CREATE (:Person {key: 'intruder'})").consume()


def test_wrong_password_is_refused(settings, graph):
    creds = server.reader_credentials(settings)
    with (
        neo4j.GraphDatabase.driver(creds.uri, auth=(creds.user, "not-the-password")) as driver,
        pytest.raises(neo4j.exceptions.AuthError),
    ):
        driver.verify_connectivity()


def _listen_addresses(port: int) -> set[str]:
    """Local addresses of sockets listening on ``port``, from /proc/net/tcp{,6} (state 0A = LISTEN)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as fh:
            for line in fh.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                addr, hex_port = local.rsplit(":", 1)
                if state == "0A" and int(hex_port, 16) == port:
                    found.add(addr)
    return found


LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F"}  # 127.0.0.1, ::ffff:127.0.0.1


def test_server_listens_on_loopback_only(settings, graph):
    """Bolt's own default bind is 0.0.0.0; evidence must not be exposed on the network."""
    for port in (settings.bolt_port, settings.http_port):
        addresses = _listen_addresses(port)
        assert addresses, f"nothing listens on {port}"
        assert addresses <= LOOPBACK, addresses


def test_aliases_are_one_line_even_when_a_mention_spans_a_line_break(graph):
    writer.write_document(graph, _result("/drop/a.txt", "a" * 64, [("u", "209th\nSeparate Battalion")]))
    writer.write_document(graph, _result("/drop/b.txt", "b" * 64, [("u", "209th Separate Battalion")]))
    changed = _result("/drop/b.txt", "c" * 64, [("u", "209-й\r\nбатальйон")])
    writer.write_document(graph, changed, previous="b" * 32)
    with graph.session() as s:
        aliases = s.run("MATCH (p:Person {key: 'u'}) RETURN p.aliases").single()[0]
    assert sorted(aliases) == ["209-й батальйон", "209th Separate Battalion"]


def test_display_name_does_not_depend_on_ingest_order(graph):
    writer.write_document(graph, _result("/drop/a.txt", "a" * 64, [("hntk andr", "Andriy Hnatyuk")]))
    writer.write_document(graph, _result("/drop/b.txt", "b" * 64, [("hntk andr", "Andrii Hnatiuk")]))
    with graph.session() as s:
        assert s.run("MATCH (p:Person) RETURN p.name").single()[0] == "Andrii Hnatiuk"


def test_reader_connection_never_holds_the_root_password(settings, graph):
    from graph.connection import connect

    root_password = server.writer_credentials(settings).password
    with connect(settings, "reader") as reader:
        assert reader.driver is not None
        assert root_password not in repr(vars(reader)) and root_password not in repr(reader.backend)
