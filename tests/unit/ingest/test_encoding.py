"""Encoding detection, above all CP1251 vs KOI8-U on short Cyrillic texts (all names invented)."""

from __future__ import annotations

import pytest

from ingest.encoding import decode_text, looks_like_text

UKRAINIAN = [
    "Тарас Вигаданенко підписав договір з ТОВ 'Зоряний Обрій'.",
    "Їжак їсть яблука",
    "Відповідь: так",
    "Ґанок біля ратуші відремонтують восени.",
    "ДОГОВІР ПОСТАВКИ N 17",
    "ЗВІТ ПРО ФІНАНСОВІ РЕЗУЛЬТАТИ",
    "Юрій",
    "Щоб перевірити відомості, ми поїхали до села Вигаданівка.",
]
RUSSIAN = [
    "Иван Выдумкин получил деньги через офшор.",
    "Мы встретились в среду возле вокзала.",
    "Её муж ранее занимал должность заместителя главы.",
    "ЗАЯВЛЕНИЕ",
    "Ёж",
    "Щука",
    'Отчёт о съезде акционеров ООО "Вымышленный Берег"',
]


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_u"])
@pytest.mark.parametrize("text", UKRAINIAN + RUSSIAN)
def test_legacy_cyrillic_is_told_apart(text: str, encoding: str) -> None:
    decoded, detected = decode_text(text.encode(encoding))
    assert decoded == text
    assert detected == encoding.replace("_", "-")


def test_multiline_cp1251_document_with_typographic_marks() -> None:
    # «», № and dashes exist in CP1251 but not in KOI8-U.
    text = "\r\n".join([*UKRAINIAN, *RUSSIAN, "Справа № 5 — ТОВ «Зоряний Обрій»"])
    assert decode_text(text.encode("cp1251")) == (text, "cp1251")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Прості слова".encode(), "utf-8"),
        ("\ufeffПрості слова".encode(), "utf-8-sig"),
        ("Прості слова".encode("utf-16"), "utf-16"),  # BOM + little-endian
        ("\ufeffПрості слова".encode("utf-16-be"), "utf-16"),
        (b"plain ascii", "utf-8"),
    ],
)
def test_unicode_encodings(data: bytes, encoding: str) -> None:
    text, detected = decode_text(data)
    assert text == "Прості слова" or text == "plain ascii"
    assert detected == encoding


def test_western_european_legacy_text_is_not_forced_into_cyrillic() -> None:
    text = "Le café de la façade, naïve Straße"
    assert decode_text(text.encode("cp1252")) == (text, "cp1252")


def test_cp1252_smart_quotes_in_english_still_decode() -> None:
    text = "The \u201cfund\u201d didn\u2019t exist \u2013 said the auditor."
    decoded, _ = decode_text(text.encode("cp1252"))
    assert decoded == text


def test_looks_like_text() -> None:
    assert looks_like_text("Текст".encode("koi8_u"))
    assert looks_like_text("Текст".encode("utf-16"))
    assert not looks_like_text(b"\x7fELF\x02\x01\x01\x00" + bytes(50))
    assert not looks_like_text(bytes(range(256)) * 4)
