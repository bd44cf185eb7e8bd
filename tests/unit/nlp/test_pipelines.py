"""Rules of the NER pipelines that the gold set showed were needed (persons invented)."""

from __future__ import annotations

import pytest

from crosscheck.settings import Settings
from nlp.extract import extract_mentions
from nlp.gazetteer import load_gazetteer

MODELS = Settings().models_dir


def _found(text: str, lang: str) -> set[tuple[str, str]]:
    return {(m.label, m.surface) for m in extract_mentions(text, lang, MODELS)}


CASES = [
    # Ukrainian: a lone surname, with a verb of speech or without; a first name inside a sentence.
    ("uk", "Нам потрібні відповіді, — наголосив Гайдученко.", {("PERSON", "Гайдученко")}),
    ("uk", "Родина Ткачука дізналася про полон із відео.", {("PERSON", "Ткачука")}),
    ("uk", "Мороз подякував побратимам.", {("PERSON", "Мороз")}),
    ("uk", "Матір Анастасії не пускають на побачення.", {("PERSON", "Анастасії")}),
    ("uk", "Ярослав Гуменюк-Стасів провів у полоні рік.", {("PERSON", "Ярослав Гуменюк-Стасів")}),
    # Titles and kinship words are not part of the name.
    ("uk", "Батько Павленка упізнав сина.", {("PERSON", "Павленка")}),
    ("en", "Volunteer Anna Sydorenko from Dnipro collects names.", {("PERSON", "Anna Sydorenko")}),
    # Case forms the build did not generate, found by lemma.
    ("uk", "У Москві заявили, що готові до обміну.", {("PLACE", "Москві")}),
    ("uk", "Полонена провела в Таганрозі одинадцять місяців.", {("PLACE", "Таганрозі")}),
    # Organisations: regional administrations, media.
    ("uk", "За словами начальника Одеської ОВА, загинули четверо.", {("ORG", "Одеської ОВА")}),
    ("uk", "Цитату наводить Укрінформ.", {("ORG", "Укрінформ")}),
    # English: Slavic names en_core_web_sm calls ORG or GPE; lone surnames with "said".
    ("en", "The full name of the deceased is Kovalchuk Taras Ivanovych.", {("PERSON", "Kovalchuk Taras Ivanovych")}),
    ("en", "We need names, Hordiienko said.", {("PERSON", "Hordiienko")}),
    ("en", "Officials of the Odesa Regional Military Administration came.",
     {("ORG", "Odesa Regional Military Administration")}),
    # Other languages: exonyms from the gazetteer, names by the generic Latin rule.
    ("de", "Laut Dmytro Hordiienko wurden sie in Charkiw festgehalten.",
     {("PERSON", "Dmytro Hordiienko"), ("PLACE", "Charkiw")}),
    ("pl", "Taras Kowalczuk trafił do niewoli w Oleniwce, potem w Charków.", {("PLACE", "Charków")}),
    # Case forms of prominent places in Polish and Czech, by replacing the case ending.
    ("pl", "Wrócił do Kijowa przez Polskę, potem do Charkowie.",
     {("PLACE", "Kijowa"), ("PLACE", "Polskę"), ("PLACE", "Charkowie")}),
    ("cs", "Zajatci z Charkova se vrátili na Ukrajinu.", {("PLACE", "Charkova"), ("PLACE", "Ukrajinu")}),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=lambda v: v[:30] if isinstance(v, str) else None)
def test_rules(lang: str, text: str, expected: set[tuple[str, str]]) -> None:
    found = _found(text, lang)
    assert expected <= found, f"missing {expected - found}; found {found}"


NOT_ENTITIES = [
    ("uk", "Слава Україні!"),
    ("en", "Glory to Ukraine, they chanted."),
    ("uk", "Вона розповіла, що наглядачі змушували полонених співати."),
    ("uk", "Березень видався важким."),
    ("uk", "Час минав. Він мовчав."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_ENTITIES)
def test_no_entities(lang: str, text: str) -> None:
    assert _found(text, lang) == set()


def test_exonyms_meet_the_ukrainian_entry() -> None:
    gazetteer = load_gazetteer(MODELS)
    kharkiv = gazetteer.lookup("Харків", "uk")
    assert kharkiv is not None
    for form in ("Charkiw", "Charków", "Kharkiv", "Харькове"):
        assert gazetteer.lookup(form) == kharkiv, form
    assert gazetteer.lookup("Oleniwka") == gazetteer.lookup("Оленівка", "uk")


def test_uk_rules_work_without_the_trained_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Ukrainian pipeline falls back to rules when models/uk_ner is not built."""
    import nlp.pipelines as pipelines

    monkeypatch.setattr(pipelines, "has_uk_model", lambda models_dir: False)
    nlp = pipelines.load_pipeline.__wrapped__("uk", MODELS)
    assert "cc_uk_model" not in nlp.pipe_names
    doc = nlp("Омбудсман Дмитро Гайдученко повідомив, що в Оленівці утримуються бійці 36 ОБрМП.")
    assert {(e.label_, e.text) for e in doc.ents} >= {
        ("PERSON", "Дмитро Гайдученко"),
        ("PLACE", "Оленівці"),
        ("UNIT", "36 ОБрМП"),
    }
