"""Repairing one name word as OCR read it, by dictionary rather than by confidence.

Latin letters inside a Cyrillic word are always replaced (a word never mixes scripts); digits 0/3/6
inside a name become О/З/б; uk/ru look-alike letters (е/є, и/і/ї, ё/е) are swapped only when the raw
word is unknown to pymorphy3 in the page language and the swapped one is known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.lists.lookalikes import CYR
from nlp.lists.names import MORPH_LANGS, known
from nlp.lists.vocab import ListVocab, list_vocab
from nlp.translit import guess_cyrillic_language, has_cyrillic

__all__ = ["repair_name", "repair_word"]

_LAT = re.compile(r"[A-Za-z]")


def _case_like(letter_pair: tuple[str, str], word: str, i: int) -> str:
    upper, lower = letter_pair
    neighbours = [c for c in word[max(0, i - 1) : i + 2] if c.isalpha()]
    if i == 0 or (neighbours and all(c.isupper() for c in neighbours)):
        return upper
    return lower


def _swap_variants(word: str, swaps: dict[str, str]) -> Iterable[str]:
    positions = [i for i, c in enumerate(word) if c.lower() in swaps]
    for i in positions:
        for repl in swaps[word[i].lower()]:
            yield word[:i] + (repl.upper() if word[i].isupper() else repl) + word[i + 1 :]
    if len(positions) <= 6:
        for a in range(len(positions)):
            for b in range(a + 1, len(positions)):
                i, j = positions[a], positions[b]
                for ri in swaps[word[i].lower()]:
                    for rj in swaps[word[j].lower()]:
                        w = list(word)
                        w[i] = ri.upper() if word[i].isupper() else ri
                        w[j] = rj.upper() if word[j].isupper() else rj
                        yield "".join(w)


@lru_cache(maxsize=50_000)
def repair_word(word: str, lang: str, vocab: ListVocab) -> tuple[str, tuple[str, ...]]:
    """One name word with OCR look-alikes repaired, and what was done ("latin o", "digit 0", "uk/ru е→є")."""
    notes: list[str] = []
    out = word
    if len(out) > 2 and out[0].islower() and out[1].isupper() and out[0].upper() == out[1]:
        # A capital read twice, once as its small letter ("їЇжакевич"): the stroke, not a letter.
        out = out[1:]
        notes.append(f"doubled {word[0]}")
    if lang not in MORPH_LANGS and has_cyrillic(word):
        lang = guess_cyrillic_language(word)
    lookalikes, models_dir = vocab.lookalikes, vocab.models_dir
    latin_set = lookalikes.latin_set
    if CYR.search(out) and _LAT.search(out):
        latin = sorted({c for c in out if c in latin_set})
        if latin:
            out = out.translate(lookalikes.lat_to_cyr)
            notes.append("latin " + "".join(latin))
    elif lang in MORPH_LANGS and not CYR.search(out) and out.isalpha() and all(c in latin_set for c in out):
        candidate = out.translate(lookalikes.lat_to_cyr)
        if known(candidate, lang, models_dir):
            out = candidate
            notes.append("latin " + "".join(sorted(set(word))))
    name_digits = lookalikes.name_digits
    if any(c in name_digits for c in out) and sum(c.isalpha() for c in out) >= 2:
        fixed = "".join(_case_like(name_digits[c], out, i) if c in name_digits else c for i, c in enumerate(out))
        if not any(c.isdigit() for c in fixed):
            notes.append("digit " + "".join(sorted({c for c in out if c in name_digits})))
            out = fixed
    other = "ru" if lang == "uk" else "uk"
    # A word of the other language (a Ukrainian name on a page detected as Russian) is left as written.
    if (
        lang in MORPH_LANGS
        and CYR.search(out)
        and not known(out, lang, models_dir)
        and not known(out, other, models_dir)
    ):
        for variant in _swap_variants(out, lookalikes.swaps.get(lang, {})):
            if known(variant, lang, models_dir):
                changed = [f"{a}→{b}" for a, b in zip(out, variant, strict=True) if a != b]
                notes.append("uk/ru " + ",".join(changed))
                out = variant
                break
    return out, tuple(notes)


def repair_name(word: str, lang: str, models_dir: Path | str = DEFAULT_MODELS_DIR) -> tuple[str, tuple[str, ...]]:
    """One name word with OCR look-alikes repaired, and what was done ("latin o", "digit 0", "uk/ru е→є")."""
    return repair_word(word, lang, list_vocab(models_dir))
