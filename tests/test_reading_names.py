"""Names are what the entity recogniser says, for every stage alike."""

from __future__ import annotations

from qa.reading import names
from qa.reading.pipeline import load


def test_people_places_and_organisations_come_from_the_entities():
    doc = load()("Mayor Helen Achterberg met Siemens engineers in Rotterdam on 4 May.")
    kinds = {e.text: names.kind_of(e) for e in names.names(doc)}
    assert kinds.get("Helen Achterberg") == "person"
    assert kinds.get("Siemens") == "org"
    assert kinds.get("Rotterdam") == "place"
    assert "4 May" not in kinds  # a date is no name


def test_a_title_that_is_a_persons_name_is_a_life():
    nlp = load()
    body = [nlp("Grace Hopper was born in New York City."), nlp("Hopper died in 1992.")]
    assert names.subject_kind(nlp("Grace Hopper"), body) == "person"


def test_a_headline_is_no_name():
    nlp = load()
    assert names.subject_kind(nlp("Council approves new budget for schools"), []) is None


def test_a_name_ending_in_a_word_for_an_organisation_is_no_person():
    # The small pipeline takes these unfamiliar names for people's.
    doc = load()("Kestrel Labs makes sensors, and Marta Lindqvist runs it from Trondheim.")
    kinds = {e.text: names.kind_of(e) for e in names.names(doc)}
    assert kinds.get("Kestrel Labs") == "org"
    assert kinds.get("Marta Lindqvist") == "person"
    assert [e.text for e in names.people(doc)] == ["Marta Lindqvist"]
