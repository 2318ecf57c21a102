"""A whole and its stated part, asked for by what the part does or by its opposite: "Of the
850 jobs, 520 have already been filled" answers "How many have been filled?" (520) and "How
many are still to be filled?" (850 − 520); "five towers, of which three survive" answers
"How many have been lost?".

A sentence states a part of a whole with "of the" before the whole ("Of the 3,420 students
who sat the exams, 2,873 passed") or "of which" before the part. A question asks for the
rest when it negates what the part does ("not filled", "still to be filled") or names the
other outcome ("failed" of "passed", :data:`~qa.lexicon.question_measures.OUTCOMES`).
"""

from __future__ import annotations

import re

from ..analysis import STOP_WORDS, stem
from ..facts import Fact
from ..lexicon.question_measures import OUTCOMES
from ..types import Answer
from .lookup import Search, names_what
from .phrasing import amount_text, cap, computed, derived, direct, ref
from .question import Question
from .terms import words

_NEGATED = re.compile(
    r"(?:\bnot|n't|\bnever|\bno\s+longer|\byet\s+to|\bstill\s+to|\bleft\s+to|"
    r"\bremain(?:s|ed|ing)?\s+to)\b"
)
_OF_THE = re.compile(r"\bof\s+(?:the|its|their|these|those|all)\s+$", re.IGNORECASE)
_OF_WHICH = re.compile(r"\bof\s+(?:which|whom|them)\s+$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;.:]")
_OTHER: dict[str, frozenset[str]] = {}
for _one, _two in OUTCOMES:
    for _a, _b in ((_one, _two), (_two, _one)):
        for _w in _a.split():
            _OTHER[stem(_w)] = _OTHER.get(stem(_w), frozenset()) | {stem(w) for w in _b.split()}


def complement(search: Search, ask: Question) -> Answer | None:
    """The whole less its stated part, when the question asks for the part's opposite."""
    asked = {stem(w) for w in words(ask.text)}
    negated = bool(_NEGATED.search(ask.text))
    others = frozenset().union(*(_OTHER.get(s, frozenset()) for s in asked))
    if not negated and not others:
        return None
    for sid in _sentences(search, ask)[:3]:
        for whole, part in partitions(search, sid):
            does = _what_part_does(search, part)
            if not (negated and does & asked) and not does & others:
                continue
            entry = search.index.entry[whole.id]
            if ask.count_noun and not any(names_what(entry, t) for t in ask.count_noun):
                continue
            result = computed(whole.value - part.value, None)
            said = f"{part.surface} {ref(part)}"
            working = f"{amount_text(whole)} {ref(whole)} − {said} = {result}."
            text = f"{cap(result)}: the rest of the {amount_text(whole)}."
            score = search.relevance.get(sid, 0.0)
            return derived(search.index, text, result, working, [whole, part], 0.5 + 0.5 * score)
    return None


def part_asked(search: Search, ask: Question) -> Answer | None:
    """The stated part itself, when the question asks what the part does and not what the
    whole does ("How many passed?" of "Of the 1,200 who sat the test, 950 passed")."""
    if _NEGATED.search(ask.text):
        return None
    asked = {stem(w) for w in words(ask.text)}
    for sid in _sentences(search, ask)[:3]:
        s = search.index.sentences[sid]
        for whole, part in partitions(search, sid):
            of_whole = {stem(w) for w in words(s.text[whole.end - s.start : part.start - s.start])}
            if (_what_part_does(search, part) & asked) - of_whole:
                return direct(search.index, part, 0.5 + 0.5 * search.relevance.get(sid, 0.5))
    return None


def _sentences(search: Search, ask: Question) -> list[str]:
    """The sentences of the figures the question's words match, best first."""
    out: list[str] = []
    for m in search.rank(ask.terms, lambda f: f.kind in ("count", "number")):
        if m.fact.sentence not in out:
            out.append(m.fact.sentence)
    return out


def partitions(search: Search, sentence_id: str) -> list[tuple[Fact, Fact]]:
    """(whole, part) pairs a sentence states by "of the ..." or "of which ..."."""
    s = search.index.sentences.get(sentence_id)
    if s is None:
        return []
    counts = sorted(
        (f for f in search.index.by_sentence.get(sentence_id, []) if f.kind in ("count", "number")),
        key=lambda f: f.start,
    )
    pairs = []
    for i, f in enumerate(counts):
        before = s.text[: f.start - s.start]
        if _OF_THE.search(before):
            part = next((p for p in counts[i + 1 :] if 0 < p.value < f.value), None)
            if part is not None:
                pairs.append((f, part))
        elif _OF_WHICH.search(before) and i > 0 and 0 < f.value < counts[i - 1].value:
            pairs.append((counts[i - 1], f))
    return pairs


def _what_part_does(search: Search, part: Fact) -> frozenset[str]:
    """The stems of the words after the part's number, to the end of its clause ("have
    already been filled", "survive")."""
    s = search.index.sentences[part.sentence]
    after = _CLAUSE_END.split(s.text[part.end - s.start :], maxsplit=1)[0]
    return frozenset(stem(w) for w in words(after)[:6] if w not in STOP_WORDS)
