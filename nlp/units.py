"""Military formations in Ukrainian, Russian and English text, normalised to one key.

"36-та окрема бригада морської піхоти", "36 ОБрМП", "36-й отдельной бригады морской пехоты" and
"36th Separate Marine Brigade" all get the key ``36 marine brigade``; "в/ч А0000", "військова частина
А0000" and "military unit A0000" get ``military unit A0000``; named formations (Azov, the National
Guard, the State Border Guard Service, Territorial Defense, ...) have fixed keys.

Regular expressions over the raw text, not a tokenizer-dependent matcher: the surface forms vary
mostly in suffixes (36-ї, 36-го, бригади/бригаді/бригадою), which ``\\w*`` after a stem covers
without morphology. A bare cardinal followed by a formation word ("2 батальйони", "у 2014 батальйон")
is not a unit: a full form needs an ordinal suffix or a qualifying adjective. Capitalised ordinal
words count as numbers ("Третього армійського корпусу" → ``3 army corps``). Named units match their
name only, without the formation word or quotes (полку «Азов» → "Азов"), as the gold guideline has it.

The words (formation nouns, branches, abbreviations, named units, word ordinals) are data in
``models/units/`` (see ``models/README.md``), read from the ``models_dir`` the caller passes and compiled
once per directory; the grammar that assembles them into patterns is here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.vocab import load_json

__all__ = ["Unit", "UnitMatch", "find_units", "parse_unit", "unit_name"]


@dataclass(frozen=True)
class Unit:
    key: str  # "36 marine brigade", "military unit A0000", "national guard of ukraine"
    number: str  # "36", "A0000" or "" for named formations
    branch: str  # "marine", "mechanized", ... or ""
    kind: str  # brigade | battalion | regiment | division | corps | army | detachment | military unit | formation
    names: tuple[str, str, str]  # canonical (en, uk, ru); for numbered units built by unit_name()


@dataclass(frozen=True)
class UnitMatch:
    start: int
    end: int
    unit: Unit


# --- vocabulary ------------------------------------------------------------------------------------
# The words live in models/units/*.json (models/README.md); the grammar that assembles them stays here.
# Ordinal marks: 36-та / 36-й, 36th, and the German and Polish "36." (followed by a space).
_ORD = r"(?P<ord>\s?-\s?[а-яіїєґ]{1,3}(?![\w])|(?:st|nd|rd|th)(?![\w])|\.(?=\s))"
# What may follow a formation besides its affiliations (models/units/formations.json): "імені
# контр-адмірала Михайла Білинського" (the names must be capitalised, whatever the flags) and a quoted name.
_TAIL_NAMED_AFTER = r"(?:імені|имени)\s+(?-i:(?:[а-яіїєґ-]+\s+)?[А-ЯІЇЄҐ][\w'’-]+(?:\s+[А-ЯІЇЄҐ][\w'’-]+){0,2})"
_TAIL_QUOTED = r"[«\"“][^»\"”\n]{1,30}[»\"”]"

# English-language reports transliterate the abbreviations letter by letter ("36 OBrMP", "93 OMBr").
_ABBR_LATIN = str.maketrans(
    {"А": "A", "Б": "B", "В": "V", "Г": "H", "Д": "D", "Е": "E", "М": "M", "Н": "N", "О": "O", "П": "P",
     "С": "S", "Т": "T", "Ш": "Sh", "р": "r", "е": "e", "п": "p"}
)  # fmt: skip
_PLURAL_QUALIFIER = re.compile(r"(?:і|ые|ых|их|ие|ими|ым)$", re.IGNORECASE)
_CYR_TO_LAT = str.maketrans("АВТКаIВ", "ABTKaIB")


@dataclass(frozen=True)
class _Kind:
    match: str  # regex of the formation noun in uk/ru/en
    gender: str  # of the uk/ru noun: "f" | "m"
    en: str
    uk: str
    ru: str


@dataclass(frozen=True)
class _Branch:
    match: str  # regex of the branch's words in uk/ru/en
    placement: str  # in uk/ru names: "adj" an adjective before the noun, "gen" a genitive phrase after it
    en: str
    uk: str  # the adjective's stem ("adj") or the whole phrase ("gen")
    ru: str


@dataclass(frozen=True)
class _Vocabulary:
    """The unit vocabulary of one models directory, compiled."""

    kinds: dict[str, _Kind]
    branches: dict[str, _Branch]
    ordinal_stems: tuple[tuple[str, int], ...]  # longest first
    full: re.Pattern[str]
    abbr: re.Pattern[str]
    abbr_compiled: tuple[tuple[re.Pattern[str], str, str], ...]  # (pattern, branch, kind)
    military_unit: re.Pattern[str]
    named: tuple[tuple[re.Pattern[str], str, tuple[str, str, str]], ...]  # (pattern, key, names)
    branch_compiled: tuple[tuple[re.Pattern[str], str], ...]
    kind_compiled: tuple[tuple[re.Pattern[str], str], ...]


def _ocr_tolerant(abbreviation: str) -> str:
    # Tesseract reads the small "р" before a capital as "рР" ("36 ОБрРМП", "ТрРО", "ОГШБРр").
    tolerant = abbreviation.replace("р", "рр?")
    latin = abbreviation.translate(_ABBR_LATIN)
    return tolerant if latin == abbreviation else f"{tolerant}|{latin}"


@lru_cache(maxsize=4)
def _vocabulary(models_dir: Path) -> _Vocabulary:
    """``models_dir``'s unit tables, compiled into the patterns once per directory (a few ms)."""
    formations = load_json(models_dir, "units/formations.json")
    branch_data = load_json(models_dir, "units/branches.json")
    named = load_json(models_dir, "units/named.json")["named"]
    kinds = {
        k: _Kind("|".join(v["match"]), v["gender"], v["en"], v["uk"], v["ru"]) for k, v in formations["kinds"].items()
    }
    branches = {
        k: _Branch("|".join(v["match"]), v["placement"], v["en"], v["uk"], v["ru"])
        for k, v in branch_data["branches"].items()
    }
    abbreviations = [("|".join(a["match"]), a["branch"], a["kind"]) for a in branch_data["abbreviations"]]
    ordinal_stems = tuple(sorted(formations["word_ordinals"].items(), key=lambda kv: len(kv[0]), reverse=True))

    # Capitalised ordinal words count as numbers: "Третього армійського корпусу" → 3 army corps.
    word_ordinal_rx = "|".join(k[0].upper() + k[1:].replace("'", "['’]") for k, _ in ordinal_stems)
    num = rf"(?:(?P<num>\d{{1,4}})|(?-i:(?P<word>(?:{word_ordinal_rx})[\w'’]*)))"
    tail = r"(?:\s+(?:" + "|".join([*formations["affiliations"], _TAIL_NAMED_AFTER, _TAIL_QUOTED]) + r"))*"
    branch_any = "|".join(f"(?:{b.match})" for b in branches.values())
    kind_any = "|".join(f"(?:{k.match})" for k in kinds.values())
    qualifier = rf"(?:{'|'.join(formations['modifiers'])}|{branch_any})"
    full = re.compile(
        rf"(?<![\w-]){num}{_ORD}?\s+(?P<pre>(?:(?:{qualifier})\s+){{0,4}})"
        rf"(?P<kind>{kind_any})(?![\w-])(?P<post>(?:\s+(?:{branch_any})(?![\w-]))?){tail}",
        re.IGNORECASE,
    )
    abbr = re.compile(
        rf"(?<![\w-]){num}{_ORD}?\s*(?:гв\.?\s*)?"
        rf"(?P<abbr>{'|'.join(_ocr_tolerant(a) for a, _, _ in abbreviations)})(?![\w]){tail}",
        re.IGNORECASE,
    )
    military_unit = re.compile(
        rf"(?<![\w])(?:{'|'.join(formations['military_unit_words'])})"
        r"\s*(?:№\s*)?(?P<code>[АAВBТTKК]?\s?-?\d{4,5})(?![\w])",
        re.IGNORECASE,
    )
    return _Vocabulary(
        kinds=kinds,
        branches=branches,
        ordinal_stems=ordinal_stems,
        full=full,
        abbr=abbr,
        abbr_compiled=tuple(
            (re.compile(rf"^(?:{_ocr_tolerant(a)})$", re.IGNORECASE), branch, kind) for a, branch, kind in abbreviations
        ),
        military_unit=military_unit,
        named=tuple((re.compile("|".join(n["match"])), n["key"], (n["en"], n["uk"], n["ru"])) for n in named),
        branch_compiled=tuple((re.compile(rf"(?:{b.match})", re.IGNORECASE), name) for name, b in branches.items()),
        kind_compiled=tuple((re.compile(rf"^(?:{k.match})$", re.IGNORECASE), name) for name, k in kinds.items()),
    )


def _word_ordinal(word: str, vocab: _Vocabulary) -> str:
    low = word.lower().replace("’", "'")
    for stem, number in vocab.ordinal_stems:
        if low.startswith(stem):
            return str(number)
    return ""


def _branch_of(text: str, vocab: _Vocabulary) -> str:
    """The most specific branch named in ``text`` (mountain assault before assault)."""
    for pattern, name in vocab.branch_compiled:
        if pattern.search(text):
            return name
    return ""


def _kind_of(word: str, vocab: _Vocabulary) -> str:
    for pattern, name in vocab.kind_compiled:
        if pattern.match(word):
            return name
    return "formation"


def _numbered(number: str, branch: str, kind: str, models_dir: Path) -> Unit:
    key = " ".join(p for p in (str(int(number)), branch, kind) if p)
    unit = Unit(key=key, number=str(int(number)), branch=branch, kind=kind, names=("", "", ""))
    names = (unit_name(unit, "en", models_dir), unit_name(unit, "uk", models_dir), unit_name(unit, "ru", models_dir))
    return Unit(key, unit.number, branch, kind, names)


def find_units(text: str, models_dir: Path = DEFAULT_MODELS_DIR) -> list[UnitMatch]:
    """All formation mentions in ``text``, non-overlapping, longest first."""
    vocab = _vocabulary(models_dir)
    found: list[UnitMatch] = []
    for m in vocab.military_unit.finditer(text):
        code = re.sub(r"[\s-]", "", m.group("code")).translate(_CYR_TO_LAT).upper()
        unit = Unit(
            f"military unit {code}",
            code,
            "",
            "military unit",
            (f"military unit {code}", f"військова частина {code}", f"войсковая часть {code}"),
        )
        found.append(UnitMatch(m.start(), m.end(), unit))
    for m in vocab.abbr.finditer(text):
        abbr = re.sub(r"\s+", " ", m.group("abbr"))
        for pattern, branch, kind in vocab.abbr_compiled:
            if pattern.match(abbr):
                if abbr.isupper() is False and len(abbr) <= 2:
                    break  # "тд" is "так далі", "ак" a word: two-letter codes only in capitals
                found.append(UnitMatch(m.start(), m.end(), _numbered(m.group("num"), branch, kind, models_dir)))
                break
    for m in vocab.full.finditer(text):
        pre = m.group("pre").strip()
        number = m.group("num") or _word_ordinal(m.group("word") or "", vocab)
        if not number or ((m.group("ord") or "") == "." and len(number) > 3):
            continue  # "w 2022. Brygada": a year at a sentence end, not the 2022nd brigade
        # A bare cardinal needs a singular qualifier: "36 окрема бригада", not "3 механізовані бригади".
        if m.group("num") and not m.group("ord") and (not pre or all(_PLURAL_QUALIFIER.search(w) for w in pre.split())):
            continue
        branch = _branch_of(pre + " " + m.group("kind") + " " + m.group(0)[m.end("kind") - m.start() :], vocab)
        kind = _kind_of(m.group("kind"), vocab)
        found.append(UnitMatch(m.start(), m.end(), _numbered(number, branch, kind, models_dir)))
    for pattern, key, names in vocab.named:
        for m in pattern.finditer(text):
            unit = Unit(key, "", "", "formation", names)
            found.append(UnitMatch(m.start(), m.end(), unit))
    return _non_overlapping(found)


def _non_overlapping(matches: list[UnitMatch]) -> list[UnitMatch]:
    matches.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: list[UnitMatch] = []
    for m in matches:
        if all(m.end <= t.start or m.start >= t.end for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: m.start)


@lru_cache(maxsize=10_000)
def parse_unit(surface: str, lang: str = "", models_dir: Path = DEFAULT_MODELS_DIR) -> Unit | None:
    """The unit a mention's text names, if the whole (or most) of it is one formation."""
    matches = find_units(surface, models_dir)
    if not matches:
        return None
    best = max(matches, key=lambda m: m.end - m.start)
    return best.unit if (best.end - best.start) >= 0.6 * len(surface.strip()) else None


# --- display names ----------------------------------------------------------------------------------
def _en_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _uk_ordinal(n: int, gender: str) -> str:
    if gender == "m":
        return f"{n}-й"
    if 10 <= n % 100 <= 19:
        return f"{n}-та"
    last = n % 10
    if n % 100 == 40:
        return f"{n}-ва"
    return f"{n}-" + {1: "ша", 2: "га", 3: "тя", 7: "ма", 8: "ма"}.get(last, "та")


def _adjective(stem: str, lang: str, gender: str) -> str:
    """Nominative singular of a branch adjective ("механізован" → механізована / механізований)."""
    words = stem.split()
    if lang == "uk":
        ending = "а" if gender == "f" else "ий"
    else:
        ending = "ая" if gender == "f" else ("ий" if stem.endswith(("к", "г", "х")) else "ый")
    return " ".join(w + ending if not w.endswith(("а", "ий", "ый")) else w for w in words)


def unit_name(unit: Unit, lang: str, models_dir: Path = DEFAULT_MODELS_DIR) -> str:
    """Canonical display name of a unit in ``lang`` ("36-та бригада морської піхоти")."""
    vocab = _vocabulary(models_dir)
    if not unit.branch and unit.kind not in vocab.kinds:
        en, uk, ru = unit.names
        return {"uk": uk, "ru": ru}.get(lang, en)
    if unit.kind not in vocab.kinds:
        return unit.names[0]
    n = int(unit.number)
    kind = vocab.kinds[unit.kind]
    gender = kind.gender
    branch = vocab.branches.get(unit.branch)
    if lang in ("uk", "ru"):
        kind_word = kind.uk if lang == "uk" else kind.ru
        ordinal = _uk_ordinal(n, gender) if lang == "uk" else f"{n}-{'я' if gender == 'f' else 'й'}"
        if branch is None:
            return f"{ordinal} {kind_word}"
        stem = branch.uk if lang == "uk" else branch.ru
        if branch.placement == "gen":
            return f"{ordinal} {kind_word} {stem}"
        return f"{ordinal} {_adjective(stem, lang, gender)} {kind_word}"
    branch_en = f" {branch.en}" if branch else ""
    return f"{_en_ordinal(n)}{branch_en} {kind.en}"
