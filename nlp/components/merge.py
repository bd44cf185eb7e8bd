"""``cc_merge``: resolves overlapping candidates into ``doc.ents`` and ``doc._.cc_mentions``.

Precedence: unit rules > street addresses > organisation rules > gazetteer > statistical models > generic rules; among
equals the longer span wins. Two exceptions keep a statistical span over a gazetteer match inside it:
a PERSON containing a place whose name is also a personal name ("Володимир Петренко", Володимир being a
town) and an ORG whose other words name an institution ("Ministry of Defence of Ukraine", "Mariupol
City Council"). So en_core_web_sm's ORG "Mariupol" and "Azovstal" become places, but its "Ministry of
Defence of Ukraine" stays an organisation. Every PERSON span loses leading titles, ranks and kinship
words (:func:`_strip_title`); "Слава Україні" / "Glory to Ukraine" is no place.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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


def _absorb_places(taken: list[Candidate], text: str, lang: str) -> list[Candidate]:
    """An organisation followed by a place in the genitive is one organisation: "МОЗ Білорусі", "Минздрава
    России", "Верховный суд Пакистана" (the place names whose body it is; its key is then its own, not the
    Ukrainian ministry's)."""
    if lang not in MORPH_LANGS:
        return taken
    out: list[Candidate] = []
    i = 0
    while i < len(taken):
        c = taken[i]
        nxt = taken[i + 1] if i + 1 < len(taken) else None
        if (
            c.label == "ORG"
            and nxt is not None
            and nxt.label == "PLACE"
            and text[c.end : nxt.start] == " "
            and _genitive(text[nxt.start : nxt.end], lang)
        ):
            out.append(replace(c, end=nxt.end, key="", name=""))
            i += 2
            continue
        out.append(c)
        i += 1
    return out


_CAPS = re.compile(r"[А-ЯІЇЄҐЁ]{2,6}")
# A regional adjective right before an abbreviation: "Диканської РДА", "Тернопільського ОТВ АМКУ".
_REGIONAL_BEFORE = re.compile(r"(?<![\w'’-])[А-ЯІЇЄҐ][а-яіїєґ'’-]*(?:ськ|цьк|зьк)[а-яіїєґ]{1,3} $")


def _join_abbreviations(taken: list[Candidate], text: str, lang: str) -> list[Candidate]:
    """Abbreviations that name one body together are one organisation ("ГУ ДСНС", "ОТВ АМКУ"), and so is a
    regional adjective before them ("Диканської РДА"): the span and key are then the whole name's."""
    if lang not in MORPH_LANGS:
        return taken
    out: list[Candidate] = []
    for c in taken:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == "ORG"
            and c.label == "ORG"
            and text[prev.end : c.start] == " "
            and _CAPS.fullmatch(text[c.start : c.end].split()[0])
            and _CAPS.fullmatch(text[prev.start : prev.end].split()[-1])
        ):
            out[-1] = replace(prev, end=c.end, key="", name="")
            continue
        if c.label == "ORG" and _CAPS.fullmatch(text[c.start : c.end].split()[0]):
            m = _REGIONAL_BEFORE.search(text, max(0, c.start - 40), c.start)
            if m and (prev is None or prev.end <= m.start()):
                c = replace(c, start=m.start(), key="", name="")
        out.append(c)
    return out


# "Західної України", "Східній Європі", "Южной Америки": a capitalised point of the compass names a region.
_COMPASS_BEFORE = re.compile(
    r"(?<![\w'’-])(?:Східн|Західн|Північн|Південн|Центральн|Восточн|Западн|Северн|Южн)[а-яіїєґ]{1,3}[ \t]+$"
)


def _compass_regions(taken: list[Candidate], text: str) -> list[Candidate]:
    """A place after a capitalised point of the compass is that region: one place, its own key."""
    out: list[Candidate] = []
    for c in taken:
        m = _COMPASS_BEFORE.search(text, max(0, c.start - 16), c.start) if c.label == "PLACE" else None
        if m and (not out or out[-1].end <= m.start()):
            c = replace(c, start=m.start(), key="", name="")
        out.append(c)
    return out


_OPENING_QUOTE = re.compile(r"[ \t]*[«\"“„]")
_CLOSING_QUOTE = re.compile(r"[»\"”“]")


def _join_quoted_names(taken: list[Candidate], text: str) -> list[Candidate]:
    """An organisation named by its kind and then its quoted name is one organisation: "Громадська організація
    «Центр протидії корупції»", "ДТГО «Південно-Західна залізниця»" (quotes kept, as for ТОВ «…»)."""
    out: list[Candidate] = []
    for c in taken:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == "ORG"
            and c.label == "ORG"
            and c.method == "org-rule:quoted"
            and _OPENING_QUOTE.fullmatch(text[prev.end : c.start])
            and (close := _CLOSING_QUOTE.match(text, c.end))
        ):
            out[-1] = replace(prev, end=close.end(), key="", name="")
            continue
        out.append(c)
    return out


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
        taken = _join_abbreviations(_absorb_places(_resolve(candidates, text, heads), text, lang), text, lang)
        taken = _join_quoted_names(taken, text)
        taken = echo_surnames(complete_names(_compass_regions(taken, text), text, lang), text, lang)
        taken = echo_given_names(taken, text, lang)
        doc._.cc_mentions = taken
        spans = [doc.char_span(c.start, c.end, label=c.label, alignment_mode="expand") for c in taken]
        doc.ents = filter_spans([s for s in spans if s is not None])
        return doc

    return component
