"""A question turned into an indirect one, for "The articles don't say ...":
"How many employees does the firm have?" → "how many employees the firm has"."""

from __future__ import annotations

import re

from ..lexicon.irregular_verbs import IRREGULAR_VERBS

# A verb's simple past, from the irregular verbs' table (its first form).
_IRREGULAR_PAST = {verb: forms[0] for verb, forms in IRREGULAR_VERBS.items()}
_DO_QUESTION = re.compile(
    r"^(?P<wh>how\s+many(?:\s+[\w'-]+)*?|how\s+much(?:\s+[\w'-]+)?|what(?:\s+[\w'-]+){0,3}?|"
    r"which(?:\s+[\w'-]+){0,3}?)\s+(?P<aux>does|do|did|will)\s+(?P<subj>.+?)\s+(?P<verb>[a-z]+)"
    r"(?P<tail>(?:\s+(?:in|on|at|by|to|for|from|with|per|into|over|under|during|between|up|"
    r"about|of|after|before|since|through|against|without|within|across|around|among|like|"
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


def echo(question: str) -> str:
    """``question`` as an indirect question (see the module docstring)."""
    q = " ".join(question.strip().rstrip("?.!").split())
    if not q:
        return "that"
    q = q[0].lower() + q[1:]
    if m := _DO_QUESTION.match(q):
        aux, verb = m.group("aux").lower(), m.group("verb")
        if aux == "does":
            verb = (
                "has"
                if verb == "have"
                else (
                    verb[:-1] + "ies"
                    if verb.endswith("y") and verb[-2:-1] not in "aeiou"
                    else verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "o")) else "s")
                )
            )
        elif aux == "did":
            verb = _IRREGULAR_PAST.get(verb, verb + ("d" if verb.endswith("e") else "ed"))
        elif aux == "will":
            verb = f"will {verb}"
        return f"{m.group('wh')} {m.group('subj')} {verb}{m.group('tail')}"
    if (m := _BE_QUESTION.match(q)) and not m.group("wh").lower().startswith("how many"):
        return f"{m.group('wh')} {m.group('subj')} {m.group('aux')}{m.group('tail')}"
    return q
