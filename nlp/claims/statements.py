"""Who said it: the speaker, the verb of saying and the quoted or reported content of one sentence.

The speaker is the noun phrase that says it, not the nearest name. Rules, in order:

* Role phrases. A role noun (``saying.roles`` in ``models/claims/vocab.json``: press secretary,
  spokeswoman, речник, речниця, пресс-секретарь, официальный представитель ... with their case forms) and
  the mentions around it are one phrase, spoken by the person who holds the role:

  - after it: "Putin's press secretary, Dmitry Peskov", "Kremlin spokesman Dmitry Peskov", "press secretary
    of the Kremlin Dmitry Peskov", "речник Кремля Дмитро Пєсков", "пресс-секретарь президента России
    Дмитрий Песков", "по словам пресс-секретаря Кремля Дмитрия Пескова". Between the role and the name
    stand only mentions (the possessor), up to ``ROLE_GAP_WORDS`` other words (in Latin script only the
    link words ``saying.role_links``: of, for, the; Ukrainian and Russian put the genitive possessor
    after the role: "президента", "з прав людини"), or one comma right before the name. A name right
    after another name is the holder and the first one its possessor ("пресс-секретарь Путина Дмитрий
    Песков"). The holder agrees with the role in case: after a role that is the subject, an inflected
    Cyrillic name (written otherwise than its canonical nominative) is the possessor ("пресс-секретарь
    Путина заявил"); after "за словами / по словам" role and holder are both in the genitive;
  - before it, set off by a comma, dash or bracket, when the role phrase is closed after it ("Dmitry
    Peskov, the Kremlin's spokesman, said", "Дмитро Пєсков, речник Кремля, заявив"): "X, the
    spokesman said" is a content clause, not an apposition.

  The possessor (Putin, Кремль, МИД) never speaks. A role with no named holder ("a Kremlin spokesman
  said", "повідомив речник Кремля") is spoken by its organisation when that is an ORG mention; else
  ("Putin's spokesman said") by nobody: the verb then has no speaker, and no other name near it stands in.
  The Ukrainian person rule sometimes runs a genitive possessor into the holder's name ("прессекретар
  Путіна Дмитро Пєсков" is one PERSON mention); such a name right after a role is cut to the holder.
* "за словами / по словам / according to X": the speaker is the PERSON (else ORG) phrase right after it,
  before any clause break.
* A verb of saying (заявив, сообщил, said ...): the speaker is the nearest plausible phrase to the verb
  within ``PERSON_WINDOW`` characters for a person (a role noun is a person), else the nearest
  organisation within ``ORG_WINDOW``; a person is preferred because "заявила представитель
  Координационного штаба Наталья Гордиенко" names both and she speaks. A phrase on the other side of
  another verb of saying is that verb's. Mentions inside quotation marks never speak.
* Several attributions in one sentence ("The exchange was first reported by Interfax and confirmed by
  Putin's press secretary, Dmitry Peskov"): every verb takes its own speaker as above; a verb inside the
  reported content of an earlier one ("X said that Y told ...") is part of what X said and is ignored.
  Of the rest, the claim's speaker is: a PERSON over an ORG (the person is the one said to speak); then a
  confirming verb (``saying.confirm``) over a plain one over a relaying one (``saying.relay``: "...,
  повідомляє Укрінформ" only passes it on); then the **last** one (whoever confirms comes after whoever
  first reported). Here: Dmitry Peskov, "confirmed".
* Vocabularies: ``saying`` of ``claims/vocab.json`` under ``models_dir`` (``find_attribution`` takes it; the
  verbs, "according to", "that" and anaphora come compiled in the caller's ``Vocab``).
* Content: the longest quoted segment («...», “...”, „...“, "..."); else the clause after "що/что/that";
  else the clause before the speaker ("X, Y said.") unless that clause is another attribution; else, for
  "Про це повідомив X" / "Об этом сообщил X", the previous sentence (the caller passes it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from crosscheck.records.facts import Mention
from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.claims.categories import Vocab
from nlp.normalize import first_names, person_key
from nlp.translit import has_cyrillic, normalize_apostrophes
from nlp.vocab import load_json, pattern_alternation

__all__ = ["Attribution", "find_attribution", "quoted_spans"]

PERSON_WINDOW = 80
ORG_WINDOW = 120
ROLE_GAP_WORDS = 4  # words outside mentions between a role and its holder: "of the Russian President"
VOCAB_FILE = "claims/vocab.json"  # under models_dir: ``saying`` holds the role nouns and verb classes
PATRONYMICS_FILE = "names/patronymics.json"
_QUOTES = re.compile(r"«([^«»]+)»|“([^“”]+)”|„([^„“”]+)[“”]|\"([^\"]+)\"")
_EDGE = " \t\n,;:—–-.\"'«»“”„"
# "Putin's press secretary", "Zelensky's top adviser": a possessive and up to two modifiers before the role
_POSSESSIVE_GAP = re.compile(r"['’]s?(?:\s+[a-z]+){0,2}\s+")
# "Dmitry Peskov, the Kremlin's spokesman" / "Пєсков — речник Кремля": an apposition's opening
_APPOSITION_GAP = re.compile(r"\s*[,(—–]\s*(?:[a-zа-яіїєґё'’]+\s+)?")
_CLOSED_AFTER = re.compile(r"\s*(?:[,.;:!?)—–]|$)")  # what may follow an apposition that opened before it
_COMMA_GAP = re.compile(r"\s*,\s*")
_LINK_GAP = re.compile(r"[\w'’\s-]*")  # words only: any punctuation ends a role phrase
_LATIN_WORD = re.compile(r"[A-Za-z]")
_UK_PERSON_RULE = "person-rule:uk"  # the rule that runs a genitive possessor into the holder's name
_CONFIRM, _PLAIN, _RELAY = 2, 1, 0


@dataclass(frozen=True)
class Attribution:
    speaker: Mention  # who said it
    verb: str  # as written
    verb_start: int  # sentence-relative
    verb_end: int
    quote: str | None
    anaphoric: bool  # "Про це повідомив X": the content is the previous sentence


@dataclass(frozen=True)
class _SpeakerVocab:
    roles: re.Pattern[str]
    role_links: frozenset[str]  # lower case
    role_breaks: re.Pattern[str]
    confirm: re.Pattern[str]
    relay: re.Pattern[str]
    patronymic: re.Pattern[str]
    first_names: frozenset[str]  # lower case, Cyrillic nominatives


@lru_cache(maxsize=4)
def _speaker_vocab(models_dir: Path) -> _SpeakerVocab:
    saying = load_json(models_dir, VOCAB_FILE)["saying"]
    endings = load_json(models_dir, PATRONYMICS_FILE)["endings"]

    def alt(key: str) -> re.Pattern[str]:
        return re.compile(f"(?:{pattern_alternation(saying[key])})", re.IGNORECASE)

    return _SpeakerVocab(
        roles=alt("roles"),
        role_links=frozenset(w.lower() for w in saying["role_links"]),
        role_breaks=alt("role_breaks"),
        confirm=alt("confirm"),
        relay=alt("relay"),
        patronymic=re.compile("(?:" + "|".join(re.escape(e) for e in endings) + ")$", re.IGNORECASE),
        first_names=first_names(models_dir).cyrillic,
    )


@dataclass(frozen=True)
class _Span:
    start: int  # sentence-relative
    end: int
    mention: Mention


@dataclass(frozen=True)
class _Phrase:
    """A noun phrase that may be the speaker: one mention, or a role with the mentions around it."""

    start: int  # sentence-relative
    end: int
    speaker: Mention | None  # None: a role whose holder and organisation are no mention
    person: bool  # a PERSON mention or a role noun (a role names a person even when unnamed)


@dataclass(frozen=True)
class _Found:
    att: Attribution
    rank: tuple[bool, int, int]  # (speaker is a person, verb class, position): the highest is the claim's
    that_from: int | None  # where the content after "що/что/that" starts; later verbs there are nested


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """[start, end) of the content of every quoted segment, sentence-relative."""
    spans = []
    for m in _QUOTES.finditer(sentence):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        spans.append((m.start(g), m.end(g)))
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _clean(text: str) -> str | None:
    text = text.strip(_EDGE)
    return text if len(text) >= 3 else None


def find_attribution(
    sentence: str,
    offset: int,
    mentions: Sequence[Mention],
    vocab: Vocab,
    previous: str | None = None,
    models_dir: Path = DEFAULT_MODELS_DIR,
) -> Attribution | None:
    """Attribution of one sentence; ``mentions`` are the page's mentions inside the sentence,
    ``offset`` the sentence's start in the page text (mention offsets are page offsets)."""
    quotes = quoted_spans(sentence)
    spans = sorted(
        (
            _Span(row.start - offset, row.end - offset, row)
            for row in mentions
            if row.start - offset >= 0
            and row.end - offset <= len(sentence)
            and not _inside(quotes, row.start - offset, row.end - offset)
        ),
        key=lambda s: (s.start, s.end),
    )
    sv = _speaker_vocab(Path(models_dir))
    accs = [m for m in vocab.according_to.finditer(sentence) if not _inside(quotes, m.start(), m.end())]
    phrases = _phrases(sentence, spans, quotes, [a.end() for a in accs], vocab, sv, Path(models_dir))
    if not phrases:
        return None

    verbs = [
        m
        for m in vocab.saying_verbs.finditer(sentence)
        if not _inside(quotes, m.start(), m.end()) and not any(a.start() <= m.start() < a.end() for a in accs)
    ]
    # Every cue of saying, in order: a phrase beyond another cue is that cue's speaker, not this one's.
    cues = sorted([(m.start(), m.end()) for m in accs + verbs])

    found: list[_Found] = []
    for acc in accs:
        got = _according_to(sentence, acc, phrases, cues, quotes)
        if got:
            found.append(got)
    for verb in verbs:
        got = _said(sentence, verb, phrases, cues, quotes, vocab, sv, previous)
        if got:
            found.append(got)
    found.sort(key=lambda f: f.att.verb_start)
    # "X said that Y told ...": Y's verb is inside what X said, so only X's attribution stands.
    kept: list[_Found] = []
    for f in found:
        if not any(k.that_from is not None and f.att.verb_start >= k.that_from for k in kept):
            kept.append(f)
    if not kept:
        return None
    return max(kept, key=lambda f: f.rank).att


def _according_to(
    sentence: str,
    acc: re.Match[str],
    phrases: list[_Phrase],
    cues: list[tuple[int, int]],
    quotes: list[tuple[int, int]],
) -> _Found | None:
    """ "За словами X, ...": X is the phrase right after the cue, before a clause break or the next cue."""
    after = [
        p
        for p in phrases
        if acc.end() <= p.start <= acc.end() + PERSON_WINDOW
        and not any(c in sentence[acc.end() : p.start] for c in ",;.!?")
        and not _cue_between(cues, acc.end(), p.start)
    ]
    chosen = min(after, key=lambda p: (not p.person, p.start), default=None)
    if chosen is None or chosen.speaker is None:
        return None
    quote = _content_after_speaker(sentence, chosen.end, quotes)
    att = Attribution(chosen.speaker, acc.group(0), acc.start(), acc.end(), quote, False)
    return _Found(att, (chosen.speaker.label == "PERSON", _PLAIN, acc.start()), None)


def _said(
    sentence: str,
    verb: re.Match[str],
    phrases: list[_Phrase],
    cues: list[tuple[int, int]],
    quotes: list[tuple[int, int]],
    vocab: Vocab,
    sv: _SpeakerVocab,
    previous: str | None,
) -> _Found | None:
    span = (verb.start(), verb.end())
    pool = [
        p
        for p in phrases
        if _gap(span, (p.start, p.end)) <= (PERSON_WINDOW if p.person else ORG_WINDOW)
        and _plausible(sentence, span, (p.start, p.end))
        and not _cue_between(cues, min(span[1], p.end), max(span[0], p.start))
    ]
    people = [p for p in pool if p.person]
    chosen = min(people or pool, key=lambda p: (_gap(span, (p.start, p.end)), p.start), default=None)
    if chosen is None or chosen.speaker is None:
        return None  # no subject, or a role whose holder is no mention ("Putin's spokesman said")
    anaphoric = False
    quote: str | None = None
    that_from: int | None = None
    if quotes:
        s, e = max(quotes, key=lambda q: (q[1] - q[0], -q[0]))
        quote = _clean(sentence[s:e])
    else:
        that = vocab.that_re.search(sentence, max(verb.end(), chosen.end))
        if that and that.start() - max(verb.end(), chosen.end) <= 3:
            quote = _clean(sentence[that.end() :])
            that_from = that.end()
        else:
            first = min(verb.start(), chosen.start)
            head = sentence[:first]
            if vocab.anaphora.match(head.strip(_EDGE + " ")) or vocab.anaphora.search(head[:20]):
                anaphoric = previous is not None
                quote = _clean(previous) if previous else None
            else:
                # "X exchanged 150 …, Ukraine's Coordination Headquarters said": the clause before the
                # comma, when only a few words (a possessive, "the") stand between it and the speaker;
                # not when that clause is itself an attribution ("reported by Interfax, and confirmed by").
                cut = max(head.rfind(","), head.rfind("—"), head.rfind("–"))
                if cut > 0 and len(head[cut + 1 :].split()) <= 3 and not _cue_between(cues, -1, cut):
                    quote = _clean(head[:cut])
    text = verb.group(0)
    kind = _CONFIRM if sv.confirm.fullmatch(text) else _RELAY if sv.relay.fullmatch(text) else _PLAIN
    att = Attribution(chosen.speaker, text, verb.start(), verb.end(), quote, anaphoric)
    return _Found(att, (chosen.speaker.label == "PERSON", kind, verb.start()), that_from)


def _cue_between(cues: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start <= s and e <= end for s, e in cues)


def _plausible(sentence: str, verb: tuple[int, int], speaker: tuple[int, int]) -> bool:
    """Is the phrase the verb's subject? Before the verb: adjacent, or set off by an apposition
    ("X, 37, said"), or closing the apposition it opened ("Dmitry Peskov, the Kremlin's spokesman, said");
    a bare comma otherwise ends the content ("They thanked Olena X, Interfax reported"). After it: no
    clause break between ("заявила представитель штабу X").
    "Hnatyuk, 37, will need treatment, his family said" names no speaker."""
    if speaker[1] <= verb[0]:
        gap = sentence[speaker[1] : verb[0]].strip()
        if gap == ",":
            return "," in sentence[speaker[0] : speaker[1]]
        return not gap or (gap.startswith(",") and gap.endswith(",")) or gap in ("—", "–", "-")
    gap = sentence[verb[1] : speaker[0]]
    return not any(c in gap for c in ",;.!?")


# --- speaker phrases -------------------------------------------------------------------------------------


def _phrases(
    sentence: str,
    spans: list[_Span],
    quotes: list[tuple[int, int]],
    acc_ends: list[int],
    vocab: Vocab,
    sv: _SpeakerVocab,
    models_dir: Path,
) -> list[_Phrase]:
    """Role phrases, then every PERSON/ORG mention that no role phrase took in. ``acc_ends``: where each
    "за словами / по словам" ends (a role right after one is in the genitive, and so is its holder)."""
    phrases: list[_Phrase] = []
    taken: set[int] = set()  # indices into spans
    for role in sv.roles.finditer(sentence):
        rs, r_end = role.start(), role.end()
        if _inside(quotes, rs, r_end) or any(s.start < r_end and rs < s.end for s in spans):
            continue  # a role word inside a name ("Уповноважений Верховної Ради" is an ORG): the name wins
        if phrases and rs < phrases[-1].end:
            continue  # "deputy head": one role
        oblique = any(e <= rs and not sentence[e:rs].strip() for e in acc_ends)
        phrase, used = _role_phrase(sentence, rs, r_end, spans, taken, oblique, vocab, sv, models_dir)
        phrases.append(phrase)
        taken |= used
    for i, s in enumerate(spans):
        if i not in taken and s.mention.label in ("PERSON", "ORG"):
            phrases.append(_Phrase(s.start, s.end, s.mention, s.mention.label == "PERSON"))
    return sorted(phrases, key=lambda p: (p.start, p.end))


def _role_phrase(
    sentence: str,
    rs: int,
    r_end: int,
    spans: list[_Span],
    taken: set[int],
    oblique: bool,
    vocab: Vocab,
    sv: _SpeakerVocab,
    models_dir: Path,
) -> tuple[_Phrase, set[int]]:
    free = [i for i in range(len(spans)) if i not in taken]
    used: set[int] = set()
    orgs: list[Mention] = []
    lo = rs
    # The possessor before the role: "Putin's press secretary", "the Kremlin's spokesman", "Kremlin spokesman".
    before = [i for i in free if spans[i].end <= rs]
    if before:
        b = spans[before[-1]]
        gap = sentence[b.end : rs]
        if _POSSESSIVE_GAP.fullmatch(gap) or (b.mention.label in ("ORG", "PLACE") and gap.isspace()):
            used.add(before[-1])
            lo = b.start
            if b.mention.label == "ORG":
                orgs.append(b.mention)
    holder, hi, after_used = _holder_after(sentence, r_end, spans, free, vocab, sv)
    used |= after_used
    orgs += [spans[i].mention for i in sorted(after_used) if spans[i].mention.label == "ORG"]
    speaker: Mention | None = None
    if holder is not None:
        named = _cut_possessor(spans[holder], r_end, sentence, sv, models_dir)
        used.add(holder)
        # The holder agrees with the role in case. A role that is the subject is in the nominative, so an
        # inflected name after it is its possessor ("підтвердив прессекретар Путіна", "Дмитрий Песков,
        # пресс-секретарь Путина, заявил"); after "по словам" both are in the genitive ("по словам
        # пресс-секретаря Дмитрия Пескова").
        if oblique or _nominative(named):
            speaker = named
    if speaker is None:
        # The holder before, set off as an apposition that closes after the role phrase.
        prev = [i for i in free if spans[i].end <= lo and i not in used]
        if prev:
            p = spans[prev[-1]]
            if (
                p.mention.label == "PERSON"
                and _APPOSITION_GAP.fullmatch(sentence[p.end : lo])
                and _CLOSED_AFTER.match(sentence, hi)
            ):
                speaker = p.mention
                used.add(prev[-1])
                lo = p.start
    if speaker is None and orgs:
        speaker = orgs[0]  # "a Kremlin spokesman said": the Kremlin says it
    return _Phrase(lo, hi, speaker, True), used


def _holder_after(
    sentence: str, pos: int, spans: list[_Span], free: list[int], vocab: Vocab, sv: _SpeakerVocab
) -> tuple[int | None, int, set[int]]:
    """Walk from the role's end over its possessors to the name that holds it: (holder index or None,
    end of the phrase, indices of the mentions walked over, holder excluded)."""
    holder: int | None = None
    used: set[int] = set()
    words = 0
    end = pos
    for i in free:
        s = spans[i]
        if s.start < pos:
            continue
        gap = sentence[pos : s.start]
        if holder is not None:
            # A name right after a name: the first was the possessor ("пресс-секретарь Путина Дмитрий Песков");
            # after a comma only when the first is a bare surname ("прессекретар Путіна, Дмитро Пєсков"),
            # not a full name that a list or another clause goes on from.
            bare = len(spans[holder].mention.surface.split()) == 1
            if s.mention.label == "PERSON" and (gap.isspace() or (bare and _COMMA_GAP.fullmatch(gap))):
                used.add(holder)
                holder, pos, end = i, s.end, s.end
                if gap.isspace():
                    continue
            break
        if _COMMA_GAP.fullmatch(gap):
            # "Putin's press secretary, Dmitry Peskov": a comma right before the name, which ends the phrase
            if s.mention.label == "PERSON":
                holder, end = i, s.end
            break
        n = _link_words(gap, vocab, sv)
        if n is None or words + n > ROLE_GAP_WORDS:
            break
        words += n
        pos = end = s.end
        if s.mention.label == "PERSON":
            holder = i
        else:
            used.add(i)
    return holder, end, used


def _nominative(m: Mention) -> bool:
    """Is a Cyrillic name written as its canonical (nominative) name? Latin names do not inflect."""
    if not has_cyrillic(m.surface):
        return True

    def fold(s: str) -> str:
        return normalize_apostrophes(s).lower().replace("ё", "е")

    return fold(m.surface) == fold(m.name)


def _link_words(gap: str, vocab: Vocab, sv: _SpeakerVocab) -> int | None:
    """How many words stand between a role and the next mention, None when they end the role phrase:
    punctuation, a verb of saying, a conjunction, or a Latin word that is no link ("of", "for", "the")."""
    if not _LINK_GAP.fullmatch(gap) or vocab.saying_verbs.search(gap) or vocab.that_re.search(gap):
        return None
    tokens = gap.split()
    for t in tokens:
        if sv.role_breaks.fullmatch(t):
            return None
        # English puts modifiers before the role: after it come only links and capitalised names.
        if _LATIN_WORD.match(t) and t[:1].islower() and t.lower() not in sv.role_links:
            return None
    return len(tokens)


def _cut_possessor(span: _Span, role_end: int, sentence: str, sv: _SpeakerVocab, models_dir: Path) -> Mention:
    """ "прессекретар Путіна Дмитро Пєсков" as one PERSON of the Ukrainian rule → "Дмитро Пєсков": right
    after a role, a three-word name whose second word is a first name, whose first is none and whose last is
    no patronymic (that would be "Пєсков Дмитро Сергійович") starts with the possessor."""
    m = span.mention
    words, name = m.surface.split(), m.name.split()
    if (
        m.method != _UK_PERSON_RULE
        or not sentence[role_end : span.start].isspace()
        or len(words) != 3
        or len(name) != 3
        or name[0].lower() in sv.first_names
        or name[1].lower() not in sv.first_names
        or sv.patronymic.search(name[2])
    ):
        return m
    cut = m.surface.index(words[1], len(words[0]))
    rest = " ".join(name[1:])
    return replace(m, start=m.start + cut, surface=m.surface[cut:], name=rest, key=person_key(rest, "uk", models_dir))


def _content_after_speaker(sentence: str, speaker_end: int, quotes: list[tuple[int, int]]) -> str | None:
    """ "За словами X, Y" → Y; a quote wins when there is one."""
    if quotes:
        s, e = max(quotes, key=lambda q: (q[1] - q[0], -q[0]))
        return _clean(sentence[s:e])
    rest = sentence[speaker_end:]
    comma = rest.find(",")
    return _clean(rest[comma + 1 :]) if comma >= 0 else None
