"""Who is who across documents: the identity parts of a Person key, in-document resolution of bare
surnames, and the scored POSSIBLY_SAME_AS candidates that are shown to investigators instead of merged.

Strong evidence merges, because it produces the same ``Person.key`` (see :func:`nlp.normalize.person_key`):
the same folded name tokens (any script, case, word order, patronymic or not), plus the birth date for
a listed person. Within one document a bare surname ("Залужний", "Zaluzhnyi said") or surname plus
initial ("В. Залужний") takes the key of the one full name in that document with that surname (and
initial); the mention keeps the key it would have had as ``resolved_from``.

Weaker evidence never merges: it becomes a scored link (:func:`links_between`). Every rule compares
only properties stored on the two Person nodes (:class:`Identity`), so a link is a function of the two
nodes alone: recomputing it for any node is deterministic, and a link goes when a node goes.

Scores (0–1) and reasons:

==================================================================  =====
reason                                                              score
==================================================================  =====
same name and birth year; one source gives only the year            0.9
same surname, first initial and birth date                          0.85
same name; one source gives no birth date                           0.8
same surname and first initial                                      0.6
same surname; one source gives only the surname                     0.4
same first name, surnames one letter apart (OCR/translit slip)      0.5
same name; birth dates differ in one digit (misread?)               0.2
==================================================================  =====

Namesakes with different birth dates are never merged and get at most ``NAMESAKE_MAX_SCORE`` (0.2),
and only when the two dates differ in a single digit (a plausible misreading); otherwise no link.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from crosscheck.records.facts import Mention
from nlp.normalize import FIRST_NAME_FOLDS, fold_token, person_key, split_initials
from nlp.translit import guess_cyrillic_language, has_cyrillic

__all__ = [
    "NAMESAKE_MAX_SCORE",
    "SURNAME_ONLY_SCORE",
    "Identity",
    "Link",
    "identity_of",
    "links_between",
    "resolve_in_document",
    "surname_probes",
]

NAMESAKE_MAX_SCORE = 0.2
# A one-letter slip is only evidence on a long surname: short folded skeletons ("krl", "mlnk") are one
# letter away from many unrelated surnames.
MIN_SLIP_SURNAME = 5
# Every character a folded key can contain (nlp.translit.fold_name): edit-distance probes use it.
_FOLD_ALPHABET = "abdfHklmnprsStvTC"

R_YEAR_ONLY = "same name and birth year; one source gives only the year"
R_INITIAL_DATE = "same surname, first initial and birth date"
R_NO_DATE = "same name; one source gives no birth date"
R_INITIAL = "same surname and first initial"
R_SURNAME_ONLY = "same surname; one source gives only the surname"
SURNAME_ONLY_SCORE = 0.4
R_SLIP = "same first name, surnames one letter apart after folding (OCR or transliteration slip?)"
R_SLIP_DATE = "same first name and birth date, surnames one letter apart after folding (OCR or transliteration slip?)"
R_DATE_DIGIT = "same name; birth dates differ in one digit (misread?)"


@dataclass(frozen=True)
class Identity:
    """What identity rules know of a Person node; all of it is stored on the node (schema v3)."""

    key: str
    name_fold: str  # the key without the birth date: folded name tokens, sorted
    surname_key: str | None  # folded surname token(s); None for a first name alone
    given_key: str | None  # folded first name, or a one-letter folded initial; None for a surname alone
    birth_date: str | None

    @property
    def has_initial_only(self) -> bool:
        return self.given_key is not None and len(self.given_key) == 1

    @property
    def has_full_name(self) -> bool:
        return self.surname_key is not None and self.given_key is not None and len(self.given_key) > 1


def _word_folds(name: str) -> list[str]:
    lang = guess_cyrillic_language(name) if has_cyrillic(name) else "en"
    words = [w.strip(".,;:()\"'«»") for w in split_initials(name).split()]
    return [f for f in (fold_token(w, lang) for w in words if w) if f]


def identity_of(key: str, name: str, birth_date: str | None = None) -> Identity:
    """Split a Person key into surname and given name, using the display name for word order.

    The key's tokens are sorted, so the given name is found as the token that folds like a known first
    name, else a one-letter initial, else by position in ``name``: the second word of a three-word name
    (list order "Surname Given Patronymic"), otherwise the first word (news order "Given Surname").
    """
    name_fold, _, key_date = key.partition("|")
    name_fold = name_fold.partition("@")[0]  # a lone first name keyed to its document (resolve_in_document)
    tokens = name_fold.split()
    birth_date = birth_date or key_date or None
    given: str | None = None
    known = [t for t in tokens if t in FIRST_NAME_FOLDS and len(t) > 1]
    folds = _word_folds(name)
    # An initial is a one-letter word of the name ("В. Залужний"), not a short surname whose fold is one
    # letter ("Мей" -> "m", "Биби" -> "b").
    one_letter = [w for w in split_initials(name).split() if len(w.strip(".,;:()\"'«»")) == 1]
    written_initials = {f for w in one_letter for f in _word_folds(w)[:1]}
    initials = [t for t in tokens if len(t) == 1 and (t in written_initials or not name.strip())]
    if len(known) == 1 and len(tokens) > 1:
        given = known[0]
    elif initials and len(tokens) > len(initials):
        given = next(f for f in folds if f in initials) if any(f in initials for f in folds) else initials[0]
    elif len(tokens) > 1:
        ordered = [f for f in folds if f in tokens]
        if ordered:
            given = ordered[1] if len(folds) >= 3 and len(ordered) >= 2 else ordered[0]
    elif len(tokens) == 1 and known:
        given = known[0]  # a first name alone: no surname to compare on
    rest = list(tokens)
    if given is not None:
        rest.remove(given)
    # Further initials (a patronymic initial: "Гайдук С. І.") say nothing about the surname.
    surname = " ".join(t for t in rest if t not in initials) or None
    return Identity(key, name_fold, surname, given, birth_date)


# --- in-document resolution ------------------------------------------------------------------------
def resolve_in_document(mentions: list[Mention], scope: str | None = None) -> list[Mention]:
    """Give a bare surname (or surname + initial) mention the key of the one full name in the same
    document that it can only mean (``resolved_from`` keeps the key it had); returns the document's
    mentions, resolved ones replaced.

    Only unique candidates resolve: two full names with that surname (brothers, or namesakes on a list
    with different birth dates) leave the short mention as its own node.

    ``scope`` (the document's id, when known): a first name alone that no full name explains ("Тарас") is
    keyed to it (``trs@<scope>``, ``resolved_from`` keeps ``trs``), so two documents' Тарас are not one
    person on a first name's evidence.
    """
    full: dict[str, dict[str, str]] = defaultdict(dict)  # surname_key -> {key: name}
    by_given: dict[str, dict[str, str]] = defaultdict(dict)  # given_key -> {key: name}
    for m in mentions:
        if m.label != "PERSON":
            continue
        ident = identity_of(m.key, m.name)
        if ident.has_full_name and ident.surname_key:
            full[ident.surname_key][m.key] = m.name
            if ident.given_key and len(ident.given_key) > 1:
                by_given[ident.given_key][m.key] = m.name
    resolved: list[Mention] = []
    for m in mentions:
        if m.label == "PERSON":
            m = _resolved(m, full, by_given)
            if scope is not None:
                m = _scoped(m, scope)
        resolved.append(m)
    return resolved


def _resolved(m: Mention, full: dict[str, dict[str, str]], by_given: dict[str, dict[str, str]]) -> Mention:
    ident = identity_of(m.key, m.name)
    if ident.has_full_name:
        return m
    if ident.surname_key is None:
        # A first name alone ("Олена") is the one full name of the document with that first name.
        return _by_given(m, by_given.get(ident.given_key or "", {}))
    candidates = full.get(ident.surname_key, {})
    if not candidates and " " not in m.name.strip() and not ident.has_initial_only:
        # One word no full name has as its surname may be a first name our lists lack ("Асия" of Асия Биби).
        return _by_given(m, by_given.get(ident.surname_key, {}))
    if ident.has_initial_only:
        candidates = {k: n for k, n in candidates.items() if (identity_of(k, n).given_key or "")[:1] == ident.given_key}
    if len(candidates) != 1:
        return m
    ((key, name),) = candidates.items()
    return replace(m, key=key, name=name, resolved_from=m.key)


def _scoped(m: Mention, scope: str) -> Mention:
    ident = identity_of(m.key, m.name)
    if "@" in m.key or ident.surname_key is not None or not ident.given_key or ident.birth_date is not None:
        return m
    return replace(m, key=f"{m.key}@{scope}", resolved_from=m.resolved_from or m.key)


def _by_given(m: Mention, candidates: dict[str, str]) -> Mention:
    if len(candidates) != 1:
        return m
    ((key, name),) = candidates.items()
    return replace(m, key=key, name=name, resolved_from=m.key)


# --- other languages ---------------------------------------------------------------------------
# Case endings of names in Latin-script Slavic languages (Polish, Czech, Slovak...): "Tarasa
# Kowalczuka", "Tarasowi Kowalczukowi", "z Olgą Bondar". Longest first. German and the Romance
# languages do not inflect names.
_LATIN_CASE_ENDINGS = ("owi", "ewi", "iem", "em", "ego", "emu", "ie", "ej", "ą", "ę", "a", "u", "y", "i", "e")
_FEMININE_ENDINGS = ("ą", "ej", "ę", "y")  # Olgą, Bondarenkowej, Olgę, Olgy -> Olga


def inflection_variants(surface: str) -> list[str]:
    """Person keys ``surface`` may stand for in the nominative, when it is a Latin-script full name
    in an inflecting language: the keys of every word with one case ending removed (or made "-a").

    Used to adopt a person the graph already knows; never to create one.
    """
    words = surface.split()
    if not 2 <= len(words) <= 3 or not all(w.isalpha() and w[0].isupper() for w in words):
        return []
    options: list[list[str]] = []
    for word in words:
        forms = {word}
        lower = word.lower()
        for ending in _LATIN_CASE_ENDINGS:
            stem = word[: -len(ending)]
            if lower.endswith(ending) and len(stem) >= 3:
                forms.add(stem)
                if ending in _FEMININE_ENDINGS:
                    forms.add(stem + "a")
        options.append(sorted(forms))
    own = person_key(surface, "en")
    keys = {person_key(" ".join(combo), "en") for combo in itertools.product(*options)}
    return sorted(k for k in keys - {own} if k)


# --- scored candidates -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Link:
    """``(:Person {key: a})-[:POSSIBLY_SAME_AS {score, reason}]->(:Person {key: b})``, ``a < b``."""

    a: str
    b: str
    score: float
    reason: str


def _one_edit(a: str, b: str) -> bool:
    """Levenshtein distance exactly 1."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _dates(x: str | None, y: str | None) -> str:
    """How two birth dates relate: none | missing | same | year | digit | conflict."""
    if x is None and y is None:
        return "none"
    if x is None or y is None:
        return "missing"
    if x == y:
        return "same"
    if x.startswith(y) or y.startswith(x):
        return "year"  # "1987" and "1987-11-04"
    if len(x) == len(y) and sum(c != d for c, d in zip(x, y, strict=True)) == 1:
        return "digit"
    return "conflict"


def _evidence(x: Identity, y: Identity) -> tuple[float, str] | None:
    if x.key == y.key or x.surname_key is None or y.surname_key is None:
        return None
    dates = _dates(x.birth_date, y.birth_date)
    if x.name_fold == y.name_fold and x.has_full_name:
        return {
            "year": (0.9, R_YEAR_ONLY),
            "missing": (0.8, R_NO_DATE),
            "digit": (NAMESAKE_MAX_SCORE, R_DATE_DIGIT),
        }.get(dates)
    if dates in ("conflict", "digit", "year"):
        return None  # a weaker name match with disagreeing dates is no evidence at all
    if x.surname_key == y.surname_key and x.has_initial_only != y.has_initial_only:
        full, short = (y, x) if x.has_initial_only else (x, y)
        if full.has_full_name and (full.given_key or "")[:1] == short.given_key:
            return (0.85, R_INITIAL_DATE) if dates == "same" else (0.6, R_INITIAL)
        return None
    if x.surname_key == y.surname_key and (x.given_key is None) != (y.given_key is None):
        # "Мей" in one source, "Тереза Мей" in another: perhaps the same person, never merged (namesakes).
        full = y if x.given_key is None else x
        return (SURNAME_ONLY_SCORE, R_SURNAME_ONLY) if full.has_full_name else None
    if (
        x.has_full_name
        and y.has_full_name
        and x.given_key == y.given_key
        and min(len(x.surname_key), len(y.surname_key)) >= MIN_SLIP_SURNAME
        and _one_edit(x.surname_key, y.surname_key)
        # Стефанишин / Стефанишина: the masculine and feminine surname are two people, not a slip.
        and x.surname_key.rstrip("a") != y.surname_key.rstrip("a")
    ):
        return (0.75, R_SLIP_DATE) if dates == "same" else (0.5, R_SLIP)
    return None


def links_between(people: Iterable[Identity], candidates: Iterable[Identity]) -> list[Link]:
    """Every POSSIBLY_SAME_AS link between one of ``people`` and any of ``candidates`` (which may
    include ``people``), sorted; direction lower key → higher key, one link per pair."""
    pool = {c.key: c for c in candidates}
    found: dict[tuple[str, str], Link] = {}
    for p in people:
        pool.setdefault(p.key, p)
        for c in pool.values():
            evidence = _evidence(p, c)
            if evidence is None:
                continue
            a, b = sorted((p.key, c.key))
            found[(a, b)] = Link(a, b, *evidence)
    return [found[k] for k in sorted(found)]


def surname_probes(surname_key: str | None) -> set[str]:
    """The surname keys a candidate may have: this one and (for a long surname) every key one edit
    away, so the graph can look candidates up by an indexed ``Person.surname_key IN $probes``."""
    if not surname_key:
        return set()
    probes = {surname_key}
    if len(surname_key) < MIN_SLIP_SURNAME:
        return probes
    s = surname_key
    for i in range(len(s) + 1):
        for ch in _FOLD_ALPHABET:
            probes.add(s[:i] + ch + s[i:])
            if i < len(s):
                probes.add(s[:i] + ch + s[i + 1 :])
        if i < len(s):
            probes.add(s[:i] + s[i + 1 :])
    return {p for p in probes if len(p) >= MIN_SLIP_SURNAME or p == surname_key}
