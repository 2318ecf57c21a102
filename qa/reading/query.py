"""A question prepared for matching: its reading plus the forms its words are matched by."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token

from .paths import path
from .question import WH_TAGS, Question
from .question import read as read_question
from .words import FUNCTION_POS, fold, is_content, keys, lemma

_LIGHT_VERBS = frozenset({"be", "do", "have"})


@dataclass(frozen=True)
class Query:
    """What later stages match a question on, computed once per question."""

    question: Question
    terms: tuple[str, ...]  # the analyser's index terms (BM25's vocabulary), corrected
    content: tuple[Token, ...]  # the question's content words, outside the wh-phrase
    keys: frozenset[str]  # their lemmas and stems
    words: frozenset[str]  # every word of the question, folded
    lemmas: tuple[str, ...]  # content lemmas in order
    edges: frozenset[frozenset[str]]  # content words linked in the question's tree
    numbers: tuple[str, ...]  # numbers as written

    @property
    def doc(self) -> Doc:
        return self.question.doc

    @cached_property
    def gap_paths(self) -> dict[str, str]:
        """For each content word's lemma and stem, the path to it from the wh-phrase in the
        question's tree: where the answer should stand relative to that word."""
        gap = self.question.gap
        out: dict[str, str] = {}
        if gap is None:
            return out
        for t in self.content:
            found = path(gap, t)
            if found is not None:
                for key in keys(t):
                    out.setdefault(key, found)
        return out

    def matches(self, token: Token) -> bool:
        """Is ``token`` (of a sentence) one of the question's content words?"""
        lem, st = keys(token)
        return lem in self.keys or st in self.keys


def prepare(doc: Doc, terms: tuple[str, ...]) -> Query:
    """The :class:`Query` for a parsed question and its analysed ``terms``."""
    question = read_question(doc)
    content = tuple(question.content())
    found: set[str] = set()
    for t in content:
        found.update(keys(t))
    return Query(
        question=question,
        terms=terms,
        content=content,
        keys=frozenset(found),
        words=frozenset(fold(t.text) for t in doc),
        lemmas=tuple(lemma(t) for t in content),
        edges=frozenset(e for e in (tree_edges(doc, skip_wh=True)) if not (e & _LIGHT_VERBS)),
        numbers=tuple(t.text for t in doc if t.like_num),
    )


def _content_ancestor(token: Token) -> Token | None:
    """The nearest head above ``token`` that is a content word (over "of", "the", ...)."""
    head = token.head
    while head.pos_ in FUNCTION_POS and head.head != head:
        head = head.head
    return None if head == token or head.pos_ in FUNCTION_POS else head


def tree_edges(doc: Doc, skip_wh: bool = False, reach: int = 2) -> frozenset[frozenset[str]]:
    """Pairs of content lemmas linked in the tree, over function words, up to ``reach``
    content heads up: "the tombstone of Chopin" links tombstone and Chopin."""
    out: set[frozenset[str]] = set()
    for t in doc:
        if not is_content(t) or (skip_wh and t.tag_ in WH_TAGS):
            continue
        head: Token | None = t
        for _ in range(reach):
            head = _content_ancestor(head) if head is not None else None
            if head is None:
                break
            if lemma(head) != lemma(t):
                out.add(frozenset((lemma(t), lemma(head))))
    return frozenset(out)
