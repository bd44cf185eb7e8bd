"""What one file became: the record a worker returns and the graph writer stores, typed end to end."""

from __future__ import annotations

from dataclasses import dataclass, field

from crosscheck.records.claims import Claim
from crosscheck.records.facts import ListInfo, ListRow, Mention
from crosscheck.records.ids import doc_id_for
from crosscheck.records.pages import Page

INGESTED, FAILED = "ingested", "failed"


@dataclass
class DocumentInfo:
    """What the graph's Document node says about a file and how it was read."""

    sha256: str
    path: str  # relative to the drop folder
    file_name: str
    size: int
    ingested_at: str  # ISO 8601, UTC
    extractor_version: str
    media_type: str | None = None
    title: str | None = None
    source_url: str | None = None
    # The document's date as determined (nlp.claims.sentences.document_date): the metadata's ISO value when
    # ``published_source`` is "metadata", else the ISO day; None when the source is "none".
    published: str | None = None
    published_source: str = "none"  # metadata | dateline | text | file | none (docs/schema.md)
    file_date: str | None = None  # the file's own creation date (ParsedDocument.file_date), ISO 8601
    language: str | None = None  # the document's main language
    pages: int = 0
    ocr_pages: int = 0
    list_info: ListInfo | None = None  # the list's title, status and date, when the document is a list
    listed_rows: int = 0
    warnings: list[str] = field(default_factory=list)
    status: str = INGESTED  # INGESTED | FAILED
    error_reason: str | None = None  # a stable code (crosscheck.errors.InputError.reason)
    error: str | None = None  # the message for investigators

    @property
    def doc_id(self) -> str:
        return doc_id_for(self.sha256)


@dataclass
class FileResult:
    """One file's facts, all of them or none: written in one transaction."""

    location: str  # absolute path of the file, the identity of "this file in this folder"
    document: DocumentInfo
    pages: list[Page] = field(default_factory=list)  # word boxes dropped once mentions and rows have theirs
    page_languages: list[str] = field(default_factory=list)  # one per page
    mentions: list[Mention] = field(default_factory=list)  # page, language and bbox set
    listed: list[ListRow] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)  # bbox set; one per claim id
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    # Extractor faults contained on this file (crosscheck.pipeline.faults): stage -> count.
    contained: dict[str, int] = field(default_factory=dict)

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def failed(self) -> bool:
        return self.document.status == FAILED

    @property
    def error_reason(self) -> str | None:
        return self.document.error_reason

    @property
    def error(self) -> str | None:
        return self.document.error

    @property
    def ocr_pages(self) -> int:
        return sum(1 for p in self.pages if p.method == "ocr")
