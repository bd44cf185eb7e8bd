"""``cc_uk_persons``: Ukrainian person names by rule, from the morphology of capitalised words.

A run of 2–4 capitalised words (or initials, or words in capitals) separated by single spaces is a
name if it has a first name and a surname-like word, or a first name and a patronymic; one word alone
needs more (:func:`_lone_name_ok`). Word roles come from pymorphy3 and the first-name list
(:meth:`NameWords.uk_roles`).
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.components.candidate import CONF_UK_PERSON, Candidate, add_candidates
from nlp.components.name_rules import CYR_CAPS_WORD, CYR_INITIAL, CYR_TITLE_WORD, NAME_ROLES, NameWords, name_words
from nlp.gazetteer import Gazetteer, form_key, load_gazetteer

__all__ = ["make_uk_persons"]

_HYPHEN_TAIL = re.compile(r"-[А-ЯІЇЄҐ][а-яіїєґ'’]+")
_SENTENCE_END_BEFORE = (".", "!", "?", "…", "—", "–", '"', "«")


def _person_run_ok(roles: list[frozenset[str]]) -> bool:
    """A run of 2–4 capitalised words is a person if it has a first name (or an initial) and a surname-ish
    word, or a first name + patronymic."""
    has_name = any("Name" in r or "initial" in r for r in roles)
    has_patr = any("Patr" in r for r in roles)
    surnames = sum(1 for r in roles if r & {"Surn", "surnlike"} and "Name" not in r)
    if has_name and (surnames or has_patr):
        return True
    # Two surname-like words with no first name ("ПЕТРЕНКО Іван" handled above): only if neither is common.
    return surnames >= 2 and len(roles) == 2 and not any("common" in r for r in roles)


def _lone_name_ok(tokens: list[Token], i: int, roles: frozenset[str], words: NameWords) -> bool:
    """One capitalised word as a person: a surname (Лубінець, Шевчука, Кравченко) or, inside a sentence,
    a first name (Анастасії, пані Ганна). A surname that is also a common word (Мороз: frost) needs a
    title before it or a verb of speech after it; so does any name at the start of a sentence that is
    a common word."""
    if tokens[i].text.lower() in words.never_names:
        return False
    prev = tokens[i - 1].text if i > 0 else ""
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    titled = bool(prev) and bool(words.title.match(prev.lower()))
    speech = bool(words.uk_speech_verb.match(nxt)) or (bool(prev) and bool(words.uk_speech_verb.match(prev)))
    sentence_start = i == 0 or tokens[i].is_sent_start or prev in _SENTENCE_END_BEFORE
    if "common" in roles:
        return bool(roles & {"Surn", "Name"}) and (titled or speech)
    if roles & {"Surn", "surnlike"} and "Name" not in roles:
        return "Surn" in roles or titled or speech
    if "Name" in roles:
        return titled or speech or not sentence_start
    return False


def _run_at(tokens: list[Token], i: int) -> list[int]:
    """Indices of up to 4 name-shaped tokens from ``i``: words of one name are separated by a single space."""
    run: list[int] = []
    j = i
    while j < len(tokens):
        if run and (tokens[j - 1].whitespace_ == "" or "\n" in tokens[j - 1].whitespace_):
            break
        text = tokens[j].text
        if not (CYR_TITLE_WORD.match(text) or CYR_INITIAL.match(text) or CYR_CAPS_WORD.match(text)):
            break
        run.append(j)
        j += 1
        if len(run) == 4:
            break
    return run


def _roles_of(text: str, words: NameWords) -> frozenset[str]:
    if CYR_INITIAL.match(text):
        return frozenset({"initial"})
    if CYR_CAPS_WORD.match(text):
        r = words.uk_roles(text)
        return r if r & {"Surn", "Name", "Patr"} else frozenset({"common"})
    return words.uk_roles(text)


def _name_then_unknown(tokens: list[Token], run: list[int], roles: list[frozenset[str]], places: Gazetteer) -> bool:
    """A first name followed by a capitalised word the dictionaries do not know as a name ("Юрій Байрактар",
    "Генадій Бахір"): on real reporting that word is the surname far more often than anything else. Only a
    first name then one such word: "Сьогодні Юрій" (a common word first) stays the first name alone, and a
    place is no surname ("Слава Україні")."""
    if len(run) != 2 or "Name" not in roles[0] or roles[1] & NAME_ROLES:
        return False
    second = tokens[run[1]].text
    # The place test is on the exact form: the folded lookup finds Bratsk in "Брицький".
    return bool(CYR_TITLE_WORD.match(second)) and roles[1] <= {"common"} and places.forms.get(form_key(second)) is None


def _two_unknown_words(tokens: list[Token], run: list[int], roles: list[frozenset[str]], places: Gazetteer) -> bool:
    """Two capitalised words inside a sentence that no dictionary knows and that name no place: a foreign
    name in Ukrainian spelling ("Раніл Джаявардена", "Ашіг Масіх")."""
    if len(run) != 2 or any(roles) or tokens[run[0]].is_sent_start:
        return False
    prev = tokens[run[0] - 1].text if run[0] > 0 else ""
    if not prev or prev in _SENTENCE_END_BEFORE:
        return False
    texts = [tokens[k].text for k in run]
    return all(CYR_TITLE_WORD.match(t) and places.forms.get(form_key(t)) is None for t in texts)


def _find_persons(doc: Doc, words: NameWords, places: Gazetteer) -> list[Candidate]:
    found: list[Candidate] = []
    tokens = list(doc)
    i = 0
    while i < len(tokens):
        run = _run_at(tokens, i)
        if not run:
            i += 1
            continue
        roles = [_roles_of(tokens[k].text, words) for k in run]
        if _name_then_unknown(tokens, run, roles, places):
            roles[1] = roles[1] | {"surnlike"}
        elif _two_unknown_words(tokens, run, roles, places):
            roles = [frozenset({"Name"}), frozenset({"surnlike"})]
        # Trim words that cannot be part of a name at the edges (a capitalised first word of a sentence).
        lo, hi = 0, len(run)
        while lo < hi and not roles[lo] & NAME_ROLES:
            lo += 1
        while hi > lo and not roles[hi - 1] & NAME_ROLES:
            hi -= 1
        span_roles = roles[lo:hi]
        accepted = False
        if len(span_roles) >= 2:
            accepted = _person_run_ok(span_roles)
        elif len(span_roles) == 1:
            accepted = _lone_name_ok(tokens, run[lo], span_roles[0], words)
        if accepted:
            first, last = tokens[run[lo]], tokens[run[hi - 1]]
            s, e = first.idx, last.idx + len(last.text)
            hyphen = _HYPHEN_TAIL.match(doc.text, e)  # double surnames: Гуменюк-Стасів
            e = hyphen.end() if hyphen else e
            found.append(Candidate(s, e, "PERSON", "rule", "person-rule:uk", CONF_UK_PERSON))
        i = run[-1] + 1
    return found


@Language.factory("cc_uk_persons", default_config={"models_dir": str(DEFAULT_MODELS_DIR)})
def make_uk_persons(nlp: Language, name: str, models_dir: str):
    words = name_words(models_dir)
    places = load_gazetteer(Path(models_dir))

    def component(doc: Doc) -> Doc:
        add_candidates(doc, _find_persons(doc, words, places))
        return doc

    return component
