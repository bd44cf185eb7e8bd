"""Rows of ``Page.tables`` (ruled/aligned OCR grids, pdfplumber tables) → candidate rows.

Columns are mapped to fields by their header (``headers.header_field``); columns without a recognised
header are mapped by the shape of their values (dates, years, unit codes, ranks, capitalised names).
A row's own status column (or a status phrase in its notes) is read here; the title's comes later.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from crosscheck.records.pages import Cell, Page, Table, union_box
from nlp.lists.dates import BARE_YEAR_RE, Date, find_dates
from nlp.lists.fields import clean_rank, find_rank, find_status, find_unit, parse_free, status_date
from nlp.lists.headers import header_field
from nlp.lists.lookalikes import fold_lookalikes
from nlp.lists.names import name_like
from nlp.lists.records import Row, row_lang
from nlp.lists.vocab import ListVocab
from nlp.units import Unit

__all__ = ["NAME_FIELDS", "table_rows"]

NAME_FIELDS = ("surname", "given", "patronymic")
_COLUMN_NUMBERS = re.compile(r"^\s*\d{1,2}\s*$")
_SHAPE_FIELD = {"number": "number", "date": "birth_date", "year": "birth_date", "unit": "unit", "rank": "rank"}
_SHAPE_FIELD |= {"status": "status", "name": "name"}

Span = tuple[int | None, int | None]  # [start, end) in the page text, None where the text was not found


def _columns_of(table: Table, r: int) -> list[int]:
    row = table.rows[r]
    if table.columns is not None and r < len(table.columns) and len(table.columns[r]) == len(row):
        return list(table.columns[r])
    return list(range(len(row)))


def _shape(text: str, vocab: ListVocab) -> str | None:
    """What a cell's value looks like: number, date, year, unit, rank, status, name, word."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{1,4}\s*[.)]?", text) and not BARE_YEAR_RE.match(text):
        return "number"
    dates = find_dates(text, True, vocab.lookalikes, year_only=True)
    if dates and dates[0].end - dates[0].start >= 0.6 * len(text):
        return "year" if len(dates[0].iso) == 4 else "date"
    unit = find_unit(text, vocab)
    if unit and unit[1] - unit[0] >= 0.6 * len(text):
        return "unit"
    rank = find_rank(text, vocab, lower_only=False)
    if rank and rank[1] - rank[0] >= 0.8 * len(text.rstrip(".")):
        return "rank"
    status = find_status(text, vocab, lower_only=False)
    if status and status[0] <= 2:
        return "status"
    words = text.split()
    if all(name_like(w) for w in words):
        return "name" if len(words) >= 2 else "word"
    if parse_free(text, vocab, lower_only=False).name_tokens:
        return "name"
    return None


def _header_rows(table: Table, vocab: ListVocab) -> tuple[dict[int, str], int]:
    """Column → field from the header, and how many rows at the top are headers (or a title, or column numbers)."""
    mapping: dict[int, str] = {}
    header_rows = 0
    for r in range(min(4, len(table.rows))):
        cells = table.rows[r]
        cols = _columns_of(table, r)
        nonempty = [(c, cell) for c, cell in zip(cols, cells, strict=True) if cell.text.strip()]
        if not nonempty:
            if header_rows == r:
                header_rows += 1
            continue
        hits = {c: f for c, cell in nonempty if (f := header_field(cell.text, vocab.headers))}
        if (
            hits
            and len(hits) * 2 >= len(nonempty)
            and not any(find_dates(cell.text, True, vocab.lookalikes) for _, cell in nonempty)
        ):
            for c, f in hits.items():
                mapping[c] = f  # a sub-header row ("Прізвище | Ім'я | По батькові") refines the one above
            header_rows = r + 1
        elif header_rows == r and len(nonempty) == 1 and not mapping and len(table.rows) > r + 1:
            header_rows = r + 1  # a title or section row above the header
        elif mapping and header_rows == r and all(_COLUMN_NUMBERS.match(cell.text) for _, cell in nonempty):
            header_rows = r + 1  # "1 | 2 | 3 | 4": column numbers under the header
        else:
            break
    # A column covered by a sub-header keeps the sub-header's field; "name" over them would duplicate.
    if any(f in NAME_FIELDS for f in mapping.values()):
        mapping = {c: f for c, f in mapping.items() if f != "name"} | {
            c: f for c, f in mapping.items() if f == "name" and not any(f2 in NAME_FIELDS for f2 in mapping.values())
        }
    return mapping, header_rows


def _map_columns(table: Table, vocab: ListVocab) -> tuple[dict[int, str], int]:
    """Column → field, and how many rows at the top are headers (or a title, or column numbers)."""
    mapping, header_rows = _header_rows(table, vocab)
    # Columns the header did not name: by the shape of their values.
    votes: dict[int, Counter[str]] = {}
    filled: Counter[int] = Counter()
    for r in range(header_rows, len(table.rows)):
        for c, cell in zip(_columns_of(table, r), table.rows[r], strict=True):
            if c in mapping:
                continue
            shape = _shape(cell.text, vocab)
            if shape is None and not cell.text.strip():
                continue
            filled[c] += 1
            if shape:
                votes.setdefault(c, Counter())[shape] += 1
    taken = set(mapping.values())
    words: list[int] = []
    for c in sorted(votes):
        shape, n = votes[c].most_common(1)[0]
        if n * 2 < filled[c]:
            continue
        if shape == "word":
            words.append(c)
            continue
        name = _SHAPE_FIELD[shape]
        if name == "birth_date" and "birth_date" in taken:
            name = "status_date"
        if name not in taken or name == "notes":
            mapping[c] = name
            taken.add(name)
    if "name" not in taken and not taken & set(NAME_FIELDS) and len(words) >= 2:
        for c, name in zip(words, NAME_FIELDS, strict=False):
            mapping[c] = name
    return mapping, header_rows


def _cell_span(page: Page, cell: Cell, cursor: int) -> Span:
    if cell.start is not None and cell.end is not None:
        return cell.start, cell.end
    needle = cell.text.strip()
    if needle:
        i = page.text.find(needle, cursor)
        if i >= 0:
            return i, i + len(needle)
    return None, None


def _sub_span(page: Page, start: int | None, end: int | None, cell_text: str, rel: tuple[int, int]) -> Span:
    """Page offsets of ``cell_text[rel[0]:rel[1]]`` when the cell is at [start, end) of the page text."""
    if start is None or end is None:
        return None, None
    piece = cell_text[rel[0] : rel[1]]
    if page.text[start:end] == cell_text:
        return start + rel[0], start + rel[1]
    i = page.text.find(piece, start, end + 1)
    return (i, i + len(piece)) if i >= 0 else (start, end)


@dataclass
class _Found:
    """The fields of one table row as its cells are read, name cells first."""

    name_parts: list[tuple[str, int | None, int | None]] = field(default_factory=list)
    name_column: bool = False
    birth: Date | None = None
    rank: str | None = None
    unit: str | None = None
    unit_obj: Unit | None = None
    status: str | None = None
    status_date: str | None = None
    repairs: list[str] = field(default_factory=list)


def _read_names(
    page: Page, cells: list[Cell], spans: list[Span], by_field: dict[str, list[int]], vocab: ListVocab, found: _Found
) -> None:
    """The name words: from a whole-name column, else from surname/given/patronymic columns."""
    lookalikes = vocab.lookalikes
    name_idx = by_field.get("name", [])
    if name_idx:
        found.name_column = True
        for i in name_idx:
            parsed = parse_free(cells[i].text, vocab, False, any(c.isdigit() for c in cells[i].text))
            for a, b in parsed.name_tokens:
                s, e = _sub_span(page, *spans[i], cells[i].text, (a, b))
                found.name_parts.append((cells[i].text[a:b], s, e))
            # "солдат Гайдук Степан Іванович, 04.11.1987" in one cell
            found.birth = found.birth or parsed.birth
            if parsed.rank and found.rank is None:
                found.rank = clean_rank(cells[i].text[parsed.rank[0] : parsed.rank[1]], lookalikes)
            if parsed.unit and found.unit is None:
                found.unit, found.unit_obj = cells[i].text[parsed.unit[0] : parsed.unit[1]], parsed.unit[2]
        return
    for name_field in NAME_FIELDS:
        for i in by_field.get(name_field, []):
            word = cells[i].text.strip()
            if word:
                found.name_column = True
                s, e = spans[i]
                if s is not None and page.text[s:e] != cells[i].text:
                    s, e = _sub_span(page, s, e, cells[i].text, (0, len(cells[i].text)))
                found.name_parts.append((word, s, e))


def _read_columns(cells: list[Cell], by_field: dict[str, list[int]], vocab: ListVocab, found: _Found) -> None:
    """The fields of the columns the header (or the value shapes) named; they win over the name cell's."""
    lookalikes = vocab.lookalikes
    for i in by_field.get("birth_date", []):
        dates = find_dates(cells[i].text, True, lookalikes, year_only=True)
        if dates:
            found.birth = dates[0]
            break
    for i in by_field.get("rank", []):
        if cells[i].text.strip():
            found.rank = clean_rank(cells[i].text, lookalikes)
            if found.rank != " ".join(cells[i].text.lower().split()):
                found.repairs.append(f"rank: {' '.join(cells[i].text.split())}→{found.rank}")
    for i in by_field.get("unit", []):
        if cells[i].text.strip():
            found.unit = " ".join(cells[i].text.split())
            unit = find_unit(cells[i].text, vocab)
            found.unit_obj = unit[2] if unit else None
            folded = fold_lookalikes(cells[i].text, lookalikes)
            if unit and folded != cells[i].text:
                found.repairs.append(f"unit: {found.unit}→{' '.join(folded.split())}")
    for name in ("status", "notes"):
        for i in by_field.get(name, []):
            if found.status is None and cells[i].text.strip():
                status = find_status(cells[i].text, vocab, lower_only=False)
                if status:
                    found.status = status[2]
                    found.status_date = status_date(cells[i].text, vocab)
    for i in by_field.get("status_date", []):
        found.status_date = status_date(cells[i].text, vocab) or found.status_date
    # Fields the header did not give: look for them in the unmapped cells.
    for i in by_field.get("", []):
        parsed = parse_free(cells[i].text, vocab, lower_only=False)
        if found.birth is None and parsed.birth:
            found.birth = parsed.birth
        if found.rank is None and parsed.rank:
            found.rank = clean_rank(cells[i].text[parsed.rank[0] : parsed.rank[1]], lookalikes)
        if found.unit is None and parsed.unit:
            found.unit, found.unit_obj = cells[i].text[parsed.unit[0] : parsed.unit[1]], parsed.unit[2]


def table_rows(page: Page, table: Table, lang: str, vocab: ListVocab) -> list[Row]:
    """A candidate row for every table row under the header that has name words."""
    if not table.rows or not any(cell.text.strip() for row in table.rows for cell in row):
        return []
    mapping, header_rows = _map_columns(table, vocab)
    if header_rows == 0 and max(len(row) for row in table.rows) < 2:
        return []  # one column and no header: a text box or a caption, not a list one can trust
    rows: list[Row] = []
    cursor = 0
    method = f"table:{table.method}"
    for r in range(header_rows, len(table.rows)):
        cells = table.rows[r]
        if not any(c.text.strip() for c in cells):
            continue
        spans: list[Span] = []
        for cell in cells:
            s, e = _cell_span(page, cell, cursor)
            spans.append((s, e))
            if e is not None:
                cursor = max(cursor, e)
        by_field: dict[str, list[int]] = {}
        for i, c in enumerate(_columns_of(table, r)):
            by_field.setdefault(mapping.get(c, ""), []).append(i)
        found = _Found()
        _read_names(page, cells, spans, by_field, vocab, found)
        if not found.name_parts:
            continue
        _read_columns(cells, by_field, vocab, found)
        known = [(s, e) for s, e in spans if s is not None and e is not None]
        confs = [c.conf for c in cells if c.conf is not None]
        rows.append(
            Row(
                page=page.number,
                start=min(s for s, _ in known) if known else 0,
                end=max(e for _, e in known) if known else 0,
                bbox=union_box(c.bbox for c in cells),
                name_parts=found.name_parts,
                name_column=found.name_column,
                birth=found.birth,
                rank=found.rank,
                unit=found.unit,
                unit_obj=found.unit_obj,
                status=found.status,
                status_date=found.status_date,
                raw=" | ".join(c.text for c in cells),
                conf=statistics.fmean(confs) / 100 if confs else 1.0,
                method=method,
                lang=row_lang(lang, " ".join(c.text for c in cells)),
                repairs=found.repairs,
            )
        )
    return rows
