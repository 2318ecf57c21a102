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
from dataclasses import replace

from spacy.tokens import Doc

from ..analysis import STOP_WORDS, proper_words, stem
from ..facts import Fact
from ..lexicon.discourse_words import REPORTING_VERBS
from ..lexicon.question_words import QUESTION_WORDS
from ..lexicon.synonyms import PEOPLE_VERBS
from ..numbers import MONTHS, is_year
from ..reading.alternatives import Choices, choices
from ..types import Article, Sentence
from .entries import Entry, build_entries, name_aliases, with_phrases
from .subjects import read_subjects
from .terms import (
    LIGHT_WORDS,
    NAME_NUMBER,
    NONE,
    SYNONYMS,
    Term,
    base,
    keys,
    keyset,
    name_number_key,
    strength,
    words,
)

# Verbs that say who a count of people is, by their synonym group ("work" counts staff).
VERB_FORMS = frozenset(w for forms in PEOPLE_VERBS.values() for w in forms)
_COMPARED = re.compile(r"\b(?:from|since|than|with|over)\b[^,;]{0,30}$", re.IGNORECASE)


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
        self.docs = dict(docs) if docs is not None else {}
        self.articles = {a.id: a for a in articles}
        firsts: dict[str, Sentence] = {}
        for s in sentences:
            firsts.setdefault(s.article, s)
        lead = {
            a.id: keyset(a.title + " " + (firsts[a.id].text if a.id in firsts else ""))
            for a in articles
        }
        self.entries = build_entries(self.facts, self.sentences, lead, name_aliases(sentences))
        # A story's first sentence tells the news its headline does, in other words.
        self.headline = {
            firsts[a.id].id: keyset(a.title) for a in articles if a.id in firsts and a.date
        }
        if docs is not None:
            self.entries = with_phrases(self.entries, self.sentences, docs)
        self.entry = {e.fact.id: e for e in self.entries}
        self._docs = docs or {}
        self._choices: dict[str, Choices] = {}
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
            lead_sentence = firsts.get(f.article)
            in_lead = lead_sentence is not None and f.sentence == lead_sentence.id
            said_on = f.measure is not None and base(f.measure) in _REPORTING  # "said on Monday"
            if (
                in_lead
                and f.kind == "date"
                and f.time
                and not said_on
                and not _compared(lead_sentence, f)
            ):
                lead_years.setdefault(f.article, set()).add(f.time[:4])
        self.reported = {
            a.id: next(iter(lead_years[a.id]))
            if len(lead_years.get(a.id, ())) == 1
            else (a.date[:4] if a.date else None)
            for a in articles
        }
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
        self.numbered = frozenset(k.split("#")[0] for k in self.name_numbers)
        self.light_stems = frozenset(base(w) for w in LIGHT_WORDS)
        self.verb_stems = frozenset(
            {base(f.verb) for f in self.facts if f.verb}
            | {k for e in self.entries for k in e.verb if not k.startswith("#")}
            | {base(w) for w in VERB_FORMS | LIGHT_WORDS}
        )
        # The nouns the articles measure by ("the first estimate of 50 million": "estimate").
        self.measure_stems = frozenset(
            stem(re.split(r" (?:of|per|in|for) ", f.measure)[0].split()[-1])
            for f in self.facts
            if f.measure and f.kind != "date"
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
        self.called = subjects.called
        self.introduced = subjects.introduced
        self.people = subjects.people
        self.lives = subjects.lives
        self._postings = _postings(self.entries)
        self._article_postings: dict[str, set[str]] = {}
        for a in articles:
            for k in lead.get(a.id, NONE) | self.topic.get(a.id, NONE):
                self._article_postings.setdefault(k, set()).add(a.id)

    def choices(self, sentence: str) -> Choices:
        """Which of a pair the sentence gives its nouns ("the men's race"), read once."""
        if sentence not in self._choices:
            doc = self._docs.get(sentence)
            self._choices[sentence] = choices(doc) if doc is not None else {}
        return self._choices[sentence]

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

    def other_numbers(self, text: str) -> list[str]:
        """Names with a number in ``text`` that no article uses, though one uses the name
        with another number ("Line 1" where only "Line 3" is told of): another of several."""
        out = []
        for m in NAME_NUMBER.finditer(text):
            name = m.group(1).lower()
            if name in STOP_WORDS or name in MONTHS or is_year(m.group(2)):
                continue  # "March 2011", "May 4", "since 2004": dates, not numbered names
            if name not in self.numbered:
                continue
            if name_number_key(m.group(1), m.group(2)) not in self.name_numbers:
                out.append(f"{m.group(1)} {m.group(2)}")
        return out

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


def _postings(entries: Sequence[Entry]) -> dict[str, list[int]]:
    """Each key with the positions of the entries whose own words or sentence hold it."""
    out: dict[str, list[int]] = {}
    for i, e in enumerate(entries):
        for k in e.own | e.ctx:
            out.setdefault(k, []).append(i)
    return out


_REPORTING = frozenset(stem(v) for v in REPORTING_VERBS)


def _compared(s: Sentence | None, f: Fact) -> bool:
    """Whether the date ``f`` of sentence ``s`` is a time compared with ("up from 2022")."""
    return s is not None and bool(_COMPARED.search(s.text[: f.start - s.start]))
