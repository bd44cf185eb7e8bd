"""``cc_streets``: street addresses as places ("вул. Межигірській, 14", "проспекту Перемоги", "ул. Ленина").

Registers, court rulings and investigations locate companies and property by address; without a rule the
street's name reads as a person ("вул. Заньковецької" → Заньковецька) or is missed. The type word and the
house number stay in the span, as Ukrainian annotation has them. Patterns are data
(``models/ner/streets.json``). The key is the folded street name and house number (``street:mShrsk-14``):
the same address in two documents meets, in any case form; the city is not part of it, so one street name
in two cities is one node (say so when it matters).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.components.candidate import CONF_ORG_RULE, Candidate, add_candidates, doc_lang
from nlp.translit import fold_name
from nlp.vocab import load_json

__all__ = ["find_streets", "make_streets", "street_key"]

_TRAILING_VOWELS = re.compile(r"[aeiouy]+$")


@cache
def _pattern(models_dir: str, lang: str) -> re.Pattern[str] | None:
    data = load_json(models_dir, "ner/streets.json")
    types = data["types"].get(lang)
    if not types:
        return None
    return re.compile(
        rf"(?<![\w.-])(?P<type>(?i:{'|'.join(types)}))\s?(?P<name>{data['name']})(?P<number>{data['number']})?(?![\w'’-])"
    )


def street_key(name: str, number: str | None) -> str:
    """``street:`` + the folded name words without their endings (Межигірській / Межигірська meet) + number."""
    words = [_TRAILING_VOWELS.sub("", fold_name(w)) for w in re.findall(r"[^\W\d_][\w'’]*", name)]
    key = "street:" + "-".join(w for w in words if w)
    digits = re.sub(r"\s", "", (number or "").lstrip(" ,").lower())
    return f"{key}-{digits}" if digits else key


def find_streets(
    text: str, lang: str, models_dir: Path | str, places: frozenset[tuple[int, int]] = frozenset()
) -> list[tuple[int, int, str]]:
    """(start, end, key) of every street address in ``text``. ``places``: spans the gazetteer found; a street
    "named" exactly like one is the streets of that city ("улицы Карачи"), not an address."""
    rx = _pattern(str(models_dir), lang)
    if rx is None:
        return []
    return [
        (m.start(), m.end(), street_key(m.group("name"), m.group("number")))
        for m in rx.finditer(text)
        if (m.start("name"), m.end("name")) not in places
    ]


@Language.factory("cc_streets", default_config={"models_dir": str(DEFAULT_MODELS_DIR)})
def make_streets(nlp: Language, name: str, models_dir: str):
    def component(doc: Doc) -> Doc:
        places = frozenset((c.start, c.end) for c in doc._.cc_candidates or [] if c.source == "gazetteer")
        found = find_streets(doc.text, doc_lang(doc), models_dir, places)
        add_candidates(
            doc,
            [
                Candidate(
                    s, e, "PLACE", "address", "place-rule:street", CONF_ORG_RULE, key, " ".join(doc.text[s:e].split())
                )
                for s, e, key in found
            ],
        )
        return doc

    return component
