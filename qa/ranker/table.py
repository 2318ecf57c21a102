"""What the ranker knows of every sentence, computed once when the articles are indexed."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..analysis import tokens
from ..reading.query import tree_edges
from ..reading.words import fold, is_content, keys, lemma
from ..types import Sentence


@dataclass(frozen=True)
class SentenceTable:
    """Per sentence: its words' lemmas and stems, its entities, the word pairs its tree
    links; per article, how common each index term is in it."""

    keys: Sequence[frozenset[str]]  # content lemmas and stems
    lemmas: Sequence[frozenset[str]]  # every lemma
    words: Sequence[frozenset[str]]  # every word, folded
    entities: Sequence[tuple[tuple[str, frozenset[str]], ...]]  # (label, folded words)
    edges: Sequence[frozenset[frozenset[str]]]
    paragraph: Sequence[tuple[str, int]]
    article: Sequence[str]
    lemma_idf: Mapping[str, float]
    unknown_idf: float
    article_df: Mapping[str, Mapping[str, int]]  # article -> index term -> sentences with it
    article_size: Mapping[str, int]
    titles: Mapping[str, frozenset[str]]  # article -> its title's index terms
    paragraph_terms: Mapping[tuple[str, int], frozenset[str]]  # index terms of a paragraph
    defines: Sequence[frozenset[str]]  # lemmas of what the sentence says something is

    @classmethod
    def build(
        cls,
        sentences: Sequence[Sentence],
        docs: Sequence[Doc],
        titles: Mapping[str, str],
        terms: Sequence[frozenset[str]],
    ) -> SentenceTable:
        lemmas = [frozenset(lemma(t) for t in d if not t.is_punct) for d in docs]
        df: Counter[str] = Counter()
        for ls in lemmas:
            df.update(ls)
        n = max(len(docs), 1)
        article_df: dict[str, Counter[str]] = {}
        paragraphs: dict[tuple[str, int], set[str]] = {}
        for s, ts in zip(sentences, terms, strict=True):
            article_df.setdefault(s.article, Counter()).update(ts)
            paragraphs.setdefault((s.article, s.paragraph), set()).update(ts)
        return cls(
            keys=[frozenset(k for t in d if is_content(t) for k in keys(t)) for d in docs],
            lemmas=lemmas,
            words=[frozenset(fold(t.text) for t in d) for d in docs],
            entities=[
                tuple((e.label_, frozenset(fold(t.text) for t in e)) for e in d.ents) for d in docs
            ],
            edges=[tree_edges(d) for d in docs],
            paragraph=[(s.article, s.paragraph) for s in sentences],
            article=[s.article for s in sentences],
            lemma_idf={w: math.log((n + 1) / c) for w, c in df.items()},
            unknown_idf=math.log(n + 1),
            article_df=article_df,
            article_size=Counter(s.article for s in sentences),
            titles={a: frozenset(t.term for t in tokens(title)) for a, title in titles.items()},
            paragraph_terms={k: frozenset(v) for k, v in paragraphs.items()},
            defines=[_defined(d) for d in docs],
        )

    def neighbours(self, i: int) -> list[int]:
        """The sentences just before and after ``i`` in its article."""
        return [
            j
            for j in (i - 1, i + 1)
            if 0 <= j < len(self.article) and self.article[j] == self.article[i]
        ]

    def idf(self, word: str) -> float:
        return self.lemma_idf.get(word, self.unknown_idf)

    def article_idf(self, article: str, term: str) -> float:
        """How rare ``term`` is within one article: a word of its title is everywhere in it."""
        size = self.article_size.get(article, 0)
        return math.log((size + 1) / (self.article_df.get(article, {}).get(term, 0) + 0.5))


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
