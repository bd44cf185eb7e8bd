"""The NER gold set is well formed, and the scoring arithmetic of nlp.build.evaluate is right."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from crosscheck.records.facts import LABELS
from nlp.build.evaluate import (
    GOLD_LANGS,
    GoldSentence,
    Span,
    default_gold_dir,
    error_kinds,
    find_errors,
    format_table,
    load_gold,
    score,
)
from tests.paths import GOLD_DIR

MIN_SENTENCES = 70


# --- the gold set -----------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", GOLD_LANGS)
def test_gold_lines_are_well_formed(lang: str) -> None:
    path = GOLD_DIR / f"ner_{lang}.jsonl"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) >= MIN_SENTENCES
    ids = []
    for n, line in enumerate(lines, 1):
        obj = json.loads(line)
        assert set(obj) == {"id", "text", "split", "spans"}, obj
        assert obj["id"] == f"{lang}-{n:03d}", "ids are the language and the 1-based line number"
        assert isinstance(obj["text"], str) and obj["text"].strip() == obj["text"] and obj["text"]
        assert obj["split"] in ("dev", "heldout")
        ids.append(obj["id"])
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("lang", GOLD_LANGS)
def test_gold_spans_are_valid(lang: str) -> None:
    for s in load_gold(lang, GOLD_DIR):
        previous_end = 0
        for start, end, label in s.spans:  # sorted, inside the text, not overlapping
            assert label in LABELS, (s.id, label)
            assert 0 <= previous_end <= start < end <= len(s.text), (s.id, start, end)
            surface = s.text[start:end]
            assert surface == surface.strip(), (s.id, surface)
            assert surface[0] not in "«»\"'“”„(" and surface[-1] not in "«»\"'“”,;:!?)", (s.id, surface)
            assert surface[0].isalnum(), (s.id, surface)
            previous_end = end


@pytest.mark.parametrize("lang", GOLD_LANGS)
def test_gold_split_is_every_fifth_sentence(lang: str) -> None:
    sentences = load_gold(lang, GOLD_DIR)
    assert len(sentences) >= MIN_SENTENCES and len(sentences) % 5 == 0
    for n, s in enumerate(sentences, 1):
        assert s.split == ("heldout" if n % 5 == 0 else "dev"), s.id
    heldout = load_gold(lang, GOLD_DIR, "heldout")
    assert len(heldout) * 5 == len(sentences)
    assert len(load_gold(lang, GOLD_DIR, "dev")) + len(heldout) == len(sentences)


@pytest.mark.parametrize("lang", GOLD_LANGS)
def test_gold_covers_every_label_and_negatives(lang: str) -> None:
    sentences = load_gold(lang, GOLD_DIR)
    labels = Counter(label for s in sentences for _, _, label in s.spans)
    assert all(labels[label] >= 15 for label in LABELS), labels
    assert sum(1 for s in sentences if not s.spans) >= 5  # sentences with no entity at all
    for split in ("dev", "heldout"):
        assert {label for s in load_gold(lang, GOLD_DIR, split) for _, _, label in s.spans} == set(LABELS)


def test_bad_split_is_refused() -> None:
    with pytest.raises(ValueError):
        load_gold("uk", GOLD_DIR, "test")


# --- scoring ----------------------------------------------------------------------------------------
def test_exact_scores() -> None:
    gold: list[list[Span]] = [[(0, 5, "PERSON"), (10, 15, "PLACE")], [(0, 4, "UNIT")]]
    pred: list[list[Span]] = [[(0, 5, "PERSON"), (10, 14, "PLACE")], [(0, 4, "UNIT"), (6, 9, "ORG")]]
    s = score(gold, pred)
    assert (s["PERSON"].tp, s["PERSON"].fp, s["PERSON"].fn) == (1, 0, 0)
    assert s["PERSON"].f1 == 1.0
    assert (s["PLACE"].tp, s["PLACE"].fp, s["PLACE"].fn) == (0, 1, 1)
    assert s["PLACE"].precision == s["PLACE"].recall == s["PLACE"].f1 == 0.0
    assert s["PLACE"].partial_precision == s["PLACE"].partial_recall == s["PLACE"].partial_f1 == 1.0
    assert (s["ORG"].tp, s["ORG"].fp, s["ORG"].fn, s["ORG"].support) == (0, 1, 0, 0)
    assert s["ORG"].precision == 0.0 and s["ORG"].recall == 0.0
    # micro average: tp 2, fp 2, fn 1
    a = s["ALL"]
    assert (a.tp, a.fp, a.fn, a.support) == (2, 2, 1, 3)
    assert a.precision == pytest.approx(0.5)
    assert a.recall == pytest.approx(2 / 3)
    assert a.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_matching_is_per_sentence_and_label() -> None:
    # the same offsets in another sentence, or with another label, do not match
    s = score([[(0, 3, "PERSON")], []], [[], [(0, 3, "PERSON")]])
    assert (s["PERSON"].tp, s["PERSON"].fp, s["PERSON"].fn) == (0, 1, 1)
    s = score([[(0, 3, "PERSON")]], [[(0, 3, "ORG")]])
    assert (s["PERSON"].fn, s["ORG"].fp, s["ALL"].tp) == (1, 1, 0)
    assert s["PERSON"].partial_recall == 0.0  # partial overlap still needs the same label


def test_partial_overlap_counts_each_side() -> None:
    # one long gold span, two predicted pieces of it, one unrelated prediction
    s = score([[(0, 20, "UNIT")]], [[(0, 5, "UNIT"), (8, 20, "UNIT"), (30, 35, "UNIT")]])["UNIT"]
    assert (s.tp, s.fp, s.fn) == (0, 3, 1)
    assert s.partial_precision == pytest.approx(2 / 3)
    assert s.partial_recall == 1.0
    assert s.partial_f1 == pytest.approx(0.8)
    # touching spans (end == start) do not overlap
    t = score([[(0, 5, "PLACE")]], [[(5, 9, "PLACE")]])["PLACE"]
    assert t.partial_precision == t.partial_recall == 0.0


def test_duplicates_and_empty_input() -> None:
    s = score([[(0, 3, "PLACE"), (0, 3, "PLACE")]], [[(0, 3, "PLACE")]])["PLACE"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
    empty = score([[]], [[]])
    assert all(v.f1 == 1.0 and v.tp == v.fp == v.fn == 0 for v in empty.values())
    with pytest.raises(ValueError):
        score([[]], [])


def test_errors_are_classified() -> None:
    text = "Іван Петренко з Харкова, 36 ОБрМП, МКЧХ."
    sent = GoldSentence(
        "uk-001", text, "dev", ((0, 13, "PERSON"), (16, 23, "PLACE"), (25, 33, "UNIT"), (35, 39, "ORG"))
    )
    pred = {(0, 4, "PERSON"), (16, 23, "ORG"), (25, 33, "UNIT"), (14, 15, "PLACE")}
    errors = find_errors([sent], [pred])
    got = {(e.side, e.kind, e.surface) for e in errors}
    assert got == {
        ("FN", "boundary", "Іван Петренко"),
        ("FP", "boundary", "Іван"),
        ("FN", "label", "Харкова"),
        ("FP", "label", "Харкова"),
        ("FN", "missed", "МКЧХ"),
        ("FP", "spurious", "з"),
    }
    kinds = error_kinds(errors)
    assert kinds["FN label PLACE (pred ORG)"] == 1 and kinds["FP spurious PLACE"] == 1
    assert "Харкова" in next(e.describe() for e in errors if e.kind == "label")


def test_boundary_and_label_error() -> None:
    sent = GoldSentence("en-001", "the Kharkiv Regional Military Administration", "dev", ((4, 44, "ORG"),))
    (fn, fp) = find_errors([sent], [{(4, 11, "PLACE")}])
    assert (fn.side, fn.kind, fp.side, fp.kind) == ("FN", "boundary+label", "FP", "boundary+label")
    assert fp.other == (4, 44, "ORG")


def test_table_lists_every_label() -> None:
    table = format_table("uk dev", score([[(0, 3, "PERSON")]], [[(0, 3, "PERSON")]]))
    assert all(label in table for label in (*LABELS, "ALL"))


def test_load_gold_from_another_dir(tmp_path: Path) -> None:
    line = {"id": "uk-001", "text": "У Харкові.", "split": "dev", "spans": [[2, 9, "PLACE"]]}
    (tmp_path / "ner_uk.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n\n", encoding="utf-8")
    (s,) = load_gold("uk", tmp_path)
    assert s.spans == ((2, 9, "PLACE"),) and s.text[2:9] == "Харкові"


def test_default_gold_dir_from_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert (default_gold_dir() / "ner_uk.jsonl").is_file()
    monkeypatch.chdir(tmp_path)  # outside the repository: the repository's tests/gold
    assert default_gold_dir().resolve() == GOLD_DIR
