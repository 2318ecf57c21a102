"""The analyser: one function for questions and passages."""

from qa.analysis import MAX_SPELLED_LETTERS, analyse, deletions, expand, tokens


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


def test_spelling_correction_reads_a_long_word_as_it_is() -> None:
    # Deleting two letters of an n-letter word makes about n*n/2 strings, so a word of
    # hundreds of letters would cost seconds; past the cap a word is its own only key.
    assert deletions("acadamy", 1) >= {"acadamy", "cadamy", "acdamy", "acadam"}
    at_cap = "abcdefghijklmnopqrstuvwxyz"[:MAX_SPELLED_LETTERS]
    assert len(deletions(at_cap, 2)) > MAX_SPELLED_LETTERS
    too_long = "qwertyuiopasdfghjklzxcvbnm" * 20
    assert deletions(too_long, 2) == {too_long}
