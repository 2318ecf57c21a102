"""Which kinds of amount a question rules out: a count is no sum of money, money no length."""

from __future__ import annotations

import pytest

from qa.config import Settings
from qa.engine import Engine
from qa.ingest import clean
from qa.reading.measure import asked_kind, rules_out, says_nothing_new
from qa.reading.pipeline import load
from qa.reading.question import read

NLP = load()


def question(text: str):  # type: ignore[no-untyped-def]
    return read(NLP(text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("How many people work at the depot?", "count"),
        ("How many kilometres of track were laid?", "length"),
        ("How many years did she serve on the board?", "duration"),
        ("How much did the council pay for the land?", "money"),
        ("What did the council pay, and how much was the fee?", None),
        ("How old was the bridge when it closed?", "age"),
        ("How deep is the harbour?", "length"),
        ("How long did the strike last?", "duration"),
        ("How long did the protests go on?", "duration"),
        ("What is the company's share price?", "money"),
        ("What was the cost of the new bridge?", "money"),
        # A place extends, it does not last; a flight or a delay may do either.
        ("How long is the River Wend?", "length"),
        ("How long ago was the mill founded?", None),
        ("How long is the flight?", None),
        # Said two ways, or plainly nothing: nothing is ruled out.
        ("How long is the canal?", None),
        ("How high is unemployment in the town?", None),
        ("How much rain fell in March?", None),
        ("By how many percentage points did turnout rise?", None),
    ],
)
def test_the_kind_of_amount_a_question_asks_for(text: str, kind: str | None) -> None:
    assert asked_kind(question(text)) == kind


@pytest.mark.parametrize(
    ("text", "reply", "out"),
    [
        ("How many people work at the depot?", "23 million euros", True),
        ("How many people work at the depot?", "1.6 kilometres", True),
        ("How many people work at the depot?", "about 620", False),
        ("How much did the council pay for the land?", "four days", True),
        ("How much did the council pay for the land?", "$4.8 million", False),
        ("How much did the council pay for the land?", "35 pounds", False),
        ("How many kilometres of track were laid?", "22 kilometres", False),
        ("How many kilometres of track were laid?", "18 months", True),
        ("How old was the bridge when it closed?", "92 years", False),
        ("How old was the bridge when it closed?", "140 metres", True),
        ("How many songs does the player hold?", "8 GB", True),
        ("How many gigabytes does the player hold?", "8 GB", False),
        ("How much did the player cost?", "8 GB", True),
        ("What is the company's share price?", "38 years", True),
        ("What is the company's share price?", "4.20 euros", False),
        ("How long did the protests go on?", "38 kilometres", True),
        ("When did she become chief executive?", "52", True),
        ("How much is the manager paid?", "44", True),
        ("Who was she married to?", "14 February", True),
        ("Where was the ship held up?", "2 August 2021", True),
        ("Who runs the trust?", "Thursday", True),
        ("Where was the ship held up?", "Berth 11", False),
        ("Who was she married to?", "the architect Pieter Vos", False),
        ("How much is the manager paid?", "1.2 million pounds", False),
        ("When did she become chief executive?", "2019", False),
        ("In what year was the treaty signed?", "821", False),
        ("How long is the River Wend?", "48 hours", True),
        ("How old is the winner?", "2:23:15", True),  # a race time
        ("How many runners finished?", "2:23:15", True),
        # No amount at all answers a question that asks for one, unless it is said in words.
        ("How many runners finished?", "the harbour front", True),
        ("How much did the council pay for the land?", "a market town", True),
        ("How many runners finished?", "two hundred", False),
        ("How many runners finished?", "hundreds", False),
        ("How much did the council pay for the land?", "half the asking price", False),
    ],
)
def test_a_reply_whose_amount_is_of_another_kind_is_ruled_out(
    text: str, reply: str, out: bool
) -> None:
    assert rules_out(question(text), reply) is out


@pytest.mark.parametrize(
    ("text", "asked", "wrong"),
    [
        (
            "Depot opens\n\nThe new bus depot at Harrow Vale opened on Monday. Drivers and "
            "mechanics who work at the depot moved there from three older garages, which cost "
            "23 million euros to replace.\n",
            "How many people work at the depot?",
            "23 million euros",
        ),
        (
            "Striker signs\n\nHarrow Vale signed the striker Tom Ebbe on Friday. The club paid "
            "for the striker four days before the season began, after talks that lasted 11 "
            "weeks.\n",
            "How much did the club pay for the striker?",
            "four days",
        ),
    ],
)
def test_an_amount_of_the_wrong_kind_is_never_given(text: str, asked: str, wrong: str) -> None:
    """Even told to answer whatever its confidence, the engine does not give an amount of a
    kind the question rules out: the article does not say, and the reply says so."""
    engine = Engine([clean(text, "story")], Settings.load({"abstain_below": "0"}))
    answer = engine.ask(asked)
    assert not answer.answered
    assert wrong not in answer.answer.lower()


def test_a_reply_that_says_nothing_the_question_does_not() -> None:
    ask = question("What's the name of the shipyard building the ferry?")
    assert says_nothing_new(ask, "the shipyard")
    assert not says_nothing_new(ask, "Baltic Marine Works")
    choice = question("Which is longer, the bridge or the tunnel?")
    assert not says_nothing_new(choice, "the tunnel")  # a choice the question offers
    # A question written without the article's accents says the same words.
    accents = question("What do people call Zoe Lefevre's supporters?")
    assert says_nothing_new(accents, "Zoë Lefèvre's supporters")


def test_a_phrase_read_down_to_the_questions_own_name_is_not_the_answer() -> None:
    # The reader may choose "Club manager Helen Marsh" for "Which two players ..."; read
    # down to the person it names, that is the question's own "Helen Marsh".
    text = (
        "Cup final\n\nClub manager Helen Marsh made two changes at half-time, and her side "
        "looked transformed. Carl Deane scored twice after the break.\n"
    )
    engine = Engine([clean(text, "story")], Settings.load({"abstain_below": "0"}))
    answer = engine.ask("Which two players did Helen Marsh bring on at half-time?")
    assert answer.short_answer
    assert not says_nothing_new(
        question("Which two players did Helen Marsh bring on?"), answer.short_answer
    )


def test_a_long_reply_of_digits_is_read_in_one_pass() -> None:
    # A reply of many digits ending in a letter once made the pattern for "numbers and dates
    # alone" try every way of splitting the digits (time doubling with each digit).
    assert rules_out(question("Who built the bridge?"), "1" * 5000 + "x") is False
    assert rules_out(question("Who built the bridge?"), "1" * 5000) is True
