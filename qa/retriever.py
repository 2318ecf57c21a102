"""Rank sentences for a question: BM25 over sentences and over passages, plus term coverage.

A sentence's score mixes its own BM25 score with the best score of a passage around it
(both scaled by the query's top score), so a sentence that says "the company" is still found
when its neighbour names the company. Coverage is the share of the question's information
(its terms weighted by idf) that the sentence or its passage contains: the signal the
answerer uses to decide whether the articles answer the question at all.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .analysis import STOP_WORDS, SYNONYMS, Token, proper_words, stem, tokens
from .bm25 import BM25Index
from .mending import Mender
from .spelling import Speller
from .types import Passage, Sentence

# Words that shape a question without naming what it is about.
QUESTION_FILLER = frozenset(
    stem(w)
    for w in """name named called kind type sort happen happened mean means number amount
    exactly actually article articles story text report mentioned mention according
    currently current now do does did get got go went make made give given thing things
    anything something someone somebody anyone way ways whole lot lots mid early late
    member members belong belongs""".split()
)

SENTENCE_WEIGHT = 1.0
PASSAGE_WEIGHT = 0.35
SYNONYM_MATCH = 0.75  # a synonym in the sentence covers a question term this much
CONTEXT_MATCH = 0.5  # a term found only in a neighbouring sentence of the passage


@dataclass(frozen=True)
class Hit:
    """A ranked sentence: its position, retrieval score (0..1) and term coverage (0..1)."""

    index: int
    score: float
    coverage: float
    matched: frozenset[str]  # question terms found in the sentence itself


class Retriever:
    """BM25 indexes over sentences and passages, built once."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        passages: Sequence[Passage],
        variant: str = "bm25plus",
        k1: float = 1.5,
        b: float = 0.75,
        titles: Mapping[str, str] | None = None,
    ) -> None:
        self.sentences = list(sentences)
        # An article's title is context for each of its passages and sentences: encyclopedia
        # text says "He developed ..." in an article titled with the name.
        title_terms = {a: [t.term for t in tokens(title)] for a, title in (titles or {}).items()}
        self.passages = list(passages)
        self.sentence_tokens: list[list[Token]] = [tokens(s.text) for s in self.sentences]
        self.sentence_terms = [frozenset(t.term for t in ts) for ts in self.sentence_tokens]
        self.sentence_index = BM25Index(
            [[t.term for t in ts] for ts in self.sentence_tokens], variant, k1, b
        )
        position = {s.id: i for i, s in enumerate(self.sentences)}
        self.passage_index = BM25Index(
            [
                [t.term for t in tokens(p.text)] + title_terms.get(p.article, [])
                for p in self.passages
            ],
            variant,
            k1,
            b,
        )
        # Each article as one text (its title and every sentence), to say which articles a
        # question is about by the words that set one article apart from the others.
        self.articles: list[str] = list(dict.fromkeys(s.article for s in self.sentences))
        place = {a: k for k, a in enumerate(self.articles)}
        self.article_of = np.array([place[s.article] for s in self.sentences], dtype=np.int64)
        article_terms = {a: list(title_terms.get(a, [])) for a in self.articles}
        for s, ts in zip(self.sentences, self.sentence_tokens, strict=True):
            article_terms[s.article].extend(t.term for t in ts)
        self.article_index = BM25Index([article_terms[a] for a in self.articles], variant, k1, b)
        self.passages_of: list[list[int]] = [[] for _ in self.sentences]
        self.context_terms: list[frozenset[str]] = [frozenset()] * len(self.sentences)
        for pi, p in enumerate(self.passages):
            members = [position[sid] for sid in p.sentence_ids if sid in position]
            terms = frozenset().union(*(self.sentence_terms[m] for m in members))
            for m in members:
                self.passages_of[m].append(pi)
                self.context_terms[m] = self.context_terms[m] | terms
        for i, sentence in enumerate(self.sentences):
            self.context_terms[i] = self.context_terms[i] | frozenset(
                title_terms.get(sentence.article, ())
            )
        # Passages around each sentence as a padded array; -1 points at a zero score.
        width = max((len(ps) for ps in self.passages_of), default=0) or 1
        self._around = np.full((len(self.sentences), width), -1, dtype=np.int64)
        for i, ps in enumerate(self.passages_of):
            self._around[i, : len(ps)] = ps
        # Document frequency over sentences, for coverage weights (unknown terms weigh most).
        df: dict[str, int] = {}
        for terms in self.sentence_terms:
            for t in terms:
                df[t] = df.get(t, 0) + 1
        n = max(len(self.sentences), 1)
        self._idf = {t: math.log((n + 1) / c) + 0.1 for t, c in df.items()}
        self._unknown_idf = math.log(n + 1) + 0.1  # as rare as the rarest known term
        # The articles' words, for correcting a misspelt question word (in reading order).
        self._term_of: dict[str, str] = {}
        for ts in self.sentence_tokens:
            for tok in ts:
                w = tok.surface.lower()
                if w.isalpha():
                    self._term_of.setdefault(w, tok.term)
        self.speller = Speller(self._term_of)
        self._mender = Mender(
            self.speller, self._term_of, self._idf, proper_words(self.sentences), QUESTION_FILLER
        )
        self._menders: dict[str, Mender] = {}

    def weight(self, term: str) -> float:
        """How much a question term says: its idf over sentences, highest for unknown terms."""
        return self._idf.get(term, self._unknown_idf)

    def mender(self, article: str | None = None) -> Mender:
        """Mends questions against the words of ``article``, or of every article."""
        if article is None:
            return self._mender
        if article not in self._menders:
            positions = [i for i, s in enumerate(self.sentences) if s.article == article]
            words = {
                t.surface.lower()
                for i in positions
                for t in self.sentence_tokens[i]
                if t.surface.isalpha()
            }
            known = {t for i in positions for t in self.sentence_terms[i]}
            proper = proper_words([self.sentences[i] for i in positions])
            texts = [self.sentences[i].text for i in positions]
            self._menders[article] = Mender(
                self.speller, self._term_of, known, proper, QUESTION_FILLER, words, texts
            )
        return self._menders[article]

    def knows(self, term: str) -> bool:
        return term in self._idf

    def content_terms(self, question_tokens: Sequence[Token]) -> list[str]:
        """The question's terms that carry its meaning (no fillers), in order, unique."""
        seen: dict[str, None] = {}
        for t in question_tokens:
            if t.term not in QUESTION_FILLER and t.term not in STOP_WORDS:
                seen.setdefault(t.term, None)
        return list(seen)

    def match(self, i: int, term: str) -> float:
        """How well sentence ``i`` contains ``term``: itself 1, a synonym or only a
        neighbouring sentence less, absent 0."""
        own = self.sentence_terms[i]
        if term in own:
            return 1.0
        if SYNONYMS.get(term, frozenset()) & own:
            return SYNONYM_MATCH
        return CONTEXT_MATCH if term in self.context_terms[i] else 0.0

    def coverage(self, i: int, terms: Sequence[str], optional: Collection[str] = ()) -> float:
        """Share of the question's weight that sentence ``i`` covers; ``optional`` terms
        count only when found (the kind of answer asked for: "which *scientist* ...")."""
        total = got = 0.0
        for t in terms:
            m = self.match(i, t)
            if m == 0.0 and t in optional:
                continue
            w = self.weight(t)
            total += w
            got += w * m
        return got / total if total else 0.0

    def scores(self, query: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray]:
        """BM25 scores of every sentence for a weighted ``query``, and of the best passage
        around each, above the score of a text with none of its words: BM25+ gives every
        text a share for every query term, which would make scores of texts that match one
        word and texts that match all of them look alike once divided by the best."""
        s_scores = self.sentence_index.get_scores(query) - self.sentence_index.floor(query)
        p_scores = self.passage_index.get_scores(query) - self.passage_index.floor(query)
        p_scores = np.append(p_scores, 0.0)
        return s_scores, p_scores[self._around].max(axis=1)

    def article_scores(self, query: Mapping[str, float]) -> np.ndarray:
        """BM25 scores of every article (in :attr:`articles` order) as one text, above the
        score of a text with none of the query's words."""
        return self.article_index.get_scores(query) - self.article_index.floor(query)

    def rank(
        self,
        query: Mapping[str, float],
        terms: Sequence[str],
        k: int = 5,
        optional: Collection[str] = (),
    ) -> list[Hit]:
        """The ``k`` best sentences for a weighted ``query``, best first."""
        if not self.sentences:
            return []
        s_scores = self.sentence_index.get_scores(query)
        p_scores = np.append(self.passage_index.get_scores(query), 0.0)
        s_top = float(s_scores.max()) or 1.0
        p_top = float(p_scores.max()) or 1.0
        context = p_scores[self._around].max(axis=1)
        combined = (SENTENCE_WEIGHT * s_scores / s_top + PASSAGE_WEIGHT * context / p_top) / (
            SENTENCE_WEIGHT + PASSAGE_WEIGHT
        )
        n = min(len(combined), k * 3)
        top = np.argpartition(-combined, n - 1)[:n] if n < len(combined) else np.arange(n)
        out = []
        for i in top.tolist():
            cov = self.coverage(i, terms, optional)
            score = float(combined[i])
            out.append(Hit(i, score, cov, frozenset(terms) & self.sentence_terms[i]))
        # Coverage says whether the sentence is about the question; BM25 breaks ties.
        out.sort(key=lambda h: (-(0.6 * h.coverage + 0.4 * h.score), h.index))
        return out[:k]
