"""The numeric rule layer's entry point: a question in, an answer from facts out.

:class:`NumericAnswerer` is built once over the corpus' facts; :meth:`NumericAnswerer.answer`
reads the question, checks that it is about something the articles name, and hands it to
its intent's handler (:data:`qa.numeric.intents.HANDLERS`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ..facts import Fact
from ..lexicon.answer_types import NOUN_KINDS
from ..reading import pipeline
from ..types import Answer, Article, Sentence
from . import features
from .index import FactIndex
from .intents import HANDLERS
from .lookup import Search
from .phrasing import abstain
from .question import Question
from .reading import QuestionReader
from .spans_asked import PERIOD_Q
from .terms import words

_WHEN_CLAUSE = re.compile(r"\s+when\b")  # "how old was she when ...", not a "When ...?"
_PERSONAL = re.compile(r"\b(?:he|she|him|his|her)\b")
_PRONOUN = re.compile(r"\b(?:it|its|they|them|their|he|she|him|his|her)\b")
_KIN = re.compile(
    r"^(?:his|her)\s+(?:\w+\s+)?(?:" + "|".join(sorted(NOUN_KINDS["person"])) + r")\b"
)
_PARTITIVE = re.compile(r"\bhow\s+many\s+of\s+(?:them|those|these)\b")


class NumericAnswerer:
    """Numeric questions answered from facts; see :mod:`qa.numeric`.

    Built once from the corpus' facts, sentences and articles; :meth:`answer` is then cheap.
    """

    def __init__(
        self,
        facts: Sequence[Fact],
        sentences: Sequence[Sentence],
        articles: Sequence[Article],
        nlp: Language | None = None,
        docs: Sequence[Doc] | None = None,
        titles: Mapping[str, Doc] | None = None,
    ) -> None:
        """``nlp`` is the English pipeline (loaded here when not given); ``docs`` are the
        sentences' parses, aligned with ``sentences``, and ``titles`` the articles' titles'
        parses by article id (parsed here when not given)."""
        nlp = nlp or pipeline.load()
        if docs is None:
            docs = list(nlp.pipe(s.text for s in sentences))
        if titles is None:
            titles = dict(
                zip((a.id for a in articles), nlp.pipe(a.title for a in articles), strict=True)
            )
        parses = {s.id: d for s, d in zip(sentences, docs, strict=True)}
        self.index = FactIndex(facts, sentences, articles, parses, titles)
        self.reader = QuestionReader(self.index, nlp)
        self._nlp = nlp
        self._parts = (facts, sentences, articles, parses, titles)
        self._alone: dict[str, NumericAnswerer] = {}

    def alone(self, article: str) -> NumericAnswerer:
        """This layer over ``article`` only, as if nothing else were loaded: its questions
        read against that article's words, its figures matched among that article's facts."""
        if article not in self._alone:
            facts, sentences, articles, parses, titles = self._parts
            own = [s for s in sentences if s.article == article]
            self._alone[article] = NumericAnswerer(
                [f for f in facts if f.article == article],
                own,
                [a for a in articles if a.id == article],
                self._nlp,
                [parses[s.id] for s in own],
                {article: titles[article]} if article in titles else {},
            )
        return self._alone[article]

    def read(self, question: str, doc: Doc | None = None) -> Question | None:
        """What ``question`` asks for, or None when it is not a numeric question."""
        return self.reader.read(question, doc)

    def _life(self, relevance: Mapping[str, float], pronoun: str) -> str | None:
        """The life a bare "he" or "she" (``pronoun``) is about: the article of the
        best-ranked sentence that is in a life told with that pronoun. Names in the
        question, or in the conversation (spelled out before the question gets here),
        come first."""
        wanted = "he" if pronoun in ("he", "him", "his") else "she"
        for sid in _best_first(relevance):
            sentence = self.index.sentences.get(sid)
            if sentence is not None and self.index.people.get(sentence.article) == wanted:
                return sentence.article
        return None

    def search(self, relevance: Mapping[str, float]) -> Search:
        """The facts a question is matched against, with retrieval's ``relevance``."""
        return Search(self.index, relevance)

    def answer(
        self, question: str, relevance: Mapping[str, float], doc: Doc | None = None
    ) -> Answer | None:
        """The rule layer's answer to ``question`` (already resolved for follow-ups).

        ``relevance`` maps sentence ids to retrieval scores in [0, 1]; ``doc`` is the
        question's parse when the caller has one (else it is parsed here). Returns None when
        the question is not a numeric question this layer handles.
        """
        ask = self.read(question, doc)
        if ask is None:
            return None
        search = self.search(relevance)
        if ask.unknown_names or ask.unknown_parts or ask.other_numbered:
            # A figure for a place or thing no article names: the articles cannot say.
            if ask.intent == "when" and not ask.other_numbered:
                return None
            said = abstain(ask)
            # A thing the figure is of that no article mentions ("tonnes of salmon"), or
            # another of several numbered ones ("Line 1" of a story of "Line 3"), rules out
            # every figure; a name may be one the articles say otherwise ("A&E").
            never = {features.NEVER_NAMED: 1.0} if ask.unknown_parts or ask.other_numbered else {}
            return replace(said, features=features.measure(ask, said, search) | never)
        pronoun = _PERSONAL.search(ask.text)
        # A name in a "when" clause is the event's ("when she joined Haukeland"), not whose
        # the figure is.
        main = set(words(_WHEN_CLAUSE.split(ask.text)[0]))
        if pronoun and not any(t.proper and t.word in main for t in ask.terms):
            # "How old was she when she died?" with no name: the life retrieval found
            life = self._life(relevance, pronoun.group())
            if life is None and not _said_before(ask.text, pronoun):
                # No life among what retrieval found is told with that pronoun: whose figure
                # it asks, the articles do not say.
                said = abstain(ask)
                return replace(said, features=features.measure(ask, said, search))
            if life is not None:
                # "her husband" is another person of her life: the figure is his, not hers
                kin = _KIN.search(ask.text[pronoun.start() :])
                named = (
                    ()
                    if kin
                    else tuple(
                        replace(self.index.term(w), proper=True, group=-1)
                        for w in words(self.index.lives[life])
                    )
                )
                ask = replace(ask, article=life, terms=ask.terms + named)
        if (
            _unresolved_pronoun(_PARTITIVE.sub("", PERIOD_Q.sub("", ask.text)))
            and not any(not self.index.is_focus_term(t) and t.known for t in ask.terms)
            and ask.article is None
        ):
            return None  # "How many employees does it have?": whose, we cannot tell
        found = HANDLERS[ask.intent](search, ask)
        if found is None:
            return None
        return replace(found, features=features.measure(ask, found, search))


def _best_first(relevance: Mapping[str, float]) -> list[str]:
    return sorted(relevance, key=lambda sid: -relevance[sid])


def _unresolved_pronoun(text: str) -> bool:
    """A pronoun the question itself does not resolve: "How many employees does it have?",
    but not "By how much did the route overrun its budget?" ("its" is the route's)."""
    return not all(_said_before(text, m) for m in _PRONOUN.finditer(text))


def _said_before(text: str, pronoun: re.Match[str]) -> bool:
    """Whether a possessive refers to a noun the question names before it ("the female
    ... her eggs"), not to someone the conversation or the articles must supply."""
    return pronoun.group() in ("its", "their", "his", "her") and bool(
        re.search(r"\b(?:the|this|that)\s+[a-z]", text[: pronoun.start()])
    )
