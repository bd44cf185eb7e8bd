"""Typed records to the parameter rows of the Cypher in ``graph.cypher``, and stored claims back to records.

The one place where facts change shape for the graph: what a property is called, how it is rounded and
cut, which properties a failed document keeps. Every row here feeds one ``UNWIND $rows`` statement.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import asdict, fields
from typing import Any

from crosscheck.records.claims import Claim, ClaimLink
from crosscheck.records.document import FAILED, DocumentInfo, FileResult
from crosscheck.records.facts import ListRow, Mention
from crosscheck.records.ids import listed_id_for, mention_id_for, page_id_for
from crosscheck.records.pages import Box, Page
from graph import cypher
from nlp.claims.events import Attachment, EventInfo
from nlp.claims.link import subject_base
from nlp.identity import Identity
from nlp.translit import guess_cyrillic_language, has_cyrillic

Row = dict[str, Any]
SENTENCE_MAX = 400  # characters of a mention's sentence kept on the MENTIONS relationship


# Which name a node shows when sources spell it differently: English reporting's spelling first (Dmitry
# Peskov, not the German "Dmitri Peskow" that sorts first), then Ukrainian, then Russian, then anything else;
# within one language the first in Unicode order, so the choice never depends on which file finished first.
_NAME_RANK = {"en": "0", "uk": "1", "ru": "2"}


def name_order(name: str, language: str | None) -> str:
    """The sort key of a display name seen on a page in ``language`` (None: guessed from the letters)."""
    if language is None or language == "en" and has_cyrillic(name):
        # A list row has no page language, and a Cyrillic name quoted in English text is no English spelling.
        language = guess_cyrillic_language(name) if has_cyrillic(name) else None
    return f"{_NAME_RANK.get(language or '', '3')}|{name}"


def _box(box: Box | None, digits: int) -> list[float] | None:
    return [round(v, digits) for v in box] if box else None


def document_props(doc: DocumentInfo) -> Row:
    """The Document node's properties; a failed document keeps only what says which file it was and why."""
    props: Row = {
        "sha256": doc.sha256,
        "path": doc.path,
        "file_name": doc.file_name,
        "size": doc.size,
        "ingested_at": doc.ingested_at,
        "extractor_version": doc.extractor_version,
        "media_type": doc.media_type,
        "status": doc.status,
        "error": doc.error,
        "error_reason": doc.error_reason,
        "pages": doc.pages,
        "ocr": doc.ocr_pages > 0,
    }
    if doc.status == FAILED:
        return props
    props.update(
        title=doc.title,
        source_url=doc.source_url,
        published=doc.published,
        published_source=doc.published_source,
        file_date=doc.file_date,
        ocr_pages=doc.ocr_pages,
        warnings=doc.warnings,
        listed_rows=doc.listed_rows,
        language=doc.language,
    )
    if doc.list_info is not None:
        info = doc.list_info
        props.update(list_title=info.title, list_status=info.status, list_status_date=info.status_date)
    return props


def page_rows(result: FileResult) -> list[Row]:
    return [_page_row(result.doc_id, p, lang) for p, lang in zip(result.pages, result.page_languages, strict=True)]


def _page_row(doc_id: str, page: Page, lang: str) -> Row:
    props = {
        "doc_id": doc_id,
        "number": page.number,
        "text": page.text,
        "chars": len(page.text),
        "method": page.method,
        "language": lang,
        "ocr_confidence": page.ocr_confidence,
        "low_confidence_words": page.low_confidence_words,
        "dpi": page.dpi,
        "bbox_unit": page.bbox_unit,
        "tables": len(page.tables),
        "ocr_rotation": page.preprocess.get("rotation"),
        "ocr_skew": page.preprocess.get("skew"),
        "ocr_lines_removed": page.preprocess.get("lines_removed"),
        "ocr_languages": page.preprocess.get("languages"),
        "warnings": page.warnings,
    }
    return {"page_id": page_id_for(doc_id, page.number), "props": props}


def mention_props(doc_id: str, m: Mention) -> Row:
    """A MENTIONS relationship's properties, with its deterministic ``mention_id``."""
    props: Row = {
        "mention_id": mention_id_for(doc_id, m.page, m.start, m.end, m.label),
        "page": m.page,
        "start": m.start,
        "end": m.end,
        "surface": m.surface,
        "sentence": m.sentence[:SENTENCE_MAX],
        "confidence": round(m.confidence, 3),
        "method": m.method,
        "language": m.language,
        "bbox": _box(m.bbox, 2),
    }
    if m.resolved_from is not None:
        props["resolved_from"] = m.resolved_from
    return props


def entity_rows(doc_id: str, mentions: list[Mention]) -> dict[str, list[Row]]:
    """Per graph label, one row per entity key (sorted, so concurrent writers lock keys in one order): its
    display name (by :func:`name_order`), the surfaces it was seen under, and its mentions."""
    entities: dict[str, dict[str, Row]] = defaultdict(dict)
    for m in mentions:
        label = cypher.ENTITY_LABELS[m.label]
        order = name_order(m.name, m.language)
        entity = entities[label].setdefault(
            m.key, {"key": m.key, "name": m.name, "name_order": order, "aliases": [], "mentions": []}
        )
        if order < entity["name_order"]:
            entity["name"], entity["name_order"] = m.name, order
        alias = " ".join(m.surface.split())  # a surface may span a line break
        if alias not in entity["aliases"]:
            entity["aliases"].append(alias)
        entity["mentions"].append(mention_props(doc_id, m))
    return {label: sorted(rows.values(), key=lambda r: r["key"]) for label, rows in entities.items()}


def listed_rows(result: FileResult) -> list[Row]:
    """LISTED_IN rows, sorted by person key and row: a listed person's node is created with its birth date."""
    units = {p.number: p.bbox_unit for p in result.pages}
    rows = [_listed_row(result.doc_id, r, units.get(r.page)) for r in result.listed]
    return sorted(rows, key=lambda r: (r["key"], r["props"]["row"]))


def _listed_row(doc_id: str, r: ListRow, bbox_unit: str | None) -> Row:
    props = {
        "listed_id": listed_id_for(doc_id, r.page, r.row),
        "row": r.row,
        "page": r.page,
        "start": r.start,
        "end": r.end,
        "bbox": _box(r.bbox, 1),
        "bbox_unit": bbox_unit if r.bbox else None,
        "name_raw": r.name_raw,
        "birth_date": r.birth_date,
        "rank": r.rank,
        "unit": r.unit,
        "raw": r.raw,
        "confidence": round(r.confidence, 3),
        "status": r.status,
        "status_date": r.status_date,
        "method": r.method,
        "repairs": list(r.repairs),
    }
    return {
        "key": r.key,
        "name": r.name,
        "name_order": name_order(r.name, None),
        "birth_date": r.birth_date,
        "unit_key": r.unit_key,
        "unit_name": r.unit_name,
        "props": props,
    }


def membership_rows(listed: list[Row]) -> list[Row]:
    """MEMBER_OF rows for the listed rows that name a recognised unit."""
    return [
        {
            "person_key": r["key"],
            "unit_key": r["unit_key"],
            "unit_name": r["unit_name"],
            "row": r["props"]["row"],
            "page": r["props"]["page"],
            "unit": r["props"]["unit"],
        }
        for r in listed
        if r["unit_key"]
    ]


# Claim fields stored on the (:Claim) node; where it is stated goes on STATED_IN.
# ``event_key`` is the resolved event (nlp.claims.events), set after the claims are written; the claim's own
# evidence (kind, date, range, stage, date source, names) is kept so that resolution can be redone.
_CLAIM_NODE_FIELDS = (
    "claim_id doc_id kind text language value qualifier category category_detail direction event_kind "
    "event_date event_date_end event_stage event_date_source event_names event_span_days status status_date "
    "subject_key speaker_name verb quote parts confidence extractor"
).split()


def claim_row(c: Claim, bbox_unit: str | None) -> Row:
    props: Row = {name: getattr(c, name) for name in _CLAIM_NODE_FIELDS}
    props["parts"], props["confidence"] = list(c.parts), round(c.confidence, 3)
    props["event_names"] = list(c.event_names) or None
    # the day of the year, for claims whose date has no year ("--10-16") to meet their event (nlp.claims.events)
    props["event_monthday"] = c.event_date[-5:] if c.event_date else None
    # the person without the birth date a list adds: status links join a list row and an appeal by it
    props["subject_base"] = subject_base(c.subject_key) if c.subject_key else None
    if c.kind == "quantity" and c.event_kind:
        props["event_signature"] = evidence_signature(c)
        props["event_named"] = True if c.event_names else None
    if c.kind != "quantity" or not c.event_kind:
        props["event_key"] = c.own_event_key  # not resolved: a status's event, as its words give it
    stated_in = {
        "page": c.page,
        "start": c.start,
        "end": c.end,
        "bbox": _box(c.bbox, 2),
        "bbox_unit": bbox_unit if c.bbox else None,
    }
    return {
        "props": {k: v for k, v in props.items() if v is not None},
        "stated_in": {k: v for k, v in stated_in.items() if v is not None},
    }


def claim_rows(result: FileResult) -> list[Row]:
    """The document's claims, sorted by id so that concurrent writers lock claims in the same order."""
    units = {p.number: p.bbox_unit for p in result.pages}
    return [claim_row(c, units.get(c.page)) for c in sorted(result.claims, key=lambda c: c.claim_id)]


def evidence_signature(c: Claim) -> str:
    """What event resolution reads of a claim (nlp.claims.events): claims with the same evidence are
    attached alike, so the graph resolves one claim per signature. The value counts only beside a name
    (a count equal to the number in "500 for 500" is the whole exchange)."""
    evidence = [
        c.event_kind,
        c.event_date,
        c.event_date_end,
        c.event_stage,
        c.event_date_source,
        sorted(c.event_names),
        c.event_span_days,
        c.value if c.event_names else None,
    ]
    return hashlib.sha256(json.dumps(evidence, ensure_ascii=False).encode()).hexdigest()[:24]


def figure_key_of(
    event_key: str, category: str | None, detail: str, direction: str, value: float | None, qualifier: str
) -> str:
    raw = json.dumps([event_key, category, detail, direction, value, qualifier], ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()[:24]


def figure_key(c: Claim) -> str:
    """The figure a quantity claim states about its event: category, detail, direction, number, qualifier."""
    return figure_key_of(
        c.event_key or "", c.category, c.category_detail or "", c.direction or "", c.value, c.qualifier or ""
    )


def figure_row_of(key: str, fields: Row, first: list[str], claims: int) -> Row:
    """A (:Figure) node: its claims' common fields, the first claim ids (at most LINK_FANOUT), the count."""
    return {
        "key": key,
        "event_key": fields["event_key"],
        "category": fields["category"],
        "detail": fields["detail"],
        "direction": fields["direction"],
        "value": fields["value"],
        "qualifier": fields["qualifier"],
        "first": first,
        "claims": claims,
    }


def figure_row(c: Claim, first: list[str], claims: int) -> Row:
    fields = {
        "event_key": c.event_key,
        "category": c.category,
        "detail": c.category_detail or "",
        "direction": c.direction or "",
        "value": c.value,
        "qualifier": c.qualifier or "",
    }
    return figure_row_of(figure_key(c), fields, first, claims)


def attachment_row(signature: str, att: Attachment | None) -> Row:
    """The event resolution gave one evidence (MOVE_EVENT_SIGNATURES): its key, or none, how sure and why."""
    if att is None:
        return {"sig": signature, "key": None, "confidence": 0.0, "reason": "no usable date and no name"}
    return {"sig": signature, "key": att.event.key, "confidence": att.confidence, "reason": att.reason}


def event_row(info: EventInfo) -> Row:
    e = info.event
    return {
        "key": e.key,
        "kind": e.kind,
        "date": e.date,
        "date_end": e.date_end,
        "stage": e.stage,
        "names": sorted(info.names),
        "anchored": info.anchored,
    }


def claim_refs(claims: list[Claim], role: str) -> dict[str, list[Row]]:
    """ABOUT (``role="subject"``) or SAID_BY (``"speaker"``) rows per graph label: claim id and entity key."""
    statements = cypher.CLAIM_ABOUT if role == "subject" else cypher.CLAIM_SAID_BY
    by_label: dict[str, list[Row]] = defaultdict(list)
    for c in sorted(claims, key=lambda c: c.claim_id):
        key, label = (c.subject_key, c.subject_label) if role == "subject" else (c.speaker_key, c.speaker_label)
        graph_label = cypher.ENTITY_LABELS.get(label or "PERSON") if key else None
        if graph_label in statements:
            by_label[graph_label].append({"claim_id": c.claim_id, "key": key})
    return dict(by_label)


_CLAIM_FIELDS = {f.name for f in fields(Claim)}


def stored_claim(props: Row, page: int, start: int, end: int) -> Claim:
    """A (:Claim) node's properties and its STATED_IN span back to a ``Claim`` (for resolution and linking)."""
    known = {k: v for k, v in props.items() if k in _CLAIM_FIELDS}
    known["parts"] = tuple(known.get("parts") or ())
    known["event_names"] = tuple(known.get("event_names") or ())
    if props.get("kind") == "quantity" and props.get("event_kind"):
        known["attached_event"] = props.get("event_key") or ""
    return Claim(page=page, start=start, end=end, **known)


def identity_row(ident: Identity) -> Row:
    """The identity properties stored on a Person node (schema v3), for SET_IDENTITY."""
    return {
        "key": ident.key,
        "identity": {"name_fold": ident.name_fold, "surname_key": ident.surname_key, "given_key": ident.given_key},
    }


def link_row(link: ClaimLink) -> Row:
    props = {k: v for k, v in asdict(link).items() if k not in ("a", "b", "type") and v is not None}
    return {"a": link.a, "b": link.b, "props": props}
