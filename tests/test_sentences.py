"""Sentence splitting: Punkt with our parameters, whole sentences, exact offsets."""

import re

import pytest

from qa.ingest import clean, read_article
from qa.sentences import split_sentences
from tests.support import SECOND_FILE, SEED_FILE


def sentences_of(text: str) -> list[str]:
    return [s.text for s in split_sentences(clean("Title\n\n" + text))]


def test_every_seed_sentence_comes_out_whole() -> None:
    article = read_article(SEED_FILE)
    got = [s.text for s in split_sentences(article)]
    # Written from the article: each body sentence, in order.
    starts = [
        "Ouhai district in East China's Wenzhou",
        "The city is currently aiming",
        "The valley, which was established in 2019",
        "A number of cutting-edge life science projects",
        "Li is an academician",
        "Uren Biotech, which was attracted",
        "The company is currently working",
        "The latter is using",
        '"Our new medicine',
        "This will enable the people of Wenzhou",
        "Statistics show that",
        "The 125 biopharmaceutical enterprises",
    ]
    assert len(got) == len(starts)
    for sentence, start in zip(got, starts, strict=False):
        assert sentence.startswith(start)
        assert re.search(r'[.!?]"?$', sentence), sentence


def test_decimals_currency_and_ampersands_do_not_split() -> None:
    article = read_article(SEED_FILE)
    texts = [s.text for s in split_sentences(article)]
    assert any("100 billion yuan ($15.78 billion) by 2025." in t for t in texts)
    assert any("10.23 billion yuan and 548 million yuan" in t for t in texts)
    assert any("Li Xiaokun's R&D team for growth factor medicine." in t for t in texts)


def test_quote_over_two_sentences_splits_at_its_inner_full_stop() -> None:
    article = read_article(SEED_FILE)
    texts = [s.text for s in split_sentences(article)]
    i = next(i for i, t in enumerate(texts) if t.startswith('"Our new medicine'))
    assert texts[i].endswith("per injection.")
    assert texts[i + 1].endswith("said Zheng Peiduo, chairman of Uren Biotech.")


@pytest.mark.parametrize("path", [SEED_FILE, SECOND_FILE], ids=["seed", "second"])
def test_offsets_and_ids(path) -> None:  # type: ignore[no-untyped-def]
    article = read_article(path)
    sentences = split_sentences(article)
    for n, s in enumerate(sentences):
        assert article.text[s.start : s.end] == s.text
        assert s.id == f"{article.id}:s{n}" and s.index == n and s.article == article.id
    # Stable: splitting again gives the same ids and spans.
    assert split_sentences(article) == sentences


def test_abbreviations_titles_and_initials() -> None:
    got = sentences_of(
        "Dr. Smith met Mr. Lee of Acme Inc. in the U.S. on Jan. 5 this year. "
        "They signed a deal worth $1.5 million. It starts in 2025."
    )
    assert got == [
        "Dr. Smith met Mr. Lee of Acme Inc. in the U.S. on Jan. 5 this year.",
        "They signed a deal worth $1.5 million.",
        "It starts in 2025.",
    ]


def test_quotes_stay_with_their_sentence() -> None:
    got = sentences_of('"We are ready," she said. "The plant opens in May." It did.')
    assert got == ['"We are ready," she said.', '"The plant opens in May."', "It did."]


def test_sentences_never_cross_paragraphs() -> None:
    article = clean(
        "Title\n\nThe first paragraph is long but has no full stop at its end for some reason"
        "\n\nThe second one does."
    )
    assert [s.paragraph for s in split_sentences(article)] == [0, 1]


@pytest.mark.parametrize(
    ("first", "sentence"),
    [
        ("OSTERVALE, Feb. 12 (Wire) - The port handled 4 million tonnes.", "The port handled"),
        ("NEW HARWICK (Reuters) — The mayor resigned on Monday.", "The mayor resigned"),
        ("LONDON, March 6, 2024 - Prices rose 3%.", "Prices rose"),
        ("The port handled 4 million tonnes in 2023.", "The port handled"),
        ("UK grid demand rose 3% - a record.", "UK grid demand"),
    ],
)
def test_a_dateline_is_not_part_of_the_first_sentence(first: str, sentence: str) -> None:
    article = clean(f"Port news\n\n{first} It was a record.\n", "dated")
    s0 = split_sentences(article)[0]
    assert s0.text.startswith(sentence)
    assert article.text[s0.start : s0.end] == s0.text
