"""Read an article's facts sentence by sentence, carrying what its mentions refer to.

Each sentence's amounts are found (:mod:`.amounts`), then its constructions are read in
order: measures and owners (:mod:`.measures`), coordinated runs read "respectively" and parts
of wholes (:mod:`.parts`), changes and earlier values (:mod:`.changes`), and times
(:mod:`.times`). The :class:`~.mentions.Discourse` carries the last subject, the last person
and the names met so far from one sentence to the next.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..types import Article, Sentence
from . import tree
from .amounts import counted_of_them, read_amounts
from .changes import read_changes
from .context import NAMING_VERBS, SentenceContext
from .gapping import read_gapped, read_scaled_money
from .measures import read_measures
from .mentions import PRONOUNS, REPORTING, Discourse
from .model import Change, Draft, Fact
from .parts import read_parts, respectively
from .times import read_times


def extract_facts(
    article: Article, sentences: Sequence[Sentence], docs: Sequence[Doc], title_doc: Doc
) -> list[Fact]:
    """Every number in ``article`` as a :class:`Fact`, in reading order, ids "<article>:f<n>".

    ``docs`` are the parses of ``sentences`` (one each, offsets relative to the sentence)
    and ``title_doc`` the parse of the article's title.
    """
    if len(docs) != len(sentences):
        raise ValueError(f"{len(sentences)} sentences but {len(docs)} parses")
    discourse = Discourse(article.title, title_doc, docs)
    facts: list[Fact] = []
    for sentence, doc in zip(sentences, docs, strict=True):
        drafts = read_sentence(sentence.text, doc, discourse, article.date)
        facts.extend(_facts(article, sentence, drafts, len(facts)))
    return facts


def read_sentence(
    text: str, doc: Doc, discourse: Discourse, article_date: str | None
) -> list[Draft]:
    """The drafts of one sentence, every construction read; the discourse moves on."""
    discourse.start(doc)
    drafts = read_amounts(text, doc, article_date, discourse.period)
    ctx = SentenceContext(text, doc, drafts, discourse, article_date)
    counted_of_them(ctx.drafts, discourse.counted)
    ctx.subject = _own_subject(ctx)
    if ctx.drafts:
        read_scaled_money(ctx)
        read_measures(ctx)
        respectively(ctx)
        read_gapped(ctx)
        read_changes(ctx)
        read_parts(ctx)
        read_times(ctx)
    subject = ctx.subject_token
    # "The singer Mara Veil was ...": a person in apposition to the subject is its person.
    is_person = subject is not None and (
        _is_person(subject) or any(c.dep_ == "appos" and _is_person(c) for c in subject.children)
    )
    person = ctx.subject if is_person else None
    named = ctx.subject if subject is not None and _is_name(subject) else None
    discourse.finish(ctx.subject, person, named)
    discourse.period = _period(ctx.drafts, article_date) or discourse.period
    counts = [d.unit for d in ctx.drafts if d.kind == "count" and d.unit]
    if counts:
        discourse.counted = counts[-1]
    return ctx.drafts


def _period(drafts: list[Draft], article_date: str | None) -> str | None:
    """The last year a sentence names as the story's own, or the one before its dateline
    ("profit fell in 2024" in a story of February 2025); a year further back is background,
    not what "a year earlier" counts from."""
    if not article_date:
        return None
    years = [
        d.time[:4]
        for d in drafts
        if d.is_date and d.time and d.time_mention is not None and d.time_mention.kind == "year"
    ]
    own = [y for y in years if y.isdigit() and 0 <= int(article_date[:4]) - int(y) <= 1]
    return own[-1] if own else None


def _is_person(tok: Token) -> bool:
    """A person's name: the entity recogniser says so, and no determiner comes before it
    (people's names take none: "The Tessel Concert Hall" is no person)."""
    return tok.ent_type_ == "PERSON" and not any(c.dep_ == "det" for c in tok.children)


def _is_name(tok: Token) -> bool:
    """A proper noun in the singular with no determiner ("Ivo Brandt", not "The Tessel
    Hall", nor "Prosecutors" at the head of a sentence)."""
    return (
        tok.pos_ == "PROPN"
        and tok.tag_ != "NNPS"
        and not any(c.dep_ == "det" for c in tok.children)
    )


def _own_subject(ctx: SentenceContext) -> str | None:
    """What the sentence is about, to carry to the next: its main subject, unless that is a
    pronoun (which carries the earlier one), "there", an amount ("a crowd of 9,000"), or a
    measure ("Revenue rose ...": whose revenue is still the earlier subject's)."""
    tok = ctx.subject_token
    if tok is None or tok.lower_ in PRONOUNS or tok.lower_ == "there" or tok.like_num:
        return None
    amounts = [c for c in tok.children if c.i in ctx.amount_tokens and c.dep_ != "appos"]
    if tok.i in ctx.amount_tokens or amounts:  # not "Berg, 58,": an age aside is no amount
        return None
    of = [o for c in tok.children if c.lower_ == "of" for o in c.children]
    if any(o.i in ctx.amount_tokens for o in of):
        return None  # "A crowd of 61,240 watched": an amount of something, no topic
    if ctx.is_bare_measure(tok) or ctx.is_measure_noun(tok):
        return None  # "The unemployment rate rose": a measure, not what the text is about
    return ctx.refer(tok)


def _facts(article: Article, sentence: Sentence, drafts: list[Draft], base: int) -> list[Fact]:
    order = sorted(
        (i for i, d in enumerate(drafts) if "drop" not in d.notes), key=lambda i: drafts[i].start
    )
    ids = {i: f"{article.id}:f{base + n}" for n, i in enumerate(order)}

    def ref(i: int | None) -> str | None:
        return ids.get(i) if i is not None else None

    out = []
    for i in order:
        d = drafts[i]
        change = None
        if d.change is not None:
            value, unit, direction, basis, j = d.change
            change = Change(value, unit, direction, basis, ids.get(j) if j != i else None)
        out.append(
            Fact(
                id=ids[i],
                article=article.id,
                sentence=sentence.id,
                start=sentence.start + d.start,
                end=sentence.start + d.end,
                surface=sentence.text[d.start : d.end],
                value=d.value,
                unit=d.unit,
                kind=d.kind,
                measure=d.measure,
                owner=d.owner or None,
                qualifier=d.qualifier,
                time=d.time,
                time_kind=d.time_kind,
                change=change,
                change_of=ref(d.change_of),
                part_of=ref(d.part_of),
                equivalent_of=ref(d.equivalent_of),
                rate=d.rate,
                period=d.period,
                earlier_of=ref(d.earlier_of),
                verb=_verb_word(d),
            )
        )
    return out


def _verb_word(d: Draft) -> str | None:
    """The verb a figure goes with, as written, from where its clause's verbs start: "expected"
    in "is expected to treat 9,000", "plans" in "plans to invest"; none for "be", which says
    nothing of its own."""
    verb = d.verb
    if verb is None or d.is_date:
        return None
    while verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        verb = verb.head
    return None if verb.lemma_ == "be" else verb.lower_


def sentence_subject(doc: Doc) -> str | None:
    """The main subject of a parsed sentence as written ("a new clinic at St Anne's
    Hospital"); None when it has none."""
    tok = tree.main_subject(doc, REPORTING)
    return tree.phrase(tok, (), NAMING_VERBS) or None if tok is not None else None
