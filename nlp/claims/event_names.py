"""Names a text gives an event: "обмін 500 на 500" / "the 500-for-500 exchange" -> ``500-for-500``; "the
exchange agreed in Doha" / "домовленості, досягнуті в Досі" -> ``agreed-in:<place key>``.

Names are evidence for event resolution (nlp.claims.events): a claim that gives no usable date may still
be attached to the one event that carries its name, and a count equal to the number in the name is the
whole exchange, not one of its stages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosscheck.records.facts import Mention
from nlp.claims.categories import Vocab
from nlp.claims.dates import DateMatch

MIN_NAMED_COUNT = 10  # "2 на 3" is arithmetic, not a name; named exchanges count dozens at least
PLACE_AFTER_CUE = 40  # characters between "agreed"/"домовленості" and the place it names
PLACE_BEFORE_CUE = 3  # "Istanbul agreements": the place right before the cue


def _count(surface: str) -> int:
    return int(re.sub(r"\D", "", surface) or 0)


def name_number(name: str) -> int | None:
    """The count a name states: ``500-for-500`` -> 500; other names state none."""
    m = re.fullmatch(r"(\d+)-for-(\d+)", name)
    return int(m.group(1)) if m else None


def names_in(
    text: str, start: int, end: int, rows: Sequence[Mention], dates: Sequence[DateMatch], vocab: Vocab
) -> set[str]:
    """Event names written in ``text[start:end]``."""
    out: set[str] = set()
    for m in vocab.name_pair.finditer(text, start, end):
        if any(d.start < m.end() and m.start() < d.end for d in dates):
            continue  # "в ніч з 23 на 24 травня" is a night, not a name
        a, b = _count(m.group("a")), _count(m.group("b"))
        if a >= MIN_NAMED_COUNT and b >= MIN_NAMED_COUNT:
            out.add(f"{a}-for-{b}")
    places = [r for r in rows if r.label == "PLACE" and start <= r.start and r.end <= end]
    if places:
        for cue in vocab.agreement.finditer(text, start, end):
            for place in places:
                after = 0 <= place.start - cue.end() <= PLACE_AFTER_CUE
                before = 0 <= cue.start() - place.end <= PLACE_BEFORE_CUE
                if after or before:
                    out.add(f"agreed-in:{place.key}")
    return out
