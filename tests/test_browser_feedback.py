"""Script injection in a real browser: through feedback comments and right answers, and
through article text that reaches the page as answers, citations and titles.

Debian's Chromium driven by Playwright against ``qa serve``: the conftest ``live_server``
(the two test articles) and a second server over a hostile article whose title and sentences
are markup. Every payload must show as text, be stored byte for byte, run nothing (no
dialog, no marker variable set, no element created) and break no Content Security Policy
rule by accident (any console error fails the test).

The browser is the conftest's (``$QA_CHROMIUM``, else /usr/bin/chromium): without it these
tests skip locally, and fail when ``CI`` is set.
"""

from __future__ import annotations

import json
import sqlite3
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LiveServer, ask, start_server, stop_server

pytestmark = pytest.mark.browser

# Each one sets window.__injected (and calls alert) if it ever runs.
PAYLOADS = [
    '<img src=x onerror="window.__injected=1;alert(1)">',
    "<script>window.__injected=2;alert(2)</script>",
    '"><svg onload="window.__injected=3;alert(3)"></svg>',
    '<iframe srcdoc="<script>parent.__injected=4</script>"></iframe>',
    "javascript:window.__injected=5",
]
HOSTILE_ARTICLE = """Harbor notices <b onmouseover="window.__injected=6">board</b>

Xinhua | Updated: 2024-05-06 09:30

The harbor office posted a notice that read <img src=x onerror="window.__injected=7;alert(7)"> \
beside the ferry timetable on Monday morning.

Vandals painted the words <script>window.__injected=8;alert(8)</script> on the old pier, \
according to the ferry operator, who reported it to the police.

The repairs will cost 12,000 yuan and take two weeks, the harbor office said in a statement.
"""
# Several ways to ask for the hostile sentences, so that the test does not hang on how well
# the engine answers one of them: it needs one answer that cites one.
HOSTILE_QUESTIONS = [
    "What did the harbor office post beside the ferry timetable?",
    "What notice did the harbor office post?",
    "What words did vandals paint on the old pier?",
    "What did vandals paint on the old pier?",
]


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """``qa serve`` over one article whose title and sentences are markup."""
    corpus = tmp_path_factory.mktemp("hostile-corpus")
    (corpus / "harbor-notices.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    server = start_server(corpus, tmp_path_factory.mktemp("hostile-server"))
    yield server
    stop_server(server)


class Watch:
    """Dialogs the page opened and errors it logged (a CSP violation is one); both must stay
    empty."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_nothing_ran(self) -> None:
        self.page.wait_for_timeout(300)  # an injected handler would have fired by now
        assert self.page.evaluate("() => window.__injected === undefined"), "injected script ran"
        assert self.page.evaluate("() => parent.__injected === undefined")
        injected = (
            "#conversation img, #conversation svg, #conversation iframe, #conversation "
            "script, #reader img, #reader script, #welcome b"
        )
        assert self.page.locator(injected).count() == 0, "markup from data became elements"
        assert self.dialogs == [], "the page ran script from data"
        assert self.errors == [], "console errors (a CSP violation is one)"


OpenPage = Callable[[LiveServer], tuple[Any, Watch]]


@pytest.fixture
def open_page(browser: Any) -> Iterator[OpenPage]:
    """Opens the chat page of a server in a fresh browser context, closed after the test."""
    contexts: list[Any] = []

    def open_on(server: LiveServer) -> tuple[Any, Watch]:
        context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=server.url)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        watch = Watch(page)
        page.goto("/")
        page.wait_for_load_state("networkidle")
        return page, watch

    yield open_on
    for context in contexts:
        context.close()


def send_feedback(page: Any, card: Any, verdict: str, right: str | None, comment: str) -> Any:
    """Rate the answer in ``card``; returns the /feedback request the page sent."""
    from playwright.sync_api import expect

    card.get_by_role("button", name=verdict, exact=True).click()
    if right is not None:
        card.get_by_label("The right answer (optional)").fill(right)
    card.get_by_label("Comment (optional)").fill(comment)
    with page.expect_request("**/feedback") as request:
        card.get_by_role("button", name="Send feedback").click()
    expect(card.locator(".feedback-status")).to_have_text("Thank you, your feedback was recorded.")
    return request.value


def last_feedback(db: Path) -> tuple[str, str, str | None, str | None]:
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT question, answer, correct_answer, comment FROM feedback ORDER BY id DESC"
        ).fetchone()
    return row


def test_markup_in_feedback_is_sent_and_stored_as_text_and_runs_nothing(
    open_page: OpenPage, live_server: LiveServer
) -> None:
    tab, watch = open_page(live_server)
    card, _ = ask(tab, "How much did the solar farm cost?")
    comment = "\n".join(PAYLOADS)
    right = PAYLOADS[0] + " 2.4 billion yuan " + PAYLOADS[1]
    request = send_feedback(tab, card, "Not helpful", right, comment)
    sent = json.loads(request.post_data)
    assert (sent["correct_answer"], sent["comment"]) == (right, comment)
    stored = last_feedback(live_server.feedback_db)
    assert stored[2:] == (right, comment), "stored byte for byte"
    watch.assert_nothing_ran()

    # A question that is itself markup, rated with more markup.
    card, body = ask(tab, PAYLOADS[2])
    send_feedback(tab, card, "Right passage, wrong answer", PAYLOADS[3], PAYLOADS[4])
    assert last_feedback(live_server.feedback_db) == (
        body["question"],
        body["answer"],
        PAYLOADS[3],
        PAYLOADS[4],
    )
    watch.assert_nothing_ran()


def test_markup_in_article_text_shows_as_text_in_answers_citations_and_titles(
    open_page: OpenPage, hostile_server: LiveServer
) -> None:
    from playwright.sync_api import expect

    tab, watch = open_page(hostile_server)
    title = 'Harbor notices <b onmouseover="window.__injected=6">board</b>'
    expect(tab.locator(".article-title").first).to_have_text(title)

    answered = []
    for question in HOSTILE_QUESTIONS:
        card, body = ask(tab, question)
        expect(card.locator(".answer-text")).to_contain_text(body["answer"])  # as text
        if body["citations"]:
            answered.append((card, body))
    assert answered, "the engine cited none of the hostile sentences: nothing was tested"
    card, body = answered[0]
    assert "<" in body["citations"][0]["text"], "a cited sentence carries markup"
    card.locator("button.cite").first.click()
    expect(tab.locator("#reader-title")).to_have_text(title)
    expect(tab.locator("#reader mark")).to_have_text(body["citations"][0]["text"])
    reader = tab.locator("#reader")
    expect(reader).to_contain_text('<img src=x onerror="window.__injected=7;alert(7)">')
    expect(reader).to_contain_text("<script>window.__injected=8;alert(8)</script>")
    watch.assert_nothing_ran()

    card, body = answered[-1]
    send_feedback(tab, card, "Helpful", None, PAYLOADS[1])
    stored = last_feedback(hostile_server.feedback_db)
    assert stored[1:] == (body["answer"], None, PAYLOADS[1]), "the answer stored as shown"
    watch.assert_nothing_ran()


def test_the_policy_blocks_inline_script_even_if_some_got_in(
    open_page: OpenPage, live_server: LiveServer
) -> None:
    tab, watch = open_page(live_server)
    tab.evaluate(
        """() => {
            const s = document.createElement("script");
            s.textContent = "window.__inline = 1";
            document.body.append(s);
            const img = document.createElement("img");
            img.setAttribute("src", "x");
            img.setAttribute("onerror", "window.__inline = 2");
            document.body.append(img);
        }"""
    )
    tab.wait_for_timeout(300)
    assert tab.evaluate("() => window.__inline") is None, "the CSP let inline script run"
    assert any("Content Security Policy" in e for e in watch.errors), watch.errors


def test_every_response_carries_a_strict_content_security_policy(live_server: LiveServer) -> None:
    for path in ("/", "/healthz", "/static/app.js", "/no-such-page"):
        try:
            response = urllib.request.urlopen(live_server.url + path, timeout=5)
        except urllib.error.HTTPError as error:  # the 404 is a response too
            response = error
        policy = response.headers["Content-Security-Policy"]
        directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
        assert directives["default-src"] == ["'self'"], path
        assert directives["script-src"] == ["'self'"], "no inline, no eval, no other origin"
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        assert directives["frame-ancestors"] == ["'none'"] and directives["base-uri"] == ["'none'"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
