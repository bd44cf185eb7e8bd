"""Claims of one document: ``extract_claims(pages, languages, mentions, records, list_info, published)``.

Rule-based, sentence by sentence (vocabularies in ``models/claims/vocab.json``):

* quantity claims: a number (``nlp.claims.numbers``) followed by what it counts (a category word, case
  forms included), with the direction, the event kind, date and stage stated in the sentence;
* statements: a PERSON/ORG speaker with a verb of saying (``nlp.claims.statements``); the quantity and
  status claims of an attributed sentence carry the speaker too;
* status claims about people: status phrases next to a PERSON mention, and every list row.

Decisions:

* Document date (``nlp.claims.sentences.document_date``): publication metadata, else the dateline, else
  the latest date written with its year, else the file's creation date, else none. Relative and
  year-less dates ("вчора", "on Friday", "23 травня") resolve against it and only it: without it they
  stay unresolved.
* Event date of a quantity: a date stated in the sentence; several days ("23, 24 і 25 травня") make a
  total over those days, dated by the **last** day with no stage, unless the sentence pairs every number
  with its own date ("23 травня — 390, 24 травня — 307"). Else the date of the nearest earlier sentence of
  the same paragraph that has one (the paragraph goes on about that day).
  Else, for an event report (the sentence names an event or a direction) with no future
  cue and no other year, the **document date**: news reports what happened on the day it is published
  (or the day its dateline/"yesterday" says); such claims get lower confidence.
* Event kind: the sentence's, else the nearest earlier one's of the paragraph. A "release"/return in a
  document that reports an exchange is that exchange (the freed are the exchanged), and so is a return
  to Ukraine from captivity ("повернулися з російського полону"); bodies are repatriated.
* Direction: a to_russia phrase beats a bare "повернули"/"freed" (weak cues mean to Ukraine: the sources
  report from Ukraine's side); "each"/"кожна сторона" right after the number means both; "обмін 103 на 103"
  gives the first number to Ukraine and the second to Russia. A number with no direction of its own
  takes its total's, else the one established earlier in its paragraph, else the one every directed
  claim of the same event in the document has.
* A total with parts in one sentence ("176 людей, серед них 150 військових і 26 цивільних") gives the
  total (parts=("servicemen", "civilians")) and one claim per part. A number with no counted word that is
  followed by parts ("Released: 150 (142 servicemen, 8 civilians)") is a total of people.
* No claim for ages, years, unit numbers, money, percentages, document numbers or counts of other
  things: only numbers followed by a counted word of the vocabulary are claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from crosscheck.records.claims import KINDS, Claim
from crosscheck.records.facts import ListInfo, ListRow, Mention
from crosscheck.records.pages import Page
from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.claims.categories import (
    Vocab,
    event_kind,
    load_vocab,
)
from nlp.claims.dates import YEARLESS, find_dates
from nlp.claims.event_names import names_in
from nlp.claims.numbers import find_numbers
from nlp.claims.quantities import Context, Quantity, inherit_directions, quantity_claims, speaker_fields, status_date_of
from nlp.claims.sentences import DATELINE_CHARS, DocumentDate, Sentence, dateline, document_date, split_sentences
from nlp.claims.statements import Attribution, find_attribution
from nlp.claims.status import find_statuses, list_status_claims, resolve_subject

__all__ = ["DATELINE_CHARS", "DocumentDate", "Sentence", "document_date", "extract_claims", "split_sentences"]


# --- the document ----------------------------------------------------------------------------------------


def _doc_event(pages: Sequence[Page], vocab: Vocab) -> str | None:
    """The first event kind the document names (title and lead first): what its releases are part of."""
    for page in pages:
        kind = event_kind(page.text, vocab)
        if kind:
            for name, rx in vocab.events:
                if name == "exchange" and rx.search(page.text):
                    return "exchange"
            return kind
    return None


def _sort_key(c: Claim) -> tuple:
    return (
        c.page,
        c.start,
        c.end,
        KINDS.index(c.kind),
        c.value if c.value is not None else -1.0,
        c.category or "",
        c.subject_key or "",
        c.status or "",
        c.extractor,
    )


def extract_claims(
    pages: Sequence[Page],
    languages: Sequence[str],
    mentions: Sequence[Mention],
    records: Sequence[ListRow],
    list_info: ListInfo | None,
    dated: DocumentDate | str | None,
    models_dir: Path = DEFAULT_MODELS_DIR,
) -> list[Claim]:
    """``dated``: the document's date (:func:`document_date`, as the worker computes it once); a string is
    a publication date from metadata, None means: date the document from its text."""
    vocab = load_vocab(models_dir)
    if not isinstance(dated, DocumentDate):
        dated = document_date(pages, languages, dated, None, models_dir, vocab.future)
    doc_date = dated.date
    doc_event = _doc_event(pages, vocab)
    lang_of = {p.number: (languages[i] if i < len(languages) else "") for i, p in enumerate(pages)}
    # A document whose date has no year ("KYIV, Oct 16 —" and nothing else): its year-less dates are read
    # in a year no report is from (YEARLESS) and leave as "--MM-DD"; "yesterday" counts back from its
    # dateline's day, and weekdays are not read (which day a Friday was depends on the year).
    reference, report_day = doc_date, None
    if doc_date is None and pages:
        line = dateline(pages[0].text, lang_of[pages[0].number], models_dir, reference=date(YEARLESS, 12, 31))
        report_day = date.fromisoformat(line.dates[0]) if line is not None else None
        reference = report_day or date(YEARLESS, 12, 31)
    claims: list[Claim] = []
    page_quantities: list[list[tuple[int, Quantity]]] = []
    doc_names: frozenset[str] | None = None
    for page in pages:
        text = page.text
        if not text.strip():
            continue
        lang = lang_of[page.number]
        rows = sorted((m for m in mentions if m.page == page.number), key=lambda m: (m.start, m.end, m.label))
        dates = find_dates(
            text,
            lang,
            reference,
            models_dir,
            relative=doc_date is not None or report_day is not None,
            weekdays=doc_date is not None,
        )
        if doc_names is None:  # the title and lead: the first paragraph of the first page with text
            lead = split_sentences(text)
            lead_end = max((s.end for s in lead if s.paragraph == lead[0].paragraph), default=0) if lead else 0
            doc_names = frozenset(names_in(text, 0, lead_end, rows, dates, vocab))
        ctx = Context(
            text=text,
            language=lang,
            page=page.number,
            doc_date=doc_date or report_day,
            doc_event=doc_event,
            vocab=vocab,
            dates=dates,
            numbers=list(find_numbers(text, lang, models_dir)),
            rows=rows,
            units=[(r.start, r.end) for r in rows if r.label == "UNIT"],
            doc_names=doc_names,
            dateline=_dateline_start(text, lang, models_dir, reference if doc_date is None else None)
            if page.number == pages[0].number
            else None,
        )
        row_spans = [(r.start, r.end) for r in records if r.page == page.number]
        quantities = _page_claims(ctx, row_spans, claims, models_dir)
        page_quantities.append(quantities)
    claims.extend(inherit_directions(page_quantities))
    pages_text = {p.number: p.text for p in pages}
    claims.extend(list_status_claims(pages_text, lang_of, records, list_info))
    return sorted(claims, key=_sort_key)


def _dateline_start(text: str, lang: str, models_dir: Path, reference: date | None) -> int | None:
    line = dateline(text, lang, models_dir, reference=reference)
    return line.start if line is not None else None


def _page_claims(
    ctx: Context, row_spans: list[tuple[int, int]], claims: list[Claim], models_dir: Path
) -> list[tuple[int, Quantity]]:
    """Statements and status claims of one page go to ``claims``; its quantities (with their paragraph) are
    returned, because a quantity's direction may come from others of the document."""
    text, rows = ctx.text, ctx.rows
    sentences = [s for s in split_sentences(text) if not any(a <= s.start and s.end <= b for a, b in row_spans)]
    attributions: list[Attribution | None] = []
    for i, sent in enumerate(sentences):
        prev = sentences[i - 1] if i and sentences[i - 1].paragraph == sent.paragraph else None
        in_sent = [r for r in rows if sent.start <= r.start and r.end <= sent.end]
        previous_text = text[prev.start : prev.end] if prev else None
        attributions.append(
            find_attribution(
                text[sent.start : sent.end], sent.start, in_sent, ctx.vocab, previous_text, models_dir=models_dir
            )
        )
    quantities: list[tuple[int, Quantity]] = []
    for i, sent in enumerate(sentences):
        prev = sentences[i - 1] if i and sentences[i - 1].paragraph == sent.paragraph else None
        earlier = [s for s in sentences[:i] if s.paragraph == sent.paragraph]
        att = attributions[i]
        nxt = attributions[i + 1] if i + 1 < len(sentences) else None
        if att is None and nxt is not None and nxt.anaphoric and sentences[i + 1].paragraph == sent.paragraph:
            att = nxt  # "… 150 людей. Про це повідомив Координаційний штаб."
        quantities.extend((sent.paragraph, c) for c in quantity_claims(ctx, sent, earlier, att))
        own = attributions[i]
        if own is not None:
            claims.append(_statement(ctx, sent, prev, own))
        claims.extend(_status_claims(ctx, sent, att, row_spans, models_dir))
    return quantities


def _statement(ctx: Context, sent: Sentence, prev: Sentence | None, own: Attribution) -> Claim:
    start = prev.start if own.anaphoric and prev is not None else sent.start
    confidence = (0.85 if own.quote and not own.anaphoric else 0.7) - (0.05 if own.speaker.label == "ORG" else 0.0)
    return Claim(
        kind="statement",
        page=ctx.page,
        start=start,
        end=sent.end,
        text=ctx.text[start : sent.end],
        language=ctx.language,
        confidence=round(confidence, 3),
        extractor="statement-rule",
        **speaker_fields(own),
        quote=own.quote,
    )


def _status_claims(
    ctx: Context, sent: Sentence, att: Attribution | None, row_spans: list[tuple[int, int]], models_dir: Path
) -> list[Claim]:
    sentence = ctx.text[sent.start : sent.end]
    in_sent = [r for r in ctx.rows if sent.start <= r.start and r.end <= sent.end]
    # list rows get their claims from the records (list-title), not from the NER of the row text
    free = [r for r in in_sent if not any(a <= r.start < b for a, b in row_spans)]
    people = [r for r in ctx.rows if r.label == "PERSON"]
    claims = []
    for hit in find_statuses(sentence, sent.start, free, ctx.vocab, att.speaker.key if att else None):
        status_date = status_date_of(ctx, sent, hit.start, hit.status, still=hit.still)
        subject_key, subject_name = resolve_subject(hit.subject, people, ctx.text, ctx.language, models_dir)
        claims.append(
            Claim(
                kind="status",
                page=ctx.page,
                start=sent.start,
                end=sent.end,
                text=sentence,
                language=ctx.language,
                confidence=0.75 if status_date else 0.6,
                extractor="status-rule",
                status=hit.status,
                status_date=status_date,
                subject_key=subject_key,
                subject_label="PERSON",
                subject_name=subject_name,
                **speaker_fields(att),
            )
        )
    return claims
