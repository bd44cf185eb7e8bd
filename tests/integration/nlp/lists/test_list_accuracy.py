"""Lists of people end to end: real parsers (tesseract on scans) and ``nlp.lists.extract_list``.

The acceptance bar for list extraction: on degraded scans (ruled, unruled, uk and ru headers, PNG
and image-only PDF) at least 97% of the rows come out with the right surname and birth date, on
born-digital PDFs all of them; every such record points at its row (box and text span), carries
the title's status and date, and namesakes with different birth dates get different keys.

Run with ``pytest -s`` to see the accuracy per fixture. Every person named here is invented.
"""

from __future__ import annotations

import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pytest

from crosscheck.records.facts import ListInfo, ListRow
from crosscheck.records.pages import Page, ParsedDocument
from crosscheck.settings import Settings
from ingest.registry import parse_bytes
from nlp.language import page_languages
from nlp.lists import extract_list
from tests.fixtures.lists import LIST_SPECS, ListFixture, TruthRow, make_list

pytestmark = pytest.mark.integration

SETTINGS = Settings()
SCAN_MIN_ACCURACY = 0.97
BORN_DIGITAL_MIN_ACCURACY = 1.0
NAMES = [spec.name for spec in LIST_SPECS]


@dataclass
class Outcome:
    fixture: ListFixture
    doc: ParsedDocument | None = None
    info: ListInfo | None = None
    records: list[ListRow] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    matches: dict[int, ListRow] = field(default_factory=dict)  # truth row number -> record


def fold(text: str) -> str:
    """NFC, case-folded, one apostrophe: the comparison the bar is defined with."""
    text = unicodedata.normalize("NFC", text).casefold()
    for apostrophe in "’ʼ`´":
        text = text.replace(apostrophe, "'")
    return text


def surname_of(record: ListRow) -> str:
    return record.name.split()[0] if record.name and record.name.split() else ""


def box_of(record_box: tuple[float, float, float, float] | None) -> tuple[float, float, float, float] | None:
    return tuple(float(v) for v in record_box) if record_box is not None else None  # type: ignore[return-value]


def iou(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    ax0, ay0, ax1, ay1 = a[0], a[1], a[0] + a[2], a[1] + a[3]
    bx0, by0, bx1, by1 = b[0], b[1], b[0] + b[2], b[1] + b[3]
    w = max(0.0, min(ax1, bx1) - max(ax0, bx0))
    h = max(0.0, min(ay1, by1) - max(ay0, by0))
    inter = w * h
    union = a[2] * a[3] + b[2] * b[3] - inter
    return inter / union if union > 0 else 0.0


def centre_inside(inner: tuple[float, float, float, float], outer: tuple[float, float, float, float]) -> bool:
    cx, cy = inner[0] + inner[2] / 2, inner[1] + inner[3] / 2
    return outer[0] <= cx <= outer[0] + outer[2] and outer[1] <= cy <= outer[1] + outer[3]


def box_agrees(record_box: tuple[float, float, float, float] | None, truth: tuple[float, float, float, float]) -> bool:
    box = box_of(record_box)
    return box is not None and (iou(box, truth) >= 0.5 or centre_inside(box, truth))


def _run(fixture: ListFixture) -> Outcome:
    outcome = Outcome(fixture)
    started = time.perf_counter()
    try:
        doc = parse_bytes(fixture.data, fixture.file_name, SETTINGS)
        outcome.doc = doc
        _, languages = page_languages([p.text for p in doc.pages])
        outcome.info, outcome.records = extract_list(doc.pages, languages)
    except Exception as exc:  # reported per fixture, so one crash does not hide the other numbers
        outcome.error = f"{type(exc).__name__}: {exc}"
    outcome.seconds = time.perf_counter() - started
    _match(outcome)
    return outcome


def _match(outcome: Outcome) -> None:
    """Pair each truth row with a record on its page with the same surname and birth date (the best-placed one)."""
    used: set[int] = set()
    for row in outcome.fixture.rows:
        candidates = [
            (i, r)
            for i, r in enumerate(outcome.records)
            if i not in used
            and r.page == row.page
            and fold(surname_of(r)) == fold(row.surname)
            and r.birth_date == row.birth_date
        ]
        if not candidates:
            continue
        best = max(candidates, key=lambda ir: (box_agrees(ir[1].bbox, row.bbox), -abs(ir[1].row - row.number)))
        used.add(best[0])
        outcome.matches[row.number] = best[1]


def _ocr_text_in(page: Page | None, box: tuple[float, float, float, float]) -> str:
    """What OCR read inside a truth box (words whose centre is in it), or the page text layer's line for PDFs."""
    if page is None:
        return "<no page>"
    if not page.words:
        return "<no word boxes>"
    inside = [w for w in page.words if centre_inside((w.left, w.top, w.width, w.height), box)]
    return " ".join(page.text[w.start : w.end] for w in inside)


def _explain(outcome: Outcome, row: TruthRow) -> str:
    page = None
    if outcome.doc is not None and row.page <= len(outcome.doc.pages):
        page = outcome.doc.pages[row.page - 1]
    near = [r for r in outcome.records if r.page == row.page and box_agrees(r.bbox, row.bbox)]
    if not near:
        near = [r for r in outcome.records if r.page == row.page and fold(surname_of(r)) == fold(row.surname)]
    got = "; ".join(f"record {r.row}: {r.name!r} {r.birth_date} raw={r.raw!r}" for r in near[:2]) or "no record"
    read = _ocr_text_in(page, row.bbox) if outcome.fixture.bbox_unit == "px" else "<text layer>"
    return (
        f"  row {row.number} (p{row.page}) truth: {row.full_name} {row.birth_date} | {row.rank} | {row.unit}\n"
        f"      OCR in row box: {read!r}\n      got: {got}"
    )


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    fixtures = [make_list(spec) for spec in LIST_SPECS]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(_run, fixtures))
    by_name = {o.fixture.name: o for o in results}
    print("\nList extraction (rows with the right surname and birth date):")
    for o in results:
        n = len(o.fixture.rows)
        print(
            f"  {o.fixture.name:26s} {len(o.matches):3d}/{n} = {len(o.matches) / n:6.1%}"
            f"  records={len(o.records):3d}  {o.seconds:5.1f} s" + (f"  ERROR {o.error}" if o.error else "")
        )
    return by_name


def _minimum(fixture: ListFixture) -> float:
    return BORN_DIGITAL_MIN_ACCURACY if fixture.spec.medium == "pdf" else SCAN_MIN_ACCURACY


@pytest.mark.parametrize("name", NAMES)
def test_rows_are_extracted(outcomes: dict[str, Outcome], name: str) -> None:
    outcome = outcomes[name]
    assert outcome.error is None, outcome.error
    fixture = outcome.fixture
    accuracy = len(outcome.matches) / len(fixture.rows)
    missed = [row for row in fixture.rows if row.number not in outcome.matches]
    report = "\n".join(_explain(outcome, row) for row in missed)
    print(f"\n{name}: {len(outcome.matches)}/{len(fixture.rows)} = {accuracy:.1%} (need {_minimum(fixture):.0%})")
    if report:
        print(report)
    assert accuracy >= _minimum(fixture), f"{name}: {accuracy:.1%} of rows right; missed:\n{report}"


@pytest.mark.parametrize("name", NAMES)
def test_records_point_at_their_rows(outcomes: dict[str, Outcome], name: str) -> None:
    outcome = outcomes[name]
    assert outcome.error is None, outcome.error
    assert outcome.doc is not None
    rows = {row.number: row for row in outcome.fixture.rows}
    problems: list[str] = []
    for number, record in outcome.matches.items():
        row = rows[number]
        page = outcome.doc.pages[record.page - 1]
        if page.bbox_unit != outcome.fixture.bbox_unit:
            problems.append(f"row {number}: page bbox_unit {page.bbox_unit!r}, expected {outcome.fixture.bbox_unit!r}")
        if not box_agrees(record.bbox, row.bbox):
            box = box_of(record.bbox)
            overlap = f"IoU {iou(box, row.bbox):.2f}" if box else "no box"
            problems.append(f"row {number}: record box {record.bbox} vs truth {row.bbox} ({overlap})")
        span = page.text[record.start : record.end]
        read_surname = record.name_raw.split()[0] if record.name_raw.split() else ""
        if not read_surname or read_surname not in span:
            problems.append(f"row {number}: span {span!r} does not hold the surname as read {read_surname!r}")
        if record.name_start is not None and record.name_end is not None:
            # Split name columns are separate cells, and a stray dot may be dropped from name_raw:
            # every word of the name as read must be in the name's span.
            name_span = page.text[record.name_start : record.name_end]
            if not all(word in name_span for word in record.name_raw.split()):
                problems.append(f"row {number}: name span {name_span!r} != name_raw {record.name_raw!r}")
    assert not problems, f"{name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_title_status_and_date_reach_every_record(outcomes: dict[str, Outcome], name: str) -> None:
    outcome = outcomes[name]
    assert outcome.error is None, outcome.error
    fixture = outcome.fixture
    first_text = outcome.doc.pages[0].text[:150] if outcome.doc and outcome.doc.pages else ""
    assert outcome.info is not None, f"no list title found; page 1 starts {first_text!r}"
    assert outcome.info.status == fixture.status and outcome.info.status_date == fixture.status_date, outcome.info
    assert outcome.records
    wrong = [
        (r.row, r.status, r.status_date)
        for r in outcome.records
        if (r.status, r.status_date) != (fixture.status, fixture.status_date)
    ]
    assert not wrong, f"{name}: records without the title's status/date: {wrong[:10]}"


@pytest.mark.parametrize("name", NAMES)
def test_namesakes_stay_two_people(outcomes: dict[str, Outcome], name: str) -> None:
    outcome = outcomes[name]
    assert outcome.error is None, outcome.error
    assert outcome.fixture.namesakes
    for a, b in outcome.fixture.namesakes:
        ra, rb = outcome.matches.get(a.number), outcome.matches.get(b.number)
        assert ra is not None and rb is not None, f"{name}: namesake rows {a.number}/{b.number} not both extracted"
        assert ra.key != rb.key, f"{name}: namesakes {a.full_name} ({a.birth_date}, {b.birth_date}) share {ra.key!r}"
        assert fold(ra.name) == fold(rb.name) == fold(a.full_name), (ra.name, rb.name)
