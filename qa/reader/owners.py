"""Whose title a phrase holds: "Rovers manager Claire Dawson" answers no "Who is Dunmore's
manager?", however well the rest of its sentence matches.

A question that names whose role it asks ("Dunmore's manager", "the manager of Dunmore", "the
Dunmore manager") is asked of that owner. A sentence that never names the owner, and gives
the same role to a phrase with another name as its owner, is about someone else's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..reading.words import lemma

_OWNER_DEPS = frozenset({"poss", "compound"})


Roles = dict[str, list[frozenset[str]]]


def titled_by_another(asked: Roles, doc: Doc, start: int, end: int) -> bool:
    """Whether the phrase ``start:end`` of ``doc`` holds a role the question asks of one
    owner (``asked``, by :func:`owned_roles`), given to another owner, in a sentence that
    does not name the question's."""
    if not asked:
        return False
    said = {t.lower_ for t in doc}
    if any(owner & said for owners in asked.values() for owner in owners):
        return False  # the sentence speaks of the question's owner too ("Rovers")
    return any(lemma(role) in asked and _owners(role) for role in _roles_of(doc[start:end]))


def owned_roles(question: Doc) -> Roles:
    """The question's nouns that a name owns, by lemma, with each owner's words."""
    out: Roles = {}
    for t in question:
        if t.pos_ == "NOUN":
            owners = [o for o in _owners(t) if all(w.pos_ == "PROPN" for w in o)]
            if owners:
                out.setdefault(lemma(t), []).extend(frozenset(w.lower_ for w in o) for o in owners)
    return out


def _owners(noun: Token) -> list[Span]:
    """The names that own ``noun``: before it ("Dunmore's", "the Rovers manager") or after
    "of" ("the manager of Dunmore")."""
    out = []
    for c in noun.children:
        if c.dep_ in _OWNER_DEPS and c.i < noun.i and _is_name(c):
            out.append(_name(c))
        elif c.dep_ == "prep" and c.lower_ == "of":
            out += [_name(o) for o in c.children if o.dep_ == "pobj" and _is_name(o)]
    return out


def _is_name(t: Token) -> bool:
    """A proper noun, or a capitalised word not at the sentence's start ("Finance director
    Daniel Kerrigan" is nobody's)."""
    return t.pos_ == "PROPN" or (t.text[:1].isupper() and t.i > t.sent.start)


def _name(t: Token) -> Span:
    """A name with the words compounded into it ("Dunmore City")."""
    words = [c for c in t.children if c.dep_ == "compound" and _is_name(c)] + [t]
    return t.doc[min(w.i for w in words) : t.i + 1]


def _roles_of(phrase: Span) -> list[Token]:
    """The nouns that say what a phrase's person or thing is: inside it, or before it as a
    title ("manager" of "Rovers manager Claire Dawson") or beside it in apposition."""
    root = phrase.root
    out = [t for t in phrase if t.pos_ == "NOUN"]
    out += [c for c in root.children if c.dep_ in ("compound", "appos") and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        out.append(root.head)
    return out
