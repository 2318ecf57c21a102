"""The analyser: one function for questions and passages."""

from qa.analysis import analyse, expand, tokens


def test_numbers_are_normalised() -> None:
    assert "6053" in analyse("6,053 professionals")
    assert analyse("6053") == analyse("6,053")
    assert "10.23" in analyse("10.23 billion yuan")
    assert analyse("two academicians")[0] == "2"


def test_possessives_and_case() -> None:
    assert analyse("Uren Biotech's CAR-T") == analyse("uren biotech car-t")
    assert analyse("Wenzhou's") == ["wenzhou"]


def test_hyphenated_words_give_parts_and_the_whole() -> None:
    assert analyse("CAR-T") == ["car", "t", "cart"]
    assert analyse("year-on-year") == ["year", "year", "yearonyear"]
    assert analyse("mid-2020") == ["mid", "2020"]


def test_stop_words_and_stems() -> None:
    assert analyse("Who is the chairman of the company?") == ["chairman", "compani"]
    assert analyse("established") == analyse("establish")
    assert analyse("companies") == analyse("company")


def test_ampersands_and_abbreviations_stay_words() -> None:
    assert analyse("R&D") == ["r&d"]
    assert analyse("the U.S. market") == ["us", "market"]


def test_tokens_carry_their_spans() -> None:
    text = "The valley spans 5 square kilometers."
    for t in tokens(text):
        assert text[t.start : t.end] == t.surface


def test_question_and_passage_share_the_analyser() -> None:
    passage = "The valley, which was established in 2019, spans 5 square kilometers."
    question = "When was the valley established?"
    assert set(analyse(question)) <= set(analyse(passage))


def test_synonyms_expand_at_half_weight() -> None:
    weights = expand(analyse("How big is the valley?"))
    assert weights["big"] == 1.0 and weights["valley"] == 1.0
    assert weights["area"] == 0.5 and weights["span"] == 0.5
