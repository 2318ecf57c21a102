"""Short answers inside a sentence: who, where, when, which/what-thing.

No tagger model can be downloaded, so candidates come from the text's own shape: runs of
capitalised words (names of people, organisations, places), dates, and a place noun after
a name ("Ouhai district"). The question says which kind it wants; the candidate that fits
that kind and sits nearest the words the question and sentence share wins. Candidates the
question already names ("Uren Biotech" in "Who is the chairman of Uren Biotech?") are not
answers.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .analysis import STOP_WORDS, Token, stem, tokens

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
)
_DATE = re.compile(
    rf"\b(?:(?:early|mid|late)[- ])?(?:(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}}|(?:{MONTHS})\s+\d{{4}}|(?:1[5-9]|20)\d{{2}}s?"
    rf"|(?:last|this|next|previous)\s+(?:year|month|week)|yesterday|today|tomorrow"
    rf"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)
_WORD = re.compile(r"[A-Za-z][\w&.\-]*(?:'[A-Za-z]+)?|\d[\d,.]*")
CONNECTORS = {"of", "the", "and", "for", "de", "du", "van", "von", "&", "la", "del", "on"}
ORG_WORDS = {
    "university", "hospital", "department", "academy", "administration", "company", "biotech",
    "group", "inc", "ltd", "corp", "corporation", "institute", "bank", "ministry", "council",
    "committee", "association", "agency", "bureau", "office", "school", "college", "center",
    "centre", "foundation", "party", "league", "club", "team", "press", "news", "times",
    "organization", "organisation", "commission", "authority", "court", "service", "museum",
    "society", "fund", "board", "airlines", "motors", "technologies", "pharmaceutical",
}
PLACE_WORDS = {
    "district", "city", "province", "county", "state", "country", "region", "town", "village",
    "street", "road", "avenue", "river", "lake", "mountain", "island", "valley", "park", "bay",
    "port", "harbor", "harbour", "coast", "area", "zone", "prefecture", "municipality",
}
PERSON_NOUNS = {
    "person", "man", "woman", "scientist", "academician", "chairman", "chairwoman", "ceo",
    "official", "expert", "leader", "researcher", "founder", "president", "director", "head",
    "spokesman", "spokeswoman", "spokesperson", "minister", "mayor", "governor", "professor",
    "doctor", "author", "principal", "manager", "boss", "chief", "player", "coach", "member",
}
DATE_NOUNS = {"year", "month", "date", "day", "time", "decade", "century"}
PLACE_NOUNS = PLACE_WORDS | {"place", "location", "where"}
ORG_NOUNS = ORG_WORDS | {"organisation", "organization", "firm", "institution", "enterprise"}


@dataclass(frozen=True)
class QuestionKind:
    """What a question wants: ``kind`` is person, place, date, org, thing, number or other."""

    kind: str
    head: str | None = None  # the noun after what/which ("disease" in "what disease ...")


def classify(question: str) -> QuestionKind:
    """The kind of answer ``question`` asks for, from its wh-word and head noun."""
    q = question.lower()
    words = re.findall(r"[a-z][a-z'\-]*|\d+", q)
    if re.search(r"\bhow\s+(many|much|big|large|long|old|far|often|high|tall|fast)\b", q) or \
            re.search(r"\bwhat\s+(percentage|share|proportion|percent|number)\b", q):
        if re.search(r"\bhow\s+long\s+ago\b", q) or not re.search(r"\bhow\s+long\b", q):
            return QuestionKind("number")
    if re.search(r"\bwhen\b|\bsince when\b", q):
        return QuestionKind("date")
    if re.search(r"\b(who|whom|whose)\b", q):
        return QuestionKind("person")
    if re.search(r"\bwhere\b", q):
        return QuestionKind("place")
    m = re.search(r"\b(what|which)\b", q)
    if m:
        rest = [w for w in words[words.index(m.group(1)) + 1:] if w not in
                {"is", "was", "are", "were", "the", "a", "an", "kind", "type", "sort", "of",
                 "does", "did", "do", "has", "have", "had", "two", "one"}]
        head = rest[0] if rest else None
        if head is not None:
            if head in DATE_NOUNS:
                return QuestionKind("date", head)
            if head in PERSON_NOUNS:
                return QuestionKind("person", head)
            if head in PLACE_NOUNS:
                return QuestionKind("place", head)
            if head in ORG_NOUNS:
                return QuestionKind("org", head)
            return QuestionKind("thing", head)
    return QuestionKind("other")


@dataclass(frozen=True)
class Span:
    """A candidate answer: text and character offsets within the sentence."""

    text: str
    start: int
    end: int
    kind: str  # name, date, place


def _names(text: str, proper: Collection[str]) -> list[Span]:
    """Runs of capitalised words, joined over "of"/"the"/"and"; a place noun may follow."""
    found: list[Span] = []
    words = []
    for m in _WORD.finditer(text):
        w, end = m.group(), m.end()
        if w.endswith(".") and "." not in w[:-1]:  # a full stop, not "U.S."
            w, end = w[:-1], end - 1
        words.append((w, m.start(), end))
    i = 0
    while i < len(words):
        w, s, _ = words[i]
        first_word = i == 0 or text[:s].rstrip().endswith(('"', ":", "("))
        if w[0].isupper() and not (first_word and w.lower() in STOP_WORDS) and (
            not first_word or w.lower().rstrip("'s") in proper or
            (i + 1 < len(words) and words[i + 1][0][0].isupper())
        ):
            j = i
            while j + 1 < len(words):
                nxt = words[j + 1][0]
                gap = text[words[j][2]:words[j + 1][1]]
                if gap.strip() not in ("", "-"):
                    break
                if nxt[0].isupper() and words[j][0][-2:] != "'s":
                    j += 1
                elif nxt.lower() in CONNECTORS and words[j][0][-2:] != "'s":
                    # "Academy of Engineering", "Department of the First ...": up to two
                    # lower-case connectors between capitalised words.
                    k = j + 1
                    while k < len(words) and k - j <= 2 and words[k][0].lower() in CONNECTORS:
                        k += 1
                    if k < len(words) and k - j <= 3 and words[k][0][0].isupper() and \
                            text[words[j][2]:words[k][1]].replace(" ", "").isalpha():
                        j = k
                    else:
                        break
                else:
                    break
            end_word = words[j]
            end = end_word[2] - (2 if end_word[0].endswith("'s") else 0)
            kind = "name"
            # "Ouhai district": a lower-case place noun right after the name.
            if j + 1 < len(words) and words[j + 1][0].lower() in PLACE_WORDS and \
                    words[j + 1][0].islower() and end_word[0][-2:] != "'s":
                end = words[j + 1][2]
                kind = "place"
            start = s
            while text[start:end].split(" ", 1)[0].lower() in ("the", "a", "an") and " " in \
                    text[start:end]:
                start += len(text[start:end].split(" ", 1)[0]) + 1
            found.append(Span(text[start:end], start, end, kind))
            i = j + 1
        else:
            i += 1
    return found


def candidates(text: str, proper: Collection[str]) -> list[Span]:
    """Every candidate answer span in a sentence: names, places and dates."""
    dates = [Span(m.group(), m.start(), m.end(), "date") for m in _DATE.finditer(text)]
    names = [n for n in _names(text, proper)
             if not any(d.start < n.end and n.start < d.end for d in dates)]
    return names + dates


def _is_org(span: Span) -> bool:
    return any(w.lower().strip(".") in ORG_WORDS for w in span.text.split())


def _is_place(span: Span) -> bool:
    return span.kind == "place" or any(w.lower() in PLACE_WORDS for w in span.text.split())


def _fit(kind: QuestionKind, span: Span, text: str) -> float:
    """How well a span fits the kind of answer asked for (0 = not at all)."""
    if kind.kind == "date":
        return 1.0 if span.kind == "date" else 0.0
    if span.kind == "date":
        return 0.0
    before = text[: span.start].rstrip().split(" ")[-1].lower() if span.start else ""
    if kind.kind == "person":
        if _is_org(span) or _is_place(span):
            return 0.15
        n = len(span.text.split())
        return 1.0 if 2 <= n <= 4 else 0.6
    if kind.kind == "place":
        if _is_place(span):
            return 1.0
        if before in {"in", "at", "near", "from", "to"} and not _is_org(span):
            return 0.7
        return 0.1
    if kind.kind == "org":
        head = kind.head or ""
        if head and any(stem(w.lower()) == stem(head) for w in span.text.split()):
            return 1.0
        return 0.7 if _is_org(span) else 0.2
    if kind.kind == "thing" and kind.head:
        if any(stem(w.lower()) == stem(kind.head) for w in span.text.split()):
            return 1.0
        return 0.0
    return 0.0


@dataclass(frozen=True)
class ShortAnswer:
    text: str
    start: int
    end: int
    score: float


def best_span(
    kind: QuestionKind,
    sentence: str,
    sentence_tokens: Sequence[Token],
    question_terms: Collection[str],
    proper: Collection[str],
) -> ShortAnswer | None:
    """The span of ``sentence`` that answers a question of ``kind``, or None."""
    if kind.kind in ("other", "number"):
        return None
    anchors = [(t.start + t.end) / 2 for t in sentence_tokens if t.term in question_terms]
    best: ShortAnswer | None = None
    for span in candidates(sentence, proper):
        fit = _fit(kind, span, sentence)
        if fit <= 0:
            continue
        span_terms = {t.term for t in tokens(span.text)}
        if span_terms and span_terms <= set(question_terms):
            continue  # the question names it: it is the subject, not the answer
        mid = (span.start + span.end) / 2
        dist = min((abs(mid - a) for a in anchors), default=len(sentence))
        closeness = 1.0 / (1.0 + dist / 40.0)
        score = fit * (0.5 + 0.5 * closeness)
        if best is None or score > best.score:
            best = ShortAnswer(span.text, span.start, span.end, score)
    if best is None and kind.kind == "thing":
        best = _phrase_after(sentence, sentence_tokens, question_terms)
    return best


_STOP_PHRASE = re.compile(r"[,;:()\"]|\b(?:which|who|that|and|while|but|as well as|to)\b")
_LAST_PREP = re.compile(r"^.*\b(?:with|of|for|from|against|on|about|as)\s+", re.S)


def _phrase_after(
    sentence: str, sentence_tokens: Sequence[Token], question_terms: Collection[str]
) -> ShortAnswer | None:
    """For "what X" when no name fits: the phrase after the last shared word, e.g. the
    object of "to treat patients with multiple myeloma" for "What disease does it treat?"."""
    matched = [t for t in sentence_tokens if t.term in question_terms]
    if not matched:
        return None
    last = max(matched, key=lambda t: t.end)
    rest = sentence[last.end:]
    cut = _STOP_PHRASE.search(rest)
    phrase = rest[: cut.start()] if cut else rest
    phrase = phrase.strip().rstrip(".!?")
    inner = _LAST_PREP.sub("", phrase)
    words = [w for w in re.findall(r"\S+", inner)]
    while words and words[0].lower() in STOP_WORDS:
        words.pop(0)
    if not 1 <= len(words) <= 5:
        return None
    text = " ".join(words)
    start = sentence.find(text, last.end)
    if start < 0:
        return None
    return ShortAnswer(text, start, start + len(text), 0.45)
