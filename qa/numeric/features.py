"""What the rule layer measured about an answer, by name: the inputs of the fitted
confidence (qa.confidence), in ``Answer.features``. Every value is a float.

=============================  ==============================================================
``rule.score``                 the best candidate's match score (its terms' weighted share
                               matched, plus a little for retrieval's relevance), 0 if none
``rule.margin``                that score less the runner-up's (a candidate with another
                               value); the score itself when there is no runner-up
``rule.coverage``              the share of the question's terms the best candidate matched
``rule.focus``                 the share of the question's terms that say what the best
                               candidate is (its measure, unit, qualifier or phrase)
``rule.owner``                 1 when whose figure the question asks (a possessor, an "of",
                               the subject, read from its parse) is in the best candidate's
                               own words or beside its number, else 0
``rule.names``                 1 when the question gives a name at all
``rule.time_asked``            1 when the question names a time ("in 2021", "by 2030")
``rule.time_matched``          1 when it does and the best candidate's time is that time
``rule.unit_asked``            1 when the question asks for a unit ("in dollars")
``rule.unit_matched``          1 when it does and the short answer is in that unit
``rule.unknown``               the share of the question's terms the articles never use
``rule.derived``               1 for an answer worked out from several figures (a working)
``rule.abstain``               1 when the rule layer says the articles do not say
``rule.relevance``             retrieval's relevance of the best candidate's sentence
``rule.intent.<name>``         1 for the question's intent (``rule.intent.count``, ...)
=============================  ==============================================================
"""

from __future__ import annotations

from collections.abc import Mapping

from ..types import Answer
from .intents import HANDLERS
from .lookup import Search
from .question import Question
from .terms import strength

# Marks the rule layer's abstention on a figure of a thing no article mentions ("tonnes of
# salmon"): the answerer then reads no sentence for it either.
NEVER_NAMED = "rule.never_named"


def measure(ask: Question, answer: Answer, search: Search) -> dict[str, float]:
    """The features of ``answer`` to ``ask``, from what ``search`` ranked."""
    top = search.shortlist[0] if search.shortlist else None
    second = next((m for m in search.shortlist[1:] if top and m.fact.value != top.fact.value), None)
    terms = ask.terms
    n = len(terms) or 1
    names = [t for t in terms if t.proper]
    out = {
        "rule.score": top.score if top else 0.0,
        "rule.margin": (top.score - second.score)
        if top and second
        else (top.score if top else 0.0),
        "rule.coverage": top.base if top else 0.0,
        "rule.focus": (top.focus / n) if top else 0.0,
        "rule.owner": float(
            bool(top and any(_own(search, top.fact.id, t.keys) for t in ask.owner))
        ),
        "rule.names": float(bool(names)),
        "rule.time_asked": float(bool(ask.years)),
        "rule.time_matched": float(
            bool(top and ask.years and str(top.fact.time or "").startswith(ask.years[0]))
        ),
        "rule.unit_asked": float(bool(ask.unit)),
        "rule.unit_matched": float(
            bool(ask.unit and answer.short_answer and _in_unit(answer.short_answer, ask.unit))
        ),
        "rule.unknown": sum(not t.known for t in terms) / n,
        "rule.derived": float(answer.derivation is not None),
        "rule.abstain": float(not answer.answered),
        "rule.relevance": search.relevance.get(top.fact.sentence, 0.0) if top else 0.0,
    }
    out.update({f"rule.intent.{name}": float(name == ask.intent) for name in HANDLERS})
    return out


def _own(search: Search, fact_id: str, keys: frozenset[str]) -> bool:
    entry = search.index.entry[fact_id]
    return bool(strength(keys, entry.own | entry.near))


def _in_unit(text: str, unit: str) -> bool:
    return unit.lower() in text.lower() or (unit == "US dollars" and "$" in text)


FEATURE_NAMES: Mapping[str, str] = {
    line.split("``")[1]: line.split("``", 2)[2].strip()
    for line in (__doc__ or "").splitlines()
    if line.startswith("``rule.")
}
