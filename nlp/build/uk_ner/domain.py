"""Generated domain sentences for the Ukrainian NER: templates filled with invented people, units, places, orgs.

ua-gec text has few soldiers, brigades and prisoner exchanges; these sentences teach the model the
domain. Person names are invented (first names, surnames, patronymics put into every case with
pymorphy3), units are numbered brigades in full and abbreviated forms and military unit codes, places
come from the built gazetteer in inflected forms, organisations from the case forms of
``models/ner/organisations.json``. The spans are the generator's, right by construction.

The name lists and templates here are build-time recipe data: the runtime never reads them. Part of
the recipe hash (:mod:`nlp.build.uk_ner.train`): editing this file retrains the model.
"""

from __future__ import annotations

import json
import random
import re
from functools import lru_cache
from pathlib import Path

from nlp.build.inflect import inflect_word, nominative_parse
from nlp.build.uk_ner.silver import SEED, SilverExample, Span
from nlp.components.organisations import load_organisation_forms
from nlp.gazetteer import GAZETTEER_FILE
from nlp.normalize import parse_word

__all__ = ["N_DOMAIN", "adj_fem", "domain_sentences", "ordinal_fem"]

N_DOMAIN = 1000  # generated domain sentences

_FIRST_M = (
    "Олександр Андрій Богдан Василь Дмитро Євген Іван Максим Микола Назар Олег Петро Роман Сергій Тарас "
    "Юрій Ярослав Віталій Остап Григорій Артем Денис Владислав Степан"
).split()
_FIRST_F = (
    "Олена Ганна Ірина Катерина Людмила Марія Наталія Оксана Світлана Тетяна Юлія Софія Вікторія Дарина "
    "Христина Галина Лариса"
).split()
_SURNAMES = (
    "Коваленко Бондаренко Ткаченко Кравченко Шевчук Поліщук Ковальчук Савчук Мельник Бойко Олійник "
    "Лисенко Руденко Марченко Остапчук Гнатюк Яковенко Мороз Тимошенко Павленко Кравець Гуменюк Зінченко "
    "Стельмах Дорошенко Приходько Кушнір Войтович Левченко Онищенко Симоненко Федорук Пилипчук Карпенко"
).split()
_SURNAMES_ADJ = "Ковальський Заболотний Вишневський Яворський Кобилянський Білецький Городецький".split()
_PATR = {  # father's name → (masculine, feminine) patronymic
    "Іван": ("Іванович", "Іванівна"),
    "Петро": ("Петрович", "Петрівна"),
    "Микола": ("Миколайович", "Миколаївна"),
    "Олександр": ("Олександрович", "Олександрівна"),
    "Сергій": ("Сергійович", "Сергіївна"),
    "Василь": ("Васильович", "Василівна"),
    "Андрій": ("Андрійович", "Андріївна"),
    "Юрій": ("Юрійович", "Юріївна"),
    "Богдан": ("Богданович", "Богданівна"),
    "Роман": ("Романович", "Романівна"),
    "Володимир": ("Володимирович", "Володимирівна"),
    "Віктор": ("Вікторович", "Вікторівна"),
}
_ROLE = {"first": "Name", "surname": "Surn", "patr": "Patr"}


def _inflect_name_part(word: str, role: str, gender: str, case: str) -> str | None:
    """One part of a Ukrainian name in ``case``; None when the morphology has no reliable form."""
    if case == "nomn":
        return word
    if role == "surname" and gender == "femn" and not word.endswith(("ська", "цька", "зька", "на", "ва")):
        return word  # Шевчук, Коваленко as a woman's surname do not decline
    grammeme = _ROLE[role]
    for p in parse_word(word, "uk"):
        g = p.tag.grammemes
        if p.tag.case != "nomn" or "plur" in g:
            continue
        if grammeme not in g and not (role == "surname" and p.tag.POS in ("NOUN", "ADJF")):
            continue
        if p.tag.gender not in (gender, None) and "ms-f" not in g:
            continue
        try:
            inflected = p.inflect({case, gender}) or p.inflect({case})
        except ValueError:
            inflected = None
        if inflected is not None:
            form = inflected.word
            return form[:1].upper() + form[1:]
    return None


def _person(rng: random.Random, case: str) -> str | None:
    gender = "masc" if rng.random() < 0.6 else "femn"
    first = rng.choice(_FIRST_M if gender == "masc" else _FIRST_F)
    if rng.random() < 0.25:
        surname = rng.choice(_SURNAMES_ADJ)
        if gender == "femn":
            surname = surname[:-2] + "а"  # Ковальський → Ковальська, Заболотний → Заболотна
    else:
        surname = rng.choice(_SURNAMES)
    patr = _PATR[rng.choice(sorted(_PATR))][0 if gender == "masc" else 1]
    parts = {
        "first": _inflect_name_part(first, "first", gender, case),
        "surname": _inflect_name_part(surname, "surname", gender, case),
        "patr": _inflect_name_part(patr, "patr", gender, case),
    }
    order = rng.choice(
        (("first", "surname"), ("first", "surname"), ("surname", "first", "patr"), ("first", "patr", "surname"),
         ("surname", "first"), ("initial", "surname"), ("surname",))
    )  # fmt: skip
    words: list[str] = []
    for role in order:
        if role == "initial":
            words.append(first[0] + ".")
            continue
        form = parts[role]
        if form is None:
            return None
        words.append(form)
    return " ".join(words)


_ORD_NOMN = {"1": "ша", "2": "га", "3": "тя", "7": "ма", "8": "ма"}
_ORD_FEM = {"gent": "ї", "datv": "й", "accs": "у", "ablt": "ю", "loct": "й"}
_BRIGADE_ADJ = (
    ("механізована", "ОМБр"),
    ("штурмова", "ОШБр"),
    ("десантно-штурмова", "ОДШБр"),
    ("артилерійська", "ОАБр"),
    ("танкова", "ОТБр"),
    ("гірсько-штурмова", "ОГШБр"),
    ("аеромобільна", "ОАеМБр"),
    ("бригада морської піхоти", "ОБрМП"),
)
_ADJ_FEM_END = {"nomn": "а", "gent": "ої", "datv": "ій", "accs": "у", "ablt": "ою", "loct": "ій"}
_BRIGADE = {"nomn": "бригада", "gent": "бригади", "datv": "бригаді", "accs": "бригаду", "ablt": "бригадою",
            "loct": "бригаді"}  # fmt: skip
_UNIT_PART = {"nomn": "військова частина", "gent": "військової частини", "datv": "військовій частині",
              "accs": "військову частину", "ablt": "військовою частиною", "loct": "військовій частині"}  # fmt: skip
_MARINE_NUMBERS = (35, 36, 37, 38)


def ordinal_fem(n: int, case: str) -> str:
    """A feminine ordinal as written with digits: 93 → "93-тя" (nominative), "93-ї" (genitive)."""
    if case == "nomn":
        last = str(n)[-1] if not 10 < n % 100 < 20 else "0"
        return f"{n}-{_ORD_NOMN.get(last, 'та')}"
    return f"{n}-{_ORD_FEM[case]}"


def adj_fem(adj: str, case: str) -> str:
    """A feminine adjective in ``case``: "механізована" → "механізованої" (genitive)."""
    head, _, last = adj.rpartition("-")  # десантно-штурмова: only the last part declines
    return (head + "-" if head else "") + last[:-1] + _ADJ_FEM_END[case]


def _unit(rng: random.Random, case: str) -> str:
    kind = rng.random()
    if kind < 0.12:
        code = f"{rng.choice('АВ')}{rng.randint(1000, 9999)}"
        return f"в/ч {code}" if rng.random() < 0.5 else f"{_UNIT_PART[case]} {code}"
    adj, abbr = rng.choice(_BRIGADE_ADJ)
    n = rng.choice(_MARINE_NUMBERS) if abbr == "ОБрМП" else rng.choice((rng.randint(1, 160), rng.randint(10, 79)))
    if kind < 0.5:  # abbreviated: "93 ОМБр", "93-ї ОМБр"
        return f"{n} {abbr}" if rng.random() < 0.6 else f"{ordinal_fem(n, case)} {abbr}"
    words = [ordinal_fem(n, case), adj_fem("окрема", case)]
    if adj.startswith("бригада"):
        words += [_BRIGADE[case], "морської піхоти"]
    else:
        words += [adj_fem(adj, case), _BRIGADE[case]]
    return " ".join(words)


@lru_cache(maxsize=4)
def _gazetteer_places(models_dir: Path) -> tuple[str, ...]:
    """Ukrainian names of well-known places: cities ≥ 20k, oblasts, curated frontline places and
    facilities, Russian cities ≥ 300k; never names that are also ordinary words or first names."""
    names: set[str] = set()
    with (Path(models_dir) / GAZETTEER_FILE).open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            uk = row.get("uk") or ""
            if not uk or row.get("common") or row.get("person_like") or not re.search(r"[а-яіїєґ]", uk):
                continue
            kind, country, pop = row["kind"], row["country"], row.get("pop", 0)
            if (
                (kind == "city" and country == "UA" and pop >= 20_000)
                or (kind == "city" and country == "RU" and pop >= 300_000)
                or kind in ("oblast", "facility", "region")
                or (country == "UA" and row.get("prio", 0) >= 2 and kind == "settlement")
            ):
                names.add(uk)
    return tuple(sorted(names))


@lru_cache(maxsize=20_000)
def _place_form(name: str, case: str) -> str | None:
    """``name`` in ``case`` (leading adjectives and the head noun inflect), capitalised as written."""
    if case == "nomn":
        return name
    out: list[str] = []
    head_done = False
    words = name.split()
    for i, word in enumerate(words):
        if head_done or word.isupper() or word[:1].islower() and i > 0 and not out[-1][:1].isupper():
            out.append(word)  # АЕС, the genitive after the head ("Республіка Крим")
            continue
        parts = word.split("-")
        if len(parts) > 1 and any(p[:1].islower() for p in parts[1:]):
            return None  # Ростов-на-Дону: skip
        forms = []
        for part in parts:
            # Before the last word an adjective reading wins ("Нова Забудова": нова is also a noun).
            wants = ("ADJF", "NOUN") if i < len(words) - 1 else ("NOUN", "ADJF")
            p = nominative_parse(part, "uk", wants[0]) or nominative_parse(part, "uk", wants[1])
            if p is None or not p.is_known:
                return None  # a predicted reading declines unknown names wrongly (Ірпінь → Ірпеневі)
            form = inflect_word(part, "uk", case, p)
            forms.append(form[:1].upper() + form[1:] if part[:1].isupper() else form)
            if p.tag.POS == "NOUN":
                head_done = True
        out.append("-".join(forms))
    return " ".join(out)


# Templates: {P:case} person, {U:case} unit, {L:case} place, {O:case} organisation (nomn/gent/datv/ablt).
_TEMPLATES = (
    "{P:nomn} повернувся додому з полону після обміну, повідомив {O:nomn}.",
    "{P:nomn}, військовослужбовець {U:gent}, потрапив у полон під {L:ablt}.",
    "За даними {O:gent}, {P:accs} затримали у {L:loct} в березні 2022 року.",
    "Бійці {U:gent} обороняли {L:accs} до травня.",
    "{O:nomn} повідомила про обстріл {L:gent}.",
    "Мати {P:gent} звернулася до {O:gent} з проханням знайти сина.",
    "У списку звільнених є {P:nomn} з {U:gent}.",
    "Командир {U:gent} {P:nomn} заявив, що ситуація біля {L:gent} складна.",
    "Рідні {P:gent} востаннє виходили на зв'язок з ним у {L:loct}.",
    "{P:accs} вивезли з {L:gent} до {L:gent}.",
    "Слідчі {O:gent} встановили особу {P:gent}.",
    "{U:nomn} звільнила {L:accs}, повідомили в {O:loct_or_gent}.",
    "Про це розповів {P:nomn}, який служив у {U:loct}.",
    "Представники {O:gent} відвідали {L:accs} і поспілкувалися з {P:ablt}.",
    "{P:datv} вдалося вийти з оточення біля {L:gent}.",
    "Після обміну {P:nomn} та {P:nomn} проходять реабілітацію у {L:loct}.",
    "Військовослужбовця {U:gent} {P:accs} вважають зниклим безвісти з квітня.",
    "{O:nomn} передала списки полонених {O:datv}.",
    "У {L:loct} окупанти утримують {P:accs}.",
    "Зі слів {P:gent}, у {L:loct} їх допитували співробітники {O:gent}.",
    "На напрямку {L:gent} діють підрозділи {U:gent}.",
    "Розмову з {P:ablt} записали журналісти в {L:loct}.",
    "Дружина {P:gent} дізналася про полон чоловіка від {O:gent}.",
    "{P:nomn} народився в {L:loct}, служив у {U:loct}.",
    "Тіла загиблих з {L:gent} передали {O:datv}.",
    "{O:nomn} фіксує порушення прав полонених у {L:loct}.",
    "Позиції {U:gent} поблизу {L:gent} обстріляли вночі.",
    "Звернувся до {P:gent} по коментар, але {P:nomn} відмовився говорити.",
    "Листа від {P:gent} передали через {O:accs}.",
    "{P:nomn} з {L:gent} тепер служить у {U:loct}.",
    "Окупанти вивезли мешканців {L:gent} до {L:gent}.",
    "Як повідомив {P:nomn}, {U:nomn} утримує позиції.",
    "Згідно з документами, {P:nomn} значиться в {U:loct}.",
    "Співробітники {O:gent} затримали {P:accs} в {L:loct}.",
    "Уповноважений зустрівся з {P:ablt} у {L:loct}.",
    # A role noun before the name is not part of it, at the start of a sentence too.
    "{R} {P:nomn} розповів про умови утримання в {L:loct}.",
    "{R} {P:nomn} повернувся з полону.",
    "{R} {P:nomn} заявив, що {O:nomn} не мала доступу до полонених.",
    "{R} {P:nomn} служив у {U:loct}.",
    "Обмін відбувся біля {L:gent}, розповів {R:lower} {P:nomn}.",
    "Про це повідомив {R:lower} {P:nomn}.",
    "{R} {P:nomn} з {L:gent} досі вважається зниклим безвісти.",
    "Як зазначив {R:lower} {P:nomn}, {L:nomn} під постійними обстрілами.",
)
_ROLES = (
    "Полонений Військовослужбовець Омбудсман Волонтер Батько Брат Командир Речник Боєць Прикордонник "
    "Журналіст Слідчий Сержант Солдат Лейтенант Медик Захисник Нацгвардієць Правозахисник Голова Мер "
    "Свідок Морпіх Капітан Полковник Генерал Міністр Уповноважений Розвідник Десантник"
).split()


def _org(rng: random.Random, orgs: tuple[dict[str, str], ...], case: str) -> str:
    org = rng.choice(orgs)
    if case in ("accs", "loct_or_gent"):
        return org["gent"] if case == "loct_or_gent" else org["nomn"]
    return org[case]


_SLOT = re.compile(r"\{([PULOR])(?::(\w+))?\}")


def domain_sentences(models_dir: Path, n: int = N_DOMAIN, seed: int = SEED) -> list[SilverExample]:
    """``n`` generated domain sentences with their entity spans (the generator's, right by construction)."""
    rng = random.Random(seed)
    places = _gazetteer_places(Path(models_dir))
    orgs = load_organisation_forms(models_dir)
    out: list[SilverExample] = []
    attempts = 0
    while len(out) < n and attempts < n * 10:
        attempts += 1
        template = _TEMPLATES[attempts % len(_TEMPLATES)]
        text = ""
        spans: list[Span] = []
        pos = 0
        ok = True
        for m in _SLOT.finditer(template):
            kind, case = m.group(1), m.group(2)
            text += template[pos : m.start()]
            pos = m.end()
            if kind == "R":  # a role noun: text, not an entity
                role = rng.choice(_ROLES)
                text += role.lower() if case == "lower" else role
                continue
            if kind == "P":
                value, label = _person(rng, case), "PERSON"
            elif kind == "U":
                value, label = _unit(rng, case), "UNIT"
            elif kind == "L":
                value, label = _place_form(rng.choice(places), case), "PLACE"
            else:
                value, label = _org(rng, orgs, case), "ORG"
            if not value:
                ok = False
                break
            spans.append((len(text), len(text) + len(value), label))
            text += value
        if not ok:
            continue
        text += template[pos:]
        text = text[:1].upper() + text[1:]
        out.append(SilverExample(text, tuple(spans), "domain"))
    return out
