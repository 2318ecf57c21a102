"""A sentence about the other one of a pair is not about this one."""

from __future__ import annotations

import pytest

from qa.reading import pipeline
from qa.reading.alternatives import another, choices, other_of_pair


@pytest.mark.parametrize(
    ("question", "sentence", "other"),
    [
        ("Who won the women's race?", "Ivo Brandt won the men's race in 2:09:12.", True),
        ("Who won the women's race?", "In the women's race Mia Holt beat Ada Linn.", False),
        (
            "Who won the women's race?",
            "Mia Holt won the women's race and Ivo Brandt the men's race.",
            False,
        ),
        ("When will the second phase open?", "The first phase opened in 2021.", True),
        ("When will the second phase open?", "The second phase will open in 2027.", False),
        ("Who designed the new bridge?", "The old bridge was designed by Ann Carr.", True),
        (
            "How many people live on the north bank?",
            "About 900 people live on the south bank.",
            True,
        ),
        (
            "What was the firm's net profit?",
            "It made an operating profit of 164 million euros.",
            True,
        ),
        ("How much is a monthly pass?", "A weekly pass costs 17 pounds.", True),
        ("How much is a monthly pass?", "A monthly pass costs 60 pounds.", False),
        ("What was the operating profit?", "Its operating profit rose to 9 million.", False),
        # another noun: "the race" is not "the course record"
        ("Who holds the women's course record?", "Ivo Brandt won the men's race.", False),
        # an age is no "old" against "new"
        ("Who built the new ferry?", "The 38-year-old ferry was built by Ann Carr.", False),
        # no pair in the question
        ("Who won the race?", "Ivo Brandt won the men's race.", False),
    ],
)
def test_a_sentence_that_gives_the_noun_another_of_the_pair(
    question: str, sentence: str, other: bool
) -> None:
    nlp = pipeline.load()
    assert another(choices(nlp(question)), choices(nlp(sentence))) is other


def test_nouns_of_one_pair_are_counts_of_different_things() -> None:
    assert other_of_pair("sons", "daughters") and other_of_pair("men", "women")
    assert other_of_pair("boys", "female girls")  # a unit's last word is its noun
    assert not other_of_pair("daughters", "daughters")
    assert not other_of_pair("children", "daughters")  # no pair: one holds the other
