"""The facts, indexed once for matching: each with the keys it is matched on.

A fact is matched on what it is (its measure, unit and qualifier: its *focus*), whose it is
(its owner), the words of its sentence and of its article's headline and lead. The entries
are kept by article and by key, so a question is matched only against the facts of the
articles retrieval ranks high, or, without a ranking, against the facts that share a word
with it: never every fact of a large corpus. The index also keeps what the answering needs
about facts and articles: parts of wholes, stated equivalents, earlier values, the exchange
rates articles imply, and the corpus' vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..analysis import STOP_WORDS, proper_words, stem
from ..facts import Fact
from ..lexicon.question_words import QUESTION_WORDS
from ..lexicon.referents import FACILITIES, STAND_INS
from ..lexicon.synonyms import PEOPLE_VERBS
from ..types import Article, Sentence
from .context import clause_head, clause_times, is_future, number_context, span_root
from .subjects import read_subjects
from .terms import (
    LIGHT_WORDS,
    NAME_NUMBER,
    NONE,
    SYNONYMS,
    Term,
    base,
    doers,
    keys,
    keyset,
    name_number_key,
    strength,
    words,
)

# Nouns that stand in for a name said earlier ("the city" for the city the headline names).
STAND_IN_KEYS = frozenset(stem(w) for w in STAND_INS)
# Things an article may call by a common noun after its headline names them.
FACILITY_KEYS = frozenset(stem(w) for w in FACILITIES)
# Verbs that say who a count of people is, by their synonym group ("work" counts staff).
VERB_FORMS = frozenset(w for forms in PEOPLE_VERBS.values() for w in forms)
MONEY_KEYS = keys("value") | keys("worth") | keys("money")

# A sentence that speaks of "it", "they" or "he" is about names the sentence before gives
# ("... built the Barrage de Lasclaux. It is a concrete arch dam 74 metres high").
_PRONOUN = re.compile(r"\b(?:it|its|they|their|he|his|she|her)\b", re.IGNORECASE)
_INNER_NAME = re.compile(r"(?<=\s)[A-Z][\w'-]+")
_COMPARED = re.compile(r"\b(?:from|since|than|with|over)\b[^,;]{0,30}$", re.IGNORECASE)
_NUMBER_OF = re.compile(r"(?:the\s+)?(?:total\s+)?(?:number|count)\s+of\s+(.+)", re.IGNORECASE)
_FULL_NAME = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]{2,})\b")
_NAMED = re.compile(
    r"\b(?:a|an|the)\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:named|called|known\s+as)\s+"
    r"(?P<name>[A-Z][\w-]*)"
)


@dataclass(frozen=True)
class Entry:
    """A fact with the keys it is matched on, built once."""

    fact: Fact
    own: frozenset[str]  # measure, unit, qualifier, owner
    focus: frozenset[str]  # measure, unit, qualifier (what it is, not whose)
    ctx: frozenset[str]  # its sentence
    lead: frozenset[str]  # the article's title and first sentence
    verb: frozenset[str] = frozenset()  # for a date: the verbs of its event
    owner_keys: frozenset[str] = frozenset()  # its owner's own words
    owner_all: frozenset[str] = frozenset()  # its owner's words and their synonyms
    stand_in_owner: bool = False  # its owner is "the building", "the project", "the line"
    near: frozenset[str] = frozenset()  # the words that go with its number (its phrase)
    future: bool = False  # its clause speaks of what will be ("will add", "is due to")
    clause_time: str | None = None  # the time its clause names, when it has none of its own
    doers: frozenset[str] = frozenset()  # who its count of people is: "work" for staff


class FactIndex:
    """Facts, sentences and articles, with the keys and tables matching reads."""

    def __init__(
        self,
        facts: Sequence[Fact],
        sentences: Sequence[Sentence],
        articles: Sequence[Article],
        docs: Mapping[str, Doc] | None = None,
        titles: Mapping[str, Doc] | None = None,
    ) -> None:
        """``docs`` maps sentence ids to their parses and ``titles`` article ids to their
        titles' parses; without them a figure's phrase is not known (only its sentence),
        nor what each article is about."""
        self.facts = list(facts)
        self.by_id = {f.id: f for f in self.facts}
        self.position = {f.id: i for i, f in enumerate(self.facts)}
        self.sentences = {s.id: s for s in sentences}
        self.articles = {a.id: a for a in articles}
        firsts: dict[str, Sentence] = {}
        for s in sentences:
            firsts.setdefault(s.article, s)
        lead = {
            a.id: keyset(a.title + " " + (firsts[a.id].text if a.id in firsts else ""))
            for a in articles
        }
        self.entries = _entries(self.facts, self.sentences, lead, _aliases(sentences))
        if docs is not None:
            self.entries = _with_phrases(self.entries, self.sentences, docs)
        self.entry = {e.fact.id: e for e in self.entries}
        self.by_article: dict[str, list[Entry]] = {}
        self.by_sentence: dict[str, list[Fact]] = {}
        for e in self.entries:
            self.by_article.setdefault(e.fact.article, []).append(e)
            self.by_sentence.setdefault(e.fact.sentence, []).append(e.fact)
        self.all_focus = frozenset().union(
            *(e.focus for e in self.entries if e.fact.kind != "date")
        )
        self.parts: dict[str, list[Fact]] = {}
        self.equivalents: dict[str, list[Fact]] = {}
        self.earlier: dict[str, Fact] = {}
        for f in self.facts:
            if f.part_of:
                self.parts.setdefault(f.part_of, []).append(f)
            if f.equivalent_of:
                self.equivalents.setdefault(f.equivalent_of, []).append(f)
            if f.earlier_of:
                self.earlier.setdefault(f.earlier_of, f)
        self.rates = self._rates()
        # The year a story reports on: the one its first sentence names, a year it is
        # compared with aside ("handled a record 4.6 million passengers in 2023, up from 4
        # million in 2022"); else its dateline's.
        lead_years: dict[str, set[str]] = {}
        for f in self.facts:
            s = firsts.get(f.article)
            in_lead = s is not None and f.sentence == s.id
            if in_lead and f.kind == "date" and f.time and not _compared(s, f):
                lead_years.setdefault(f.article, set()).add(f.time[:4])
        self.reported = {
            a.id: next(iter(lead_years[a.id])) if len(lead_years.get(a.id, ())) == 1 else None
            for a in articles
        }
        for a in articles:
            if self.reported[a.id] is None and a.date:
                self.reported[a.id] = a.date[:4]
        vocabulary: set[str] = set()
        for s in sentences:
            vocabulary.update(words(s.text))
        for a in articles:
            vocabulary.update(words(a.title))
        self.vocabulary = vocabulary
        self.corpus_stems = frozenset(stem(w) for w in vocabulary)
        self.known_groups = frozenset(
            g for g, ws in SYNONYMS.items() if any(stem(w) in self.corpus_stems for w in ws)
        )
        self.proper = proper_words(sentences)
        self.name_numbers = frozenset(
            name_number_key(m.group(1), m.group(2))
            for s in sentences
            for m in NAME_NUMBER.finditer(s.text)
            if m.group(1)[0].isupper() and m.group(1).lower() not in STOP_WORDS
        )
        self.light_stems = frozenset(base(w) for w in LIGHT_WORDS)
        self.verb_stems = frozenset(
            {base(f.verb) for f in self.facts if f.verb}
            | {k for e in self.entries for k in e.verb if not k.startswith("#")}
            | {base(w) for w in VERB_FORMS | LIGHT_WORDS}
        )
        # Per sentence, the things it gives figures for ("the ship", "a tug named X").
        things: dict[str, set[str]] = {}
        for e in self.entries:
            if e.fact.kind != "date":
                things.setdefault(e.fact.sentence, set()).update(e.owner_keys)
        self.things = {k: frozenset(v) for k, v in things.items()}
        bodies: dict[str, list[Doc]] = {}
        for s in sentences:
            if docs is not None and s.id in docs:
                bodies.setdefault(s.article, []).append(docs[s.id])
        subjects = read_subjects(articles, titles or {}, bodies)
        # Each article's first subject ("a new clinic"); the name an entry is about
        # and the head nouns of such names ("bridge" of "Varne Bridge"); the lives.
        self.topic_head = subjects.first
        self.topic = subjects.topic
        self.topic_heads = subjects.heads
        self.people = subjects.people
        self._postings = _postings(self.entries)
        self._article_postings: dict[str, set[str]] = {}
        for a in articles:
            for k in lead.get(a.id, NONE) | self.topic.get(a.id, NONE):
                self._article_postings.setdefault(k, set()).add(a.id)

    def entries_of(self, articles: Collection[str]) -> list[Entry]:
        """The entries of ``articles``, in reading order."""
        out = [e for a in articles for e in self.by_article.get(a, ())]
        out.sort(key=lambda e: self.position[e.fact.id])
        return out

    def sharing(self, terms: Sequence[Term]) -> list[Entry]:
        """The entries that share a key with one of ``terms``: in their own words, their
        sentence, or their article's headline and lead (the only facts such terms can
        match), in reading order."""
        found: set[int] = set()
        articles: set[str] = set()
        for t in terms:
            for k in t.keys:
                found.update(self._postings.get(k, ()))
                articles.update(self._article_postings.get(k, ()))
        found.update(self.position[e.fact.id] for a in articles for e in self.by_article[a])
        return [self.entries[i] for i in sorted(found)]

    def term(self, word: str) -> Term:
        """``word`` as a question term, with what the corpus knows of it."""
        ks = keys(word)
        related = any(k[1:] in self.known_groups for k in ks if k.startswith("#"))
        return Term(word, ks, stem(word) in self.corpus_stems, word in self.proper, related)

    def terms(self, text: str, names: Collection[str] = ()) -> list[Term]:
        """The content words of ``text`` as question terms; ``names`` are read as names."""
        out = []
        for m in NAME_NUMBER.finditer(text):  # "route 7" names one route of several
            if m.group(1).lower() in STOP_WORDS:
                continue  # "by 1938" is a time
            key = name_number_key(m.group(1), m.group(2))
            if key in self.name_numbers:
                out.append(Term(f"{m.group(1)} {m.group(2)}", frozenset({key}), True, True))
        for w in words(text):
            if w in STOP_WORDS or w in QUESTION_WORDS or w in LIGHT_WORDS:
                continue
            if w[0].isdigit() or w[0] in "$€£¥" or w in ("yuan", "dollars", "dollar", "usd"):
                continue
            term = self.term(w)
            out.append(replace(term, proper=True) if w in names else term)
            if "-" in w:
                out += [
                    self.term(p)
                    for p in w.split("-")
                    if p and p not in STOP_WORDS and p not in QUESTION_WORDS
                ]
        return out

    def is_focus_term(self, term: Term) -> bool:
        """Whether some figure is a measure of this word ("revenue", "employees")."""
        return strength(term.keys, self.all_focus) > 0

    def article_year(self, f: Fact) -> str | None:
        a = self.articles.get(f.article)
        return a.date[:4] if a and a.date else None

    def _rates(self) -> dict[tuple[str, str, str], tuple[Fact, Fact]]:
        """Exchange rates the articles imply: (article, from, to) → (amount, its equivalent)."""
        rates: dict[tuple[str, str, str], tuple[Fact, Fact]] = {}
        for g in self.facts:
            if g.equivalent_of and g.kind == "money":
                f = self.by_id[g.equivalent_of]
                if f.unit and g.unit and f.value and g.value:
                    rates.setdefault((f.article, f.unit, g.unit), (f, g))
                    rates.setdefault((f.article, g.unit, f.unit), (g, f))
        return rates


def _entries(
    facts: Sequence[Fact],
    sentences: dict[str, Sentence],
    lead: dict[str, frozenset[str]],
    aliases: dict[str, dict[str, frozenset[str]]],
) -> list[Entry]:
    ctx_cache: dict[str, frozenset[str]] = {}
    out = []
    for f in facts:
        if f.sentence not in ctx_cache:
            sentence = sentences.get(f.sentence)
            text = sentence.text if sentence else ""
            extra = aliases.get(f.article, {})
            ctx_cache[f.sentence] = keyset(text).union(
                *(extra[w] for w in set(words(text)) if w in extra)
            )
            before = _sentence_before(sentences, sentence)
            if before is not None and _PRONOUN.search(text):
                names = " ".join(_INNER_NAME.findall(before.text))
                ctx_cache[f.sentence] |= keyset(names)
        focus = keyset(" ".join(x for x in (f.measure, f.unit, f.qualifier) if x))
        if f.owner and (counted := _NUMBER_OF.match(f.owner)):
            focus |= keyset(counted.group(1))  # "the number of patients ... reached 84,300"
        if f.kind == "money":  # any amount of money is a value, a worth
            focus |= MONEY_KEYS
        owner = keyset(f.owner)
        out.append(
            Entry(
                f,
                focus | owner,
                focus,
                ctx_cache[f.sentence],
                lead.get(f.article, NONE),
                _event_verbs(f),
                frozenset(k for k in owner if not k.startswith("#")),
                owner,
                _stand_in(f.owner),
                doers=doers(words(" ".join(x for x in (f.verb, f.measure, f.qualifier) if x))),
            )
        )
    return out


def _with_phrases(
    entries: Sequence[Entry], sentences: Mapping[str, Sentence], docs: Mapping[str, Doc]
) -> list[Entry]:
    """The entries with the words of their number's phrase (:mod:`qa.numeric.context`)."""
    by_sentence: dict[str, list[Entry]] = {}
    for e in entries:
        by_sentence.setdefault(e.fact.sentence, []).append(e)
    read: dict[str, Entry] = {}
    for sid, group in by_sentence.items():
        doc, s = docs.get(sid), sentences.get(sid)
        if doc is None or s is None:
            continue
        figures = [e for e in group if e.fact.kind != "date"]
        dates = {
            r.i: e.fact.time
            for e in group
            if e.fact.kind == "date"
            and (r := span_root(doc, e.fact.start - s.start, e.fact.end - s.start))
        }
        for e in figures:
            read[e.fact.id] = _read_figure(e, doc, s, [g for g in figures if g is not e], dates)
        for e in group:
            if e.fact.kind == "date":  # "is due to open in 2026": an event still to come
                verb = clause_head(doc, e.fact.start - s.start, e.fact.end - s.start)
                read[e.fact.id] = replace(e, future=verb is not None and is_future(verb))
    return [read.get(e.fact.id, e) for e in entries]


def _read_figure(
    e: Entry, doc: Doc, s: Sentence, others: Sequence[Entry], dates: Mapping[int, str | None]
) -> Entry:
    """A figure's entry with its number's phrase, and what its clause says of its time."""
    f = e.fact
    at = (f.start - s.start, f.end - s.start)
    spans = [(g.fact.start - s.start, g.fact.end - s.start) for g in others]
    tokens = number_context(doc, *at, spans)
    verb = clause_head(doc, *at)
    mine = [doc[i] for i in dates if i in {t.i for t in tokens}]
    times = [dates[t.i] for t in clause_times(verb, mine)] if verb else []
    # The clause says when only what the fact itself leaves unsaid; that it is still to
    # come ("will spend"), unless the fact is dated in a way that says otherwise (a time
    # read from the day it was said, "announced on Tuesday", does not).
    unsaid = f.time is None and f.time_kind is None
    open_time = f.time_kind in (None, "resolved-relative")
    return replace(
        e,
        near=keyset(" ".join(t.text for t in tokens)),
        future=open_time and verb is not None and is_future(verb),
        clause_time=next((t for t in times if t), None) if unsaid else None,
    )


def _postings(entries: Sequence[Entry]) -> dict[str, list[int]]:
    """Each key with the positions of the entries whose own words or sentence hold it."""
    out: dict[str, list[int]] = {}
    for i, e in enumerate(entries):
        for k in e.own | e.ctx:
            out.setdefault(k, []).append(i)
    return out


def _event_verbs(f: Fact) -> frozenset[str]:
    """Keys of the verbs in a date fact's event ("established", "moved to the city")."""
    if f.kind != "date" or not f.measure:
        return NONE
    ws = words(f.measure)
    verbs = [w for i, w in enumerate(ws) if i == 0 or w.endswith(("ed", "ing"))]
    out: set[str] = set()
    for w in verbs:
        out |= keys(w)
    return frozenset(out)


def _aliases(sentences: Sequence[Sentence]) -> dict[str, dict[str, frozenset[str]]]:
    """Per article, words that stand for more than themselves: a surname for the full name
    said once, a name for what it names ("a tug named X" makes X a tug)."""
    out: dict[str, dict[str, frozenset[str]]] = {}
    for s in sentences:
        table = out.setdefault(s.article, {})
        for m in _FULL_NAME.finditer(s.text):
            table[m.group(2).lower()] = table.get(m.group(2).lower(), NONE) | keyset(m.group(1))
        for m in _NAMED.finditer(s.text):
            name = m.group("name").lower()
            table[name] = table.get(name, NONE) | keyset(m.group("noun"))
    return out


def _compared(s: Sentence | None, f: Fact) -> bool:
    """Whether the date ``f`` of sentence ``s`` is a time compared with ("up from 2022")."""
    return s is not None and bool(_COMPARED.search(s.text[: f.start - s.start]))


def _sentence_before(sentences: Mapping[str, Sentence], s: Sentence | None) -> Sentence | None:
    """The sentence before ``s`` in its paragraph."""
    if s is None or s.index == 0:
        return None
    before = sentences.get(f"{s.article}:s{s.index - 1}")
    return before if before is not None and before.paragraph == s.paragraph else None


def _stand_in(owner: str | None) -> bool:
    """ "the four-storey building", "the project": an owner that stands in for a name."""
    if not owner or not re.match(r"(?:the|this|its)\s", owner, re.IGNORECASE):
        return False
    ws = words(owner)
    return bool(ws) and stem(ws[-1]) in FACILITY_KEYS and "of" not in ws
