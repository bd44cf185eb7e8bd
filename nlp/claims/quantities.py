"""Quantity claims of one sentence: numbers, what they count, direction, event and its date (see
``nlp.claims.extract`` for the decisions)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from crosscheck.records.claims import Claim
from crosscheck.records.facts import Mention
from nlp.claims.categories import (
    Vocab,
    event_kind,
    event_kinds,
    event_stage,
    find_directions,
    match_category,
    span_days,
    weak_direction,
)
from nlp.claims.dates import DateMatch, yearless
from nlp.claims.event_names import names_in
from nlp.claims.numbers import NumberMatch
from nlp.claims.sentences import Sentence
from nlp.claims.statements import Attribution

DEFAULT_DATED_STATUSES = ("released", "exchanged", "held", "missing")
UNILATERAL = "unilateral"  # the name a release stated as not an exchange carries (nlp.claims.events)
BOTH_BEFORE = 40  # characters before a number in which "each side" / "друг другу" makes it a swap count
# A date this long before the report is history ("captured in May 2022"), not the day of what it reports.
HISTORICAL_DAYS = 180
YEAR_WINDOW = 80  # characters around a number or status phrase in which another year blocks the default date


def speaker_fields(att: Attribution | None) -> dict[str, Any]:
    if att is None:
        return {}
    return {
        "speaker_key": att.speaker.key,
        "speaker_label": att.speaker.label,
        "speaker_name": att.speaker.name,
        "verb": att.verb,
    }


# --- quantities ------------------------------------------------------------------------------------------

# What a number must not be: an age, a year, a unit's number, money, a percentage, a document number.
_NOT_A_COUNT_AFTER = re.compile(
    r"[\s\u00a0]*(?:-?\s*(?:річн|летн|year|рок|рік|лет\b|года?\b|г\.|%|відс|проц|percent|per cent|грн|гривен|гривн|"
    r"руб|доллар|долар|dollar|євро|евро|euro|usd|uah|\$|€|млрд|тис\. грн)"
    r"|-(?:та|ти|ї|й|я|ю|го|му|ой|ая|ий|ої|st|nd|rd|th)(?!\w)|(?:st|nd|rd|th)\b)",
    re.IGNORECASE,
)
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:№|No\.?|#|стор\.?|page|p\.|с\.|aged|віком|возрасте|в возрасте|у віці|\$|€|грн\.?|бригад\w*|батальйон\w*|"
    r"батальон\w*|полк\w*|brigade|battalion|regiment)\s*$",
    re.IGNORECASE,
)
_YEAR_WORD_BEFORE = re.compile(r"(?:у|в|in|since|з|с|from|до|to|by)\s*$", re.IGNORECASE)
_OTHER_YEAR = re.compile(r"(?<![\d.])(?:19|20)\d{2}(?![\d.])")
_CONNECT = re.compile(r"^\s*(?:,|і|й|та|и|and|,\s*and|,\s*та|,\s*і|,\s*и)\s*$", re.IGNORECASE)
_PAIR_GAP = re.compile(r"^\s*-?\s*(?:на|for|за|/|-|–|—)\s*-?\s*$", re.IGNORECASE)
_OF_THE = re.compile(r"(?:of the|of|з|із|зі|из|from the|among the)\s*$", re.IGNORECASE)
_DASH_OPEN = re.compile(r"^\s*(?:[—–:(-]|\s-)\s*$")


@dataclass
class _Item:
    number: NumberMatch
    n_end: int  # end of the number proper in the page text
    category: str | None
    c_end: int  # end of the counted word(s), or the number's end
    detail: str | None = None
    direction: str | None = None
    parts: list[str] = field(default_factory=list)
    part_of: int | None = None
    implied_total: bool = False
    like: int | None = None  # an elliptical count: the item whose category (and direction) it takes


def _excluded(text: str, num: NumberMatch, units: list[tuple[int, int]]) -> bool:
    start, end = num.start, num.end
    if any(s <= start < e or s < end <= e for s, e in units):
        return True
    if _NOT_A_COUNT_AFTER.match(text, end):
        return True
    before = text[max(0, start - 20) : start]
    digits = re.sub(r"\D", "", num.surface)
    # "у 150 людей" is a count, "у 2022" a year: prepositions exclude only a year-shaped number
    if len(digits) == 4 and 1900 <= num.value <= 2100 and _YEAR_WORD_BEFORE.search(before):
        return True
    return bool(_NOT_A_COUNT_BEFORE.search(before))


def _mention_at(rows: list[Mention], pos: int, slack: int, labels: tuple[str, ...]) -> Mention | None:
    for row in rows:
        if row.label in labels and pos <= row.start <= pos + slack:
            return row
    return None


def _categorise(text: str, num: NumberMatch, limit: int, rows: list[Mention], vocab: Vocab) -> _Item:
    region = text[:limit]
    end = num.end
    cm = match_category(region, end, vocab)
    detail = None
    if cm is None:
        # "37 Mariupol defenders": the place stands between the number and the counted word
        place = _mention_at(rows, end, 2, ("PLACE",))
        if place is not None:
            cm = match_category(region, place.end, vocab, max_fillers=0)
            if cm is not None:
                detail = place.key
    if vocab.bodies_before.search(text[max(0, num.start - 16) : num.start]):
        # "тела 1000 погибших", "the bodies of 1,000 fallen soldiers": counted before the number
        after = cm.end if cm is not None else end
        return _Item(num, end, "bodies", after, direction=_nationality(text, end, after + 12, vocab))
    if cm is None:
        hurt = vocab.of_them_wounded.match(region, end)
        if hurt is not None:  # "31 of the freed soldiers were seriously wounded", "37 з них — поранені"
            return _Item(num, end, "wounded", hurt.end())
        total = vocab.total_to.search(text[max(0, num.start - 90) : num.start])
        if total is not None:  # "bringing the number of Ukrainians freed since 2022 to 6,132"
            word = next((g for g in total.groups() if g), None)
            named = match_category(word, 0, vocab, max_fillers=0) if word else None
            return _Item(num, end, named.category if named else "people", end)
        return _Item(num, end, None, end)
    category = cm.category
    if detail is None:
        # "захисників Маріуполя", "defenders of Mariupol", "бійців 36-ї бригади"
        of = re.compile(r"\s*(?:of the|of|з|із|из|from the|from)?\s*", re.IGNORECASE).match(region, cm.end)
        pos = of.end() if of else cm.end
        place = _mention_at(rows, cm.end, pos - cm.end + 1, ("PLACE",))
        unit = _mention_at(rows, cm.end, pos - cm.end + 1, ("UNIT",))
        if category == "defenders" and place is not None:
            detail = place.key
        elif unit is not None:
            detail = unit.key
    elif category != "defenders":
        detail = None
    if category == "defenders" and detail is None:
        category = "servicemen"  # "захисники" with no place are Ukraine's servicemen
    return _Item(num, end, category, cm.end, detail, direction=_nationality(text, end, cm.end + 8, vocab))


def _nationality(text: str, start: int, end: int, vocab: Vocab) -> str | None:
    """ "205 Russian servicemen", "185 военнопленных ВСУ": whose people they are is where they went."""
    window = text[start:end]
    found = {name for name, rx in vocab.nationality if rx.search(window)}
    return next(iter(found)) if len(found) == 1 else None


def _link_parts(text: str, items: list[_Item], vocab: Vocab) -> None:
    """Mark totals and their parts: "176 людей, серед них 150 військових і 26 цивільних",
    "Of the 150 Ukrainians freed, 142 were servicemen and 8 were civilians", "150 (142 servicemen, 8 …)"."""
    i = 0
    while i < len(items) - 1:
        total, first = items[i], items[i + 1]
        gap = text[total.c_end : first.number.start]
        cue = vocab.parts_cue.search(gap) is not None and len(gap) <= 40
        dash = _DASH_OPEN.match(gap) is not None
        of_the = _OF_THE.search(text[max(0, total.number.start - 12) : total.number.start]) is not None
        of_the = of_the and "," in gap and len(gap) <= 30
        if first.category is None or not (cue or dash or of_the) or first.category == total.category:
            i += 1
            continue
        if total.category is None:
            if not (dash or cue):
                i += 1
                continue
            total.category, total.implied_total = "people", True
        j = i + 1
        while j < len(items) and items[j].category:
            items[j].part_of = i
            if items[j].category not in total.parts:
                total.parts.append(items[j].category)
            if j + 1 < len(items) and _CONNECT.match(text[items[j].c_end : items[j + 1].number.start]):
                j += 1
                continue
            break
        i = j + 1


# A count of some of the people of a category, not all of them: comparing it with the event's count
# of that category would be a false contradiction ("19 бійців, які тримали оборону на «Азовсталі»"
# is a part of the 142 servicemen, not another figure for them).
_SUBSET_BEFORE = re.compile(
    r"(?:зокрема|у тому числі|в тому числі|в том числе|у том числе|including|among them|of them|із них|з них|"
    r"из них)\s*[:—–-]?\s*$",
    re.IGNORECASE,
)
_ANOTHER_BEFORE = re.compile(r"(?:^|\s)(?:ще|щe|еще|ещё|another|other|further)\s+$", re.IGNORECASE)
_RESTRICTED_AFTER = re.compile(
    r"\s*,?\s*(?:які|що|котрі|которые|который|которых|who|that|whom|оборонявш\w*|захищавш\w*|тримавш\w*|"
    r"defending|who defended)\b",
    re.IGNORECASE,
)
_POSSESSIVE_AFTER = re.compile(
    r"\s*(?:of\s+)?(?:його|її|їхнього|їхньої|їхніх|свого|своєї|своїх|его|её|ее|их|своего|своей|своих|his|her|their)\b",
    re.IGNORECASE,
)
_DASH_BEFORE = re.compile(r"\s*[—–-]\s*$")


def _mark_subsets(text: str, items: list[_Item], rows: list[Mention], vocab: Vocab) -> None:
    """Give counts of a subgroup a ``detail`` so they are compared only with counts of that subgroup.

    A clause that says they came home ("the 185 people who came home", "185 українців, які повернулися")
    or whose they were ("1,000 bodies that Russia said were those of Ukrainian soldiers", "тіла 1000
    загиблих, які … належать українським військовим") describes all of them, not a subgroup."""
    for index, item in enumerate(items):
        if item.category is None or item.detail is not None:
            continue
        if item.part_of is not None:
            if items[item.part_of].category != "people":
                item.detail = "subset"  # "37 defenders, including 19 who held Azovstal": a part of a part
            continue
        before = text[max(0, item.number.start - 40) : item.number.start]
        after = text[item.c_end : item.c_end + 40]
        part_of_a_part = _SUBSET_BEFORE.search(before) is not None and any(
            other.category not in (None, "people") for other in items[:index]
        )
        another = _ANOTHER_BEFORE.search(before) is not None
        restricted = _RESTRICTED_AFTER.match(after) is not None or _POSSESSIVE_AFTER.match(after) is not None
        describes = item.category == "bodies" or vocab.weak_to_ukraine.search(after) is not None
        if part_of_a_part or another or (restricted and not describes):
            item.detail = "subset"
        elif _DASH_BEFORE.search(before):
            # "Національну гвардію України — 22": members of the organisation or unit named before the dash
            owner = next(
                (
                    row
                    for row in rows
                    if row.label in ("ORG", "UNIT")
                    and 0 <= item.number.start - row.end <= 4
                    and _DASH_BEFORE.fullmatch(text[row.end : item.number.start]) is not None
                ),
                None,
            )
            if owner is not None:
                item.detail = owner.key


_DATE_THEN_COUNT = re.compile(r"\s*[,:—–-]?\s*$")


def _ellipses(ctx: Context, sent: Sentence, earlier: Sequence[Sentence], items: list[_Item]) -> None:
    """A number with no counted word of its own counts what the count before it counted when the text
    leaves it out: a date then the number ("on Oct. 16, each side handed over 205 prisoners; on Oct. 17,
    160"), the number then where it went ("received 1,000 bodies and returned 24 to Russia"), or "N more"
    ("205 Ukrainian servicemen returned home. The following day, 160 more were freed")."""
    text, vocab = ctx.text, ctx.vocab
    for i, item in enumerate(items):
        if item.category is not None:
            continue
        start = item.number.start
        dated = any(
            d.end <= start and start - d.end <= 3 and _DATE_THEN_COUNT.match(text[d.end : start]) for d in ctx.dates
        )
        recipient = any(rx.match(text, item.n_end) for _, rx in vocab.recipient_after)
        more = vocab.ellipsis_more.match(text, item.n_end)
        if not (dated or recipient or more):
            continue
        model = next((j for j in range(i - 1, -1, -1) if items[j].category), None)
        if model is not None:
            item.category, item.detail, item.like = items[model].category, items[model].detail, model
        elif more is not None and earlier:
            # the paragraph's last counted word before this sentence
            prev = earlier[-1]
            found = [
                _categorise(text, n, prev.end, ctx.rows, vocab)
                for n in ctx.numbers
                if prev.start <= n.start and n.end <= prev.end
            ]
            counted = [f for f in found if f.category]
            if counted:
                item.category, item.detail = counted[-1].category, counted[-1].detail
        if item.category is not None and more is not None:
            item.c_end = more.end()


def _pairs(text: str, items: list[_Item], sentence: str, s_off: int, vocab: Vocab) -> None:
    """ "обмін 103 на 103 військовополонених": the counted word after the second number counts both, the
    first went to Ukraine, the second to Russia."""
    for a, b in zip(items, items[1:], strict=False):
        if _PAIR_GAP.match(text[a.n_end : b.number.start]) and a.category is None and b.category:
            a.category, a.c_end, a.detail = b.category, a.n_end, b.detail
            if event_kind(sentence, vocab) == "exchange":
                a.direction, b.direction = "to_ukraine", "to_russia"


def _direction(text: str, item: _Item, sentence: str, s_off: int, vocab: Vocab) -> str | None:
    if item.direction:
        return item.direction
    after = text[item.c_end : min(s_off + len(sentence), item.c_end + 40)]
    both = next((rx for name, rx in vocab.directions if name == "both"), None)
    if both is not None and both.match(after.lstrip(" ,")):
        return "both"
    # "стороны передали друг другу по 160 человек", "each side freed 185": the cue just before the number
    before = text[max(s_off, item.number.start - BOTH_BEFORE) : item.number.start]
    if both is not None and both.search(before):
        return "both"
    for name, rx in vocab.recipient_after:
        if rx.match(text, item.c_end):
            return name  # "returned 24 to Russia"
    cues = [c for c in find_directions(sentence, vocab) if c[2] != "both"]
    if cues:
        pos = item.number.start - s_off
        return min(cues, key=lambda c: (max(0, max(c[0], pos) - min(c[1], pos)), c[0]))[2]
    return "to_ukraine" if weak_direction(sentence, vocab) else None


def _strong(text: str, item: _Item, sentence: str, s_off: int, vocab: Vocab) -> bool:
    """The item's direction comes from a cue of its own, not the weak default of the sentence."""
    if item.direction:
        return True
    return bool([c for c in find_directions(sentence, vocab) if c[2] != "both"]) or any(
        rx.match(text, item.c_end) for _, rx in vocab.recipient_after
    )


def full_dates(dates: Sequence[str]) -> list[str]:
    return [d for d in dates if len(d) == 10]


@dataclass
class Context:
    text: str
    language: str
    page: int
    doc_date: date | None
    doc_event: str | None
    vocab: Vocab
    dates: list[DateMatch]
    numbers: list[NumberMatch]
    rows: list[Mention]
    units: list[tuple[int, int]]
    doc_names: frozenset[str] = frozenset()  # event names of the document's title and lead
    dateline: int | None = None  # where the dateline's date starts (page 1): the report's date, not an event's


def _own_date(ctx: Context, sent: Sentence, item: _Item, items: list[_Item]) -> DateMatch | None:
    """The date written right before the item, after the previous item ("23 травня — 390")."""
    prev_end = max((it.c_end for it in items if it.c_end <= item.number.start), default=sent.start)
    own = [d for d in ctx.dates if prev_end <= d.start and d.end <= item.number.start and full_dates(d.dates)]
    return own[-1] if own else None


def _historical(ctx: Context, d: DateMatch) -> bool:
    """A date that starts a period or lies long before the report: "у полоні з 24 лютого 2022 року",
    "since May 2022", "captured on 12 April 2022" — the time of something else than the claim's event."""
    if len(d.dates) == 1 and ctx.vocab.period_start.search(ctx.text[max(0, d.start - 24) : d.start]):
        return True
    lead = ctx.text[d.start : d.end].split(maxsplit=1)[0].lower()
    if len(d.dates) == 1 and lead in ("з", "із", "зі", "від", "с", "со", "от", "from", "since"):
        return True
    if ctx.doc_date is not None:
        first = full_dates(d.dates)
        if first and (ctx.doc_date - date.fromisoformat(first[-1])).days > HISTORICAL_DAYS:
            return True
    return False


def event_dates_in(ctx: Context, start: int, end: int) -> list[DateMatch]:
    """Full dates in ``[start, end)`` that may be an event's day (not a period's start, not long past)."""
    return [
        d
        for d in ctx.dates
        if start <= d.start and d.end <= end and full_dates(d.dates) and d.start != ctx.dateline
        if not _historical(ctx, d)
    ]


def _source(matches: Sequence[DateMatch]) -> str:
    return "relative" if all(m.relative for m in matches) else "text"


@dataclass(frozen=True)
class EventDate:
    date: str | None = None
    source: str | None = None  # crosscheck.records.claims.DATE_SOURCES
    end: str | None = None  # the last day when the claim counts several days

    @property
    def defaulted(self) -> bool:
        return self.source == "document"


def _days(matches: Sequence[DateMatch], source: str) -> EventDate:
    written = [m for m in matches if not m.relative] or list(matches)
    days = sorted({x for m in written for x in full_dates(m.dates)})
    return EventDate(days[0], source, days[-1] if len(days) > 1 else None)


def _unknown_year(when: EventDate) -> EventDate:
    """Dates of a document without a year leave as "--MM-DD": a day of an unknown year, evidence for event
    resolution (nlp.claims.events) but never an event's date on its own."""
    day = yearless(when.date)
    if day == when.date:
        return when
    source = "yearless-report" if when.source == "document" else "yearless"
    return EventDate(day, source, yearless(when.end))


def _event_date(
    ctx: Context, sent: Sentence, earlier: Sequence[Sentence], item: _Item, items: list[_Item], reported: bool
) -> EventDate:
    """The claim's event date and where it came from. ``earlier``: the sentences before this one in its
    paragraph, nearest last."""
    in_sent = event_dates_in(ctx, sent.start, sent.end)
    if in_sent:
        # per-day numbers: every number of the sentence has its own date right before it
        counted = [it for it in items if it.category]
        if len(in_sent) >= 2 and len(counted) >= 2 and all(_own_date(ctx, sent, it, items) for it in counted):
            own = _own_date(ctx, sent, item, items)
            if own is not None and not _historical(ctx, own):
                return EventDate(max(full_dates(own.dates)), _source([own]))
        return _days(in_sent, _source(in_sent))
    sentence = ctx.text[sent.start : sent.end]
    # "The following day, 307 more came home": the day after the last one named before
    if ctx.vocab.next_day.search(sentence):
        before = event_dates_in(ctx, 0, sent.start)
        if before:
            last = date.fromisoformat(max(full_dates(before[-1].dates)))
            return EventDate((last + timedelta(days=1)).isoformat(), "context")
    # the paragraph goes on about the day its earlier sentence named ("The exchange yesterday took place in
    # two stages. In the first stage, … In the second stage, 157 servicemen came home")
    for prev in reversed(earlier):
        found = event_dates_in(ctx, prev.start, prev.end)
        if found:
            return _days(found, "context" if _source(found) == "text" else "relative")
        if ctx.vocab.next_day.search(ctx.text[prev.start : prev.end]):
            # "Наступного дня відбувся другий етап. Україна повернула сто шістдесят військових"
            before = event_dates_in(ctx, 0, prev.start)
            if before:
                last = date.fromisoformat(max(full_dates(before[-1].dates)))
                return EventDate((last + timedelta(days=1)).isoformat(), "context")
    # A stage's date may be written paragraphs before ("The exchange began on Thursday, 16 October. …
    # During the first stage, 205 …"): the last date named before it in the document.
    if event_stage(sentence, ctx.vocab) is not None:
        before = event_dates_in(ctx, 0, sent.start)
        if before:
            last = before[-1]
            return EventDate(min(full_dates(last.dates)), "context" if not last.relative else "relative")
    if ctx.doc_date is None or not reported:
        return EventDate()
    if ctx.vocab.future.search(sentence):
        return EventDate()
    if other_year_near(sentence, item.number.start - sent.start, ctx.doc_date.year):
        return EventDate()  # "in April 2022": another time than the report's
    return EventDate(ctx.doc_date.isoformat(), "document")


def _elsewhen(ctx: Context, sentence: str, pos: int) -> bool:
    """Another time than the report's stands near the number ("In April 2022, 30 civilians …")."""
    if ctx.doc_date is not None:
        return other_year_near(sentence, pos, ctx.doc_date.year)
    return bool(_OTHER_YEAR.search(sentence[max(0, pos - YEAR_WINDOW) : pos + YEAR_WINDOW]))


def other_year_near(sentence: str, pos: int, year: int, window: int = YEAR_WINDOW) -> bool:
    """A year other than the report's near ``pos``: the clause speaks of another time. Only nearby years
    count: "released …, who was captured in April 2022" still reports today's release."""
    lo, hi = max(0, pos - window), pos + window
    return any(int(y.group(0)) != year for y in _OTHER_YEAR.finditer(sentence) if lo <= y.start() <= hi)


@dataclass(frozen=True)
class Quantity:
    """A quantity claim and how its direction was found, for the document-level pass (inherit_directions)."""

    claim: Claim
    weak: bool = False  # only the sentence's bare "повернулися"/"returned" said where they went
    russians_return: bool = False  # "вернулись 135 российских военнослужащих": here a bare return is Russia's
    ukrainians_return: bool = False  # "205 Ukrainian servicemen returned home": bare returns there are Ukraine's


def quantity_claims(
    ctx: Context, sent: Sentence, earlier: Sequence[Sentence], attribution: Attribution | None
) -> list[Quantity]:
    text, vocab = ctx.text, ctx.vocab
    sentence = text[sent.start : sent.end]
    nums = [
        n
        for n in ctx.numbers
        if sent.start <= n.start and n.end <= sent.end and not _excluded(text, n, ctx.units)
        if not any(d.start <= n.start < d.end or d.start < n.end <= d.end for d in ctx.dates)
    ]
    items = [_categorise(text, n, sent.end, ctx.rows, vocab) for n in nums]
    _ellipses(ctx, sent, earlier, items)
    _pairs(text, items, sentence, sent.start, vocab)
    _link_parts(text, items, vocab)
    _mark_subsets(text, items, ctx.rows, vocab)
    kind = event_kind(sentence, vocab)
    for prev in reversed(earlier):
        if kind is not None:
            break
        kind = event_kind(text[prev.start : prev.end], vocab)
    stage = event_stage(sentence, vocab)
    intro = earlier[-1] if earlier else None
    if (
        stage is None
        and intro is not None
        and not event_dates_in(ctx, sent.start, sent.end)
        and not vocab.next_day.search(sentence)
        and not any(intro.start <= n.start < intro.end for n in ctx.numbers)
    ):
        # "Наступного дня відбувся другий етап. Україна повернула сто шістдесят військових": the paragraph's stage
        stage = event_stage(text[intro.start : intro.end], vocab)
    named_kinds = event_kinds(sentence, vocab)
    unilateral = vocab.unilateral.search(sentence) is not None or any(
        vocab.unilateral.search(text[p.start : p.end]) for p in earlier
    )
    whole_days = span_days(sentence, vocab)
    span_start = earlier[0].start if earlier else sent.start  # the paragraph so far names the event too
    names = tuple(sorted(names_in(text, span_start, sent.end, ctx.rows, ctx.dates, vocab) | ctx.doc_names))
    from_captivity = vocab.captivity.search(sentence) is not None or any(
        vocab.captivity.search(text[p.start : p.end]) for p in earlier
    )
    claims = []
    directions: dict[int, str | None] = {}
    for index, item in enumerate(items):
        if item.category is None:
            continue
        direction = _direction(text, item, sentence, sent.start, vocab)
        if direction is None and item.part_of is not None:
            direction = directions.get(item.part_of)  # a part goes where its total went
        if item.like is not None and (direction is None or not _strong(text, item, sentence, sent.start, vocab)):
            direction = directions.get(item.like, direction)  # "…; on Oct. 17, 160": as the count it echoes
        directions[index] = direction
        k = kind
        if item.category == "bodies" and k in (None, "release", "exchange"):
            k = "repatriation"
        elif k == "repatriation" and "exchange" in named_kinds:
            k = "exchange"  # "репатріація … того ж дня, що й обмін, під час якого повернулися 185": people
        elif k in (None, "release") and ctx.doc_event == "exchange" and (direction or k == "release"):
            k = "exchange"  # the freed of a document about an exchange are the exchanged
        elif k == "release" and direction == "to_ukraine" and from_captivity:
            k = "exchange"  # people come back to Ukraine from Russian captivity by exchange
        elif k is None and direction is not None and item.category not in ("children", "bodies"):
            # "each side handed over 205 prisoners" is a swap; "передали 185 военнопленных ВСУ" a return that
            # event resolution joins to the exchange of its day, if there is one (nlp.claims.events)
            k = "exchange" if direction == "both" else "release"
        elif k is None and ctx.doc_event and not _elsewhen(ctx, sentence, item.number.start - sent.start):
            # "Saturday's group of 135 included 120 servicemen and 15 civilians", in a report of an exchange
            k = ctx.doc_event
        claim_names = names
        if unilateral and k in ("release", "exchange"):
            k, claim_names = "release", (*names, UNILATERAL)  # "в односторонньому порядку": not an exchange
        reported = k is not None or direction is not None
        when = _unknown_year(_event_date(ctx, sent, earlier, item, items, reported))
        if vocab.running_total.search(sentence):
            when, names = EventDate(), ()  # "6,452 freed since February 2022": a running total, no event
        confidence = 0.85
        confidence += 0.05 if direction else 0.0
        confidence -= 0.1 if k is None else 0.0
        confidence -= 0.2 if when.date is None else (0.1 if when.defaulted else 0.0)
        confidence -= 0.15 if item.implied_total else 0.0
        strong = _strong(text, item, sentence, sent.start, vocab)
        weak = direction == "to_ukraine" and not strong and item.part_of is None and item.like is None
        russians_return = item.direction == "to_russia" and weak_direction(sentence, vocab)
        ukrainians_return = item.direction == "to_ukraine" and weak_direction(sentence, vocab)
        claim = Claim(
            kind="quantity",
            page=ctx.page,
            start=sent.start,
            end=sent.end,
            text=sentence,
            language=ctx.language,
            confidence=round(max(0.1, min(confidence, 0.95)), 3),
            extractor="quantity-rule",
            value=float(item.number.value),
            qualifier=item.number.qualifier or "exact",
            category=item.category,
            category_detail=item.detail,
            direction=direction,
            event_kind=k,
            event_date=when.date,
            event_stage=None if when.end else stage,
            event_date_end=when.end,
            event_date_source=when.source,
            event_names=claim_names,
            event_span_days=whole_days,
            **speaker_fields(attribution),
            parts=tuple(item.parts),
        )
        claims.append(Quantity(claim, weak, russians_return, ukrainians_return))
    return claims


def inherit_directions(pages: list[list[tuple[int, Quantity]]]) -> list[Claim]:
    """Quantity claims without a direction of their own take it from their context, in order:

    * the report's side: a bare return in a report where Russians return with a bare return is Russia's;
    * the paragraph: the direction the paragraph established earlier ("Ukraine brought home 176 people …
      Among them were 150 servicemen and 26 civilians");
    * the document: when every directed claim of the same event in the document went one way (a report of
      an exchange from Ukraine's side, "вернулись 150 военнослужащих" in an article about that exchange);
    * the report's side: where most of its directed counts went.
    """
    # Whose side the report speaks from: where Russians are said to return with a bare "вернулись", a bare
    # return elsewhere in it is Russia's too (a Russian ministry's or newspaper's "наши военнослужащие").
    everything = [q for quantities in pages for _, q in quantities]
    russian_side = any(q.russians_return for q in everything) and not any(q.ukrainians_return for q in everything)
    out: list[Claim] = []
    for quantities in pages:
        last: dict[int, str] = {}
        for paragraph, q in quantities:
            claim = replace(q.claim, direction="to_russia") if russian_side and q.weak else q.claim
            if claim.direction is None and paragraph in last:
                claim = replace(claim, direction=last[paragraph])
            elif claim.direction is not None:
                last[paragraph] = claim.direction
            out.append(claim)
    by_event: dict[str | None, set[str]] = {}
    for c in out:
        if c.direction is not None:
            by_event.setdefault(c.event_key, set()).add(c.direction)
    result = []
    for c in out:
        ways = by_event.get(c.event_key, set())
        if c.direction is None and c.event_key is not None and len(ways) == 1:
            c = replace(c, direction=next(iter(ways)))
        result.append(c)
    # Last, the report's side: a count the text leaves undirected ("Saturday's group of 135 included 120
    # servicemen and 15 civilians") went where most of the report's directed counts went.
    votes = Counter(c.direction for c in result if c.direction in ("to_ukraine", "to_russia"))
    if votes:
        (top, n), *rest = votes.most_common()
        side = top if not rest or n > rest[0][1] else ("to_russia" if russian_side else "to_ukraine")
        result = [replace(c, direction=side) if c.direction is None and c.event_kind else c for c in result]
    return result


def status_date_of(ctx: Context, sent: Sentence, phrase_start: int, status: str, still: bool = False) -> str | None:
    """The date in the sentence nearest the phrase (none for a lasting one: "досі в полоні" holds on the
    report's day), else the document date for a status the report
    states as of its day (released, exchanged, held, missing) unless another year stands near the phrase
    ("captured in April 2022"); a capture or a death without a date is not dated by the report."""
    pos = sent.start + phrase_start
    in_sent = [d for d in ctx.dates if sent.start <= d.start and d.end <= sent.end and full_dates(d.dates)]
    if still:
        # "досі в полоні": as of the report's day, whatever other day the sentence names, unless it says
        # which day ("Станом на 20 травня … досі перебуває в полоні")
        in_sent = [d for d in in_sent if ctx.vocab.as_of.search(ctx.text[max(0, d.start - 24) : d.start])]
    if in_sent:
        d = min(in_sent, key=lambda d: (abs(d.start - pos), d.start))
        day = max(full_dates(d.dates))
        return None if yearless(day) != day else day  # a status needs a real date to be compared
    sentence = ctx.text[sent.start : sent.end]
    if status not in DEFAULT_DATED_STATUSES or ctx.doc_date is None or ctx.vocab.future.search(sentence):
        return None
    if other_year_near(sentence, phrase_start, ctx.doc_date.year):
        return None
    return None if yearless(ctx.doc_date.isoformat()) != ctx.doc_date.isoformat() else ctx.doc_date.isoformat()
