"""Everything that happens to one file before the graph: read, parse, detect language, extract.

Runs in a worker process (dask) or in-process; returns a typed ``FileResult`` and never raises for bad
input, so one broken file cannot stop a batch (the policy is ``crosscheck.pipeline.faults``).
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from crosscheck.errors import CrosscheckError, InputError
from crosscheck.pipeline.faults import INTERNAL_ERROR, Stage, contained, describe, reporter
from crosscheck.records.claims import Claim
from crosscheck.records.document import FAILED, DocumentInfo, FileResult
from crosscheck.records.facts import ListInfo, ListRow, Mention
from crosscheck.records.ids import claim_id_for
from crosscheck.records.pages import Page, ParsedDocument, box_under
from crosscheck.settings import Settings
from ingest.registry import check_file_size, parse_bytes
from nlp.claims.categories import load_vocab
from nlp.claims.extract import extract_claims
from nlp.claims.sentences import DocumentDate, document_date
from nlp.extract import extract_mentions
from nlp.identity import resolve_in_document
from nlp.language import page_languages
from nlp.lists import extract_list

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "5"  # bump when extraction changes so --force re-ingests are traceable


@dataclass(frozen=True)
class ListedFile:
    """A file as the batch listed it: its content hash and the stat it was hashed at."""

    path: Path
    sha256: str
    size: int
    mtime_ns: int


def list_file(path: Path, chunk: int = 1 << 20) -> ListedFile:
    """Stat and hash a file once; the worker reuses the hash unless the file changed since."""
    stat = path.stat()
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return ListedFile(path, h.hexdigest(), stat.st_size, stat.st_mtime_ns)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _page_mentions(page: Page, lang: str, rows: list[ListRow], settings: Settings) -> list[Mention]:
    """NER on one page, placed in the document. A listed person is keyed by name and birth date; NER in the
    same row would add a second, dateless node for them, so the row's person comes from the list instead."""
    row_spans = [(r.start, r.end) for r in rows]
    found = []
    for m in extract_mentions(page.text, lang, settings.models_dir):
        if m.label == "PERSON" and _overlaps(row_spans, m.start, m.end):
            continue
        bbox = box_under(page, m.start, m.end) if page.words else None
        found.append(replace(m, page=page.number, language=lang, bbox=bbox))
    return found


def _row_mention(row: ListRow, page: Page, lang: str) -> Mention:
    """A list row's person as a mention of the document: the name's span (the row's, if not located)."""
    start, end = (row.name_start, row.name_end) if row.name_start is not None else (row.start, row.end)
    assert end is not None
    return Mention(
        label="PERSON",
        start=start,
        end=end,
        surface=page.text[start:end],
        sentence=row.raw,
        key=row.key,
        name=row.name,
        confidence=row.confidence,
        method=f"list:{row.method}",
        page=row.page,
        language=lang,
        bbox=box_under(page, start, end) if page.words else None,
    )


def _placed_claims(result: FileResult, claims: list[Claim], pages: dict[int, Page]) -> list[Claim]:
    """One claim per id (the extractor may read one clause twice), each with its box on the page."""
    seen: set[str] = set()
    placed = []
    for c in claims:
        claim_id = claim_id_for(
            result.doc_id,
            c.page,
            c.start,
            c.end,
            c.kind,
            c.category,
            c.subject_key,
            c.status,
            c.value,
            c.direction,
            c.event_date,
        )
        if claim_id in seen:
            continue
        seen.add(claim_id)
        page = pages.get(c.page)
        bbox = box_under(page, c.start, c.end) if page is not None and page.words else None
        placed.append(replace(c, bbox=bbox, doc_id=result.doc_id, claim_id=claim_id))
    return placed


def _mentions(
    result: FileResult, pages: list[Page], langs: list[str], rows: list[ListRow], settings: Settings
) -> list[Mention]:
    """The document's mentions before identity resolution: its list rows' people, then NER page by page."""
    by_number = {p.number: p for p in pages}
    lang_of = dict(zip(by_number, langs, strict=True))
    mentions = [_row_mention(r, by_number[r.page], lang_of[r.page]) for r in rows]
    for page, lang in zip(pages, langs, strict=True):
        if not page.text.strip():
            continue
        with contained(result, Stage.MENTIONS, page.number):
            mentions += _page_mentions(page, lang, [r for r in rows if r.page == page.number], settings)
    return mentions


@dataclass(frozen=True)
class ExtractedMention:
    """A mention as ``crosscheck extract`` reports it: its own nominative, and the key identity gave it."""

    mention: Mention  # as extracted: ``name`` is the surface's own nominative
    key: str  # after in-document resolution


def extract_entities(
    pages: list[Page], settings: Settings, language: str | None = None
) -> tuple[list[str], list[ExtractedMention]]:
    """The mentions of a document the way the ingest finds them (list rows, NER page by page, identity within
    the document), for ``crosscheck extract``: the page languages (``language`` for every page, or detected)
    and every mention with its key. A bug in an extractor raises here: the caller scores or reads the text."""
    langs = [language] * len(pages) if language else page_languages([p.text for p in pages])[1]
    _, rows = extract_list(pages, langs, settings.models_dir)
    probe = FileResult(location="-", document=DocumentInfo("", "-", "-", 0, "", EXTRACTOR_VERSION))
    before = _mentions(probe, pages, langs, rows, settings)
    if probe.contained:
        raise RuntimeError("; ".join(probe.document.warnings))
    after = resolve_in_document(before)
    return langs, [ExtractedMention(b, a.key) for b, a in zip(before, after, strict=True)]


def _date(result: FileResult, parsed: ParsedDocument, langs: list[str], settings: Settings) -> DocumentDate:
    """The document's date and its source, once per file (metadata, dateline, text, file date, or none), set on
    the document; the claims resolve relative dates against it. A bug here leaves the document undated."""
    doc = result.document
    doc.file_date = parsed.file_date
    dated = DocumentDate(None, "none")
    with contained(result, Stage.DATE):
        future = load_vocab(settings.models_dir).future
        dated = document_date(parsed.pages, langs, parsed.published, parsed.file_date, settings.models_dir, future)
    doc.published, doc.published_source = dated.value, dated.source
    return dated


def _analyse(result: FileResult, parsed: ParsedDocument, settings: Settings) -> None:
    """Language, list rows, mentions, identity and claims of a parsed file, each extractor contained."""
    doc = result.document
    t0 = time.perf_counter()
    doc.language, langs = page_languages([p.text for p in parsed.pages])
    result.page_languages = langs
    result.timings["language"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    dated = _date(result, parsed, langs, settings)
    result.timings["date"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    info: ListInfo | None = None
    rows: list[ListRow] = []
    with contained(result, Stage.LISTS):
        info, rows = extract_list(parsed.pages, langs, settings.models_dir, reporter(result, Stage.LISTS))
    doc.list_info, doc.listed_rows, result.listed = info, len(rows), rows
    result.timings["lists"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    mentions = _mentions(result, parsed.pages, langs, rows, settings)
    result.timings["ner"] = time.perf_counter() - t0
    with contained(result, Stage.IDENTITY):
        # Identity within the document: "Залужний" alone means the one Валерій Залужний named here.
        mentions = resolve_in_document(mentions, scope=result.doc_id[:12])
    result.mentions = mentions

    t0 = time.perf_counter()
    with contained(result, Stage.CLAIMS):
        claims = extract_claims(parsed.pages, langs, mentions, rows, info, dated, settings.models_dir)
        result.claims = _placed_claims(result, claims, {p.number: p for p in parsed.pages})
    result.timings["claims"] = time.perf_counter() - t0


def _document(listed: ListedFile, folder: str) -> DocumentInfo:
    return DocumentInfo(
        sha256=listed.sha256,
        path=str(listed.path.relative_to(folder)),
        file_name=listed.path.name,
        size=listed.size,
        ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        extractor_version=EXTRACTOR_VERSION,
    )


def _read(listed: ListedFile) -> tuple[bytes, ListedFile]:
    """The file's bytes and the listing they match: re-hashed only if the file changed since it was listed,
    so the bytes we parse are the bytes the document id names."""
    data = listed.path.read_bytes()
    stat = listed.path.stat()
    if (stat.st_size, stat.st_mtime_ns) == (listed.size, listed.mtime_ns) and len(data) == listed.size:
        return data, listed
    return data, ListedFile(listed.path, hashlib.sha256(data).hexdigest(), len(data), stat.st_mtime_ns)


def process_file(location: str, folder: str, settings: Settings, listed: ListedFile | None = None) -> FileResult:
    """One file to a ``FileResult`` (``listed``: the batch's stat and hash of it, reused when still true)."""
    listed = listed or list_file(Path(location))
    result = FileResult(location=str(listed.path), document=_document(listed, folder))
    try:
        check_file_size(listed.size, settings)  # before reading: a huge file is refused unread
        t0 = time.perf_counter()
        data, listed = _read(listed)
        result.document = _document(listed, folder)
        parsed = parse_bytes(data, listed.path.name, settings)
        result.timings["parse"] = time.perf_counter() - t0
        doc = result.document
        doc.media_type, doc.title, doc.source_url = parsed.media_type, parsed.title, parsed.source_url
        doc.pages, doc.ocr_pages = len(parsed.pages), parsed.ocr_pages
        doc.warnings = parsed.warnings
        _analyse(result, parsed, settings)
        # Word boxes have been turned into the boxes of mentions, rows and claims: do not ship them.
        result.pages = [replace(p, words=[]) for p in parsed.pages]
    except InputError as exc:
        _fail(result, exc.reason, exc.message)
    except CrosscheckError:
        raise  # not this file's fault (e.g. tesseract missing): stop the batch, quarantine nothing
    except Exception as exc:  # faults.py: a bug or a library crash reading this file quarantines it
        _fail(result, INTERNAL_ERROR, f"crosscheck could not process this file ({describe(exc)})")
    return result


def _fail(result: FileResult, reason: str, message: str) -> None:
    doc = result.document
    result.document = DocumentInfo(
        sha256=doc.sha256,
        path=doc.path,
        file_name=doc.file_name,
        size=doc.size,
        ingested_at=doc.ingested_at,
        extractor_version=doc.extractor_version,
        media_type=doc.media_type,
        status=FAILED,
        error_reason=reason,
        error=message,
    )
    result.pages, result.page_languages, result.mentions, result.listed, result.claims = [], [], [], [], []


def failed_result(
    location: str, folder: str, reason: str, message: str, listed: ListedFile | None = None
) -> FileResult:
    """For a file whose worker died (killed for memory, segfault in a library)."""
    listed = listed or list_file(Path(location))
    result = FileResult(location=str(listed.path), document=_document(listed, folder))
    _fail(result, reason, message)
    return result
