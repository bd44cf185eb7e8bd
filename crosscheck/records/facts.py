"""What the NLP layer finds in a document: entity mentions and list rows."""

from __future__ import annotations

from dataclasses import dataclass

from crosscheck.records.pages import Box

LABELS = ("PERSON", "UNIT", "PLACE", "ORG")


@dataclass(frozen=True)
class Mention:
    label: str  # one of LABELS
    start: int  # character offsets into the page text
    end: int
    surface: str  # text[start:end]
    sentence: str  # the sentence the mention stands in
    key: str  # normalised, script-independent identity of the entity (unique per label)
    name: str  # canonical display name (nominative, in the script it was found in)
    confidence: float  # 0..1
    method: str  # which extractor found it: "spacy:en_core_web_sm", "gazetteer", "unit-rule", ...
    # Where in the document: set when a page's mentions become the document's (0/None for a bare page).
    page: int = 0
    language: str | None = None
    bbox: Box | None = None  # the span's box on the page (pages with word boxes only), in Page.bbox_unit
    resolved_from: str | None = None  # the key it had before identity resolution gave it another one


@dataclass(frozen=True)
class ListInfo:
    """What a list says about itself: its title and the action and date every row shares."""

    title: str | None  # "Список осіб, звільнених з полону 24.05.2025"
    status: str | None  # released | exchanged | missing | detained | killed | held
    status_date: str | None  # ISO date
    page: int | None = None  # where the title is
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class ListRow:
    """One person row of a list or table, with where it is on the page."""

    page: int
    row: int  # 1-based position among the document's person rows, in reading order
    start: int  # [start, end) of the whole row in Page.text
    end: int
    bbox: tuple[float, float, float, float] | None  # the row's box on the page, in Page.bbox_unit
    name: str  # full name, nominative, OCR-repaired ("Гайдук Степан Іванович")
    name_raw: str  # the name as read
    name_start: int | None  # [name_start, name_end) of the name in Page.text
    name_end: int | None
    key: str  # Person key: normalised full name + birth date (namesakes with other dates differ)
    birth_date: str | None  # ISO yyyy-mm-dd
    rank: str | None
    unit: str | None  # as written in the row
    unit_key: str | None  # nlp.units key when the unit is recognised
    unit_name: str | None
    raw: str  # the row as read, cells joined with " | "
    confidence: float  # 0..1: mean OCR confidence of the row scaled, lowered by repairs and missing fields
    status: str | None  # from the row's own status column, else the list title
    status_date: str | None
    method: str  # "table:ruled" | "table:aligned" | "table:pdfplumber" | "numbered-list"
    repairs: tuple[str, ...] = ()  # "name: Бойко→Бойко (latin o)", "date: O4.11.1987→04.11.1987"
