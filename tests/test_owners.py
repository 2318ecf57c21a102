"""Whose title a phrase holds (qa.reader.owners), on sentences of our own."""

from __future__ import annotations

import pytest

from qa.reader.owners import owned_roles, titled_by_another
from qa.reading.pipeline import load


def _another(question: str, sentence: str, phrase: str) -> bool:
    nlp = load()
    doc = nlp(sentence)
    start = next(i for i in range(len(doc)) if doc[i:].text.startswith(phrase))
    end = start + len(nlp(phrase))
    assert doc[start:end].text == phrase
    return titled_by_another(owned_roles(nlp(question)), doc, start, end)


SENTENCE = "Velby coach Anna Holt, who took over in May, has won four of her six games."


@pytest.mark.parametrize(
    "question",
    ["Who is Kessel's coach?", "Who is the coach of Kessel?", "Who is the Kessel coach?"],
)
def test_a_role_the_sentence_gives_to_another_owner_is_not_the_one_asked(question: str) -> None:
    assert _another(question, SENTENCE, "Anna Holt")


@pytest.mark.parametrize(
    "question",
    [
        "Who is Velby's coach?",
        "Who is the coach of Velby Town?",  # the sentence may shorten the name
        "Who is the coach?",  # no owner asked
        "Who is Kessel's captain?",  # another role
    ],
)
def test_the_owner_asked_or_no_owner_leaves_the_phrase(question: str) -> None:
    assert not _another(question, SENTENCE, "Anna Holt")
