"""The part of a chosen phrase that is what the question asks for, when it asks for less
(or a little more: the currency sign of a sum).

"What year was she born?" is answered "1810", not "1 March 1810": the phrase the reader
chose stays its choice (and the confidence's), and the answer is the year inside it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon.answer_types import NAME_KINDS
from ..lexicon.measure_verbs import NAMING_VERBS
from ..lexicon.time_words import PERIOD_JOINS
from ..numbers import is_day_or_month, is_year
from ..reading.query import Query
from ..reading.question import asks_for_year, asks_within_year, end_asked
from ..reading.words import lemma
from . import Phrase

_SIGNS = frozenset("$£€¥")
# Kinds answered by naming something; "ten nominations, including Album of the Year"
# answers "How many" with its number, not with what it lists.
_NAMED_KINDS = NAME_KINDS | {"thing"}


def narrowed(query: Query, doc: Doc, phrase: Phrase) -> Phrase:
    """``phrase``, or the part the question asks for: the one year it holds for "what
    year", the person without the title before the name for "who", what a noun the
    question already says names beside it ("the Lisk and the Hollin" of "two smaller
    streams, the Lisk and the Hollin" for "What are the two streams called?") or the name
    inside headed by the noun asked about ("its drug Slimora" for "Which drug"), the whole
    date round a lone year for "what date"; a number with the currency sign written before it
    ("$250,000", not "250,000"). A phrase read from another sentence (a quotation's
    speaker, named in the next) is left as it is."""
    if phrase.end > len(doc) or doc[phrase.start : phrase.end].text != phrase.text:
        return phrase
    if phrase.start > 0 and doc[phrase.start - 1].text in _SIGNS and doc[phrase.start].like_num:
        return _qualified(doc, phrase.spanning(doc, phrase.start - 1, phrase.end))
    phrase = _qualified(doc, phrase)
    if _asks_for_several(query):
        phrase = _whole_list(doc, phrase)
    if query.question.kind == "person":
        return _person(doc, phrase, query)
    if query.question.kind in _NAMED_KINDS:
        phrase = _undated(doc, phrase)
        root, head = doc[phrase.start : phrase.end].root, query.question.head
        asked = query.matches(root) or (head is not None and lemma(root) == lemma(head))
        common = root.pos_ in ("NOUN", "PROPN") and root.is_lower  # "sea god": no name
        if asked or (common and any(_names_it(c) for c in root.rights)):
            phrase = _named_after(doc, phrase, root, query, of=asked and root.is_lower)
        elif head is not None:
            phrase = _kind_within(doc, phrase, lemma(head), query)
    if asks_within_year(query.question):
        return _whole_date(doc, phrase)
    if query.question.kind == "date":
        phrase = _period(doc, _date_inside(doc, phrase), end_asked(query.question))
    if not asks_for_year(query.question) or phrase.end - phrase.start < 2:
        return phrase
    years = [t for t in doc[phrase.start : phrase.end] if is_year(t.text)]
    if len(years) != 1:
        return phrase  # "from 1998 to 2004": a span of years is said whole
    return phrase.spanning(doc, years[0].i, years[0].i + 1)


def _qualified(doc: Doc, phrase: Phrase) -> Phrase:
    """A number with the words before it that qualify it: "over 3,000", "more than 60
    percent", "nearly 8 million", not the bare figure, which says more than the text does."""
    if not any(t.like_num for t in doc[phrase.start : phrase.end]):
        return phrase
    start = phrase.start
    while start > 0:
        t = doc[start - 1]
        qualifies = t.dep_ in ("quantmod", "advmod") or (t.dep_ == "amod" and t.tag_ == "JJR")
        if not (qualifies and start <= t.head.i < phrase.end):
            break
        start -= 1
    return phrase.spanning(doc, start, phrase.end)


def _undated(doc: Doc, phrase: Phrase) -> Phrase:
    """A name without the date the parser hung on it: "Heat", not "Heat in 2010", of "her
    first fragrance, Heat in 2010" (a name is not dated; the clause is)."""
    root = doc[phrase.start : phrase.end].root
    after = [c for c in root.rights if c.dep_ == "prep"]
    if root.pos_ != "PROPN" or not after or after[-1].right_edge.i != phrase.end - 1:
        return phrase
    dated = [t for t in after[-1].subtree if t != after[-1]]
    if not dated or any(t.ent_type_ not in ("DATE", "TIME") for t in dated):
        return phrase
    return phrase.spanning(doc, phrase.start, after[-1].i)


def _asks_for_several(query: Query) -> bool:
    """ "Which years ...?", "What two critics ...?": the noun asked about is plural."""
    head = query.question.head
    return head is not None and head.tag_ in ("NNS", "NNPS")


def _whole_list(doc: Doc, phrase: Phrase) -> Phrase:
    """The list a phrase is one item of, when the question asks for several: "2013 and
    2014", not "2013", for "In which years ...?"."""
    root = doc[phrase.start : phrase.end].root
    items = sorted([root, *root.conjuncts], key=lambda t: t.i)
    if len(items) < 2 or any(t.pos_ != root.pos_ for t in items) or root.i != phrase.end - 1:
        return phrase
    start, end = min(phrase.start, items[0].i), max(phrase.end, items[-1].i + 1)
    if any(t.is_punct and t.tag_ not in (",", "HYPH") for t in doc[start:end]):
        return phrase
    return phrase.spanning(doc, start, end)


def _named_after(doc: Doc, phrase: Phrase, root: Token, query: Query, of: bool = False) -> Phrase:
    """A phrase headed (``root``) by a noun the question already says, with what it names
    beside it, is answered by that: "the Lisk and the Hollin", not "two smaller streams, the
    Lisk and the Hollin", for "What are the two streams called?"; "RSV and norovirus", not
    "other viruses, including RSV and norovirus", for "Which other viruses ...?". With
    ``of`` (the noun is a common word, not part of a name such as "the Academy of
    Engineering"), also what follows its "of" or "as": "instrumental ballade" of "the
    concept of instrumental ballade" for "What concept did she create?"."""
    for child in root.rights:
        named = child if _in_apposition(child) else _listed(child)
        if named is None and of and child.dep_ == "prep" and child.lower_ in ("of", "as"):
            named = next((c for c in child.children if c.dep_ == "pobj"), None)
        if named is None:
            continue
        start, end = named.left_edge.i, named.right_edge.i + 1
        while start < end - 1 and doc[start].is_punct:  # "(clipping)" said without brackets
            start += 1
        # Nor with a conjunction whose other conjunct hangs elsewhere: "3.5 percent this
        # year and" of "a rise of 3.5 percent this year and 3 percent next year".
        while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].tag_ == "CC"):
            end -= 1
        news = any(t.is_alpha and not t.is_stop and not query.matches(t) for t in doc[start:end])
        if phrase.start <= start and end <= phrase.end and start > root.i and news:
            return phrase.spanning(doc, start, end)
    return phrase


def _kind_within(doc: Doc, phrase: Phrase, head: str, query: Query) -> Phrase:
    """ "its weight-loss drug Slimora" of "strong demand for its weight-loss drug Slimora"
    for "Which drug ...?": the phrase inside headed by the noun asked about (``head``, a
    lemma), with a name."""
    for t in doc[phrase.start : phrase.end]:
        if lemma(t) != head or t.pos_ != "NOUN":
            continue
        while t.dep_ == "compound" and t.head.pos_ == "PROPN":
            t = t.head  # "drug" in "its weight-loss drug Slimora"
        start, end = t.left_edge.i, t.right_edge.i + 1
        inner = phrase.start <= start and end <= phrase.end
        if not inner or (start, end) == (phrase.start, phrase.end):
            continue
        if any(w.pos_ == "PROPN" and not query.matches(w) for w in doc[start:end]):
            return phrase.spanning(doc, start, end)
    return phrase


def _names_it(token: Token) -> bool:
    """A name in apposition to a common noun: "Euterpe" of "the muse of music, Euterpe"."""
    return token.dep_ == "appos" and token.pos_ == "PROPN"


def _in_apposition(token: Token) -> bool:
    """An appositive, or a name after a comma that the parser took for the first of a list
    ("two smaller streams, the Lisk and the Hollin")."""
    if token.dep_ == "appos":
        return True
    return (
        token.dep_ == "conj"
        and token.pos_ == "PROPN"
        and token.head.pos_ == "NOUN"
        and token.left_edge.i > 0
        and token.doc[token.left_edge.i - 1].text == ","
    )


def _listed(token: Token) -> Token | None:
    """The first thing "including", "like" or "such as" lists after a noun, if ``token`` is
    that preposition; the name "named", "called" or "known as" give after a noun ("a new
    connector, named Lightning")."""
    if token.dep_ == "acl" and lemma(token) in NAMING_VERBS:
        said = [c for c in token.children if c.dep_ in ("oprd", "dobj", "attr")]
        said += [g for c in token.children if c.lower_ == "as" for g in c.children]  # known as
        return next((c for c in said if c.dep_ != "prep"), None)
    listing = token.lower_ in ("including", "like") or (
        token.lower_ == "as" and any(c.lower_ == "such" for c in token.children)
    )
    if token.dep_ != "prep" or not listing:
        return None
    return next((c for c in token.children if c.dep_ == "pobj"), None)


def _person(doc: Doc, phrase: Phrase, query: Query) -> Phrase:
    """For "who", the person a phrase ends with, without the title before the name
    ("Ines Halvorsen", not "epidemiologist Ines Halvorsen" nor "the shipowner Ines
    Halvorsen" nor "its owner, Ines Halvorsen"; "Superintendent Ines Halvorsen" when the
    question asks who the superintendent is)."""
    other = _other_person(doc, phrase, query)
    if other is not None:
        return other
    if phrase.end - phrase.start > 8:
        return phrase
    person = next((e for e in doc.ents if e.label_ == "PERSON" and e.end == phrase.end), None)
    if person is None or person.start < phrase.start:
        return _name_after_description(doc, phrase)
    start = person.start
    # A title the recogniser took into the name, that the question itself names.
    while start < person.end - 1 and query.matches(doc[start]):
        start += 1
    before = doc[phrase.start : person.start]
    if start == phrase.start or not all(_title_word(t) for t in before):
        return _name_after_description(doc, phrase)
    return phrase.spanning(doc, start, phrase.end)


def _other_person(doc: Doc, phrase: Phrase, query: Query) -> Phrase | None:
    """The person a phrase goes on to name after one the question names, not listed with
    it: "Erik Halvik" of "Anders Moberg, who succeeded Greta Halvik's grandson, Erik
    Halvik" for "Who was chief executive before Anders Moberg?"."""
    people = [
        e
        for e in doc.ents
        if e.label_ == "PERSON" and phrase.start <= e.start and e.end <= phrase.end
    ]
    if len(people) < 2 or not all(query.matches(t) for t in people[0] if t.is_alpha):
        return None
    last = people[-1]
    if last.root.dep_ == "conj" or any(query.matches(t) for t in last if t.is_alpha):
        return None
    return phrase.spanning(doc, last.start, last.end)


def _name_after_description(doc: Doc, phrase: Phrase) -> Phrase:
    """The name a phrase ends with, without the common words before it that describe it,
    when the recogniser did not take it for a person: "Arne Frager" of "R&B producer Arne
    Frager", "Topshop" of "London-based fashion retailer Topshop", "Clésinger" of "Solange's
    husband Clésinger"."""
    start = phrase.end
    while start > phrase.start and (
        doc[start - 1].pos_ == "PROPN"
        or (
            doc[start - 1].tag_ == "POS"
            and start - 1 > phrase.start
            and doc[start - 2].pos_ == "PROPN"
        )
    ):
        start -= 1
    # A list names several ("Delacroix and the mezzo-soprano Pauline Viardot").
    if start in (phrase.start, phrase.end) or any(
        t.dep_ == "cc" for t in doc[phrase.start : start]
    ):
        return phrase
    word = (
        doc[start - 1]
        if doc[start - 1].text != "," or start - 1 == phrase.start
        else doc[start - 2]
    )
    if word.pos_ not in ("NOUN", "ADJ", "VERB") or word.ent_type_:
        return phrase
    name = doc[start : phrase.end]
    # The words describe the name: they hang on it, or it stands in apposition to them.
    if not any(start <= a.i < phrase.end for a in word.ancestors) and name.root.head != word:
        return phrase
    return phrase.spanning(doc, start, phrase.end)


def _title_word(t: Token) -> bool:
    """A word of a title before a name: "the", "his", "chief", "executive", or the comma
    of one in apposition ("its owner, Rachel Innes")."""
    if t.pos_ == "DET" or (t.pos_ == "PRON" and t.dep_ == "poss") or t.text == ",":
        return True
    return t.pos_ in ("NOUN", "ADJ") and not t.ent_type_


def finer_than_year(query: Query, doc: Doc, phrases: list[Phrase]) -> list[Phrase]:
    """For "On what date", "What day", "In which month": when the best phrase names no
    month or day, nor does the date round it, the phrases that do, if the sentence has any
    ("withdrawn on 3 September 1962, and ... until 1965" answers with the first)."""
    if not phrases or not asks_within_year(query.question):
        return phrases
    if _names_day_or_month(doc, _whole_date(doc, phrases[0])):
        return phrases  # the best one says it, or the date round its year does
    finer = [p for p in phrases if _names_day_or_month(doc, p)]
    return finer or phrases


def _names_day_or_month(doc: Doc, phrase: Phrase) -> bool:
    return any(is_day_or_month(t.text) for t in doc[phrase.start : phrase.end])


def _date_inside(doc: Doc, phrase: Phrase) -> Phrase:
    """For "when", the one date a longer phrase holds ("collapsed on 15 March" → "15
    March"); a phrase with two dates ("from 1816 to 1821") is said whole."""
    dates = [
        e
        for e in doc.ents
        if e.label_ in ("DATE", "TIME") and phrase.start <= e.start and e.end <= phrase.end
    ]
    if len(dates) != 1 or (dates[0].start, dates[0].end) == (phrase.start, phrase.end):
        return phrase
    date = dates[0]
    rest = [*doc[phrase.start : date.start], *doc[date.end : phrase.end]]
    if any(t.like_num for t in rest):
        return phrase  # a second date the recogniser missed ("from 1990 to 1994")
    return phrase.spanning(doc, date.start, date.end)


# Words that join a period's two ends inside one date: "1431-1460", "1402 to 1431",
# "between 1271 and 1368".
_PERIOD_JOINS = frozenset({*PERIOD_JOINS, "and"})
_PERIOD_OPENERS = frozenset({"from", "between"})


def _period(doc: Doc, phrase: Phrase, end: str | None) -> Phrase:
    """For "when", a date that is one end of a period the sentence gives ("ruled
    1431-1460", "from 1402 to 1431"): the whole period, which is when it happened, or the
    end the question asks for ("When did the war end?": the second)."""
    date = next(
        (
            e
            for e in doc.ents
            if e.label_ == "DATE" and e.start <= phrase.start and phrase.end <= e.end
        ),
        None,
    )
    if date is None:
        return phrase
    join = next(
        (
            t
            for t in date[1:-1]
            if t.lower_ in _PERIOD_JOINS
            and any(u.like_num for u in doc[date.start : t.i])
            and any(u.like_num for u in doc[t.i + 1 : date.end])
            and (t.lower_ != "and" or doc[date.start].lower_ == "between")
        ),
        None,
    )
    if join is None:
        return phrase
    start = date.start + (doc[date.start].lower_ in _PERIOD_OPENERS)
    first, second = (start, join.i), (join.i + 1, date.end)
    if end is None:
        return phrase.spanning(doc, start, date.end)
    if phrase.start >= join.i + 1 and end == "start":
        return _like(doc, phrase, *first)
    if phrase.end <= join.i and end == "end":
        return _like(doc, phrase, *second)
    return phrase


def _like(doc: Doc, phrase: Phrase, start: int, end: int) -> Phrase:
    """The tokens ``start:end`` as ``phrase``'s other end: its year alone when ``phrase`` is
    a year alone."""
    years = [t for t in doc[start:end] if is_year(t.text)]
    if phrase.end - phrase.start == 1 and is_year(doc[phrase.start].text) and len(years) == 1:
        return phrase.spanning(doc, years[0].i, years[0].i + 1)
    return phrase.spanning(doc, start, end)


def _whole_date(doc: Doc, phrase: Phrase) -> Phrase:
    """For "On what date", "What day", "In which month": the whole date a year alone was
    read from ("February 6, 2016", not "2016")."""
    if phrase.end - phrase.start != 1 or not is_year(doc[phrase.start].text):
        return phrase
    date = next(
        (e for e in doc.ents if e.label_ == "DATE" and e.start <= phrase.start < e.end), None
    )
    if date is None or len(date) == 1:
        return phrase
    return phrase.spanning(doc, date.start, date.end)
