"""Language identification: short uk/ru/bg/en texts, determinism, page/document languages."""

from __future__ import annotations

import pytest

from nlp.language import UNDETERMINED, detect_language, page_languages

CASES = [
    # Ukrainian: marker letters і ї є ґ or the apostrophe; short ones are where langdetect fails
    ("Обмін полоненими відбувся вчора.", "uk"),
    ("Він повернувся додому.", "uk"),
    ("Привіт, як справи?", "uk"),
    ("Сьогодні", "uk"),
    ("Вчора до Києва приїхав новий посол.", "uk"),
    ("М'ясо", "uk"),
    ("Добрий день", "uk"),
    # Russian: ы э ё, or Russian-only function words
    ("Обмен пленными состоялся вчера.", "ru"),
    ("Он вернулся домой.", "ru"),
    ("Привет, как дела?", "ru"),
    ("Мама мыла раму.", "ru"),
    ("Это всё.", "ru"),
    # Bulgarian: frequent ъ, none of ы э ё і
    ("Българският език е хубав.", "bg"),
    ("Здравейте, как сте? Това е моят дом.", "bg"),
    # Latin script
    ("The exchange of prisoners took place yesterday.", "en"),
    ("Ukrainian soldiers returned home after two years in captivity.", "en"),
    ("Der Gefangenenaustausch fand gestern statt.", "de"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_detect_language(text: str, expected: str) -> None:
    lang, confidence = detect_language(text)
    assert lang == expected
    assert 0.0 < confidence <= 1.0


@pytest.mark.parametrize("text", ["", "  ", "12 34", "ok", "—", "https://example.org/a/b"])
def test_too_little_text_is_undetermined(text: str) -> None:
    assert detect_language(text) == (UNDETERMINED, 0.0)


def test_deterministic_across_calls() -> None:
    """langdetect is random unless seeded; the answers (and scores) must not change between calls."""
    texts = [t for t, _ in CASES] + ["Hello there", "Ciao a tutti", "Kyiv Kharkiv Odesa"]
    first = [detect_language(t) for t in texts]
    for _ in range(3):
        assert [detect_language(t) for t in texts] == first


def test_latin_words_do_not_change_a_cyrillic_page() -> None:
    assert detect_language("Бійці 36 ОБрМП (36th Brigade) повернулися додому з полону.")[0] == "uk"


def test_page_languages_majority_and_fallback() -> None:
    pages = [
        "Обмін полоненими відбувся вчора в Україні. Повернулися захисники Маріуполя.",
        "",
        "12",
        "Обмен пленными состоялся вчера.",
    ]
    doc_lang, langs = page_languages(pages)
    assert doc_lang == "uk"
    assert langs == ["uk", "uk", "uk", "ru"]


def test_page_languages_empty_document() -> None:
    assert page_languages(["", " "]) == (UNDETERMINED, [UNDETERMINED, UNDETERMINED])
    assert page_languages([]) == (UNDETERMINED, [])
