"""A figure given for another time than the question asks about is not its answer."""

from __future__ import annotations

from qa.engine import Engine
from qa.ingest import clean
from qa.reader.timing import asked_times, clash, dated_as_asked, other_time, read_time
from qa.reading.pipeline import load


def span_of(doc, text: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text))
    assert span is not None
    return span.start, span.end


def times(question: str, sentence: str, figure: str) -> tuple[bool, bool]:
    nlp = load()
    asked, doc = asked_times(nlp(question)), nlp(sentence)
    start, end = span_of(doc, figure)
    return other_time(asked, doc, start, end), dated_as_asked(asked, doc, start, end)


def test_years_clash_unless_one_is_among_or_between_the_others():
    nlp = load()
    (y1898,) = [read_time(e) for e in nlp("It opened in 1898.").ents]
    (y1910,) = [read_time(e) for e in nlp("It closed in 1910.").ents]
    assert clash(y1898, y1910) and not clash(y1898, y1898)
    (span,) = [read_time(e) for e in nlp("It ran from 1890 to 1905.").ents]
    assert not clash(y1898, span)


def test_counted_spans_of_time_clash_by_their_count_or_their_noun():
    assert times(
        "How many images did the probe send on its first day?",
        "In its first two days on the plain, the probe sent back 900 images.",
        "900 images",
    ) == (True, False)
    assert times(
        "How many visitors came in the first week?",
        "In the first three weeks 5,000 visitors came.",
        "5,000 visitors",
    ) == (True, False)
    assert times(
        "How many images did the probe send on its first day?",
        "On its first day the probe sent back 300 images.",
        "300 images",
    ) == (False, True)


def test_a_span_of_time_without_a_count_is_not_compared():
    # "The first day" may well be in "the new school year".
    assert times(
        "How many pupils did the school take in on its first day?",
        "The school took in 480 pupils at the start of the new school year.",
        "480 pupils",
    ) == (False, False)


def test_only_the_figures_own_clause_dates_it():
    assert times(
        "How many people did the mill employ in 1871?",
        "The mill, which opened in 1871, employed 40 people by 1880.",
        "40 people",
    )[0]
    assert not times(
        "How many people did the mill employ in 1880?",
        "The mill, which opened in 1871, employed 40 people by 1880.",
        "40 people",
    )[0]


def test_the_wh_phrase_asks_for_a_span_and_dates_nothing():
    assert times(
        "How many days did the crossing take?", "The crossing took nine days in 1850.", "nine days"
    ) == (False, False)


def test_a_figure_given_only_for_another_time_is_not_read_as_the_answer():
    text = (
        "Carrow shipyard\n\n"
        "The Carrow shipyard opened on the river in 1889. "
        "Whereas in 1902 the yard launched eleven ships, only four were launched in 1903. "
        "In its first two years the yard employed 300 riveters."
    )
    engine = Engine([clean(text, "shipyard")])
    engine.answerer.abstain_below = 0.0  # every reading shown, however doubtful
    reply = engine.answerer.reply_in(
        "How many riveters did the yard employ in its first month?", "shipyard"
    )
    assert reply is not None
    assert "300" not in (reply.short_answer or "")  # given for its first two years


def test_a_figure_dated_by_the_time_asked_stands_in_for_one_dated_by_another():
    question = "How many ships did the yard launch in 1903?"
    sentence = "Whereas in 1902 the yard launched eleven ships, only four were launched in 1903."
    assert times(question, sentence, "eleven ships") == (True, False)
    assert times(question, sentence, "four") == (False, True)
