"""Which alphabet and language a spelling is in, and which GeoNames alternates are spellings of a name.

Used by the gazetteer build (:mod:`nlp.build.gazetteer`) to sort GeoNames' alternate names into
Ukrainian, Russian and Latin spellings of the same name, and to set former names and other alphabets
apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from nlp.translit import fold_name, normalize_apostrophes, translit

__all__ = [
    "CYRILLIC",
    "LATIN_LETTER",
    "RU_MARKERS",
    "UK_MARKERS",
    "cyrillic_kind",
    "latin_variant",
    "spelling_variants",
]

UK_MARKERS = set("іїєґ")
RU_MARKERS = set("ыэёъ")
# Letters of other Cyrillic alphabets (Belarusian, Serbian, Macedonian, Kazakh, Tatar, Bashkir, ...).
_FOREIGN_CYRILLIC = set("ўљњјћђџѕѓќӳәһҗӈөүқңғҳӣӯҷҫӑӗӆӎӊӷԥҧҭҵҿӏѣѳѵ") | set("æ")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN_LETTER = re.compile(r"[A-Za-z]")


def cyrillic_kind(name: str) -> str | None:
    """'uk', 'ru', 'both' (no marker letter) or None (another alphabet / not a usable name)."""
    letters = set(name.lower())
    if letters & _FOREIGN_CYRILLIC or not CYRILLIC.search(name) or not name[:1].isupper():
        return None
    if any(w[:1].islower() for w in name.split()[1:]) and "-" not in name:
        return None  # nicknames ("Город миллиона роз", "Черкас хот")
    uk = bool(letters & UK_MARKERS)
    ru = bool(letters & RU_MARKERS)
    if uk and ru:
        return None
    return "uk" if uk else "ru" if ru else "both"


def spelling_variants(names: Iterable[str], alternates: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split GeoNames alternates into (spelling variants of ``names``, other names such as former ones)."""
    folds = {fold_name(n) for n in names if n}
    same: list[str] = []
    other: list[str] = []
    for alt in alternates:
        alt = normalize_apostrophes(alt.strip())
        if len(alt) < 3 or alt.isupper():
            continue
        if CYRILLIC.search(alt):
            if cyrillic_kind(alt) is None:
                continue
        elif not (LATIN_LETTER.search(alt) and alt[:1].isupper()) or len(alt.split()) > 3:
            continue
        if fold_name(alt) in folds:
            if CYRILLIC.search(alt) or latin_variant(alt, names):
                same.append(alt)
        else:
            other.append(alt)
    return same, other


_Y_ENDINGS = ("yi", "iy", "ij", "yj", "yy", "ii", "y", "i")


def latin_variant(alt: str, names: Iterable[str]) -> bool:
    """A Latin alternate is kept if it looks like a transliteration of one of the names: ASCII, similar
    length and the same ending (GeoNames also lists Esperanto, Latin and junk: Sumo, Kievu, Kruevuey)."""
    alt_l = alt.lower().replace("'", "").replace("w", "v")
    if not alt_l.replace(" ", "").replace("-", "").isascii():
        return False
    for name in names:
        if not name:
            continue
        ref = translit(name, "uk").lower().replace("'", "") if CYRILLIC.search(name) else name.lower()
        ref = ref.replace("w", "v")
        if abs(len(ref) - len(alt_l)) > 3:
            continue
        if alt_l[-1] == ref[-1] or (alt_l.endswith(_Y_ENDINGS) and ref.endswith(_Y_ENDINGS)):
            return True
    return False
