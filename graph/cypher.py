"""Labels, relationship types and every Cypher statement crosscheck writes with.

Values always travel as ``$parameters``. Labels cannot be parameters in Cypher, so the
per-label statements are built once, here, from the fixed label table below.
"""

from __future__ import annotations

DOCUMENT = "Document"
PAGE = "Page"
MIGRATION = "SchemaMigration"
PERSON, UNIT, PLACE, ORGANIZATION = "Person", "Unit", "Place", "Organization"

# NER label -> graph label
ENTITY_LABELS: dict[str, str] = {"PERSON": PERSON, "UNIT": UNIT, "PLACE": PLACE, "ORG": ORGANIZATION}

HAS_PAGE = "HAS_PAGE"
MENTIONS = "MENTIONS"
LISTED_IN = "LISTED_IN"
MEMBER_OF = "MEMBER_OF"
POSSIBLY_SAME_AS = "POSSIBLY_SAME_AS"  # v3
CLAIM, EVENT = "Claim", "Event"  # v4
FIGURE = "Figure"  # v5
STATED_IN, ABOUT, SAID_BY, CORROBORATES, CONTRADICTS = "STATED_IN", "ABOUT", "SAID_BY", "CORROBORATES", "CONTRADICTS"

EXISTING_DOCUMENTS = """
UNWIND $doc_ids AS id
MATCH (d:Document {doc_id: id})
RETURN d.doc_id AS doc_id, d.status AS status, d.locations AS locations
"""

ADD_LOCATION = """
MATCH (d:Document {doc_id: $doc_id})
WHERE NOT $location IN coalesce(d.locations, [])
SET d.locations = coalesce(d.locations, []) + [$location]
"""

# Where every known file of a folder is, read once per batch (a location is an absolute path).
LOCATIONS_UNDER = """
MATCH (d:Document)
UNWIND d.locations AS location
WITH d, location WHERE location STARTS WITH $prefix
RETURN location, d.doc_id AS doc_id
"""

# The file at this location now has other content: the old document loses this place.
RELEASE_LOCATION = """
MATCH (d:Document {doc_id: $previous})
SET d.locations = [x IN d.locations WHERE x <> $location]
RETURN size(d.locations) AS remaining
"""

# Every entity a document's facts touch: mentioned, listed, or a unit a list row assigns someone to.
DOCUMENT_ENTITIES = """
MATCH (:Document {doc_id: $doc_id})-[:MENTIONS]->(e)
RETURN DISTINCT elementId(e) AS id
UNION
MATCH (:Document {doc_id: $doc_id})<-[:LISTED_IN]-(e)
RETURN DISTINCT elementId(e) AS id
UNION
MATCH (p)-[:MEMBER_OF {doc_id: $doc_id}]->(u)
UNWIND [p, u] AS e
RETURN DISTINCT elementId(e) AS id
"""

DELETE_DOCUMENT_LISTINGS = """
MATCH (:Document {doc_id: $doc_id})<-[l:LISTED_IN]-()
DELETE l
"""

DELETE_DOCUMENT_MEMBERSHIPS = """
MATCH ()-[r:MEMBER_OF {doc_id: $doc_id}]->()
DELETE r
"""

DELETE_DOCUMENT_MENTIONS = """
MATCH (:Document {doc_id: $doc_id})-[m:MENTIONS]->()
DELETE m
"""

DELETE_DOCUMENT_PAGES = """
MATCH (:Document {doc_id: $doc_id})-[:HAS_PAGE]->(p:Page)
DETACH DELETE p
"""

DELETE_DOCUMENT = """
MATCH (d:Document {doc_id: $doc_id})
DETACH DELETE d
"""

# The people a document's facts touch, by key: their POSSIBLY_SAME_AS links are recomputed after
# the document's facts change.
DOCUMENT_PEOPLE = """
MATCH (:Document {doc_id: $doc_id})-[:MENTIONS]->(p:Person)
RETURN DISTINCT p.key AS key
UNION
MATCH (:Document {doc_id: $doc_id})<-[:LISTED_IN]-(p:Person)
RETURN DISTINCT p.key AS key
"""

# After a document's mentions are gone: entities no document points at any more go (with the
# POSSIBLY_SAME_AS links, which are no evidence of existence), the others keep only the surface
# forms still seen somewhere.
PRUNE_ENTITIES = """
UNWIND $ids AS id
MATCH (e) WHERE elementId(e) = id
  AND NOT (e)<-[:MENTIONS]-() AND NOT (e)-[:LISTED_IN]->() AND NOT (e)-[:MEMBER_OF]-()
DETACH DELETE e
"""

REFRESH_ALIASES = """
UNWIND $ids AS id
MATCH (e)<-[m:MENTIONS]-() WHERE elementId(e) = id
WITH e, collect(DISTINCT replace(replace(m.surface, '\r', ''), '\n', ' ')) AS surfaces
SET e.aliases = surfaces
"""

UPSERT_DOCUMENT = """
MERGE (d:Document {doc_id: $doc_id})
SET d += $props
SET d.locations = CASE
    WHEN d.locations IS NULL THEN [$location]
    WHEN $location IN d.locations THEN d.locations
    ELSE d.locations + [$location] END
"""

UPSERT_PAGES = """
MATCH (d:Document {doc_id: $doc_id})
UNWIND $rows AS r
MERGE (p:Page {page_id: r.page_id})
SET p += r.props
MERGE (d)-[:HAS_PAGE]->(p)
"""

# One statement per label: MERGE each entity once, then CREATE its mentions in this document.
# Sources disagree on the display name (Dmitry Peskov / Dmitri Peskow / Дмитрий Песков): keep the one
# first by ``name_order`` (graph.rows.name_order: English spelling, then uk, ru, others; then Unicode
# order), so the name does not depend on which file a worker happened to finish first. Two SETs: the
# name is chosen against the stored order before the order itself moves. A node from before name_order
# ("9") takes the next name it sees.
# CREATE, not MERGE, for mentions: the same transaction first deletes the document's earlier
# mentions, and a MERGE on a relationship property scans every relationship of the document.
_UPSERT_ENTITY_MENTIONS = """
MATCH (d:Document {doc_id: $doc_id})
UNWIND $rows AS r
MERGE (e:__LABEL__ {key: r.key})
ON CREATE SET e.name = r.name, e.name_order = r.name_order, e.aliases = []
SET e.name = CASE WHEN r.name_order < coalesce(e.name_order, '9') THEN r.name ELSE e.name END,
    e.aliases = e.aliases + [a IN r.aliases WHERE NOT a IN e.aliases]
SET e.name_order = CASE WHEN r.name_order < coalesce(e.name_order, '9') THEN r.name_order ELSE e.name_order END
WITH d, e, r
UNWIND r.mentions AS m
CREATE (d)-[rel:MENTIONS]->(e)
SET rel = m
"""

UPSERT_ENTITY_MENTIONS = {
    label: _UPSERT_ENTITY_MENTIONS.replace("__LABEL__", label) for label in ENTITY_LABELS.values()
}

# A list row: the person (keyed by full name and birth date), the row's provenance on the
# relationship. CREATE for the same reason as mentions: the document's earlier rows were deleted.
UPSERT_LISTED = """
MATCH (d:Document {doc_id: $doc_id})
UNWIND $rows AS r
MERGE (p:Person {key: r.key})
ON CREATE SET p.name = r.name, p.name_order = r.name_order, p.aliases = []
SET p.name = CASE WHEN r.name_order < coalesce(p.name_order, '9') THEN r.name ELSE p.name END,
    p.birth_date = coalesce(p.birth_date, r.birth_date)
SET p.name_order = CASE WHEN r.name_order < coalesce(p.name_order, '9') THEN r.name_order ELSE p.name_order END
WITH d, p, r
CREATE (p)-[l:LISTED_IN]->(d)
SET l = r.props
"""

# Identity (v3): the people a write touched, whose identity properties are (re)derived from their
# key, display name and birth date after the write, so they do not depend on ingest order ...
PERSON_IDENTITIES = """
UNWIND $keys AS k
MATCH (p:Person {key: k})
RETURN p.key AS key, p.name AS name, p.birth_date AS birth_date
"""

# ... and for every person who could be the same: same surname key or one edit away (indexed).
IDENTITY_CANDIDATES = """
MATCH (p:Person) WHERE p.surname_key IN $probes
RETURN p.key AS key, p.name AS name, p.name_fold AS name_fold, p.surname_key AS surname_key,
       p.given_key AS given_key, p.birth_date AS birth_date
"""

# Links of the touched people that the evidence no longer supports ($keep: "a|b" key pairs).
DELETE_STALE_SAME_AS = """
UNWIND $keys AS k
MATCH (:Person {key: k})-[r:POSSIBLY_SAME_AS]-()
WITH DISTINCT r
WHERE NOT (startNode(r).key + '|' + endNode(r).key) IN $keep
DELETE r
"""

# Direction is fixed (lower key -> higher key), so MERGE finds the link whichever side is written.
MERGE_SAME_AS = """
UNWIND $links AS l
MATCH (a:Person {key: l.a})
MATCH (b:Person {key: l.b})
MERGE (a)-[r:POSSIBLY_SAME_AS]->(b)
SET r.score = l.score, r.reason = l.reason
"""

# Migration 3 derives identity properties and links for people written before it.
PEOPLE_WITHOUT_IDENTITY = """
MATCH (p:Person) WHERE p.name_fold IS NULL
RETURN p.key AS key
"""

SET_IDENTITY = """
UNWIND $rows AS r
MATCH (p:Person {key: r.key})
SET p += r.identity
"""

# The unit a list row names; one relationship per person, unit and document.
UPSERT_MEMBERSHIPS = """
UNWIND $rows AS r
MATCH (p:Person {key: r.person_key})
MERGE (u:Unit {key: r.unit_key})
ON CREATE SET u.name = r.unit_name, u.aliases = []
MERGE (p)-[m:MEMBER_OF {doc_id: $doc_id}]->(u)
SET m.row = r.row, m.page = r.page, m.unit = r.unit
"""

# People the graph already knows, by key: a mention in another language may adopt one of them.
KNOWN_PEOPLE = """
UNWIND $keys AS k
MATCH (p:Person {key: k})
RETURN p.key AS key, p.name AS name
"""

# --- Claims (v4) ---------------------------------------------------------------------------------

# Before a document's claims go: the event keys and subjects whose links must be recomputed.
DOCUMENT_CLAIM_KEYS = """
MATCH (c:Claim {doc_id: $doc_id})
RETURN collect(DISTINCT c.event_key) AS event_keys, collect(DISTINCT c.subject_base) AS subjects,
       collect(DISTINCT c.event_kind) AS kinds, min(c.event_date) AS first,
       max(coalesce(c.event_date_end, c.event_date)) AS last
"""

# DETACH: the claims' STATED_IN, ABOUT, SAID_BY and every CORROBORATES/CONTRADICTS link go with them.
DELETE_DOCUMENT_CLAIMS = """
MATCH (c:Claim {doc_id: $doc_id})
DETACH DELETE c
"""

# An Event exists because claims are about it: none left, no event.
DELETE_ORPHAN_EVENTS = """
UNWIND $keys AS k
MATCH (e:Event {key: k})
WHERE NOT (e)<-[:ABOUT]-()
DELETE e
"""

# The claims themselves and where they are stated. CREATE, as for mentions: the same transaction deleted
# the document's earlier claims first.
UPSERT_CLAIMS = """
MATCH (d:Document {doc_id: $doc_id})
UNWIND $rows AS r
CREATE (c:Claim)
SET c = r.props
CREATE (c)-[s:STATED_IN]->(d)
SET s = r.stated_in
"""

# Event resolution (nlp.claims.events) reads the evidence of the quantity claims around a document's dates:
# one claim per distinct evidence (Claim.event_signature: kind, day, range, stage, date source, names) with
# the events its claims are attached to now, so a popular event's 2,000 sources cost a handful of rows.
# Branches: the claims of the window (indexed on Claim.event_date); the days without a year on the window's
# days of the year (Claim.event_monthday); dated claims on the days of year a new claim without a year has.
EVENT_SIGNATURES = """
MATCH (c:Claim)
WHERE c.event_date >= $first AND c.event_date <= $last AND c.kind = 'quantity' AND c.event_kind IN $kinds
WITH c.event_signature AS sig, head(collect(c)) AS one, collect(DISTINCT coalesce(c.event_key, '')) AS keys
RETURN sig, properties(one) AS claim, keys
UNION
MATCH (c:Claim)
WHERE c.event_monthday IN $monthdays AND c.event_date STARTS WITH '--' AND c.kind = 'quantity'
  AND c.event_kind IN $kinds
WITH c.event_signature AS sig, head(collect(c)) AS one, collect(DISTINCT coalesce(c.event_key, '')) AS keys
RETURN sig, properties(one) AS claim, keys
UNION
MATCH (c:Claim)
WHERE c.event_monthday IN $yearless_monthdays AND c.kind = 'quantity' AND c.event_kind IN $kinds
WITH c.event_signature AS sig, head(collect(c)) AS one, collect(DISTINCT coalesce(c.event_key, '')) AS keys
RETURN sig, properties(one) AS claim, keys
"""

# Claims that name an event ("the 500-for-500 exchange"; indexed on Claim.event_named), by evidence.
NAMED_EVENT_SIGNATURES = """
MATCH (c:Claim)
WHERE c.event_named = true AND c.kind = 'quantity' AND c.event_kind IN $kinds
WITH c.event_signature AS sig, head(collect(c)) AS one, collect(DISTINCT coalesce(c.event_key, '')) AS keys
RETURN sig, properties(one) AS claim, keys
"""

# Every claim of one evidence moves to the event resolution gave that evidence (only those not there yet,
# and the document's new claims): the old ABOUT goes, the key, confidence and reason are stored.
MOVE_EVENT_SIGNATURES = """
UNWIND $moves AS m
MATCH (c:Claim {event_signature: m.sig})
WHERE coalesce(c.event_key, '') <> coalesce(m.key, '') OR c.claim_id IN $fresh
OPTIONAL MATCH (c)-[a:ABOUT]->(:Event)
DELETE a
WITH DISTINCT c, m
SET c.event_key = m.key, c.attach_confidence = m.confidence, c.attach_reason = m.reason
RETURN c.claim_id AS id
"""

# Where claims of the same evidence went (LIMIT 1: one claim is enough, however many share it).
EVIDENCE_ATTACHMENT = """
MATCH (c:Claim {event_signature: $sig})
WHERE NOT c.claim_id IN $fresh
RETURN c.event_key AS key, c.attach_confidence AS confidence, c.attach_reason AS reason
LIMIT 1
"""

# A document's new claims join where the same evidence went before them.
SET_CLAIM_ATTACHMENTS = """
UNWIND $rows AS r
MATCH (c:Claim {claim_id: r.id})
SET c.event_key = r.key, c.attach_confidence = r.confidence, c.attach_reason = r.reason
"""

# The occurrence each source speaks of, as resolution describes it: one Event per key, shared by every
# source, with the names sources give it, whether a source wrote its date, and how many sources.
UPSERT_EVENTS = """
UNWIND $rows AS r
MERGE (e:Event {key: r.key})
SET e.kind = r.kind, e.date = r.date, e.date_end = r.date_end, e.stage = r.stage, e.names = r.names,
    e.anchored = r.anchored
"""

CLAIM_EVENT_EDGES = """
UNWIND $ids AS id
MATCH (c:Claim {claim_id: id})
WHERE c.event_key IS NOT NULL
MATCH (e:Event {key: c.event_key})
CREATE (c)-[:ABOUT]->(e)
"""

# Figures of an event (v5): per event, category, detail, direction, number and qualifier, the first claims
# by id that state it (at most LINK_FANOUT) and how many do. A new claim is compared with the claims its
# figures name, so a popular event's 2,000 sources of one figure cost 25 rows.
EVENT_FIGURES = """
UNWIND $groups AS g
MATCH (f:Figure {event_key: g.event})
WHERE f.detail = g.detail AND f.direction = g.direction
RETURN f.key AS key, f.first AS first, f.claims AS claims
"""

CLAIMS_BY_ID = """
UNWIND $ids AS id
MATCH (c:Claim {claim_id: id})-[s:STATED_IN]->(:Document)
RETURN properties(c) AS claim, s.page AS page, s.start AS start, s.end AS end
"""

UPSERT_FIGURES = """
UNWIND $rows AS r
MERGE (f:Figure {key: r.key})
SET f.event_key = r.event_key, f.category = r.category, f.detail = r.detail, f.direction = r.direction,
    f.value = r.value, f.qualifier = r.qualifier, f.first = r.first, f.claims = r.claims
"""

# An event's figures recomputed from its claims (after a removal or a move away): the claims in id order.
EVENT_FIGURE_CLAIMS = """
UNWIND $keys AS k
MATCH (c:Claim {event_key: k})
WHERE c.kind = 'quantity'
RETURN c.claim_id AS id, c.event_key AS event_key, c.category AS category,
       coalesce(c.category_detail, '') AS detail, coalesce(c.direction, '') AS direction, c.value AS value,
       coalesce(c.qualifier, '') AS qualifier
ORDER BY id
"""

EVENT_FIGURE_GROUPS = """
UNWIND $keys AS k
MATCH (f:Figure {event_key: k})
RETURN DISTINCT f.event_key AS key, f.detail AS detail, f.direction AS direction
"""

DELETE_EVENT_FIGURES = """
UNWIND $keys AS k
MATCH (f:Figure {event_key: k})
DELETE f
"""

MOVED_CLAIMS = CLAIMS_BY_ID

# The sum-of-parts links of these events: recomputed whole, since each rests on three or more claims.
DELETE_SUM_LINKS = """
MATCH (c:Claim) WHERE c.event_key IN $event_keys
MATCH (c)-[r:CORROBORATES]-(:Claim)
WHERE r.event_key IN $event_keys AND r.reason STARTS WITH $prefix
DELETE r
"""

# The quantity links of claims that moved to another event (or are new): recomputed from scratch.
DELETE_CLAIM_EVENT_LINKS = """
UNWIND $ids AS id
MATCH (c:Claim {claim_id: id})-[r:CORROBORATES|CONTRADICTS]-(:Claim)
WHERE r.event_key IS NOT NULL
DELETE r
"""

# The entity a claim is about and who said it: MATCH, not MERGE — the document's mentions or list rows
# created them; a key the graph does not know gives no edge rather than an entity without provenance.
_CLAIM_ABOUT = """
UNWIND $rows AS r
MATCH (c:Claim {claim_id: r.claim_id})
MATCH (e:__LABEL__ {key: r.key})
CREATE (c)-[:__REL__]->(e)
"""

CLAIM_ABOUT = {
    label: _CLAIM_ABOUT.replace("__LABEL__", label).replace("__REL__", ABOUT) for label in ENTITY_LABELS.values()
}
CLAIM_SAID_BY = {
    label: _CLAIM_ABOUT.replace("__LABEL__", label).replace("__REL__", SAID_BY) for label in (PERSON, ORGANIZATION)
}

# Every claim under these event keys or about these subjects, from any document: the candidates links are
# computed from (indexed lookups on Claim.event_key and Claim.subject_key).
CLAIM_CANDIDATES = """
MATCH (c:Claim) WHERE c.event_key IN $event_keys
MATCH (c)-[s:STATED_IN]->(:Document)
RETURN properties(c) AS claim, s.page AS page, s.start AS start, s.end AS end
UNION
MATCH (c:Claim) WHERE c.subject_base IN $subjects
MATCH (c)-[s:STATED_IN]->(:Document)
RETURN properties(c) AS claim, s.page AS page, s.start AS start, s.end AS end
"""

# Status links under these subjects that the evidence no longer supports ($keep: "a|b|TYPE").
DELETE_STALE_STATUS_LINKS = """
MATCH (c:Claim) WHERE c.subject_base IN $subjects
MATCH (c)-[r:CORROBORATES|CONTRADICTS]-(:Claim)
WHERE r.subject_key IN $subjects
WITH DISTINCT r
WHERE NOT (startNode(r).claim_id + '|' + endNode(r).claim_id + '|' + type(r)) IN $keep
DELETE r
"""

# Direction is fixed (lower claim_id -> higher): MERGE finds the link whichever document is written.
_MERGE_CLAIM_LINKS = """
UNWIND $links AS l
MATCH (a:Claim {claim_id: l.a})
MATCH (b:Claim {claim_id: l.b})
MERGE (a)-[r:__TYPE__]->(b)
SET r = l.props
"""

MERGE_CLAIM_LINKS = {t: _MERGE_CLAIM_LINKS.replace("__TYPE__", t) for t in (CORROBORATES, CONTRADICTS)}
# Links of new or moved claims: CREATE, as for mentions — the same transaction deleted their links first, and
# MERGE slows with every link its claims already have.
_CREATE_CLAIM_LINKS = _MERGE_CLAIM_LINKS.replace("MERGE (a)", "CREATE (a)")
CREATE_CLAIM_LINKS = {t: _CREATE_CLAIM_LINKS.replace("__TYPE__", t) for t in (CORROBORATES, CONTRADICTS)}

APPLIED_MIGRATIONS = "MATCH (m:SchemaMigration) RETURN m.version AS version"
RECORD_MIGRATION = """
MERGE (m:SchemaMigration {version: $version})
SET m.description = $description, m.applied_at = $applied_at
"""

COUNTS = """
CALL () {
  MATCH (n) RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r]->() RETURN count(r) AS relationships
}
RETURN nodes, relationships
"""
