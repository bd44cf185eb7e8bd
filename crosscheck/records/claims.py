"""Claims a source makes and the events they are about (the contract between nlp.claims and graph)."""

from __future__ import annotations

from dataclasses import dataclass, field

from crosscheck.records.pages import Box

KINDS = ("quantity", "statement", "status")
# What is counted, normalised across languages. "people" is a total that may sum other categories.
CATEGORIES = ("people", "servicemen", "civilians", "prisoners_of_war", "bodies", "children", "wounded", "defenders")
DIRECTIONS = ("to_ukraine", "to_russia", "both")  # who got people back; "both" for a swap stated as such
QUALIFIERS = ("exact", "over", "at_least", "about", "up_to", "almost", "under")
STATUSES = ("released", "exchanged", "held", "missing", "detained", "killed")


# Where a claim's event date came from (nlp.claims.quantities): stated in its sentence ("text"), carried
# from an earlier sentence ("context": "The exchange began on 16 October. … In the first stage, 205 …",
# "The following day …"), resolved from "yesterday"/"on Friday" against the document's date ("relative"),
# or the document's own date for a report of the day ("document"). The first two anchor an event.
# A document without a year gives "--MM-DD" dates: written in the text ("yearless") or its dateline's day
# ("yearless-report"); they attach only to an event known on that day (nlp.claims.events).
DATE_SOURCES = ("text", "context", "relative", "document", "yearless", "yearless-report")
ANCHORING_SOURCES = frozenset({"text", "context"})
LAST_STAGE = -1  # "the final stage", "на заключительном этапе": a stage whose number the text does not give


@dataclass(frozen=True)
class Event:
    """An occurrence claims are about: a kind on a date (or a range of days, for the whole of a multi-day
    exchange), and a stage of it. Its key is its identity: ``exchange:2025-10-16``,
    ``exchange:2025-10-16:stage1``, ``exchange:2025-10-16..2025-10-18``."""

    kind: str
    date: str  # ISO date (the first day of a range)
    stage: int | None = None
    date_end: str | None = None  # the last day, for a range

    @property
    def key(self) -> str:
        stage = f":stage{self.stage}" if self.stage and self.stage > 0 else (":last-stage" if self.stage else "")
        end = f"..{self.date_end}" if self.date_end and self.date_end != self.date else ""
        return f"{self.kind}:{self.date}{end}{stage}"

    @property
    def is_range(self) -> bool:
        return bool(self.date_end) and self.date_end != self.date


@dataclass(frozen=True)
class Claim:
    kind: str  # one of KINDS
    page: int
    start: int  # [start, end) of the claim's text in Page.text (the clause or sentence that states it)
    end: int
    text: str  # Page.text[start:end]
    language: str
    confidence: float  # 0..1
    extractor: str  # "quantity-rule", "statement-rule", "status-rule", "list-title", ...
    # quantity claims
    value: float | None = None  # 150, 1000, 2.5 ...
    qualifier: str | None = None  # one of QUALIFIERS ("понад 200" -> over)
    category: str | None = None  # one of CATEGORIES
    # entity key refining the category: defenders of <place key>, members of <unit key>
    category_detail: str | None = None
    direction: str | None = None  # one of DIRECTIONS
    # the occurrence the claim is about
    event_kind: str | None = None  # "exchange" | "repatriation" | "release" | "capture" | ...
    event_date: str | None = None  # ISO date the event happened (resolved against the document date)
    event_stage: int | None = None  # "the second day" of a multi-day exchange -> 2; "the final stage" -> LAST_STAGE
    event_date_end: str | None = None  # the last day when the claim counts several days ("23–25 травня")
    event_date_source: str | None = None  # one of DATE_SOURCES
    event_names: tuple[str, ...] = ()  # names the text gives the event: "500-for-500", "agreed-in:<place key>"
    event_span_days: int | None = None  # "за три дні", "over three days": a count of the whole of a multi-day event
    # status claims about a person
    status: str | None = None  # one of STATUSES
    status_date: str | None = None  # ISO: the date the status holds at/from
    subject_key: str | None = None  # entity key the claim is about (Person key for status claims)
    subject_label: str | None = None  # PERSON | UNIT | PLACE | ORG
    subject_name: str | None = None
    # attributed statements (any kind may be attributed)
    speaker_key: str | None = None  # Person (or ORG) key of who said it
    speaker_label: str | None = None
    speaker_name: str | None = None
    verb: str | None = None  # the verb of saying as written ("заявив", "said")
    quote: str | None = None  # the quoted or reported content
    # categories a total is said to consist of ("176 people, including 150 servicemen")
    parts: tuple[str, ...] = field(default_factory=tuple)
    bbox: Box | None = None  # the claim's box on the page (pages with word boxes only), in Page.bbox_unit
    # Set once the claim is placed in its document (crosscheck.records.ids.claim_id_for), and on claims the
    # graph layer reads back for linking.
    doc_id: str = ""
    claim_id: str = ""
    # Set by event resolution (nlp.claims.events) and read back from the graph: the Event the claim is
    # attached to (its key), how sure that is and why.
    attached_event: str | None = None
    attach_confidence: float | None = None
    attach_reason: str | None = None

    @property
    def event(self) -> Event | None:
        """The occurrence the claim's own words point at (before resolution against other sources)."""
        if not self.event_kind or not self.event_date:
            return None
        if self.event_date_end and self.event_date_end != self.event_date:
            return Event(self.event_kind, self.event_date, None, self.event_date_end)
        return Event(self.event_kind, self.event_date, self.event_stage)

    @property
    def own_event_key(self) -> str | None:
        event = self.event
        return event.key if event else None

    @property
    def event_key(self) -> str | None:
        """The event the claim is compared under: the resolved one when resolution ran, else its own."""
        return self.attached_event if self.attached_event is not None else self.own_event_key

    @property
    def anchors_event(self) -> bool:
        """Its date is written in the text (its sentence or an earlier one): it can found an event."""
        return bool(self.event_kind and self.event_date) and self.event_date_source in ANCHORING_SOURCES


@dataclass(frozen=True)
class ClaimLink:
    """Two claims of different sources that agree (CORROBORATES) or disagree (CONTRADICTS): ``a < b``.

    ``event_key`` for quantities (and sums of parts), ``subject_key`` for statuses: the key it was computed
    under. ``_a``/``_b`` fields follow the orientation.
    """

    a: str  # claim_id
    b: str
    type: str  # CORROBORATES | CONTRADICTS
    score: float
    reason: str
    event_key: str | None = None
    subject_key: str | None = None
    value_a: float | None = None
    value_b: float | None = None
    status_a: str | None = None
    status_b: str | None = None
