"""``cc_orgs``: organisations of the table in ``models/ner/organisations.json``, and institutions not in it.

The table (key, display names in en/uk/ru, a case-sensitive regex: "ООН", "UN" must be capitals) is
matched as whole words; the merge keeps the longest match, so a specific entry (ICRC) beats a generic
one (Red Cross) and an organisation beats the place inside it. Institutions not in the table
("Міністерство <words> України", "Ministry of <Words>", "Одеської ОВА") get a key from their
normalised name. The file also holds the Ukrainian case forms the training generator of the Ukrainian
NER draws from (:func:`load_organisation_forms`) and the words that name an institution
(:func:`institution_heads`, used by other components to tell an organisation from a person or place).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.components.candidate import CONF_GENERIC, CONF_ORG_RULE, Candidate, add_candidates, doc_lang
from nlp.components.institution_phrases import institution_phrases
from nlp.normalize import normalize_org, org_key, parse_word
from nlp.vocab import load_json

__all__ = [
    "ORGANISATIONS_FILE",
    "Organisation",
    "institution_heads",
    "load_organisation_forms",
    "load_organisations",
    "make_orgs",
]

ORGANISATIONS_FILE = "ner/organisations.json"  # under models_dir


@dataclass(frozen=True)
class Organisation:
    key: str  # "org:sbu"
    names: tuple[str, str, str]  # display names (en, uk, ru)
    pattern: str  # case-sensitive regex, matched as whole words


def load_organisations(models_dir: Path | str = DEFAULT_MODELS_DIR) -> tuple[Organisation, ...]:
    """The organisation table of ``models/ner/organisations.json``, in file order."""
    return tuple(
        Organisation(o["key"], (o["names"]["en"], o["names"]["uk"], o["names"]["ru"]), o["pattern"])
        for o in load_json(models_dir, ORGANISATIONS_FILE)["organisations"]
    )


def load_organisation_forms(models_dir: Path | str = DEFAULT_MODELS_DIR) -> tuple[dict[str, str], ...]:
    """Ukrainian case forms of organisations, ``{"nomn", "gent", "datv", "ablt"} -> form``, in file order
    (the order the training generator draws from, so the generated sentences stay the same)."""
    return tuple(
        {case: f[case] for case in ("nomn", "gent", "datv", "ablt")}
        for f in load_json(models_dir, ORGANISATIONS_FILE)["training_forms"]
    )


@lru_cache(maxsize=4)
def _heads(models_dir: str) -> re.Pattern[str]:
    heads = load_json(models_dir, ORGANISATIONS_FILE)["heads"]
    return re.compile(rf"(?i)\b(?:{'|'.join(heads)})\w*")


def institution_heads(models_dir: Path | str = DEFAULT_MODELS_DIR) -> re.Pattern[str]:
    """A regex that finds a word naming an institution (ministry, council, суд, штаб...) anywhere in a text."""
    return _heads(str(models_dir))


@lru_cache(maxsize=4)
def _compiled(models_dir: str) -> tuple[list[tuple[re.Pattern[str], str, tuple[str, str, str]]], re.Pattern[str]]:
    """(table patterns with key and names, the generic-institution regex) for one models_dir."""
    table = [
        (re.compile(rf"(?<![\w-])(?:{o.pattern})(?![\w-])"), o.key, o.names) for o in load_organisations(models_dir)
    ]
    generic = re.compile("|".join(load_json(models_dir, ORGANISATIONS_FILE)["generic"]))
    return table, generic


@dataclass(frozen=True)
class _Abbreviations:
    pattern: re.Pattern[str]
    languages: frozenset[str]
    excluded: frozenset[str]


@lru_cache(maxsize=4)
def _legal_and_abbreviations(models_dir: str) -> tuple[re.Pattern[str], _Abbreviations]:
    data = load_json(models_dir, ORGANISATIONS_FILE)
    forms = "|".join(re.escape(f) for f in sorted(set(data["legal_forms"]["forms"]), key=len, reverse=True))
    # A quoted name, one level of nested quotes allowed: ДП «НАЕК «Енергоатом»», and the common spelling with
    # the two closing quotes run into one: ТОВ «ЛБК «Наш Дом»; straight and English quotes too.
    quoted = (
        r"(?:«(?:[^«»\n]|«[^«»\n]*»){1,80}»|«[^«»\n]{1,60}«[^«»\n]{1,60}»(?!»)"
        r"|\"[^\"\n]{1,80}\"|“[^”\n]{1,80}”|„[^“”\n]{1,80}[“”])"
    )
    # The form, then maybe a second abbreviation of the kind of business: ТОВ НПП «Укргазгеоавтоматика».
    # Or any abbreviation the dictionary knows only as one (checked in _rule_candidates), right before a quoted
    # name that starts with a capital or a digit: АК «Харківобленерго», not ФРГ "заложницей".
    abbr_name = r"(?(abbr)(?=[«\"“„]+[A-ZА-ЯІЇЄҐЁ0-9]))"
    legal = re.compile(
        rf"(?<![\w-])(?:(?P<form>{forms})|(?P<abbr>[А-ЯІЇЄҐ]{{2,6}}))(?:\s+[А-ЯІЇЄҐ]{{2,5}})?\s*{abbr_name}{quoted}"
    )
    abbr = data["abbreviations"]
    caps = re.compile(rf"(?<![\w-])[А-ЯІЇЄҐЁ]{{{abbr['min']},{abbr['max']}}}(?![\w-])")
    return legal, _Abbreviations(caps, frozenset(abbr["languages"]), frozenset(abbr["not"]))


def _only_an_abbreviation(word: str, lang: str) -> bool:
    """The dictionary knows the lower-cased word only as an abbreviation, or not at all ("СБУ", "АМКУ"; not
    "ФОТО", "УВАГА")."""
    parses = parse_word(word.lower(), lang)
    if not parses or all("UNKN" in p.tag for p in parses):
        return True
    return any("Abbr" in p.tag for p in parses) and not any(
        p.tag.POS not in (None, "NOUN") for p in parses if "Abbr" not in p.tag
    )


def _rule_candidates(text: str, lang: str, models_dir: str) -> list[Candidate]:
    """Companies with their legal form, and bare abbreviations (the weakest source: every other wins)."""
    legal, abbr = _legal_and_abbreviations(models_dir)
    found = []
    for m in legal.finditer(text):
        if m.group("abbr") and (m.group("abbr") in abbr.excluded or not _only_an_abbreviation(m.group("abbr"), lang)):
            continue
        canonical = " ".join(m.group(0).split())
        found.append(
            Candidate(
                m.start(),
                m.end(),
                "ORG",
                "org",
                "org-rule:legal-form",
                CONF_ORG_RULE,
                org_key(canonical, lang),
                canonical,
            )
        )
    if lang in abbr.languages:
        for m in abbr.pattern.finditer(text):
            word = m.group(0)
            if word not in abbr.excluded and _only_an_abbreviation(word, lang):
                found.append(
                    Candidate(
                        m.start(),
                        m.end(),
                        "ORG",
                        "generic",
                        "org-rule:abbreviation",
                        CONF_GENERIC,
                        org_key(word, lang),
                        word,
                    )
                )
    if lang in abbr.languages:
        found += _latin_names(text, lang)
    found += _quoted_names(text, lang, models_dir)
    return found


# A capitalised name in quotes, no nested quotes: «Укрнафта», "Водолій", “Альтком”, „Дозор“.
_QUOTED = re.compile(r"«([^«»\n]{1,60})»|\"([^\"\n]{1,60})\"|“([^“”\n]{1,60})”|„([^„“”\n]{1,60})[“”]")
_NAME_START = re.compile(r"[A-ZА-ЯІЇЄҐЁ0-9]")
_NOT_IN_NAME = re.compile(r"[.!?,;:«»]\s|[.!?,;:]$|^\s|\s$")
_WORD_BEFORE = re.compile(r"([\w'’.]+)\s*$")
_SPEECH_AFTER = re.compile(r"\s*,?\s*[-–—]\s")  # «Ніякої угоди не буде», - сказав він.


@lru_cache(maxsize=4)
def _quoted_rule(models_dir: str) -> tuple[frozenset[str], int, frozenset[str]]:
    data = load_json(models_dir, ORGANISATIONS_FILE)["quoted_names"]
    return frozenset(data["languages"]), int(data["max_words"]), frozenset(data["not_before"])


def _quoted_names(text: str, lang: str, models_dir: str) -> list[Candidate]:
    """Quoted capitalised names the other sources leave unexplained are organisations in Ukrainian reporting
    (``quoted_names`` in the organisation file says where and which quotes are titles instead)."""
    languages, max_words, not_before = _quoted_rule(models_dir)
    if lang not in languages:
        return []
    found = []
    for m in _QUOTED.finditer(text):
        group = next(g for g in range(1, 5) if m.group(g) is not None)
        name, start, end = m.group(group), m.start(group), m.end(group)
        if not _NAME_START.match(name) or _NOT_IN_NAME.search(name) or len(name.split()) > max_words:
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is not None and before.group(1).lower() in not_before:
            continue
        if _SPEECH_AFTER.match(text, m.end()):
            continue
        found.append(
            Candidate(start, end, "ORG", "generic", "org-rule:quoted", CONF_GENERIC, org_key(name, lang), name)
        )
    return found


# A name written in Latin letters in Cyrillic text: Ryanair, Nord Stream 2 AG, Nord Stream-2, Sky News, Welt am
# Sonntag. A number after it only as one digit ("Ryanair 28" is the airline and a count).
_LATIN_WORD = r"[A-Z][A-Za-z&'’.-]*[A-Za-z](?:-\d)?"
_LATIN_CONNECTOR = r"(?:(?:am|of|de|der|von|la|du|and|&)[ \t]+)?"
_LATIN_NAME = re.compile(rf"(?<![\w-]){_LATIN_WORD}(?:[ \t]+{_LATIN_CONNECTOR}(?:{_LATIN_WORD}|\d(?!\d)|AG))*(?![\w-])")
_ROMAN = re.compile(r"^[IVXLC]+$")


def _latin_names(text: str, lang: str) -> list[Candidate]:
    """Ukrainian and Russian reporting transliterates people and places into Cyrillic and keeps companies,
    media and brands in their own script: a Latin-script name there is an organisation, unless another
    source (the gazetteer, a model, a person rule) says otherwise; it is the weakest source."""
    found = []
    for m in _LATIN_NAME.finditer(text):
        name = m.group(0)
        if _ROMAN.match(name) or len(name) < 2:
            continue
        found.append(
            Candidate(m.start(), m.end(), "ORG", "generic", "org-rule:latin", CONF_GENERIC, org_key(name, lang), name)
        )
    return found


@Language.factory("cc_orgs", default_config={"models_dir": str(DEFAULT_MODELS_DIR)})
def make_orgs(nlp: Language, name: str, models_dir: str):
    table, generic = _compiled(models_dir)

    def component(doc: Doc) -> Doc:
        lang = doc_lang(doc)
        text = doc.text
        found: list[Candidate] = []
        for pattern, key, (en, uk, ru) in table:
            display = {"uk": uk, "ru": ru}.get(lang, en)
            for m in pattern.finditer(text):
                found.append(Candidate(m.start(), m.end(), "ORG", "org", "org-rule", CONF_ORG_RULE, key, display))
        for m in generic.finditer(text):
            canonical = normalize_org(m.group(0), lang)
            found.append(
                Candidate(
                    m.start(),
                    m.end(),
                    "ORG",
                    "org",
                    "org-rule:generic",
                    CONF_GENERIC,
                    org_key(canonical, lang),
                    canonical,
                )
            )
        for start, end in institution_phrases(text, lang, models_dir):
            canonical = normalize_org(text[start:end], lang)
            found.append(
                Candidate(
                    start, end, "ORG", "org", "org-rule:institution", CONF_GENERIC, org_key(canonical, lang), canonical
                )
            )
        found += _rule_candidates(text, lang, models_dir)
        add_candidates(doc, found)
        return doc

    return component
