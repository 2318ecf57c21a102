"""The amounts of one sentence: numbers, amounts and dates, placed in the parse.

:mod:`qa.numbers` reads each number's value, unit and kind ("4.75 billion yuan", "two",
"May 2017"); the parse says what a bare number counts (the noun it modifies: "2,400
nurses"), whether a number is an age (:mod:`.ages`: "at the age of 41", "Anna Berg, 58") and whether
an amount in brackets restates the one before it ("80 million pounds ($101 million)").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..lexicon.measure_nouns import COLLECTIVE_NOUNS, GROUP_NOUNS
from ..lexicon.time_words import EARLIER_YEARS
from ..numbers import DateMention, find_dates, find_quantities, is_year
from .ages import read_ages
from .gapping import gapped_owner
from .model import Draft
from .tree import clause_verb, head_of, is_verb, prep_object, span_of, subject_of

# Entity labels of names a number can be part of ("Pier 4", "Windows 11").
_NAME_LABELS = frozenset("ORG FAC PRODUCT WORK_OF_ART EVENT LAW".split())
_CLOCK = re.compile(r"\s*(?:[ap]\.?m\b\.?|o'clock\b)", re.IGNORECASE)
_GROUP_NOUNS = GROUP_NOUNS | COLLECTIVE_NOUNS


def read_amounts(
    text: str, doc: Doc, article_date: str | None, period: str | None = None
) -> list[Draft]:
    """The sentence's numbers as drafts (in order), then its dates; ``period`` is the year
    the story's earlier sentences said it reports on, which "a year earlier" counts from."""
    dates = find_dates(text, article_date)
    drafts: list[Draft] = []
    for q in find_quantities(text, [(d.start, d.end) for d in dates]):
        span = span_of(doc, q.start, q.end)
        if q.kind == "number" and _inside_name(span) and gapped_owner(span.root) is None:
            continue  # a number inside a name, not one after a name ("and the Foxes nine")
        if q.kind == "number" and _CLOCK.match(text, q.end):
            continue  # "between 11 p.m. and 6 a.m.": a time of day, no amount
        if q.kind == "number" and span.root.ent_type_ == "DATE" and is_year(q.surface):
            before = text[: q.start].split()
            prep = before[-1].lower().strip(",(") if before else None
            dates.append(DateMention(q.surface, "year", q.start, q.end, q.surface, prep))
            continue  # "the 2018 season": the entity recogniser reads a year
        drafts.append(Draft(q.start, q.end, q.value, q.unit, q.kind, span, head_of(span)))
    dates = _relative_to_sentence(sorted(dates, key=lambda m: m.start), period)
    _counted(drafts)
    _bounds(drafts, text)
    read_ages(drafts, text)
    _equivalents(drafts, text)
    for m in dates:
        span = span_of(doc, m.start, m.end)
        drafts.append(
            Draft(m.start, m.end, float(m.year), None, "date", span, head_of(span), time_mention=m)
        )
    return drafts


def _inside_name(span: Span) -> bool:
    """A number inside a name ("Pier 4", "Windows 11"); not a lone number the recogniser
    took for one ("a further 210 jobs", read as a product)."""
    root = span.root
    if root.ent_type_ not in _NAME_LABELS:
        return False
    ent = next((e for e in root.doc.ents if e.start <= root.i < e.end), None)
    return ent is None or any(t.is_alpha for t in ent)


def _relative_to_sentence(dates: list[DateMention], period: str | None) -> list[DateMention]:
    """ "a year earlier" after "for 2024" (or after "last year") in the same sentence, or
    in a sentence after one that named the story's year, is the year before that one, not
    the year before the article's date."""
    out: list[DateMention] = []
    for d in dates:
        prior = [
            x.time
            for x in out
            if x.kind in ("year", "month", "date", "quarter", "half-year", "resolved-relative")
        ] or ([period] if period else [])
        if prior and " ".join(d.surface.lower().split()) in EARLIER_YEARS:
            year = int(prior[-1][:4]) - 1
            d = DateMention(str(year), "year", d.start, d.end, d.surface, d.preposition)
        out.append(d)
    return out


# --- what a bare number counts ----------------------------------------------------------


def _counted(drafts: list[Draft]) -> None:
    """A bare number that modifies a noun counts it: the noun is the unit, the words between
    narrow it ("12 rare white rhinos"). Coordinated numbers may share
    one noun ("30 female and 25 male teachers")."""
    starts = {d.span.start: d for d in drafts}
    shared: list[tuple[Draft, list[Token]]] = []
    for d in drafts:
        if d.kind != "number":
            continue
        if _group_size(d):
            continue
        noun = _counted_noun(d.slot, d.value)
        doc = d.span.doc
        if noun is not None:
            said_in = next((x for x in drafts if x is not d and noun in x.span), None)
            if said_in is not None:
                # "between 30 and 85 euros": the noun is the unit the other end is said in
                d.kind, d.unit = said_in.kind, said_in.unit
                continue
            between = [t for t in doc[d.span.end : noun.i] if not t.is_punct or t.text == "-"]
            d.kind, d.slot = "count", noun
            d.unit = noun.lower_ if not noun.text[:1].isupper() or noun.is_upper else noun.text
            d.qualifier = _words(between) or None
            continue
        mods = _modifiers_before_number(d, starts)
        if mods is not None:
            shared.append((d, mods))
            continue
        _adjective_as_noun(d)
    for d, mods in shared:
        nxt = next((x for x in drafts if x.start > d.start and x.kind == "count"), None)
        if nxt is not None and mods and nxt.slot.pos_ in ("NOUN", "PROPN"):
            d.kind, d.unit, d.slot = "count", nxt.unit, nxt.slot
            d.qualifier = _words(mods)
        else:
            _adjective_as_noun(d)
    for before, d in zip(drafts, drafts[1:], strict=False):
        # "300 workers in Spain and 120 in Italy": the second count's noun is left out, the
        # first's understood.
        if d.kind == "number" and d.slot.dep_ == "conj" and before.kind == "count":
            d.kind, d.unit = "count", before.unit
    for d in drafts:
        if (
            d.kind == "number"
            and not _partitive(d)
            and not _number_of(d)
            and not _object_changed(d)
            and not _subject_of_be(d)
        ):
            _left_out(d, drafts)


def _group_size(d: Draft) -> bool:
    """ "The rebels numbered about 6,000", "the defenders were 800 strong", "the army,
    9,000 strong, ...": a bare number that gives a group's size counts the group."""
    slot, head = d.slot, d.slot.head
    if slot.dep_ == "pobj" and head.dep_ == "prep":
        slot, head = head, head.head  # "numbered about 6,000", "about" read as a preposition
    if head.lemma_.lower() == "number" and is_verb(head) and slot.dep_ in ("dobj", "prep"):
        group = subject_of(head)
    elif head.lower_ == "strong" and slot.dep_ == "npadvmod" and head.dep_ == "acomp":
        group = subject_of(head.head)  # "were 800 strong"
    elif slot.dep_ == "appos" and any(c.lower_ == "strong" for c in slot.children):
        group = head  # "the army, 9,000 strong,"
    else:
        return False
    if group is None or group.pos_ != "NOUN":
        return False
    d.kind, d.unit = "count", group.lower_
    return True


def _partitive(d: Draft) -> bool:
    """ "112 of the town's 300 houses", "two of its ships": a bare number before "of" and
    a plural noun with its determiner counts some of those things."""
    noun = _things_of(d.slot) or _fronted_of(d.slot)
    if noun is None:
        return False
    if not any(c.dep_ in ("det", "poss") for c in noun.children):
        return False  # "5 of 10 points" is a score, not a share of them
    d.kind, d.unit = "count", noun.lower_
    d.qualifier = _words([t for t in noun.lefts if t.dep_ in ("amod", "compound")]) or None
    d.notes.add("partitive")
    return True


def _number_of(d: Draft) -> bool:
    """ "The number of visitors rose from 9,000 to 11,500": a bare number of a clause whose
    subject is "the number of" some things counts those things."""
    verb = clause_verb(d.slot)
    subject = subject_of(verb) if verb is not None else None
    if subject is None or subject.lemma_.lower() != "number" or subject.i > d.slot.i:
        return False
    noun = _things_of(subject)
    if noun is None:
        return False
    d.kind, d.unit = "count", noun.lower_
    return True


def _object_changed(d: Draft) -> bool:
    """ "It will cut daily sailings from seven to four": a bare number after "from" or "to"
    on a verb whose object is plural things counts those things."""
    slot = d.slot
    if slot.dep_ == "quantmod" and slot.head.like_num:
        slot = slot.head  # "from seven to four", read as one range
    prep = slot.head
    if slot.dep_ != "pobj" or prep.lower_ not in ("from", "to") or not is_verb(prep.head):
        return False
    noun = next((c for c in prep.head.children if c.dep_ == "dobj"), None)
    if noun is None or noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return False
    d.kind, d.unit = "count", noun.lower_
    return True


def _subject_of_be(d: Draft) -> bool:
    """ "Of those on the list, 5,480 were children": a bare number that is the subject of
    "be" counts the plural noun the verb says they are."""
    verb = d.slot.head
    if d.slot.dep_ != "nsubj" or verb.lemma_ != "be":
        return False
    noun = next((c for c in verb.children if c.dep_ == "attr"), None)
    if noun is None or noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return False
    d.kind, d.unit = "count", noun.lower_
    return True


_THEM = frozenset({"them", "these", "those"})


def counted_of_them(drafts: list[Draft], counted: str | None) -> None:
    """ "She was nominated for six awards. She won two of them.": a bare number "of them"
    counts what the last count before it counted, in its sentence or (``counted``) the one
    before."""
    for d in drafts:
        pronoun = prep_object(d.slot, "of") if d.kind == "number" else None
        if pronoun is None or pronoun.lower_ not in _THEM:
            continue
        earlier = [x.unit for x in drafts if x.kind == "count" and x.start < d.start and x.unit]
        unit = earlier[-1] if earlier else counted
        if unit:
            d.kind, d.unit = "count", unit


def _fronted_of(slot: Token) -> Token | None:
    """ "Of the townspeople, 3,000 fled": the people an "of" phrase before a number that is
    its verb's subject names; "Of those, 5,480 were children" counts children."""
    if slot.dep_ not in ("nsubj", "nsubjpass") or slot.head.lemma_ == "be":
        return None
    of = next((c for c in slot.head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None or of.i > slot.i:
        return None
    noun = next((c for c in of.children if c.dep_ == "pobj"), None)
    return noun if noun is not None and noun.pos_ == "NOUN" else None


def _things_of(tok: Token) -> Token | None:
    """The plural common noun of an "of" phrase after ``tok`` ("of the houses")."""
    noun = prep_object(tok, "of")
    return noun if noun is not None and noun.pos_ == "NOUN" and noun.tag_ == "NNS" else None


def _left_out(d: Draft, drafts: list[Draft]) -> None:
    """ "18,400 runners started, and 17,962 reached the finish": a bare number that is a
    verb's subject or object, after a count in its sentence, counts what that count counts
    (the noun is left out because it was just said)."""
    if d.slot.dep_ not in ("nsubj", "nsubjpass", "dobj") or not is_verb(d.slot.head):
        return
    if prep_object(d.slot, "of") is not None:
        return  # "22 of which employ ...": a part, read with its whole
    counts = [x for x in drafts if x.kind == "count" and x.start < d.start]
    if counts:
        d.kind, d.unit = "count", counts[-1].unit


def _counted_noun(num: Token, value: float) -> Token | None:
    """The noun a number counts: a plural noun it modifies ("2,400 nurses"), a
    collective one ("90 staff"), or any noun after "one"; not a name ("the '99 Tour")."""
    if num.dep_ != "nummod" or num.head.i < num.i:
        return None
    noun = num.head
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ == "NOUN":
        noun = noun.head  # "56 turbine foundations" when the parser hangs 56 on "turbine"
    if noun.dep_ == "poss" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "40 children's books": books, for children
    plural = noun.tag_ in ("NNS", "NNPS") or _plural_form(noun)
    if noun.pos_ == "NOUN" and (plural or value == 1 or noun.lemma_.lower() in _GROUP_NOUNS):
        return noun
    if noun.pos_ in ("PROPN", "ADJ") and plural:
        return noun  # "three Oscars"; a rare plural the tagger took for an adjective
    return None


def _plural_form(tok: Token) -> bool:
    """A lower-case word with a plural ending, for rare nouns the tagger does not know
    ("tarantellas", "florins")."""
    word = tok.text
    return word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _adjective_as_noun(d: Draft) -> None:
    """An adjective right after a number that stands for the people it describes counts
    them ("9,000 homeless", "30 injured", "12 dead"); not one that modifies a noun after
    it."""
    doc = d.span.doc
    if d.span.end >= len(doc):
        return
    adj = doc[d.span.end]
    after = doc[adj.i + 1] if adj.i + 1 < len(doc) else None
    if adj.tag_ not in ("JJ", "VBN") or adj.dep_ in ("amod", "compound"):
        return
    if after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ", "ADP"):
        return  # "12 dead fish", "30 injured in the crash" reads as a clause
    d.kind, d.unit = "count", adj.lower_


def _modifiers_before_number(d: Draft, starts: dict[int, Draft]) -> list[Token] | None:
    """The modifiers after ``d`` when "and" and another number follow them before any noun
    ("30 female and 25 ..."), else None."""
    doc = d.span.doc
    mods: list[Token] = []
    for tok in doc[d.span.end : d.span.end + 6]:
        if tok.pos_ == "CCONJ":
            return mods if tok.i + 1 in starts and mods else None
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN") or tok.tag_ in ("NNS", "NNPS"):
            return None
        mods.append(tok)
    return None


def _words(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


_BOUND = re.compile(
    r"\b(?:more|less|fewer|longer|shorter|greater|higher|lower)\s+than\s+$|\b(?:at\s+least|"
    r"at\s+most|up\s+to|upwards\s+of|in\s+excess\s+of|no\s+more\s+than)\s+$",
    re.IGNORECASE,
)


def _bounds(drafts: list[Draft], text: str) -> None:
    """ "waiting more than 52 weeks", "at least 30 staff": a number that bounds a measure,
    a threshold rather than the figure a sentence reports."""
    for d in drafts:
        if _BOUND.search(text[max(0, d.start - 24) : d.start]):
            d.notes.add("bound")


# --- equivalents ------------------------------------------------------------------------


def _equivalents(drafts: list[Draft], text: str) -> None:
    """ "80 million pounds ($101 million)": an amount of the same kind in brackets right
    after another restates it."""
    for i, (a, b) in enumerate(zip(drafts, drafts[1:], strict=False)):
        between = text[a.end : b.start].strip().lower()
        if a.kind != b.kind or not between.startswith("("):
            continue
        hedge = between[1:].strip()
        if hedge and hedge not in ("about", "around", "roughly", "approximately", "or", "some"):
            continue
        if text[b.end :].lstrip().startswith(")"):
            b.equivalent_of = i
