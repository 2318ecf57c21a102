"""Follow-up resolution: the earlier turn supplies what a short question leaves out."""

import pytest

from qa.followup import resolve
from qa.types import Turn

PROPER = {"fuzhou", "xiamen", "wenzhou", "uren", "zheng", "peiduo", "norland", "norway"}


@pytest.mark.parametrize(
    "previous, question, expected",
    [
        (
            "What does Uren Biotech do?",
            "When did the company move there?",
            "When did Uren Biotech move there?",
        ),
        ("What does Uren Biotech do?", "Who is its chairman?", "Who is Uren Biotech's chairman?"),
        (
            "Who is Zheng Peiduo?",
            "Which company does he lead?",
            "Which company does Zheng Peiduo lead?",
        ),
        (
            "How much power did Fuzhou generate in 2023?",
            "And Xiamen?",
            "How much power did Xiamen generate in 2023?",
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
            "How much does one injection cost?",
            "in US dollars?",
            "How much does one injection cost in US dollars?",
        ),
        (
            "What is the city's target for 2025?",
            "How much is that in dollars?",
            "How much is the city's target for 2025 in dollars?",
        ),
        (
            "What does Uren Biotech do?",
            "and which hospital does it work with?",
            "which hospital does Uren Biotech work with?",
        ),
    ],
)
def test_resolves_against_the_previous_turn(previous: str, question: str, expected: str) -> None:
    assert resolve(question, [Turn(previous, "")], PROPER) == expected


def test_a_person_named_in_the_answer_resolves_he() -> None:
    history = [
        Turn("Who is the chairman of Uren Biotech?", "Zheng Peiduo, chairman of Uren Biotech.")
    ]
    assert resolve("What did he say?", history, PROPER) == "What did Zheng Peiduo say?"


def test_the_most_recent_turn_that_names_something_wins() -> None:
    history = [Turn("Where is Fuzhou?", ""), Turn("What does Uren Biotech do?", "")]
    assert resolve("When was it founded?", history, PROPER) == "When was Uren Biotech founded?"


def test_no_history_no_change() -> None:
    assert resolve("When was it founded?", [], PROPER) == "When was it founded?"
