"""Which real-world occurrence each claim is about: event resolution, instead of exact event keys.

An event is an exchange (or a stage of one, or the whole of a multi-day one), a repatriation of bodies, a
release, a transfer: a kind on a day or a range of days (``crosscheck.records.claims.Event``). Sources
rarely agree on how they date it: one writes "16 October", one says "yesterday" the next morning, one is a
report of the day with no date but its own, one calls it "the 500-for-500 exchange". So a claim's own
date is evidence, weighed by where it came from (``Claim.event_date_source``):

* **Anchors** — a date written in the claim's sentence or carried from an earlier one ("text",
  "context"): the claim founds (or joins) the event of its kind on that day, at its stage; a count over
  several days founds the range event (the whole exchange).
* **Soft dates** — "yesterday" / "on Friday" resolved against the document's date ("relative": that day
  or the one before, for reports after midnight and time zones), or the document's own date ("document":
  the day it was published or up to ``DOCUMENT_DAYS_BEFORE`` before): the claim joins the anchored event of
  its kind in that window — at its stage when it names one; the latest on or before its date, else the
  nearest after — else a provisional event another soft claim founded in that window, else it founds
  one on its own date ("yesterday" claims first, then reports' own dates, earliest first).
* **A day without its year** ("KYIV, Oct 16 —" and nothing says which year): the event of its kind on that
  day in the one year the known events allow, as a soft date of that year, or nothing (such a day founds
  no event); then its name, as for undated claims.
* **No date** — the claim joins the one event that carries its name ("500-for-500", "agreed-in:<place>"),
  with a lower confidence, or stays unattached; the reason is stored either way.

Stages: a claim without a stage joins the day's stage when exactly one stage is known on that day
("the second stage, 24 October" and "on 24 October, 160 returned" are one event), and stays with the day
when there are several (two stages on one day and a total of the day). A count equal to the number in
the event's name ("500" of "500 for 500") is about the whole exchange, never a stage.

``resolve_events(claims)`` is pure and deterministic: the same claims give the same attachments in any
order. The graph writer calls it with the claims of the candidate events a document touches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from crosscheck.records.claims import LAST_STAGE, Claim, Event
from nlp.claims.dates import YEARLESS
from nlp.claims.event_names import name_number
from nlp.claims.quantities import UNILATERAL

RELATIVE_DAYS_BEFORE = 1  # "yesterday" in a report after midnight, or in another time zone
DOCUMENT_DAYS_BEFORE = 2  # a report published up to two days after the event it reports
CANDIDATE_DAYS = 7  # how far around a document's dates the graph looks for candidate events

CONFIDENCE_ANCHORED = 0.95
CONFIDENCE_RELATIVE = 0.85
CONFIDENCE_DOCUMENT = 0.7
CONFIDENCE_PROVISIONAL = 0.5
CONFIDENCE_NAMED = 0.55
CONFIDENCE_YEARLESS = 0.6


@dataclass(frozen=True)
class Attachment:
    claim_id: str
    event: Event
    confidence: float
    reason: str


@dataclass
class EventInfo:
    """An event as the claims attached to it describe it: its names, sources and whether it is anchored."""

    event: Event
    anchored: bool = False
    names: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        return self.event.key


def _day(iso: str) -> date:
    return date.fromisoformat(iso[:10])


def _window(claim: Claim) -> tuple[date, date] | None:
    if not claim.event_date or claim.event_date.startswith("--"):
        return None
    day = _day(claim.event_date)
    back = RELATIVE_DAYS_BEFORE if claim.event_date_source == "relative" else DOCUMENT_DAYS_BEFORE
    return day - timedelta(days=back), day


def _date_of(info: EventInfo) -> str:
    return info.event.date


def _covers(event: Event, lo: date, hi: date) -> bool:
    first, last = _day(event.date), _day(event.date_end or event.date)
    return first <= hi and lo <= last


def resolvable(claim: Claim) -> bool:
    return claim.kind == "quantity" and bool(claim.event_kind) and bool(claim.claim_id)


def _names_value(claim: Claim, names: Iterable[str]) -> bool:
    """The claim counts what the name says: "500" of "500-for-500" is the whole exchange."""
    return claim.value is not None and any(name_number(n) == int(claim.value) for n in names)


class _Resolver:
    def __init__(self, claims: Sequence[Claim]) -> None:
        self.claims = sorted((c for c in claims if resolvable(c)), key=lambda c: c.claim_id)
        self.events: dict[str, EventInfo] = {}
        # stages stated by anchors on each (kind, day)
        self.stages: dict[tuple[str, str], set[int]] = defaultdict(set)
        for c in self.claims:
            written = c.anchors_event or c.event_date_source == "relative"
            staged = bool(c.event_stage and c.event_stage > 0)
            if written and staged and not (c.event_date_end and c.event_date_end != c.event_date):
                self.stages[(c.event_kind or "", c.event_date or "")].add(c.event_stage)

    def _on_day(self, kind: str, day: str, stage: int | None) -> tuple[Event, str]:
        """The event of ``kind`` on ``day`` for a claim of ``stage`` (None: the day's only stage, if one;
        LAST_STAGE: the day's stage, whose number other sources give)."""
        if stage and stage > 0:
            return Event(kind, day, stage), f"stage {stage} on {day}"
        stages = self.stages.get((kind, day), set())
        if len(stages) == 1:
            only = next(iter(stages))
            return Event(kind, day, only), f"the only stage known on {day} (stage {only})"
        return Event(kind, day), f"{kind} on {day}"

    def _add(self, event: Event, claim: Claim, anchored: bool) -> None:
        info = self.events.setdefault(event.key, EventInfo(event))
        info.anchored |= anchored
        info.names.update(claim.event_names)
        info.documents.add(claim.doc_id)

    def _kind(self, claim: Claim, lo: str, hi: str) -> str:
        """A release (people who went home, the text naming no exchange) is the exchange of its days when one
        is known then: the freed of an exchange. A release stated as unilateral stays a release."""
        kind = claim.event_kind or ""
        if kind != "release" or UNILATERAL in claim.event_names:
            return kind
        exchanges = [
            e
            for e in self.events.values()
            if e.event.kind == "exchange" and e.anchored and _covers(e.event, _day(lo), _day(hi))
        ]
        return "exchange" if exchanges else kind

    def anchor(self, claim: Claim) -> Attachment:
        kind, day = claim.event_kind or "", claim.event_date or ""
        kind = self._kind(claim, day, claim.event_date_end or day)
        if claim.event_date_end and claim.event_date_end != day:
            event, why = Event(kind, day, None, claim.event_date_end), f"{kind} from {day} to {claim.event_date_end}"
        else:
            event, why = self._on_day(kind, day, claim.event_stage)
        self._add(event, claim, True)
        source = "its sentence" if claim.event_date_source == "text" else "an earlier sentence"
        return Attachment(claim.claim_id, event, CONFIDENCE_ANCHORED, f"date written in {source}: {why}")

    def _known(self, kind: str) -> list[EventInfo]:
        """Events of ``kind`` a soft claim may join: anchored ones, then (only when none is in its window)
        the provisional ones earlier soft claims founded."""
        return [e for e in self.events.values() if e.event.kind == kind]

    def soft(self, claim: Claim) -> Attachment:
        lo, hi = _window(claim) or (date.min, date.max)
        kind = self._kind(claim, lo.isoformat(), hi.isoformat()) if claim.event_date else claim.event_kind or ""
        how = "yesterday/weekday words" if claim.event_date_source == "relative" else "the document's date"
        confidence = CONFIDENCE_RELATIVE if claim.event_date_source == "relative" else CONFIDENCE_DOCUMENT
        near = [e for e in self._known(kind) if _covers(e.event, lo, hi)]
        found = [e for e in near if e.anchored] or near
        if found and not found[0].anchored:
            confidence = CONFIDENCE_PROVISIONAL
        whole = [
            e
            for e in found
            if e.event.is_range
            and not claim.event_stage
            and (claim.event_span_days or _names_value(claim, set(claim.event_names) | e.names))
        ]
        if whole:
            event = whole[0].event
            reason = f"dated by {how} ({claim.event_date}); counts the whole of {event.key}, as its name says"
            return Attachment(claim.claim_id, event, confidence, reason)
        days = [e for e in found if not e.event.is_range]
        if claim.event_stage and claim.event_stage > 0:
            days = [e for e in days if e.event.stage == claim.event_stage]
        if days:
            mine = _day(claim.event_date or "")
            before = [e for e in days if _day(e.event.date) <= mine]
            chosen = max(before, key=_date_of) if before else min(days, key=_date_of)
            # "the final stage": the latest day of the kind in the window, at that day's stage
            stage = None if claim.event_stage == LAST_STAGE else claim.event_stage
            event, why = self._on_day(kind, chosen.event.date, stage)
            reason = f"dated by {how} ({claim.event_date}): nearest {why} in {lo}..{hi}"
            return Attachment(claim.claim_id, event, confidence, reason)
        event, _ = self._on_day(kind, claim.event_date or "", claim.event_stage)
        reason = f"dated by {how} ({claim.event_date}); no event of the kind written with its date in {lo}..{hi}"
        return Attachment(claim.claim_id, event, CONFIDENCE_PROVISIONAL, reason)

    def of_unknown_year(self, claim: Claim) -> Attachment | None:
        """A day without its year ("--10-16", from a report that never says the year): weighed as a soft
        date of each year in which an event of its kind is known around that day; attached when exactly one
        year gives an event on record (its stage, its name and its day decide), else left alone."""
        kind, monthday = claim.event_kind or "", (claim.event_date or "")[-5:]
        back = RELATIVE_DAYS_BEFORE if claim.event_date_source == "yearless" else DOCUMENT_DAYS_BEFORE
        years: set[int] = set()
        for e in self._known(kind):
            for y in (int(e.event.date[:4]), int((e.event.date_end or e.event.date)[:4]) + 1):
                try:
                    day = date(y, int(monthday[:2]), int(monthday[3:]))
                except ValueError:
                    continue
                if _covers(e.event, day - timedelta(days=back), day):
                    years.add(y)
        found: dict[int, Attachment] = {}
        for year in sorted(years):
            as_dated = replace(
                claim,
                event_date=f"{year}-{monthday}",
                event_date_end=f"{year}-{claim.event_date_end[-5:]}" if claim.event_date_end else None,
                event_date_source="relative" if claim.event_date_source == "yearless" else "document",
            )
            att = self.soft(as_dated)
            if att.event.key in self.events:  # a day without a year founds no event
                found[year] = att
        if len(found) > 1:  # several years fit: the one with an event on the very day written, if only one
            found = {y: a for y, a in found.items() if a.event.date[5:] == monthday}
        if len(found) != 1:
            return None
        ((year, att),) = found.items()
        how = "written" if claim.event_date_source == "yearless" else "the report's dateline"
        reason = f"date without its year ({monthday}, {how}); {year} is the only year with such an event: " + att.reason
        return Attachment(claim.claim_id, att.event, min(att.confidence, CONFIDENCE_YEARLESS), reason)

    def named(self, claim: Claim) -> Attachment | None:
        if not claim.event_names:
            return None
        kind = claim.event_kind or ""
        named = [e for e in self.events.values() if e.event.kind == kind and e.names & set(claim.event_names)]
        if _names_value(claim, claim.event_names):
            named = [e for e in named if e.event.is_range] or named
        elif claim.event_stage:
            named = [e for e in named if e.event.stage == claim.event_stage]
        else:
            named = [e for e in named if not e.event.stage] or named
        keys = {e.key for e in named}
        if len(keys) != 1:
            return None
        event = named[0].event
        shared = sorted(named[0].names & set(claim.event_names))
        reason = f"no usable date; the event named {', '.join(shared)}"
        return Attachment(claim.claim_id, event, CONFIDENCE_NAMED, reason)

    def run(self) -> dict[str, Attachment]:
        out: dict[str, Attachment] = {}
        # releases last: they join the exchange of their day when one is written
        for c in sorted((c for c in self.claims if c.anchors_event), key=lambda c: c.event_kind == "release"):
            out[c.claim_id] = self.anchor(c)
        # Soft dates next, earliest first. "Yesterday"/"on Friday" against a known document date joins an
        # event in its window, else founds one on its own day (its date is as good as the document's);
        # a report's own date joins an event in its window, else founds a provisional one that later
        # reports may join. Then the undated claims, by name.
        soft = [c for c in self.claims if not c.anchors_event and c.event_date and not c.event_date.startswith("--")]
        for c in sorted(soft, key=lambda c: (c.event_date_source != "relative", c.event_date or "", c.claim_id)):
            att = self.soft(c)
            relative = c.event_date_source == "relative"
            founded = att.confidence == CONFIDENCE_PROVISIONAL and att.event.key not in self.events
            if relative and founded:
                reason = f"date from yesterday/weekday words ({c.event_date}): {att.event.kind} on that day"
                att = Attachment(c.claim_id, att.event, CONFIDENCE_RELATIVE, reason)
            out[c.claim_id] = att
            self._add(att.event, c, relative and founded)
        for c in self.claims:
            if c.event_date and c.event_date.startswith("--"):
                att = self.of_unknown_year(c) or self.named(c)
            elif not c.anchors_event and not c.event_date:
                att = self.named(c)
            else:
                continue
            if att is not None:
                out[c.claim_id] = att
        return out


def resolve_events(claims: Sequence[Claim]) -> dict[str, Attachment]:
    """The event each resolvable claim (a quantity with an event kind, placed in its document) is about,
    by claim id; claims that cannot be attached are absent."""
    return _Resolver(claims).run()


def attached(claims: Sequence[Claim]) -> list[Claim]:
    """``claims`` with ``attached_event``, ``attach_confidence`` and ``attach_reason`` set by
    :func:`resolve_events` (claims it leaves out keep no event: ``attached_event`` = "")."""
    found = resolve_events(claims)
    out = []
    for c in claims:
        att = found.get(c.claim_id)
        if att is not None:
            out.append(
                replace(c, attached_event=att.event.key, attach_confidence=att.confidence, attach_reason=att.reason)
            )
        elif resolvable(c):
            out.append(replace(c, attached_event="", attach_confidence=0.0, attach_reason="no usable date and no name"))
        else:
            out.append(c)
    return out


def _monthday_day(monthday: str) -> date:
    """ "--10-16" or "2025-10-16" -> that day in the YEARLESS year (a leap year: 29 February exists)."""
    return date(YEARLESS, int(monthday[-5:-3]), int(monthday[-2:]))


def candidate_monthdays(dates: Iterable[str]) -> list[str]:
    """The days of the year ("MM-DD") around dates with or without a year: claims on them in any year may
    affect the resolution of a date without a year, and the reverse."""
    out: set[str] = set()
    for d in dates:
        if not d:
            continue
        day = _monthday_day(d)
        for k in range(-CANDIDATE_DAYS, CANDIDATE_DAYS + 1):
            out.add((day + timedelta(days=k)).isoformat()[5:])
    return sorted(out)


def candidate_window(dates: Iterable[str]) -> tuple[str, str] | None:
    """The days around a document's claims' dates in which other claims may affect their resolution."""
    days = [_day(d) for d in dates if d]
    if not days:
        return None
    pad = timedelta(days=CANDIDATE_DAYS)
    return (min(days) - pad).isoformat(), (max(days) + pad).isoformat()
