"""Language identification for pages and documents.

langdetect alone is unreliable on short Cyrillic text (a short Ukrainian sentence comes out as Bulgarian)
and not deterministic unless seeded. Ukrainian and Russian orthography separates the two cheaply and
with certainty: і ї є ґ (and the apostrophe between letters) exist only in Ukrainian, ы э ё only in
Russian. Bulgarian uses ъ as a vowel (often) but has none of ы э ё і; Belarusian has ў; Serbian and
Macedonian have ј љ њ џ. So for Cyrillic text the letters decide, and langdetect is only asked among the
Cyrillic languages that the letters leave possible.
"""

from __future__ import annotations

import re
from collections import Counter

from langdetect import DetectorFactory, LangDetectException, detect_langs

# langdetect samples n-grams randomly; the seed must be set before the first detection, once.
DetectorFactory.seed = 0

__all__ = ["UNDETERMINED", "detect_language", "page_languages"]

UNDETERMINED = "und"
MIN_LETTERS = 3  # fewer letters than this: no language can be claimed
SAMPLE_CHARS = 5000  # langdetect needs far fewer; bounding the input bounds the time per page

_UK_LETTERS = frozenset("іїєґ")
_RU_LETTERS = frozenset("ыэё")
_BE_LETTERS = frozenset("ў")
_SR_MK_LETTERS = frozenset("јљњџђћѓќѕ")
_CYRILLIC_LANGS = ("ru", "uk", "bg", "mk", "sr", "be")
# The apostrophe inside a Ukrainian word (м'ясо, Слов'янськ): a Ukrainian-only sign.
_UK_APOSTROPHE = re.compile(r"(?<=[бвджзкмнпрстфхш])['’ʼ](?=[єїюя])", re.IGNORECASE)
_URL_OR_EMAIL = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
_CYR_WORD = re.compile(r"[\u0400-\u04ff]+")
# Frequent words that exist in one of the three languages only (spelled without marker letters), for
# short texts that happen to have no і/ї/є/ы/э/ё/ъ: "Привет, как дела?", "Добрий день", "Това е".
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "uk": frozenset(
        "як що та це щоб або але вже ще його дуже коли тому чому тут зараз добрий привіт вони ми ви "
        "був була було були мене тебе хто який яка яке які також тільки після завжди може треба".split()
    ),
    "ru": frozenset(
        "как что это он она они или уже еще его очень когда почему здесь сейчас привет "
        "который которая которые также только после более сегодня был была было были кто может "
        "нужно где где-то всегда".split()
    ),
    "bg": frozenset("е са това като ще съм сте сме защото който която които днес много".split()),
}


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _letter_counts(text: str) -> tuple[int, int, Counter[str]]:
    """(Cyrillic letters, Latin letters, counts of the lower-cased Cyrillic letters)."""
    cyr = 0
    lat = 0
    counts: Counter[str] = Counter()
    for ch in text:
        if not ch.isalpha():
            continue
        if _is_cyrillic(ch):
            cyr += 1
            counts[ch.lower()] += 1
        elif ch.isascii():
            lat += 1
    return cyr, lat, counts


def _langdetect(text: str, allowed: tuple[str, ...] | None = None) -> tuple[str, float]:
    try:
        ranked = detect_langs(text[:SAMPLE_CHARS])
    except LangDetectException:
        return UNDETERMINED, 0.0
    for guess in ranked:
        if allowed is None or guess.lang in allowed:
            return guess.lang, float(guess.prob)
    return UNDETERMINED, 0.0


def _cyrillic_language(text: str, letters: int, counts: Counter[str]) -> tuple[str, float]:
    uk = sum(counts[c] for c in _UK_LETTERS) + len(_UK_APOSTROPHE.findall(text))
    ru = sum(counts[c] for c in _RU_LETTERS)
    if counts.keys() & _BE_LETTERS:
        return "be", 0.9
    if counts.keys() & _SR_MK_LETTERS:
        lang, prob = _langdetect(text, ("sr", "mk"))
        return (lang, prob) if lang != UNDETERMINED else ("sr", 0.6)
    if uk and not ru:
        return "uk", min(0.99, 0.8 + 0.05 * uk)
    if ru and not uk:
        return "ru", min(0.99, 0.8 + 0.05 * ru)
    if uk and ru:
        # Mixed page (quotation, OCR confusion of і/ы is rare): the majority of marker letters wins.
        lang = "uk" if uk > ru else "ru"
        return lang, 0.5 + 0.5 * abs(uk - ru) / (uk + ru)
    # No marker letter at all. ъ as a frequent letter without ы/э/ё is Bulgarian.
    if counts["ъ"] >= 1 and counts["ъ"] / max(letters, 1) > 0.005:
        return "bg", 0.85
    words = Counter(w.lower() for w in _CYR_WORD.findall(text))
    votes = {lang: sum(n for w, n in words.items() if w in vocab) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(votes, key=lambda k: votes[k])
    if votes[best] and sorted(votes.values())[-2] < votes[best]:
        return best, min(0.9, 0.6 + 0.1 * votes[best])
    # Ukrainian running text longer than a few words nearly always shows і/ї/є; Russian shows ы/э/ё
    # less reliably. Ask langdetect among what is left; very short texts default to Russian, low score.
    allowed = ("ru", "bg", "mk") if letters >= 20 else _CYRILLIC_LANGS
    lang, prob = _langdetect(text, allowed)
    if lang == UNDETERMINED:
        return "ru", 0.4
    return lang, min(prob, 0.7 if letters < 40 else prob)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and a confidence in [0, 1]; ``("und", 0.0)`` when there is too little text."""
    text = _URL_OR_EMAIL.sub(" ", text or "")
    cyr, lat, counts = _letter_counts(text)
    if cyr + lat < MIN_LETTERS:
        return UNDETERMINED, 0.0
    if cyr >= lat:
        # Latin words inside a Cyrillic page (names, unit codes) do not change the page language.
        return _cyrillic_language(text, cyr, counts)
    lang, prob = _langdetect(text)
    if lang in _CYRILLIC_LANGS:
        # Transliterated Cyrillic or noise; a mostly-Latin page is not Russian.
        return UNDETERMINED, 0.0
    if lat < 20:
        prob = min(prob, 0.6)  # langdetect's probability is over-confident on a handful of words
    return lang, prob


def page_languages(pages: list[str]) -> tuple[str, list[str]]:
    """Language of a document and of each of its pages.

    The document language is the one with the most letters over its pages (so a long Ukrainian
    document with a Russian cover letter is Ukrainian). A page whose own language cannot be
    determined (blank, a few digits) takes the document language; a page in a different language
    keeps its own.
    """
    detected: list[str] = []
    weight: Counter[str] = Counter()
    for page in pages:
        lang, _ = detect_language(page)
        detected.append(lang)
        if lang != UNDETERMINED:
            weight[lang] += sum(1 for ch in page if ch.isalpha())
    if not weight:
        return UNDETERMINED, [UNDETERMINED] * len(pages)
    doc_lang = weight.most_common(1)[0][0]
    return doc_lang, [doc_lang if lang == UNDETERMINED else lang for lang in detected]
