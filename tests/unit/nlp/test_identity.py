"""Identity rules without a graph: identity parts of a key, in-document resolution, scored links.

All people are invented.
"""

from __future__ import annotations

import pytest

from crosscheck.records.facts import Mention
from nlp.identity import (
    NAMESAKE_MAX_SCORE,
    R_DATE_DIGIT,
    R_INITIAL,
    R_INITIAL_DATE,
    R_NO_DATE,
    R_SLIP,
    R_SURNAME_ONLY,
    R_YEAR_ONLY,
    SURNAME_ONLY_SCORE,
    identity_of,
    links_between,
    resolve_in_document,
    surname_probes,
)
from nlp.lists import listed_person_key
from nlp.normalize import normalize_person, person_key


def _ident(name: str, lang: str, born: str | None = None):
    nominative = normalize_person(name, lang)
    key = listed_person_key(nominative, born, lang) if born else person_key(nominative, lang)
    return identity_of(key, nominative)


IDENTITY_PARTS = [
    # (name, lang, surname fold, given fold)
    ("Остап Дзюбенко", "uk", "dsbnk", "astp"),
    ("Дзюбенко Остап Миколайович", "uk", "dsbnk", "astp"),  # list order, patronymic dropped
    ("Ostap Dziubenko", "en", "dsbnk", "astp"),
    ("О. Дзюбенко", "uk", "dsbnk", "a"),  # an initial
    ("Дзюбенко О. М.", "uk", "dsbnk", "a"),  # initials of first name and patronymic
    ("Dziubenko", "en", "dsbnk", None),  # a surname alone
    ("Ірина Ящишина", "uk", "aSna", "arna"),
    ("Тереза Мей", "uk", "m", "trsa"),  # a surname that folds to one letter is no initial
    ("Мей", "uk", "m", None),
    ("Т.Мей", "uk", "m", "t"),  # an initial run into the surname
]


@pytest.mark.parametrize(("name", "lang", "surname", "given"), IDENTITY_PARTS)
def test_identity_parts(name: str, lang: str, surname: str, given: str | None) -> None:
    ident = _ident(name, lang)
    assert (ident.surname_key, ident.given_key) == (surname, given)


def test_listed_identity_keeps_birth_date() -> None:
    ident = _ident("Кущенко Павло Андрійович", "uk", "1985-06-02")
    assert ident.birth_date == "1985-06-02" and ident.name_fold == "kSnk pvl" and ident.key.endswith("|1985-06-02")


def _mention(surface: str, lang: str, born: str | None = None) -> Mention:
    name = normalize_person(surface, lang)
    key = listed_person_key(name, born, lang) if born else person_key(name, lang)
    return Mention("PERSON", 0, len(surface), surface, surface, key, name, 1.0, "test", page=1, language=lang)


def _resolved(mentions: list[Mention]) -> tuple[list[Mention], int]:
    resolved = resolve_in_document(mentions)
    return resolved, sum(1 for m in resolved if m.resolved_from is not None)


def test_bare_surname_takes_the_one_full_name_of_its_document() -> None:
    mentions = [_mention("Ostap Dziubenko", "en"), _mention("Dziubenko", "en"), _mention("Oleksiy Lozynsky", "en")]
    mentions, n = _resolved(mentions)
    assert n == 1
    assert mentions[1].key == mentions[0].key == "astp dsbnk"
    assert mentions[1].resolved_from == "dsbnk" and mentions[1].name == "Ostap Dziubenko"


def test_initial_resolves_only_when_it_agrees() -> None:
    mentions = [_mention("Остап Дзюбенко", "uk"), _mention("О. Дзюбенко", "uk"), _mention("П. Дзюбенко", "uk")]
    mentions, n = _resolved(mentions)
    assert n == 1
    assert [m.key for m in mentions] == ["astp dsbnk", "astp dsbnk", "dsbnk p"]


def test_ambiguous_surname_stays_its_own_node() -> None:
    # Two namesakes on one list: "Кущенко" alone could be either.
    mentions = [
        _mention("Кущенко Павло Андрійович", "uk", "1985-06-02"),
        _mention("Кущенко Павло Андрійович", "uk", "1992-10-19"),
        _mention("Кущенко", "uk"),
    ]
    mentions, n = _resolved(mentions)
    assert n == 0
    assert mentions[2].key == "kSnk"


LINKS = [
    # (a, b, expected (score, reason) or None)
    (("Остап Дзюбенко", "uk", None), ("Дзюбенко Остап Миколайович", "uk", "1991-03-12"), (0.8, R_NO_DATE)),
    (("Дзюбенко Остап", "uk", "1991"), ("Дзюбенко Остап", "uk", "1991-03-12"), (0.9, R_YEAR_ONLY)),
    (("О. Дзюбенко", "uk", None), ("Ostap Dziubenko", "en", None), (0.6, R_INITIAL)),
    (("Дзюбенко О.", "uk", "1991-03-12"), ("Дзюбенко Остап", "uk", "1991-03-12"), (0.85, R_INITIAL_DATE)),
    (("Юрій Вондарук", "uk", None), ("Бондарук Юрій Петрович", "uk", "1980-01-15"), (0.5, R_SLIP)),
    # namesakes: different dates never link, a one-digit difference at most NAMESAKE_MAX_SCORE
    (("Кущенко Павло", "uk", "1985-06-02"), ("Кущенко Павло", "uk", "1992-10-19"), None),
    (("Кущенко Павло", "uk", "1985-06-02"), ("Кущенко Павло", "uk", "1985-06-03"), (NAMESAKE_MAX_SCORE, R_DATE_DIGIT)),
    # not evidence: different first names, masculine/feminine surname, short surname slips, dates against
    (("Олег Кущенко", "uk", None), ("Павло Кущенко", "uk", None), None),
    (("Ольга Стефанишина", "uk", None), ("Ольга Стефанишин", "uk", None), None),
    (("Іван Бойко", "uk", None), ("Іван Войко", "uk", None), None),
    (("Юрій Вондарук", "uk", "1970-01-01"), ("Бондарук Юрій", "uk", "1980-01-15"), None),
    (("О. Дзюбенко", "uk", "1970-01-01"), ("Дзюбенко Остап", "uk", "1991-03-12"), None),
    (("О. Дзюбенко", "uk", None), ("Петро Дзюбенко", "uk", None), None),
    # a surname alone may be anyone of that surname: a weak link to each full name, never a merge
    (("Дзюбенко", "uk", None), ("Остап Дзюбенко", "uk", None), (SURNAME_ONLY_SCORE, R_SURNAME_ONLY)),
    (("Дзюбенко", "uk", None), ("Дзюбенко", "en", "1991-03-12"), None),
]


@pytest.mark.parametrize(("a", "b", "expected"), LINKS, ids=lambda v: str(v[0]) if isinstance(v, tuple) else None)
def test_possibly_same_as_scores(a: tuple, b: tuple, expected: tuple[float, str] | None) -> None:
    x, y = _ident(*a), _ident(*b)
    assert x.key != y.key
    links = links_between([x], [x, y])
    assert [(link.score, link.reason) for link in links] == ([expected] if expected else [])
    for link in links:
        assert link.a < link.b  # deterministic direction
    assert links == links_between([y], [x])  # symmetric: whichever side is written second


def test_namesake_cap_is_low() -> None:
    assert NAMESAKE_MAX_SCORE <= 0.2


def test_surname_probes_cover_one_edit_of_long_surnames_only() -> None:
    probes = surname_probes("bndrk")
    assert {"bndrk", "vndrk", "bndrka", "bnSrk"} <= probes
    assert "bndr" not in probes  # a 4-letter skeleton is too short to be evidence
    assert surname_probes("kvl") == {"kvl"}
    assert surname_probes(None) == set()


def test_regression_a_short_surname_read_as_an_initial_kept_bare_surnames_apart() -> None:
    """Issue 10: "Мей" folds to "m", which identity took for an initial, so a bare "Мей" never met "Тереза Мей"
    in its own document."""
    mentions, n = _resolved([_mention("Тереза Мей", "uk"), _mention("Мей", "uk")])
    assert n == 1 and mentions[1].key == mentions[0].key


def test_a_first_name_our_lists_lack_resolves_to_the_one_full_name_with_it() -> None:
    def person(name: str, key: str, start: int) -> Mention:
        return Mention("PERSON", start, start + len(name), name, name, key, name, 0.9, "test")

    full, lone = person("Асия Биби", "asa b", 0), person("Асия", "asa", 20)
    resolved = resolve_in_document([full, lone])
    assert resolved[1].key == "asa b" and resolved[1].resolved_from == "asa"
    # Two full names with that first name: no guess.
    other = person("Асия Хан", "asa Hn", 40)
    assert resolve_in_document([full, other, lone])[2].key == "asa"


def test_a_lone_first_name_is_keyed_to_its_document_and_compared_with_no_one() -> None:
    lone = Mention("PERSON", 0, 5, "Тарас", "Тарас", "trs", "Тарас", 0.8, "test")
    full = Mention("PERSON", 10, 27, "Тарас Вигаданчук", "Тарас Вигаданчук", "trs vHdnCk", "Тарас Вигаданчук", 0.8, "t")
    other = Mention("PERSON", 30, 35, "Ганна", "Ганна", "ana", "Ганна", 0.8, "test")
    resolved = resolve_in_document([lone, full, other], scope="0123456789ab")
    assert resolved[0].key == "trs vHdnCk"  # explained by the full name: resolved, not scoped
    assert resolved[1].key == "trs vHdnCk"  # a full name keeps its key
    assert resolved[2].key == "ana@0123456789ab" and resolved[2].resolved_from == "ana"
    assert resolve_in_document([other])[0].key == "ana"  # no scope (crosscheck extract): the bare key
    ident = identity_of(resolved[2].key, "Ганна")
    assert (ident.name_fold, ident.surname_key, ident.given_key) == ("ana", None, "ana")
