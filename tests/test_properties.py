"""Properties that hold for any text: every stage gives a result or a clear error, never an
exception, and every offset points at the text it names.

Articles and questions are drawn from all of Unicode (control characters, other scripts,
combining marks, emoji) and from prose-like text with numbers, units and dates, so that the
later stages (sentences, facts, answers) see real work as well as garbage. Example counts
are kept modest so that the file runs in well under a minute.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from qa.analysis import analyse, tokens
from qa.engine import Engine
from qa.errors import CorpusError, QAError
from qa.ingest import clean
from qa.sentences import split_sentences
from qa.types import Answer, Article
from tests.support import SECOND_FILE, SEED_FILE, read_facts

FAST = settings(max_examples=300, deadline=None)
SLOW = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- strategies ------------------------------------------------------------------------------

ENGLISH = (
    "the city said its health industry reached 100 billion yuan in 2021 and the farm covers "
    "1.8 square kilometers of harbor which cost $330 million up 34.7 percent year-on-year "
    "Dr. Li Wei professor U.S. company opened March 8 employs 6,053 people two million "
    'valley investment by 2025 last year "we are proud" he said according to officials'
).split()

any_text = st.text(max_size=400)
word = st.one_of(
    st.sampled_from(ENGLISH),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc")),
        min_size=1,
        max_size=12,
    ),
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(lambda f: f"{f:,}"),
)
sentence = st.builds(
    lambda first, rest, end: " ".join([first.capitalize(), *rest]) + end,
    st.sampled_from(ENGLISH),
    st.lists(word, min_size=2, max_size=18),
    st.sampled_from([".", ".", ".", "!", "?", '."', ".)", "", "..."]),
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
prose = st.builds(
    lambda title, date, paras, sep: (
        "\n".join(filter(None, [title, date])) + "\n\n" + sep.join(paras)
    ),
    st.one_of(st.none(), st.text(max_size=40), st.just("Floating solar farm opens")),
    st.one_of(st.none(), st.just("Xinhua | Updated: 2023-03-08 10:15"), st.text(max_size=30)),
    st.lists(paragraph, min_size=1, max_size=4),
    st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n"]),
)
raw_article = st.one_of(any_text, prose, prose)

WH = [
    "How much",
    "How many",
    "Who",
    "What",
    "When",
    "Where",
    "Which",
    "Why",
    "And",
    "what about",
    "How much more",
    "What did",
    "how big is the",
]


def questions_from(words: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Questions that start like a question and go on with ``words``."""
    return st.builds(
        lambda w, rest, end: " ".join([w, *rest]) + end,
        st.sampled_from(WH),
        st.lists(words, max_size=10),
        st.sampled_from(["?", "", " ?", "??"]),
    )


question = st.one_of(st.text(max_size=600), questions_from(word))
TEST_ARTICLE_WORDS = sorted(
    {w for f in (SEED_FILE, SECOND_FILE) for w in f.read_text(encoding="utf-8").split()}
)
question_about_test_articles = st.one_of(
    question, questions_from(st.sampled_from(TEST_ARTICLE_WORDS))
)
turn = st.fixed_dictionaries(
    {"question": st.text(max_size=80)}, optional={"answer": st.text(max_size=120)}
)
valid_history = st.one_of(st.none(), st.lists(turn, max_size=4))
history: st.SearchStrategy[Any] = st.one_of(
    valid_history,
    valid_history,
    st.lists(turn, min_size=21, max_size=22),  # over the limit: a clear error
    st.integers(),
    st.text(max_size=5),
    st.lists(st.one_of(st.integers(), st.text(max_size=5), st.none()), max_size=2),
)


@st.composite
def article_and_question(draw: st.DrawFn) -> tuple[Article, str]:
    """An article, and a question made of its own words half the time (else any text)."""
    article = article_of(draw(raw_article))
    assume(article is not None)
    assert article is not None
    own_words = st.sampled_from(article.text.split() or ["x"])
    return article, draw(st.one_of(question, questions_from(own_words)))


def article_of(raw: str) -> Article | None:
    """The cleaned article, or None when cleaning refused the text with a CorpusError."""
    try:
        return clean(raw, "prop")
    except CorpusError:
        return None


# --- properties ------------------------------------------------------------------------------


@FAST
@given(raw_article)
def test_cleaning_gives_an_article_whose_paragraphs_are_its_text(raw: str) -> None:
    article = article_of(raw)
    if article is None:
        return
    text = article.text
    assert article.paragraphs, "an article has at least one paragraph"
    previous_end = -2
    for start, end in article.paragraphs:
        assert previous_end + 2 == start and 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
    assert "\n\n".join(text[s:e] for s, e in article.paragraphs) == text


@FAST
@given(raw_article)
def test_sentences_point_at_their_text_inside_one_paragraph(raw: str) -> None:
    article = article_of(raw)
    assume(article is not None)
    assert article is not None
    sentences = split_sentences(article)
    end = 0
    for i, s in enumerate(sentences):
        assert (s.id, s.index, s.article) == (f"prop:s{i}", i, "prop")
        assert s.text == article.text[s.start : s.end] and s.text == s.text.strip() and s.text
        assert s.start >= end, "sentences are in order and do not overlap"
        p_start, p_end = article.paragraphs[s.paragraph]
        assert p_start <= s.start < s.end <= p_end
        end = s.end


@FAST
@given(st.one_of(any_text, question))
def test_tokens_point_at_the_words_they_come_from(text: str) -> None:
    found = tokens(text)
    for t in found:
        assert text[t.start : t.end] == t.surface and t.term
    assert analyse(text) == [t.term for t in found]


@FAST
@given(raw_article)
def test_facts_point_at_their_numbers_inside_their_sentence(raw: str) -> None:
    article = article_of(raw)
    assume(article is not None)
    assert article is not None
    sentences = {s.id: s for s in split_sentences(article)}
    for fact in read_facts(article):
        assert fact.article == "prop"
        assert fact.surface == article.text[fact.start : fact.end] and fact.surface
        s = sentences[fact.sentence]
        assert s.start <= fact.start < fact.end <= s.end
        json.dumps(fact.to_dict() if hasattr(fact, "to_dict") else fact.__dict__, default=str)


def check_answer(result: Answer, articles: dict[str, Article]) -> None:
    """What every answer promises: a known method, a confidence, citations at their text."""
    assert isinstance(result, Answer) and isinstance(result.answer, str) and result.answer
    assert result.method in ("rule", "retrieval", "none")
    assert 0.0 <= result.confidence <= 1.0
    assert result.answered == (result.method != "none")
    for c in result.citations:
        assert articles[c.article].text[c.start : c.end] == c.text
        assert c.id.startswith(c.article + ":s")
    json.dumps(result.to_dict())  # the /ask body is JSON
    event(f"{result.method}, {'with' if result.citations else 'no'} citations")


@SLOW
@given(article_and_question(), history)
def test_any_question_about_any_article_gets_an_answer_or_a_clear_error(
    drawn: tuple[Article, str], earlier: Any
) -> None:
    article, asked = drawn
    engine = Engine([article])
    try:
        result = engine.ask(asked, earlier)
    except QAError as exc:
        assert str(exc), "an error says what is wrong"
        return
    check_answer(result, {article.id: article})


@settings(
    max_examples=800, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(question_about_test_articles, history)
def test_any_question_about_the_test_articles_gets_an_answer_or_a_clear_error(
    engine: Engine, asked: str, earlier: Any
) -> None:
    try:
        result = engine.ask(asked, earlier)
    except QAError as exc:
        assert str(exc)
        return
    check_answer(result, {a.id: a for a in engine.articles})
