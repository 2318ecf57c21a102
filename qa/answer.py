"""Compose the stages into an answer: follow-ups, numeric rules, retrieval, or abstention.

The order is fixed: a numeric question goes to the rule layer first (it answers from facts,
or says honestly that the facts cannot); otherwise the best-covering sentence is found by
retrieval and, for who/where/when/which questions, the span inside it that answers. A
question whose words the articles barely contain, or whose kind of answer (a name, a place,
a date) no good sentence holds, gets an abstention rather than a guess.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any, Protocol

from .analysis import STOP_WORDS, expand, stem, tokens
from .followup import resolve
from .quotes import Attribution
from .retriever import Hit, Retriever
from .spans import (
    QuestionKind,
    ShortAnswer,
    _is_person_name,
    _names,
    best_span,
    classify,
    classify_noun,
    describe,
    fix_wh_words,
)
from .types import Answer, Article, Citation, Sentence, Turn

NOT_FOUND = "The articles don't say."
TYPED = {"person", "place", "date", "org"}
UNDESCRIBED = 0.8
_KIND_WORDS = {
    "place": {stem(w) for w in ("located", "location", "situated", "based", "place", "where")},
    "date": {stem(w) for w in ("date", "time", "year", "day", "exactly")},
}
# Kinds whose answer must be a span of the sentence (a name, a place, a date, a cause).
NEEDS_SPAN = TYPED | {"reason", "object"}
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
_FUTURE = re.compile(
    r"\b(?:will|shall|going to|expected to|due to|planned to|scheduled to)\b", re.I
)
_PAST = re.compile(r"^\s*when\s+(?:did|was|were|had)\b", re.I)
_RELATIVE_YEAR = re.compile(r"\b(last|previous|this|next)\s+year\b", re.I)
_SUBJECT_PRONOUN = re.compile(r"^(?:He|She)\s")
_SPEECH = re.compile(r"\b(said|say|says|quote|quoted|stated|told|claim|claimed|remark)\b", re.I)


class NumericLayer(Protocol):
    def answer(self, question: str, relevance: Mapping[str, float]) -> Answer | None: ...


class Answerer:
    """Answers questions over prepared sentences; stateless between questions."""

    def __init__(
        self,
        articles: Sequence[Article],
        sentences: Sequence[Sentence],
        retriever: Retriever,
        proper: Collection[str],
        quotes: Mapping[str, Attribution],
        numeric: NumericLayer | None = None,
        abstain_below: float = 0.5,
    ) -> None:
        self.articles = {a.id: a for a in articles}
        self.sentences = list(sentences)
        self.by_id = {s.id: s for s in self.sentences}
        self.retriever = retriever
        self.proper = proper
        self.quotes = quotes
        self.numeric = numeric
        self.abstain_below = abstain_below
        own = [self._numbers_in(s) for s in self.sentences]
        titles = {a.id: frozenset(_NUMBER.findall(a.title)) for a in articles}
        # A sentence's numbers with its neighbours' and its headline's: "Line 4 runs ...",
        # then "The line is run by ..." under "... opens Line 4".
        self._numbers = [
            own[i].union(
                titles.get(s.article, frozenset()),
                *(
                    own[j]
                    for j in (i - 1, i + 1)
                    if 0 <= j < len(own) and self.sentences[j].article == s.article
                ),
            )
            for i, s in enumerate(self.sentences)
        ]

    def _name_terms(self, question: str) -> set[str]:
        return {
            t.term
            for t in tokens(question)
            if t.surface[:1].isupper() or t.surface.lower() in self.proper
        }

    def _is_about(self, i: int, names: set[str]) -> bool:
        """Does sentence ``i`` open with one of the question's names (its subject)?"""
        opening = self.retriever.sentence_tokens[i][:1]
        return bool(names) and any(t.term in names for t in opening)

    def _descriptive_terms(
        self, question: str, terms: Sequence[str], kind: QuestionKind
    ) -> list[str]:
        """The question's content words that are not names nor the kind of answer asked for:
        what it asks about a name ("mayor" in "Who is the mayor of Wenzhou?")."""
        names = self._name_terms(question)
        skip = set(_KIND_WORDS.get(kind.kind, ()))
        if kind.head:
            skip.add(stem(kind.head))
        return [t for t in terms if t not in names and t not in skip and not t[0].isdigit()]

    def _wrong_tense(self, question: str, span: ShortAnswer, s: Sentence) -> bool:
        """Is the date on the wrong side of the article's date for the question's tense?"""
        date = self.articles[s.article].date
        relative = _RELATIVE_YEAR.search(span.text)
        year_text = self._relative_year(relative, s) if relative else None
        if year_text is None:
            found = _YEAR.search(span.text)
            year_text = found.group() if found else None
        if not date or not year_text:
            return False
        year, now = int(year_text), int(date[:4])
        if _FUTURE.search(question):
            return year < now
        if _PAST.search(question):
            return year > now
        return False

    def _relative_year(self, m: re.Match[str], s: Sentence) -> str:
        """The year "last/this/next year" (``m``, from :data:`_RELATIVE_YEAR`) means in the
        article of ``s``; "" when the article has no date."""
        date = self.articles[s.article].date
        if not date:
            return ""
        offset = {"last": -1, "previous": -1, "this": 0, "next": 1}[m.group(1).lower()]
        return str(int(date[:4]) + offset)

    def _numbers_in(self, s: Sentence) -> frozenset[str]:
        """Numbers a sentence speaks of, "last year" read against its article's date."""
        years = {n.replace(",", "") for n in _NUMBER.findall(s.text)}
        years |= {self._relative_year(m, s) for m in _RELATIVE_YEAR.finditer(s.text)}
        return frozenset(years - {""})

    def resolve(self, question: str, history: Sequence[Turn]) -> str:
        """The question with references to earlier turns (themselves resolved) spelled out."""
        resolved_history: list[Turn] = []
        for turn in history:
            resolved_history.append(
                Turn(resolve(turn.question, resolved_history, self.proper), turn.answer)
            )
        return resolve(question, resolved_history, self.proper)

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        resolved = fix_wh_words(self.resolve(question, history))
        q_tokens = self.retriever.correct(tokens(resolved))
        terms = self.retriever.content_terms(q_tokens)
        base: dict[str, Any] = {
            "question": question,
            "resolved_question": resolved if resolved != question else None,
        }
        kind = self._classify(resolved)
        # "In which city ...", "Where is X located?": words that name the kind of answer
        # count when the sentence has them, and are not missed when it has not.
        optional = set(_KIND_WORDS.get(kind.kind, ()))
        if kind.head and classify_noun(kind.head):
            optional.add(stem(kind.head))
        if not terms:
            return Answer(NOT_FOUND, False, "none", 1.0, **base)  # nothing to look up
        hits = self.retriever.rank(expand(terms), terms, k=5, optional=optional)
        top = max((h.score for h in hits), default=0.0) or 1.0
        relevance = {self.sentences[h.index].id: h.score / top for h in hits}
        ranked = tuple(self.sentences[h.index].id for h in hits)
        if self.numeric is not None:
            ruled = self.numeric.answer(resolved, relevance)
            # A number, or an honest "the articles don't say"; never a figure of "Line 5"
            # for a question about "Line 4".
            if ruled is not None and not any(
                _other_label(resolved, c.text) for c in ruled.citations
            ):
                return _with(ruled, ranked=ranked, **base)
        if kind.kind in ("define", "role"):
            described = self._describe(kind, resolved, hits, ranked, base)
            if described is not None:
                return described
        return self._retrieve(kind, terms, hits, ranked, base)

    def _classify(self, question: str) -> QuestionKind:
        """The question's kind, with a misspelt head noun read as the articles' word."""
        kind = classify(question)
        if kind.head and not self.retriever.knows(stem(kind.head)):
            near = self.retriever.nearest_word(kind.head)
            if near is not None:
                typed = classify_noun(near)
                if kind.kind in ("thing", "place", "org", "person", "date"):
                    return replace(kind, kind=typed or "thing", head=near)
                return replace(kind, head=near)
        return kind

    def _describe(
        self,
        kind: QuestionKind,
        question: str,
        hits: Sequence[Hit],
        ranked: tuple[str, ...],
        base: dict[str, Any],
    ) -> Answer | None:
        """ "Who is X?" / "What position does X hold?": what the articles say X is."""
        subject = kind.subject
        if subject is None:
            names = _names(question, self.proper)
            if not names:
                return None
            subject = names[0].text
        subject = subject.strip().rstrip("?").strip()
        for hit in hits:
            s = self.sentences[hit.index]
            found = describe(subject, s.text)
            if found is None:
                continue
            desc = found.text
            short = re.sub(r"^(?:the|a|an)\s+", "", desc)
            at = s.text.lower().find(subject.lower())
            if at >= 0:  # the name as the article writes it
                subject = s.text[at : at + len(subject)]
            return Answer(
                answer=f"{subject} is {desc}."
                if kind.kind == "define"
                else f"{desc[0].upper()}{desc[1:]}.",
                answered=True,
                method="retrieval",
                confidence=round(min(1.0, 0.5 + 0.5 * hit.coverage), 4),
                citations=(Citation.of(s),),
                short_answer=short,
                ranked=ranked,
                **base,
            )
        return None

    def _retrieve(
        self,
        kind: QuestionKind,
        terms: Sequence[str],
        hits: Sequence[Hit],
        ranked: tuple[str, ...],
        base: dict[str, Any],
    ) -> Answer:
        best: tuple[float, Hit, ShortAnswer | None] | None = None
        asked = base["resolved_question"] or base["question"]
        asked_numbers = {n.replace(",", "") for n in _NUMBER.findall(asked)}
        described = self._descriptive_terms(asked, terms, kind)
        names = self._name_terms(asked)
        focus = _focus(asked, described) if kind.kind == "other" else None
        # "When will the second phase be finished?": the event asked about, its last word.
        event = _event_word(asked, described) if kind.kind == "date" else None
        relative = _RELATIVE_YEAR.search(asked)
        for hit in hits[:3]:
            s = self.sentences[hit.index]
            span = best_span(
                kind, s.text, self.retriever.sentence_tokens[hit.index], terms, self.proper
            )
            if (
                kind.kind == "person"
                and s.id in self.quotes
                and (span is None or _SPEECH.search(base["question"]))
            ):
                span = self._speaker(s)
            if kind.kind == "person" and span is None and _SUBJECT_PRONOUN.match(s.text):
                span = self._antecedent(s)
            if kind.kind in NEEDS_SPAN:
                # A who/where/when/why question needs a name, place, date or cause in it.
                conf = hit.coverage * (0.55 + 0.45 * span.score) if span else 0.0
            elif kind.kind == "number":
                conf = hit.coverage if re.search(r"\d", s.text) else hit.coverage * 0.4
            elif kind.kind in ("thing", "object") and span is not None:
                conf = hit.coverage * (0.8 + 0.2 * span.score)
            else:
                conf = hit.coverage * 0.85
            if kind.kind not in NEEDS_SPAN and self._is_about(hit.index, names):
                conf += 0.05  # "What does Uren Biotech do?": a sentence about Uren Biotech
            wanted = set(asked_numbers)
            if relative:  # "last year's final", read against this sentence's article
                wanted.add(self._relative_year(relative, s))
            if wanted - self._numbers[hit.index] - {""}:
                conf *= 0.5  # "Line 5", "in 2019": a number the sentence does not speak of
            if event and not self.retriever.match(hit.index, event):
                conf *= 0.5  # a date, but of another event ("due to begin" for "finished")
            if kind.kind == "date" and span is not None and self._wrong_tense(asked, span, s):
                conf *= 0.3  # "When will it be approved?" is not answered by "last year"
            if (
                kind.kind == "person"
                and span is not None
                and span.start >= 0
                and _lesser_role(asked, s.text[span.end :])
            ):
                conf *= 0.3  # "deputy mayor of Changzhou" does not answer "Who is the mayor"
            if _other_label(asked, s.text):
                conf *= 0.3  # the sentence is about "Line 5", the question about "Line 4"
            if focus and not self.retriever.match(hit.index, focus):
                conf *= UNDESCRIBED  # "What was the weather like ...?" without the weather
            elif described and not any(self.retriever.match(hit.index, t) for t in described):
                conf *= UNDESCRIBED  # only names in common, nothing of what is asked
            if best is None or conf > best[0] + 1e-9:
                best = (conf, hit, span)
        if best is None or best[0] < self.abstain_below:
            conf = best[0] if best else 0.0
            # Confidence is always in the reply given: here, that the articles don't say.
            return Answer(NOT_FOUND, False, "none", round(1.0 - conf, 4), ranked=ranked, **base)
        conf, hit, span = best
        sentence = self.sentences[hit.index]
        cited = [sentence]
        attribution = self.quotes.get(sentence.id)
        if attribution and kind.kind == "person" and attribution.sentence_id != sentence.id:
            cited.append(self.by_id[attribution.sentence_id])
        elif attribution and _SPEECH.search(base["question"]):
            # "What did X say ...": the whole quotation, which may run over sentences.
            cited = [
                self.by_id[sid]
                for sid, a in self.quotes.items()
                if a.sentence_id == attribution.sentence_id
            ]
        cited = sorted(set(cited), key=lambda c: c.index)
        text, short = self._compose(kind, sentence, span, attribution)
        if span is None and len(cited) > 1:
            text = " ".join(c.text for c in cited)
        return Answer(
            answer=text,
            answered=True,
            method="retrieval",
            confidence=round(min(conf, 1.0), 4),
            citations=tuple(Citation.of(c) for c in cited),
            short_answer=short,
            ranked=ranked,
            **base,
        )

    def _antecedent(self, s: Sentence) -> ShortAnswer | None:
        """Who "He"/"She" at the start of ``s`` is: the last person named just before it,
        else the article's title when it is a person's name (as in encyclopedias)."""
        for prev in reversed(self.sentences[max(0, s.index - 3) : s.index]):
            if prev.article != s.article:
                continue
            people = [
                n
                for n in _names(prev.text, self.proper)
                if _is_person_name(n) and len(n.text.split()) >= 2
            ]
            if people:
                return ShortAnswer(people[-1].text, -1, -1, 0.7)
        title = self.articles[s.article].title
        words = title.split()
        if 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][\w'\-]+", w) for w in words):
            return ShortAnswer(title, -1, -1, 0.7)
        return None

    def _speaker(self, s: Sentence) -> ShortAnswer | None:
        a = self.quotes.get(s.id)
        return ShortAnswer(a.speaker, -1, -1, 1.0) if a else None

    def _compose(
        self,
        kind: QuestionKind,
        s: Sentence,
        span: ShortAnswer | None,
        attribution: Attribution | None,
    ) -> tuple[str, str | None]:
        """The reply: the short answer first when there is one, else the sentence."""
        if span is None:
            if attribution and attribution.sentence_id != s.id:
                quote = s.text.strip().strip('"').strip()
                return f'{attribution.speaker} said: "{quote}"', None
            return s.text, None
        short = span.text
        text = span.phrase or short
        relative = _RELATIVE_YEAR.fullmatch(short) if kind.kind == "date" else None
        year = self._relative_year(relative, s) if relative else ""
        if year:
            text = f'{year} ("{short}" in an article dated {self.articles[s.article].date})'
            short = year
        elif kind.kind == "person" and span.start >= 0:
            m = re.match(
                r",\s+((?:the\s+|an?\s+)?([a-z]+)[^,.;:\"]{0,80})(?=[,.;:]|$)", s.text[span.end :]
            )
            if m and m.group(2) not in STOP_WORDS:  # an apposition, not ", and she ..."
                text = f"{short}, {m.group(1)}"
        return text[0].upper() + text[1:] + ("" if text.endswith((".", ")")) else "."), short


_TRAILING_PHRASE = re.compile(
    r"\s+(?:on|to|in|at|for|from|with|of|into|by)\s+(?:the\s+|a\s+|an\s+)?[\w\s'-]*\??\s*$", re.I
)


def _event_word(question: str, described: Sequence[str]) -> str | None:
    """The event a "when" question asks the date of: its last descriptive word before a
    closing phrase ("begin" in "When did construction begin on the facility?")."""
    core = {t.term for t in tokens(_TRAILING_PHRASE.sub("", question))}
    kept = [t for t in described if t in core]
    return kept[-1] if kept else (described[-1] if described else None)


_LESSER = re.compile(r"^,\s+(?:the\s+)?(deputy|vice|acting|assistant|former|ex)[\s-]+(\w+)", re.I)


def _lesser_role(question: str, after: str) -> bool:
    """Is the person "deputy mayor" where the question asks for the mayor?"""
    m = _LESSER.match(after)
    if not m:
        return False
    q = question.lower()
    return m.group(2).lower() in q and m.group(1).lower() not in q


_LABEL = re.compile(r"\b([A-Z][a-z]+)\s+(\d{1,3})\b")


def _other_label(question: str, text: str) -> bool:
    """Does ``text`` name a numbered thing the question asks about, with another number
    ("Line 5" against the question's "Line 4")?"""
    asked = dict((w.lower(), n) for w, n in _LABEL.findall(question))
    return any(asked.get(w.lower(), n) != n for w, n in _LABEL.findall(text))


_FOCUS = re.compile(r"^\s*what\s+(?:is|was|are|were)\s+(?:the\s+|a\s+|an\s+)?(?P<rest>.+)$", re.I)


def _focus(question: str, described: Sequence[str]) -> str | None:
    """The thing "What is the X of ...?" asks about: the first descriptive word after it."""
    m = _FOCUS.match(question)
    if not m:
        return None
    rest = {t.term for t in tokens(m.group("rest").split(" of ")[0])}
    return next((t for t in described if t in rest), None)


def _with(answer: Answer, **changes: object) -> Answer:
    return replace(answer, **changes)  # type: ignore[arg-type]
