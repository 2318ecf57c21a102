"""The numeric rule layer's parts: the question it reads, the table of handlers, the index.

Articles here are short ones of our own, written for these tests; the test sets' articles
serve the end-to-end evaluation (tests/test_rules.py).
"""

from __future__ import annotations

import dataclasses
from functools import cache

import pytest

from qa.facts import extract_facts
from qa.ingest import clean
from qa.numeric import NumericAnswerer
from qa.numeric.intents import HANDLERS
from qa.numeric.question import INTENTS
from qa.sentences import split_sentences

PARK = """Lindqvist Science Park expands

Updated: May 2, 2024

The Lindqvist Science Park was founded in 2006. The park covers 12.4 square kilometers \
and hosts 210 companies. Last year the companies in the park reported sales of 8.1 \
billion euros, up 12 percent year-on-year. The park employs 9,400 people.
"""


@cache
def park() -> NumericAnswerer:
    article = clean(PARK, "lindqvist-park")
    sentences = split_sentences(article)
    return NumericAnswerer(extract_facts(article, sentences), sentences, [article])


def test_every_intent_has_one_handler() -> None:
    assert [name for name, _ in INTENTS] == list(dict.fromkeys(n for n, _ in INTENTS))
    assert {name for name, _ in INTENTS} == set(HANDLERS)


def test_the_question_is_frozen_and_handlers_leave_it_alone() -> None:
    answerer = park()
    for text in (
        "How many companies does the park host?",
        "How long ago was the park founded?",
        "How big is the park in hectares?",
        "What were the sales the year before?",
    ):
        question = answerer.read(text)
        assert question is not None
        with pytest.raises(dataclasses.FrozenInstanceError):
            question.intent = "count"  # type: ignore[misc]
        before = dataclasses.astuple(question)
        result = HANDLERS[question.intent](answerer.search({}), question)
        assert result is not None and result.answered, text
        assert dataclasses.astuple(question) == before
