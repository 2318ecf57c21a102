"""A question turned into an indirect one, for "The articles don't say ...":
"How many employees does the firm have?" → "how many employees the firm has"."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..lexicon.irregular_verbs import IRREGULAR_VERBS
from ..reading.question import WH_TAGS

# A verb's simple past, from the irregular verbs' table (its first form).
_IRREGULAR_PAST = {verb: forms[0] for verb, forms in IRREGULAR_VERBS.items()}
_DO_QUESTION = re.compile(
    r"^(?P<wh>how\s+many(?:\s+[\w'-]+)*?|how\s+much(?:\s+[\w'-]+)?|what(?:\s+[\w'-]+){0,3}?|"
    r"which(?:\s+[\w'-]+){0,3}?)\s+(?P<aux>does|do|did|will)\s+(?P<subj>.+?)\s+(?P<verb>[a-z]+)"
    r"(?P<tail>(?:\s+(?:in|on|at|by|to|for|from|with|per|into|over|under|during|between|up|"
    r"about|of|after|before|since|through|against|without|within|across|around|among|like|than|"
    r"on\s+average|today|now|each|every|altogether|together|a\s+(?:day|week|month|year))\b.*)?)$",
    re.IGNORECASE,
)
_BE_QUESTION = re.compile(
    r"^(?P<wh>how\s+many(?:\s+[\w'-]+)*?|how\s+much|how\s+(?:long|old|big|large|tall|high|deep|"
    r"wide|far|heavy|fast)|what|which(?:\s+[\w'-]+)?)\s+(?P<aux>is|was|are|were|will\s+be)\s+"
    r"(?P<subj>.+?)"
    r"(?P<tail>(?:\s+(?:in|on|at|by|for|from|per|during|today|now|worth|when|before|after)"
    r"\b.*)?)$",
    re.IGNORECASE,
)


# A one-syllable verb ending in one vowel and one consonant doubles it: "stop", "stopped".
_DOUBLES = re.compile(r"^[^aeiou]*[aeiou][b-df-hj-np-tvz]$")


def _past(verb: str) -> str:
    if verb in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + (verb[-1] if _DOUBLES.match(verb) else "") + "ed"


def _third_person(verb: str) -> str:
    if verb == "have":
        return "has"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "o")) else "s")


def echo(question: str) -> str:
    """``question`` as an indirect question (see the module docstring)."""
    q = " ".join(question.strip().rstrip("?.!").split())
    if not q:
        return "that"
    q = q[0].lower() + q[1:]
    if m := _DO_QUESTION.match(q):
        aux, verb = m.group("aux").lower(), m.group("verb")
        if aux == "does":
            verb = _third_person(verb)
        elif aux == "did":
            verb = _past(verb)
        elif aux == "will":
            verb = f"will {verb}"
        return f"{m.group('wh')} {m.group('subj')} {verb}{m.group('tail')}"
    if (m := _BE_QUESTION.match(q)) and not m.group("wh").lower().startswith("how many"):
        return f"{m.group('wh')} {m.group('subj')} {m.group('aux')}{m.group('tail')}"
    return q


_AUXILIARIES = frozenset(
    "is are was were am do does did has have had will would can could shall should may might "
    "must".split()
)


def indirect(doc: Doc) -> str | None:
    """The parsed question as an indirect one, its inverted auxiliary put back after the
    subject ("when was Ilse Marrow born" → "when Ilse Marrow was born"; "did" folded into
    the verb), or None when the parse shows no inversion it can undo."""
    end = len(doc)
    while end and doc[end - 1].is_punct:
        end -= 1
    wh = next((t for t in doc[: min(3, end)] if t.tag_ in WH_TAGS), None)
    if wh is None:
        return None
    aux = next((t for t in doc[wh.i + 1 : end] if t.lower_ in _AUXILIARIES), None)
    if aux is None:
        return None
    governor = aux.head if aux.dep_ in ("aux", "auxpass") else aux
    subject = next(
        (
            c
            for c in governor.children
            if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > aux.i and c.i < end
        ),
        None,
    )
    if subject is None:
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < aux.i for c in governor.children):
            # The asked-for phrase is the subject ("how many sailings a day will run ...",
            # "how many were hired"): nothing is inverted, the question is said as asked.
            phrase = doc[:end].text
            return phrase[0].lower() + phrase[1:]
        return None
    after = subject.right_edge.i + 1
    if governor is not aux and not aux.i < governor.i:
        return None
    if governor is not aux and governor.i < after:
        after = governor.i  # the subject's parse ran on into its verb
    # A participle or "worth" the parse kept in the subject is what "is" goes before:
    # "was the valley set up", "are the loans worth".
    after = next(
        (
            t.i
            for t in doc[subject.i + 1 : after]
            if t.tag_ in ("VBN", "VBG") or t.lower_ == "worth"
        ),
        after,
    )
    if aux.lower_ in ("do", "does", "did") and governor is aux and after == end > subject.i + 1:
        # "How much did the restoration of the tower cost?", parsed with "did" as the verb
        # and "cost" as a noun in the subject: the last word is the verb the subject lacks.
        governor = doc[end - 1]
        after = end - 1
    front = doc[: aux.i].text
    told = doc[aux.i + 1 : after].text
    rest = [t.text_with_ws for t in doc[after:end]]
    if aux.lower_ in ("do", "does", "did"):
        if governor is aux or governor.i != after:
            return None
        inflect = {"did": _past, "does": _third_person}.get(aux.lower_, str)
        rest[0] = inflect(governor.lower_) + governor.whitespace_
        moved = ""
    else:
        moved = aux.text + " "
    phrase = f"{front} {told} {moved}{''.join(rest)}".strip()
    phrase = " ".join(phrase.split())
    return phrase[0].lower() + phrase[1:]
