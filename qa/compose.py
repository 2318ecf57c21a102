"""The text of a retrieval answer: the short answer first, then the sentence it was read
from, so that the reply can be checked where it is read; a quotation cited whole, with its
speaker for "who said"; "last year" said as the year it is."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .quotes import Attribution
from .reader import Phrase
from .reading.query import Query
from .types import Answer, Article, Citation, Sentence

# The word that marks a clause as a cause is no part of the reason it gives ("because the
# local stone was poor": the local stone was poor).
_CAUSE_MARKER = re.compile(
    r"^(?:because(?:\s+of)?|due\s+to|owing\s+to|as\s+a\s+result\s+of|thanks\s+to|after|since|as)"
    r"\s+(?=\S)",
    re.IGNORECASE,
)
_SPEECH = re.compile(r"\b(said|say|says|quote|quoted|stated|told|claim|claimed|remark)\b", re.I)
_RELATIVE_YEAR = re.compile(r"\b(last|previous|this|next)\s+year\b", re.I)


class Composer:
    """Writes a retrieval answer from its sentence and phrase; stateless between answers."""

    def __init__(
        self,
        articles: Iterable[Article],
        sentences: Iterable[Sentence],
        quotes: Mapping[str, Attribution],
    ) -> None:
        self.articles = {a.id: a for a in articles}
        self.by_id = {s.id: s for s in sentences}
        self.quotes = quotes

    def compose(
        self, query: Query, sentence: Sentence, phrase: Phrase | None, base: dict[str, Any]
    ) -> Answer:
        cited = [sentence]
        attribution = self.quotes.get(sentence.id)
        asked = base["resolved_question"] or base["question"]
        short: str | None = phrase.text if phrase is not None else None
        speaker = False
        text = sentence.text
        if (
            attribution
            and query.question.kind == "person"
            and (_SPEECH.search(asked) or phrase is None or phrase.text in attribution.speaker)
        ):
            short = attribution.speaker  # who said a quoted sentence: its speaker
            cited = self.quotation(attribution)
            speaker = True
        elif attribution and _SPEECH.search(asked):
            # "What did X say ...": the whole quotation, which may run over sentences.
            cited = self.quotation(attribution)
            short = None
            text = " ".join(c.text for c in sorted(cited, key=lambda c: c.index))
        if short is not None and query.question.kind == "reason":
            short = _CAUSE_MARKER.sub("", short)
        if short is not None:
            reply, short = self._phrase_reply(query, sentence, short)
            # The short answer first, then the sentence it was read from, so that the reply
            # can be checked where it is read.
            text = f"{reply}: {text}" if len(short) < 0.8 * len(sentence.text) else text
        cited = sorted(set(cited), key=lambda c: c.index)
        return Answer(
            answer=text,
            answered=True,
            method="retrieval",
            confidence=0.0,
            citations=tuple(Citation.of(c) for c in cited),
            short_answer=short,
            features={"speaker": 1.0} if speaker else {},
        )

    def quotation(self, attribution: Attribution) -> list[Sentence]:
        """Every sentence of a quotation: those attributed to the same naming sentence, and
        that sentence (which may close the quotation itself), each once."""
        ids = [sid for sid, a in self.quotes.items() if a.sentence_id == attribution.sentence_id]
        return [self.by_id[sid] for sid in dict.fromkeys([*ids, attribution.sentence_id])]

    def _phrase_reply(self, query: Query, s: Sentence, short: str) -> tuple[str, str]:
        """The reply built around the short answer: "last year" read as a year."""
        text = short
        relative = _RELATIVE_YEAR.fullmatch(short) if query.question.kind == "date" else None
        date = self.articles[s.article].date
        if relative and date:
            offset = {"last": -1, "previous": -1, "this": 0, "next": 1}[relative.group(1).lower()]
            year = str(int(date[:4]) + offset)
            text = f'{year} ("{short}" in an article dated {date})'
            short = year
        return text[0].upper() + text[1:], short
