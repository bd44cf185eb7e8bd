"""Writes one file's facts to the graph in one transaction: all of them or none."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import neo4j

from crosscheck.records.claims import Claim
from crosscheck.records.document import FileResult
from crosscheck.records.facts import Mention
from graph import cypher, rows
from graph.connection import Graph
from nlp.claims.events import EventInfo, candidate_monthdays, candidate_window, resolvable, resolve_events
from nlp.claims.link import SUM_OF_PARTS, link_claims, subject_base, sum_links
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
    # where events must be resolved again: event kinds and the days the removed or new claims spoke of
    kinds: set[str] = field(default_factory=set)
    days: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    moved: set[str] = field(default_factory=set)  # claims whose event changed: their links are redone
    evidence: dict[str, str] = field(default_factory=dict)  # the document's new claims: claim id -> evidence
    removed: bool = False  # a document's claims went: the sums of parts of its events are redone

    def __ior__(self, other: Touched) -> Touched:
        self.people |= other.people
        self.event_keys |= other.event_keys
        self.subjects |= other.subjects
        self.kinds |= other.kinds
        self.days |= other.days
        self.names |= other.names
        self.moved |= other.moved
        self.evidence |= other.evidence
        self.removed |= other.removed
        return self


def _remove_facts(tx: neo4j.ManagedTransaction, doc_id: str, *, delete_document: bool) -> Touched:
    """Delete a document's facts; returns the people, event keys and subjects they touched (whose links
    must be recomputed)."""
    people = {r["key"] for r in tx.run(cypher.DOCUMENT_PEOPLE, doc_id=doc_id)}
    keys = tx.run(cypher.DOCUMENT_CLAIM_KEYS, doc_id=doc_id).single()
    event_keys = {k for k in (keys["event_keys"] if keys else []) if k}
    subjects = {k for k in (keys["subjects"] if keys else []) if k}
    kinds = {k for k in (keys["kinds"] if keys else []) if k}
    days = {d for d in ((keys["first"], keys["last"]) if keys else ()) if d}
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
    return Touched(people, event_keys, subjects, kinds, days, removed=bool(event_keys))


def _write_claims(tx: neo4j.ManagedTransaction, result: FileResult) -> Touched:
    """A document's claims, the events and entities they are about, and who said them."""
    if not result.claims:
        return Touched()
    tx.run(cypher.UPSERT_CLAIMS, doc_id=result.doc_id, rows=rows.claim_rows(result)).consume()
    for role, statements in (("subject", cypher.CLAIM_ABOUT), ("speaker", cypher.CLAIM_SAID_BY)):
        for label, refs in sorted(rows.claim_refs(result.claims, role).items()):
            tx.run(statements[label], rows=refs).consume()
    new = [c for c in result.claims if resolvable(c)]
    return Touched(
        subjects={subject_base(c.subject_key) for c in result.claims if c.subject_key},
        kinds={c.event_kind for c in new if c.event_kind},
        days={d for c in new for d in (c.event_date, c.event_date_end) if d},
        names={n for c in new for n in c.event_names},
        moved={c.claim_id for c in new},
        evidence={c.claim_id: rows.evidence_signature(c) for c in new},
    )


def _stored(r: neo4j.Record) -> Claim:
    return rows.stored_claim(r["claim"], r["page"], r["start"], r["end"])


@dataclass(frozen=True)
class _Evidence:
    """One distinct evidence around a document's dates: a claim that stands for all claims with it (its
    ``claim_id`` is the signature) and the events those claims are attached to now."""

    claim: Claim
    keys: frozenset[str]


def _evidence(records: Iterable[neo4j.Record]) -> dict[str, _Evidence]:
    out: dict[str, _Evidence] = {}
    for r in records:
        if r["sig"] is None:
            continue
        claim = replace(rows.stored_claim(r["claim"], 0, 0, 0), claim_id=r["sig"])
        keys = frozenset(r["keys"]) | (out[r["sig"]].keys if r["sig"] in out else frozenset())
        out[r["sig"]] = _Evidence(claim, keys)
    return out


def resolve_claim_events(tx: neo4j.ManagedTransaction, touched: Touched) -> None:
    """Attach the claims around the touched days to their events again (nlp.claims.events), from all the
    evidence there: a new source may found an event others only guessed at, or say which stage a day was.

    Resolution works on distinct evidence (``Claim.event_signature``), not on every claim: claims with the
    same evidence are attached alike, so a report of an exchange 2,000 sources have reported costs a few rows.
    Claims that move (and the document's new claims) join ``touched.moved``; the events they left or joined,
    ``touched.event_keys``."""
    if not touched.kinds:
        return
    if not touched.removed and _join_known_evidence(tx, touched):
        return
    kinds = sorted(touched.kinds)
    named: dict[str, _Evidence] = {}
    if touched.names:
        named = {
            sig: ev
            for sig, ev in _evidence(tx.run(cypher.NAMED_EVENT_SIGNATURES, kinds=kinds)).items()
            if set(ev.claim.event_names) & touched.names
        }
    days = touched.days | {d for ev in named.values() for d in (ev.claim.event_date, ev.claim.event_date_end) if d}
    dated = [d for d in days if not d.startswith("--")]
    first, last = candidate_window(dated) or ("", "")
    around = _evidence(
        tx.run(
            cypher.EVENT_SIGNATURES,
            kinds=kinds,
            first=first,
            last=last,
            monthdays=candidate_monthdays(dated),
            yearless_monthdays=candidate_monthdays(d for d in days if d.startswith("--")),
        )
    )
    evidence = {**around, **named}
    found = resolve_events([ev.claim for ev in evidence.values()])
    moves = []
    for sig, ev in sorted(evidence.items()):
        row = rows.attachment_row(sig, found.get(sig))
        new = row["key"] or ""
        if ev.keys != {new} or sig in touched.evidence.values():
            moves.append(row)
            touched.event_keys |= {k for k in (*ev.keys, new) if k}
    if not moves:
        return
    infos = {info.key: info for info in _event_infos([ev.claim for ev in evidence.values()], found)}
    upserts = [rows.event_row(infos[k]) for k in sorted(touched.event_keys) if k in infos]
    if upserts:
        tx.run(cypher.UPSERT_EVENTS, rows=upserts).consume()
    fresh = sorted(touched.moved)
    moved = [r["id"] for r in tx.run(cypher.MOVE_EVENT_SIGNATURES, moves=moves, fresh=fresh)]
    touched.moved |= set(moved)
    if moved:
        tx.run(cypher.CLAIM_EVENT_EDGES, ids=sorted(moved)).consume()
    tx.run(cypher.DELETE_ORPHAN_EVENTS, keys=sorted(touched.event_keys)).consume()


def _join_known_evidence(tx: neo4j.ManagedTransaction, touched: Touched) -> bool:
    """When every evidence of the document's new claims is already in the graph, nothing else can move:
    resolution depends only on which evidence there is. The new claims join where the same evidence went
    (one indexed lookup each), and the write costs the same with 20 sources of the event as with 2,000."""
    fresh = sorted(touched.evidence)
    went: dict[str, neo4j.Record] = {}
    for sig in sorted(set(touched.evidence.values())):
        record = tx.run(cypher.EVIDENCE_ATTACHMENT, sig=sig, fresh=fresh).single()
        if record is None:
            return False  # new evidence: resolve the window
        went[sig] = record
    attachments = [
        {"id": claim_id, "key": went[sig]["key"], "confidence": went[sig]["confidence"], "reason": went[sig]["reason"]}
        for claim_id, sig in sorted(touched.evidence.items())
    ]
    tx.run(cypher.SET_CLAIM_ATTACHMENTS, rows=attachments).consume()
    attached = [a["id"] for a in attachments if a["key"]]
    if attached:
        tx.run(cypher.CLAIM_EVENT_EDGES, ids=attached).consume()
    touched.event_keys |= {a["key"] for a in attachments if a["key"]}
    return True


def _event_infos(claims: list[Claim], found: dict) -> list[EventInfo]:
    """Each event as the evidence attached to it describes it (names, anchored)."""
    infos: dict[str, EventInfo] = {}
    by_id = {c.claim_id: c for c in claims}
    for claim_id, att in sorted(found.items()):
        c = by_id[claim_id]
        info = infos.setdefault(att.event.key, EventInfo(att.event))
        info.anchored |= c.anchors_event
        info.names.update(c.event_names)
    return list(infos.values())


LINK_FANOUT = 25  # per event, category and figure: the first claims by id a new claim is compared with


def update_claim_links(
    tx: neo4j.ManagedTransaction,
    event_keys: set[str],
    subjects: set[str],
    moved: set[str] | None = None,
    removed: bool = False,
    new: set[str] | None = None,
) -> None:
    """Recompute CORROBORATES / CONTRADICTS: quantity links of the claims that are new or moved to another
    event (``moved``; ``new``: the document's own), status links under these subjects in full.

    A new or moved claim is compared with the claims its event's figures name (``(:Figure)``: per category,
    detail, direction and figure, the first ``LINK_FANOUT`` claims by id), so its cost does not grow with the
    sources of a popular event: a 2,001st source stating the same figure corroborates the first 25, and
    contradicts the first 25 of every other figure. Links of claims that did not move stay true. When claims
    went (a document removed) or moved away, the figures of their events are rebuilt and the sums of parts
    recomputed: a sum rests on three or more claims.
    """
    moved, new = moved or set(), new or set()
    if not event_keys and not subjects and not moved:
        return
    if moved:
        tx.run(cypher.DELETE_CLAIM_EVENT_LINKS, ids=sorted(moved)).consume()
    fresh = [c for c in (_stored(r) for r in tx.run(cypher.CLAIMS_BY_ID, ids=sorted(moved))) if c.kind == "quantity"]
    rebuild = removed or bool(moved - new)
    if rebuild and event_keys:
        _rebuild_figures(tx, sorted(event_keys))
    groups = sorted({(c.event_key, c.category_detail or "", c.direction or "") for c in fresh if c.event_key})
    if removed:
        groups = sorted(set(groups) | _event_groups(tx, sorted(event_keys)))
    if groups:
        figures = {
            r["key"]: (list(r["first"] or []), int(r["claims"] or 0))
            for r in tx.run(
                cypher.EVENT_FIGURES, groups=[{"event": e, "detail": d, "direction": r} for e, d, r in groups]
            )
        }
        named = sorted({i for first, _ in figures.values() for i in first} - moved)
        candidates = [_stored(r) for r in tx.run(cypher.CLAIMS_BY_ID, ids=named)]
        known = list({c.claim_id: c for c in candidates + fresh}.values())
        links = [link for link in link_claims(fresh, known) if link.event_key]
        if removed and event_keys:
            tx.run(cypher.DELETE_SUM_LINKS, event_keys=sorted(event_keys), prefix=SUM_OF_PARTS).consume()
            links += [link for link in sum_links(known) if link.event_key in event_keys]
        # CREATE the links of moved claims (theirs were just deleted); MERGE the few sums between claims that
        # stayed, which a new figure completes, and everything after a removal
        created = [link for link in links if not removed and (link.a in moved or link.b in moved)]
        _write_links(tx, created, cypher.CREATE_CLAIM_LINKS)
        _write_links(tx, [link for link in links if link not in created], cypher.MERGE_CLAIM_LINKS)
        if not rebuild:
            _add_to_figures(tx, fresh, figures)
    if subjects:
        subs = sorted(subjects)
        statuses = [
            c
            for c in (_stored(r) for r in tx.run(cypher.CLAIM_CANDIDATES, event_keys=[], subjects=subs))
            if c.kind == "status"
        ]
        # Statuses: every candidate counts as new (a person's claims are few), stale links found and removed.
        status_links = [
            link for link in link_claims(statuses, []) if link.subject_key in subjects and not link.event_key
        ]
        keep = [f"{link.a}|{link.b}|{link.type}" for link in status_links]
        tx.run(cypher.DELETE_STALE_STATUS_LINKS, subjects=subs, keep=keep).consume()
        _write_links(tx, status_links, cypher.MERGE_CLAIM_LINKS)


def _add_to_figures(
    tx: neo4j.ManagedTransaction, claims: list[Claim], figures: dict[str, tuple[list[str], int]]
) -> None:
    """The new claims join their figures: a figure keeps its first LINK_FANOUT claim ids, whatever the order
    they came in, and counts them all."""
    for c in sorted(claims, key=lambda c: c.claim_id):
        if not c.event_key:
            continue
        key = rows.figure_key(c)
        first, count = figures.get(key, ([], 0))
        figures[key] = (sorted({*first, c.claim_id})[:LINK_FANOUT], count + 1)
    touched = {rows.figure_key(c) for c in claims if c.event_key}
    by_key = {rows.figure_key(c): c for c in claims if c.event_key}
    upserts = [rows.figure_row(by_key[k], *figures[k]) for k in sorted(touched)]
    if upserts:
        tx.run(cypher.UPSERT_FIGURES, rows=upserts).consume()


def _rebuild_figures(tx: neo4j.ManagedTransaction, keys: list[str]) -> None:
    """The figures of these events from their claims (after claims went or moved away)."""
    tx.run(cypher.DELETE_EVENT_FIGURES, keys=keys).consume()
    figures: dict[str, tuple[dict, list[str], int]] = {}
    for r in tx.run(cypher.EVENT_FIGURE_CLAIMS, keys=keys):
        key = rows.figure_key_of(r["event_key"], r["category"], r["detail"], r["direction"], r["value"], r["qualifier"])
        fields, first, count = figures.get(key, (dict(r), [], 0))
        figures[key] = (fields, first + [r["id"]] if len(first) < LINK_FANOUT else first, count + 1)
    upserts = [rows.figure_row_of(key, fields, first, count) for key, (fields, first, count) in sorted(figures.items())]
    if upserts:
        tx.run(cypher.UPSERT_FIGURES, rows=upserts).consume()


def _event_groups(tx: neo4j.ManagedTransaction, keys: list[str]) -> set[tuple[str, str, str]]:
    return {(r["key"], r["detail"], r["direction"]) for r in tx.run(cypher.EVENT_FIGURE_GROUPS, keys=keys)}


def _write_links(tx: neo4j.ManagedTransaction, links: list, statements: dict[str, str]) -> None:
    by_type: dict[str, dict[tuple[str, str], rows.Row]] = defaultdict(dict)
    for link in links:
        by_type[link.type].setdefault((link.a, link.b), rows.link_row(link))
    for kind, rows_of_kind in sorted(by_type.items()):
        tx.run(statements[kind], links=list(rows_of_kind.values())).consume()


def _update_links(tx: neo4j.ManagedTransaction, touched: Touched) -> None:
    update_identity_links(tx, touched.people)
    resolve_claim_events(tx, touched)
    update_claim_links(tx, touched.event_keys, touched.subjects, touched.moved, touched.removed, set(touched.evidence))


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
