"""The claims fixture (tests/fixtures/claims.py): deterministic files, and a truth consistent with them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from crosscheck.records.claims import CATEGORIES, DIRECTIONS, KINDS, QUALIFIERS, STATUSES
from crosscheck.settings import Settings
from ingest.registry import parse_bytes
from tests.fixtures.claims import (
    A_DATE,
    B_DATE,
    CLAIM_BY_LABEL,
    CLAIMS,
    CONTRADICTS,
    CORROBORATES,
    DOCUMENTS,
    EXCHANGES,
    LIST_ROWS,
    PERSON_CONFLICT,
    make_claim_documents,
)

# How the fixture writes numbers in words; the check below needs the value in the surface in some form.
NUMBER_WORDS = {
    "сто п'ятдесят": 150,
    "сто пятьдесят": 150,
    "двоє": 2,
    "one hundred and seventy-five": 175,
}


@pytest.fixture(scope="module")
def fixture(tmp_path_factory):
    return make_claim_documents(tmp_path_factory.mktemp("claims") / "drop")


@pytest.fixture(scope="module")
def parsed_text(fixture) -> dict[str, str]:
    settings = Settings(min_text_layer_chars=1)
    out = {}
    for name, path in fixture.paths.items():
        parsed = parse_bytes(path.read_bytes(), name, settings)
        out[name] = _squash("\n".join(p.text for p in parsed.pages))
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_generator_is_deterministic(fixture, tmp_path):
    again = make_claim_documents(tmp_path / "again")
    assert set(again.paths) == set(fixture.paths)
    for name, path in fixture.paths.items():
        assert path.read_bytes() == again.paths[name].read_bytes(), name


def test_at_least_twelve_documents_in_three_languages_and_several_formats(fixture):
    assert len(fixture.documents) >= 12
    assert sorted(p.name for p in fixture.folder.iterdir()) == sorted(d.file_name for d in DOCUMENTS)
    assert {d.language for d in DOCUMENTS} == {"uk", "ru", "en"}
    assert {Path(d.file_name).suffix for d in DOCUMENTS} >= {".txt", ".md", ".html", ".pdf", ".docx"}
    assert {d.genre for d in DOCUMENTS} >= {"news", "wire", "statement", "list", "families"}
    assert {d.exchange for d in DOCUMENTS} >= {"A", "B"}


def test_every_annotated_claim_is_written_in_its_document(parsed_text):
    for claim in CLAIMS:
        text = parsed_text[claim.document]
        assert _squash(claim.surface).lower() in text.lower(), (claim.label, claim.surface)


def test_every_annotated_value_is_in_its_surface_in_some_form():
    for claim in CLAIMS:
        if claim.kind != "quantity":
            continue
        surface = claim.surface.lower()
        numbers = {int(n) for n in re.findall(r"\d+", surface)}
        numbers |= {v for words, v in NUMBER_WORDS.items() if words in surface}
        assert int(claim.value) in numbers, (claim.label, claim.surface)


def test_truth_uses_the_contract_vocabulary():
    assert len({c.label for c in CLAIMS}) == len(CLAIMS)
    for c in CLAIMS:
        assert c.kind in KINDS and c.qualifier in QUALIFIERS
        assert c.document in {d.file_name for d in DOCUMENTS}
        if c.kind == "quantity":
            assert c.category in CATEGORIES and c.direction in DIRECTIONS and c.value is not None
        else:
            assert c.status in STATUSES and c.subject and c.status_date
        if c.speaker:
            assert c.speaker_label in ("PERSON", "ORG")


def test_event_dates_are_the_two_exchanges():
    assert date.fromisoformat(A_DATE).weekday() == date.fromisoformat(B_DATE).weekday() == 2  # Wednesdays
    for c in CLAIMS:
        if c.kind == "quantity":
            assert c.event_date in EXCHANGES.values(), c.label
    docs = {d.file_name: d for d in DOCUMENTS}
    crossing = [c.label for c in CLAIMS if c.kind == "quantity" and docs[c.document].exchange != c.exchange]
    assert crossing == ["b-news-uk:176:people"]  # the B article's look back at A, on purpose


def test_relative_dates_resolve_against_the_document_date():
    docs = {d.file_name: d for d in DOCUMENTS}
    for c in CLAIMS:
        if c.kind != "quantity":
            continue
        text = docs[c.document].text.lower()
        published = date.fromisoformat(docs[c.document].published)
        event = date.fromisoformat(c.event_date)
        if "yesterday" in text:
            assert (published - event).days == 1, c.label
        if re.search(r"сьогодні|today", text) and c.label != "b-news-uk:176:people":
            assert published == event, c.label
        if re.search(r"в среду|on wednesday|у середу", text):
            assert event.weekday() == 2 and 0 <= (published - event).days < 7, c.label


def test_links_are_consistent_with_the_claims():
    for link in CORROBORATES + CONTRADICTS:
        a, b = CLAIM_BY_LABEL[link.a], CLAIM_BY_LABEL[link.b]
        assert a.document != b.document, link
        if link.reason != "status-conflict":
            assert a.exchange == b.exchange, link  # never A with B
    for link in CORROBORATES:
        a, b = CLAIM_BY_LABEL[link.a], CLAIM_BY_LABEL[link.b]
        if link.reason == "same-value":
            assert (a.value, a.category, a.event_key) == (b.value, b.category, b.event_key), link
        elif link.reason == "qualified":
            assert a.category == b.category and a.qualifier == "over" and b.value > a.value, link
    sums = {}
    for link in CORROBORATES:
        if link.reason == "sum-of-parts":
            sums.setdefault(link.a, []).append(CLAIM_BY_LABEL[link.b])
    assert sums, "a total equal to the sum of parts stated elsewhere"
    for total, parts in sums.items():
        assert CLAIM_BY_LABEL[total].value == sum(p.value for p in parts)
        assert CLAIM_BY_LABEL[total].category == "people" and {p.category for p in parts} == {"servicemen", "civilians"}
    different = [link for link in CONTRADICTS if link.reason == "different-value"]
    assert different
    for link in different:
        a, b = CLAIM_BY_LABEL[link.a], CLAIM_BY_LABEL[link.b]
        assert a.category == b.category and a.event_key == b.event_key and a.value != b.value


def test_look_alike_numbers_exist_on_both_exchanges():
    by = {(c.value, c.category, c.exchange) for c in CLAIMS if c.kind == "quantity"}
    assert (150.0, "servicemen", "A") in by and (150.0, "servicemen", "B") in by
    assert (176.0, "people", "A") in by and (175.0, "people", "B") in by


def test_the_person_conflict(parsed_text):
    released = CLAIM_BY_LABEL[PERSON_CONFLICT.released]
    held = CLAIM_BY_LABEL[PERSON_CONFLICT.held]
    assert released.subject == held.subject == PERSON_CONFLICT.subject == LIST_ROWS[0][0]
    assert released.subject_birth_date == held.subject_birth_date == PERSON_CONFLICT.birth_date
    assert (released.status, released.status_date) == ("released", A_DATE)
    assert held.status == "held" and held.status_date > A_DATE
    assert "14.09.1994" in parsed_text[held.document]
    listed = [c for c in CLAIMS if c.document == released.document]
    assert len(listed) == len(LIST_ROWS) and all(c.status == "released" for c in listed)
    for name, born, rank, unit in LIST_ROWS:
        assert f"{name}, {born}, {rank}, {unit}" in parsed_text[released.document]
