"""What a question's parse says: the noun it counts or measures, whose, in what unit,
with which verb, and which names it gives (when it is about: :mod:`qa.numeric.timing`).

Each function reads spaCy's tokens, part-of-speech tags, entities and dependencies of the
question (one :class:`spacy.tokens.Doc`), never its raw string.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..numbers import asked_unit
from ..reading.names import names
from ..reading.question import kind_of_noun
from .terms import words

# Dependencies inside a noun phrase, before its head noun: "junior", "steel", "square".
_NP_MODIFIERS = frozenset("amod compound nmod poss case nummod conj cc preconj quantmod".split())
_NOUNS = frozenset(("NOUN", "PROPN"))
# Comparatives after "how many" ask for a difference ("how many more X than Y"); the noun
# they modify is one side of it, not a thing counted.
_COMPARATIVES = frozenset("more fewer less".split())
# Words inside a noun phrase before its head: "national or provincial", "master's degree".
_PHRASE_POS = frozenset("ADJ NOUN PROPN NUM CCONJ PART".split())
_UNIT_PREPOSITIONS = frozenset("in into as to".split())
_PLACE_PREPOSITIONS = frozenset("in at from outside across within inside throughout".split())
# Nouns that only say a figure is a count or an amount of what follows their "of".
_COUNTING_NOUNS = frozenset("number amount total count".split())
_DO_AUXILIARIES = frozenset("do does did will can could".split())
_BASE_FORM_TAGS = frozenset(("VB", "VBP"))


def quantity_word(doc: Doc) -> Token | None:
    """ "many" or "much" in "how many", "how much"."""
    for t in doc[1:]:
        if t.lower_ in ("many", "much") and doc[t.i - 1].lower_ == "how":
            return t
    return None


def counted(doc: Doc) -> list[Token]:
    """The noun phrase "how many" asks about, after it: "junior and senior doctors",
    "square kilometres", "staff"; [] for "how many of them", "how many more X than Y"."""
    q = quantity_word(doc)
    if q is None or q.lower_ != "many":
        return []
    after = noun_phrase_after(doc, q.i)
    if after or q.head.lemma_ != "be" or not any(c.lower_ == "of" for c in q.children):
        return after
    # "How many of the participants were women?": women, some of the participants
    said = next((c for c in q.head.children if c.dep_ == "attr" and c.tag_ == "NNS"), None)
    return _head_phrase(said) if said is not None else []


def of_counted(head: Token) -> Token | None:
    """ "the number of employees": the noun a counting noun is the number of."""
    if head.lemma_.lower() not in _COUNTING_NOUNS:
        return None
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    return obj if obj is not None and obj.pos_ in _NOUNS else None


def measured(doc: Doc) -> list[Token]:
    """The noun phrase naming what a question asks the figure of, without its owner: "how
    many junior doctors", "how much capacity", "what was the operating revenue of the
    firm", "what percentage of ..."; [] when no noun says it ("how big is it")."""
    q = quantity_word(doc)
    if q is not None:
        after = noun_phrase_after(doc, q.i)
        if after or q.head.lemma_ != "be":
            return after
        # "How much is the city's budget?": what the copula's subject is
        subject = next((c for c in q.head.children if c.dep_ == "nsubj"), None)
        return _head_phrase(subject) if subject is not None and subject.pos_ in _NOUNS else []
    wh = next((t for t in doc if t.lower_ in ("what", "which")), None)
    if wh is None:
        return []
    if wh.dep_ == "det" and wh.head.pos_ in _NOUNS:
        return _head_phrase(wh.head)
    copula = wh.head
    if wh.dep_ in ("attr", "nsubj") and copula.lemma_ == "be":
        other = next(
            (c for c in copula.children if c.dep_ in ("nsubj", "attr") and c.i != wh.i), None
        )
        if other is not None and other.pos_ in _NOUNS:
            counted_noun = of_counted(other)  # "what was the number of employees"
            return _head_phrase(counted_noun if counted_noun is not None else other)
    return []


def wh_names_a_kind(doc: Doc) -> str | None:
    """The kind of answer the noun that "what" or "which" determines names ("which king":
    person); None when no such noun, or one of no kind, is asked for."""
    wh = next((t for t in doc if t.lower_ in ("what", "which")), None)
    if wh is None or wh.dep_ != "det" or wh.head.pos_ not in _NOUNS:
        return None
    return kind_of_noun(wh.head)


def owner(doc: Doc) -> list[Token]:
    """Whose figure a question asks: the possessor of what it measures ("the city's
    budget"), the object of its "of" ("the capacity of the port"), or the subject of its
    verb when that is not what it counts ("How many staff does the mill have?", "How much
    did the bridge cost?"); for a count that is the subject, what its verb is for or at
    ("How many people work for the port authority?"). [] when none is said."""
    asked = measured(doc)
    head = asked[-1] if asked else None
    inside = {t.i for t in asked}
    if head is not None:
        for c in head.children:
            # "master's students": a possessive inside what is counted describes it
            if c.dep_ == "poss" and c.i not in inside:
                return _noun_phrase(c)
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None and obj.ent_type_ != "DATE":
                    return _noun_phrase(obj)
    verb = main_verb(doc) or next((t for t in doc if t.dep_ == "ROOT"), None)
    if verb is None:
        return []
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    quantity = quantity_word(doc)
    if (
        subject is not None
        and (head is None or subject.i != head.i)
        and subject.pos_ != "PRON"
        and (quantity is None or subject.i != quantity.i)
    ):
        return _noun_phrase(subject)
    if head is not None and subject is not None and subject.i == head.i:
        for c in verb.children:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if c.dep_ == "prep" and c.lower_ in ("for", "at", "of") and obj is not None:
                return _noun_phrase(obj)
    aux = next((t for t in doc if t.lower_ in _DO_AUXILIARIES), None)
    if aux is not None and verb.i > aux.i:  # "did [the bridge] cost": a subject mis-parsed
        return [t for t in doc[aux.i + 1 : verb.i] if t.pos_ in _NOUNS or t.pos_ == "ADJ"]
    return []


def _noun_phrase(head: Token) -> list[Token]:
    """A noun with what says which it is: its possessor, compounds and adjectives."""
    return [t for t in head.subtree if t.i <= head.i and t.pos_ in ("NOUN", "PROPN", "ADJ")]


def _head_phrase(head: Token) -> list[Token]:
    """A noun with the modifiers before it that say what it is ("operating revenue"), not
    whose ("the firm's")."""
    mods = [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod") and c.is_alpha]
    return sorted([*mods, head], key=lambda t: t.i)


def noun_phrase_after(doc: Doc, i: int) -> list[Token]:
    """The noun phrase that starts right after token ``i``, up to its head noun: its
    modifiers (adjectives, nouns, coordinated ones) and the head; [] when no noun phrase
    starts there."""
    out: list[Token] = []
    for t in doc[i + 1 :]:
        if t.lower_ in _COMPARATIVES:
            return []
        # The head noun ends the phrase; so does a noun the parser made a modifier of a
        # word it tags as no noun ("how many staff work ...": staff/compound of work/VERB).
        if t.pos_ in _NOUNS and (t.dep_ not in _NP_MODIFIERS or t.head.pos_ not in _NOUNS):
            out.append(t)
            return [x for x in out if x.pos_ not in ("CCONJ", "PUNCT") and x.tag_ != "POS"]
        if t.pos_ in _PHRASE_POS or (t.tag_ == "HYPH") or (t.pos_ == "VERB" and t.dep_ == "amod"):
            out.append(t)
            continue
        return []
    return []


def unit(doc: Doc) -> str | None:
    """The unit a question asks its answer in: "in US dollars", "into hectares"."""
    found = _unit_phrase(doc)
    return found[0] if found else None


def _unit_phrase(doc: Doc) -> tuple[str, Span] | None:
    for t in doc:
        if t.pos_ == "ADP" and t.lower_ in _UNIT_PREPOSITIONS:
            for o in t.children:
                if o.dep_ != "pobj":
                    continue
                phrase = doc[o.left_edge.i : o.right_edge.i + 1]
                found = asked_unit(f"{t.lower_} {phrase.text}")
                if found:
                    return found, phrase
    return None


def _asked_subject_verb(doc: Doc) -> Token | None:
    """The verb whose subject holds what is asked: "opened" in "How many polling stations
    opened late?"."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or root.tag_ == "VBG":
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return None  # "were killed": a participle, whatever the tagger says of a bare one
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or not any(t.lower_ in ("many", "much") for t in subject.subtree):
        return None
    return root


def main_verb(doc: Doc) -> Token | None:
    """The main verb of a question asked with "do", "will" or "can" ("How many people does
    the firm employ?": "employ"): the word those auxiliaries go with; without them, the verb
    of a subject that asks "how many" ("How many stations opened late?": "opened")."""
    aux = next((t for t in doc if t.lower_ in _DO_AUXILIARIES), None)
    if aux is None:
        return _asked_subject_verb(doc)
    # The word an auxiliary depends on is its verb, whatever its tag (the small model tags
    # some bare verbs as nouns); after "do" or "will" it is never a participle.
    if aux.dep_ == "aux" and aux.head.i > aux.i and aux.head.tag_ not in ("VBG", "VBN"):
        return aux.head
    after = doc[aux.i + 1 :]
    verb = next((t for t in after if t.tag_ in _BASE_FORM_TAGS and t.dep_ != "aux"), None)
    if verb is not None:
        return verb
    # The small model may tag a bare verb after its subject as a noun ("does the port
    # employ"): the word that ends the subject's noun phrase is then the verb.
    chunk = next((c for c in doc.noun_chunks if c.start > aux.i), None)
    if chunk is not None and len(chunk) > 1 and chunk.root.i == chunk.end - 1:
        following = doc[chunk.end] if chunk.end < len(doc) else None
        if following is None or following.is_punct or following.pos_ == "ADP":
            return chunk.root
    return None


def name_words(doc: Doc) -> list[str]:
    """The words of the names in the question, lower-cased, as whole words ("x-ray"): what
    the entity recogniser finds, less "the", "of" and mis-tagged verbs inside, and a
    capitalised noun with a number ("Route 7"), a name it does not know, and a capitalised
    proper noun it left out. Not the unit asked
    in ("US dollars"). In a question written all in capitals, capitals say nothing, and it
    has none."""
    out: list[str] = []
    for group in name_groups(doc):
        out += [w for w in group if w not in out]
    return out


def name_groups(doc: Doc) -> list[list[str]]:
    """The names of :func:`name_words`, each as its list of words."""
    if doc.text.isupper():
        return []
    unit_span = _unit_phrase(doc)
    skip = set(range(unit_span[1].start, unit_span[1].end)) if unit_span else set()
    spans = [[t for t in span if _name_word(t)] for span in names(doc)]
    in_names = {t.i for tokens in spans for t in tokens}
    spans += [[t] for t in doc[:-1] if t.is_title and t.i and doc[t.i + 1].like_num]
    # A proper noun the recogniser left out of its entities is a name all the same.
    spans += [
        [t]
        for t in doc[1:]
        if t.pos_ == "PROPN" and t.is_title and t.i not in in_names and t.ent_type_ != "DATE"
    ]
    groups = []
    for tokens in spans:
        group: list[str] = []
        for t in tokens:
            if t.i not in skip:
                group += [w for w in _whole_word(t) if w not in group]
        if group:
            groups.append(group)
    return groups


def places(doc: Doc) -> list[str]:
    """The words of the names a question puts its figure in: a place or body after "in",
    "at", "outside" ... ("How many people does it employ in Spain?"), as opposed to whose
    figure it is ("the firm's", "of the port")."""
    out: list[str] = []
    for span in names(doc):
        root = span.root
        prep = root.head
        if root.dep_ == "pobj" and prep.lower_ in _PLACE_PREPOSITIONS:
            out += [w for t in span if _name_word(t) for w in _whole_word(t)]
    return out


def name_titles(doc: Doc) -> list[str]:
    """The words of a description said before a name ("the match-winner Jide Okafor",
    "chief executive Ann Ross"): the name says who; the description need not be the
    article's words for her."""
    out: list[str] = []
    for t in doc:
        if t.pos_ != "PROPN" or t.dep_ in ("compound", "flat"):
            continue
        said = [c for c in t.lefts if c.pos_ != "PROPN" and c.dep_ in ("compound", "amod", "poss")]
        if any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in said):
            for c in said:
                out += [w for x in c.subtree if x.is_alpha for w in (x.lower_, *_whole_word(x))]
    return list(dict.fromkeys(out))


def acts_as_verb(t: Token) -> bool:
    """Whether a word has an auxiliary or a subject, as only a verb has: the question's verb
    whatever the tagger says ("How much did the tour make?", "make" tagged a noun)."""
    return any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in t.children)


def narrowing_nouns(doc: Doc) -> list[Token]:
    """Nouns that narrow what a figure is about to a part of something: the word after a
    possessive ("the ship's engine"); not times, names or the unit asked in."""
    unit_span = _unit_phrase(doc)
    skip = set(range(unit_span[1].start, unit_span[1].end)) if unit_span else set()
    out = []
    for t in doc:
        if t.ent_type_ or t.i in skip or not t.is_alpha:
            continue
        # The word after a possessive "'s" is what is possessed, whatever the tagger says,
        # unless it describes the noun that is ("the ship's unbroken record": the record).
        if t.i > 0 and doc[t.i - 1].tag_ == "POS":
            if t.dep_ == "amod" and t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN"):
                t = t.head
            if not acts_as_verb(t):  # "did the observatory's record run": no part of anything
                out.append(t)
    # What an amount asked for is of: "how many tonnes of salmon", "how much of the steel".
    for noun in [*counted(doc), *measured(doc)]:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                out += [
                    o
                    for o in prep.children
                    if o.dep_ == "pobj" and o.pos_ == "NOUN" and not o.ent_type_ and o.i not in skip
                ]
    return list(dict.fromkeys(out))


def phrase_words(doc: Doc) -> list[str]:
    """The words of the question's prepositional phrases ("in the upper tier", "at
    the new depot"), not those of times or of the unit asked in."""
    unit_span = _unit_phrase(doc)
    skip = set(range(unit_span[1].start, unit_span[1].end)) if unit_span else set()
    out: list[str] = []
    for t in doc:
        if t.dep_ == "pobj" and t.head.pos_ == "ADP" and t.i not in skip:
            out += [x.lower_ for x in t.subtree if x.is_alpha and x.ent_type_ != "DATE"]
    return out


_AUXILIARIES = frozenset(
    "do does did will would can could should shall may might must has have had is are was "
    "were".split()
)


def each_is_subject(doc: Doc) -> bool:
    """Whether "each" or "every" determines the question's subject ("each new school"),
    also where the parser takes the verb after it for a noun: "did each office oversee"
    puts "each" right after the auxiliary, where only a subject goes."""
    return any(
        t.lower_ in ("each", "every")
        and t.dep_ == "det"
        and (t.head.dep_.startswith("nsubj") or (t.i > 0 and doc[t.i - 1].lower_ in _AUXILIARIES))
        for t in doc
    )


def definite_nouns(doc: Doc) -> list[str]:
    """Common nouns the question says with "the" ("the bridge"): each may be the head
    noun of a name said before it, and stand for that name."""
    return [
        t.lower_
        for t in doc
        if t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
    ]


def _name_word(t: Token) -> bool:
    return t.is_alpha and (t.pos_ == "PROPN" or (t.is_title and t.i > 0 and t.pos_ in _NOUNS))


def _whole_word(t: Token) -> list[str]:
    """The whitespace-delimited word ``t`` is in, as the matching reads words: "CAR" in
    "X-ray" is "x-ray"; "Smith's" is "smith"."""
    text = t.doc.text
    start, end = t.idx, t.idx + len(t.text)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return words(text[start:end])
