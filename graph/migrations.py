"""Schema as versioned migrations, applied idempotently when crosscheck connects as writer.

A migration is recorded as ``(:SchemaMigration {version})`` once all its statements ran; every
statement is ``IF NOT EXISTS``, so a migration interrupted half-way is simply run again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from crosscheck.settings import Settings
from graph import cypher
from graph.backend import Backend
from graph.connection import Graph, connect

Step = Callable[[Backend, object], None]  # (backend, session) -> None


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    steps: tuple[Step, ...]


def _constraint(name: str, label: str, prop: str) -> Step:
    return lambda backend, session: session.run(backend.unique_constraint(name, label, prop)).consume()


def _index(name: str, label: str, prop: str) -> Step:
    return lambda backend, session: session.run(backend.index(name, label, prop)).consume()


def _backfill_identity(backend: Backend, session: object) -> None:
    """People written before v3 get their identity properties and POSSIBLY_SAME_AS links (idempotent:
    only people still without ``name_fold`` are read)."""
    from graph.writer import update_identity_links  # the writer imports the NLP layer; only load it here

    keys = {r["key"] for r in session.run(cypher.PEOPLE_WITHOUT_IDENTITY)}  # type: ignore[attr-defined]
    if keys:
        session.execute_write(update_identity_links, keys)  # type: ignore[attr-defined]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "unique keys for every MERGE, lookup indexes",
        (
            _constraint("migration_version", cypher.MIGRATION, "version"),
            _constraint("document_id", cypher.DOCUMENT, "doc_id"),
            _constraint("page_id", cypher.PAGE, "page_id"),
            _constraint("person_key", cypher.PERSON, "key"),
            _constraint("unit_key", cypher.UNIT, "key"),
            _constraint("place_key", cypher.PLACE, "key"),
            _constraint("organization_key", cypher.ORGANIZATION, "key"),
            _index("document_sha256", cypher.DOCUMENT, "sha256"),
            _index("document_path", cypher.DOCUMENT, "path"),
            _index("document_status", cypher.DOCUMENT, "status"),
            _index("person_name", cypher.PERSON, "name"),
            _index("unit_name", cypher.UNIT, "name"),
            _index("place_name", cypher.PLACE, "name"),
            _index("organization_name", cypher.ORGANIZATION, "name"),
        ),
    ),
    Migration(
        2,
        "list rows: LISTED_IN and MEMBER_OF; lookups by birth date and list status",
        (
            _index("person_birth_date", cypher.PERSON, "birth_date"),
            _index("document_list_status", cypher.DOCUMENT, "list_status"),
        ),
    ),
    Migration(
        3,
        "identity: Person.name_fold / surname_key / given_key, POSSIBLY_SAME_AS, MENTIONS.resolved_from",
        (
            _index("person_name_fold", cypher.PERSON, "name_fold"),
            _index("person_surname_key", cypher.PERSON, "surname_key"),
            _backfill_identity,
        ),
    ),
    Migration(
        4,
        "claims: Claim, Event, STATED_IN, ABOUT, SAID_BY, CORROBORATES, CONTRADICTS",
        (
            _constraint("claim_id", cypher.CLAIM, "claim_id"),
            _constraint("event_key", cypher.EVENT, "key"),
            _index("claim_doc_id", cypher.CLAIM, "doc_id"),  # a document's claims are replaced on re-ingest
            _index("claim_event_key", cypher.CLAIM, "event_key"),
            _index("claim_subject_key", cypher.CLAIM, "subject_key"),
            _index("claim_category", cypher.CLAIM, "category"),
            _index("claim_event_date", cypher.CLAIM, "event_date"),
        ),
    ),
    Migration(
        5,
        "event resolution: claims of a day of any year (dates without a year meet their event), events by date; "
        "status claims by person without birth date; Figure (the first claims of each figure of an event)",
        (
            _index("claim_event_monthday", cypher.CLAIM, "event_monthday"),
            _index("event_date", cypher.EVENT, "date"),
            _index("claim_subject_base", cypher.CLAIM, "subject_base"),
            _index("claim_event_signature", cypher.CLAIM, "event_signature"),
            _index("claim_event_named", cypher.CLAIM, "event_named"),
            _constraint("figure_key", cypher.FIGURE, "key"),
            _index("figure_event_key", cypher.FIGURE, "event_key"),
        ),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


def apply_migrations(graph: Graph) -> list[int]:
    """Apply the migrations this graph has not seen yet; return their versions."""
    with graph.session() as session:
        # The constraint the bookkeeping itself relies on comes first, every time (idempotent).
        MIGRATIONS[0].steps[0](graph.backend, session)
        applied = {r["version"] for r in session.run(cypher.APPLIED_MIGRATIONS)}
        done = []
        for migration in MIGRATIONS:
            if migration.version in applied:
                continue
            for step in migration.steps:
                step(graph.backend, session)
            session.run(
                cypher.RECORD_MIGRATION,
                version=migration.version,
                description=migration.description,
                applied_at=datetime.now(UTC).isoformat(timespec="seconds"),
            ).consume()
            done.append(migration.version)
    return done


def open_writer(settings: Settings) -> Graph:
    """The writer connection with the schema brought up to date (idempotent, cheap when current)."""
    graph = connect(settings, "writer")
    try:
        apply_migrations(graph)
    except Exception:
        graph.close()
        raise
    return graph
