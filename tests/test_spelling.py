"""One spelling corrector for every stage: near misses of the articles' own words."""

from __future__ import annotations

from qa.mending import Mender
from qa.spelling import Speller, distance

WORDS = "academy academic investment investments biopharmaceutical valley volley".split()


def test_distance_counts_a_swap_as_one_edit() -> None:
    assert distance("acadamy", "academy") == 1
    assert distance("invsetment", "investment") == 1
    assert distance("valley", "valley") == 0


def test_nearest_is_the_closest_word_and_the_first_met_among_equals() -> None:
    speller = Speller(WORDS)
    assert speller.nearest("acadamy") == "academy"
    assert speller.nearest("investmnet") == "investment"
    assert speller.nearest("vally") == "valley"
    assert speller.nearest("zebra") is None
    assert speller.nearest("valley") is None  # a known word is no misspelling


def test_correct_only_where_unambiguous() -> None:
    speller = Speller(WORDS)
    assert speller.correct("acadamy") == "academy"
    assert speller.correct("vollley") == "volley"
    assert speller.correct("biopharma") == "biopharmaceutical"  # the one word it begins
    assert speller.correct("zebra") == "zebra"


def test_short_words_and_far_misses_are_left_alone() -> None:
    speller = Speller(WORDS)
    assert speller.candidates("vale") == []  # under five letters
    assert speller.nearest("qcademx") is None  # neither first nor last letter kept


def test_another_word_built_on_the_same_root_is_no_misspelling() -> None:
    # A prefix often turns a word into its opposite, and a new ending into another word:
    # mending either would answer a question nobody asked.
    speller = Speller("inhabited opened tourism ministry government".split())
    assert speller.nearest("uninhabited") is None
    assert speller.nearest("reopened") is None
    assert speller.nearest("tourists") is None
    assert speller.nearest("minister") is None
    assert speller.nearest("inhabitde") == "inhabited"  # a typo at the end is still one
    assert speller.nearest("goverment") == "government"
    assert speller.nearest("nhabited") == "inhabited"  # a first letter dropped is a typo


def test_a_word_is_mended_against_its_articles_words_whatever_else_is_loaded() -> None:
    # "spend" is a word of another loaded article, not of this one: it is mended the same
    # as when this article is alone, so the answer does not depend on what else is loaded.
    corpus = Speller("the trust spent more on agency staff while councils spend less".split())
    own = {"the", "trust", "spent", "more", "on", "agency", "staff"}
    alone = Speller(own)
    for speller in (corpus, alone):
        mender = Mender(speller, {w: w for w in speller.vocabulary}, (), (), (), own)
        assert mender.nearest("spend") == "spent"


def test_two_letters_too_many_is_another_word_not_a_slip() -> None:
    speller = Speller("states finished runners".split())
    assert speller.nearest("starters") is None
    assert speller.nearest("runnners") == "runners"  # one letter too many is a slip
    assert speller.nearest("finshed") == "finished"  # nor one too few
