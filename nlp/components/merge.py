"""``cc_merge``: resolves overlapping candidates into ``doc.ents`` and ``doc._.cc_mentions``.

Precedence: unit rules > street addresses > organisation rules > gazetteer > statistical models > generic
rules; among equals the longer span wins. Two exceptions keep a statistical span over a gazetteer match inside it:
a PERSON containing a place whose name is also a personal name ("Володимир Петренко", Володимир being a
town) and an ORG whose other words name an institution ("Ministry of Defence of Ukraine", "Mariupol
City Council"). So en_core_web_sm's ORG "Mariupol" and "Azovstal" become places, but its "Ministry of
Defence of Ukraine" stays an organisation. Every PERSON span loses leading titles, ranks and kinship
words (:func:`_strip_title`); "Слава Україні" / "Glory to Ukraine" is no place.

After the overlaps are resolved, spans the rules found in parts are joined (:func:`_join_spans`: an
organisation and its place, abbreviations, a quoted name, a compass region), half-found names completed
(:mod:`nlp.components.name_completion`), and bare surnames and first names of full names marked
(:mod:`nlp.components.surname_echo`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.components.candidate import Candidate, doc_lang
from nlp.components.name_completion import complete_names
from nlp.components.name_rules import CYR_TITLE_WORD, NameWords, name_words
from nlp.components.organisations import institution_heads
from nlp.components.surname_echo import echo_given_names, echo_surnames
from nlp.normalize import MORPH_LANGS, parse_word

__all__ = ["make_merge"]

# Merge priority by source.
_PRIORITY = {"unit": 5.0, "address": 4.5, "org": 4.0, "gazetteer": 3.0, "rule": 2.5, "stat": 2.0, "generic": 1.0}
_BUMPED = 3.5  # a statistical span allowed to override a gazetteer span inside it

# "Слава Україні!", "Glory to Ukraine": a salute, not a mention of the country.
_SLOGAN = re.compile(r"(?:Слава|Glory\s+to)\s+$", re.IGNORECASE)
_LEADING_WORD = re.compile(r"([^\W\d_][\w'’.-]*)\s+")


def _strictly_contains(outer: Candidate, inner: Candidate) -> bool:
    return (
        outer.start <= inner.start and inner.end <= outer.end and (outer.end - outer.start) > (inner.end - inner.start)
    )


def _effective_priority(
    c: Candidate,
    gazetteer: list[Candidate],
    gaz_starts: list[int],
    text: str,
    persons: list[Candidate],
    heads: re.Pattern[str],
) -> float:
    base = _PRIORITY[c.source]
    if c.source == "generic" and c.label == "PERSON" and any(_strictly_contains(c, p) for p in persons):
        # en_core_web_sm often takes only the surname of a Slavic name ("Zaluzhnyi" of "Valerii
        # Zaluzhnyi"); a rule span that covers it and more is the better boundary.
        base = _PRIORITY["stat"] + 0.1
    if c.source not in ("stat", "rule", "generic") or c.label not in ("PERSON", "ORG"):
        return base
    lo = bisect_left(gaz_starts, c.start)
    hi = bisect_right(gaz_starts, c.end)
    for g in gazetteer[lo:hi]:
        if not _strictly_contains(c, g) or len(text[c.start : c.end].split()) <= len(text[g.start : g.end].split()):
            continue  # "Kharkiv's" (a PERSON by en_core_web_sm) does not outrank the place "Kharkiv"
        if c.label == "PERSON" and g.person_like:
            return _BUMPED
        outside = text[c.start : g.start] + " " + text[g.end : c.end]
        if heads.search(outside):
            return _BUMPED
    return base


def _strip_title(c: Candidate, text: str, words: NameWords) -> Candidate:
    """A PERSON span without the titles, ranks and kinship words before the name ("Президент Володимир
    Зеленський", "Soldier Ihor Lytvynenko", "Батько Павленка"): models trained on news often take them in."""
    start = c.start
    while True:
        m = _LEADING_WORD.match(text, start, c.end)
        if m is None:
            break
        word = m.group(1)
        low = word.lower()
        is_title = low in words.not_in_name or (low in ("the", "a", "an")) or word[:1].islower()
        if not is_title and words.title.match(low) and CYR_TITLE_WORD.match(word):
            is_title = not words.uk_roles(word) & {"Name", "Surn", "Patr"}  # "Сина" no, "Синєгубов" a surname
        if not is_title:
            break
        start = m.end()
    if start == c.start or start >= c.end:
        return c
    return Candidate(start, c.end, c.label, c.source, c.method, c.confidence, c.key, c.name, c.person_like)


def _resolve(candidates: list[Candidate], text: str, heads: re.Pattern[str]) -> list[Candidate]:
    """The non-overlapping candidates, in text order, the highest ranked first."""
    gazetteer = sorted((c for c in candidates if c.source == "gazetteer"), key=lambda c: c.start)
    gaz_starts = [g.start for g in gazetteer]
    persons = [c for c in candidates if c.source == "stat"]  # a generic name rule may cover any of them
    ranked = sorted(
        candidates,
        key=lambda c: (
            -_effective_priority(c, gazetteer, gaz_starts, text, persons, heads),
            -(c.end - c.start),
            c.start,
        ),
    )
    taken: list[Candidate] = []
    starts: list[int] = []  # sorted starts of taken spans, for an O(log n) overlap test
    for c in ranked:
        if c.end <= c.start:
            continue
        k = bisect_left(starts, c.start)
        if k > 0 and taken[k - 1].end > c.start:
            continue
        if k < len(starts) and starts[k] < c.end:
            continue
        starts.insert(k, c.start)
        taken.insert(k, c)
    return taken


# --- spans joined after the overlaps are resolved ------------------------------------------------------
# Each pass reads the non-overlapping candidates in text order; a joined span loses the key and name a rule
# gave its part, so that extraction derives them from the whole ("МОЗ Білорусі" is not the Ukrainian МОЗ).
Join = Callable[[Candidate, Candidate], Candidate | None]


def _join_pairs(taken: list[Candidate], join: Join, chain: bool = True) -> list[Candidate]:
    """``taken`` with each candidate joined to the one before it where ``join`` says so; with ``chain``, a
    joined span may take the next one too ("ОТВ" + "АМКУ" + …)."""
    out: list[Candidate] = []
    just_joined = False
    for c in taken:
        joined = join(out[-1], c) if out and (chain or not just_joined) else None
        if joined is None:
            out.append(c)
        else:
            out[-1] = joined
        just_joined = joined is not None
    return out


def _extend_left(
    taken: list[Candidate],
    text: str,
    before: re.Pattern[str],
    label: str,
    window: int,
    first_word: re.Pattern[str] | None = None,
) -> list[Candidate]:
    """``taken`` with each ``label`` candidate (whose first word ``first_word`` matches, if given) extended over
    the text right before it that ``before`` matches (``before`` ends with ``$``), when no other candidate is
    there."""
    out: list[Candidate] = []
    for c in taken:
        if c.label == label and (first_word is None or first_word.fullmatch(text[c.start : c.end].split()[0])):
            m = before.search(text, max(0, c.start - window), c.start)
            if m and (not out or out[-1].end <= m.start()):
                c = replace(c, start=m.start(), key="", name="")
        out.append(c)
    return out


_CAPS = re.compile(r"[А-ЯІЇЄҐЁ]{2,6}")
# A regional adjective right before an abbreviation: "Диканської РДА", "Тернопільського ОТВ АМКУ".
_REGIONAL_BEFORE = re.compile(r"(?<![\w'’-])[А-ЯІЇЄҐ][а-яіїєґ'’-]*(?:ськ|цьк|зьк)[а-яіїєґ]{1,3} $")
# "Західної України", "Східній Європі", "Южной Америки": a capitalised point of the compass names a region.
_COMPASS_BEFORE = re.compile(
    r"(?<![\w'’-])(?:Східн|Західн|Північн|Південн|Центральн|Восточн|Западн|Северн|Южн)[а-яіїєґ]{1,3}[ \t]+$"
)
_OPENING_QUOTE = re.compile(r"[ \t]*[«\"“„]")
_CLOSING_QUOTE = re.compile(r"[»\"”“]")


def _join_spans(taken: list[Candidate], text: str, lang: str) -> list[Candidate]:
    """Organisations and places whose parts the rules found apart:

    * an organisation and a place in the genitive after it: "МОЗ Білорусі", "Минздрава России", "Верховный
      суд Пакистана", "Верховної Ради Автономної Республіки Крим" (the place names whose body it is);
    * abbreviations that name one body together ("ГУ ДСНС", "ОТВ АМКУ"), and a regional adjective before them
      ("Диканської РДА");
    * an organisation named by its kind and then its quoted name ("Громадська організація «Центр протидії
      корупції»", "ДТГО «Південно-Західна залізниця»"; quotes kept, as for ТОВ «…»);
    * a capitalised point of the compass and the place after it: one region ("Західної України").
    """

    def with_place(prev: Candidate, c: Candidate) -> Candidate | None:
        if prev.label == "ORG" and c.label == "PLACE" and text[prev.end : c.start] == " ":
            return replace(prev, end=c.end, key="", name="") if _genitive(text[c.start : c.end], lang) else None
        return None

    def with_name(prev: Candidate, c: Candidate) -> Candidate | None:
        if prev.label != "ORG" or c.label != "ORG":
            return None
        gap = text[prev.end : c.start]
        first, last = text[c.start : c.end].split()[0], text[prev.start : prev.end].split()[-1]
        if lang in MORPH_LANGS and gap == " " and _CAPS.fullmatch(first) and _CAPS.fullmatch(last):
            return replace(prev, end=c.end, key="", name="")
        if c.method == "org-rule:quoted" and _OPENING_QUOTE.fullmatch(gap):
            close = _CLOSING_QUOTE.match(text, c.end)
            return replace(prev, end=close.end(), key="", name="") if close else None
        return None

    if lang in MORPH_LANGS:
        taken = _join_pairs(taken, with_place, chain=False)
    taken = _join_pairs(taken, with_name)
    if lang in MORPH_LANGS:
        taken = _extend_left(taken, text, _REGIONAL_BEFORE, "ORG", 40, first_word=_CAPS)
    return _extend_left(taken, text, _COMPASS_BEFORE, "PLACE", 16)


def _genitive(place: str, lang: str) -> bool:
    """The place is in the genitive: its last word ("Херсонської області"), or its first when the name ends
    in an indeclinable or nominative word ("Автономної Республіки Крим")."""
    words = place.split()
    if not words:
        return False
    last = {p.tag.case for p in parse_word(words[-1], lang)}
    if "gent" in last:
        return True
    # "Республики Крим" yes; "Ирландской Республикой" (instrumental) no.
    first = {p.tag.case for p in parse_word(words[0], lang)}
    return len(words) > 1 and last <= {"nomn", "accs", None} and "gent" in first


@Language.factory("cc_merge", default_config={"models_dir": str(DEFAULT_MODELS_DIR)})
def make_merge(nlp: Language, name: str, models_dir: str):
    words = name_words(models_dir)
    heads = institution_heads(models_dir)

    def component(doc: Doc) -> Doc:
        text = doc.text
        candidates: list[Candidate] = [
            _strip_title(c, text, words) if c.label == "PERSON" else c
            for c in doc._.cc_candidates or []
            if not (c.label == "PLACE" and _SLOGAN.search(text, max(0, c.start - 12), c.start))
        ]
        lang = doc_lang(doc)
        taken = _join_spans(_resolve(candidates, text, heads), text, lang)
        taken = echo_given_names(echo_surnames(complete_names(taken, text, lang), text, lang), text, lang)
        doc._.cc_mentions = taken
        spans = [doc.char_span(c.start, c.end, label=c.label, alignment_mode="expand") for c in taken]
        doc.ents = filter_spans([s for s in spans if s is not None])
        return doc

    return component
