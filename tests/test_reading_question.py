"""What a question asks for, read from its parse: the kind of answer and the gap it fills."""

from __future__ import annotations

import dataclasses

import pytest

from qa.reading.pipeline import load
from qa.reading.question import read


def ask(text: str):
    return read(load()(text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Who painted the ceiling of the chapel?", "person"),
        ("Where did the twins grow up?", "place"),
        ("When was the lighthouse rebuilt?", "date"),
        ("How many lanes does the new bridge have?", "count"),
        ("How long did the strike last?", "duration"),
        ("How old was the captain when he retired?", "age"),
        ("Which city hosted the fair?", "place"),
        ("In what year did the mill close?", "date"),
        # The parser may take "which" alone as the object of "in": the noun still says.
        ("In which city was the painter born?", "place"),
        ("In which football club did he play?", "org"),
        ("What company built the tunnel?", "org"),
        ("What is the name of the lake north of the town?", "place"),
        ("Why did the council delay the vote?", "reason"),
        ("Name the composer of the opera.", "person"),
        ("What did the farmers grow?", "thing"),
        # What a person is, as "Who is ...?" asks it; a chart position is not that
        ("What position does Marta Kell hold?", "description"),
        ("What is Marta Kell's job?", "description"),
        ("Who is Marta Kell?", "description"),
    ],
)
def test_the_kind_of_answer(text, kind):
    assert ask(text).kind == kind


def test_a_position_that_is_no_persons_is_not_what_they_are():
    assert ask("What position did the album Harbour Lights reach in the charts?").kind != (
        "description"
    )
    assert ask("What position did Marta Kell finish in?").kind != "description"


def test_the_noun_asked_about_and_its_place_in_the_question():
    q = ask("Which painting did the museum buy?")
    assert q.head is not None and q.head.lemma_ == "painting"
    assert q.gap_role == "dobj" and q.verb is not None and q.verb.lemma_ == "buy"
    q = ask("Who founded the orchestra?")
    assert q.gap_role == "nsubj" and q.verb is not None and q.verb.lemma_ == "found"


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        # after a preposition and "which", whatever the tagger made of the noun
        ("Into which estuary does the river flow?", "estuary"),  # tagged as an adjective
        ("In which large city was the architect born?", "city"),
        ("In which city was the architect born?", "city"),
        # a number between "which" and its noun, though the parser hangs "which" on the verb
        ("Which two bridges are being closed by the city?", "bridges"),
        ("Which three rivers flow into the lake?", "rivers"),
        ("What two things did the baker mix?", "things"),
    ],
)
def test_the_noun_after_which_is_the_noun_asked_about(text, noun):
    q = ask(text)
    assert q.head is not None and q.head.lower_ == noun


@pytest.mark.parametrize(
    "text",
    ["What are the bakers still allowed to sell on Sundays?", "What was the mayor trying to sell?"],
)
def test_a_wh_word_the_parser_hangs_on_an_auxiliary_is_the_object_of_the_verb_that_lacks_one(
    text,
):
    assert ask(text).gap_role == "dobj"


def test_a_passive_verb_takes_no_object_for_the_wh_word():
    assert ask("What was the bakery called before the war?").gap_role != "dobj"


def test_a_preposition_before_the_wh_phrase_is_the_answers_preposition():
    assert ask("In which town was the treaty signed?").preposition == "in"
    assert ask("To whom did she send the letter?").preposition == "to"


def test_a_relative_pronoun_is_not_the_question_word():
    q = ask("The woman who designed the bridge was born where?")
    assert q.wh == "where" and q.kind == "place"


def test_content_words_leave_out_the_wh_phrase():
    words = [t.lower_ for t in ask("How many lanes does the new bridge have?").content()]
    assert "bridge" in words and "how" not in words and "many" not in words


def test_a_question_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        ask("Who won?").kind = "place"  # type: ignore[misc]
