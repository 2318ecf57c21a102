"""What a question asks for, read from its parse.

The wh-word and the noun it governs give the kind of answer ("Which *city* ...": a place,
"How many ...": a count). The wh-phrase's place in the question's tree gives the *gap* the
answer fills: the subject or object of the question's main verb, or the object of a
preposition ("*In* what year ..."). Later stages find the sentence and the span of it that
fills that gap.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon.answer_types import LABELS, NAME_NOUNS, NOUN_KINDS, ROLE_NOUNS, WH_KINDS
from ..lexicon.time_words import BEGIN_VERBS, END_VERBS
from .words import fold, is_content, stem

WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
_AUX_LEMMAS = frozenset({"be", "do", "have"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
# Nouns of a question that asks for something a year alone does not say.
_WITHIN_YEAR = frozenset({"day", "date", "month"})


@dataclass(frozen=True)
class Question:
    """One question, read once; stages read it and never change it."""

    text: str
    doc: Doc
    wh: str  # "who", "when", "how many", "how old", ..., "" when there is none
    kind: str  # "person", "place", "date", "count", "thing", "reason", "manner", ...
    head: Token | None  # the noun the wh-word asks about: "city" in "Which city ..."
    gap: Token | None  # the wh-phrase's top token: its dep_ and head say what role it fills
    preposition: str | None  # "in" for "In what year ...": the answer's preposition
    verb: Token | None  # the main verb, not an auxiliary ("introduced", "sculpt")

    @property
    def labels(self) -> frozenset[str]:
        """Entity labels an answer of this kind carries (empty for reasons, manners, things)."""
        return LABELS.get(self.kind, frozenset())

    @property
    def gap_role(self) -> str:
        """The grammatical role the answer plays: "nsubj", "dobj", "pobj", "attr", ...

        A fronted object ("Which bridge did the city close?") is often parsed as a second
        subject; when the verb has a subject of its own, the wh-phrase is its object.
        """
        if self.gap is None:
            return ""
        role = self.gap.dep_
        if role == "nsubj" and self.verb is not None:
            subjects = [c for c in self.verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if any(c != self.gap for c in subjects):
                return "dobj"
        if role == "attr" and self.gap.head.dep_ in ("aux", "auxpass") and _wants_object(self.verb):
            return "dobj"
        return role

    def content(self) -> list[Token]:
        """The words that say what the question is about: not the wh-phrase, auxiliaries,
        punctuation or stop words."""
        skip = set(self._wh_phrase())
        return [t for t in self.doc if t.i not in skip and is_content(t)]

    def _wh_phrase(self) -> list[int]:
        out = []
        for t in self.doc:
            if t.tag_ in WH_TAGS:
                out.append(t.i)
                if t.lower_ == "how" and t.i + 1 < len(self.doc):
                    out.append(t.i + 1)
        return out


def read(doc: Doc) -> Question:
    """Read a parsed question."""
    verb = _main_verb(doc)
    wh_token = _wh_word(doc)
    if wh_token is None:
        # "Name the river ...", "List the ...": the object names the thing asked for.
        obj = None
        if verb is not None and verb.lemma_.lower() in _ASKING_VERBS:
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        head = _named_noun(obj) if obj is not None else None
        kind = (kind_of_noun(head) if head is not None else None) or "thing"
        return Question(doc.text, doc, "", kind, head, obj, None, verb)
    wh = wh_token.lower_
    after = doc[wh_token.i + 1] if wh_token.i + 1 < len(doc) else None
    if wh == "how" and after is not None and f"how {after.lower_}" in WH_KINDS:
        wh = f"how {after.lower_}"
    kind = WH_KINDS.get(wh, "thing")
    noun = _asked_noun(wh_token, wh, after)
    head = _named_noun(noun) if noun is not None else None
    if head is not None and wh in ("what", "which", "whose"):
        kind = kind_of_noun(head) or kind
    elif noun is not None and wh == "how much" and after is not None and after.head == noun:
        noun_kind = kind_of_noun(noun)
        kind = noun_kind if noun_kind in ("money", "percent") else kind
    gap = _gap(wh_token, wh, noun)
    preposition = gap.head.lemma_ if gap.dep_ in ("pobj", "pcomp") else None
    if _asks_what_a_name_is(wh_token) or _asks_a_role(head):
        kind, head = "description", None  # "Who is Ada Lovelace?": what the text says she is
    return Question(doc.text, doc, wh, kind, head, gap, preposition, verb)


def asks_for_year(q: Question) -> bool:
    """Whether the question asks for a year ("What year ...", "In which year ..."): said
    with its year alone, though the text gives the day."""
    return q.head is not None and q.head.lemma_.lower() == "year"


def asks_within_year(q: Question) -> bool:
    """Whether the question asks for a day, a date or a month ("On what date ...", "In which
    month ..."): something a year alone does not say."""
    return q.kind == "date" and q.head is not None and q.head.lemma_.lower() in _WITHIN_YEAR


_BEGIN_STEMS = frozenset(stem(v) for v in BEGIN_VERBS)
_END_STEMS = frozenset(stem(v) for v in END_VERBS)
# "take place", "take office": the verb with this object says when, not where it began.
_LIGHT_OBJECTS = frozenset({"place", "part"})
_ORDER_WORDS = {"first": "start", "earliest": "start", "last": "end", "final": "end"}


def end_asked(q: Question) -> str | None:
    """Which end of a period a "when" question asks for: "start" ("When was it founded?",
    "When did she first sing?"), "end" ("When did the war end?", "When did he die?"), or
    None for the period itself ("When did the dynasty rule?")."""
    verb = q.verb or next((t for t in q.doc if t.dep_ == "ROOT"), None)
    if verb is None:
        return None
    if verb.lemma_ in _AUX_LEMMAS:
        # "When did the war end?" is often parsed with "end" as a noun under "did" (and
        # "close" as an adjective at the root).
        words = [t for t in q.doc if not t.is_punct]
        verb = words[-1] if words else verb
    for t in q.doc:  # "When did she first sing?", "When was the last time ...?"
        if t.dep_ in ("amod", "advmod") and t.lower_ in _ORDER_WORDS:
            return _ORDER_WORDS[t.lower_]
    if any(c.lower_ in _LIGHT_OBJECTS for c in verb.rights):
        return None
    forms = {stem(fold(verb.lemma_)), stem(fold(verb.text))}
    if forms & _END_STEMS:
        return "end"
    if forms & _BEGIN_STEMS:
        return "start"
    return None


def _asks_what_a_name_is(wh_token: Token) -> bool:
    """ "Who/What is <name>?": the copula's other argument is a name and nothing more."""
    if wh_token.lower_ not in ("who", "what") or wh_token.head.lemma_ != "be":
        return False
    verb = wh_token.head
    others = [c for c in verb.children if c.dep_ in ("nsubj", "attr") and c != wh_token]
    rest = [t for t in verb.doc if not t.is_punct and t not in (wh_token, verb)]
    return (
        len(others) == 1
        and (others[0].pos_ == "PROPN" or others[0].ent_type_ != "")
        and all(t in others[0].subtree for t in rest)
    )


def _asks_a_role(head: Token | None) -> bool:
    """ "What position does <name> hold?", "What is <name>'s job?": what the text says the
    person is, as for "Who is <name>?". The person holds the job or is its subject (not "the
    album <name>", whose chart position is a number)."""
    if head is None or head.lemma_.lower() not in ROLE_NOUNS:
        return False
    if head.head.lemma_.lower() not in _HOLDING_VERBS:
        return False  # "What position did he finish in?": a place in a race
    holders = [c for c in head.children if c.dep_ == "poss"]
    holders += [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass") and c != head]
    return any(
        h.pos_ == "PROPN"
        and h.ent_type_ == "PERSON"
        # "the album Harbour Lights": a name a common noun says is a thing
        and not any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in h.children)
        for h in holders
    )


_HOLDING_VERBS = frozenset("be hold have occupy take fill do".split())
_ASKING_VERBS = frozenset("name list identify give state tell".split())


def _wh_word(doc: Doc) -> Token | None:
    """The question's wh-word; a relative pronoun ("the man *who* ...") only when there is
    no other."""
    found = [t for t in doc if t.tag_ in WH_TAGS and t.lower_ != "that"]
    asking = [t for t in found if t.head.dep_ != "relcl" and t.dep_ != "relcl"]
    chosen = asking or found
    return chosen[0] if chosen else None


def kind_of_noun(noun: Token) -> str | None:
    """The kind of answer a noun names ("city" → "place"); None for other nouns."""
    lemma = noun.lemma_.lower()
    for kind, nouns in NOUN_KINDS.items():
        if lemma in nouns:
            return kind
    return None


def _asked_noun(wh_token: Token, wh: str, after: Token | None) -> Token | None:
    """The noun the question asks about: "city" in "which city", "nights" in "how many
    nights", "river" in "what is the name of the river"."""
    noun: Token | None = None
    if wh in ("how many", "how much") and after is not None:
        noun = after.head if after.head.pos_ in _NOUN_POS else None
        if noun is None:  # "how many of the songs", "how much of its revenue"
            noun = next(
                (
                    c
                    for p in after.children
                    if p.dep_ == "prep"
                    for c in p.children
                    if c.dep_ == "pobj"
                ),
                None,
            )
    elif wh_token.dep_ in ("det", "poss") and wh_token.head.pos_ in _NOUN_POS:
        noun = wh_token.head  # "which city", "whose body"
    elif (
        wh in ("which", "what")
        and after is not None
        and after.like_num
        and after.head.i > after.i
        and after.head.pos_ in _NOUN_POS
    ):
        noun = after.head  # "which two libraries": the parser may hang "which" elsewhere
    elif wh in ("which", "what") and wh_token.dep_ == "pobj" and after is not None:
        # "In which city was she born?", parsed with "which" alone as the object of "in".
        # The noun is the last word before the verb, whatever the tagger made of it ("Into
        # which estuary does it flow?", "estuary" tagged as an adjective).
        words: list[Token] = []
        for t in wh_token.doc[after.i :]:
            if t.pos_ in ("AUX", "VERB") or len(words) == 3:
                break
            words.append(t)
        nominal = words and all(t.pos_ in _NOUN_POS or t.pos_ == "ADJ" for t in words)
        noun = words[-1] if nominal else None
    elif wh_token.dep_ in ("attr", "nsubj", "dobj") and wh_token.lower_ in ("what", "which"):
        # "What is the capital of France?": the copula's other argument names the thing.
        verb = wh_token.head
        if verb.lemma_ == "be":
            noun = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ in ("nsubj", "attr") and c != wh_token and c.pos_ in _NOUN_POS
                ),
                None,
            )
    return noun


def _named_noun(noun: Token) -> Token:
    """The noun that says what kind of thing is asked for: after "the name of", "what type
    of", the noun of the "of" phrase."""
    if noun.lemma_.lower() in NAME_NOUNS:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if inner is not None and inner.pos_ == "NOUN":
            return inner
    return noun


def _gap(wh_token: Token, wh: str, noun: Token | None) -> Token:
    """The top token of the wh-phrase: the phrase the answer replaces."""
    if wh.startswith("how ") and wh_token.i + 1 < len(wh_token.doc):
        after = wh_token.doc[wh_token.i + 1]
        return noun if noun is not None and after.head == noun else after
    if noun is not None and wh_token.dep_ in ("det", "poss"):
        return noun
    return wh_token


def _wants_object(verb: Token | None) -> bool:
    """Does the last verb of ``verb``'s chain ("allowed to farm", "planning to build") take
    an object it lacks? Then a wh-word the parser hangs on the auxiliary as an attribute
    ("What are they allowed to farm?") is that object; a passive verb takes none ("What was
    it called?")."""
    while verb is not None:
        if any(c.dep_ == "dobj" for c in verb.children):
            return False
        nxt = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if nxt is None:
            return verb.tag_ != "VBN" and not any(c.dep_ == "auxpass" for c in verb.children)
        verb = nxt
    return False


def _main_verb(doc: Doc) -> Token | None:
    """The question's main verb: the root, or the verb an auxiliary root governs."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    if root.pos_ in ("VERB",) and root.lemma_ not in _AUX_LEMMAS:
        return root
    for child in root.children:
        if child.pos_ == "VERB" and child.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl"):
            return child
    return root if root.pos_ in ("VERB", "AUX") else None
