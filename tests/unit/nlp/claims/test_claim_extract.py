"""Claim extraction from hand-built pages and mention rows (every person named here is invented)."""

from __future__ import annotations

from datetime import date

import pytest

from crosscheck.records.claims import Claim
from crosscheck.records.facts import ListInfo, ListRow, Mention
from crosscheck.records.pages import Page
from nlp.claims.categories import load_vocab
from nlp.claims.extract import DocumentDate, document_date, extract_claims, split_sentences

PLACE_MARIUPOL = "place:mariupol"
UNIT_36 = "unit:36-obrmp"
ORG_HQ = "org:coordination-hq-pow"


def _mention(start: int, surface: str, label: str, key: str, name: str | None = None, page: int = 1) -> Mention:
    return Mention(label, start, start + len(surface), surface, "", key, name or surface, 1.0, "test", page=page)


def _row(text: str, label: str, surface: str, key: str, name: str | None = None, page: int = 1) -> Mention:
    return _mention(text.index(surface), surface, label, key, name, page)


def _claims(
    text: str, lang: str, published: str | None = "2025-05-24", mentions: list[tuple[str, str, str]] = ()
) -> list[Claim]:
    rows = [_row(text, label, surface, key) for label, surface, key in mentions]
    claims = extract_claims([Page(number=1, text=text, method="plain")], [lang], rows, [], None, published)
    for c in claims:
        assert text[c.start : c.end] == c.text  # offsets are exact
    return claims


def _q(claims: list[Claim]) -> list[tuple]:
    return sorted(
        (c.value, c.category, c.qualifier, c.direction, c.event_kind, c.event_date, c.event_stage, c.parts)
        for c in claims
        if c.kind == "quantity"
    )


QUANTITIES = [
    pytest.param(
        "uk",
        "Україна повернула з полону 176 людей, серед них 150 військових і 26 цивільних.",
        [],
        [
            (26.0, "civilians", "exact", "to_ukraine", "exchange", "2025-05-24", None, ()),
            (150.0, "servicemen", "exact", "to_ukraine", "exchange", "2025-05-24", None, ()),
            (176.0, "people", "exact", "to_ukraine", "exchange", "2025-05-24", None, ("servicemen", "civilians")),
        ],
        id="uk-total-with-parts",
    ),
    pytest.param(
        "ru",
        "В ходе обмена домой вернулись более 200 военнослужащих.",
        [],
        [(200.0, "servicemen", "over", "to_ukraine", "exchange", "2025-05-24", None, ())],
        id="ru-over-servicemen",
    ),
    pytest.param(
        "en",
        "Yesterday 84 soldiers came home in a swap.",
        [],
        [(84.0, "servicemen", "exact", "to_ukraine", "exchange", "2025-05-23", None, ())],
        id="en-yesterday",
    ),
    pytest.param(
        "uk",
        "Другого дня обміну, 24 травня, додому повернулися 307 захисників.",
        [],
        [(307.0, "servicemen", "exact", "to_ukraine", "exchange", "2025-05-24", 2, ())],
        id="uk-stage-two",
    ),
    pytest.param(
        "en",
        "On the second day of the exchange 307 servicemen returned home.",
        [],
        [(307.0, "servicemen", "exact", "to_ukraine", "exchange", "2025-05-24", 2, ())],
        id="en-stage-two-document-date",
    ),
    pytest.param(
        "uk",
        "Обмін 103 на 103 військовополонених відбувся 19 квітня.",
        [],
        [
            (103.0, "prisoners_of_war", "exact", "to_russia", "exchange", "2025-04-19", None, ()),
            (103.0, "prisoners_of_war", "exact", "to_ukraine", "exchange", "2025-04-19", None, ()),
        ],
        id="uk-103-for-103",
    ),
    pytest.param(
        "uk",
        "23, 24 і 25 травня 2025 року в межах обміну повернули 1000 українців.",
        [],
        # a total over three days is about the whole exchange: dated by its first day, to 2025-05-25
        [(1000.0, "people", "exact", "to_ukraine", "exchange", "2025-05-23", None, ())],
        id="uk-multi-day-total-is-a-range",
    ),
    pytest.param(
        "ru",
        "23 мая вернули 390 человек, 24 мая — 307 человек.",
        [],
        [  # a return (no exchange named): event resolution joins it to the exchange of its day, if any
            (307.0, "people", "exact", "to_ukraine", "release", "2025-05-24", None, ()),
            (390.0, "people", "exact", "to_ukraine", "release", "2025-05-23", None, ()),
        ],
        id="ru-per-day",
    ),
    pytest.param(
        "ru",
        "В Украину вернули 909 тел погибших.",
        [],
        [(909.0, "bodies", "exact", "to_ukraine", "repatriation", "2025-05-24", None, ())],
        id="ru-bodies",
    ),
    pytest.param(
        "en",
        "Ukraine handed over to Russia 84 prisoners of war.",
        [],  # prisoners handed over to one side: a return, joined to the exchange of its day if there is one
        [(84.0, "prisoners_of_war", "exact", "to_russia", "release", "2025-05-24", None, ())],
        id="en-to-russia",
    ),
    pytest.param(
        "en",
        "Ukraine and Russia exchanged 150 prisoners each.",
        [],
        [(150.0, "prisoners_of_war", "exact", "both", "exchange", "2025-05-24", None, ())],
        id="en-each-both",
    ),
    pytest.param(
        "uk",
        "Додому повернули близько 12 дітей.",
        [],
        [(12.0, "children", "about", "to_ukraine", "release", "2025-05-24", None, ())],
        id="uk-children-about",
    ),
    pytest.param(
        "en",
        "Released: 150 (142 servicemen, 8 civilians)",
        [],
        [
            (8.0, "civilians", "exact", "to_ukraine", "release", "2025-05-24", None, ()),
            (142.0, "servicemen", "exact", "to_ukraine", "release", "2025-05-24", None, ()),
            (150.0, "people", "exact", "to_ukraine", "release", "2025-05-24", None, ("servicemen", "civilians")),
        ],
        id="en-implied-total",
    ),
    pytest.param(
        "en",
        "Of the 150 Ukrainians freed, 142 were servicemen and 8 were civilians.",
        [],
        [
            (8.0, "civilians", "exact", "to_ukraine", "release", "2025-05-24", None, ()),
            (142.0, "servicemen", "exact", "to_ukraine", "release", "2025-05-24", None, ()),
            (150.0, "people", "exact", "to_ukraine", "release", "2025-05-24", None, ("servicemen", "civilians")),
        ],
        id="en-of-the-total",
    ),
]


@pytest.mark.parametrize(("lang", "text", "mentions", "expected"), QUANTITIES)
def test_quantities(lang: str, text: str, mentions: list, expected: list) -> None:
    assert _q(_claims(text, lang, mentions=mentions)) == sorted(expected)


@pytest.mark.parametrize(
    ("lang", "text", "mentions", "category", "detail"),
    [
        ("en", "Among those freed were 37 defenders of Mariupol.", [("PLACE", "Mariupol", PLACE_MARIUPOL)],
         "defenders", PLACE_MARIUPOL),
        ("uk", "Звільнено 37 захисників Маріуполя.", [("PLACE", "Маріуполя", PLACE_MARIUPOL)],
         "defenders", PLACE_MARIUPOL),
        ("en", "Among those freed were 37 Mariupol defenders.", [("PLACE", "Mariupol", PLACE_MARIUPOL)],
         "defenders", PLACE_MARIUPOL),
        ("uk", "Додому повернулися 20 бійців 36-ї бригади.", [("UNIT", "36-ї бригади", UNIT_36)],
         "servicemen", UNIT_36),
    ],
)  # fmt: skip
def test_category_detail(lang: str, text: str, mentions: list, category: str, detail: str) -> None:
    q = [c for c in _claims(text, lang, mentions=mentions) if c.kind == "quantity"]
    assert [(c.category, c.category_detail) for c in q] == [(category, detail)]


@pytest.mark.parametrize(
    ("lang", "text", "mentions"),
    [
        ("uk", "Звільнено 33-річного військового Остапа Вигаденка.", []),
        ("ru", "Домой вернулся 33-летний военнослужащий.", []),
        ("en", "Aged 41, soldiers returned home.", []),
        ("uk", "У 2022 військових взяли в полон.", []),
        ("uk", "Бійці 128-ї бригади повернулися.", []),
        ("en", "Soldiers of the 36th brigade came home.", []),
        ("uk", "Родини звільнених отримали 50 000 гривень допомоги.", []),
        ("ru", "Почти 80% военнопленных подвергались пыткам.", []),
        ("uk", "Обмін тривав 3 дні, у 2 раунди.", []),
        ("en", "Statement No. 27 on prisoners was published.", []),
    ],
)
def test_not_counts(lang: str, text: str, mentions: list) -> None:
    assert _q(_claims(text, lang, mentions=mentions)) == []


def test_previous_sentence_date_and_future() -> None:
    text = "Обмін відбувся 19 квітня. Додому повернулися 246 військових.\n\nНаступного тижня будуть повернуті 100 осіб."
    q = {c.value: c for c in _claims(text, "uk") if c.kind == "quantity"}
    assert q[246.0].event_date == "2025-04-19"
    assert q[100.0].event_date is None  # a plan is not dated by the report
    assert q[100.0].confidence < q[246.0].confidence


def test_other_year_blocks_document_date() -> None:
    q = [c for c in _claims("У квітні 2022 року в полон потрапили 200 військових.", "uk") if c.kind == "quantity"]
    assert q[0].event_date is None


STATEMENTS = [
    pytest.param(
        "uk",
        "«Ми повернемо всіх», — заявила Олена Вигадана.",
        [("PERSON", "Олена Вигадана", "olena-vyhadana")],
        ("olena-vyhadana", "PERSON", "заявила", "Ми повернемо всіх"),
        id="uk-quote",
    ),
    pytest.param(
        "ru",
        "Иван Примеров сообщил, что домой вернулись 95 военнослужащих.",
        [("PERSON", "Иван Примеров", "ivan-prymerov")],
        ("ivan-prymerov", "PERSON", "сообщил", "домой вернулись 95 военнослужащих"),
        id="ru-reported",
    ),
    pytest.param(
        "en",
        "According to the Coordination Headquarters, 150 prisoners came home.",
        [("ORG", "Coordination Headquarters", ORG_HQ)],
        (ORG_HQ, "ORG", "According to", "150 prisoners came home"),
        id="en-according-to",
    ),
    pytest.param(
        "en",
        "Ukraine and Russia swapped 90 prisoners each, the Coordination Headquarters said.",
        [("ORG", "Coordination Headquarters", ORG_HQ)],
        (ORG_HQ, "ORG", "said", "Ukraine and Russia swapped 90 prisoners each"),
        id="en-clause-before",
    ),
]


@pytest.mark.parametrize(("lang", "text", "mentions", "expected"), STATEMENTS)
def test_statements(lang: str, text: str, mentions: list, expected: tuple) -> None:
    claims = _claims(text, lang, mentions=mentions)
    st = [c for c in claims if c.kind == "statement"]
    assert [(c.speaker_key, c.speaker_label, c.verb, c.quote) for c in st] == [expected]
    for c in claims:
        if c.kind == "quantity":
            assert c.speaker_key == expected[0]  # the number is attributed too


def test_anaphoric_statement() -> None:
    text = "Додому повернулися 95 військових. Про це повідомив Координаційний штаб."
    claims = _claims(text, "uk", mentions=[("ORG", "Координаційний штаб", ORG_HQ)])
    (q,) = [c for c in claims if c.kind == "quantity"]
    (st,) = [c for c in claims if c.kind == "statement"]
    assert q.speaker_key == ORG_HQ
    assert st.quote == "Додому повернулися 95 військових" and st.start == 0


def test_no_speaker_when_subject_is_not_a_mention() -> None:
    text = "Fellow marine Ivan Pryklad, 37, will need treatment, his family said."
    claims = _claims(text, "en", mentions=[("PERSON", "Ivan Pryklad", "ivan-pryklad")])
    assert [c for c in claims if c.kind == "statement"] == []


STATUSES = [
    pytest.param("uk", "Остап Вигаденко досі утримується в полоні.", "Остап Вигаденко",
                 [("held", "2025-05-24")], id="uk-held"),
    pytest.param("en", "Ivan Pryklad was released on 14 March 2025.", "Ivan Pryklad",
                 [("released", "2025-03-14")], id="en-released-date"),
    pytest.param("en", "Ivan Pryklad remains in captivity.", "Ivan Pryklad", [("held", "2025-05-24")], id="en-held"),
    pytest.param("ru", "Мирон Тестенко пропал без вести.", "Мирон Тестенко", [("missing", "2025-05-24")],
                 id="ru-missing"),
    pytest.param("ru", "Мирон Тестенко освобождён из плена.", "Мирон Тестенко", [("released", "2025-05-24")],
                 id="ru-released"),
    pytest.param("uk", "Остап Вигаденко загинув.", "Остап Вигаденко", [("killed", None)], id="uk-killed-undated"),
    pytest.param("uk", "Остап Вигаденко зник безвісти 3 березня 2024 року.", "Остап Вигаденко",
                 [("missing", "2024-03-03")], id="uk-missing-dated"),
    pytest.param("uk", "Остап Вигаденко не повернувся додому.", "Остап Вигаденко", [], id="uk-negated"),
    pytest.param("en", "Ivan Pryklad will be released soon.", "Ivan Pryklad", [], id="en-future"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "person", "expected"), STATUSES)
def test_status_claims(lang: str, text: str, person: str, expected: list) -> None:
    claims = _claims(text, lang, mentions=[("PERSON", person, "p1")])
    got = [(c.status, c.status_date) for c in claims if c.kind == "status"]
    assert got == expected
    assert all(c.subject_key == "p1" and c.extractor == "status-rule" for c in claims if c.kind == "status")


def test_status_subject_is_not_the_speaker() -> None:
    text = "Олена Вигадана заявила, що Остап Вигаденко досі в полоні."
    claims = _claims(
        text, "uk", mentions=[("PERSON", "Олена Вигадана", "olena"), ("PERSON", "Остап Вигаденко", "ostap")]
    )
    (st,) = [c for c in claims if c.kind == "status"]
    assert (st.subject_key, st.status, st.speaker_key) == ("ostap", "held", "olena")


def test_list_records_give_status_claims() -> None:
    text = "Список осіб, звільнених з полону 24.05.2025\n1) Вигаденко Остап Петрович, 01.02.1990\n2) Тестенко Мирон"
    row1 = text.index("1)")
    row2 = text.index("2)")

    def record(row: int, start: int, end: int, name: str, key: str, status: str | None) -> ListRow:
        return ListRow(
            page=1, row=row, start=start, end=end, bbox=None, name=name, name_raw=name, name_start=None,
            name_end=None, key=key, birth_date=None, rank=None, unit=None, unit_key=None, unit_name=None,
            raw=text[start:end], confidence=0.9, status=status, status_date="2025-05-24" if status else None,
            method="numbered-list",
        )  # fmt: skip

    records = [
        record(1, row1, row2 - 1, "Вигаденко Остап Петрович", "ostap|1990-02-01", "released"),
        record(2, row2, len(text), "Тестенко Мирон", "myron", None),
    ]
    info = ListInfo(title=text[:43], status="released", status_date="2025-05-24", page=1, start=0, end=43)
    claims = extract_claims([Page(1, text, "plain")], ["uk"], [], records, info, None)
    listed = [c for c in claims if c.extractor == "list-title"]
    assert [(c.subject_key, c.status, c.status_date, c.text) for c in listed] == [
        ("ostap|1990-02-01", "released", "2025-05-24", text[row1 : row2 - 1]),
        ("myron", "released", "2025-05-24", text[row2:]),  # the title's status and date
    ]


def test_document_date_from_dateline() -> None:
    pages = [Page(1, "Заголовок\n\n14 марта 2025, 17:05 | Вестник\n\nТекст.", "plain")]
    assert document_date(pages, ["ru"], None) == DocumentDate(date(2025, 3, 14), "dateline", "2025-03-14")
    dated = document_date(pages, ["ru"], "2025-03-15T10:00:00+02:00")
    assert (dated.date, dated.source, dated.value) == (date(2025, 3, 15), "metadata", "2025-03-15T10:00:00+02:00")


def test_document_date_falls_back_to_text_then_file_then_none() -> None:
    """No metadata and no dateline: the latest date written with its year, not one in a sentence about the
    future; then the file's creation date; then none (never the clock)."""
    body = "Заголовок\n\n" + "Текст без дати. " * 30
    text = body + "Обмін відбувся 16 жовтня 2025 року. Наступний запланований на 1 грудня 2025 року."
    assert document_date([Page(1, text, "plain")], ["uk"], None, None, future=load_vocab().future) == DocumentDate(
        date(2025, 10, 16), "text", "2025-10-16"
    )
    plain = [Page(1, body, "plain")]
    assert document_date(plain, ["uk"], None, "2025-10-17T21:40:00") == DocumentDate(
        date(2025, 10, 17), "file", "2025-10-17"
    )
    assert document_date(plain, ["uk"], None, None) == DocumentDate(None, "none")


def test_sentences_keep_quotes_and_initials() -> None:
    text = "«Ми працюємо. Усіх повернемо», — заявив В. Вигаденко. Далі текст.\n\n- Пункт списку"
    spans = [text[s.start : s.end] for s in split_sentences(text)]
    assert spans == ["«Ми працюємо. Усіх повернемо», — заявив В. Вигаденко.", "Далі текст.", "Пункт списку"]


def test_output_is_deterministic_and_ordered() -> None:
    text = "Україна повернула з полону 176 людей, серед них 150 військових і 26 цивільних."
    a, b = _claims(text, "uk"), _claims(text, "uk")
    assert a == b
    assert [c.start for c in a] == sorted(c.start for c in a)


# --- regressions (named after the bug) ---------------------------------------------------------------------


def _by_value(claims: list[Claim]) -> dict[float, Claim]:
    return {c.value: c for c in claims if c.kind == "quantity"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "В среду из российского плена вернулись 150 военнослужащих и 26 гражданских лиц."),
        ("ru", "Вчера домой вернулись 150 военнослужащих."),
        ("uk", "Загалом з полону звільнено 176 українців."),
    ],
)
def test_direction_of_a_return_from_captivity_is_to_ukraine(lang: str, text: str) -> None:
    quantities = [c for c in _claims(text, lang) if c.kind == "quantity"]
    assert quantities and all(c.direction == "to_ukraine" for c in quantities)


def test_direction_to_russia_still_wins_over_a_return_from_captivity() -> None:
    claims = _claims("Україна передала Росії 50 військовополонених з українського полону.", "uk")
    assert {c.direction for c in claims if c.kind == "quantity"} == {"to_russia"}


def test_direction_is_inherited_within_the_paragraph() -> None:
    text = (
        "Ukraine brought home 176 people in an exchange with Russia. Among them were 150 servicemen and 26 civilians."
    )
    got = {v: c.direction for v, c in _by_value(_claims(text, "en")).items()}
    assert got == {176.0: "to_ukraine", 150.0: "to_ukraine", 26.0: "to_ukraine"}


def test_direction_is_not_inherited_across_paragraphs_of_other_events() -> None:
    text = "Ukraine brought home 176 people in an exchange.\n\nIn April 2022, 30 civilians were reported."
    assert _by_value(_claims(text, "en"))[30.0].direction is None


def test_date_carries_to_later_sentences_of_the_paragraph() -> None:
    text = (
        "The prisoner exchange yesterday took place in two stages. In the first stage, 26 civilians returned to "
        "Ukraine. In the second stage, 157 servicemen came home."
    )
    got = {v: (c.event_date, c.event_stage) for v, c in _by_value(_claims(text, "en")).items()}
    assert got == {26.0: ("2025-05-23", 1), 157.0: ("2025-05-23", 2)}


def test_yesterday_dates_every_number_of_its_sentence_after_a_dateline() -> None:
    text = (
        "**Kyiv, 24 May 2025 (Wire).** Ukraine brought home one hundred and seventy-five people yesterday, "
        "including 150 servicemen and 25 civilians, the headquarters said."
    )
    got = {v: c.event_date for v, c in _by_value(_claims(text, "en")).items()}
    assert got == {175.0: "2025-05-23", 150.0: "2025-05-23", 25.0: "2025-05-23"}


def test_per_day_numbers_still_take_their_own_dates() -> None:
    text = "Повернули з полону: 23 травня — 390 людей, 24 травня — 307 людей."
    got = {v: c.event_date for v, c in _by_value(_claims(text, "uk")).items()}
    assert got == {390.0: "2025-05-23", 307.0: "2025-05-24"}


def test_over_170_has_the_event_key_of_the_exchange() -> None:
    text = "Понад 170 українців повернулися сьогодні з російського полону, повідомили в Координаційному штабі."
    (c,) = [c for c in _claims(text, "uk") if c.kind == "quantity"]
    assert (c.value, c.qualifier, c.category, c.direction, c.event_key) == (
        170.0,
        "over",
        "people",
        "to_ukraine",
        "exchange:2025-05-24",
    )


def test_status_subject_given_name_only_takes_the_full_name_and_birth_date() -> None:
    text = (
        "Старшого матроса Остапа Богдановича Вигаденка, 14.09.1994 р. н., внесли до списку.\n\n"
        "Станом на 20 травня 2025 року Остап Вигаденко досі перебуває в полоні."
    )
    a = text.index("Остапа Богдановича")
    b = text.index("Остап Вигаденко")
    rows = [
        _mention(a, "Остапа Богдановича", "PERSON", "astp bHdnvC", "Остап Богданович"),
        _mention(b, "Остап", "PERSON", "astp", "Остап"),
    ]
    claims = extract_claims([Page(1, text, "plain")], ["uk"], rows, [], None, "2025-05-24")
    (st,) = [c for c in claims if c.kind == "status"]
    assert st.status == "held" and st.status_date == "2025-05-20"
    assert st.subject_name == "Остап Вигаденко"
    assert st.subject_key.endswith("|1994-09-14") and " " in st.subject_key.split("|")[0]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("uk", "Із полону повернули 150 українців. Серед звільнених — 37 захисників Маріуполя, зокрема 19 бійців, "
         "які тримали оборону на «Азовсталі».", 19.0),
        ("ru", "Из плена вернули 150 украинцев. Среди освобождённых — 37 защитников Мариуполя, в том числе 19 бойцов, "
         "оборонявших «Азовсталь».", 19.0),
        ("uk", "Із полону повернули 150 українців. З Олегом Савчуком поверталися ще шестеро бійців "
         "його батальйону.", 6.0),
        ("en", "Ukraine brought home 150 people on Friday. Another 12 soldiers of his battalion were "
         "also freed.", 12.0),
    ],
)  # fmt: skip
def test_false_contradiction_subgroup_counts_are_marked_subset(lang: str, text: str, value: float) -> None:
    """Regression: "19 who held Azovstal" and "six more of his battalion" were compared with the 142
    servicemen of the whole exchange and reported as contradictions."""
    claims = [c for c in _claims(text, lang, published="2025-03-14") if c.kind == "quantity" and c.value == value]
    assert claims and all(c.category_detail == "subset" for c in claims)


def test_breakdown_of_the_released_is_not_a_subset() -> None:
    text = "Серед звільнених 142 військовослужбовці та 8 цивільних осіб."
    claims = [c for c in _claims(text, "uk", published="2025-03-14") if c.kind == "quantity"]
    assert {c.value for c in claims} == {142.0, 8.0}
    assert all(c.category_detail is None for c in claims)


def test_a_total_over_several_days_is_about_the_whole_range() -> None:
    text = "23, 24 і 25 травня 2025 року в межах обміну повернули 1000 українців."
    (claim,) = _claims(text, "uk")
    assert (claim.event_date, claim.event_date_end, claim.event_key) == (
        "2025-05-23",
        "2025-05-25",
        "exchange:2025-05-23..2025-05-25",
    )
