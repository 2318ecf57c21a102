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
from functools import lru_cache

from nltk.metrics.distance import edit_distance

from .analysis import STOP_WORDS, SYNONYMS, Token, stem, tokens

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
)
_DATE = re.compile(
    rf"\b(?:(?:early|mid|late)[- ])?(?:(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}}|(?:{MONTHS})\s+\d{{4}}|(?:1[5-9]|20)\d{{2}}s?"
    rf"|(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})"
    rf"|(?:last|this|next|previous)\s+(?:year|month|week)|yesterday|today|tomorrow"
    rf"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?)\b"
)
_WORD = re.compile(r"[A-Za-z][\w&.\-]*(?:'[A-Za-z]+)?|\d[\d,.]*")
CONNECTORS = {"of", "the", "and", "for", "de", "du", "van", "von", "&", "la", "del", "on"}
ORG_WORDS = {
    "university",
    "hospital",
    "department",
    "academy",
    "administration",
    "company",
    "biotech",
    "group",
    "inc",
    "ltd",
    "corp",
    "corporation",
    "institute",
    "bank",
    "ministry",
    "council",
    "committee",
    "association",
    "agency",
    "bureau",
    "office",
    "school",
    "college",
    "center",
    "centre",
    "foundation",
    "party",
    "league",
    "club",
    "team",
    "press",
    "news",
    "times",
    "organization",
    "organisation",
    "commission",
    "authority",
    "court",
    "service",
    "museum",
    "society",
    "fund",
    "board",
    "airlines",
    "motors",
    "technologies",
    "pharmaceutical",
}
PLACE_WORDS = {
    "district",
    "city",
    "province",
    "county",
    "state",
    "country",
    "region",
    "town",
    "village",
    "street",
    "road",
    "avenue",
    "river",
    "lake",
    "mountain",
    "island",
    "valley",
    "park",
    "bay",
    "port",
    "harbor",
    "harbour",
    "coast",
    "area",
    "zone",
    "prefecture",
    "municipality",
    "ocean",
    "sea",
    "gulf",
    "strait",
    "peninsula",
    "archipelago",
    "desert",
    "continent",
    "channel",
    "plateau",
    "mount",
    "volcano",
    "islands",
}
PERSON_NOUNS = {
    "person",
    "man",
    "woman",
    "scientist",
    "academician",
    "chairman",
    "chairwoman",
    "ceo",
    "official",
    "expert",
    "leader",
    "researcher",
    "founder",
    "president",
    "director",
    "head",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "mayor",
    "governor",
    "professor",
    "doctor",
    "author",
    "principal",
    "manager",
    "boss",
    "chief",
    "player",
    "coach",
    "member",
}
DATE_NOUNS = {"year", "month", "date", "day", "time", "decade", "century", "deadline"}
PLACE_NOUNS = PLACE_WORDS | {"place", "location", "where"}
ORG_NOUNS = ORG_WORDS | {"organisation", "organization", "firm", "institution", "enterprise"}


@dataclass(frozen=True)
class QuestionKind:
    """What a question wants.

    ``kind`` is person, place, date, org, thing (a "what X" noun), number, define ("Who is
    Li Xiaokun?"), role ("What position does X hold?"), reason ("Why ...?") or other.
    """

    kind: str
    head: str | None = None  # the noun after what/which ("disease" in "what disease ..."),
    # or for "object" questions the verb ("raise" in "What do fishermen raise under ...?")
    subject: str | None = None  # the name a define/role question asks about
    particle: str | None = None  # the verb's particle ("on" in "What does X focus on?")


_SKIP_AFTER_WH = {
    "is",
    "was",
    "are",
    "were",
    "the",
    "a",
    "an",
    "kind",
    "type",
    "sort",
    "of",
    "does",
    "did",
    "do",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "s",
}
_DEFINE = re.compile(
    r"^\s*(?:who|what)\s+(?:is|was|are|were)\s+(?P<name>[A-Za-z][\w.\-' ]+?)"
    r"\s*\??\s*$",
    re.I,
)
_ROLE = re.compile(r"\b(?:position|title|role|job|post)\b", re.I)


_AUXILIARIES = {"do", "does", "did", "will", "would", "can", "could", "should", "might"}
_PREPOSITIONS = {
    "in",
    "on",
    "at",
    "under",
    "beneath",
    "below",
    "over",
    "above",
    "for",
    "from",
    "with",
    "to",
    "into",
    "about",
    "by",
    "during",
    "after",
    "before",
    "near",
    "through",
    "across",
    "inside",
    "outside",
    "within",
    "without",
    "between",
    "of",
}
# Verbs that ask for a statement, not a thing: left to the sentence itself.
_VAGUE_VERBS = {
    "do",
    "say",
    "said",
    "mean",
    "think",
    "want",
    "happen",
    "have",
    "get",
    "make",
    "tell",
    "believe",
    "know",
    "see",
    "feel",
    "like",
    "need",
}


def _asked_verb(rest: list[str]) -> tuple[str, str | None] | None:
    """For "what do fishermen raise under the panels": ("raise", None); for "what does
    Uren Biotech focus on": ("focus", "on"); None unless an auxiliary follows what/which."""
    if len(rest) < 3 or rest[0] not in _AUXILIARIES:
        return None
    words = rest[1:]
    at = next((i for i, w in enumerate(words) if i > 0 and w in _PREPOSITIONS), len(words))
    verb = words[at - 1]
    if verb in _VAGUE_VERBS or verb in STOP_WORDS:
        return None
    particle = words[at] if at == len(words) - 1 else None
    return verb, particle


_WH_FIXES = {
    "wich": "which",
    "whcih": "which",
    "whihc": "which",
    "wat": "what",
    "waht": "what",
    "whta": "what",
    "wen": "when",
    "whn": "when",
    "wher": "where",
    "whre": "where",
    "hwo": "who",
    "hw": "how",
    "hwo many": "how many",
}
_WH_TYPOS = re.compile(r"\b(?:" + "|".join(sorted(_WH_FIXES, key=len, reverse=True)) + r")\b", re.I)


_WH_WORDS = ("who", "what", "when", "where", "which", "why", "how")


def fix_wh_words(question: str) -> str:
    """Misspelt question words mended: "wich", "Whoo is ...", "Wehre was ..."."""

    def mend(m: re.Match[str]) -> str:
        fixed = _WH_FIXES[m.group().lower()]
        return fixed.capitalize() if m.group()[0].isupper() else fixed

    return _fix_wh_word(_WH_TYPOS.sub(mend, question))


def _fix_wh_word(question: str) -> str:
    """A question opening with a near miss of a wh-word ("Whoo is ...", "Wehre was ...")."""
    m = re.match(r"\s*([A-Za-z]+)", question)
    if not m:
        return question
    word = m.group(1).lower()
    if word in STOP_WORDS or len(word) > 6:
        return question
    for wh in _WH_WORDS:
        if edit_distance(word, wh, transpositions=True) == 1 and word[0] in "wh":
            fixed = wh.capitalize() if m.group(1)[0].isupper() else wh
            return question[: m.start(1)] + fixed + question[m.end(1) :]
    return question


def classify_noun(noun: str) -> str | None:
    """The answer kind a head noun asks for ("year" -> date), or None for other nouns."""
    if noun in DATE_NOUNS:
        return "date"
    if noun in PERSON_NOUNS:
        return "person"
    if noun in PLACE_NOUNS or noun in {"part", "region"}:
        return "place"
    if noun in ORG_NOUNS:
        return "org"
    return None


def _is_subject(name: str, question: str) -> bool:
    """Is ``name`` (after "who is") a name, not a clause ("Uren Biotech collaborating with")?"""
    words = name.split()
    if "'s" in name:
        return False  # "Who was Ada Lovelace's father?" asks about the father
    if (
        not 1 <= len(words) <= 5
        or words[0].lower() in STOP_WORDS
        or words[-1].lower() in STOP_WORDS
    ):
        return False
    mixed_case = question != question.lower() and question != question.upper()
    return not mixed_case or all(w[0].isupper() or w.lower() in CONNECTORS for w in words)


def classify(question: str) -> QuestionKind:
    """The kind of answer ``question`` asks for, from its wh-word and head noun."""
    question = fix_wh_words(question)
    q = question.lower().replace("\u2019", "'").replace("what's", "what is")
    if re.search(r"\b(?:date|day|year|month)\s+of\s+(?:birth|death|\w+ing)\b|\bbirthday\b", q):
        return QuestionKind("date")
    numeric = re.search(
        r"\bhow\s+(many|much|big|large|long|old|far|often|high|tall|fast)\b", q
    ) or re.search(r"\bwhat\s+(percentage|share|proportion|percent|number)\b", q)
    # "How long ago" asks for a span of years; "how long is X" may be a length or a time.
    if numeric and (re.search(r"\bhow\s+long\s+ago\b", q) or not re.search(r"\bhow\s+long\b", q)):
        return QuestionKind("number")
    if re.search(
        r"\bwhy\b|\b(?:what|which)\s+(?:is|was|are)\s+the\s+(?:point|purpose|"
        r"reason|aim|goal)\b",
        q,
    ):
        return QuestionKind("reason")
    m = _DEFINE.match(question)
    if m and _is_subject(m.group("name"), question):
        return QuestionKind("define", subject=m.group("name"))
    if _ROLE.search(q) and re.search(r"\b(what|which)\b", q):
        return QuestionKind("role")
    if re.search(r"\bwhen\b|\bsince when\b", q):
        return QuestionKind("date")
    m = re.search(r"\b(what|which)\b(?P<rest>.*)", q)
    if m:
        rest = re.findall(r"[a-z][a-z'\-]*|\d+", m.group("rest"))
        if question != question.lower() and question != question.upper():
            # "What Uren Biotech technology ...": names before the head noun are not it.
            named = {w.lower() for w in re.findall(r"\b[A-Z][\w'\-]*", question)}
            while rest and rest[0] in named and len(rest) > 1:
                rest.pop(0)
        verb = _asked_verb(rest)
        if verb is not None:
            return QuestionKind("object", verb[0], particle=verb[1])
        while rest and rest[0] in {"kind", "type", "sort", "of"}:
            rest.pop(0)
        head = rest[0] if rest else None
        if head in {"is", "was", "are", "were", "'s", "s"} and len(rest) > 2 and rest[1] == "the":
            # "What is the deadline ...": a typed noun after the copula still says the kind.
            typed = classify_noun(rest[2])
            if typed is not None:
                return QuestionKind(typed, rest[2])
            head = None
        if head is not None and head not in _SKIP_AFTER_WH:
            return QuestionKind(classify_noun(head) or "thing", head)
    if re.search(r"\b(who|whom|whose)\b", q):
        return QuestionKind("person")
    if re.search(r"\bwhere\b", q):
        return QuestionKind("place")
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
        based = re.match(r"([A-Z][\w']*)-(?:based|born|headquartered)$", w)
        if based:  # "a Nanjing-based firm": Nanjing is a place
            found.append(Span(based.group(1), m.start(), m.start() + len(based.group(1)), "place"))
            continue
        words.append((w, m.start(), end))
    i = 0
    while i < len(words):
        w, s, _ = words[i]
        first_word = i == 0 or text[:s].rstrip().endswith(('"', ":", "("))
        if (
            w[0].isupper()
            and not (first_word and w.lower() in STOP_WORDS)
            and (
                not first_word
                or w.lower().rstrip("'s") in proper
                or (
                    i + 1 < len(words)
                    and (words[i + 1][0][0].isupper() or words[i + 1][0] in PLACE_WORDS)
                )
            )
        ):
            j = i
            while j + 1 < len(words):
                nxt = words[j + 1][0]
                gap = text[words[j][2] : words[j + 1][1]]
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
                    if (
                        k < len(words)
                        and k - j <= 3
                        and words[k][0][0].isupper()
                        and text[words[j][2] : words[k][1]].replace(" ", "").isalpha()
                    ):
                        j = k
                    else:
                        break
                else:
                    break
            end_word = words[j]
            end = end_word[2] - (2 if end_word[0].endswith("'s") else 0)
            kind = "name"
            # "Ouhai district": a lower-case place noun right after the name.
            if (
                j + 1 < len(words)
                and words[j + 1][0].lower() in PLACE_WORDS
                and words[j + 1][0].islower()
                and end_word[0][-2:] != "'s"
            ):
                end = words[j + 1][2]
                kind = "place"
            start = s
            while (
                text[start:end].split(" ", 1)[0].lower() in ("the", "a", "an")
                and " " in text[start:end]
            ):
                start += len(text[start:end].split(" ", 1)[0]) + 1
            found.append(Span(text[start:end], start, end, kind))
            i = j + 1
        else:
            i += 1
    return found


def candidates(text: str, proper: Collection[str]) -> list[Span]:
    """Every candidate answer span in a sentence: names, places and dates."""
    key = proper if isinstance(proper, frozenset) else frozenset(proper)
    return list(_candidates(text, key))


@lru_cache(maxsize=16384)
def _candidates(text: str, proper: frozenset[str]) -> tuple[Span, ...]:
    # Cached: a sentence's candidates do not depend on the question.
    dates = [Span(m.group(), m.start(), m.end(), "date") for m in _DATE.finditer(text)]
    names = [
        n
        for n in _names(text, proper)
        if not any(d.start < n.end and n.start < d.end for d in dates)
    ]
    return tuple(names + dates)


def _is_org(span: Span) -> bool:
    return any(w.lower().strip(".") in ORG_WORDS for w in span.text.split())


def _is_place(span: Span) -> bool:
    return span.kind == "place" or any(w.lower() in PLACE_WORDS for w in span.text.split())


# Named places people go to: answers to "where", never a person's name.
FACILITY_WORDS = set(
    """airport station church cathedral hall library bridge tower museum stadium arena theater
    theatre hotel market square garden gardens canal temple palace castle building centre center
    mall terminal highway railway cemetery abbey school hospital university""".split()
)
# Named things that are neither people nor places.
THING_WORDS = set(
    """line metro prize award day act law treaty war engine program programme project festival
    games cup memoirs journal""".split()
)


def _is_facility(span: Span) -> bool:
    return any(w.lower() in FACILITY_WORDS for w in span.text.split())


def _is_thing(span: Span) -> bool:
    return any(w.lower() in THING_WORDS for w in span.text.split())


def _is_person_name(span: Span) -> bool:
    words = span.text.split()
    return 1 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][a-z'\-]+\.?", w) for w in words)


def _names_head(kind: QuestionKind, span: Span) -> bool:
    """Does the span contain the question's head noun or a synonym ("school" ~ University)?"""
    if not kind.head:
        return False
    head = stem(kind.head)
    words = span.text.split()
    if any(stem(w.lower()) == head for w in words):
        return True
    # A synonym only as the name's own head noun: "Wenzhou University" is a school, but
    # "... Wenzhou Medical University" is no therapy.
    own = span.text.split(" of ")[0].split()[-1].lower()
    return stem(own) in SYNONYMS.get(head, ())


def _fit(kind: QuestionKind, span: Span, text: str) -> float:
    """How well a span fits the kind of answer asked for (0 = not at all)."""
    if kind.kind == "date":
        return 1.0 if span.kind == "date" else 0.0
    if span.kind == "date":
        return 0.0
    before = text[: span.start].rstrip().split(" ")[-1].lower() if span.start else ""
    if kind.head and before and stem(before) == stem(kind.head):
        return 1.0  # "the journal Scientific Memoirs" for "which journal ..."
    if kind.kind == "person":
        if span.kind == "group":
            return 0.6
        if _is_org(span):
            return 0.6  # "who runs the project?" may be answered by an organisation
        if _is_place(span) or _is_facility(span) or _is_thing(span):
            return 0.15
        if not _is_person_name(span) or before in {"the", "in", "at", "near", "from"}:
            return 0.3  # "the Bayview International Airport", "in Fuzhou": no one's name
        return 1.0 if len(span.text.split()) >= 2 else 0.55  # "Wenzhou" may be a place
    if kind.kind == "place":
        if kind.head and _names_head(kind, span):
            return 1.0
        if _is_place(span):
            return 0.8 if kind.head else 1.0
        if _is_facility(span):
            return 0.8  # "the Church of St Mary ...", "Bayview International Airport"
        if before in {"in", "at", "near", "from", "to"} and not (_is_org(span) or _is_thing(span)):
            return 0.6
        return 0.1
    if kind.kind == "org":
        if _names_head(kind, span):
            return 1.0
        generic = kind.head in {"organisation", "organization", "company", "firm", None}
        return (0.6 if generic else 0.4) if _is_org(span) else 0.3
    if kind.kind == "thing" and kind.head:
        return 1.0 if _names_head(kind, span) else 0.0
    return 0.0


@dataclass(frozen=True)
class ShortAnswer:
    """A short answer span; ``phrase`` is a fuller wording for the reply, when there is one
    ("Ouhai district in East China's Wenzhou" around "Ouhai district")."""

    text: str
    start: int
    end: int
    score: float
    phrase: str | None = None


_LINK = re.compile(r"^(?:,\s+|\s+in\s+|,\s+in\s+|'s\s+)$")


def _named_heads(head: str, spans: Sequence[Span], sentence: str) -> list[Span]:
    """A name followed by the asked-for noun is one answer: "CAR-T technology"."""
    out = []
    for span in spans:
        m = re.match(r"\s+([a-z]+)\b", sentence[span.end :])
        if m and stem(m.group(1)) == stem(head):
            end = span.end + m.end()
            out.append(Span(sentence[span.start : end], span.start, end, "name"))
    return out


def _named_by(span: Span, asked: Collection[str]) -> bool:
    """Does the question name this span ("the Riverside Library" in "Where is ...")?"""
    terms = {t.term for t in tokens(span.text)}
    return bool(terms) and len(terms & set(asked)) / len(terms) > 0.6


def _in_place_chain(span: Span, spans: Sequence[Span], sentence: str) -> bool:
    """Is ``span`` linked (", ", " in ", "'s ") to a span that is surely a place?"""
    for other in spans:
        if other is span or other.kind == "date" or not _is_place(other):
            continue
        lo, hi = sorted((span, other), key=lambda s: s.start)
        if _LINK.match(sentence[lo.end : hi.start]):
            return True
    return False


def _beside(span: Span, sentence: str, asked: Collection[str]) -> bool:
    """Is ``span`` where the question's subject is: "<span>'s <subject>" or
    "<subject>, in <span>" / "<subject> in <span>"?"""
    after = re.match(r"'s\s+([\w\-]+)", sentence[span.end :])
    if after and stem(after.group(1).lower()) in asked:
        return True
    before = re.search(r"([\w\-]+),?\s+in\s+$", sentence[: span.start])
    return bool(before and stem(before.group(1).lower()) in asked)


GROUP_NOUNS = set(
    """people residents citizens patients workers staff students children families farmers
    fishermen locals villagers employees members volunteers visitors users customers
    passengers readers viewers fans voters consumers investors doctors nurses teachers""".split()
)
_GROUP = re.compile(
    r"\b(?:the|local|many|more|all)\s+(?P<noun>[a-z]+)(?:\s+of\s+[A-Z][\w']*(?:\s+[A-Z][\w']*)*)?"
)


def _groups(sentence: str) -> list[Span]:
    """Groups of people who can answer "who": "the people of Wenzhou", "local residents"."""
    return [
        Span(m.group(), m.start(), m.end(), "group")
        for m in _GROUP.finditer(sentence)
        if m.group("noun") in GROUP_NOUNS
    ]


def _modified_heads(head: str, sentence: str, asked: Collection[str]) -> list[Span]:
    """ "What kind of medicine ...": the asked noun with the words that say which kind
    ("growth factor medicine")."""
    words = [(m.group(), m.start(), m.end()) for m in re.finditer(r"[A-Za-z][\w\-]*", sentence)]
    forms = {head, head + "s", head + "es"}
    out = []
    for i, (word, _, end) in enumerate(words):
        if word.lower() not in forms:
            continue
        j = i
        # Modifiers, not verbs ("providing services") nor what the question says already.
        while j > 0 and i - j < 3:
            w = words[j - 1][0]
            if not w.islower() or w in STOP_WORDS or stem(w) in asked or w.endswith(("ing", "ed")):
                break
            j -= 1
        if j < i:
            start = words[j][1]
            out.append(Span(sentence[start:end], start, end, "name"))
    return out


def _place_chain(best: Span, spans: Sequence[Span], sentence: str) -> str | None:
    """Places written as a chain ("Fuzhou, Southeast China's Fujian province"), as one phrase."""
    places = sorted((s for s in spans if s.kind != "date"), key=lambda s: s.start)
    i = places.index(best)
    lo = hi = i
    while lo > 0 and _LINK.match(sentence[places[lo - 1].end : places[lo].start]):
        lo -= 1
    while hi + 1 < len(places) and _LINK.match(sentence[places[hi].end : places[hi + 1].start]):
        hi += 1
    if lo == hi:
        return None
    return sentence[places[lo].start : places[hi].end]


def best_span(
    kind: QuestionKind,
    sentence: str,
    sentence_tokens: Sequence[Token],
    question_terms: Collection[str],
    proper: Collection[str],
) -> ShortAnswer | None:
    """The span of ``sentence`` that answers a question of ``kind``, or None."""
    if kind.kind == "reason":
        return _purpose(sentence, sentence_tokens, question_terms)
    if kind.kind in ("define", "role"):
        return None
    if kind.kind in ("other", "number"):
        return None
    if kind.kind == "object":
        return _object_of(kind, sentence, sentence_tokens)
    related = set(question_terms) | _related(question_terms)
    anchors = [(t.start + t.end) / 2 for t in sentence_tokens if t.term in related]
    asked = set(question_terms)
    best: ShortAnswer | None = None
    best_span_: Span | None = None
    spans = candidates(sentence, proper)
    if kind.kind == "thing" and kind.head:
        spans += _named_heads(kind.head, spans, sentence)
        spans += _modified_heads(kind.head, sentence, asked)
    if kind.kind == "person":
        spans += _groups(sentence)
    for span in spans:
        fit = _fit(kind, span, sentence)
        if kind.kind == "person" and fit > 0.3 and _in_place_chain(span, spans, sentence):
            fit = 0.15  # "Fuzhou, Southeast China's Fujian province" names no one
        elif kind.kind == "place" and span.kind != "date" and _beside(span, sentence, asked):
            fit = max(fit, 1.0)  # "East China's Wenzhou", "Wenzhou, in East China"
        agent = (
            kind.kind in ("person", "org")
            and span.kind != "date"
            and bool(re.search(r"\bby\s+(?:the\s+)?$", sentence[: span.start]))
        )
        if agent:
            fit = max(fit, 0.6)  # the agent of a passive: "authorized by X", "led by X"
        if (kind.kind == "person" and fit < 0.5) or (kind.kind == "org" and fit < 0.35):
            continue  # a place or a thing does not answer "who"
        if fit <= 0:
            continue
        span_terms = {t.term for t in tokens(span.text)}
        shared = len(span_terms & asked)
        named = shared / len(span_terms) if span_terms else 0.0
        if named > 0.6 or (shared >= 2 and kind.kind in ("person", "org")):
            continue  # the question names it: it is the subject, not the answer
        if kind.kind == "person" and shared and _is_person_name(span):
            continue  # "Who does Zheng expect ...": Zheng Peiduo is who asks, not the answer
        mid = (span.start + span.end) / 2
        dist = min((abs(mid - a) for a in anchors), default=len(sentence))
        closeness = 1.0 / (1.0 + dist / 40.0)
        score = fit * (0.7 + 0.3 * closeness) * (1.0 - 0.5 * named)
        if agent:
            score = min(1.0, score + 0.2)
        if best is None or score > best.score:
            best = ShortAnswer(span.text, span.start, span.end, score)
            best_span_ = span
    if best is not None and best_span_ is not None and kind.kind == "place":
        unnamed = [s for s in spans if s is best_span_ or not _named_by(s, asked)]
        chain = _place_chain(best_span_, unnamed, sentence)
        if chain and not {t.term for t in tokens(chain)} <= asked:
            # The short answer is the chain's most specific place: "Xinbei district" in
            # "Changzhou's Xinbei district".
            inside = [s for s in unnamed if _is_place(s) and chain.find(s.text) >= 0]
            keep = _is_place(best_span_) or _beside(best_span_, sentence, asked)
            head = inside[0] if inside and not keep else best_span_
            best = ShortAnswer(head.text, head.start, head.end, best.score, chain)
    if best is None and kind.kind == "thing":
        best = _phrase_after(sentence, sentence_tokens, question_terms)
    return best


_STOP_PHRASE = re.compile(
    r"[;:()\"]|,\s+(?:which|who|said|says|while|but)\b|"
    r"\b(?:which|who|that|while|but|to)\b|[.!?]$"
)
_PREPOSITION_START = re.compile(r"^(?:with|such as|including|like|for|against)\s", re.I)
_LEAD_NOUN = re.compile(r"^\w+(?:\s+\w+)?\s+(?:with|such as|including|like|of)\s+", re.I)


def _phrase_after(
    sentence: str, sentence_tokens: Sequence[Token], question_terms: Collection[str]
) -> ShortAnswer | None:
    """For "what X" when no name fits: the phrase after the last shared word, e.g. the
    object of "to treat patients with multiple myeloma" for "What disease does it treat?"."""
    matched = [t for t in sentence_tokens if t.term in question_terms]
    if not matched:
        return None
    last = max(matched, key=lambda t: t.end)
    rest = sentence[last.end :]
    cut = _STOP_PHRASE.search(rest)
    phrase = (rest[: cut.start()] if cut else rest).strip().rstrip(".,!?")
    introduced = _LEAD_NOUN.sub("", phrase)
    of_phrase = phrase.startswith("of ") and last.surface[:1].islower()  # "a venture of X"
    if introduced == phrase and not (_PREPOSITION_START.match(phrase) or of_phrase):
        return None  # only "... patients with X", "... such as X": not any words that follow
    if of_phrase:
        introduced = phrase[3:]
    words = re.findall(r"\S+", introduced)
    while words and words[0].lower() in STOP_WORDS:
        words.pop(0)
    if not 1 <= len(words) <= 25 or not words[0][0].isalnum():
        return None
    if {t.term for t in tokens(" ".join(words))} <= set(question_terms) | _related(question_terms):
        return None  # nothing the question does not already say
    text = " ".join(words).rstrip(",")
    start = sentence.find(text, last.end)
    if start < 0:
        return None
    return ShortAnswer(text, start, start + len(text), 0.45)


def _related(terms: Collection[str]) -> set[str]:
    out: set[str] = set()
    for t in terms:
        out |= SYNONYMS.get(t, frozenset())
    return out


_OBJECT_END = re.compile(
    r"[;:()\"]|,\s+(?:which|who|said|says|while|but)\b|\b(?:which|who|that|while|but|"
    r"in|on|at|under|beneath|below|over|above|for|from|with|to|into|by|during|near)\b|[.!?]$"
)


def _object_of(
    kind: QuestionKind, sentence: str, sentence_tokens: Sequence[Token]
) -> ShortAnswer | None:
    """What the asked verb acts on: "oysters" in "... keep raising oysters beneath ..."."""
    if not kind.head:
        return None
    wanted = {stem(kind.head)} | set(SYNONYMS.get(stem(kind.head), ()))
    verb = next((t for t in sentence_tokens if t.term in wanted), None)
    if verb is None:
        return None
    rest = sentence[verb.end :]
    if kind.particle and verb.term == stem(kind.head):
        # "What did he die of?" needs "died of ..."; "died in Greece" does not answer it.
        if not re.match(rf"\s*{re.escape(kind.particle)}\b", rest):
            return None
        rest = re.sub(rf"^\s*{re.escape(kind.particle)}\b", "", rest)
    lead = len(sentence) - len(rest)
    lead_ws = len(rest) - len(rest.lstrip())
    rest = rest.lstrip()
    cut = _OBJECT_END.search(rest, 1)  # a particle-less object may start with "on", "in"
    phrase = (rest[: cut.start()] if cut else rest).strip().rstrip(".,!?")
    words = phrase.split()
    while words and words[0].lower() in STOP_WORDS:
        words.pop(0)
    if not 1 <= len(words) <= 25 or not words[0][0].isalnum():
        return None
    text = " ".join(words)
    start = sentence.find(text, lead + lead_ws)
    if start < 0:
        return None
    return ShortAnswer(text, start, start + len(text), 0.8)


_PURPOSE = re.compile(
    r"\b(?:so as to|in order to|so that|because(?: of)?|due to|aiming to|"
    r"as a result of|thanks to|to help)\s+[^,;.]+",
    re.I,
)


def _purpose(
    sentence: str, sentence_tokens: Sequence[Token], question_terms: Collection[str]
) -> ShortAnswer | None:
    """For "why" questions: the purpose or cause clause ("so as to play a ... role")."""
    firsts = [m for m in _PURPOSE.finditer(sentence)]
    if not firsts:
        return None
    m = next((f for f in firsts if not f.group().lower().startswith("to ")), firsts[0])
    text = m.group().strip()
    return ShortAnswer(text, m.start(), m.start() + len(text), 0.8)


_NOT_A_ROLE = "(?:" + "|".join(sorted(STOP_WORDS - {"a", "an", "the"}, key=len, reverse=True)) + ")"
_COPULA = r"\s+(?:is|was|are|were|serves as|became|has been)\s+(?P<desc>(?:a|an|the)\s+[^.;]+)"


def describe(subject: str, sentence: str) -> ShortAnswer | None:
    """What a sentence says ``subject`` is: "X, chairman of Y" or "X is an academician of Y".

    The subject may appear by its last name alone ("Li is ..." for "Li Xiaokun").
    """
    names = [subject] + [w for w in subject.split() if len(w) > 1 and w.lower() not in CONNECTORS]
    for name in dict.fromkeys(names):
        pat = re.escape(name)
        m = re.search(
            rf"\b(?i:{pat})(?:'s)?,\s+(?P<desc>(?:the\s+|a\s+|an\s+)?(?!{_NOT_A_ROLE}\b)[a-z][^,.;\"]+"
            rf"(?:\s+of\s+[^,.;\"]+)?)",
            sentence,
        )
        if m is None:
            m = re.search(rf"\b(?i:{pat}){_COPULA}", sentence)
        if m:
            desc = m.group("desc").strip()
            return ShortAnswer(desc, m.start("desc"), m.start("desc") + len(desc), 1.0)
    return None
