"""The engine: a corpus folder in, an answerer out. Every caller (CLI, web, evaluation) uses it.

Building reads and cleans the articles, splits sentences, groups passages, indexes both with
BM25, extracts numeric facts and attributes quotes, once; :meth:`Engine.ask` then only
answers.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .analysis import expand, tokens
from .answer import Answerer
from .confidence import Confidence
from .config import Settings, parse_cache_dir
from .errors import QuestionError
from .facts import Fact, extract_facts
from .ingest import load_corpus
from .numeric import NumericAnswerer
from .passages import build_passages
from .quotes import attribute
from .ranker import Ranker
from .ranker.table import SentenceTable
from .reader import Reader
from .reading import pipeline
from .reading.parses import ParseCache, parse_texts
from .retriever import Retriever
from .sentences import split_sentences
from .types import Answer, Article, Citation, Passage, Sentence, Turn

log = logging.getLogger(__name__)

# Bounds on the work one question may cause, as multiples of ``max_question_chars``. A
# follow-up is resolved against every earlier turn it may refer to, so the history read is
# bounded in characters (older turns beyond it matter least and are left out); and a
# follow-up may grow only so much once its references are spelled out ("When did it move?"
# -> "When did Uren Biotech move?").
HISTORY_CHARS_FACTOR = 20
SPELLED_OUT_FACTOR = 2


class Engine:
    """Articles, their sentences, passages, facts and indexes, and the answerer over them."""

    def __init__(self, articles: Sequence[Article], settings: Settings | None = None) -> None:
        started = time.perf_counter()
        self.settings = settings or Settings.load()
        self.articles = list(articles)
        self.sentences: list[Sentence] = []
        self.passages: list[Passage] = []
        self.facts: list[Fact] = []
        per_article: list[tuple[Article, list[Sentence]]] = []
        for article in self.articles:
            sentences = split_sentences(article)
            per_article.append((article, sentences))
            self.sentences.extend(sentences)
            self.passages.extend(build_passages(article, sentences, self.settings.passages))
        self.nlp = pipeline.load(self.settings.spacy_model)
        parsed = parse_texts(
            self.nlp,
            [[a.title] + [s.text for s in sentences] for a, sentences in per_article],
            ParseCache(parse_cache_dir(self.settings.parse_cache)),
        )
        # One parse per sentence, aligned with ``self.sentences``, and one per title.
        self.docs = [doc for docs in parsed for doc in docs[1:]]
        self.title_docs = {a.id: docs[0] for (a, _), docs in zip(per_article, parsed, strict=True)}
        for (article, sentences), docs in zip(per_article, parsed, strict=True):
            self.facts.extend(extract_facts(article, sentences, docs[1:], docs[0]))
        quotes = {}
        for (article, sentences), docs in zip(per_article, parsed, strict=True):
            quotes.update(attribute(article, sentences, docs[1:]))
        self.retriever = Retriever(
            self.sentences,
            self.passages,
            self.settings.bm25_variant,
            self.settings.bm25_k1,
            self.settings.bm25_b,
            titles={a.id: a.title for a in self.articles},
        )
        self.table = SentenceTable.build(
            self.sentences,
            self.docs,
            {a.id: a.title for a in self.articles},
            [[t.term for t in ts] for ts in self.retriever.sentence_tokens],
            quotes,
        )
        self.answerer = Answerer(
            self.articles,
            self.sentences,
            self.docs,
            self.nlp,
            self.retriever,
            Ranker(self.retriever, self.table, k1=self.settings.bm25_k1, b=self.settings.bm25_b),
            Reader(),
            Confidence(),
            quotes,
            NumericAnswerer(
                self.facts, self.sentences, self.articles, self.nlp, self.docs, self.title_docs
            ),
            float(self.settings.abstain_below) if self.settings.abstain_below else None,
        )
        self._articles_by_id = {a.id: a for a in self.articles}
        self._cache: OrderedDict[tuple[str, tuple[Turn, ...]], Answer] = OrderedDict()
        self._cache_lock = threading.Lock()
        self.build_seconds = time.perf_counter() - started
        log.info(
            "indexed %d articles: %d sentences, %d passages, %d facts in %.0f ms",
            len(self.articles),
            len(self.sentences),
            len(self.passages),
            len(self.facts),
            self.build_seconds * 1000,
        )

    @classmethod
    def from_corpus(cls, corpus: str | Path | None = None, **overrides: Any) -> Engine:
        """Load every article in ``corpus`` (default: the ``corpus`` setting) and build.

        Raises :class:`qa.errors.CorpusError` for a missing or empty folder or a bad file.
        """
        settings = Settings.load({"corpus": corpus, **overrides})
        return cls(load_corpus(settings.corpus), settings)

    def article(self, article_id: str) -> Article | None:
        return self._articles_by_id.get(article_id)

    def sentences_of(self, article_id: str) -> list[Sentence]:
        return [s for s in self.sentences if s.article == article_id]

    def check(self, question: object, history: object = ()) -> tuple[str, list[Turn]]:
        """Validate a caller's question and history; raises :class:`QuestionError`.

        Besides each part's length, the work of answering is bounded whatever the input
        holds: only the most recent turns within :data:`HISTORY_CHARS_FACTOR` times
        ``max_question_chars`` characters are read (at least the last turn), and the question
        with its references to them spelled out may be at most :data:`SPELLED_OUT_FACTOR`
        times ``max_question_chars`` long.
        """
        if not isinstance(question, str):
            raise QuestionError("the question must be a string")
        question = " ".join(question.split())
        if not question:
            raise QuestionError("the question is empty")
        limit = self.settings.max_question_chars
        if len(question) > limit:
            raise QuestionError(f"the question is longer than {limit} characters")
        turns = _most_recent(self._turns(history), HISTORY_CHARS_FACTOR * limit)
        if turns:
            # Each "it" or "he" becomes a name from the history, so a short question can
            # grow many times over; the answering stages read the grown question.
            most = SPELLED_OUT_FACTOR * limit
            if len(self.answerer.resolve(question, turns)) > most:
                raise QuestionError(
                    "the question, with what it refers to in the history spelled out, "
                    f"is longer than {most} characters"
                )
        return question, turns

    def _turns(self, history: object) -> list[Turn]:
        """A caller's earlier turns as Turns, each checked for shape and length."""
        if history is None:
            return []
        if not isinstance(history, (list, tuple)):
            raise QuestionError("history must be a list of earlier turns")
        if len(history) > self.settings.max_history_turns:
            raise QuestionError(f"history has more than {self.settings.max_history_turns} turns")
        limit = self.settings.max_question_chars
        turns: list[Turn] = []
        for i, turn in enumerate(history):
            try:
                turns.append(turn if isinstance(turn, Turn) else Turn.sent(turn, i, limit))
            except ValueError as e:
                raise QuestionError(str(e)) from None
        return turns

    def ask(self, question: str, history: Sequence[Turn | Mapping[str, str]] = ()) -> Answer:
        """Answer ``question`` (with earlier turns, oldest first) from the articles.

        Answers depend only on the articles, the question and the history, so the most recent
        ``settings.answer_cache`` of them are kept: a question asked again (a starter question,
        a popular one) is answered without being worked out again.
        """
        question, turns = self.check(question, history)
        key = (question, tuple(turns))
        with self._cache_lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
        answer = self.answerer.ask(question, turns)
        if self.settings.answer_cache > 0:
            with self._cache_lock:
                self._cache[key] = answer
                if len(self._cache) > self.settings.answer_cache:
                    self._cache.popitem(last=False)
        return answer

    def ranked(self, question: str, k: int = 10) -> list[tuple[str, float]]:
        """Sentence ids with their BM25 scores for ``question``, best first (no rules)."""
        terms = self.retriever.content_terms(tokens(question))
        scores = self.retriever.sentence_index.top_k(expand(terms), k)
        return [(self.sentences[i].id, s) for i, s in scores]

    def baseline_ask(self, question: str) -> Answer:
        """The plain baseline: the top BM25 sentence as the answer; no rules, no abstention."""
        ranked = self.retriever.sentence_index.top_k([t.term for t in tokens(question)], 10)
        if not ranked:
            return Answer(NOT_FOUND_BASELINE, False, "none", 0.0, question=question)
        s = self.sentences[ranked[0][0]]
        return Answer(
            s.text,
            True,
            "retrieval",
            1.0,
            (Citation.of(s),),
            question=question,
            ranked=tuple(self.sentences[i].id for i, _ in ranked),
        )


def _most_recent(turns: list[Turn], budget: int) -> list[Turn]:
    """The latest turns whose questions and answers fit in ``budget`` characters (the last
    turn always), oldest first."""
    kept: list[Turn] = []
    used = 0
    for turn in reversed(turns):
        used += len(turn.question) + len(turn.answer)
        if kept and used > budget:
            break
        kept.append(turn)
    return kept[::-1]


NOT_FOUND_BASELINE = "No sentences to search."
