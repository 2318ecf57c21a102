"""Reading a numeric question: its intent, its terms and what it constrains.

:class:`QuestionReader` is built once over the index (it needs the corpus' vocabulary, to
correct spelling and to tell names the articles use from names they never use) and reads
each question into a :class:`~qa.numeric.question.Question`, or None when the question is
not a numeric one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..analysis import STOP_WORDS, stem
from ..facts import MEASURE_NOUNS
from ..lexicon.answer_types import NAME_KINDS
from ..lexicon.question_measures import EXTREMES, MARKED_STATES, OPPOSITES
from ..lexicon.question_times import MONTHS as _MONTH_WORDS
from ..lexicon.question_times import TIME_NOUNS
from ..lexicon.question_words import MONEY_VERBS, QUESTION_PHRASES, QUESTION_WORDS
from ..numbers import asked_unit
from ..reading.alternatives import choices
from ..reading.question import asks_for_year, end_asked
from ..reading.question import read as read_question
from ..spelling import Speller
from . import spans_asked, syntax, timing
from .echo import indirect
from .index import VERB_FORMS, FactIndex
from .lookup import MEASURE_STEMS
from .question import INTENTS, Question
from .terms import (
    DOER_GROUPS,
    GROUP_OF,
    LIGHT_WORDS,
    SYNONYMS,
    Term,
    base,
    doers,
    words,
)

# Phrases rewritten in a question before its words are read ("set up" is "established"),
# longest first, so "open its doors again" is read before "open again".
PHRASES: tuple[tuple[str, str], ...] = tuple(
    (r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b", repl)
    for phrase, repl in sorted(QUESTION_PHRASES.items(), key=lambda item: -len(item[0]))
)
_EXTREME = {
    end: re.compile(r"\b(?:" + "|".join(w.replace("-", r"\s+") for w in ws) + r")\b")
    for end, ws in EXTREMES.items()
}
_TIME_NOW = re.compile(r"\b(?:now|today|currently|current|existing|present|these\s+days)\b")
_PREVIOUS_YEAR = re.compile(
    r"\b(?:the\s+)?(?:year|one\s+year)\s+(?:before|earlier|prior)\b|\ba\s+year\s+(?:earlier|"
    r"before|ago|prior)\b|\bthe\s+previous\s+year\b|\bthe\s+prior\s+year\b|\blast\s+year\b"
)
# Words that name a plan rather than what happened: "the target", "what they aim for".
_RATIO_WORDS = re.compile(r"\b(?:per|average|every)\b|\bfor\s+each\b")
_MONEY_VERBS = MONEY_VERBS
_PLANS = frozenset("target goal plan expect aim forecast".split())
_VALUE_QUESTION = re.compile(
    r"^\s*(?:what|what's|whats|wat)\s+(?:is|was|were|are|'s)?\s*(?:the\s+)?(?:[\w'-]+\s+)"
    r"{0,5}?(?:"
    + "|".join(sorted(MEASURE_NOUNS | {"size", "target", "goal", "worth"}))
    + r")\b|^\s*(?:convert|and\s+the)\b"
)
_NUMBER_OF = re.compile(r"\b(?:number|amount|total|count)\s+of\b")
# Synonym groups whose words name an amount ("the bill" is a price).
_MEASURE_GROUPS = frozenset(
    "#" + g for g in "price outlay revenue value area capacity profit dividend tax".split()
)
_MARKED = MARKED_STATES
_TIME_NOUNS = TIME_NOUNS
_OPPOSITES = {w: o[0] for w, o in OPPOSITES.items()}
_HOW_WORD = re.compile(r"\bhow\s+(\w+)", re.IGNORECASE)
MONTHS = _MONTH_WORDS


class QuestionReader:
    """Reads questions against one corpus' vocabulary (built once)."""

    def __init__(self, index: FactIndex, nlp: Language) -> None:
        self.index = index
        self.nlp = nlp
        self.speller = Speller(sorted(index.vocabulary))
        self.known_words = frozenset(
            {w for ws in SYNONYMS.values() for w in ws}
            | QUESTION_WORDS
            | LIGHT_WORDS
            | set(STOP_WORDS)
        )

    def read(self, question: str, doc: Doc | None = None) -> Question | None:
        """What ``question`` asks for, or None when it is not a numeric question. ``doc`` is
        its parse, when the caller has one."""
        text, rate = self._normalise(question)
        head, _, tail = text.partition(" - ")
        if not any(rx.search(head) for _, rx in INTENTS) and not any(c.isdigit() for c in head):
            return None  # no numeric question (and no years to span): no need to parse it
        if doc is None or doc.text != question:
            doc = self.parse(question)
        times = timing.times(doc)
        intent = _intent(head, times, syntax.each_is_subject(doc))
        if intent is None:
            return None
        said = syntax.name_words(doc)
        names = {w for w in said if stem(w) in self.index.corpus_stems}
        names |= {w for w in syntax.definite_nouns(doc) if stem(w) in self.index.topic_heads}
        terms = self.index.terms(tail or head, names)
        if not tail:
            # A light verb said as a noun ("How long will the work take?") names what is
            # asked of.
            terms += [
                self.index.term(t.lower_)
                for t in doc
                if t.pos_ == "NOUN" and t.lower_ in LIGHT_WORDS and not syntax.acts_as_verb(t)
            ]
        measured = self._phrase(syntax.measured(doc))
        measure = {t.word for t in measured}
        place = set(syntax.places(doc))
        narrowing = {self._spell(w) for w in syntax.phrase_words(doc)}
        group = {w: i for i, ws in enumerate(syntax.name_groups(doc)) if len(ws) > 1 for w in ws}
        described = set(syntax.name_titles(doc))
        terms = [t for t in terms if t.word not in described] or terms
        terms = [
            replace(
                t,
                measure=t.word in measure,
                place=t.proper and t.word in place,
                group=group.get(t.word) if t.proper else None,
                narrows=t.word in narrowing,
            )
            for t in terms
        ]
        if tail:
            terms += [t for t in self.index.terms(head) if not self.index.is_focus_term(t)]
        years = [t.time for t in times]
        previous = _PREVIOUS_YEAR.search(text)
        previous_year = previous is not None
        target = any(t.role == "target" for t in times)
        # "by 2030" asks what is planned, unless the question is in the past tense ("was it
        # exporting by 1938").
        future = (timing.future(doc) or (target and not timing.past(doc))) and not previous_year
        period = spans_asked.period(text)
        # Words that say when ("last year", "on its opening day"), not what the figure is.
        for when in (previous, spans_asked.PERIOD_Q.search(text) if period else None):
            if when is not None:
                terms = [t for t in terms if t.word not in words(when.group(0))]
        if period and period.startswith("this ") and years:
            period = None  # "this season by 2027": the year says which
        plans = any(t.lemma_.lower() in _PLANS for t in doc)
        done = any(t.lower_ in ("did", "has", "have", "had") for t in doc) and not future
        done = done and not plans
        part_of_year = None if years else spans_asked.part_of_year(text)
        ws = words(text)
        # "old" in "how old" asks an age; it says nothing of which ("the old bridge").
        wh_words = {m.group(1) for m in _HOW_WORD.finditer(text)}
        against = [stem(_OPPOSITES[w]) for w in ws if w in _OPPOSITES and w not in wh_words]
        months = [w for w in ws if w in MONTHS]
        if months:  # "the mean July temperature" is not January's
            against += [stem(m) for m in MONTHS if m not in months]
        # "work" in "how many work there", not in "the building work"
        said_as_verbs = {t.lower_ for t in doc if t.pos_ in ("VERB", "AUX")}
        asked = read_question(doc)
        ask = Question(
            text=text,
            intent=intent,
            terms=tuple(terms),
            question=question,
            indirect=indirect(doc) or "",
            years=tuple(years),
            numbers=tuple(timing.numbers(doc)),
            year_asked=asks_for_year(asked),
            period_end=end_asked(asked),
            previous_year=previous_year,
            last_year=bool(re.search(r"\blast\s+year\b", text)),
            now=bool(_TIME_NOW.search(text)),
            future=future,
            present=_present(doc) and not (future or done or years),
            unit=syntax.unit(doc),
            base_year=next((t.time for t in times if t.role == "base"), None),
            count_noun=tuple(self._phrase(syntax.counted(doc))),
            measure=tuple(measured),
            owner=tuple(self._phrase(syntax.owner(doc))),
            rate=rate,
            period=period,
            whole_span=bool(spans_asked.WHOLE_SPAN.search(text)),
            earlier=timing.earlier(doc),
            verbs=tuple(
                sorted(
                    {
                        g
                        for w in ws
                        if w in VERB_FORMS and w in said_as_verbs
                        for g in GROUP_OF.get(stem(w), ())
                        if g in DOER_GROUPS
                    }
                )
            ),
            # by lemma: "lost their lives" is no "live"
            doers=doers(t.lemma_.lower() for t in doc),
            verb=self._main_verb(doc),
            against=tuple(against),
            choices=tuple(choices(doc).items()),
            marked=tuple(_marked(ws)),
            done_to=_done_to(doc),
            done=done,
            plans=plans,
            money=_asks_money(doc),
            part_of_year=part_of_year,
            unknown_names=tuple(self._unknown_names([w for w in said if w not in described])),
            other_numbered=tuple(self.index.other_numbers(text)),
            unknown_parts=tuple(w for w in self._unknown_parts(doc) if w not in described),
            extreme=next((end for end, rx in _EXTREME.items() if rx.search(text)), None),
        )
        if intent == "value" and not self._numeric_value_question(ask, doc):
            return None
        return ask

    def _normalise(self, question: str) -> tuple[str, str | None]:
        """The question in lower case, misspelt words corrected, phrases a person uses read
        as the articles' words ("set up" as "established"), and a rate it asks per ("a day")
        taken out and returned apart."""
        raw = question.lower()
        for pattern, repl in PHRASES:
            raw = re.sub(pattern, repl, raw)
        text = " ".join(self._spell(w) for w in re.findall(r"[\w'$€£¥.,&%-]+|[?:;]", raw))
        text = re.sub(r"(?<=\w)[.,](?=\s|$)", "", text)
        for pattern, repl in PHRASES:
            text = re.sub(pattern, repl, text)
        return spans_asked.without_rate(text)

    def _unknown_names(self, said: list[str]) -> list[str]:
        """The words of the question's names that no article uses (nor a word of their
        synonym group): a figure for them is one the articles cannot give."""
        spelled = [self._spell(w) for w in said]
        return [
            w
            for w in spelled
            if len(w) > 2
            and stem(w) not in self.index.corpus_stems
            and not self._term(w).related
            and not asked_unit(f"in {w}")
        ]

    def _unknown_parts(self, doc: Doc) -> list[str]:
        """Nouns that narrow the figure to a part no article mentions ("the ship's
        engine"): a figure for it is one the articles cannot give."""
        out = []
        for t in syntax.narrowing_nouns(doc):
            word = self._spell(t.lower_)
            if word in self.known_words:
                continue  # a question word ("in total"), a light verb, a stop word
            if self.speller.candidates(word):
                continue  # a misspelling of a word the articles use, perhaps
            if stem(word) not in self.index.corpus_stems and not self._term(word).related:
                out.append(word)
        return out

    def _main_verb(self, doc: Doc) -> str | None:
        """The main verb of a do-question, as its matching key, when it is a verb the
        articles use (or a light verb): "employ" in "How many people does it employ?"."""
        verb = syntax.main_verb(doc)
        if verb is None:
            return None
        lemma = self._spell(verb.lemma_.lower())
        known = lemma in LIGHT_WORDS or base(lemma) in self.index.verb_stems
        return base(lemma) if known else None

    def _phrase(self, tokens: list[Token]) -> list[Term]:
        """A phrase of the question's tokens as terms, read as the question's words are."""
        if not tokens:
            return []
        text = tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text.lower()
        for pattern, repl in PHRASES:
            text = re.sub(pattern, repl, text)
        return [self._term(self._spell(w)) for w in words(text)]

    def parse(self, question: str) -> Doc:
        """The question's parse, when the caller has none."""
        return self.nlp(question)

    def _spell(self, word: str) -> str:
        if not word.isalpha() or word in self.known_words or stem(word) in self.index.corpus_stems:
            return word
        return self.speller.correct(word)

    def _term(self, word: str) -> Term:
        return self.index.term(word)

    def _numeric_value_question(self, ask: Question, doc: Doc) -> bool:
        """ "What was the operating revenue?" is numeric; "What disease ...?" is not: the
        noun asked about is a measure, or a word of a measure's synonyms ("the final bill").
        A noun the wh-word itself determines says what the answer is, whatever else the
        question says ("Which king granted the lands?" asks for a king, not a sum)."""
        if syntax.wh_names_a_kind(doc) in NAME_KINDS:
            return False
        if ask.unit or ask.money or _VALUE_QUESTION.match(ask.text) or _NUMBER_OF.search(ask.text):
            return True
        measures = MEASURE_STEMS | self.index.measure_stems
        return any(stem(t.word) in measures or t.keys & _MEASURE_GROUPS for t in ask.measure)


def _asks_money(doc: Doc) -> bool:
    """Whether a question asks an amount of money: by its verb ("cost", "pay") or by the
    noun it measures ("how much prize money")."""
    verbs = any(t.lemma_.lower() in _MONEY_VERBS for t in doc if t.pos_ in ("VERB", "NOUN"))
    measured = syntax.measured(doc)
    return verbs or bool(measured and measured[-1].lemma_.lower() == "money")


def _done_to(doc: Doc) -> tuple[str, ...]:
    """The names the question's verb is done to: its object's or passive subject's (the
    parser may call one a subject beside a passive auxiliary)."""
    return tuple(
        t.lower_
        for c in doc
        if c.head.pos_ in ("VERB", "AUX")
        and (
            c.dep_ in ("dobj", "nsubjpass")
            or (c.dep_ == "nsubj" and any(a.dep_ == "auxpass" for a in c.head.children))
        )
        for t in c.subtree
        if t.pos_ == "PROPN"
    )


def _marked(ws: list[str]) -> list[str]:
    """Keys of words that mark which state of a thing is asked ("the old bridge"), not
    "how old" nor "the previous year"; and "share" of "share price", which a question's
    terms leave out as the "share" of "what share of": a price of something else is not it."""
    return [
        stem(w)
        for i, w in enumerate(ws)
        if (
            w in _MARKED
            and not (w == "old" and i and ws[i - 1] == "how")
            and (ws[i + 1] if i + 1 < len(ws) else "") not in _TIME_NOUNS
        )
        or (w == "share" and ws[i + 1 : i + 2] in (["price"], ["prices"]))
    ]


def _intent(head: str, times: list[timing.TimeRef], each_subject: bool) -> str | None:
    """The first intent whose pattern the question matches; a question over a span of two
    years ("between 2019 and 2021") asks for a difference. "Each" on the subject ("How
    many places will each school have?") asks for a figure stated per school, not for a
    ratio to work out, unless the question says "per" or "average"."""
    for name, pattern in INTENTS:
        if name == "per" and each_subject and not _RATIO_WORDS.search(head):
            continue
        if pattern.search(head) or (name == "difference" and _spans_years(times)):
            return name
    return None


def _spans_years(times: list[timing.TimeRef]) -> bool:
    return len({t.time[:4] for t in times if t.role == "span"}) == 2


def _present(doc: Doc) -> bool:
    """Whether the question's verbs are in the present tense ("work", "does ... have", "is"),
    none in the past."""
    tags = {t.tag_ for t in doc if t.pos_ in ("VERB", "AUX")}
    return bool(tags & {"VBZ", "VBP"}) and not tags & {"VBD", "VBN"}
