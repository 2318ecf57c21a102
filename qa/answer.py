"""Compose the stages into an answer: follow-ups, numeric rules, ranking, reading, confidence.

The order is fixed. Follow-ups are resolved against the conversation; a numeric question goes
to the rule layer, which answers from facts or says that the facts cannot. Otherwise the
ranker orders candidate sentences, the reader takes the phrase of the best one that fills
the question's gap, and the fitted confidence model estimates the probability that this
answer is right. Below the model's threshold the reply is that the articles don't say.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from spacy.language import Language
from spacy.tokens import Doc

from .analysis import tokens
from .compose import Composer
from .confidence import (
    Confidence,
    declined_features,
    evidence_features,
    retrieval_features,
    rule_features,
)
from .followup import resolve
from .numeric.features import NEVER_NAMED
from .quotes import Attribution
from .ranker import Ranked, Ranker
from .reader import Phrase, Reader
from .reader.describe import describe
from .reader.narrow import finer_than_year, narrowed
from .reader.owners import owned_roles, titled_by_another
from .reader.timing import asked_times, dated_as_asked, other_time
from .reading.measure import rules_out, says_nothing_new
from .reading.query import Query, prepare
from .retriever import Retriever
from .spelling import fix_wh_words
from .types import Answer, Article, Sentence, Turn

NOT_FOUND = "The articles don't say."
READ = 3  # sentences the reader reads, best ranked first
RELEVANT = 5  # sentences whose facts the rule layer considers
DESCRIBE = 10  # sentences searched for what a name is
PHRASE_WEIGHT = 0.25  # the best phrase's score beside its sentence's (chosen on fit data)
NO_PHRASE = -10.0
# Kinds of question a phrase rarely answers whole: the sentence is the answer.
SENTENCE_KINDS = frozenset({"manner"})


@dataclass(frozen=True)
class Reply:
    """One article's reply to a question, before the threshold: its estimated probability of
    being right, the answer, the features the confidence read, and the sentences ranked."""

    article: str
    rank: int  # 0 for the best-matching article
    probability: float
    answer: Answer
    features: dict[str, float]
    ranked: tuple[str, ...]


class NumericLayer(Protocol):
    def answer(
        self, question: str, relevance: Mapping[str, float], doc: Doc | None = None
    ) -> Answer | None: ...

    def alone(self, article: str) -> NumericLayer: ...


class Answerer:
    """Answers questions over prepared sentences; stateless between questions."""

    def __init__(
        self,
        articles: Sequence[Article],
        sentences: Sequence[Sentence],
        docs: Sequence[Doc],
        nlp: Language,
        retriever: Retriever,
        ranker: Ranker,
        reader: Reader,
        confidence: Confidence,
        quotes: Mapping[str, Attribution],
        numeric: NumericLayer | None = None,
        abstain_below: float | None = None,
    ) -> None:
        self.sentences = list(sentences)
        self.docs = list(docs)
        self.position = {s.id: i for i, s in enumerate(self.sentences)}
        self.nlp = nlp
        self.retriever = retriever
        self.ranker = ranker
        self.reader = reader
        self.confidence = confidence
        self.quotes = quotes
        self.composer = Composer(articles, self.sentences, quotes)
        self.numeric = numeric
        self.abstain_below = confidence.threshold if abstain_below is None else abstain_below

    def resolve(self, question: str, history: Sequence[Turn]) -> str:
        """The question with references to earlier turns (themselves resolved) spelled out."""
        resolved_history: list[Turn] = []
        for turn in history:
            resolved_history.append(
                Turn(resolve(turn.question, resolved_history, self.nlp), turn.answer)
            )
        return resolve(question, resolved_history, self.nlp)

    def terms(self, question: str, article: str | None = None) -> tuple[str, ...]:
        """The question's index terms, misspellings mended against ``article``'s words (or
        every article's): what BM25 matches, with no need of a parse."""
        mender = self.retriever.mender(article)
        return tuple(self.retriever.content_terms(mender.correct(tokens(question))))

    def query(
        self, question: str, article: str | None = None, parsed: dict[str, Doc] | None = None
    ) -> Query:
        """The question mended against ``article``'s words (or every article's), parsed and
        prepared for matching; ``parsed`` keeps the parses of one question's texts, so that
        a question mended alike for two articles is parsed once."""
        terms = self.terms(question, article)
        text = self.retriever.mender(article).mend(question)
        parsed = {} if parsed is None else parsed
        if text not in parsed:
            parsed[text] = self.nlp(text)
        return prepare(parsed[text], terms)

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        resolved = fix_wh_words(self.resolve(question, history))
        base: dict[str, Any] = {
            "question": question,
            "resolved_question": resolved if resolved != question else None,
        }
        # The articles that match the question best are each read alone, as if nothing else
        # were loaded. In order of how well they match, the first confident answer is given;
        # without one, the best-matching article's reply stands.
        ids: list[str] = []
        first: Reply | None = None
        for reply in self._replies(resolved, base):
            ids += reply.ranked
            first = first or reply
            if reply.answer.answered and reply.probability >= self.abstain_below:
                first = reply
                break
        if first is not None:
            return self._judged(first.answer, first.features, tuple(ids), base)
        return Answer(NOT_FOUND, False, "none", 1.0, ranked=tuple(ids), **base)

    def replies(self, question: str, history: Sequence[Turn] = ()) -> list[Reply]:
        """Each best-matching article's reply, best-matching first, none withheld: what
        :meth:`ask` chooses from (and what the confidence model is fitted on)."""
        resolved = fix_wh_words(self.resolve(question, history))
        return list(self._replies(resolved, {"question": question, "resolved_question": None}))

    def _replies(self, resolved: str, base: dict[str, Any]) -> Iterator[Reply]:
        parsed: dict[str, Doc] = {}
        # Which articles to read is BM25's over the question's words; only the articles
        # read need the question parsed.
        matches = self.ranker.matches(self.terms(resolved))
        for rank, (article, match) in enumerate(matches):
            own = self.query(resolved, article, parsed)
            ranked = self.ranker.rank(own, article)
            # An article that is not the best match is less likely to hold the answer: how
            # far it is behind is read by the confidence. The best-matching article's reply
            # is the one it would give alone.
            placement = {"later_article": 1.0, "later_match": match / matches[0][1]} if rank else {}
            found = self._reply(own, article, ranked, base, placement)
            ids = tuple(self.sentences[r.index].id for r in ranked)
            if found is not None:
                yield Reply(article, rank, *self._measured(own, *found), ranked=ids)

    def _measured(
        self, query: Query, p: float, answer: Answer, features: dict[str, float]
    ) -> tuple[float, Answer, dict[str, float]]:
        """The reply, unless its amount is of a kind the question rules out ("how many
        people": not "23 million euros"): then the article has no answer to give."""
        said = answer.short_answer if answer.method != "rule" else answer.answer
        if answer.answered and said and rules_out(query.question, said):
            return 1.0 - p, Answer(NOT_FOUND, False, "none", 0.0), features | {"ruled_out": 1.0}
        return p, answer, features

    def reply_in(self, question: str, article: str, history: Sequence[Turn] = ()) -> Answer | None:
        """What ``article`` alone answers to ``question``, before abstention (its confidence
        is the estimate that it is right); None when the article has nothing that matches."""
        resolved = fix_wh_words(self.resolve(question, history))
        base: dict[str, Any] = {"question": question, "resolved_question": None}
        own = self.query(resolved, article)
        reply = self._reply(own, article, self.ranker.rank(own, article), base)
        return None if reply is None else replace(reply[1], confidence=round(reply[0], 4))

    def _reply(
        self,
        query: Query,
        article: str,
        ranked: Sequence[Ranked],
        base: dict[str, Any],
        placement: Mapping[str, float] | None = None,
    ) -> tuple[float, Answer, dict[str, float]] | None:
        """One article's reply, its confidence and what the confidence read: the rule layer's
        for a numeric question, else the best sentence's and phrase's (and ``placement``:
        how the article stands among those matched)."""
        placement = dict(placement or {})
        if self.numeric is not None:
            numeric = self.numeric.alone(article)
            # The question as mended for this article (names capitalised as it writes
            # them), whose parse is at hand.
            ruled = numeric.answer(query.doc.text, self._relevance(query, article), query.doc)
            if ruled is not None:
                features = rule_features(ruled, ranked, self.sentences) | placement
                if ruled.answered:
                    return self.confidence.probability(features), ruled, features
                if ruled.features.get(NEVER_NAMED):
                    # The question narrows the figure to what the article never names ("tonnes
                    # of salmon"): no sentence of it can say the figure either.
                    return self.confidence.unanswerable(features), ruled, features
                # No fact holds the figure; a sentence may still say it in words no fact was
                # read from. Its reading stands if the confidence trusts it.
                read = self._retrieved(query, ranked, base, placement | {"rule_declined": 1.0})
                if read is not None and read[0] >= self.abstain_below:
                    return read
                return self.confidence.unanswerable(features), ruled, features
        return self._retrieved(query, ranked, base, placement)

    def _retrieved(
        self,
        query: Query,
        ranked: Sequence[Ranked],
        base: dict[str, Any],
        placement: dict[str, float],
    ) -> tuple[float, Answer, dict[str, float]] | None:
        """The best sentence's reply, with the phrase of it that answers."""
        if not ranked:
            return None
        # A figure no fact held: the sentences may date it, and not by the question's time.
        dated = bool(placement.get("rule_declined"))
        read = self._read(query, ranked, dated)
        if read is None:
            return None  # every figure read is given for another time than the one asked
        hit, phrase = read
        answer = self.composer.compose(query, self.sentences[hit.index], phrase, base)
        features = (
            retrieval_features(query, ranked, hit, phrase)
            | evidence_features(
                query, self.ranker.table.articles[self.sentences[hit.index].article]
            )
            | dict(answer.features)
            | placement
        )
        if placement.get("rule_declined"):
            features |= declined_features(features)
        return self.confidence.probability(features), answer, features

    def _relevance(self, query: Query, article: str) -> dict[str, float]:
        """The rule layer weighs an article's facts by how much of the question their
        sentences cover: the article's best few sentences, scored within the article."""
        return self.ranker.relevance(query, article, RELEVANT)

    def _read(
        self, query: Query, ranked: Sequence[Ranked], dated: bool = False
    ) -> tuple[Ranked, Phrase | None] | None:
        """The best sentence and the phrase of it that answers, if the question wants one.

        The reader reads the best few sentences; a sentence that holds a phrase fitting the
        question well can win over one the ranker put a little higher. When ``dated`` and
        the reader's best phrase of a sentence is a figure given for another time than the
        question's ("six were written in 1842" for "in 1841"), the sentence's phrases dated
        by the question's time stand in for it; None when no sentence read has one.
        """
        if query.question.kind in SENTENCE_KINDS:
            return ranked[0], None
        if query.question.kind == "description":
            for hit in ranked[:DESCRIBE]:
                found = describe(query, self.docs[hit.index])
                if found is not None:
                    return hit, self._as_phrase(query, hit, found.start, found.end)
        best: tuple[float, Ranked, Phrase | None] | None = None
        passed_over = False
        asked = asked_times(query.doc) if dated else []
        roles = owned_roles(query.doc) if query.question.kind == "person" else {}
        for hit in ranked[:READ]:
            doc = self.docs[hit.index]
            # "shipyard" for "What's the name of the shipyard ...?" tells nothing
            phrases = [
                p
                for p in self.reader.read(query, doc)
                if not says_nothing_new(query.question, p.text)
                and not titled_by_another(roles, doc, p.start, p.end)
            ]
            # "Rovers manager Helen Castell" is read down to the question's own "Castell"
            while phrases and says_nothing_new(
                query.question, narrowed(query, doc, phrases[0]).text
            ):
                phrases.pop(0)
            if asked and phrases and other_time(asked, doc, phrases[0].start, phrases[0].end):
                # Another figure of the sentence may be given for the time asked about, but
                # not one the sentence leaves undated ("expects about 90 a day").
                phrases = [p for p in phrases if dated_as_asked(asked, doc, p.start, p.end)]
                if not phrases:
                    passed_over = True
                    continue
            phrases = finer_than_year(query, doc, phrases)
            phrase = phrases[0] if phrases else None
            speaker = self._speaker_phrase(query, hit)
            if speaker is not None and (phrase is None or speaker.score > phrase.score):
                phrase = speaker
            joint = hit.score + PHRASE_WEIGHT * (phrase.score if phrase else NO_PHRASE)
            if best is None or joint > best[0]:
                best = (joint, hit, phrase)
        if best is None:
            return None if passed_over else (ranked[0], None)
        _, hit, phrase = best
        return hit, narrowed(query, self.docs[hit.index], phrase) if phrase else None

    def _as_phrase(self, query: Query, hit: Ranked, start: int, end: int) -> Phrase:
        """The tokens ``start:end`` of the hit as a phrase the reader rates: its own rating
        when it is one of the reader's candidates, else that of the reader's best."""
        phrases = self.reader.read(query, self.docs[hit.index])
        same = next((p for p in phrases if (p.start, p.end) == (start, end)), phrases[0])
        moved = same.spanning(self.docs[hit.index], start, end)
        return replace(moved, features={**same.features, "described": 1.0})

    def _speaker_phrase(self, query: Query, hit: Ranked) -> Phrase | None:
        """For "who" questions, the speaker of a quoted sentence, as the reader rates the
        speaker's name where the quotation names them (often the next sentence)."""
        attribution = self.quotes.get(self.sentences[hit.index].id)
        if attribution is None or query.question.kind != "person":
            return None
        doc = self.docs[self.position[attribution.sentence_id]]
        return next(
            (p for p in self.reader.read(query, doc) if p.text == attribution.speaker), None
        )

    def _judged(
        self, answer: Answer, features: dict[str, float], ids: tuple[str, ...], base: dict[str, Any]
    ) -> Answer:
        """``answer`` with its fitted confidence, or an abstention when that is too low.

        Confidence is always in the reply given: for an answer, that it is right; for an
        abstention, that no answer found would have been right (one less the best answer's).
        """
        if not answer.answered:  # the rule layer's own "the articles don't say"
            p = self.confidence.unanswerable(features)
            return replace(answer, confidence=round(p, 4), ranked=ids, features=features, **base)
        p = self.confidence.probability(features)
        if p < self.abstain_below:
            return Answer(
                NOT_FOUND,
                False,
                "none",
                round(1.0 - p, 4),
                ranked=ids,
                features=features,
                **base,
            )
        return replace(answer, confidence=round(p, 4), ranked=ids, features=features, **base)
