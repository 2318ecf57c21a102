"""What the ranker knows of every sentence and article, computed once when indexing.

Everything a sentence is scored by is counted within its own article: how often a word
occurs in the article's sentences, their lengths, its lemmas' rarity. An answer about one
article therefore never depends on which other articles are loaded with it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..analysis import tokens
from ..quotes import Attribution
from ..reading.query import tree_edges
from ..reading.words import fold, is_content, keys, lemma
from ..types import Sentence


@dataclass(frozen=True)
class ArticleStats:
    """One article's sentences (positions in the engine's list) and word counts."""

    sentences: tuple[int, ...]
    term_counts: Sequence[Counter[str]]  # per sentence: index term -> occurrences
    lengths: Sequence[int]  # per sentence: index terms
    term_df: Mapping[str, int]  # index term -> sentences that have it
    postings: Mapping[str, tuple[tuple[int, int], ...]]  # term -> (sentence offset, count)
    lemma_df: Mapping[str, int]  # lemma -> sentences that have it
    paragraph_terms: Mapping[int, frozenset[str]]  # paragraph number -> its index terms
    title: frozenset[str]  # the title's index terms
    words: frozenset[str]  # every word of the article, folded

    @property
    def size(self) -> int:
        return len(self.sentences)

    def idf(self, term: str) -> float:
        """BM25+'s idf within the article; a term it lacks is as rare as can be."""
        return math.log((self.size + 1) / max(self.term_df.get(term, 0), 0.5))

    def lemma_idf(self, word: str) -> float:
        return math.log((self.size + 1) / max(self.lemma_df.get(word, 0), 0.5))


@dataclass(frozen=True)
class SentenceTable:
    """Per sentence: its words' lemmas and stems, its entities, the word pairs its tree
    links, what it says something is; per article, :class:`ArticleStats`."""

    keys: Sequence[frozenset[str]]  # content lemmas and stems
    lemmas: Sequence[frozenset[str]]  # every lemma
    words: Sequence[frozenset[str]]  # every word, folded
    entities: Sequence[tuple[tuple[str, frozenset[str]], ...]]  # (label, folded words)
    edges: Sequence[frozenset[frozenset[str]]]
    paragraph: Sequence[tuple[str, int]]
    article: Sequence[str]
    ids: Sequence[str]  # each sentence's id
    offset: Sequence[int]  # position of each sentence within its article
    articles: Mapping[str, ArticleStats]
    defines: Sequence[frozenset[str]]  # lemmas of what the sentence says something is
    names: Sequence[frozenset[str]]  # proper nouns, folded: names the recogniser may miss

    @classmethod
    def build(
        cls,
        sentences: Sequence[Sentence],
        docs: Sequence[Doc],
        titles: Mapping[str, str],
        terms: Sequence[Sequence[str]],
        quotes: Mapping[str, Attribution] | None = None,
    ) -> SentenceTable:
        """``quotes``: the speaker of each quoted sentence; a sentence of a quotation whose
        speaker is named in another sentence holds that name too, as the reader answers a
        "who said" question with it."""
        lemmas = [frozenset(lemma(t) for t in d if not t.is_punct) for d in docs]
        words = [frozenset(fold(t.text) for t in d) for d in docs]
        members: dict[str, list[int]] = {}
        for i, s in enumerate(sentences):
            members.setdefault(s.article, []).append(i)
        offset = [0] * len(sentences)
        articles = {}
        for article, positions in members.items():
            for k, i in enumerate(positions):
                offset[i] = k
            counts = [Counter(terms[i]) for i in positions]
            term_df: Counter[str] = Counter()
            lemma_df: Counter[str] = Counter()
            for i, c in zip(positions, counts, strict=True):
                term_df.update(c.keys())
                lemma_df.update(lemmas[i])
            postings: dict[str, list[tuple[int, int]]] = {}
            for k, c in enumerate(counts):
                for term, n in c.items():
                    postings.setdefault(term, []).append((k, n))
            paragraphs: dict[int, set[str]] = {}
            for i, c in zip(positions, counts, strict=True):
                paragraphs.setdefault(sentences[i].paragraph, set()).update(c)
            articles[article] = ArticleStats(
                sentences=tuple(positions),
                term_counts=counts,
                postings={t: tuple(p) for t, p in postings.items()},
                paragraph_terms={n: frozenset(t) for n, t in paragraphs.items()},
                lengths=[sum(c.values()) for c in counts],
                term_df=term_df,
                lemma_df=lemma_df,
                title=frozenset(t.term for t in tokens(titles.get(article, ""))),
                words=frozenset().union(*(words[i] for i in positions)),
            )
        entities = [
            tuple((e.label_, frozenset(fold(t.text) for t in e)) for e in d.ents) for d in docs
        ]
        names = [frozenset(fold(t.text) for t in d if t.pos_ == "PROPN") for d in docs]
        position = {s.id: i for i, s in enumerate(sentences)}
        for sid, said in (quotes or {}).items():
            quoted, naming = position.get(sid), position.get(said.sentence_id)
            if quoted is None or naming is None or quoted == naming:
                continue
            speaker = frozenset(fold(w) for w in said.speaker.split())
            entities[quoted] += tuple(e for e in entities[naming] if e[1] == speaker)
            names[quoted] = names[quoted] | (names[naming] & speaker)
        return cls(
            keys=[frozenset(k for t in d if is_content(t) for k in keys(t)) for d in docs],
            lemmas=lemmas,
            words=words,
            entities=entities,
            edges=[tree_edges(d) for d in docs],
            paragraph=[(s.article, s.paragraph) for s in sentences],
            article=[s.article for s in sentences],
            ids=[s.id for s in sentences],
            offset=offset,
            articles=articles,
            defines=[_defined(d) for d in docs],
            names=names,
        )

    def neighbours(self, i: int) -> list[int]:
        """The sentences just before and after ``i`` in its article."""
        return [
            j
            for j in (i - 1, i + 1)
            if 0 <= j < len(self.article) and self.article[j] == self.article[i]
        ]


def _defined(doc: Doc) -> frozenset[str]:
    """The subjects a sentence says what they are ("Li is an academician ...", "X, a
    chemist, ..."): the nsubj of a copula with an attribute, and heads of appositions."""
    out: set[str] = set()
    for t in doc:
        if t.lemma_ == "be" and any(c.dep_ == "attr" for c in t.children):
            out.update(lemma(c) for c in t.children if c.dep_ == "nsubj")
        if t.dep_ == "appos":
            out.add(lemma(t.head))
    return frozenset(out)
