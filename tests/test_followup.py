"""Follow-up resolution: the earlier turn supplies what a short question leaves out."""

import pytest

from qa.followup import resolve
from qa.reading import pipeline
from qa.types import Turn

NLP = pipeline.load()


@pytest.mark.parametrize(
    "previous, question, expected",
    [
        (
            "What does the Norwegian Oil Directorate do?",
            "When did the agency move there?",
            "When did the Norwegian Oil Directorate move there?",
        ),
        (
            "What does the Norwegian Oil Directorate do?",
            "Who is its director?",
            "Who is the Norwegian Oil Directorate's director?",
        ),
        (
            "Who is Marta Lindqvist?",
            "Which company does she lead?",
            "Which company does Marta Lindqvist lead?",
        ),
        (
            "How much power did Stavanger generate in 2023?",
            "And Trondheim?",
            "How much power did Trondheim generate in 2023?",
        ),
        ("What was the revenue in 2021?", "What about 2020?", "What was the revenue in 2020?"),
        (
            "How much operating revenue did the firms make in 2021?",
            "And the tax revenue?",
            "How much tax revenue did the firms make in 2021?",
        ),
        (
            "How much operating revenue did the firms make in 2021?",
            "What was it the year before?",
            "How much operating revenue did the firms make in 2020?",
        ),
        (
            "How much does one ticket cost?",
            "in US dollars?",
            "How much does one ticket cost in US dollars?",
        ),
        (
            "What is the city's target for 2025?",
            "How much is that in dollars?",
            "How much is the city's target for 2025 in dollars?",
        ),
        (
            "What does the Norwegian Oil Directorate do?",
            "and which port does it work with?",
            "which port does the Norwegian Oil Directorate work with?",
        ),
        ("When did Ada Kell win the sprint?", "What was her time?", "What was Ada Kell's time?"),
        ("When did Ada Kell win the sprint?", "Who did she beat?", "Who did Ada Kell beat?"),
        ("When did Ada Kell win the sprint?", "Who beat her later?", "Who beat Ada Kell later?"),
        (  # a new time takes the place of the one asked before
            "How many riders will use the ferry in its first year?",
            "and by 2031?",
            "How many riders will use the ferry by 2031?",
        ),
        (
            "How many guests stayed at the inn in its first month?",
            "And in the first year?",
            "How many guests stayed at the inn in the first year?",
        ),
    ],
)
def test_resolves_against_the_previous_turn(previous: str, question: str, expected: str) -> None:
    assert resolve(question, [Turn(previous, "")], NLP) == expected


def test_a_person_named_in_the_answer_resolves_he() -> None:
    history = [Turn("Who chairs the board?", "Tomas Berg chairs the board of Fjord Freight.")]
    assert resolve("What did he say?", history, NLP) == "What did Tomas Berg say?"


def test_a_name_the_recogniser_takes_for_a_person_is_still_it() -> None:
    # An unfamiliar company may be labelled a person; a person is never "it".
    history = [Turn("What does Kestrel Labs make?", "")]
    assert resolve("Where is it based?", history, NLP) == "Where is Kestrel Labs based?"


def test_the_most_recent_turn_that_names_something_wins() -> None:
    history = [
        Turn("Where is Bergen?", "On the west coast."),
        Turn("What does the Norwegian Oil Directorate do?", "It regulates oil fields."),
    ]
    assert (
        resolve("When was it founded?", history, NLP)
        == "When was the Norwegian Oil Directorate founded?"
    )


def test_no_history_no_change() -> None:
    assert resolve("When was it founded?", [], NLP) == "When was it founded?"
