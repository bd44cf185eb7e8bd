"""Status claims about people: from status phrases in running text and from list rows.

A phrase ("досі утримується в полоні", "was released", "освобождена") goes to the nearest PERSON mention
of its sentence that is not the speaker. Several phrases may hold in one sentence ("captured in 2022 …
released today"); one claim per (person, status). A phrase right after a negation ("не повернувся") or a
future cue ("will be released") states no status and is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from crosscheck.records.claims import Claim
from crosscheck.records.facts import ListInfo, ListRow, Mention
from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.claims.categories import Vocab
from nlp.normalize import normalize_person, person_key

__all__ = ["StatusHit", "find_statuses", "list_status_claims", "resolve_subject"]

_PREV_WORDS = re.compile(r"(\S+)\s+(?:(\S+)\s+)?$")


@dataclass(frozen=True)
class StatusHit:
    status: str
    start: int  # sentence-relative span of the phrase
    end: int
    subject: Mention  # the PERSON mention
    still: bool = False  # "досі перебуває в полоні": held (or missing) as of the report's day


def _negated(sentence: str, start: int, vocab: Vocab) -> bool:
    window = sentence[max(0, start - 25) : start]
    m = _PREV_WORDS.search(window)
    if not m:
        return False
    words = [w for w in m.groups() if w]
    return any(vocab.negation.fullmatch(w.strip(",.")) or vocab.future.fullmatch(w.strip(",.")) for w in words)


def find_statuses(
    sentence: str, offset: int, mentions: Sequence[Mention], vocab: Vocab, speaker_key: str | None
) -> list[StatusHit]:
    people = []
    for row in mentions:
        if row.label != "PERSON" or row.key == speaker_key:
            continue
        s, e = row.start - offset, row.end - offset
        if s >= 0 and e <= len(sentence):
            people.append((s, e, row))
    if not people:
        return []
    hits: list[StatusHit] = []
    seen: set[tuple[str, str]] = set()
    taken: list[tuple[int, int]] = []
    for status, rx in vocab.statuses:
        for m in rx.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue  # "утримується в полоні" matched once, as the longer phrase
            if _negated(sentence, m.start(), vocab):
                continue
            s, e, row = min(people, key=lambda t: (max(0, max(t[0], m.start()) - min(t[1], m.end())), t[0]))
            taken.append((m.start(), m.end()))
            if (row.key, status) in seen:
                continue
            seen.add((row.key, status))
            still = status in _STILL_STATUSES and vocab.still.search(sentence[max(0, m.start() - 30) : m.end()])
            hits.append(StatusHit(status, m.start(), m.end(), row, bool(still)))
    # "значився у списку звільнених, однак досі перебуває в полоні": the captivity that lasts is what the
    # sentence says of him; the release is what it denies.
    lasting = {h.subject.key for h in hits if h.still}
    hits = [h for h in hits if not (h.subject.key in lasting and h.status in ("released", "exchanged"))]
    return sorted(hits, key=lambda h: (h.start, h.status))


_STILL_STATUSES = frozenset({"held", "missing"})


_NAME_WORD = re.compile(r"[ \t]+([A-ZА-ЯІЇЄҐ][a-zа-яіїєґ'’ʼ-]{1,})(?![\w])")
_BIRTH = re.compile(
    r"\s*,?\s*\(?\s*(?:born|народ\w*|родил\w*|р\.\s*н\.?|г\.\s*р\.?)?\s*(?P<d>\d{1,2})\.(?P<m>\d{2})\.(?P<y>\d{4})"
    r"\s*(?P<mark>р\.\s*н\.?|р\.н\.?|г\.\s*р\.?|г\.р\.?|року\s+народження|года\s+рождения)?",
    re.IGNORECASE,
)


def _extended(text: str, row: Mention, rows: Sequence[Mention]) -> tuple[int, str]:
    """The mention with the capitalised name words right after it that NER left out ("Остап" + "Кравчишин"):
    (end, surface). Never into another mention."""
    end = row.end
    for _ in range(2):
        m = _NAME_WORD.match(text, end)
        if not m or any(r is not row and r.start < m.end() and m.start() < r.end for r in rows):
            break
        end = m.end()
    return end, text[row.start : end]


def _birth_after(text: str, end: int) -> str | None:
    """ "…Кравчишина, 14.09.1994 р. н." → "1994-09-14": a full date marked as a birth date right after the name."""
    m = _BIRTH.match(text, end)
    if not m:
        return None
    marked = m.group("mark") or re.search(r"born|народ|родил|р\.|г\.", m.group(0)[: m.start("d") - m.start()], re.I)
    if not marked:
        return None
    d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    if not (1 <= d <= 31 and 1 <= mo <= 12 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _tokens(name: str, lang: str, models_dir: Path) -> list[str]:
    return [t for t in (person_key(w, lang, models_dir) for w in name.split()) if t]


def _same_word(a: str, b: str) -> bool:
    """Two folded name words, case endings aside ("krvCSn" / "krvCSna")."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 2


def _contains(words: list[str], part: list[str]) -> bool:
    """Every word of ``part`` is one of ``words`` (case endings aside)."""
    return bool(part) and all(any(_same_word(p, w) for w in words) for p in part)


def resolve_subject(
    row: Mention, people: Sequence[Mention], text: str, lang: str, models_dir: Path = DEFAULT_MODELS_DIR
) -> tuple[str, str]:
    """(key, name) of the person a status phrase is about, from everything the document says of them.

    The mention is completed with the name words NER left out; a given-name-only or surname-only mention
    takes the fullest mention of the document that contains its words ("Остап" → "Остап Кравчишин"); a
    birth date written after any mention of the person ("14.09.1994 р. н.") makes the key a listed
    person's key (name key plus birth date), the key list rows of that person have."""
    end, surface = _extended(text, row, people)
    name = normalize_person(surface, lang) if end > row.end else row.name
    words = _tokens(name, lang, models_dir)
    births = [_birth_after(text, end)]
    best = name
    for other in people:
        if other is row or other.label != "PERSON":
            continue
        o_end, o_surface = _extended(text, other, people)
        o_name = normalize_person(o_surface, lang) if o_end > other.end else other.name
        o_words = _tokens(o_name, lang, models_dir)
        if not (_contains(o_words, words) or (len(o_words) >= 2 and _contains(words, o_words))):
            continue  # neither names the other
        births.append(_birth_after(text, o_end))
        if len(words) < 2 and len(o_words) > len(_tokens(best, lang, models_dir)):
            best = o_name
    born = {b for b in births if b}
    key = person_key(best, lang, models_dir) if best != row.name else row.key
    if len(born) == 1 and len(_tokens(best, lang, models_dir)) >= 2:
        key = f"{person_key(best, lang, models_dir)}|{born.pop()}"
    return key, best


def list_status_claims(
    pages: dict[int, str], languages: dict[int, str], records: Sequence[ListRow], info: ListInfo | None
) -> list[Claim]:
    """One status claim per list row that has a status (its own, else the list title's)."""
    claims = []
    for r in records:
        status = r.status or (info.status if info else None)
        if not status or r.page not in pages:
            continue
        date = r.status_date
        if date is None and info is not None and info.status == status:
            date = info.status_date
        text = pages[r.page][r.start : r.end]
        # A row is as reliable as its reading; a missing date lowers it because the claim cannot be placed in time.
        confidence = max(0.1, min(0.95, r.confidence) - (0.15 if date is None else 0.0))
        claims.append(
            Claim(
                kind="status",
                page=r.page,
                start=r.start,
                end=r.end,
                text=text,
                language=languages.get(r.page, ""),
                confidence=round(confidence, 3),
                extractor="list-title",
                status=status,
                status_date=date,
                subject_key=r.key,
                subject_label="PERSON",
                subject_name=r.name,
            )
        )
    return claims
