"""Morphology at build time (pymorphy3): case forms of place names, and what kind of word a name also is.

The gazetteer stores every case form of every name (:func:`inflected_forms`) so matching at run time
is a dictionary lookup; the word-class tests (:func:`is_common_word`, :func:`is_person_like`, ...)
decide which names are too ambiguous to keep. The training generator of the Ukrainian NER puts place
names into cases with :func:`nominative_parse` and :func:`inflect_word`.
"""

from __future__ import annotations

import re

from pymorphy3.analyzer import Parse

from nlp.build.spelling import CYRILLIC, RU_MARKERS, UK_MARKERS
from nlp.gazetteer import form_key
from nlp.normalize import parse_word
from nlp.translit import normalize_apostrophes

__all__ = [
    "CASES",
    "forms_any_language",
    "inflect_word",
    "inflected_forms",
    "is_adjective",
    "is_common_word",
    "is_function_word",
    "is_known_word",
    "is_ordinary_word",
    "is_person_like",
    "is_russian_place",
    "nominative_parse",
]

CASES = {
    "uk": ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct"),
    "ru": ("nomn", "gent", "datv", "accs", "ablt", "loct", "loc2", "gen2"),
}
_NON_NOUN_POS = {
    "ADJF", "ADJS", "COMP", "VERB", "INFN", "PRTF", "PRTS", "GRND", "NUMR", "ADVB", "NPRO", "PRED",
    "PREP", "CONJ", "PRCL", "INTJ",
}  # fmt: skip
_COMMON_NOUN_TAG = re.compile(r"^NOUN,(?:inan|anim) ")


# --- case forms -------------------------------------------------------------------------------------
def nominative_parse(word: str, lang: str, want: str | None = None) -> Parse | None:
    """The reading of ``word`` as a nominative name part; ``want`` = "NOUN" or "ADJF" restricts the POS."""
    best = None
    best_score = -1.0
    for p in parse_word(word, lang):
        tag = p.tag
        if tag.case != "nomn" or tag.POS not in ("NOUN", "ADJF"):
            continue
        if want and want != tag.POS:
            continue
        grammemes = tag.grammemes
        score = p.score + (2 if "Geox" in grammemes else 0) + (1 if "inan" in grammemes else 0)
        score -= 3 if grammemes & {"Name", "Surn", "Patr"} else 0
        if score > best_score:
            best, best_score = p, score
    return best


def inflect_word(word: str, lang: str, case: str, parse: Parse | None) -> str:
    """``word`` put into ``case`` via ``parse`` (lower case); the word itself, lower-cased, without one."""
    if parse is not None:
        inflected = parse.inflect({case})
        return inflected.word if inflected is not None else word.lower()
    return word.lower()


def _hyphen_forms(word: str, lang: str) -> set[str]:
    """Forms of a hyphenated name: Івано-Франківськ (last part), Кам'янець-Подільський (all parts),
    Ростов-на-Дону (first part only, a lower-case part in the middle)."""
    parts = word.split("-")
    forms: set[str] = set()
    if any(p[:1].islower() for p in parts[1:]):
        head = nominative_parse(parts[0], lang)
        for case in CASES[lang]:
            forms.add("-".join([inflect_word(parts[0], lang, case, head)] + [p.lower() for p in parts[1:]]))
        return forms
    parses = [nominative_parse(p, lang) for p in parts]
    for case in CASES[lang]:
        last_only = [p.lower() for p in parts[:-1]] + [inflect_word(parts[-1], lang, case, parses[-1])]
        every = [inflect_word(w, lang, case, p) for w, p in zip(parts, parses, strict=True)]
        forms.add("-".join(last_only))
        forms.add("-".join(every))
    return forms


def inflected_forms(name: str, lang: str) -> set[str]:
    """Lookup forms of a Ukrainian or Russian place name in every case.

    Multi-word names inflect their leading adjectives and the head noun and keep what follows as
    written ("Автономна Республіка Крим" → "Автономній Республіці Крим", "Сполучені Штати Америки"
    → "Сполучених Штатах Америки").
    """
    name = normalize_apostrophes(name.strip())
    forms = {form_key(name)}
    if lang not in CASES or not CYRILLIC.search(name) or name.isupper():
        return forms  # abbreviations (ЗАЕС, ДНР) and Latin names do not inflect
    words = name.split()
    if len(words) == 1 and "-" in name:
        return forms | {form_key(f) for f in _hyphen_forms(name, lang)}
    # Leading adjectives + head noun inflect; the rest (genitives, proper nouns after the head) stays.
    plan: list[Parse | None] = []
    head_found = False
    for word in words:
        if head_found or word[:1].islower() and plan and plan[-1] is None:
            plan.append(None)
            continue
        noun = nominative_parse(word, lang, "NOUN")
        adj = nominative_parse(word, lang, "ADJF")
        # Before the last word an adjective reading wins ("Біла Церква": біла is also a noun).
        if noun is not None and (adj is None or word is words[-1]):
            plan.append(noun)
            head_found = True
        elif adj is not None:
            plan.append(adj)
        else:
            plan.append(None)
            head_found = True  # an unknown word: stop inflecting after it
    for case in CASES[lang]:
        out = [inflect_word(w, lang, case, p) if p is not None else w.lower() for w, p in zip(words, plan, strict=True)]
        forms.add(form_key(" ".join(out)))
    # "Курська область" is written "Курська обл." too.
    for form in list(forms):
        if form.split()[-1:] and form.split()[-1].startswith("облас"):
            forms.add(form.rsplit(" ", 1)[0] + " обл")
    return forms


def forms_any_language(name: str) -> set[str]:
    """Lookup forms of a name in whichever of uk/ru it is written in (both when the letters do not tell)."""
    if not CYRILLIC.search(name):
        return {form_key(name)}
    letters = set(name.lower())
    if letters & UK_MARKERS and not letters & RU_MARKERS:
        return inflected_forms(name, "uk")
    if letters & RU_MARKERS and not letters & UK_MARKERS:
        return inflected_forms(name, "ru")
    # No marker letter (Москва, Бахмут, Российская Федерация): inflect with each dictionary that knows
    # every word, or with both when neither does (unknown names are inflected by suffix analogy).
    knows = [lang for lang in ("uk", "ru") if all(is_known_word(w, lang) for w in name.split())]
    forms: set[str] = set()
    for lang in knows or ("uk", "ru"):
        forms |= inflected_forms(name, lang)
    return forms


# --- what else a name is ----------------------------------------------------------------------------
def is_known_word(word: str, lang: str) -> bool:
    """True if the ``lang`` dictionary knows ``word`` (not merely guessed by suffix analogy)."""
    return any(p.is_known for p in parse_word(word, lang))


def is_russian_place(name: str) -> bool:
    """True if the Russian dictionary knows ``name`` as a toponym (Geox)."""
    return any(p.is_known and "Geox" in p.tag.grammemes for p in parse_word(name, "ru"))


def is_common_word(name: str) -> bool:
    """True if a one-word place name is also an ordinary word: Час, Старий, Мирне, Бар, Лиман.

    Ukrainian: a qualitative adjective, pronoun, verb, ... reading, or a noun reading of the same lemma in the
    dictionary's common-noun form (its tags list animacy before gender, ``NOUN,inan masc``, while
    the proper-noun lexemes converted from VESUM list gender first, ``NOUN,masc,inan``; measured on
    Час/Бар/Лиман/Поділ vs Харків/Оленівка/Роботине). Russian: any known reading that is not a
    toponym (Geox) or a personal name, for the same lemma (Судак the fish, Орел the bird).
    """
    if " " in name.strip():
        return False
    word = normalize_apostrophes(name.strip().lower())
    for p in parse_word(word, "uk"):
        if not p.is_known or p.tag.grammemes & {"Name", "Surn", "Patr"}:
            continue
        if p.tag.POS in _NON_NOUN_POS and (p.tag.POS != "ADJF" or "compb" in p.tag.grammemes):
            # Qualitative adjectives only (Старий, Мирне, Веселе): possessive and relational ones
            # (Миколаїв "Mykola's", Хмельницький) are not met capitalised in running text.
            return True
        if p.tag.POS == "NOUN" and p.normal_form == word and _COMMON_NOUN_TAG.match(str(p.tag)):
            return True
    for p in parse_word(word.replace("ё", "е"), "ru"):
        grammemes = p.tag.grammemes
        if not p.is_known or grammemes & {"Geox", "Name", "Surn", "Patr"}:
            continue
        if p.tag.POS in _NON_NOUN_POS or (p.tag.POS == "NOUN" and p.normal_form == word):
            return True
    return False


def is_adjective(name: str) -> bool:
    """True if a one-word name reads as a nominative adjective in Russian (Таганский, a Moscow district)."""
    return " " not in name and any(
        p.tag.POS == "ADJF" and p.tag.case == "nomn" for p in parse_word(name, "ru") if p.is_known
    )


def is_person_like(name: str) -> bool:
    """True if a one-word name reads as a first name or surname in uk or ru (Владимир, Киров)."""
    if " " in name.strip():
        return False
    word = normalize_apostrophes(name.strip().lower())
    return any(
        p.is_known and p.tag.grammemes & {"Name", "Surn"} and p.tag.case == "nomn"
        for lang in ("uk", "ru")
        for p in parse_word(word, lang)
    )


def is_function_word(word: str) -> bool:
    """The uk or ru dictionary knows the lower-cased word as something other than a noun or adjective: a
    pronoun, verb, adverb, conjunction ("Того", "Мали")."""
    low = word.lower()
    for lang in ("uk", "ru"):
        if any(p.is_known and p.tag.POS in _NON_NOUN_POS - {"ADJF", "PRTF"} for p in parse_word(low, lang)):
            return True
    return False


def is_ordinary_word(form: str, bases: set[str]) -> bool:
    """True if a one-word form is known to uk or ru morphology as a word of another lexeme than ``bases``."""
    if " " in form or not CYRILLIC.search(form):
        return False
    lemmas = {b.split()[0] for b in bases}
    for lang in ("uk", "ru"):
        for p in parse_word(form, lang):
            tag = p.tag
            if not p.is_known or tag.grammemes & {"Geox", "Name", "Surn", "Patr"} or p.normal_form in lemmas:
                continue
            if tag.POS in _NON_NOUN_POS and tag.POS not in ("ADJF", "PRTF"):
                return True  # adverbs, verbs, pronouns, prepositions: Додому
            if tag.POS == "ADJF" and "compb" in tag.grammemes:
                return True  # qualitative adjectives; relational ones (Покровська, Слов'янська) stay
            if tag.POS == "NOUN" and (lang == "ru" or _COMMON_NOUN_TAG.match(str(tag))):
                return True
    return False
