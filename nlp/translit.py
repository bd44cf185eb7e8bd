"""Cyrillic → Latin transliteration and a spelling-variant fold for names.

Two transliteration tables:

* Ukrainian: the national system (Cabinet of Ministers resolution No. 55 of 27.01.2010), the one used in
  Ukrainian passports and official English place names: Харків → Kharkiv, Залужний → Zaluzhnyi,
  Згурівка → Zghurivka. Є Ї Й Ю Я have a word-initial form (Ye Yi Y Yu Ya) and a medial one (ie i i iu ia).
* Russian: ICAO Doc 9303, the table of Russian passports since 2013: Харьков → Kharkov, Юрий → Iurii.

``fold_name`` is *not* a transliteration: it reduces a Latin (or Cyrillic) spelling to a phonetic skeleton
so that the Ukrainian, Russian and assorted Latin spellings of one name meet (Zaluzhnyi, Zaluzhny,
Zaluzhnyy, Saluschnyj → ``slSni``). See its docstring for the rules and their price.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "APOSTROPHES",
    "fold_name",
    "fold_text",
    "guess_cyrillic_language",
    "has_cyrillic",
    "normalize_apostrophes",
    "translit",
]

# Every character people type for the Ukrainian apostrophe (and the ones OCR produces for it).
APOSTROPHES = "'’ʼ`´‘ʹ′"
_APOSTROPHE_TABLE = str.maketrans({c: "'" for c in APOSTROPHES})

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_UK_ONLY = set("іїєґІЇЄҐ")
_RU_ONLY = set("ыэёъЫЭЁЪ")


def normalize_apostrophes(text: str) -> str:
    """Map every apostrophe look-alike to ASCII ``'`` (pymorphy3's Ukrainian dictionary uses it)."""
    return text.translate(_APOSTROPHE_TABLE)


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def guess_cyrillic_language(text: str) -> str:
    """``uk`` if the text has Ukrainian-only letters, else ``ru`` (the default table for other Cyrillic)."""
    uk = sum(1 for c in text if c in _UK_ONLY)
    ru = sum(1 for c in text if c in _RU_ONLY)
    return "uk" if uk > ru else "ru"


# --- Ukrainian national system (2010) ---------------------------------------------------------------
_UK_TABLE: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "",
    # letters of Russian origin that turn up in Ukrainian text (quotes, OCR): romanise sensibly
    "ы": "y", "э": "e", "ё": "io", "ъ": "",
}  # fmt: skip
_UK_INITIAL: dict[str, str] = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

# --- Russian ICAO Doc 9303 ---------------------------------------------------------------------------
_RU_TABLE: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia", "'": "",
    # Ukrainian / Belarusian letters met in Russian-table text: keep them readable
    "і": "i", "ї": "i", "є": "e", "ґ": "g", "ў": "u",
}  # fmt: skip

_WORD_CHAR = re.compile(r"[\w']", re.UNICODE)


def _is_word_start(text: str, i: int) -> bool:
    return i == 0 or not _WORD_CHAR.match(text[i - 1])


def _apply_case(source: str, out: str, text: str, i: int) -> str:
    """Upper-case ``out`` like ``source``: Щ → Shch in a Title word, SHCH in an ALL-CAPS word."""
    if not source.isupper() or not out:
        return out
    # ALL-CAPS if a neighbouring letter is also upper case (ЩУКА → SHCHUKA, but Щука → Shchuka).
    neighbours = [c for c in (text[i - 1 : i] + text[i + 1 : i + 2]) if c.isalpha()]
    if neighbours and all(c.isupper() for c in neighbours):
        return out.upper()
    return out[0].upper() + out[1:]


def translit(text: str, lang: str | None = None) -> str:
    """Romanise Cyrillic in ``text`` (Latin and other characters pass through).

    ``lang``: "uk" → national system 2010, "ru" → ICAO; anything else → guessed from the letters.
    """
    if not has_cyrillic(text):
        return text
    text = normalize_apostrophes(text)
    if lang not in ("uk", "ru"):
        lang = guess_cyrillic_language(text)
    table = _UK_TABLE if lang == "uk" else _RU_TABLE
    out: list[str] = []
    for i, ch in enumerate(text):
        low = ch.lower()
        if low not in table:
            out.append(ch)
            continue
        if lang == "uk":
            if low == "г" and i > 0 and text[i - 1].lower() == "з":
                rom = "gh"  # зг → zgh, so that it is not read as "zh"
            elif low in _UK_INITIAL and _is_word_start(text, i):
                rom = _UK_INITIAL[low]
            else:
                rom = table[low]
        else:
            rom = table[low]
        out.append(_apply_case(ch, rom, text, i))
    return "".join(out)


# --- folding -----------------------------------------------------------------------------------------
# Letters with diacritics from Czech/Polish/German/Croatian spellings of Slavic names, mapped before the
# accents are stripped, because NFKD would turn š into s (losing the "sh").
_PRE_FOLD = str.maketrans(
    {
        "š": "sh", "ś": "sh", "ž": "zh", "ż": "zh", "ź": "zh", "č": "ch", "ć": "ch", "ł": "l",
        "ř": "r", "ß": "ss", "ŭ": "u", "ĥ": "h", "ğ": "g", "ı": "i", "ø": "o", "æ": "ae",
        "đ": "d", "ǵ": "g", "ɛ": "e",
    }
)  # fmt: skip

# Ordered multi-letter rules (longest first), each to a one-character class code:
#   S = ш/ж/щ (sh zh shch sch sz ...), C = ч (ch tch tsch cz), H = г/х/ґ (h kh g gh),
#   T = ц (ts tz c before e/i/y), s = с/з (s z), v = в (v w), f (f ph), k (k c ck q), "ks" for x.
_FOLD_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), r)
    for p, r in [
        (r"schtsch|shtsh|shch", "S"),
        (r"^ch(?=[rl])", "H"),  # German Ch = х before r/l: Charkiw, Chrystia
        (r"tsch|tch|tsh", "C"),
        (r"sch|sh|zh|sz", "S"),
        (r"ch|cz|cs", "C"),
        (r"ph", "f"),
        (r"th", "t"),
        (r"kh|gh|h|g", "H"),
        (r"ts|tz|c(?=[eiy])", "T"),
        (r"ck|c|q", "k"),
        (r"x", "ks"),
        (r"w", "v"),
        (r"z", "s"),
    ]
]
_VOWELS = set("aeiouyj")
_NON_LETTER = re.compile(r"[^a-z]+")


@lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """Reduce one name (or several words) to a spelling-independent skeleton.

    Rules, in order:

    1. Cyrillic is transliterated first (table guessed from the letters), diacritics folded
       (š → sh, ü → u), lower case, apostrophes and soft-sign marks dropped.
    2. Letter groups collapse to classes: sh/zh/shch/sch → S, ch/tch/cz → C, kh/h/g → H (Ukrainian г
       is "h", Russian г is "g", х is "kh": Харків/Харьков/Kharkiv/Kharkov/Charkiw meet), ts/tz → T,
       c/ck/q → k, x → ks, w → v, ph → f, z → s (German/Latin "S" for З: Saluschnyj).
    3. Vowels (a e i o u y j) are dropped, except two markers: a leading ``a`` if the word starts with
       a vowel (Oleksandr/Aleksandr/Alexander → ``alksndr``) and a trailing ``a`` if the word ends in
       ``a`` (the feminine ending: Oleh ``alH`` ≠ Olha ``alHa``, Oleksandr ≠ Oleksandra,
       Stefanyshyn ≠ Stefanyshyna). Ukrainian і vs Russian о/е (Kharkiv/Kharkov, Kyiv/Kiev) and the
       spellings of й/ий/ій (Valerii/Valeriy/Valery/Valerij) thus stop mattering.
    4. Repeated consonants collapse (Kyrylo/Kirill → ``krl``, Donbas/Donbass).

    The price: names differing only in vowels collide (Olena/Alina → ``alna``). The fold is a key for
    *meeting* spellings of the same name; person keys combine several tokens, which keeps collisions rare.
    """
    if has_cyrillic(name):
        name = translit(name)
    name = unicodedata.normalize("NFC", name).lower().translate(_PRE_FOLD)
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = [w for w in _NON_LETTER.split(name.replace("'", "")) if w]
    return " ".join(_fold_word(w) for w in words)


def _fold_word(word: str) -> str:
    lead = "a" if word[0] in _VOWELS else ""
    # "y"/"j" before a vowel at the start is a consonant-ish glide (Yevhen, Iaroslav, Jurij): still a
    # vowel-initial name for our purposes, so the same marker applies.
    trail = "a" if word.endswith("a") else ""
    for pattern, repl in _FOLD_RULES:
        word = pattern.sub(repl, word)
    skeleton: list[str] = []
    for ch in word:
        if ch in _VOWELS:
            continue
        if skeleton and skeleton[-1] == ch:
            continue
        skeleton.append(ch)
    return lead + "".join(skeleton) + trail


def fold_text(text: str) -> str:
    """Fold every word of ``text`` (alias of :func:`fold_name` for multi-word strings)."""
    return fold_name(text)
