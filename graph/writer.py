"""Writes one file's facts to the graph in one transaction: all of them or none."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

import neo4j

from crosscheck.records.document import FileResult
from crosscheck.records.facts import Mention
from graph import cypher, rows
from graph.connection import Graph
from nlp.claims.link import link_claims
from nlp.identity import Identity, identity_of, inflection_variants, links_between, surname_probes

# Pages in these languages get full NER and name normalisation; in others a name may stand inflected.
_NORMALISED_LANGUAGES = frozenset({"uk", "ru", "en"})


@dataclass(frozen=True)
class KnownDocument:
    """A document the graph already holds: its status and every place its bytes were seen."""

    status: str
    locations: tuple[str, ...]


def existing_documents(graph: Graph, doc_ids: list[str]) -> dict[str, KnownDocument]:
    with graph.session() as session:
        found = session.execute_read(lambda tx: list(tx.run(cypher.EXISTING_DOCUMENTS, doc_ids=doc_ids)))
    return {r["doc_id"]: KnownDocument(r["status"], tuple(r["locations"] or ())) for r in found}


def locations_under(graph: Graph, folder: str) -> dict[str, str]:
    """{absolute path: doc_id} for every file the graph knows under ``folder``."""
    prefix = folder.rstrip("/") + "/"
    with graph.session() as session:
        found = session.execute_read(lambda tx: list(tx.run(cypher.LOCATIONS_UNDER, prefix=prefix)))
    return {r["location"]: r["doc_id"] for r in found}


def add_location(graph: Graph, doc_id: str, location: str, previous: str | None = None) -> list[str]:
    """Known bytes seen at one more place: remember the place (releasing ``previous``, the document
    that was there before, if the file changed)."""

    def work(tx: neo4j.ManagedTransaction) -> list[str]:
        replaced = _release_location(tx, location, previous)
        tx.run(cypher.ADD_LOCATION, doc_id=doc_id, location=location).consume()
        return replaced

    return graph.write(work)


@dataclass
class Touched:
    """What a write touched, whose derived links are recomputed at the end of the transaction: people (identity
    links), event keys and claim subjects (claim links)."""

    people: set[str] = field(default_factory=set)
    event_keys: set[str] = field(default_factory=set)
    subjects: set[str] = field(default_factory=set)

    def __ior__(self, other: Touched) -> Touched:
        self.people |= other.people
        self.event_keys |= other.event_keys
        self.subjects |= other.subjects
        return self


def _remove_facts(tx: neo4j.ManagedTransaction, doc_id: str, *, delete_document: bool) -> Touched:
    """Delete a document's facts; returns the people, event keys and subjects they touched (whose links
    must be recomputed)."""
    people = {r["key"] for r in tx.run(cypher.DOCUMENT_PEOPLE, doc_id=doc_id)}
    keys = tx.run(cypher.DOCUMENT_CLAIM_KEYS, doc_id=doc_id).single()
    event_keys = {k for k in (keys["event_keys"] if keys else []) if k}
    subjects = {k for k in (keys["subjects"] if keys else []) if k}
    # Claims first: DETACH takes their links, and the entities they were ABOUT can then be pruned.
    tx.run(cypher.DELETE_DOCUMENT_CLAIMS, doc_id=doc_id).consume()
    if event_keys:
        tx.run(cypher.DELETE_ORPHAN_EVENTS, keys=sorted(event_keys)).consume()
    ids = [r["id"] for r in tx.run(cypher.DOCUMENT_ENTITIES, doc_id=doc_id)]
    tx.run(cypher.DELETE_DOCUMENT_MENTIONS, doc_id=doc_id).consume()
    tx.run(cypher.DELETE_DOCUMENT_LISTINGS, doc_id=doc_id).consume()
    tx.run(cypher.DELETE_DOCUMENT_MEMBERSHIPS, doc_id=doc_id).consume()
    tx.run(cypher.DELETE_DOCUMENT_PAGES, doc_id=doc_id).consume()
    if delete_document:
        tx.run(cypher.DELETE_DOCUMENT, doc_id=doc_id).consume()
    if ids:
        tx.run(cypher.REFRESH_ALIASES, ids=ids).consume()
        tx.run(cypher.PRUNE_ENTITIES, ids=ids).consume()
    return Touched(people, event_keys, subjects)


def _write_claims(tx: neo4j.ManagedTransaction, result: FileResult) -> Touched:
    """A document's claims, the events and entities they are about, and who said them."""
    if not result.claims:
        return Touched()
    tx.run(cypher.UPSERT_CLAIMS, doc_id=result.doc_id, rows=rows.claim_rows(result)).consume()
    events = rows.event_rows(result.claims)
    if events:
        tx.run(cypher.UPSERT_CLAIM_EVENTS, rows=events).consume()
    for role, statements in (("subject", cypher.CLAIM_ABOUT), ("speaker", cypher.CLAIM_SAID_BY)):
        for label, refs in sorted(rows.claim_refs(result.claims, role).items()):
            tx.run(statements[label], rows=refs).consume()
    return Touched(
        event_keys={c.event_key for c in result.claims if c.event_key},
        subjects={c.subject_key for c in result.claims if c.subject_key},
    )


def update_claim_links(tx: neo4j.ManagedTransaction, event_keys: set[str], subjects: set[str]) -> None:
    """Recompute CORROBORATES / CONTRADICTS under these event keys and subjects, from every claim there.

    A link depends only on the claims under its one event key (quantities, sums of parts) or subject
    (statuses), and records that key; so recomputing a key from all its claims is complete, and a link the
    evidence no longer supports (a part of a sum deleted with its document) is found and removed.
    """
    if not event_keys and not subjects:
        return
    keys, subs = sorted(event_keys), sorted(subjects)
    candidates = [
        rows.stored_claim(r["claim"], r["page"], r["start"], r["end"])
        for r in tx.run(cypher.CLAIM_CANDIDATES, event_keys=keys, subjects=subs)
    ]
    # Every candidate counts as new: links among other documents' claims may change too (a sum of parts).
    links = link_claims(candidates, [])
    # Only the links computed under the touched keys: a claim fetched for its subject keeps the links of its
    # (untouched) event key, and the reverse.
    links = [
        link
        for link in links
        if (link.event_key in event_keys) or (link.subject_key in subjects and not link.event_key)
    ]
    keep = [f"{link.a}|{link.b}|{link.type}" for link in links]
    if keys:
        tx.run(cypher.DELETE_STALE_CLAIM_LINKS, event_keys=keys, keep=keep).consume()
    if subs:
        tx.run(cypher.DELETE_STALE_STATUS_LINKS, subjects=subs, keep=keep).consume()
    by_type: dict[str, list[rows.Row]] = defaultdict(list)
    for link in links:
        by_type[link.type].append(rows.link_row(link))
    for kind, rows_of_kind in sorted(by_type.items()):
        tx.run(cypher.MERGE_CLAIM_LINKS[kind], links=rows_of_kind).consume()


def _update_links(tx: neo4j.ManagedTransaction, touched: Touched) -> None:
    update_identity_links(tx, touched.people)
    update_claim_links(tx, touched.event_keys, touched.subjects)


def update_identity_links(tx: neo4j.ManagedTransaction, keys: set[str]) -> None:
    """Re-derive the identity properties of these people and their POSSIBLY_SAME_AS links.

    Links depend only on the properties of the two nodes (nlp.identity), so recomputing the touched
    people against every candidate is complete: a link between two untouched people cannot change.
    Keys of people that no longer exist are ignored (pruning DETACH-deleted their links).
    """
    if not keys:
        return
    ordered = sorted(keys)
    people = [
        identity_of(r["key"], r["name"] or "", r["birth_date"]) for r in tx.run(cypher.PERSON_IDENTITIES, keys=ordered)
    ]
    if not people:
        return
    tx.run(cypher.SET_IDENTITY, rows=[rows.identity_row(p) for p in people]).consume()
    probes = sorted(set().union(*(surname_probes(p.surname_key) for p in people)))
    candidates = [
        Identity(r["key"], r["name_fold"], r["surname_key"], r["given_key"], r["birth_date"])
        for r in tx.run(cypher.IDENTITY_CANDIDATES, probes=probes)
        if r["name_fold"] is not None
    ]
    links = links_between(people, candidates)
    keep = [f"{link.a}|{link.b}" for link in links]
    tx.run(cypher.DELETE_STALE_SAME_AS, keys=[p.key for p in people], keep=keep).consume()
    if links:
        same_as = [{"a": link.a, "b": link.b, "score": link.score, "reason": link.reason} for link in links]
        tx.run(cypher.MERGE_SAME_AS, links=same_as).consume()


def _release_location(
    tx: neo4j.ManagedTransaction, location: str, previous: str | None, touched: Touched | None = None
) -> list[str]:
    """The file at ``location`` changed: the document it held loses this place, and is deleted with
    its facts when it is no longer anywhere (what it touched is added to ``touched``, or relinked now)."""
    if previous is None:
        return []
    row = tx.run(cypher.RELEASE_LOCATION, location=location, previous=previous).single()
    if row is not None and row["remaining"] == 0:
        removed = _remove_facts(tx, previous, delete_document=True)
        if touched is None:
            _update_links(tx, removed)
        else:
            touched |= removed
        return [previous]
    return []


def _write_document(tx: neo4j.ManagedTransaction, result: FileResult, previous: str | None) -> list[str]:
    doc_id = result.doc_id
    touched = Touched()
    replaced = _release_location(tx, result.location, previous, touched)
    # A re-ingest of the same content (--force) replaces what an earlier extraction wrote.
    touched |= _remove_facts(tx, doc_id, delete_document=False)
    props = rows.document_props(result.document)
    tx.run(cypher.UPSERT_DOCUMENT, doc_id=doc_id, props=props, location=result.location).consume()
    if result.pages:
        tx.run(cypher.UPSERT_PAGES, doc_id=doc_id, rows=rows.page_rows(result)).consume()

    mentions = _adopt_known_people(tx, result.mentions)
    entities = rows.entity_rows(doc_id, mentions)
    listed = rows.listed_rows(result)
    if listed:
        # Before the mentions: a listed person's node is created with its birth date here.
        tx.run(cypher.UPSERT_LISTED, doc_id=doc_id, rows=listed).consume()
        members = rows.membership_rows(listed)
        if members:
            tx.run(cypher.UPSERT_MEMBERSHIPS, doc_id=doc_id, rows=members).consume()
    for label, entity_rows in entities.items():
        tx.run(cypher.UPSERT_ENTITY_MENTIONS[label], doc_id=doc_id, rows=entity_rows).consume()
    # After the entities: claims point at the people, units and places the document mentions.
    touched |= _write_claims(tx, result)
    # In the same transaction: the document and the links its people and claims imply appear together.
    touched.people |= {r["key"] for r in entities.get(cypher.PERSON, [])} | {r.key for r in result.listed}
    _update_links(tx, touched)
    return replaced


def _adopt_known_people(tx: neo4j.ManagedTransaction, mentions: list[Mention]) -> list[Mention]:
    """A name in another language ("Tarasa Kowalczuka" in Polish) takes the key of the one person the
    graph already knows under its nominative ("Taras Kovalchuk", "Тарас Ковальчук"); the mention keeps
    the key it had as ``resolved_from``. No match, or several, leaves it as it was."""
    probes: dict[int, list[str]] = {}
    for i, m in enumerate(mentions):
        if m.label != "PERSON" or m.language in _NORMALISED_LANGUAGES or m.resolved_from is not None:
            continue
        variants = inflection_variants(m.surface)
        if variants:
            probes[i] = variants
    if not probes:
        return mentions
    keys = sorted({k for variants in probes.values() for k in variants} | {mentions[i].key for i in probes})
    known = {r["key"]: r["name"] for r in tx.run(cypher.KNOWN_PEOPLE, keys=keys)}
    adopted = list(mentions)
    for i, variants in probes.items():
        m = mentions[i]
        if m.key in known:
            continue
        hits = sorted(k for k in variants if k in known)
        if len(hits) == 1:
            adopted[i] = replace(m, key=hits[0], name=known[hits[0]], resolved_from=m.key)
    return adopted


def write_document(graph: Graph, result: FileResult, previous: str | None = None) -> list[str]:
    """Write an ingested file; ``previous`` is the document its location held before, if the file
    changed. Returns the ids of documents it replaced."""
    return graph.write(_write_document, result, previous)


def _write_failure(tx: neo4j.ManagedTransaction, result: FileResult, previous: str | None) -> list[str]:
    replaced = _release_location(tx, result.location, previous)
    props = rows.document_props(result.document)
    tx.run(cypher.UPSERT_DOCUMENT, doc_id=result.doc_id, props=props, location=result.location).consume()
    return replaced


def write_failure(graph: Graph, result: FileResult, previous: str | None = None) -> list[str]:
    """Record a quarantined file as ``Document {status: 'failed'}`` so investigators see what was not read."""
    return graph.write(_write_failure, result, previous)


def counts(graph: Graph) -> tuple[int, int]:
    with graph.session() as session:
        row = session.execute_read(lambda tx: tx.run(cypher.COUNTS).single())
    return row["nodes"], row["relationships"]
