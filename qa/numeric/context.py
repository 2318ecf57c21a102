"""The words that go with a number in its sentence: its phrase, read from the parse.

A sentence may give several figures ("The bridge is 2,460 metres long, with a main span
of 540 metres"); each is about the words nearest it in the tree, not about every word of
the sentence. A number's context is its own subtree, the path up to the verb of its
clause, and that verb's other dependents (its subject, objects, adverbials), less what
belongs to another figure: a dependent holding another number is left out, unless that
number only counts or measures the dependent's head ("Its two towers rise 148 metres":
"towers" goes with 148 too, "two" does not; "build a wing of 80 beds, with an investment
of ...": the wing goes with the investment).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

_CLAUSE_HEADS = frozenset(("VERB", "AUX"))
# Verbs whose "to" clause is planned or expected: "is due to open", "plans to build".
_PLANNING = frozenset("expect plan aim intend hope set due schedule forecast project".split())


def span_root(doc: Doc, start: int, end: int) -> Token | None:
    """The token of characters ``start``..``end`` whose head lies outside them."""
    inside = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    ids = {t.i for t in inside}
    for t in inside:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return None


def number_context(
    doc: Doc, start: int, end: int, others: Sequence[tuple[int, int]]
) -> list[Token]:
    """The tokens that go with the number at characters ``start``..``end`` of ``doc``,
    in order; ``others`` are the character spans of the sentence's other figures."""
    root = span_root(doc, start, end)
    if root is None:
        return []
    other_tokens = {t.i for s, e in others for t in doc if t.idx < e and t.idx + len(t.text) > s}
    # A figure whose phrase holds this one ("3.9 billion, of which 2.6 billion ...") is not
    # left out with its phrase.
    ancestors = {a.i for a in root.ancestors}
    other_roots = [
        r for s, e in others if (r := span_root(doc, s, e)) is not None and r.i not in ancestors
    ]
    kept: set[int] = {root.i}
    for child in root.children:
        _add(kept, _dependent(child, other_tokens, other_roots))
    node = root
    while node.head.i != node.i and node.pos_ not in _CLAUSE_HEADS:
        came_from, node = node, node.head
        kept.add(node.i)
        for child in node.children:
            if child.i == came_from.i:
                continue
            _add(kept, _dependent(child, other_tokens, other_roots))
    return [doc[i] for i in sorted(kept - other_tokens)]


def clause_head(doc: Doc, start: int, end: int) -> Token | None:
    """The verb of the clause the number at ``start``..``end`` is in (or the sentence's
    root when no verb governs it)."""
    node = span_root(doc, start, end)
    while node is not None and node.head.i != node.i and node.pos_ not in _CLAUSE_HEADS:
        node = node.head
    return node


def is_future(verb: Token) -> bool:
    """Whether a clause speaks of what will be: "will"/"shall" on its verb, or on a verb it
    depends on ("It will add X, taking the total to Y": Y is future too), or "to" after a
    verb of planning or expecting ("is due to open", "expects the number to pass")."""
    node: Token | None = verb
    while node is not None:
        if any(c.tag_ == "MD" and c.lower_ in ("will", "shall", "'ll") for c in node.children):
            return True
        planned = node.dep_ == "xcomp" or any(c.lower_ == "to" for c in node.children)
        if planned and node.dep_ in ("xcomp", "ccomp") and node.head.lemma_ in _PLANNING:
            return True
        if node.dep_ in ("advcl", "xcomp", "conj", "ccomp") and node.head.i != node.i:
            node = node.head
        else:
            node = None
    return False


def clause_times(verb: Token, dates: Sequence[Token]) -> list[Token]:
    """Of the date tokens ``dates``, those of the clause of ``verb``: reached from it through
    nouns and prepositions only ("its revenue for the first half of 2023 rose ..."), not
    through another verb ("before demolition began in June 2022")."""
    out = []
    for d in dates:
        node = d
        while node.i != verb.i and node.head.i != node.i and node.head.pos_ not in _CLAUSE_HEADS:
            node = node.head
        if node.head.i == verb.i or node.i == verb.i:
            out.append(d)
    return out


def _dependent(child: Token, other_tokens: set[int], other_roots: list[Token]) -> list[Token]:
    """A dependent's tokens that go with the number: all of them, none when it holds
    another figure, or all but that figure when the figure only counts its head."""
    inside = {t.i for t in child.subtree}
    if not inside & other_tokens:
        return list(child.subtree)
    # "112 of its 300 houses": the figure that counts the noun after "of" leaves the noun
    # to this number too
    partitive = child.dep_ == "prep" and child.lower_ == "of"
    counting = [r for r in other_roots if _measures(r, child)] + [
        r
        for r in other_roots
        if partitive and r.dep_ == "nummod" and r.head.dep_ == "pobj" and r.head.head.i == child.i
    ]
    measured = {t.i for r in counting for t in (r.head.subtree if r.dep_ == "pobj" else r.subtree)}
    if counting and not (inside - measured) & other_tokens:
        return [t for t in child.subtree if t.i not in measured]
    return []


def _measures(figure: Token, head: Token) -> bool:
    """Whether ``figure`` only counts or measures ``head``: "two towers", "a wing of 80
    beds"."""
    if figure.head.i == head.i and figure.dep_ == "nummod":
        return True
    prep = figure.head
    return figure.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i == head.i


def _without(tokens: Iterable[Token], roots: Sequence[Token]) -> list[Token]:
    drop = {t.i for r in roots for t in r.subtree}
    return [t for t in tokens if t.i not in drop]


def _add(kept: set[int], tokens: Iterable[Token]) -> None:
    kept.update(t.i for t in tokens)
