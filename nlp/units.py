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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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


# --- vocabulary -------------------------------------------------------------------------------------
# kind → (regex for the noun in uk/ru/en, grammatical gender in uk/ru, names en/uk/ru)
_KINDS: dict[str, tuple[str, str, str, str, str]] = {
    "brigade": (r"бригад\w*|brigades?|brygad\w*|brigaden?", "f", "Brigade", "бригада", "бригада"),
    "battalion": (
        r"батальйон\w*|батальон\w*|battalions?|batalion\w*|bataillons?",
        "m",
        "Battalion",
        "батальйон",
        "батальон",
    ),
    "regiment": (r"полк(?:у|ом|ові|и|ів|ах|ам)?|regiments?|pułk\w*", "m", "Regiment", "полк", "полк"),
    "division": (r"дивізі\w*|дивизи\w*|divisions?", "f", "Division", "дивізія", "дивизия"),
    "corps": (r"корпус\w*|corps", "m", "Corps", "корпус", "корпус"),
    "army": (r"армі[яїюєі]\w*|арми[яиюей]\w*|army|armies", "f", "Army", "армія", "армия"),
    "detachment": (r"загін|загону|загоні|загоном|отряд\w*|detachments?", "m", "Detachment", "загін", "отряд"),
}

# branch → (regex of its words in uk/ru/en, placement in uk/ru names, en name, uk stem, ru stem)
# "adj": an adjective before the noun, inflected by gender; "gen": a genitive phrase after the noun.
_BRANCHES: dict[str, tuple[str, str, str, str, str]] = {
    "marine": (
        r"морськ\w*\s+піхот\w*|морск\w*\s+пехот\w*|marines?|naval\s+infantry|piechot\w*\s+morsk\w*|"
        r"marineinfanterie\w*",
        "gen",
        "Marine",
        "морської піхоти",
        "морской пехоты",
    ),
    "mountain assault": (
        r"гірсько-штурмов\w*|горно-штурмов\w*|mountain\s+assault",
        "adj",
        "Mountain Assault",
        "гірсько-штурмов",
        "горно-штурмов",
    ),
    "air assault": (r"десантно-штурмов\w*|air\s+assault", "adj", "Air Assault", "десантно-штурмов", "десантно-штурмов"),
    "airmobile": (
        r"аеромобільн\w*|аэромобильн\w*|airmobile|air\s+mobile",
        "adj",
        "Airmobile",
        "аеромобільн",
        "аэромобильн",
    ),
    "airborne": (
        r"повітрянодесантн\w*|воздушно-десантн\w*|парашутно-десантн\w*|парашютно-десантн\w*|airborne|parachute",
        "adj",
        "Airborne",
        "десантн",
        "десантн",
    ),
    "mechanized": (
        r"механізован\w*|механизированн?\w*|mechani[sz]ed|zmechanizowan\w*|mechanisiert\w*",
        "adj",
        "Mechanized",
        "механізован",
        "механизированн",
    ),
    "motorized infantry": (
        r"мотопіхотн\w*|мотопехотн\w*|motori[sz]ed(?:\s+infantry)?",
        "adj",
        "Motorized Infantry",
        "мотопіхотн",
        "мотопехотн",
    ),
    "motor rifle": (
        r"мотострілецьк\w*|мотострелков\w*|motor\s+rifle",
        "adj",
        "Motor Rifle",
        "мотострілецьк",
        "мотострелков",
    ),
    "assault": (r"штурмов\w*|assault|szturmow\w*|sturm\w*", "adj", "Assault", "штурмов", "штурмов"),
    "tank": (r"танков\w*|tank|armou?red", "adj", "Tank", "танков", "танков"),
    "artillery": (r"артилерійськ\w*|артиллерийск\w*|artillery", "adj", "Artillery", "артилерійськ", "артиллерийск"),
    "anti-aircraft missile": (
        r"зенітн\w*\s+ракетн\w*|зенитн\w*\s+ракетн\w*|anti-aircraft\s+missile",
        "adj",
        "Anti-Aircraft Missile",
        "зенітна ракетн",
        "зенитн ракетн",
    ),
    "jaeger": (r"єгерськ\w*|егерск\w*|jaeger|j[äa]ger", "adj", "Jaeger", "єгерськ", "егерск"),
    "rifle": (r"стрілецьк\w*|стрелков\w*|rifle", "adj", "Rifle", "стрілецьк", "стрелков"),
    "combined arms": (
        r"загальновійськов\w*|общевойсков\w*|combined\s+arms",
        "adj",
        "Combined Arms",
        "загальновійськов",
        "общевойсков",
    ),
    "army": (r"армійськ\w*|армейск\w*|army(?=\s+corps)", "adj", "Army", "армійськ", "армейск"),
    "border": (
        r"прикордонн\w*|пограничн\w*|border(?:\s+guard)?",
        "adj",
        "Border",
        "прикордонн",
        "пограничн",
    ),
    "territorial defense": (
        r"територіальн\w*\s+оборон\w*|территориальн\w*\s+оборон\w*|ТрО|territorial\s+defen[cs]e",
        "gen",
        "Territorial Defense",
        "територіальної оборони",
        "территориальной обороны",
    ),
    "special purpose": (
        r"спеціальн\w*\s+призначен\w*|специальн\w*\s+назначени\w*|спецпризначен\w*|спецназначени\w*|"
        r"special\s+(?:purpose|forces|operations)",
        "gen",
        "Special Purpose",
        "спеціального призначення",
        "специального назначения",
    ),
    "operational": (
        r"оперативн\w*\s+призначен\w*|оперативн\w*\s+назначени\w*|operational(?:\s+purpose)?",
        "gen",
        "Operational",
        "оперативного призначення",
        "оперативного назначения",
    ),
}
# Words that qualify a formation without changing which one it is.
_MODIFIERS = (
    r"окрем\w*|отдельн\w*|гвардійськ\w*|гвардейск\w*|гв\.?|президентськ\w*|separate|independent|guards?|"
    r"presidential|mechani[sz]ed|motori[sz]ed|samodzieln\w*|selbstständig\w*|separat\w*"
)

# Abbreviations: regex → (branch, kind)
_ABBREVIATIONS: list[tuple[str, str, str]] = [
    (r"ОБрМП|ОБМП", "marine", "brigade"),
    (r"ОГШБр", "mountain assault", "brigade"),
    (r"ОДШБр|ДШБр", "air assault", "brigade"),
    (r"ОАеМБр|ОАМБр", "airmobile", "brigade"),
    (r"ОМПБр", "motorized infantry", "brigade"),
    (r"ОМСБр|МСБр", "motor rifle", "brigade"),
    (r"ОМБр", "mechanized", "brigade"),
    (r"ОШБр", "assault", "brigade"),
    (r"ОТБр", "tank", "brigade"),
    (r"ОАБр", "artillery", "brigade"),
    (r"ОБрТрО|ОБр\s+ТрО", "territorial defense", "brigade"),
    (r"ОБ\s*ТрО", "territorial defense", "battalion"),  # "209 ОБ ТрО", "209 ОБТрО": окремий батальйон
    (r"ОБрСпН|ОБрСП", "special purpose", "brigade"),
    (r"ОБрОП|БрОП", "operational", "brigade"),
    (r"ОМПБ", "motorized infantry", "battalion"),
    (r"ОШБ", "assault", "battalion"),
    (r"ОШП", "assault", "regiment"),
    (r"МСП", "motor rifle", "regiment"),
    (r"ПДП", "airborne", "regiment"),
    (r"ДШП", "air assault", "regiment"),
    (r"МСД", "motor rifle", "division"),
    (r"ВДД|ПДД", "airborne", "division"),
    (r"ДШД", "air assault", "division"),
    (r"ТД", "tank", "division"),
    (r"ОА|ЗВА", "combined arms", "army"),
    (r"АК", "army", "corps"),
]

_NAMED: list[tuple[str, str, tuple[str, str, str]]] = [
    # (regex, key, (en, uk, ru))
    (
        # The name only, without the formation word or quotes: полку «[Азов]» (as the gold guideline has it).
        r"(?<![\w-])Азов(?:а|у|ом|і|е)?(?![\w-])(?!\s+мор)"
        r"|(?<!of\s)(?<!Sea\sof\s)\bAzov(?:\s+(?:Regiment|Brigade|Battalion))?\b(?!\s+Sea)",
        "azov",
        ("Azov", "Азов", "Азов"),
    ),
    (
        r"Національн\w+\s+гварді\w+(?:\s+України)?|Нацгварді\w+|НГУ|Национальн\w+\s+гварди\w+(?:\s+Украины)?|"
        r"Нацгварди\w+|National\s+Guard\s+of\s+Ukraine|(?<!Russian\s)National\s+Guard",
        "national guard of ukraine",
        ("National Guard of Ukraine", "Національна гвардія України", "Национальная гвардия Украины"),
    ),
    (
        r"Державн\w+\s+прикордонн\w+\s+служб\w+(?:\s+України)?|ДПСУ|Держприкордонслужб\w*|"
        r"Государственн\w+\s+пограничн\w+\s+служб\w+(?:\s+Украины)?|Госпогранслужб\w*|"
        r"State\s+Border\s+(?:Guard\s+)?Service(?:\s+of\s+Ukraine)?|SBGS",
        "state border guard service of ukraine",
        (
            "State Border Guard Service of Ukraine",
            "Державна прикордонна служба України",
            "Государственная пограничная служба Украины",
        ),
    ),
    (
        r"Сил\w*\s+територіальн\w+\s+оборон\w+(?:\s+ЗСУ)?|Сил\w*\s+ТрО|[Тт]ероборон\w+|"
        r"Сил\w*\s+территориальн\w+\s+оборон\w+|[Тт]ерроборон\w+|[Тт]еробороны|"
        r"Territorial\s+Defen[cs]e\s+Forces|Territorial\s+Defen[cs]e",
        "territorial defense forces",
        ("Territorial Defense Forces", "Сили територіальної оборони", "Силы территориальной обороны"),
    ),
    (
        r"Сил\w*\s+спеціальн\w+\s+операці\w+|ССО|Сил\w*\s+специальн\w+\s+операци\w+|Special\s+Operations\s+Forces",
        "special operations forces",
        ("Special Operations Forces", "Сили спеціальних операцій", "Силы специальных операций"),
    ),
    (
        r"Десантно-штурмов\w+\s+військ\w*|ДШВ|Десантно-штурмов\w+\s+войск\w*|Air\s+Assault\s+Forces",
        "air assault forces",
        ("Air Assault Forces", "Десантно-штурмові війська", "Десантно-штурмовые войска"),
    ),
    (
        r"Росгварді\w*|Росгварди\w*|Rosgvardi(?:y?a)|Russian\s+National\s+Guard",
        "rosgvardia",
        ("Rosgvardia", "Росгвардія", "Росгвардия"),
    ),
    (
        r"(?:ПВК|ЧВК|PMC|груп\w*|групп\w*)\s*[«\"“]?(?:Вагнер|Wagner)\w*[»\"”]?|Wagner\s+Group",
        "wagner group",
        ("Wagner Group", "ПВК «Вагнер»", "ЧВК «Вагнер»"),
    ),
    (
        r"(?:спецназ\w*|підрозділ\w*|подразделени\w*|батальйон\w*|батальон\w*|полк\w*)\s+[«\"“]?Ахмат[»\"”]?|"
        r"[«\"“]Ахмат[»\"”]|Akhmat\s+(?:battalion|unit|forces|special\s+forces)",
        "akhmat",
        ("Akhmat", "«Ахмат»", "«Ахмат»"),
    ),
    (r"(?<![\w-])Кракен\w{0,2}(?![\w-])|\bKraken\b", "kraken", ("Kraken", "«Кракен»", "«Кракен»")),
    (
        r"Вовк\w*\s+Да\s+Вінчі|Волк\w*\s+Да\s+Винчи|Da\s+Vinci\s+Wolves",
        "da vinci wolves",
        ("Da Vinci Wolves", "«Вовки Да Вінчі»", "«Волки Да Винчи»"),
    ),
    (r"(?<![\w-])Харті\w+|Харти\w+|\bKhartiia\b|\bKhartia\b", "khartiia", ("Khartiia", "«Хартія»", "«Хартия»")),
    (
        r"(?:батальйон\w*|батальон\w*|штурмов\w+\s+батальйон\w*)\s+[«\"“]?Айдар[»\"”]?|[«\"“]Айдар[»\"”]|Aidar\s+[Bb]attalion",
        "aidar",
        ("Aidar Battalion", "батальйон «Айдар»", "батальон «Айдар»"),
    ),
]

# Ordinals written as words, capitalised as in a formation's name: "Третього армійського корпусу".
_WORD_ORDINALS = {
    "перш": 1, "друг": 2, "трет": 3, "четверт": 4, "п'ят": 5, "пят": 5, "шост": 6, "сьом": 7, "седьм": 7,
    "восьм": 8, "дев'ят": 9, "девят": 9, "десят": 10, "first": 1, "second": 2, "third": 3, "fourth": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_WORD_ORDINAL_RX = "|".join(
    k[0].upper() + k[1:].replace("'", "['’]") for k in sorted(_WORD_ORDINALS, key=len, reverse=True)
)
_NUM = rf"(?:(?P<num>\d{{1,4}})|(?-i:(?P<word>(?:{_WORD_ORDINAL_RX})[\w'’]*)))"
# Ordinal marks: 36-та / 36-й, 36th, and the German and Polish "36." (followed by a space).
_ORD = r"(?P<ord>\s?-\s?[а-яіїєґ]{1,3}(?![\w])|(?:st|nd|rd|th)(?![\w])|\.(?=\s))"
_TAIL = (
    r"(?:\s+(?:"
    r"НГУ|ЗСУ|ЗС\s+України|ДПСУ|ВДВ|ЗС\s+РФ|ВС\s+РФ|ТрО|Сил\s+ТрО|Росгвардии|Росгвардії|"
    r"Національної\s+гвардії(?:\s+України)?|Нацгвардії|Национальной\s+гвардии(?:\s+Украины)?|"
    r"Сил\s+територіальної\s+оборони(?:\s+ЗСУ)?|"
    r"of\s+the\s+(?:Armed\s+Forces\s+of\s+Ukraine|National\s+Guard(?:\s+of\s+Ukraine)?|Territorial\s+Defen[cs]e\s+Forces)|"
    # "імені контр-адмірала Михайла Білинського": the names must be capitalised, whatever the flags
    r"(?:імені|имени)\s+(?-i:(?:[а-яіїєґ-]+\s+)?[А-ЯІЇЄҐ][\w'’-]+(?:\s+[А-ЯІЇЄҐ][\w'’-]+){0,2})|"
    r"[«\"“][^»\"”\n]{1,30}[»\"”]"
    r"))*"
)
_BRANCH_ANY = "|".join(f"(?:{b[0]})" for b in _BRANCHES.values())
_KIND_ANY = "|".join(f"(?:{k[0]})" for k in _KINDS.values())
_QUALIFIER = rf"(?:{_MODIFIERS}|{_BRANCH_ANY})"

_FULL = re.compile(
    rf"(?<![\w-]){_NUM}{_ORD}?\s+(?P<pre>(?:(?:{_QUALIFIER})\s+){{0,4}})"
    rf"(?P<kind>{_KIND_ANY})(?![\w-])(?P<post>(?:\s+(?:{_BRANCH_ANY})(?![\w-]))?){_TAIL}",
    re.IGNORECASE,
)


# English-language reports transliterate the abbreviations letter by letter ("36 OBrMP", "93 OMBr").
_ABBR_LATIN = str.maketrans(
    {"А": "A", "Б": "B", "В": "V", "Г": "H", "Д": "D", "Е": "E", "М": "M", "Н": "N", "О": "O", "П": "P",
     "С": "S", "Т": "T", "Ш": "Sh", "р": "r", "е": "e", "п": "p"}
)  # fmt: skip


def _ocr_tolerant(abbreviation: str) -> str:
    # Tesseract reads the small "р" before a capital as "рР" ("36 ОБрРМП", "ТрРО", "ОГШБРр").
    tolerant = abbreviation.replace("р", "рр?")
    latin = abbreviation.translate(_ABBR_LATIN)
    return tolerant if latin == abbreviation else f"{tolerant}|{latin}"


_ABBR = re.compile(
    rf"(?<![\w-]){_NUM}{_ORD}?\s*(?:гв\.?\s*)?"
    rf"(?P<abbr>{'|'.join(_ocr_tolerant(a) for a, _, _ in _ABBREVIATIONS)})(?![\w]){_TAIL}",
    re.IGNORECASE,
)
_ABBR_COMPILED = [
    (re.compile(rf"^(?:{_ocr_tolerant(a)})$", re.IGNORECASE), branch, kind) for a, branch, kind in _ABBREVIATIONS
]
_MILITARY_UNIT = re.compile(
    r"(?<![\w])(?:в/ч|в\.\s?ч\.|військов\w*\s+частин\w*|войсков\w*\s+част\w*|military\s+unit|MU)"
    r"\s*(?:№\s*)?(?P<code>[АAВBТTKК]?\s?-?\d{4,5})(?![\w])",
    re.IGNORECASE,
)
_NAMED_COMPILED = [(re.compile(rx), key, names) for rx, key, names in _NAMED]
_PLURAL_QUALIFIER = re.compile(r"(?:і|ые|ых|их|ие|ими|ым)$", re.IGNORECASE)
_BRANCH_COMPILED = [(re.compile(rf"(?:{b[0]})", re.IGNORECASE), name) for name, b in _BRANCHES.items()]
_KIND_COMPILED = [(re.compile(rf"^(?:{k[0]})$", re.IGNORECASE), name) for name, k in _KINDS.items()]
_CYR_TO_LAT = str.maketrans("АВТКаIВ", "ABTKaIB")


def _word_ordinal(word: str) -> str:
    low = word.lower().replace("’", "'")
    for stem in sorted(_WORD_ORDINALS, key=len, reverse=True):
        if low.startswith(stem):
            return str(_WORD_ORDINALS[stem])
    return ""


def _branch_of(text: str) -> str:
    """The most specific branch named in ``text`` (mountain assault before assault)."""
    for pattern, name in _BRANCH_COMPILED:
        if pattern.search(text):
            return name
    return ""


def _kind_of(word: str) -> str:
    for pattern, name in _KIND_COMPILED:
        if pattern.match(word):
            return name
    return "formation"


def _numbered(number: str, branch: str, kind: str) -> Unit:
    key = " ".join(p for p in (str(int(number)), branch, kind) if p)
    unit = Unit(key=key, number=str(int(number)), branch=branch, kind=kind, names=("", "", ""))
    return Unit(key, unit.number, branch, kind, (unit_name(unit, "en"), unit_name(unit, "uk"), unit_name(unit, "ru")))


def find_units(text: str) -> list[UnitMatch]:
    """All formation mentions in ``text``, non-overlapping, longest first."""
    found: list[UnitMatch] = []
    for m in _MILITARY_UNIT.finditer(text):
        code = re.sub(r"[\s-]", "", m.group("code")).translate(_CYR_TO_LAT).upper()
        unit = Unit(
            f"military unit {code}",
            code,
            "",
            "military unit",
            (f"military unit {code}", f"військова частина {code}", f"войсковая часть {code}"),
        )
        found.append(UnitMatch(m.start(), m.end(), unit))
    for m in _ABBR.finditer(text):
        abbr = re.sub(r"\s+", " ", m.group("abbr"))
        for pattern, branch, kind in _ABBR_COMPILED:
            if pattern.match(abbr):
                if abbr.isupper() is False and len(abbr) <= 2:
                    break  # "тд" is "так далі", "ак" a word: two-letter codes only in capitals
                found.append(UnitMatch(m.start(), m.end(), _numbered(m.group("num"), branch, kind)))
                break
    for m in _FULL.finditer(text):
        pre = m.group("pre").strip()
        number = m.group("num") or _word_ordinal(m.group("word") or "")
        if not number or ((m.group("ord") or "") == "." and len(number) > 3):
            continue  # "w 2022. Brygada": a year at a sentence end, not the 2022nd brigade
        # A bare cardinal needs a singular qualifier: "36 окрема бригада", not "3 механізовані бригади".
        if m.group("num") and not m.group("ord") and (not pre or all(_PLURAL_QUALIFIER.search(w) for w in pre.split())):
            continue
        branch = _branch_of(pre + " " + m.group("kind") + " " + m.group(0)[m.end("kind") - m.start() :])
        found.append(UnitMatch(m.start(), m.end(), _numbered(number, branch, _kind_of(m.group("kind")))))
    for pattern, key, names in _NAMED_COMPILED:
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
def parse_unit(surface: str, lang: str = "") -> Unit | None:
    """The unit a mention's text names, if the whole (or most) of it is one formation."""
    matches = find_units(surface)
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


def unit_name(unit: Unit, lang: str) -> str:
    """Canonical display name of a unit in ``lang`` ("36-та бригада морської піхоти")."""
    if not unit.branch and unit.kind not in _KINDS:
        en, uk, ru = unit.names
        return {"uk": uk, "ru": ru}.get(lang, en)
    if unit.kind not in _KINDS:
        return unit.names[0]
    n = int(unit.number)
    _, gender, kind_en, kind_uk, kind_ru = _KINDS[unit.kind]
    branch = _BRANCHES.get(unit.branch)
    if lang in ("uk", "ru"):
        kind_word = kind_uk if lang == "uk" else kind_ru
        ordinal = _uk_ordinal(n, gender) if lang == "uk" else f"{n}-{'я' if gender == 'f' else 'й'}"
        if branch is None:
            return f"{ordinal} {kind_word}"
        _, placement, _, stem_uk, stem_ru = branch
        stem = stem_uk if lang == "uk" else stem_ru
        if placement == "gen":
            return f"{ordinal} {kind_word} {stem}"
        return f"{ordinal} {_adjective(stem, lang, gender)} {kind_word}"
    branch_en = f" {branch[2]}" if branch else ""
    return f"{_en_ordinal(n)}{branch_en} {kind_en}"
