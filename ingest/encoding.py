"""Decode text files of unknown encoding: UTF-8/16 (BOM), else CP1251 vs KOI8-U vs CP1252 by scoring.

Legacy Cyrillic files are the hard case: every byte sequence decodes in both CP1251 and KOI8-U,
and charset detectors guess poorly on a few lines. The two code pages put lowercase and
uppercase letters in swapped halves (and in a different order), so the wrong one yields
words like "оПХБЕР" and rare letters; a letter-frequency and letter-case score tells them apart
even on a single short sentence.
"""

from __future__ import annotations

import codecs
import math
import unicodedata

# Approximate letter frequencies (%) of Russian and Ukrainian prose, merged by taking the larger.
_CYRILLIC_FREQ = {
    "о": 10.5, "е": 8.4, "а": 8.0, "и": 7.3, "н": 6.7, "т": 6.2, "і": 5.6, "с": 5.4, "в": 5.0,
    "р": 4.7, "л": 4.3, "к": 3.6, "м": 3.2, "д": 3.1, "у": 3.2, "п": 2.9, "я": 2.2, "з": 2.1,
    "ь": 1.7, "ы": 1.9, "г": 1.7, "б": 1.6, "ч": 1.4, "й": 1.2, "х": 1.1, "ж": 0.9, "ц": 0.9,
    "ш": 0.8, "ї": 0.8, "ю": 0.6, "є": 0.4, "щ": 0.4, "э": 0.3, "ф": 0.3, "ё": 0.05, "ъ": 0.04,
    "ґ": 0.02,
}  # fmt: skip
_CYRILLIC_LOGP = {ch: math.log(p / 100) for ch, p in _CYRILLIC_FREQ.items()}
_RARE_CYRILLIC_LOGP = math.log(0.0001)
# Accented Latin letters are scored below typical Cyrillic ones: in this corpus a legacy 8-bit file
# is far more likely Cyrillic, so Western CP1252 must win on evidence (mixed-script words).
_LATIN_LOGP = math.log(0.004)
_PENALTY = -9.0  # a character no text in these languages would contain (box drawing, ¦, controls, �)
_MIXED_CASE_PENALTY = -6.0  # per word like "оПХБЕР"
_MIXED_SCRIPT_PENALTY = -8.0  # per word mixing Latin and Cyrillic, like "cafй"

# Non-letters that occur above ASCII in real CP1251/CP1252 text: punctuation costs about as much as
# a letter, rarer symbols more, so a decoding cannot win by turning letters into symbols.
_PUNCT_LOGP = math.log(0.03)
_PUNCTUATION = set("«»„“”‘’‚–—…№\u00a0")
_SYMBOL_LOGP = math.log(0.0005)
_SYMBOLS = set("•·°§©®™€\u00ad±×")
_ALL_CAPS_PENALTY = -1.0  # per word: wrong-half decodings of lowercase text come out ALL CAPS

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

LEGACY_CANDIDATES = ("cp1251", "koi8-u", "cp1252")  # on a tie, the earlier (more common) wins
_SCORE_SAMPLE_BYTES = 16 * 1024


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``. Never fails: the last resort decodes CP1251 with replacement."""
    bom = bom_encoding(data)
    if bom:
        return data.decode(bom, errors="replace"), bom
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Score a sample: 16 KB decide the encoding as well as 200 MB would, in milliseconds.
    sample = data[:_SCORE_SAMPLE_BYTES]
    ranked = sorted(
        (
            (legacy_score(sample.decode(enc, errors="replace")), -order, enc)
            for order, enc in enumerate(LEGACY_CANDIDATES)
        ),
        reverse=True,
    )
    for _, _, enc in ranked:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:  # CP1251/1252 leave a few bytes undefined
            continue
    return data.decode("cp1251", errors="replace"), "cp1251"


def legacy_score(text: str) -> float:
    """Log-likelihood-ish score of a decoding; higher is more plausible. Only non-ASCII characters count."""
    score = 0.0
    for ch in text:
        if ch.isascii():
            continue
        if ch.isalpha():
            if _is_cyrillic(ch):
                score += _CYRILLIC_LOGP.get(ch.lower(), _RARE_CYRILLIC_LOGP)
            else:
                score += _LATIN_LOGP
        elif ch in _PUNCTUATION:
            score += _PUNCT_LOGP
        elif ch in _SYMBOLS:
            score += _SYMBOL_LOGP
        else:
            score += _PENALTY
    for word in _words(text):
        if not word.isascii():
            score += _word_shape_penalty(word)
    return score


def _words(text: str) -> list[str]:
    out: list[str] = []
    current: list[str] = []
    for ch in text:
        if ch.isalpha():
            current.append(ch)
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return out


def _word_shape_penalty(word: str) -> float:
    penalty = 0.0
    cyr = sum(1 for ch in word if _is_cyrillic(ch))
    if 0 < cyr < len(word):
        penalty += _MIXED_SCRIPT_PENALTY
    # Plausible shapes: "слово", "Слово", "СЛОВО". Anything else is a decoding in the wrong case half.
    rest = word[1:]
    if len(word) > 1 and word.isupper():
        penalty += _ALL_CAPS_PENALTY
    if not (word.islower() or word.isupper() or (word[0].isupper() and (not rest or rest.islower()))):
        penalty += _MIXED_CASE_PENALTY
    return penalty


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def looks_like_text(data: bytes, sample_size: int = 8192) -> bool:
    """True if ``data`` is text in an encoding we read: no NULs (unless UTF-16/32 BOM), mostly printable."""
    sample = data[:sample_size]
    if bom_encoding(sample) is None and b"\x00" in sample:
        return False
    # Cutting the sample may split a multi-byte character; decode the whole prefix leniently.
    text, _ = decode_text(sample)
    if not text:
        return False
    bad = sum(1 for ch in text if _is_control(ch))
    return bad <= max(1, len(text) // 50)


def _is_control(ch: str) -> bool:
    if ch in "\n\r\t\f\v":
        return False
    if ch == "\ufffd":
        return True
    return unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")
