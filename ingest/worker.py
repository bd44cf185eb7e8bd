"""Everything that happens to one file before the graph: read, hash, parse, detect language, extract.

Runs in a worker process (dask) or in-process; returns a ``FileResult`` and never raises for bad
input, so one broken file cannot stop a batch.
"""

from __future__ import annotations

import hashlib
import logging
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

from crosscheck.errors import CrosscheckError, InputError, OversizedFile
from crosscheck.settings import Settings
from crosscheck.records.pages import Page, ParsedDocument, box_under
from crosscheck.records.ids import FileResult, claim_id_for, listed_id_for, mention_id_for, page_id_for
from crosscheck.records.facts import ListInfo, ListRow

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "4"  # bump when extraction changes so --force re-ingests are traceable
SENTENCE_MAX = 400


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def _bbox(page: Page, start: int, end: int) -> list[float] | None:
    """Where ``[start, end)`` is on the page, as a graph property (rounded list)."""
    box = box_under(page, start, end)
    return [round(v, 2) for v in box] if box else None


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _analyse(result: FileResult, parsed: ParsedDocument, settings: Settings) -> None:
    from nlp.extract import extract_mentions
    from nlp.language import page_languages
    from nlp.lists import extract_list

    t0 = time.perf_counter()
    doc_lang, page_langs = page_languages([p.text for p in parsed.pages])
    result.timings["language"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    info, records = extract_list(parsed.pages, page_langs)
    _add_listed(result, parsed, info, records, page_langs)
    result.timings["lists"] = time.perf_counter() - t0
    # A listed person is keyed by name and birth date; NER in the same row would add a second,
    # dateless node for them, so the row's person mention comes from the list record instead.
    row_spans: dict[int, list[tuple[int, int]]] = {}
    for r in records:
        row_spans.setdefault(r.page, []).append((r.start, r.end))
    t0 = time.perf_counter()
    doc_id = result.doc_id
    for page, lang in zip(parsed.pages, page_langs, strict=True):
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
        result.pages.append({"page_id": page_id_for(doc_id, page.number), "props": props})
        if not page.text.strip():
            continue
        for m in extract_mentions(page.text, lang, settings.models_dir):
            if m.label == "PERSON" and _overlaps(row_spans.get(page.number, []), m.start, m.end):
                continue
            mprops = {
                "page": page.number,
                "start": m.start,
                "end": m.end,
                "surface": m.surface,
                "sentence": m.sentence[:SENTENCE_MAX],
                "confidence": round(m.confidence, 3),
                "method": m.method,
                "language": lang,
            }
            if page.words:
                mprops["bbox"] = _bbox(page, m.start, m.end)
            result.mentions.append(
                {
                    "label": m.label,
                    "key": m.key,
                    "name": m.name,
                    "mention_id": mention_id_for(doc_id, page.number, m.start, m.end, m.label),
                    "props": mprops,
                }
            )
    result.timings["ner"] = time.perf_counter() - t0
    # Identity within the document: "Залужний" alone means the one Валерій Залужний named here.
    from nlp.identity import resolve_in_document

    resolve_in_document(result.mentions)
    result.document.update(language=doc_lang)
    t0 = time.perf_counter()
    _add_claims(result, parsed, page_langs, info, records)
    result.timings["claims"] = time.perf_counter() - t0


def _add_claims(
    result: FileResult, parsed: ParsedDocument, langs: list[str], info: ListInfo | None, records: list[ListRow]
) -> None:
    """Claims (v4) after the mentions and list rows they refer to. Claims are an addition to a document, not
    its substance: a failure here leaves a warning on the document instead of failing it."""
    try:
        from nlp.claims.extract import extract_claims
    except ModuleNotFoundError as exc:
        if exc.name != "nlp.claims.extract":
            raise
        return  # claim extraction not installed in this build: documents are written without claims
    try:
        claims = extract_claims(parsed.pages, langs, result.mentions, records, info, result.document.get("published"))
    except Exception as exc:  # an extractor bug must not cost the investigator the document
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        message = f"claims not extracted: {detail}"
        log.warning("%s: %s", result.path, message)
        result.warnings.append(message)
        result.document["warnings"] = [*result.document.get("warnings", []), message]
        return
    doc_id = result.doc_id
    pages = {p.number: p for p in parsed.pages}
    seen: set[str] = set()
    for c in claims:
        claim_id = claim_id_for(doc_id, c.page, c.start, c.end, c.kind, c.category, c.subject_key, c.status)
        if claim_id in seen:  # one claim per id: the extractor may read one clause twice
            continue
        seen.add(claim_id)
        page = pages.get(c.page)
        bbox = _bbox(page, c.start, c.end) if page is not None and page.words else None
        props = {
            "claim_id": claim_id,
            "doc_id": doc_id,
            "kind": c.kind,
            "text": c.text,
            "language": c.language,
            "value": c.value,
            "qualifier": c.qualifier,
            "category": c.category,
            "category_detail": c.category_detail,
            "direction": c.direction,
            "event_key": c.event_key,
            "event_kind": c.event_kind,
            "event_date": c.event_date,
            "event_stage": c.event_stage,
            "status": c.status,
            "status_date": c.status_date,
            "subject_key": c.subject_key,
            "speaker_name": c.speaker_name,
            "verb": c.verb,
            "quote": c.quote,
            "parts": list(c.parts),
            "confidence": round(c.confidence, 3),
            "extractor": c.extractor,
        }
        event = (
            {"key": c.event_key, "kind": c.event_kind, "date": c.event_date, "stage": c.event_stage}
            if c.event_key
            else None
        )
        result.claims.append(
            {
                "claim_id": claim_id,
                "props": props,
                "stated_in": {
                    "page": c.page,
                    "start": c.start,
                    "end": c.end,
                    "bbox": bbox,
                    "bbox_unit": page.bbox_unit if bbox else None,
                },
                "event": event,
                "subject": {"label": c.subject_label, "key": c.subject_key} if c.subject_key else None,
                "speaker": {"label": c.speaker_label, "key": c.speaker_key} if c.speaker_key else None,
            }
        )


def _add_listed(
    result: FileResult, parsed: ParsedDocument, info: ListInfo | None, records: list[ListRow], langs: list[str]
) -> None:
    doc_id = result.doc_id
    pages = {p.number: p for p in parsed.pages}
    lang_of = {p.number: lang for p, lang in zip(parsed.pages, langs, strict=True)}
    if info is not None:
        result.document.update(list_title=info.title, list_status=info.status, list_status_date=info.status_date)
    result.document["listed_rows"] = len(records)
    for r in records:
        page = pages[r.page]
        props = {
            "listed_id": listed_id_for(doc_id, r.page, r.row),
            "row": r.row,
            "page": r.page,
            "start": r.start,
            "end": r.end,
            "bbox": [round(v, 1) for v in r.bbox] if r.bbox else None,
            "bbox_unit": page.bbox_unit if r.bbox else None,
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
        result.listed.append(
            {
                "key": r.key,
                "name": r.name,
                "birth_date": r.birth_date,
                "unit_key": r.unit_key,
                "unit_name": r.unit_name,
                "props": props,
            }
        )
        start, end = (r.name_start, r.name_end) if r.name_start is not None else (r.start, r.end)
        mprops = {
            "page": r.page,
            "start": start,
            "end": end,
            "surface": page.text[start:end],
            "sentence": r.raw[:SENTENCE_MAX],
            "confidence": round(r.confidence, 3),
            "method": f"list:{r.method}",
            "language": lang_of[r.page],
        }
        if page.words:
            mprops["bbox"] = _bbox(page, start, end)
        result.mentions.append(
            {
                "label": "PERSON",
                "key": r.key,
                "name": r.name,
                "mention_id": mention_id_for(doc_id, r.page, start, end, "PERSON"),
                "props": mprops,
            }
        )


def _new_result(location: str, folder: str) -> tuple[FileResult, dict]:
    path = Path(location)
    result = FileResult(
        location=str(path),
        path=str(path.relative_to(folder)),
        file_name=path.name,
        sha256=sha256_file(path),
        size=path.stat().st_size,
    )
    base = {
        "sha256": result.sha256,
        "path": result.path,
        "file_name": result.file_name,
        "size": result.size,
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "extractor_version": EXTRACTOR_VERSION,
    }
    return result, base


def process_file(location: str, folder: str, settings: Settings) -> FileResult:
    from ingest.registry import parse_bytes

    path = Path(location)
    result, base = _new_result(location, folder)
    size = result.size
    try:
        if size > settings.max_file_bytes:
            raise OversizedFile(
                f"file is {size / 1e6:.1f} MB, over the {settings.max_file_bytes / 1e6:.0f} MB limit "
                "(CROSSCHECK_MAX_FILE_BYTES)"
            )
        t0 = time.perf_counter()
        data = path.read_bytes()
        # The bytes we parse are the bytes we hash, even if the file changed since listing.
        result.sha256 = base["sha256"] = hashlib.sha256(data).hexdigest()
        parsed = parse_bytes(data, path.name, settings)
        result.timings["parse"] = time.perf_counter() - t0
        result.media_type = parsed.media_type
        result.warnings = list(parsed.warnings)
        result.document = {
            **base,
            "media_type": parsed.media_type,
            "title": parsed.title,
            "source_url": parsed.source_url,
            "published": parsed.published,
            "pages": len(parsed.pages),
            "ocr": any(p.method == "ocr" for p in parsed.pages),
            "ocr_pages": parsed.ocr_pages,
            "status": "ingested",
            "error": None,
            "error_reason": None,
            "warnings": parsed.warnings,
        }
        _analyse(result, parsed, settings)
    except InputError as exc:
        _fail(result, base, exc.reason, exc.message)
    except CrosscheckError:
        raise  # not this file's fault (e.g. tesseract missing): stop the batch, quarantine nothing
    except Exception as exc:  # a bug or a library crash on this file: quarantine it, keep the batch going
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        _fail(result, base, "internal-error", f"crosscheck could not process this file ({detail})")
    return result


def _fail(result: FileResult, base: dict, reason: str, message: str) -> None:
    result.error_reason, result.error = reason, message
    result.pages, result.mentions, result.listed, result.claims = [], [], [], []
    result.document = {
        **base,
        "media_type": result.media_type,
        "status": "failed",
        "error": message,
        "error_reason": reason,
        "pages": 0,
        "ocr": False,
    }


def failed_result(location: str, folder: str, reason: str, message: str) -> FileResult:
    """For a file whose worker died (killed for memory, segfault in a library)."""
    result, base = _new_result(location, folder)
    _fail(result, base, reason, message)
    return result
