"""What a text says someone or something is: the answer to "Who is X?" / "What is X?".

The parse says it two ways: X as the subject of "be" with an attribute ("Li is an
academician of ..."), or a phrase in apposition to X ("Zheng Peiduo, chairman of Uren
Biotech, said ..."). The description is that attribute or apposition, whole.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..reading.query import Query

_NAME_DEPS = frozenset({"compound", "flat", "appos"})


def describe(query: Query, doc: Doc) -> Span | None:
    """The phrase of ``doc`` that says what the question's name is, if the sentence says."""
    for t in doc:
        if not _is_the_name(query, t):
            continue
        head = t.head
        if t.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
            attr = next((c for c in head.children if c.dep_ in ("attr", "acomp")), None)
            if attr is not None:
                return _whole(doc, attr)
        appos = next((c for c in t.children if c.dep_ == "appos"), None)
        if appos is not None and not _is_the_name(query, appos):
            return _whole(doc, appos)
        if t.dep_ == "appos" and not _is_the_name(query, head):
            return _whole(doc, head)
    return None


def _is_the_name(query: Query, t: Token) -> bool:
    """Is ``t`` the head word of a name the question asks about ("Li" of "Li Xiaokun")?"""
    if t.pos_ != "PROPN" or not query.matches(t):
        return False
    return t.dep_ not in _NAME_DEPS or t.dep_ == "appos"


def _whole(doc: Doc, t: Token) -> Span:
    """``t``'s phrase: its subtree, without a trailing clause or punctuation."""
    end = t.i + 1
    for c in t.rights:
        if c.dep_ in ("relcl", "acl", "punct", "advcl") or c.text in (",", ";"):
            break
        end = c.right_edge.i + 1
    return doc[t.left_edge.i : end]
