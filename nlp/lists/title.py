"""The list's title ("Список осіб, звільнених з полону 24.05.2025"): its status and date, given to the rows.

A row's own status wins over the title's; the title's date is only used for a row whose status is the
title's status.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from crosscheck.records.facts import ListInfo, ListRow
from crosscheck.records.pages import Page
from nlp.lists.fields import find_status, status_date
from nlp.lists.lookalikes import fold_lookalikes
from nlp.lists.numbered import NUMBERED, lines
from nlp.lists.vocab import ListVocab

__all__ = ["find_title", "with_title"]

MAX_TITLE_CHARS = 300


def _title_at(
    text: str, start: int, end: int, page_lines: list[tuple[int, int]], vocab: ListVocab, page: int
) -> ListInfo | None:
    """A ListInfo for a title line at [start, end) (joined with one following line when it is cut)."""
    line = text[start:end].strip()
    if not line or len(line) > MAX_TITLE_CHARS or not vocab.title_cue_re.match(fold_lookalikes(line, vocab.lookalikes)):
        return None
    status = find_status(line, vocab, lower_only=False)
    when = status_date(line, vocab)
    if status is None or when is None:
        following = [(s, e) for s, e in page_lines if s > end and text[s:e].strip()]
        if following:
            s, e = following[0]
            nxt = text[s:e].strip()
            if not NUMBERED.match(text, s, e) and "\t" not in text[s:e] and len(line) + len(nxt) <= MAX_TITLE_CHARS:
                joined = text[start:e]
                status = status or find_status(joined, vocab, lower_only=False)
                when = when or status_date(joined, vocab)
                if status or when:
                    end = e
                    line = " ".join(joined.split())
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    trail = len(text[start:end]) - len(text[start:end].rstrip())
    return ListInfo(
        title=" ".join(line.split()),
        status=status[2] if status else None,
        status_date=when,
        page=page,
        start=start + lead,
        end=end - trail,
    )


def find_title(pages: Sequence[Page], vocab: ListVocab, first_row: tuple[int, int] | None) -> ListInfo | None:
    """The first title line of the document, above the first person row when there is one."""
    for page in pages:
        if first_row is not None and page.number > first_row[0]:
            break
        page_lines = lines(page.text)
        for s, e in page_lines:
            if first_row is not None and (page.number, s) >= first_row:
                break
            if NUMBERED.match(page.text, s, e):
                continue
            info = _title_at(page.text, s, e, page_lines, vocab, page.number)
            if info is not None:
                return info
        for table in page.tables:
            for cells in table.rows[:2]:
                filled = [c for c in cells if c.text.strip()]
                if len(filled) == 1 and vocab.title_cue_re.match(
                    fold_lookalikes(filled[0].text.strip(), vocab.lookalikes)
                ):
                    cell = filled[0]
                    text = " ".join(cell.text.split())
                    status = find_status(text, vocab, lower_only=False)
                    return ListInfo(
                        title=text,
                        status=status[2] if status else None,
                        status_date=status_date(text, vocab),
                        page=page.number,
                        start=cell.start,
                        end=cell.end,
                    )
    return None


def with_title(record: ListRow, title: ListInfo | None) -> ListRow:
    """The title's status and date for a row without its own; its date for a row with the same status."""
    if title is None:
        return record
    if record.status is None and (title.status or title.status_date):
        return replace(record, status=title.status, status_date=title.status_date)
    if record.status == title.status and record.status_date is None:
        return replace(record, status_date=title.status_date)
    return record
