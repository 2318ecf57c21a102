"""One sentence being read: its text, parse and drafts, and who its mentions refer to.

Every step of the reading (:mod:`.measures`, :mod:`.parts`, :mod:`.changes`, :mod:`.times`)
works on a :class:`SentenceContext`; :meth:`SentenceContext.refer` turns a noun of the parse
into the label a fact's owner carries, with pronouns and definite descriptions resolved.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..lexicon.measure_nouns import GROUP_NOUNS, MEASURE_NOUNS
from ..lexicon.measure_verbs import NAMING_VERBS
from ..reading.names import VALUE_LABELS
from . import tree
from .mentions import PRONOUNS, REPORTING, Discourse
from .model import Draft

_POSSESSIVES = frozenset(w for w in PRONOUNS if w in ("its", "their", "his", "her"))


@dataclass
class SentenceContext:
    """A sentence's text, its parse, its drafts and the discourse it continues."""

    text: str
    doc: Doc
    drafts: list[Draft]
    discourse: Discourse
    article_date: str | None
    amount_tokens: frozenset[int] = field(default=frozenset())
    subject_token: Token | None = None
    subject: str | None = None  # the main subject, resolved; None for a pronoun's sentence

    def __post_init__(self) -> None:
        self.amount_tokens = frozenset(t.i for d in self.drafts for t in d.span)
        self.subject_token = tree.main_subject(self.doc, REPORTING)

    # -- drafts ---------------------------------------------------------------------------

    def primary(self) -> Iterator[tuple[int, Draft]]:
        """The drafts that are amounts of their own (no date, no bracketed equivalent)."""
        return ((i, d) for i, d in enumerate(self.drafts) if not d.is_date and d.primary)

    def index(self, d: Draft) -> int:
        return next(i for i, x in enumerate(self.drafts) if x is d)

    # -- mentions -------------------------------------------------------------------------

    def refer(self, tok: Token | None, aside: frozenset[int] = frozenset()) -> str | None:
        """The label of what ``tok`` names: a pronoun's referent, the name a definite
        description stands for, or its noun phrase ("its bus fleet" with "its" resolved:
        "Arnholt's bus fleet") without the tokens ``aside``."""
        if tok is None:
            return None
        if tok.lower_ in PRONOUNS and tok.pos_ in ("PRON", "DET"):
            return self.discourse.pronoun(tok.lower_, *self._subjects_before(tok, tok.lower_))
        name = self.discourse.describes(tok)
        if name is not None:
            return name
        if tok.pos_ not in ("PROPN",) and not tok.ent_type_:
            named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if named is not None and _next_to(tok, named):
                return self.refer(named)  # "the longest, the Coast Line, runs ..."
        text = tree.phrase(tok, self.amount_tokens | aside, NAMING_VERBS)
        return self.resolve_possessive(text, tok) or None

    def refer_subject(self, subject: Token) -> str | None:
        """Whose a clause's figures are, from its subject: a measure's own owner ("Lumo
        sales rose": Lumo); a bare measure ("Revenue rose") leaves it to the sentences
        before."""
        if self.is_measure_noun(subject) and not self.is_bare_measure(subject):
            owner = self.noun_owner(subject)
            if owner is not None:
                return owner
        if self.is_bare_measure(subject):
            return self.discourse.subject
        return self.refer(subject)

    def noun_owner(self, noun: Token) -> str | None:
        """Whose a measure noun is: its possessor, its "of"/"in" object, whom a verb gives
        it to ("giving the farm a capacity of"), or a name that modifies it ("the Lumo market
        share")."""
        poss = tree.possessor(noun) or tree.recipient(noun)
        if poss is not None:
            return self.refer(poss)
        obj = tree.prep_object(noun, "of", "in")
        if obj is not None and obj.i not in self.amount_tokens:
            return self.refer(obj)
        name = name_modifier(noun)
        return self.refer(name) if name is not None else None

    def resolve_possessive(self, text: str, at: Token) -> str:
        """ "its water supply" → "the town's water supply"."""
        first, _, rest = text.partition(" ")
        if first.lower() not in _POSSESSIVES:
            return text
        owner = self.discourse.pronoun(first.lower(), *self._subjects_before(at, first.lower()))
        if owner is None:
            return text
        if not rest:
            return owner
        mark = "'" if owner.endswith("s") else "'s"
        return f"{owner}{mark} {rest}"

    def _subjects_before(self, tok: Token, pronoun: str) -> tuple[str | None, str | None]:
        """The last subject of this sentence before ``tok`` ("The mill has ..., and its
        output ..."; "Berg married ...; they had ..."), and the last that was a name ("After
        Odo Varn made peace ..., he moved ..."); never a plural for "it" or "its"
        ("shipyards were built ...; by 1900 its population ..." is not theirs)."""
        singular = pronoun in _SINGULAR
        subjects = [
            t
            for t in self.doc[: tok.i]
            if t.dep_ in tree.SUBJECTS
            and not (singular and t.tag_ in ("NNS", "NNPS"))
            and t.lower_ not in PRONOUNS
            and t.tag_ not in ("WDT", "WP")
            and t.i not in self.amount_tokens
            and t.lower_ != "there"
        ]
        thing = self.refer_subject(subjects[-1]) if subjects else None
        names = [
            t
            for t in subjects
            if t.pos_ == "PROPN" and not any(c.dep_ == "det" for c in t.children)
        ]
        return thing, self.refer(names[-1]) if names else None

    def is_measure_noun(self, tok: Token) -> bool:
        return tok.lemma_.lower() in MEASURE_NOUNS or tok.lower_ in MEASURE_NOUNS

    def is_bare_measure(self, tok: Token) -> bool:
        """ "Revenue", "Net income", "running costs": a measure standing as a subject, with
        no determiner or possessor, so whose it is comes from the sentences before."""
        if not (self.is_measure_noun(tok) or tok.lower_ in GROUP_NOUNS):
            return False
        return not any(c.dep_ in ("det", "poss", "prep") for c in tok.children) and (
            name_modifier(tok) is None
        )


_SINGULAR = frozenset(("it", "its", "itself"))


def name_modifier(noun: Token) -> Token | None:
    """A name that modifies a measure noun says whose it is ("the Lumo market share"); a month
    does not ("a mean January temperature")."""
    return next(
        (
            c
            for c in noun.children
            if c.dep_ in ("compound", "nmod")
            and c.pos_ == "PROPN"
            and c.ent_type_ not in VALUE_LABELS
        ),
        None,
    )


def _next_to(tok: Token, appos: Token) -> bool:
    """Whether an apposition follows its noun's own phrase, a comma at most between: the
    parser also hangs a name said later in the sentence on an earlier subject ("The company
    runs two ships on the route, the Kelpie and the Selkie")."""
    own = [t.i for t in tok.subtree if not (appos.left_edge.i <= t.i <= appos.right_edge.i)]
    return appos.left_edge.i - max(own) <= 2
