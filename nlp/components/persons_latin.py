"""``cc_latin_persons``: person names in Latin script by rule (English and the languages without a pipeline).

A run of capitalised words starting at a first name (Polish, Czech and Slovak case forms too:
"Tarasa", "Olgą") with a surname-shaped or long last word is a name; titles and kinship words before
it are left out ("Ombudsman Lubinets", "Laut Ombudsmann Dmytro Lubinets"). One word alone needs a
Slavic surname ending and context (:func:`_lone_latin_name_ok`).
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.components.candidate import CONF_GENERIC, Candidate, add_candidates
from nlp.components.name_rules import LAT_TITLE_WORD, NameWords, name_words
from nlp.normalize import is_first_name

__all__ = ["make_latin_persons"]

_SENTENCE_END_BEFORE = (".", "!", "?", '"', "“", "—")


def _lone_latin_name_ok(tokens: list[Token], i: int, words: NameWords, models_dir: Path) -> bool:
    """One capitalised word as a person: a Slavic surname next to a verb of speech ("Lubinets said",
    "said Lubinets") or a first name in the possessive ("Anastasiia's mother")."""
    word = tokens[i].text
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    prev = tokens[i - 1].text if i > 0 else ""
    if is_first_name(word, "en", models_dir) and nxt in ("'s", "’s"):
        return True
    if len(word) < 5 or not words.latin_surname_suffix.search(word):
        return False
    speech = nxt.lower() in words.en_speech or prev.lower() in words.en_speech
    titled = prev.lower() in words.not_in_name
    # The unmistakable Ukrainian endings (Kovalenko, Shevchuk, Syrskyi, Ivanovych) need no context
    # inside a sentence; places with such names are in the gazetteer, which outranks this rule.
    inside = i > 0 and not tokens[i].is_sent_start and prev not in _SENTENCE_END_BEFORE
    return speech or titled or (inside and bool(words.strong_latin_surname.search(word)))


def _latin_first_name(word: str, words: NameWords, models_dir: Path) -> bool:
    """A first name, or a Polish/Czech/Slovak case form of one (the stem is the name)."""
    if is_first_name(word, "en", models_dir):
        return True
    for ending in words.latin_first_name_endings:
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < 3:
            continue
        if is_first_name(stem, "en", models_dir) or is_first_name(stem + "a", "en", models_dir):
            return True
    return False


def _is_name_word(token: Token, words: NameWords) -> bool:
    return bool(LAT_TITLE_WORD.match(token.text)) and token.text not in words.latin_not_names


def _find_persons(tokens: list[Token], words: NameWords, models_dir: Path) -> list[tuple[int, int]]:
    """Character spans of the names among ``tokens``."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not _is_name_word(tokens[i], words):
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(tokens) and len(run) < 5 and tokens[j - 1].whitespace_ == " " and _is_name_word(tokens[j], words):
            run.append(j)
            j += 1
        end_of_run = run[-1]
        # Capitalised words before the name: a title ("Ombudsman Lubinets") or, in German, any noun or
        # a preposition at a sentence start ("Laut Ombudsmann Dmytro Lubinets"). The name starts at
        # its first name when there is one, else after the titles; it has at most three words.
        firsts = [k for k in range(len(run)) if _latin_first_name(tokens[run[k]].text, words, models_dir)]
        if firsts and firsts[0] > 0:
            run = run[firsts[0] :]
        while len(run) >= 2 and tokens[run[0]].text.lower() in words.not_in_name:
            run = run[1:]
        run = run[:3]
        texts = [tokens[k].text for k in run]
        ok = False
        if len(texts) >= 2:
            surname = bool(words.latin_surname_suffix.search(texts[-1]))
            ok = _latin_first_name(texts[0], words, models_dir) and (surname or len(texts[-1]) >= 3)
            start = run[0]
            if not ok and surname and start > 0 and words.title.match(tokens[start - 1].text.lower()):
                ok = True
        if not ok and len(texts) == 1:
            ok = _lone_latin_name_ok(tokens, run[0], words, models_dir)
        if ok:
            found.append((tokens[run[0]].idx, tokens[run[-1]].idx + len(tokens[run[-1]].text)))
        i = max(run[-1], end_of_run) + 1 if ok else run[0] + 1
    return found


@Language.factory("cc_latin_persons", default_config={"models_dir": str(DEFAULT_MODELS_DIR)})
def make_latin_persons(nlp: Language, name: str, models_dir: str):
    words = name_words(models_dir)
    data = Path(models_dir)

    def component(doc: Doc) -> Doc:
        add_candidates(
            doc,
            [
                Candidate(s, e, "PERSON", "generic", "person-rule:latin", CONF_GENERIC)
                for s, e in _find_persons(list(doc), words, data)
            ],
        )
        return doc

    return component
