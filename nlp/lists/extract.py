"""The entry point: a document's pages → its list title and one ``ListRow`` per person row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from crosscheck.errors import FaultReporter, raise_fault
from crosscheck.records.facts import ListInfo, ListRow
from crosscheck.records.pages import Page
from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.lists.numbered import numbered_rows
from nlp.lists.records import Row, finish
from nlp.lists.tables import table_rows
from nlp.lists.title import find_title, with_title
from nlp.lists.vocab import list_vocab

__all__ = ["extract_list"]


def extract_list(
    pages: Sequence[Page],
    page_languages: Sequence[str],
    models_dir: Path | str = DEFAULT_MODELS_DIR,
    report: FaultReporter = raise_fault,
) -> tuple[ListInfo | None, list[ListRow]]:
    """The document's list title (with its action and date) and every person row on its pages.

    ``page_languages[i]`` is the language of ``pages[i]`` ("und" where missing); ``models_dir`` holds
    the vocabularies (``Settings.models_dir``). A table, page's numbered lines or row that cannot be
    read is handed to ``report`` with what was skipped (``crosscheck.errors.FaultReporter``), so that one
    malformed grid does not cost the document's other rows; the default reporter re-raises.
    """
    vocab = list_vocab(models_dir)
    candidates: list[Row] = []
    for index, page in enumerate(pages):
        lang = page_languages[index] if index < len(page_languages) else "und"
        page_rows: list[Row] = []
        covered: list[tuple[int, int]] = []
        for table in page.tables:
            try:
                page_rows += table_rows(page, table, lang, vocab)
            except Exception as exc:  # noqa: BLE001 - see docstring
                report(f"a table on page {page.number}", exc)
                continue
            covered += [(c.start, c.end) for row in table.rows for c in row if c.start is not None and c.end]
        try:
            page_rows += numbered_rows(page, lang, vocab, covered)
        except Exception as exc:  # noqa: BLE001 - see docstring
            report(f"the numbered lines of page {page.number}", exc)
        # Reading order: by position in the page text; the sort is stable, so rows whose cells could not
        # be located (start 0) keep their table order.
        page_rows.sort(key=lambda r: r.start)
        candidates += page_rows
    found: list[ListRow] = []
    for row in candidates:
        try:
            record = finish(row, vocab)
        except Exception as exc:  # noqa: BLE001 - see docstring
            report(f"a row on page {row.page}", exc)
            continue
        if record is not None:
            found.append(record)
    # A text-layer page may hold a table's rows as numbered lines too: keep the table's reading.
    in_tables = {(r.page, r.key) for r in found if r.method.startswith("table:")}
    found = [r for r in found if r.method != "numbered-list" or (r.page, r.key) not in in_tables]
    try:
        title = find_title(pages, vocab, (found[0].page, found[0].start) if found else None)
    except Exception as exc:  # noqa: BLE001 - see docstring
        report("the list title", exc)
        title = None
    records = [with_title(replace(r, row=n), title) for n, r in enumerate(found, start=1)]
    return title, records
