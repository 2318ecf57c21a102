"""What kind of amount a question asks for, and which amounts cannot answer it.

"How many people work there?" asks for a count, which "23 million euros" or "1.6 kilometres"
cannot be; "How much did the club pay?" asks for money, which "four days" cannot be. A reply
whose amount is of a kind the question rules out is no answer, however well its sentence
matches. Only kinds the question says plainly are read; "how long is the river" (a length or
a time) and "how high" (a height or a rate) rule nothing out. Nor is a phrase an answer that
says nothing the question does not ("shipyard" for "the name of the shipyard").
"""

from __future__ import annotations

import re

from ..analysis import STOP_WORDS, stem
from ..lexicon.answer_types import NOUN_KINDS
from ..lexicon.question_words import MONEY_VERBS
from ..lexicon.units import POUNDS_WEIGHT, UNITS
from ..numbers.dates import MONTHS, WEEKDAYS
from ..numbers.quantities import find_quantities
from ..numbers.units import unit_kind
from .question import Question, kind_of_noun
from .words import fold

# Kinds of physical amount, the kind of every unit but shares and multiples: none of them is
# a count, money or an age.
PHYSICAL = frozenset(kind for _, _, kind, _ in UNITS) - {"percent", "multiple"}
# What each kind of question rules out.
RULED_OUT: dict[str, frozenset[str]] = {
    "count": PHYSICAL | {"money", "percent"},
    "money": PHYSICAL,
    "age": PHYSICAL - {"duration"} | {"money", "percent"},
    "length": PHYSICAL - {"length"} | {"money"},
    "duration": PHYSICAL - {"duration"} | {"money"},
    "mass": PHYSICAL - {"mass"} | {"money"},
}
# Words that make "how much" ask for money: "how much did they pay", "how much prize money".
_MONEY_WORDS = NOUN_KINDS["money"] | {"prize", "wage", "fine", "loan"} | MONEY_VERBS
_SMALL_NUMBER = re.compile(r"\d{1,2}")
_WORD = re.compile(r"\w+")
# Kinds of name never written as a number or a date alone (an album may be called "4", an
# event be named by its date).
_NEVER_NUMBERS = frozenset({"person", "org", "place", "group", "language"})
_NUMBERS_AND_DATES = re.compile(
    r"(?:[\d.,:%$£€¥–-]|"
    + "|".join(sorted([*MONTHS, *WEEKDAYS], key=len, reverse=True))
    + r"|\s)+",
    re.IGNORECASE,
)
_VAGUE_AMOUNTS = frozenset(
    stem(w)
    for w in """hundreds thousands millions billions dozens scores half halves third quarter
    twice double triple several few many none all most some majority minority""".split()
)
_BARE_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_LENGTH_WH = frozenset({"how tall", "how deep", "how wide", "how far"})
# Verbs whose "how long" is a time: "how long did the strike last", and those that say so
# with "on" ("how long did the flooding go on").
_TIME_VERBS = frozenset("take last wait stay serve run live work remain spend continue".split())
_TIME_PARTICLE_VERBS = frozenset("go carry drag keep".split())


def asked_kind(q: Question) -> str | None:
    """The kind of amount ``q`` asks for ("count", "money", "age", "length", ...), or None."""
    lemmas = {t.lemma_.lower() for t in q.doc}
    if q.wh == "how many":
        if q.head is None:
            return None
        # "how many square kilometres": the unit is the head with its modifiers.
        start = max((t.i + 1 for t in q.doc[: q.head.i] if t.lower_ == "many"), default=q.head.i)
        measured = unit_of_word(q.doc[start : q.head.i + 1].text)
        return measured if measured in RULED_OUT else None if measured else "count"
    if q.wh == "how much":
        return "money" if lemmas & _MONEY_WORDS else None
    if q.wh == "how old":
        return "age"
    if q.wh in _LENGTH_WH:
        return "length"
    if q.wh == "how heavy":
        return "mass"
    if q.wh == "how long" and (lemmas & _TIME_VERBS or _goes_on(q)):
        return "duration"
    if q.wh == "how long" and _is_a_place(q):
        return "length"  # "How long is the River Sella?": a place extends, it does not last
    if q.wh in ("what", "which") and q.kind == "money":
        return "money"  # "What is the firm's share price?", "What was the cost of ...?"
    return None


def _is_a_place(q: Question) -> bool:
    """Whether the question asks what a place is ("How long is the River Sella?"), with
    nothing after the place that could make it a time ("... in service")."""
    root = next((t for t in q.doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be":
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or any(not t.is_punct for t in q.doc[subject.right_edge.i + 1 :]):
        return False
    others = [t for t in [*subject.subtree, *root.children] if t.lower_ not in ("how", "long")]
    if any(t.pos_ in ("VERB", "ADV") for t in others):
        return False  # "How long ago was the valley founded?"
    named = [subject, *(c for c in subject.children if c.dep_ == "compound")]
    return subject.ent_type_ in ("GPE", "LOC", "FAC") or any(
        kind_of_noun(t) == "place" for t in named
    )


def _goes_on(q: Question) -> bool:
    return any(
        t.lemma_.lower() in _TIME_PARTICLE_VERBS
        and any(c.dep_ == "prt" and c.lower_ == "on" for c in t.children)
        for t in q.doc
    )


def unit_of_word(words: str) -> str | None:
    """The kind of unit ``words`` are ("kilometres": "length"), or None for other nouns."""
    found = find_quantities(f"2 {words}")
    return unit_kind(found[0].unit) if found and found[0].unit else None


def rules_out(q: Question, reply: str) -> bool:
    """Whether the first amount ``reply`` states is of a kind ``q`` cannot be answered by;
    a bare number of one or two digits (an age, a count) is no date, nor a bare number a
    sum of money, nor a number or a date alone a person or a place."""
    said = reply.strip()
    if q.kind == "date" and _SMALL_NUMBER.fullmatch(said):
        return True
    if q.kind in _NEVER_NUMBERS and _NUMBERS_AND_DATES.fullmatch(said):
        return True  # a person or a place is never a number or a date alone
    asked = asked_kind(q)
    if asked == "money" and _BARE_NUMBER.fullmatch(said):
        return True  # a sum is said with its currency: "44" is an age or a count
    if asked in ("age", "count", "money", "length", "mass") and _CLOCK.fullmatch(said):
        return True  # "2:23:15" is a time of day or a race time
    if asked is None:
        return False
    found = find_quantities(reply)
    if not found and not any(c.isdigit() for c in said):
        # "market town" for "how much", "the club" for "how many": no amount at all, unless
        # said in words no number reader takes ("hundreds", "half").
        return not {stem(w) for w in _WORD.findall(said.lower())} & _VAGUE_AMOUNTS
    if not found or found[0].unit == POUNDS_WEIGHT:
        return False  # "pounds" may be money the words before it did not show
    return unit_kind(found[0].unit) in RULED_OUT[asked]


def says_nothing_new(q: Question, reply: str) -> bool:
    """Whether every word of a reply is one the question already says, when the question
    offers no choice between things it names ("Which is longer, X or Y?")."""
    if any(t.lower_ == "or" for t in q.doc):
        return False
    said = _content_stems(reply)
    return bool(said) and said <= _content_stems(q.doc.text)


def _content_stems(text: str) -> frozenset[str]:
    # Accents folded: a question may spell "Beyonce" what its article spells "Beyoncé".
    return frozenset(stem(w) for w in _WORD.findall(fold(text)) if w not in STOP_WORDS)
