"""The reader: candidate phrases from the parse, and the phrase that answers."""

from __future__ import annotations

from qa.reader.candidates import candidates
from qa.reader.describe import describe
from qa.reading.pipeline import load
from qa.reading.query import prepare


def query(text: str):  # type: ignore[no-untyped-def]
    return prepare(load()(text), ())


def phrases(text: str) -> set[str]:
    doc = load()(text)
    return {doc[a:b].text for a, b in candidates(doc)}


def test_candidates_are_whole_constituents():
    found = phrases("The orchestra of the Royal Academy played three symphonies in Leeds.")
    assert {"the Royal Academy", "three symphonies", "Leeds"} <= found
    assert "The orchestra of the Royal Academy" in found  # a noun with its "of" phrase
    assert "Academy played" not in found


def test_a_possessive_belongs_to_what_it_modifies():
    found = phrases("They admired Marta Kell's bridge over the river.")
    assert "Marta Kell" in found and "Marta Kell's" not in found
    assert "bridge over the river" in found or "bridge" in found


def test_a_coordinated_list_is_one_candidate():
    found = phrases("The firm makes pumps, valves and turbines for ships.")
    assert any(p.startswith("pumps, valves and turbines") for p in found)


def test_a_purpose_clause_is_a_candidate():
    found = phrases("The town widened the road so as to ease traffic in summer.")
    assert any(p.startswith("so as to ease traffic") for p in found)


def test_what_a_name_is_comes_from_a_copula_or_an_apposition():
    q = query("Who is Marta Kell?")
    doc = load()("Marta Kell is a structural engineer from Oslo.")
    described = describe(q, doc)
    assert described is not None and described.text == "a structural engineer from Oslo"
    doc = load()("Marta Kell, director of the Harbour Museum, opened the exhibition.")
    described = describe(q, doc)
    assert described is not None and described.text == "director of the Harbour Museum"
    assert describe(q, load()("The exhibition opened on Monday.")) is None
