"""A compact statistical Ukrainian NER (PERSON, UNIT, PLACE, ORG), trained on silver data.

No Ukrainian NER model installs from PyPI, so this one is distilled from the project's own rules:

1. Silver data. The current uk extraction (:func:`nlp.extract.extract_mentions`: gazetteer, unit and
   organisation rules, the morphological person rule) is run over

   * raw Ukrainian text that installs offline: the corrected (target) sentences of the ``ua-gec``
     corpus (train partition, first annotator of each document). A sentence is kept only where the
     rules are confident: every capitalised word that does not begin the sentence (or a quote, or a
     clause after a colon or dash) is inside a mention. A sentence with a capitalised word no rule
     explains may hold an entity the rules missed and would teach the model to skip it;
   * domain sentences generated here from templates (:func:`domain_sentences`): invented person names
     in every case, numbered units in full and abbreviated forms, places from the gazetteer in
     inflected forms, organisations. Their labels are the generator's spans (right by construction),
     plus any rule mention that does not overlap them.

   Everything is deterministic: sorted inputs, fixed seeds.
2. ``spacy train`` with ``models/uk_ner/config.cfg`` (HashEmbedCNN tok2vec, width 96, depth 4, + ner;
   blank ``uk`` tokenizer; no lemmatizer), bounded by ``training.max_steps``, seed fixed. Only
   ``model-best`` is kept, as ``models/uk_ner/model``.
3. :func:`ensure_model` (called by ``python -m nlp.build_models``) retrains only when the model is
   missing or the recipe hash (this file, the config, the ua-gec and spaCy versions) differs from
   ``models/uk_ner/recipe.sha256``. Changes to the rules themselves do not trigger a retrain (it
   would happen on every rule edit); force one with ``python -m nlp.train_uk train --force``.

Use: :func:`load_uk_ner` returns the loaded pipeline (``spacy.load``, offline) or None when it is not
built. Labels: ``PERSON`` (people, any case, with patronymic), ``UNIT`` (military formations, "36-ї
окремої бригади морської піхоти", "93 ОМБр", "в/ч А0989"), ``PLACE`` (settlements, regions,
countries, facilities), ``ORG`` (organisations: ЗСУ, СБУ, ООН, Міністерство оборони України, ...).

CLI: ``python -m nlp.train_uk {data,train,bench,eval} [--models-dir DIR]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import DocBin

log = logging.getLogger("nlp.train_uk")

__all__ = [
    "LABELS",
    "SilverExample",
    "domain_sentences",
    "ensure_model",
    "load_uk_ner",
    "recipe_hash",
    "silver_from_rules",
    "to_docbin",
]

LABELS = ("PERSON", "UNIT", "PLACE", "ORG")
NER_DIR = "uk_ner"  # under models_dir
MODEL_SUBDIR = "model"
RECIPE_FILE = "recipe.sha256"
CONFIG_FILE = "config.cfg"
SEED = 20260
N_DOMAIN = 1000  # generated domain sentences
MAX_UAGEC_WITH_ENTITIES = 2600
MAX_UAGEC_WITHOUT = 900  # negatives: sentences with no entity and no unexplained capitalised word
DEV_FRACTION = 0.1
_REPO_MODELS = Path(__file__).resolve().parent.parent / "models"

Span = tuple[int, int, str]


@dataclass(frozen=True)
class SilverExample:
    text: str
    spans: tuple[Span, ...]  # (start, end, label), character offsets, sorted, non-overlapping
    source: str  # "ua-gec" | "domain"


# --- loading ----------------------------------------------------------------------------------------
def model_path(models_dir: Path) -> Path:
    return Path(models_dir) / NER_DIR / MODEL_SUBDIR


@lru_cache(maxsize=4)
def load_uk_ner(models_dir: Path) -> Language | None:
    """The trained Ukrainian NER (labels PERSON, UNIT, PLACE, ORG) or None if it is not built.

    Loaded once per process with ``spacy.load`` (offline; ~0.3 s). ``doc.ents`` holds its spans.
    """
    path = model_path(Path(models_dir))
    if not (path / "meta.json").exists():
        return None
    return spacy.load(path)


# --- silver data: ua-gec ----------------------------------------------------------------------------
def uagec_sentences() -> list[str]:
    """Corrected sentences of ua-gec's train partition (first annotator per document), in file order,
    deduplicated, 25-300 characters."""
    import ua_gec

    root = Path(ua_gec.__file__).parent / "data" / "gec-fluency" / "train" / "target-sentences"
    seen_docs: set[str] = set()
    seen: set[str] = set()
    out: list[str] = []
    for path in sorted(root.glob("*.txt")):
        doc_id = path.name.split(".")[0]
        if doc_id in seen_docs:
            continue  # other annotators' corrections of the same text
        seen_docs.add(doc_id)
        for line in path.read_text(encoding="utf-8").split("\n"):
            s = line.strip()
            if 25 <= len(s) <= 300 and s not in seen:
                seen.add(s)
                out.append(s)
    return out


_WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*")
_OPENERS = set("«\"“„'(—–-:.!?…")


def unexplained_capitals(text: str, spans: Sequence[Span]) -> list[str]:
    """Capitalised words outside every span that do not start the sentence, a quote or a clause."""
    out: list[str] = []
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[:1].isupper():
            continue
        if any(s <= m.start() < e for s, e, _ in spans):
            continue
        before = text[: m.start()].rstrip()
        if not before or before[-1] in _OPENERS:
            continue
        out.append(word)
    return out


def silver_from_rules(texts: Iterable[str], models_dir: Path, source: str = "ua-gec") -> list[SilverExample]:
    """Rule mentions of each text; texts the rules are not confident about are left out."""
    from nlp.extract import extract_mentions

    out: list[SilverExample] = []
    for text in texts:
        mentions = extract_mentions(text, "uk", models_dir)
        spans = tuple(sorted((m.start, m.end, m.label) for m in mentions if m.label in LABELS))
        if _overlapping(spans) or unexplained_capitals(text, spans):
            continue
        out.append(SilverExample(text, spans, source))
    return out


def _overlapping(spans: Sequence[Span]) -> bool:
    return any(a[1] > b[0] for a, b in zip(spans, spans[1:], strict=False))


# --- silver data: generated domain sentences -------------------------------------------------------
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
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_ROLE = {"first": "Name", "surname": "Surn", "patr": "Patr"}


def _inflect_name_part(word: str, role: str, gender: str, case: str) -> str | None:
    """One part of a Ukrainian name in ``case``; None when the morphology has no reliable form."""
    from nlp.normalize import parse_word

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


def _ordinal_fem(n: int, case: str) -> str:
    if case == "nomn":
        last = str(n)[-1] if not 10 < n % 100 < 20 else "0"
        return f"{n}-{_ORD_NOMN.get(last, 'та')}"
    return f"{n}-{_ORD_FEM[case]}"


def _adj_fem(adj: str, case: str) -> str:
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
        return f"{n} {abbr}" if rng.random() < 0.6 else f"{_ordinal_fem(n, case)} {abbr}"
    words = [_ordinal_fem(n, case), _adj_fem("окрема", case)]
    if adj.startswith("бригада"):
        words += [_BRIGADE[case], "морської піхоти"]
    else:
        words += [_adj_fem(adj, case), _BRIGADE[case]]
    return " ".join(words)


_ORGS: tuple[dict[str, str], ...] = tuple(
    dict(zip(("nomn", "gent", "datv", "ablt"), forms, strict=True))
    for forms in (
        ("ЗСУ", "ЗСУ", "ЗСУ", "ЗСУ"),
        ("СБУ", "СБУ", "СБУ", "СБУ"),
        ("ГУР", "ГУР", "ГУР", "ГУР"),
        ("ООН", "ООН", "ООН", "ООН"),
        ("ОБСЄ", "ОБСЄ", "ОБСЄ", "ОБСЄ"),
        ("ФСБ", "ФСБ", "ФСБ", "ФСБ"),
        ("МКЧХ", "МКЧХ", "МКЧХ", "МКЧХ"),
        ("Служба безпеки України", "Служби безпеки України", "Службі безпеки України", "Службою безпеки України"),
        ("Міністерство оборони України", "Міністерства оборони України", "Міністерству оборони України",
         "Міністерством оборони України"),
        ("Національна поліція", "Національної поліції", "Національній поліції", "Національною поліцією"),
        ("Офіс Генерального прокурора", "Офісу Генерального прокурора", "Офісу Генерального прокурора",
         "Офісом Генерального прокурора"),
        ("Міжнародний комітет Червоного Хреста", "Міжнародного комітету Червоного Хреста",
         "Міжнародному комітету Червоного Хреста", "Міжнародним комітетом Червоного Хреста"),
        ("Координаційний штаб з питань поводження з військовополоненими",
         "Координаційного штабу з питань поводження з військовополоненими",
         "Координаційному штабу з питань поводження з військовополоненими",
         "Координаційним штабом з питань поводження з військовополоненими"),
        ("Генеральний штаб ЗСУ", "Генерального штабу ЗСУ", "Генеральному штабу ЗСУ", "Генеральним штабом ЗСУ"),
        ("Міністерство оборони Росії", "Міністерства оборони Росії", "Міністерству оборони Росії",
         "Міністерством оборони Росії"),
        ("Державна прикордонна служба", "Державної прикордонної служби", "Державній прикордонній службі",
         "Державною прикордонною службою"),
        ("Amnesty International", "Amnesty International", "Amnesty International", "Amnesty International"),
        ("Human Rights Watch", "Human Rights Watch", "Human Rights Watch", "Human Rights Watch"),
    )
)  # fmt: skip


@lru_cache(maxsize=4)
def _gazetteer_places(models_dir: Path) -> tuple[str, ...]:
    """Ukrainian names of well-known places: cities ≥ 20k, oblasts, curated frontline places and
    facilities, Russian cities ≥ 300k; never names that are also ordinary words or first names."""
    from nlp.gazetteer import GAZETTEER_FILE

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
    from nlp.build_models import _inflect_word, _nominative_parse

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
            p = _nominative_parse(part, "uk", wants[0]) or _nominative_parse(part, "uk", wants[1])
            if p is None or not p.is_known:
                return None  # a predicted reading declines unknown names wrongly (Ірпінь → Ірпеневі)
            form = _inflect_word(part, "uk", case, p)
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


def _org(rng: random.Random, case: str) -> str:
    org = rng.choice(_ORGS)
    if case in ("accs", "loct_or_gent"):
        return org["gent"] if case == "loct_or_gent" else org["nomn"]
    return org[case]


_SLOT = re.compile(r"\{([PULOR])(?::(\w+))?\}")


def domain_sentences(models_dir: Path, n: int = N_DOMAIN, seed: int = SEED) -> list[SilverExample]:
    """``n`` generated domain sentences with their entity spans (the generator's, right by construction)."""
    rng = random.Random(seed)
    places = _gazetteer_places(Path(models_dir))
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
                value, label = _org(rng, case), "ORG"
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


def _with_rule_extras(examples: list[SilverExample], models_dir: Path) -> list[SilverExample]:
    """Generated spans plus any rule mention that overlaps none of them."""
    from nlp.extract import extract_mentions

    out = []
    for ex in examples:
        spans = list(ex.spans)
        for m in extract_mentions(ex.text, "uk", models_dir):
            if m.label in LABELS and not any(m.start < e and s < m.end for s, e, _ in ex.spans):
                spans.append((m.start, m.end, m.label))
        spans.sort()
        if not _overlapping(spans):
            out.append(SilverExample(ex.text, tuple(spans), ex.source))
    return out


def build_silver(models_dir: Path) -> list[SilverExample]:
    """The whole training set, deterministic: kept ua-gec sentences (with and without entities) and
    the generated domain sentences, shuffled with a fixed seed."""
    models_dir = Path(models_dir)
    rng = random.Random(SEED)
    kept = silver_from_rules(uagec_sentences(), models_dir)
    with_entities = [e for e in kept if e.spans]
    without = [e for e in kept if not e.spans]
    rng.shuffle(with_entities)
    rng.shuffle(without)
    examples = with_entities[:MAX_UAGEC_WITH_ENTITIES] + without[:MAX_UAGEC_WITHOUT]
    examples += _with_rule_extras(domain_sentences(models_dir), models_dir)
    rng.shuffle(examples)
    return examples


def to_docbin(examples: Iterable[SilverExample]) -> DocBin:
    """spaCy training docs (blank ``uk`` tokenizer); a span that does not align to tokens is widened."""
    nlp = spacy.blank("uk")
    db = DocBin(store_user_data=False)
    for ex in examples:
        doc = nlp.make_doc(ex.text)
        ents = []
        for s, e, label in ex.spans:
            span = doc.char_span(s, e, label=label, alignment_mode="expand")
            if span is not None and not any(span.start < o.end and o.start < span.end for o in ents):
                ents.append(span)
        doc.ents = ents
        db.add(doc)
    return db


def write_data(models_dir: Path, out_dir: Path) -> dict[str, int]:
    """train.spacy / dev.spacy in ``out_dir``; returns counts."""
    examples = build_silver(models_dir)
    n_dev = max(1, int(len(examples) * DEV_FRACTION))
    dev, train = examples[:n_dev], examples[n_dev:]
    out_dir.mkdir(parents=True, exist_ok=True)
    to_docbin(train).to_disk(out_dir / "train.spacy")
    to_docbin(dev).to_disk(out_dir / "dev.spacy")
    counts: dict[str, int] = {"train": len(train), "dev": len(dev)}
    for ex in examples:
        counts[ex.source] = counts.get(ex.source, 0) + 1
        for _, _, label in ex.spans:
            counts[label] = counts.get(label, 0) + 1
    return counts


# --- training and the recipe hash -------------------------------------------------------------------
def config_path(models_dir: Path) -> Path:
    path = Path(models_dir) / NER_DIR / CONFIG_FILE
    return path if path.exists() else _REPO_MODELS / NER_DIR / CONFIG_FILE


def recipe_hash(models_dir: Path) -> str:
    """sha256 over what determines the model: this file, the config, the versions of ua-gec and spaCy."""
    h = hashlib.sha256()
    h.update(Path(__file__).read_bytes())
    h.update(config_path(models_dir).read_bytes())
    for package in ("ua-gec", "spacy"):
        h.update(f"{package}=={metadata.version(package)}\n".encode())
    return h.hexdigest()


def train(models_dir: Path, seed: int = SEED) -> dict[str, float]:
    """Build the silver data and train; the model replaces ``models/uk_ner/model``. Returns stats."""
    models_dir = Path(models_dir)
    target = model_path(models_dir)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="uk_ner_") as tmp:
        work = Path(tmp)
        counts = write_data(models_dir, work)
        data_s = time.monotonic() - started
        log.info("silver data: %s (%.0f s)", counts, data_s)
        cmd = [
            sys.executable, "-m", "spacy", "train", str(config_path(models_dir)),
            "--output", str(work / "out"),
            "--paths.train", str(work / "train.spacy"), "--paths.dev", str(work / "dev.spacy"),
            "--system.seed", str(seed), "--gpu-id", "-1",
        ]  # fmt: skip
        t0 = time.monotonic()
        subprocess.run(cmd, check=True)
        train_s = time.monotonic() - t0
        best = work / "out" / "model-best"
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(best, target)
    (models_dir / NER_DIR / RECIPE_FILE).write_text(recipe_hash(models_dir) + "\n", encoding="utf-8")
    load_uk_ner.cache_clear()
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    stats = {"data_s": data_s, "train_s": train_s, "size_mb": size / 1e6, **{k: float(v) for k, v in counts.items()}}
    log.info("uk NER: %s", stats)
    return stats


def ensure_model(models_dir: Path, force: bool = False) -> bool:
    """Train the uk NER if it is missing or its recipe changed; True if it (re)trained."""
    models_dir = Path(models_dir)
    stamp = models_dir / NER_DIR / RECIPE_FILE
    current = recipe_hash(models_dir)
    built = (model_path(models_dir) / "meta.json").exists()
    if not force and built and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == current:
        log.info("uk NER up to date (%s)", model_path(models_dir))
        return False
    repo_stamp = _REPO_MODELS / NER_DIR / RECIPE_FILE
    repo_model = model_path(_REPO_MODELS)
    if (
        not force
        and models_dir.resolve() != _REPO_MODELS.resolve()
        and (repo_model / "meta.json").exists()
        and repo_stamp.exists()
        and repo_stamp.read_text(encoding="utf-8").strip() == current
    ):
        # Another models dir (a fresh --models-dir): the committed model of the same recipe will do.
        if model_path(models_dir).exists():
            shutil.rmtree(model_path(models_dir))
        shutil.copytree(repo_model, model_path(models_dir))
        stamp.write_text(current + "\n", encoding="utf-8")
        log.info("uk NER copied from %s", repo_model)
        return False
    log.info("training the uk NER (≤ 5 min on 2 cores)")
    train(models_dir)
    return True


# --- measurement ------------------------------------------------------------------------------------
def bench(models_dir: Path, n_sentences: int = 3000) -> float:
    """Words per second of the trained model alone on ua-gec sentences (single process)."""
    nlp = load_uk_ner(Path(models_dir))
    if nlp is None:
        raise SystemExit("model not built")
    texts = uagec_sentences()[-n_sentences:]
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:200]))
    t0 = time.monotonic()
    for _ in nlp.pipe(texts, batch_size=256):
        pass
    return words / (time.monotonic() - t0)


def _prf(pred: set[tuple[int, int, str]], gold: set[tuple[int, int, str]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for label in (*LABELS, "ALL"):
        p = {x for x in pred if label in ("ALL", x[2])}
        g = {x for x in gold if label in ("ALL", x[2])}
        tp = len(p & g)
        prec = tp / len(p) if p else 0.0
        rec = tp / len(g) if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[label] = {"p": round(prec, 3), "r": round(rec, 3), "f1": round(f1, 3), "n_gold": len(g)}
    return out


def union_spans(first: Sequence[Span], fill: Sequence[Span]) -> list[Span]:
    """``first`` spans, then every ``fill`` span that overlaps none of them."""
    out = list(first)
    out += [f for f in fill if not any(f[0] < e and s < f[1] for s, e, _ in first)]
    return sorted(out)


def evaluate(models_dir: Path, gold_path: Path, split: str = "dev") -> dict[str, dict[str, dict[str, float]]]:
    """Span P/R/F1 per label of the rules, the model, and model ∪ rules on one split of a gold file.

    Gold lines: ``{"text": ..., "split": "dev", "spans": [{"start", "end", "label"}, ...]}`` (``entities``
    / ``[start, end, label]`` lists are accepted too). Only ``split`` is read.
    """
    from nlp.extract import _trim, extract_mentions

    models_dir = Path(models_dir)
    nlp = load_uk_ner(models_dir)
    pred: dict[str, set[tuple[int, int, str]]] = {"rules": set(), "model": set(), "model+rules": set()}
    gold: set[tuple[int, int, str]] = set()
    for i, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("split") != split:
            continue
        text = row["text"]
        for sp in row.get("spans") or row.get("entities") or []:
            s, e, label = (sp["start"], sp["end"], sp["label"]) if isinstance(sp, dict) else sp
            gold.add((i * 10_000_000 + s, i * 10_000_000 + e, label))
        rules = [(m.start, m.end, m.label) for m in extract_mentions(text, "uk", models_dir)]
        model: list[Span] = []
        if nlp is not None:
            for ent in nlp(text).ents:
                s, e = _trim(text, ent.start_char, ent.end_char)
                if e > s:
                    model.append((s, e, ent.label_))
        for name, spans in (("rules", rules), ("model", model), ("model+rules", union_spans(model, rules))):
            pred[name] |= {(i * 10_000_000 + s, i * 10_000_000 + e, label) for s, e, label in spans}
    return {name: _prf(p, gold) for name, p in pred.items()}


def main(argv: list[str] | None = None) -> int:
    from crosscheck.settings import Settings

    parser = argparse.ArgumentParser(description="Train / measure the Ukrainian NER.")
    parser.add_argument("command", choices=("data", "train", "bench", "eval"))
    parser.add_argument("--models-dir", type=Path, default=None, help="default: Settings().models_dir")
    parser.add_argument("--force", action="store_true", help="train: retrain even if the recipe is unchanged")
    parser.add_argument("--gold", type=Path, default=Path("tests/gold/ner_uk.jsonl"))
    parser.add_argument("--out", type=Path, default=Path("models/build/uk_ner_data"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    models_dir: Path = args.models_dir or Settings().models_dir
    if args.command == "data":
        print(json.dumps(write_data(models_dir, args.out), ensure_ascii=False))
    elif args.command == "train":
        ensure_model(models_dir, force=args.force)
    elif args.command == "bench":
        print(f"{bench(models_dir):.0f} words/s")
    else:
        print(json.dumps(evaluate(models_dir, args.gold), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
