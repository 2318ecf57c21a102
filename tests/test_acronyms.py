"""Abbreviations in a question read as the words an article spells them with."""

from __future__ import annotations

import pytest

from qa.acronyms import expansion
from qa.engine import Engine
from qa.ingest import clean

TEXTS = [
    "The Food and Drug Administration approved the drug on Monday.",
    "Fishing accounts for about 14 percent of gross domestic product.",
    "Ministers of the European Union met in Brussels.",
    "It is in the town, he said.",
]


@pytest.mark.parametrize(
    ("short", "words"),
    [
        ("FDA", "Food and Drug Administration"),
        ("GDP", "gross domestic product"),
        ("EU", "European Union"),
    ],
)
def test_an_abbreviation_is_the_run_of_words_it_spells(short: str, words: str) -> None:
    assert expansion(short, TEXTS) == words


@pytest.mark.parametrize("short", ["IT", "IH", "TT", "DP", "GDPR"])
def test_common_words_and_runs_across_punctuation_spell_nothing(short: str) -> None:
    # "in the", "It is", "town, he": stop words, two lower-case words, a comma between
    assert expansion(short, TEXTS) is None


def test_a_question_in_abbreviations_is_answered_from_the_words_they_stand_for() -> None:
    text = (
        "Island economy\n\nUpdated: May 6, 2025\n\n"
        "The island of Varro lives from the sea. Fishing accounts for about 14 percent of "
        "gross domestic product, and tourism for 9 percent.\n"
    )
    engine = Engine([clean(text, "varro")])
    answer = engine.ask("What share of GDP comes from fishing on Varro?")
    assert answer.answered
    assert answer.short_answer is not None and "14" in answer.short_answer
