"""Cleaning: page furniture goes, the title, source and date stay as metadata."""

from pathlib import Path

import pytest

from qa.errors import CorpusError
from qa.ingest import clean, load_corpus, read_article
from tests.support import SECOND_FILE, SEED_DIR, SEED_FILE

FURNITURE = ["Back to", "Home>", ".jpg", "[Photo", "Back to the top"]


@pytest.mark.parametrize("path", [SEED_FILE, SECOND_FILE], ids=["seed", "second"])
def test_no_furniture_survives(path: Path) -> None:
    article = read_article(path)
    for piece in FURNITURE:
        assert piece not in article.text


def test_seed_metadata_is_kept() -> None:
    article = read_article(SEED_FILE)
    assert article.id == "china-gene-medicine-valley-wenzhou"
    assert article.title == "China Gene Medicine Valley"
    assert article.source == "ALMS"
    assert article.date == "2022-03-08"
    assert article.text.startswith("Ouhai district in East China's Wenzhou")
    assert article.text.endswith("year-on-year respectively.")
    # The title and the dateline are metadata, not body text.
    assert "Updated:" not in article.text
    assert not article.text.startswith("China Gene Medicine Valley")


def test_second_article_metadata_is_kept() -> None:
    article = read_article(SECOND_FILE)
    assert article.title == "Baisha Harbor Floating Solar Farm"
    assert article.source == "XINHUA"
    assert article.date == "2023-09-14"
    assert article.captions == ("Rows of solar panels float above the water at Baisha Harbor.",)


def test_paragraph_offsets_point_into_text() -> None:
    article = read_article(SEED_FILE)
    raw = SEED_FILE.read_text(encoding="utf-8")
    assert len(article.paragraphs) == 9
    for start, end in article.paragraphs:
        assert article.text[start:end] in raw


def test_markdown_and_html_articles(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "# Harbour Opens\n\n*Updated: May 2, 2021*\n\n![crane](crane.jpg)\n\n"
        "The new **harbour** in [Port Town](http://x) opened on Monday after three years "
        "of work.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.html").write_text(
        "<html><head><title>Bridge Done</title><script>var x=1;</script></head><body>"
        "<nav>Home &gt; News &gt; Local</nav><h1>Bridge Done</h1>"
        "<p>The river bridge, which cost 2 million dollars, opened to traffic on Friday.</p>"
        "<p>Back to the top</p></body></html>",
        encoding="utf-8",
    )
    md, html = load_corpus(tmp_path)
    assert md.title == "Harbour Opens" and md.date == "2021-05-02"
    assert md.text == "The new harbour in Port Town opened on Monday after three years of work."
    assert html.title == "Bridge Done"
    assert html.text == (
        "The river bridge, which cost 2 million dollars, opened to traffic on Friday."
    )


def test_missing_and_empty_folders_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="no articles"):
        load_corpus(tmp_path)


def test_empty_article_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("Back to the top\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="empty.txt"):
        load_corpus(tmp_path)


def test_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "broken.txt").mkdir()  # a folder with an article's name cannot be read
    (tmp_path / "ok.txt").write_text("A sentence that is long enough to be a body line here.")
    articles = load_corpus(tmp_path)  # folders are skipped, not read
    assert [a.id for a in articles] == ["ok"]


def test_clean_handles_unicode_quotes_and_dashes() -> None:
    article = clean(
        "Title\n\n\u201cIt works\u201d \u2014 said the engineer, who built it in 2020.\n"
    )
    assert article.text == '"It works" - said the engineer, who built it in 2020.'


def test_seed_folder_loads_only_articles() -> None:
    assert [a.id for a in load_corpus(SEED_DIR)] == ["china-gene-medicine-valley-wenzhou"]


def test_encyclopedia_headings_and_reference_marks_are_dropped() -> None:
    article = clean(
        "Albert Einstein\nFrom Wikipedia, the free encyclopedia\n\n"
        "Albert Einstein was a German-born theoretical physicist.[1][2] He developed the "
        "theory of relativity.[citation needed]\n\nEarly life\n\n"
        "Einstein was born in Ulm on 14 March 1879.[3]\n"
    )
    assert article.title == "Albert Einstein"
    assert article.text == (
        "Albert Einstein was a German-born theoretical physicist. He developed the theory of "
        "relativity.\n\nEinstein was born in Ulm on 14 March 1879."
    )


def test_a_long_headline_is_still_the_title() -> None:
    article = clean(
        "Port City opens its first driverless metro line linking the container harbour "
        "with the international airport in the north\n\nPublished: 2024-05-12\n\n"
        "The line opened to passengers on May 10 after five years of construction work.\n"
    )
    assert article.title.startswith("Port City opens")
    assert article.date == "2024-05-12"
    assert article.text.startswith("The line opened")


def test_a_list_keeps_its_items_and_drops_its_heading() -> None:
    article = clean(
        "Old Mill\n\nThe mill was built in 1820 by the Hale family and ground corn until "
        "1951.\n\nMillers\n\nThe mill had five millers. The best known were:\n"
        "Thomas Hale (1820-1848), the builder\nAnn Hale (1848-1871), his daughter\n\n"
        "Visitors\n\nThe mill opened as a museum in 1990.\n"
    )
    assert article.text.split("\n\n") == [
        "The mill was built in 1820 by the Hale family and ground corn until 1951.",
        "The mill had five millers. The best known were:",
        "Thomas Hale (1820-1848), the builder.",
        "Ann Hale (1848-1871), his daughter.",
        "The mill opened as a museum in 1990.",
    ]
    # An item ends as a sentence, so the text read again without the list keeps it.
    assert clean(f"{article.title}\n\n{article.text}\n").text == article.text


def test_a_list_without_a_lead_in_keeps_its_items() -> None:
    article = clean(
        "Old Mill\n\nThe mill ground corn until 1951, when the last miller retired.\n\n"
        "Notable visitors\n\nQueen Adelaide (1792-1849), in 1831\n"
        "Charles Dickens (1812-1870), novelist\n"
    )
    assert "Notable visitors" not in article.text
    assert article.text.endswith(
        "Queen Adelaide (1792-1849), in 1831.\n\nCharles Dickens (1812-1870), novelist."
    )


def test_a_lone_short_line_is_still_a_heading() -> None:
    article = clean(
        "Old Mill\n\nThe mill ground corn until 1951, when the last miller retired.\n\n"
        "Share this story\n\nThe building is now a museum.\n"
    )
    assert "Share" not in article.text


def test_hard_wrapped_prose_is_joined_into_its_paragraph() -> None:
    article = clean(
        "Harbour Town Opens New Ferry Terminal\n\n"
        "The new ferry terminal at Harbour Town opened on Monday after three years\n"
        "of building work, the port authority said. The terminal cost 42 million\n"
        "euros and can handle up to 1.2 million passengers a year, twice as many as\n"
        "the old building on Quay Road.\n"
    )
    assert article.title == "Harbour Town Opens New Ferry Terminal"
    assert article.text == (
        "The new ferry terminal at Harbour Town opened on Monday after three years of "
        "building work, the port authority said. The terminal cost 42 million euros and can "
        "handle up to 1.2 million passengers a year, twice as many as the old building on "
        "Quay Road."
    )


def test_list_items_of_markdown_and_html_are_kept(tmp_path: Path) -> None:
    items = ["Thomas Hale (1820-1848), the builder", "Ann Hale (1848-1871), his daughter"]
    lead = "The mill was built in 1820 by the Hale family and ground corn until 1951."
    (tmp_path / "a.md").write_text(
        f"# Old Mill\n\n{lead}\n\n## Millers\n\n- {items[0]}\n- {items[1]}\n", encoding="utf-8"
    )
    (tmp_path / "b.html").write_text(
        f"<html><head><title>Old Mill</title></head><body><p>{lead}</p><h2>Millers</h2>"
        f"<ul><li>{items[0]}</li><li>{items[1]}</li></ul><p>Share</p></body></html>",
        encoding="utf-8",
    )
    for article in load_corpus(tmp_path):
        assert article.text.split("\n\n") == [lead, *(f"{i}." for i in items)], article.id
