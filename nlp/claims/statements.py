"""Who said it: the speaker, the verb of saying and the quoted or reported content of one sentence.

Rules, in order:

* "за словами / по словам / according to X": the speaker is the PERSON (else ORG) mention right after.
* a verb of saying (заявив, сообщил, said ...): the speaker is the nearest PERSON mention to the verb
  within ``PERSON_WINDOW`` characters, else the nearest ORG within ``ORG_WINDOW``; a person is preferred
  because "заявила представитель Координационного штаба Наталья Гордиенко" names both and she speaks.
  Mentions inside quotation marks never speak.
* content: the longest quoted segment («...», “...”, „...“, "..."); else the clause after "що/что/that";
  else the clause before the speaker ("X, Y said."); else, for "Про це повідомив X" / "Об этом сообщил X",
  the previous sentence (the caller passes it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from crosscheck.records.facts import Mention
from nlp.claims.categories import Vocab

__all__ = ["Attribution", "find_attribution", "quoted_spans"]

PERSON_WINDOW = 80
ORG_WINDOW = 120
_QUOTES = re.compile(r"«([^«»]+)»|“([^“”]+)”|„([^„“”]+)[“”]|\"([^\"]+)\"")
_EDGE = " \t\n,;:—–-.\"'«»“”„"


@dataclass(frozen=True)
class Attribution:
    speaker: Mention  # who said it
    verb: str  # as written
    verb_start: int  # sentence-relative
    verb_end: int
    quote: str | None
    anaphoric: bool  # "Про це повідомив X": the content is the previous sentence


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
    sentence: str, offset: int, mentions: Sequence[Mention], vocab: Vocab, previous: str | None = None
) -> Attribution | None:
    """Attribution of one sentence; ``mentions`` are the page's mentions inside the sentence,
    ``offset`` the sentence's start in the page text (mention offsets are page offsets)."""
    quotes = quoted_spans(sentence)
    speakers = []
    for row in mentions:
        if row.label not in ("PERSON", "ORG"):
            continue
        s, e = row.start - offset, row.end - offset
        if s >= 0 and e <= len(sentence) and not _inside(quotes, s, e):
            speakers.append((s, e, row))
    if not speakers:
        return None

    acc = next((m for m in vocab.according_to.finditer(sentence) if not _inside(quotes, m.start(), m.end())), None)
    if acc:
        after = [t for t in speakers if acc.end() <= t[0] <= acc.end() + PERSON_WINDOW]
        chosen = min(after, key=lambda t: (t[2].label != "PERSON", t[0]), default=None)
        if chosen:
            quote = _content_after_speaker(sentence, chosen[1], quotes)
            return Attribution(chosen[2], acc.group(0), acc.start(), acc.end(), quote, False)

    for verb in vocab.saying_verbs.finditer(sentence):
        if _inside(quotes, verb.start(), verb.end()):
            continue
        span = (verb.start(), verb.end())
        people = [t for t in speakers if t[2].label == "PERSON" and _gap(span, t[:2]) <= PERSON_WINDOW]
        orgs = [t for t in speakers if t[2].label == "ORG" and _gap(span, t[:2]) <= ORG_WINDOW]
        pool = [t for t in (people or orgs) if _plausible(sentence, span, t[:2])]
        if not pool:
            continue
        chosen = min(pool, key=lambda t: (_gap(span, t[:2]), t[0]))
        anaphoric = False
        quote: str | None = None
        if quotes:
            s, e = max(quotes, key=lambda q: (q[1] - q[0], -q[0]))
            quote = _clean(sentence[s:e])
        else:
            that = vocab.that_re.search(sentence, max(verb.end(), chosen[1]))
            if that and that.start() - max(verb.end(), chosen[1]) <= 3:
                quote = _clean(sentence[that.end() :])
            else:
                first = min(verb.start(), chosen[0])
                head = sentence[:first]
                if vocab.anaphora.match(head.strip(_EDGE + " ")) or vocab.anaphora.search(head[:20]):
                    anaphoric = previous is not None
                    quote = _clean(previous) if previous else None
                else:
                    # "X exchanged 150 …, Ukraine's Coordination Headquarters said": the clause before the
                    # comma, when only a few words (a possessive, "the") stand between it and the speaker
                    cut = max(head.rfind(","), head.rfind("—"), head.rfind("–"))
                    if cut > 0 and len(head[cut + 1 :].split()) <= 3:
                        quote = _clean(head[:cut])
        return Attribution(chosen[2], verb.group(0), verb.start(), verb.end(), quote, anaphoric)
    return None


def _plausible(sentence: str, verb: tuple[int, int], speaker: tuple[int, int]) -> bool:
    """Is the mention the verb's subject? Before the verb: adjacent, or set off by an apposition
    ("X, a spokeswoman for Y, said"); after it: no clause break between ("заявила представитель штабу X").
    "Hnatyuk, 37, will need treatment, his family said" names no speaker."""
    if speaker[1] <= verb[0]:
        gap = sentence[speaker[1] : verb[0]].strip()
        return not gap or (gap.startswith(",") and gap.endswith(",")) or gap in ("—", "–", "-")
    gap = sentence[verb[1] : speaker[0]]
    return not any(c in gap for c in ",;.!?")


def _content_after_speaker(sentence: str, speaker_end: int, quotes: list[tuple[int, int]]) -> str | None:
    """ "За словами X, Y" → Y; a quote wins when there is one."""
    if quotes:
        s, e = max(quotes, key=lambda q: (q[1] - q[0], -q[0]))
        return _clean(sentence[s:e])
    rest = sentence[speaker_end:]
    comma = rest.find(",")
    return _clean(rest[comma + 1 :]) if comma >= 0 else None
