"""The investigator query catalogue, kept as data: name, title, description, parameters, Cypher.

Every query runs read-only, through the reader account. A parameter may declare ``derive``:
the runner adds a derived parameter (e.g. the script-independent search key of a typed name),
so a name typed in any script finds the entity.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    example: str
    type: str = "string"  # "string" | "int"
    default: str | None = None
    derive: dict[str, str] = field(default_factory=dict)  # derived param name -> derivation


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    cypher: str


_ENTITY = Param(
    "entity",
    "a name, in any script or spelling, or part of one (Ковальчук, Kovalchuk, Харкові, 36 ОБрМП)",
    "Kovalchuk",
    derive={"entity_keys": "search_keys", "entity_fold": "search_fold"},
)

# Matches an entity by the keys crosscheck derives from what was typed, a key containing its
# spelling-independent skeleton (a surname alone), its canonical name or any surface form seen.
_MATCH_ENTITY = """
MATCH (e)
WHERE (e:Person OR e:Unit OR e:Place OR e:Organization)
  AND (e.key IN $entity_keys
       OR (size($entity_fold) >= 4 AND e.key CONTAINS $entity_fold)
       OR toLower(e.name) CONTAINS toLower($entity)
       OR any(a IN e.aliases WHERE toLower(a) CONTAINS toLower($entity)))
"""

# For a person: the POSSIBLY_SAME_AS candidates on either side, as "name (birth date) score: reason".
_SAME_AS_COLUMN = """OPTIONAL MATCH (__X__)-[s:POSSIBLY_SAME_AS]-(o:Person)
WITH __KEEP__, collect(DISTINCT o.name + coalesce(' (' + o.birth_date + ')', '') + ' ' + toString(s.score)
     + ': ' + s.reason) AS possibly_same_as
"""


def _same_as(var: str, keep: str) -> str:
    return _SAME_AS_COLUMN.replace("__X__", var).replace("__KEEP__", keep)


# Claims (v4). A claim's source and span: the document, its publication date and [page, start, end] into
# Page.text; the links it has to claims of other sources, as "TYPE score: reason".
_CLAIM_SOURCE = """MATCH (__C__)-[__S__:STATED_IN]->(__D__:Document)
"""
_CLAIM_LINKS = """OPTIONAL MATCH (c)-[l:CORROBORATES|CONTRADICTS]-(:Claim)
WITH __KEEP__, collect(type(l) + ' ' + toString(l.score) + ': ' + l.reason) AS links
"""


def _source(claim: str, rel: str, doc: str) -> str:
    return _CLAIM_SOURCE.replace("__C__", claim).replace("__S__", rel).replace("__D__", doc)


def _claim_links(keep: str) -> str:
    return _CLAIM_LINKS.replace("__KEEP__", keep)


_PERSON = Param(
    "person",
    "a person's name, in any script or spelling, or part of one (Ковальчук, Kovalchuk, Тараса Ковальчука)",
    "Kovalchuk",
    derive={"person_keys": "search_keys", "person_fold": "search_fold"},
)
_MATCH_PERSON = """
MATCH (e:Person)
WHERE e.key IN $person_keys
   OR (size($person_fold) >= 4 AND e.key CONTAINS $person_fold)
   OR toLower(e.name) CONTAINS toLower($person)
   OR any(a IN e.aliases WHERE toLower(a) CONTAINS toLower($person))
"""

_CLAIM_COLUMNS = """c.kind AS kind, c.text AS claim, c.value AS value, c.qualifier AS qualifier,
       c.category AS category, c.direction AS direction, c.status AS status, c.status_date AS status_date,
       c.speaker_name AS speaker, d.path AS source, d.published AS published, [s.page, s.start, s.end] AS span"""


CATALOGUE: tuple[SavedQuery, ...] = (
    SavedQuery(
        name="documents-mentioning",
        title="Documents mentioning an entity",
        description="Every document that mentions a person, unit, place or organisation, with the surface "
        "forms used there and the pages, most mentions first.",
        params=(_ENTITY,),
        cypher=_MATCH_ENTITY
        + """MATCH (d:Document)-[m:MENTIONS]->(e)
WITH e, d, count(m) AS mentions, collect(DISTINCT m.surface) AS surfaces, collect(DISTINCT m.page) AS pages
RETURN labels(e)[0] AS kind, e.name AS entity, d.path AS document, d.title AS title,
       d.language AS language, mentions, surfaces, pages
ORDER BY mentions DESC, document
""",
    ),
    SavedQuery(
        name="entity-everywhere",
        title="An entity across all sources",
        description="One row per document that mentions the entity: every surface form written there, the "
        "pages and character spans (`[page, start, end]` into `Page.text`), the extractors, the mentions "
        "resolved from a bare surname (`resolved_from`), and for people the POSSIBLY_SAME_AS candidates "
        "to review. `all_surface_forms` lists every spelling seen in any document.",
        params=(_ENTITY,),
        cypher=_MATCH_ENTITY
        + _same_as("e", "e")
        + """MATCH (d:Document)-[m:MENTIONS]->(e)
WITH e, possibly_same_as, d, count(m) AS mentions, collect(DISTINCT m.surface) AS surfaces,
     collect(DISTINCT m.page) AS pages, collect([m.page, m.start, m.end]) AS spans,
     collect(DISTINCT m.method) AS methods, collect(DISTINCT m.resolved_from) AS resolved_from
RETURN labels(e)[0] AS kind, e.name AS entity, e.key AS key, e.birth_date AS birth_date,
       e.aliases AS all_surface_forms, d.path AS document, d.language AS language, mentions, surfaces,
       pages, spans, methods, resolved_from, possibly_same_as
ORDER BY kind, entity, document
""",
    ),
    SavedQuery(
        name="possible-duplicates",
        title="People who may be the same person",
        description="POSSIBLY_SAME_AS pairs to review, highest score first: both names and birth dates, the "
        "documents naming each, and the reason crosscheck did not merge them (e.g. the same name where "
        "one source gives no birth date, a surname with a matching first initial, surnames one letter "
        "apart). Namesakes with different birth dates score at most 0.2.",
        params=(
            Param("min_score", "least score, in percent (0-100)", "50", type="int", default="0"),
            Param("limit", "how many rows at most", "20", type="int", default="200"),
        ),
        cypher="""
MATCH (a:Person)-[r:POSSIBLY_SAME_AS]->(b:Person)
WHERE r.score * 100 >= $min_score
OPTIONAL MATCH (a)<-[:MENTIONS]-(da:Document)
WITH a, r, b, collect(DISTINCT da.path) AS documents_a
OPTIONAL MATCH (b)<-[:MENTIONS]-(db:Document)
WITH a, r, b, documents_a, collect(DISTINCT db.path) AS documents_b
RETURN r.score AS score, r.reason AS reason, a.name AS person_a, a.birth_date AS birth_date_a, documents_a,
       b.name AS person_b, b.birth_date AS birth_date_b, documents_b, a.key AS key_a, b.key AS key_b
ORDER BY score DESC, person_a, person_b
LIMIT $limit
""",
    ),
    SavedQuery(
        name="co-mentioned",
        title="Entities mentioned together with an entity",
        description="People, units, places and organisations that appear in the same documents as the "
        "given entity, by number of shared documents.",
        params=(_ENTITY, Param("limit", "how many rows at most", "20", type="int", default="50")),
        cypher=_MATCH_ENTITY
        + """MATCH (e)<-[:MENTIONS]-(d:Document)-[:MENTIONS]->(other)
WHERE other <> e
WITH e, other, collect(DISTINCT d.path) AS documents
RETURN e.name AS entity, labels(other)[0] AS kind, other.name AS co_mentioned,
       size(documents) AS shared_documents, documents
ORDER BY shared_documents DESC, co_mentioned
LIMIT $limit
""",
    ),
    SavedQuery(
        name="document",
        title="Everything known about a document",
        description="A document's metadata and every entity it mentions, with pages and character spans. "
        "The document is given by its path in the drop folder, its file name or its doc_id.",
        params=(Param("document", "path, file name or doc_id of the document", "exchange-en.md"),),
        cypher="""
MATCH (d:Document)
WHERE d.doc_id = $document OR d.path = $document OR d.file_name = $document
OPTIONAL MATCH (d)-[m:MENTIONS]->(e)
WITH d, e, collect([m.page, m.start, m.end]) AS spans, collect(DISTINCT m.surface) AS surfaces
RETURN d.path AS document, d.title AS title, d.language AS language, d.media_type AS media_type,
       d.pages AS pages, d.ocr AS ocr, d.status AS status, d.error AS error,
       labels(e)[0] AS kind, e.name AS entity, surfaces, spans
ORDER BY kind, entity
""",
    ),
    SavedQuery(
        name="mentions-in-context",
        title="Mentions of an entity in context",
        description="Each mention of an entity with its sentence, document, page, character offsets, "
        "extractor and confidence: the provenance behind every edge.",
        params=(_ENTITY, Param("limit", "how many rows at most", "20", type="int", default="100")),
        cypher=_MATCH_ENTITY
        + """MATCH (d:Document)-[m:MENTIONS]->(e)
RETURN e.name AS entity, d.path AS document, m.page AS page, m.start AS start, m.end AS end,
       m.surface AS surface, m.sentence AS sentence, m.method AS method, m.confidence AS confidence
ORDER BY document, page, start
LIMIT $limit
""",
    ),
    SavedQuery(
        name="top-entities",
        title="Most-mentioned entities",
        description="Entities by the number of documents that mention them, with every surface form seen.",
        params=(
            Param("kind", "Person, Unit, Place, Organization, or empty for all", "Person", default=""),
            Param("limit", "how many rows at most", "10", type="int", default="25"),
        ),
        cypher="""
MATCH (d:Document)-[:MENTIONS]->(e)
WHERE (e:Person OR e:Unit OR e:Place OR e:Organization) AND ($kind = '' OR $kind IN labels(e))
WITH e, count(DISTINCT d) AS documents
RETURN labels(e)[0] AS kind, e.name AS entity, documents, e.aliases AS aliases
ORDER BY documents DESC, entity
LIMIT $limit
""",
    ),
    SavedQuery(
        name="listed-in-several-documents",
        title="People listed in two or more documents",
        description="People who appear as rows of at least `min_documents` lists or tables (exchange lists, "
        "release lists, rosters), with each list's title, the row, the birth date, rank, unit and status it "
        "gives. Listed people are identified by full name and birth date, so namesakes born on other dates "
        "are different rows here. Identity stays exact (only the same key counts); `possibly_same_as` shows "
        "the candidates to review (e.g. the same name in a news report that gives no birth date).",
        params=(Param("min_documents", "least number of documents", "2", type="int", default="2"),),
        cypher="""
MATCH (p:Person)-[l:LISTED_IN]->(d:Document)
WITH p, collect(DISTINCT d.doc_id) AS docs,
     collect({document: d.path, list: d.list_title, page: l.page, row: l.row, rank: l.rank, unit: l.unit,
              status: l.status, status_date: l.status_date}) AS listings
WHERE size(docs) >= $min_documents
"""
        + _same_as("p", "p, docs, listings")
        + """RETURN p.name AS person, p.birth_date AS birth_date, size(docs) AS documents, listings, possibly_same_as
ORDER BY documents DESC, person, birth_date
""",
    ),
    SavedQuery(
        name="list-rows",
        title="The rows of a list",
        description="Every person row read from a list or table document, in order, with the page, the "
        "character span and image box of the row, the text as read and what crosscheck made of it "
        "(repairs of OCR look-alike letters and digits are listed).",
        params=(
            Param("document", "path, file name or doc_id of the list", "list-scan-uk.png"),
            Param("limit", "how many rows at most", "50", type="int", default="500"),
        ),
        cypher="""
MATCH (d:Document)<-[l:LISTED_IN]-(p:Person)
WHERE d.doc_id = $document OR d.path = $document OR d.file_name = $document
RETURN d.path AS document, d.list_title AS list, l.row AS row, p.name AS person, l.birth_date AS birth_date,
       l.rank AS rank, l.unit AS unit, l.status AS status, l.status_date AS status_date, l.page AS page,
       l.start AS start, l.end AS end, l.bbox AS bbox, l.bbox_unit AS bbox_unit, l.raw AS raw,
       l.repairs AS repairs, l.confidence AS confidence
ORDER BY document, row
LIMIT $limit
""",
    ),
    SavedQuery(
        name="contradictions",
        title="Sources that contradict each other",
        description="Pairs of claims from different documents that cannot both be true, newest event first: "
        "different numbers for the same event (kind, date, stage), category and direction (`150 vs 157 "
        "servicemen returned to Ukraine (exchange on 2025-02-05)`), or statuses of one person that conflict "
        "in time (released on a date, still held or missing after it). Each side with its document, "
        "publication date and span (`[page, start, end]` into `Page.text`). Numbers of two different "
        "exchanges are never compared.",
        params=(Param("limit", "how many rows at most", "20", type="int", default="200"),),
        cypher="""
MATCH (a:Claim)-[r:CONTRADICTS]->(b:Claim)
"""
        + _source("a", "sa", "da")
        + _source("b", "sb", "db")
        + """RETURN coalesce(a.event_date, a.status_date, b.status_date) AS date, r.reason AS reason,
       r.event_key AS event, r.subject_key AS subject, r.value_a AS value_a, r.value_b AS value_b,
       a.text AS claim_a, da.path AS source_a, da.published AS published_a, [sa.page, sa.start, sa.end] AS span_a,
       b.text AS claim_b, db.path AS source_b, db.published AS published_b, [sb.page, sb.start, sb.end] AS span_b,
       r.score AS score, a.claim_id AS claim_id_a, b.claim_id AS claim_id_b
ORDER BY date DESC, reason
LIMIT $limit
""",
    ),
    SavedQuery(
        name="event-claims",
        title="Everything claimed about an event",
        description="Every claim about one event — an exchange, repatriation, release… — given by its key "
        "(`exchange:2025-03-14`, `exchange:2025-03-14:stage2` for the second day) or by its date (all events "
        "that day): numbers, statuses and attributed statements, with source, span and the claims of other "
        "sources each one corroborates or contradicts.",
        params=(Param("event", "event key (kind:date[:stageN]) or ISO date", "2025-03-14"),),
        cypher="""
MATCH (c:Claim)
WHERE c.event_key = $event OR c.event_date = $event
"""
        + _source("c", "s", "d")
        + _claim_links("c, s, d")
        + """RETURN c.event_key AS event, """
        + _CLAIM_COLUMNS
        + """, links, c.claim_id AS claim_id
ORDER BY event, category, value, source
""",
    ),
    SavedQuery(
        name="person-claims",
        title="Everything claimed about a person",
        description="Every claim about a person (status: released, exchanged, held, missing, detained, "
        "killed; numbers and statements naming them), across sources and dates, with the document, its "
        "publication date, the span, and the claims of other sources it agrees or conflicts with. The name "
        "is matched as in `entity-everywhere`, in any script or form.",
        params=(_PERSON,),
        cypher=_MATCH_PERSON
        + """MATCH (c:Claim)-[:ABOUT]->(e)
"""
        + _source("c", "s", "d")
        + _claim_links("e, c, s, d")
        + """RETURN e.name AS person, e.birth_date AS birth_date, """
        + _CLAIM_COLUMNS
        + """, c.event_key AS event, links, c.claim_id AS claim_id
ORDER BY person, coalesce(c.status_date, c.event_date, d.published), source
""",
    ),
    SavedQuery(
        name="claims-by-speaker",
        title="What a person or organisation said",
        description="Attributed claims (`said`, `заявив`, `сообщил`…): who said what, the verb and the "
        "quote as written, with source and span. The speaker is matched by name in any script, including "
        "speakers crosscheck did not resolve to an entity.",
        params=(
            Param(
                "speaker",
                "name of the speaker, in any script, or part of one (Гордієнко, Hordiienko, Координаційний штаб)",
                "Hordiienko",
                derive={"speaker_keys": "search_keys", "speaker_fold": "search_fold"},
            ),
        ),
        cypher="""
MATCH (c:Claim) WHERE c.speaker_name IS NOT NULL OR (c)-[:SAID_BY]->()
OPTIONAL MATCH (c)-[:SAID_BY]->(e)
WITH c, e
WHERE (e IS NOT NULL AND (e.key IN $speaker_keys
                          OR (size($speaker_fold) >= 4 AND e.key CONTAINS $speaker_fold)
                          OR toLower(e.name) CONTAINS toLower($speaker)
                          OR any(a IN e.aliases WHERE toLower(a) CONTAINS toLower($speaker))))
   OR toLower(coalesce(c.speaker_name, '')) CONTAINS toLower($speaker)
"""
        + _source("c", "s", "d")
        + """RETURN coalesce(e.name, c.speaker_name) AS speaker, c.verb AS verb, c.quote AS quote, c.text AS claim,
       c.kind AS kind, c.event_key AS event, d.path AS source, d.published AS published,
       [s.page, s.start, s.end] AS span, c.claim_id AS claim_id
ORDER BY speaker, published, source
""",
    ),
    SavedQuery(
        name="agreeing-sources",
        title="Sources that corroborate a claim",
        description="For a claim (its `claim_id`, or words of its text), the claims of other documents that "
        "corroborate it — the same number for the same event, a compatible range (`over 200` vs 250), the "
        "parts of a total (`150 servicemen + 26 civilians = 176`), the same status of a person — with "
        "score, reason, source and span.",
        params=(Param("claim", "a claim_id, or words of the claim's text", "150"),),
        cypher="""
MATCH (c:Claim)
WHERE c.claim_id = $claim OR toLower(c.text) CONTAINS toLower($claim)
MATCH (c)-[r:CORROBORATES]-(o:Claim)
"""
        + _source("c", "s", "d")
        + _source("o", "so", "od")
        + """RETURN c.text AS claim, d.path AS source, [s.page, s.start, s.end] AS span, r.score AS score,
       r.reason AS reason, o.text AS agreeing_claim, od.path AS agreeing_source, od.published AS published,
       [so.page, so.start, so.end] AS agreeing_span, c.claim_id AS claim_id, o.claim_id AS agreeing_claim_id
ORDER BY claim_id, score DESC, agreeing_source
""",
    ),
    SavedQuery(
        name="status-conflicts",
        title="People whose status conflicts across sources",
        description="People one source reports released (or exchanged) on a date while another reports "
        "them held, detained or missing on or after it; killed but later released or held; or released on "
        "two different dates. Both statuses with dates, sources and spans.",
        params=(Param("limit", "how many rows at most", "20", type="int", default="200"),),
        cypher="""
MATCH (a:Claim)-[r:CONTRADICTS]->(b:Claim)
WHERE a.kind = 'status' AND b.kind = 'status'
OPTIONAL MATCH (p:Person {key: a.subject_key})
"""
        + _source("a", "sa", "da")
        + _source("b", "sb", "db")
        + """RETURN coalesce(p.name, a.subject_key) AS person, p.birth_date AS birth_date, r.reason AS reason,
       a.status AS status_a, a.status_date AS date_a, da.path AS source_a, [sa.page, sa.start, sa.end] AS span_a,
       b.status AS status_b, b.status_date AS date_b, db.path AS source_b, [sb.page, sb.start, sb.end] AS span_b
ORDER BY person, date_a
LIMIT $limit
""",
    ),
    SavedQuery(
        name="numbers-over-time",
        title="A count across events and sources",
        description="The values each source gives for one category (`people`, `servicemen`, `civilians`, "
        "`prisoners_of_war`, `bodies`, `children`, `wounded`, `defenders`) by event date: one row per "
        "event, direction and source, so diverging sources stand side by side.",
        params=(
            Param("category", "what is counted", "servicemen", default="people"),
            Param("limit", "how many rows at most", "50", type="int", default="500"),
        ),
        cypher="""
MATCH (c:Claim {category: $category})
WHERE c.kind = 'quantity' AND c.event_date IS NOT NULL
"""
        + _source("c", "s", "d")
        + """RETURN c.event_date AS date, c.event_key AS event, c.direction AS direction,
       c.category_detail AS detail, c.value AS value, c.qualifier AS qualifier, d.path AS source,
       d.published AS published, [s.page, s.start, s.end] AS span, c.claim_id AS claim_id
ORDER BY date, event, direction, source
LIMIT $limit
""",
    ),
    SavedQuery(
        name="failed-documents",
        title="Files that could not be ingested",
        description="Quarantined files with the reason; their copies and JSON reasons are under "
        "$CROSSCHECK_HOME/quarantine/.",
        params=(),
        cypher="""
MATCH (d:Document {status: 'failed'})
RETURN d.path AS document, d.error_reason AS reason, d.error AS error, d.size AS bytes
ORDER BY document
""",
    ),
)

BY_NAME = {q.name: q for q in CATALOGUE}


def catalogue_markdown() -> str:
    """docs/queries.md, generated from the catalogue (a test keeps the file in step)."""
    out = [
        "# Saved investigator queries",
        "",
        "Generated from `graph/queries.py` by `crosscheck queries --format markdown`; do not edit by hand.",
        "Every query runs read-only. Run one with `crosscheck query --saved NAME --param name=value ...`,",
        "or paste its Cypher into any Bolt client with the read-only account (`crosscheck graph status`).",
        "",
    ]
    for q in CATALOGUE:
        out += [f"## `{q.name}` — {q.title}", "", q.description, ""]
        if q.params:
            out += ["| parameter | meaning | default | example |", "|---|---|---|---|"]
            for p in q.params:
                default = "" if p.default is None else f"`{p.default!r}`"
                out.append(f"| `{p.name}` | {p.description} | {default} | `{p.example}` |")
            derived = [f"`${d}`" for p in q.params for d in p.derive]
            if derived:
                out += [
                    "",
                    f"Derived by crosscheck from the parameters: {', '.join(derived)} (see `graph/query_runner.py`).",
                ]
            out.append("")
        example = " ".join(f"--param {p.name}={p.example!r}" for p in q.params)
        out += ["```sh", f"crosscheck query --saved {q.name} {example}".rstrip(), "```", ""]
        out += ["```cypher", q.cypher.strip(), "```", ""]
    return "\n".join(out)
