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
