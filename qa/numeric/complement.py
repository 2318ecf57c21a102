"""A whole and its stated part, asked for by what the part does or by its opposite: "Of the
850 jobs, 520 have already been filled" answers "How many have been filled?" (520) and "How
many are still to be filled?" (850 − 520); "five towers, of which three survive" answers
"How many have been lost?".

A sentence states a part of a whole with "of the" before the whole ("Of the 3,420 students
who sat the exams, 2,873 passed"), "of which" before the part or "of them" after it, or
the part first ("75 of the 260 workers", as the facts' reading pairs them). A question asks
for the rest when it negates what the part does ("not filled", "still to be filled",
"outside", "nobody", a prefix: "uninhabited") or names the other outcome ("failed" of "passed",
:data:`~qa.lexicon.question_measures.OUTCOMES`).
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

NEGATED = re.compile(
    r"(?:\bnot|n't|\bnever|\bno\s+longer|\byet\s+to|\bstill\s+to|\bleft\s+to|"
    r"\bremain(?:s|ed|ing)?\s+to|\boutside|\bexcept|\bexcluding|\bapart\s+from|"
    r"\bother\s+than|\bbeyond|\bnobody|\bno\s+one|\bnone)\b"
)
# A word negated by its prefix ("uninhabited", "unsold", "non-voting") negates the rest of it.
_PREFIXED = re.compile(r"\b(?:un|non-?)([a-z]{4,})\b")
_OF_THE = re.compile(r"\bof\s+(?:the|its|their|these|those|all)\s+$", re.IGNORECASE)
_COUNTS = ("count", "number")
_ROUGHLY = r"(?:(?:about|around|some|roughly|nearly|almost|only|just|over|under)\s+)?"
_OF_WHICH = re.compile(rf"\bof\s+(?:which|whom|them)\s+{_ROUGHLY}$", re.IGNORECASE)
_OF_THEM_AFTER = re.compile(r"^\s+of\s+(?:them|those|whom|which)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;.:]")


def _build_opposites() -> dict[str, frozenset[str]]:
    """Each outcome's stem with the stems of the other outcome of its pair."""
    table: dict[str, frozenset[str]] = {}
    for one, two in OUTCOMES:
        for said, other in ((one, two), (two, one)):
            for w in said.split():
                table[stem(w)] = table.get(stem(w), frozenset()) | {stem(o) for o in other.split()}
    return table


_OTHER = _build_opposites()


def partition_answer(search: Search, ask: Question) -> Answer | None:
    """The rest of a whole when the question asks for its part's opposite, else the stated
    part itself when the question asks what the part does and not what the whole does
    ("How many passed?" of "Of the 1,200 who sat the test, 950 passed")."""
    asked = {stem(w) for w in words(ask.text)}
    unprefixed = {stem(w) for w in _PREFIXED.findall(ask.text.lower())}
    negated = bool(NEGATED.search(ask.text))
    others = frozenset().union(*(_OTHER.get(s, frozenset()) for s in asked))
    counting = ask.intent == "count"
    if not counting and not negated:
        return None  # an amount's stated part is a plain look-up; only its rest is worked out
    sentences = _sentences(search, ask)[:3]

    def pairs(listed: bool) -> list[tuple[str, Fact, Fact]]:
        return [
            (sid, w, p)
            for sid in sentences
            for w, p in partitions(search, sid, listed)
            # a part of another year's whole is not this one's ("last year's race")
            if search.time_fits(p, ask, search.target_year(ask) or search.last_year_of(ask, p))
        ]

    if negated or others or unprefixed:
        negated_words = asked if negated else unprefixed
        for sid, whole, part in pairs(listed=True):
            if rest := _rest(search, ask, sid, whole, part, negated_words, others):
                return rest
    if negated or not counting:
        return None
    for sid, whole, part in pairs(listed=False):
        # A part said before its whole is the fact reader's own part: a look-up tells it.
        if part.start < whole.start or not _counts_asked(search, ask, whole):
            continue
        s = search.index.sentences[sid]
        of_whole = {stem(w) for w in words(s.text[whole.end - s.start : part.start - s.start])}
        # The article's subject ("the port" of "Northgate Port") is whose the whole is too.
        of_whole |= {stem(w) for w in words(search.index.articles[whole.article].title)}
        if (_what_part_does(search, part, whole) & asked) - of_whole:
            text = f"{cap(part.surface)} of the {amount_text(whole)}."
            return direct(search.index, part, 0.5 + 0.5 * search.relevance.get(sid, 0.5), text)
    return None


def _rest(
    search: Search,
    ask: Question,
    sid: str,
    whole: Fact,
    part: Fact,
    negated_words: set[str],
    others: frozenset[str],
) -> Answer | None:
    """``whole`` less ``part`` when the question negates what the part does or names its
    opposite, and counts what the whole counts."""
    does = _what_part_does(search, part, whole)
    if not does & negated_words and not does & others:
        return None
    if not _counts_asked(search, ask, whole):
        return None
    result = computed(whole.value - part.value, None if whole.kind in _COUNTS else whole.unit)
    said = f"{part.surface} {ref(part)}"
    working = f"{amount_text(whole)} {ref(whole)} − {said} = {result}."
    text = f"{cap(result)}: the rest of the {amount_text(whole)}."
    score = search.relevance.get(sid, 0.0)
    return derived(search.index, text, result, working, [whole, part], 0.5 + 0.5 * score)


def _counts_asked(search: Search, ask: Question, whole: Fact) -> bool:
    """Whether the whole counts what the question counts, if it names a thing."""
    entry = search.index.entry[whole.id]
    return not ask.count_noun or any(names_what(entry, t) for t in ask.count_noun)


def _sentences(search: Search, ask: Question) -> list[str]:
    """The sentences of the figures the question's words match, best first."""
    out: list[str] = []
    for m in search.rank(ask.terms, lambda f: f.kind not in ("date", "age")):
        if m.fact.sentence not in out:
            out.append(m.fact.sentence)
    return out


def partitions(search: Search, sentence_id: str, listed: bool = False) -> list[tuple[Fact, Fact]]:
    """(whole, part) pairs a sentence states by "of the ...", "of which ..." or "... of
    them": counts, or amounts in one unit ("Of the $62 million, $11 million ..."); with
    ``listed``, also the parts it lists after their whole ("including 1,900 ...")."""
    s = search.index.sentences.get(sentence_id)
    if s is None:
        return []
    amounts = sorted(
        (
            f
            for f in search.index.by_sentence.get(sentence_id, [])
            if f.kind not in ("date", "age") and f.equivalent_of is None
        ),
        key=lambda f: f.start,
    )
    pairs = []
    for i, f in enumerate(amounts):
        before = s.text[: f.start - s.start]
        alike = [x for x in amounts if _alike(x, f)]
        counts = [x for x in amounts[:i] if _alike(x, f)]
        if _OF_THE.search(before):
            later = [p for p in alike if p.start > f.start]
            part = next((p for p in later if 0 < p.value < f.value), None)
            if part is not None:
                pairs.append((f, part))
        elif _OF_WHICH.search(before) and counts and 0 < f.value < counts[-1].value:
            pairs.append((counts[-1], f))
        elif _OF_THEM_AFTER.match(s.text[f.end - s.start :]) and i > 0:
            # "18,400 runners started, and 17,950 of them finished": the nearest larger
            # count before is the whole; not another part said the same way ("300 of them in
            # Norway and 180 of them in Denmark" are two parts of one whole).
            told = {p.id for _, p in pairs}
            whole = next(
                (w for w in reversed(counts) if w.id not in told and w.value > f.value > 0), None
            )
            if whole is not None:
                pairs.append((whole, f))
        elif (whole := _went_on(counts, f)) is not None:
            pairs.append((whole, f))
    # A part the facts' reading found, said before its whole ("75 of the 260 workers") or
    # after it ("a staff of 6,200, including 1,900 academic staff").
    by_id = {f.id: f for f in amounts}
    told = {p.id for _, p in pairs}
    for f in amounts:
        whole = by_id.get(f.part_of or "")
        if (
            whole is not None
            and f.id not in told
            and (listed or f.start < whole.start)
            and _alike(whole, f)
            and 0 < f.value < whole.value
        ):
            pairs.append((whole, f))
    return pairs


def _alike(a: Fact, b: Fact) -> bool:
    """Whether a part and a whole can be of one thing: counts, or amounts of one kind and
    unit."""
    if a.kind in _COUNTS and b.kind in _COUNTS:
        return True
    return a.kind == b.kind and a.unit == b.unit


def _went_on(before: list[Fact], f: Fact) -> Fact | None:
    """The count ``f`` is the rest of when a sentence follows the same things through two
    steps, each with its own verb and no other time: "18,400 runners started, and 17,962
    reached the finish", "1,200 applied and 140 were hired". Fewer go on to the second."""
    if f.kind != "count" or f.verb is None or f.earlier_of or f.change_of or f.rate:
        return None
    for w in reversed(before):
        if w.kind == "count" and w.unit == f.unit and w.earlier_of is None and w.change_of is None:
            same_step = w.verb is None or w.verb == f.verb or w.time != f.time
            # The same things, not a rate nor another party's figure ("the team expects").
            others = w.owner != f.owner or w.rate or w.period != f.period
            return None if same_step or others or not w.value > f.value > 0 else w
    return None


def _what_part_does(search: Search, part: Fact, whole: Fact) -> frozenset[str]:
    """The stems of the words after the part's number, to the end of its clause ("have
    already been filled", "survive"), past the whole when it comes between ("75 of the 260
    remaining workers were offered jobs": "offered jobs")."""
    s = search.index.sentences[part.sentence]
    part_first = part.start < whole.start  # a sentence's own pair: one sentence
    start = whole.end if part_first else part.end
    after = _CLAUSE_END.split(s.text[start - s.start :], maxsplit=1)[0]
    said = words(after)
    if part_first:
        # The whole's own noun and qualifier name it, not what it does; the part's verb
        # may come before both ("sold 1,900 of its 2,400 machines").
        named = {stem(w) for w in words(f"{whole.unit or ''} {whole.qualifier or ''}")}
        said = [w for w in [part.verb or "", *said] if w and stem(w) not in named]
    return frozenset(stem(w) for w in said[:6] if w not in STOP_WORDS)
