"""The chat page in a real browser: Debian's Chromium, driven by Playwright, against ``qa serve``.

A person asks, reads the answer and its citations, opens one and sees the cited sentence
highlighted, asks a follow-up, meets an abstention, rates an answer; with a mouse, with the
keyboard alone, on a phone-sized screen. Nothing from the question or the article becomes
markup, and nothing breaks the Content Security Policy (every console error fails a test).

The ``browser`` fixture (conftest.py) skips these tests locally without Chromium or
Playwright and fails them when ``CI`` is set. With ``SCREENSHOTS_DIR`` set, the screenshot
test writes desktop.png and phone.png there (the README's are in docs/screenshots).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LiveServer, ask

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
XSS = "<img src=x onerror=alert(1)>"


class Console:
    """What the page said on its console, and any alert() it tried (there must be none)."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []

    def expect_errors(self) -> None:
        """Forget the errors so far: the test caused them on purpose (a failing server)."""
        self.errors.clear()


def open_page(browser: Any, server: LiveServer, viewport: dict[str, int], console: Console) -> Any:
    context = browser.new_context(viewport=viewport, base_url=server.url)
    page = context.new_page()
    page.on("console", lambda m: console.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: console.errors.append(str(e)))

    def on_dialog(dialog: Any) -> None:
        console.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.set_default_timeout(10_000)
    page.goto("/")
    page.wait_for_load_state("networkidle")
    return page


@pytest.fixture
def console() -> Iterator[Console]:
    seen = Console()
    yield seen
    assert seen.dialogs == [], "the page ran script from data"
    assert seen.errors == [], "console errors (a CSP violation is one)"


@pytest.fixture
def page(browser: Any, live_server: LiveServer, console: Console) -> Iterator[Any]:
    page = open_page(browser, live_server, DESKTOP, console)
    yield page
    page.context.close()


@pytest.fixture
def phone(browser: Any, live_server: LiveServer, console: Console) -> Iterator[Any]:
    page = open_page(browser, live_server, PHONE, console)
    yield page
    page.context.close()


# --- asking ----------------------------------------------------------------------------------


def test_ask_see_the_answer_and_open_a_citation(page: Any) -> None:
    from playwright.sync_api import expect

    expect(page.locator(".starter")).to_have_count(4)  # offered on a first visit
    card, body = ask(page, "Who is the chairman of Uren Biotech?")
    expect(card.locator(".answer-text")).to_contain_text("Zheng Peiduo")
    expect(page.locator("#welcome")).to_be_hidden()
    markers = card.locator("button.cite")
    expect(markers).to_have_count(len(body["citations"]))
    expect(markers.first).to_have_text("1")
    expect(page.locator("#announcer")).to_contain_text("Answer:")  # the live region

    markers.first.click()
    reader = page.locator("#reader")
    expect(reader).to_be_visible()
    expect(page.locator("#reader-title")).to_have_text("China Gene Medicine Valley")
    highlighted = reader.locator("mark")
    expect(highlighted).to_have_count(1)
    expect(highlighted).to_have_text(body["citations"][0]["text"])
    expect(highlighted).to_be_in_viewport()
    expect(markers.first).to_have_attribute("aria-current", "true")
    assert reader.locator(".sentence").count() > 5  # the whole article, not only the sentence


def test_a_follow_up_sends_the_earlier_turns_as_history(page: Any) -> None:
    from playwright.sync_api import expect

    first, first_body = ask(page, "What does Uren Biotech focus on?")
    with page.expect_request("**/ask") as request:
        card, body = ask(page, "When did it move to the valley?")
    sent = json.loads(request.value.post_data)
    assert sent == {
        "question": "When did it move to the valley?",
        "history": [
            {"question": "What does Uren Biotech focus on?", "answer": first_body["answer"]}
        ],
    }
    expect(card.locator(".answer-text")).to_contain_text("June 2020")
    expect(card.locator(".answer-note")).to_contain_text("Uren Biotech")  # understood as ...


def test_an_abstention_says_so_without_citations(page: Any) -> None:
    from playwright.sync_api import expect

    card, body = ask(page, "Who is the president of France?")
    assert body["answered"] is False
    expect(card).to_have_class("bubble bubble-answer is-abstained")
    expect(card.locator(".answer-method")).to_have_text("Not found in the articles")
    expect(card.locator(".answer-text")).to_have_text(body["answer"])
    expect(card.locator("button.cite")).to_have_count(0)


def test_markup_in_a_question_shows_as_text(page: Any, console: Console) -> None:
    from playwright.sync_api import expect

    card, body = ask(page, XSS)
    question = page.locator(".bubble-question").last
    expect(question).to_have_text("You asked: " + XSS)
    assert page.locator("#conversation img").count() == 0
    expect(card.locator(".answer-text")).to_contain_text(body["answer"])
    page.wait_for_timeout(200)  # an injected onerror would have run by now
    assert console.dialogs == []


def test_starters_and_a_new_conversation(page: Any) -> None:
    from playwright.sync_api import expect

    starter = page.locator(".starter").first
    text = starter.inner_text()
    with page.expect_response("**/ask"):
        starter.click()
    expect(page.locator(".bubble-question")).to_have_text("You asked: " + text)
    expect(page.locator(".bubble-answer")).to_have_count(1)
    page.locator("#new-chat").click()
    expect(page.locator(".turn")).to_have_count(0)
    expect(page.locator(".starter").first).to_be_visible()
    with page.expect_request("**/ask") as request:
        ask(page, "When was the valley established?")
    assert json.loads(request.value.post_data)["history"] == []  # the old turns are gone


def test_a_new_conversation_while_an_answer_loads_does_not_inherit_it(
    page: Any, console: Console
) -> None:
    from playwright.sync_api import Error, expect

    held: list[Any] = []
    page.route("**/ask", lambda route: held.append(route))  # the answer is on its way
    page.locator("#question").fill("How many panels does the farm have?")
    page.locator("#question").press("Enter")
    expect(page.locator(".bubble-pending")).to_be_visible()
    page.locator("#new-chat").click()
    expect(page.locator(".turn")).to_have_count(0)
    with contextlib.suppress(Error):  # the page gave up on the old answer, as it should
        held[0].continue_()  # else it arrives after all
    page.unroute("**/ask")
    expect(page.locator("#send")).to_be_enabled()  # free to ask again
    with page.expect_request("**/ask") as request:
        card, _ = ask(page, "When was the valley established?")
    assert json.loads(request.value.post_data)["history"] == []
    expect(page.locator(".turn")).to_have_count(1)
    expect(page.locator(".bubble-question")).to_have_text(
        "You asked: When was the valley established?"
    )
    with page.expect_request("**/ask") as follow_up:
        ask(page, "Who is the chairman of Uren Biotech?")
    history = json.loads(follow_up.value.post_data)["history"]
    assert [turn["question"] for turn in history] == ["When was the valley established?"]
    console.expect_errors()  # Chromium may log the aborted request


def test_a_failed_articles_request_is_tried_again(
    browser: Any, live_server: LiveServer, console: Console
) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.route("**/articles", lambda route: route.abort("connectionrefused"))
        page.goto("/")
        card, body = ask(page, "Who is the chairman of Uren Biotech?")
        article = body["citations"][0]["article"]
        expect(card.locator(".source-title").first).to_have_text(article)  # no title known
        page.unroute("**/articles")
        with page.expect_response("**/articles") as listed:
            card, _ = ask(page, "When was the valley established?")
        assert listed.value.ok, "the page asked for the articles again"
        expect(card.locator(".source-title").first).to_have_text("China Gene Medicine Valley")
    finally:
        context.close()
    console.expect_errors()  # the refused /articles was logged on purpose


# --- busy, failures, working ------------------------------------------------------------------


def test_busy_state_then_a_clear_error_when_the_server_fails(page: Any, console: Console) -> None:
    from playwright.sync_api import expect

    held: list[Any] = []
    page.route("**/ask", lambda route: held.append(route))  # held: the page stays busy
    page.locator("#question").fill("How many panels does the farm have?")
    page.locator("#question").press("Enter")
    send = page.locator("#send")
    expect(send).to_be_disabled()
    expect(send).to_have_text("Asking…")
    expect(page.locator(".bubble-pending")).to_be_visible()
    expect(page.locator("#conversation")).to_have_attribute("aria-busy", "true")

    held[0].fulfill(status=502, content_type="text/html", body="<h1>Bad gateway</h1>")
    alert = page.locator(".bubble-error")
    expect(alert).to_have_attribute("role", "alert")
    expect(alert).to_contain_text("HTTP 502")
    expect(send).to_be_enabled()
    expect(page.locator("#question")).to_have_value("How many panels does the farm have?")

    page.unroute("**/ask")
    page.route("**/ask", lambda route: route.abort("connectionrefused"))
    page.locator("#question").press("Enter")
    expect(page.locator(".bubble-error").last).to_contain_text("Couldn't reach the server")

    page.unroute("**/ask")
    with page.expect_response("**/ask"):
        page.locator(".bubble-error button").last.click()  # Try again
    expect(page.locator(".bubble-answer").last).to_contain_text("420,000")
    console.expect_errors()  # the failed loads above were logged on purpose


def test_an_api_error_message_is_shown(page: Any, console: Console) -> None:
    from playwright.sync_api import expect

    page.locator("#question").fill("   ")
    page.locator("#question").press("Enter")  # blank: not sent
    expect(page.locator(".turn")).to_have_count(0)
    page.evaluate("document.getElementById('question').removeAttribute('maxlength')")
    page.locator("#question").fill("why " * 130)
    page.locator("#question").press("Enter")
    expect(page.locator(".bubble-error")).to_contain_text("longer than 500 characters")
    console.expect_errors()  # Chromium logs the 400 it was given


def test_a_derived_number_shows_its_working(page: Any) -> None:
    from playwright.sync_api import expect

    working = "187 doctoral graduates [s10] − two academicians [s10] = 185 graduates."
    sentence = "china-gene-medicine-valley-wenzhou:s10"
    canned = {
        "answer": "185 more doctoral graduates than academicians.",
        "answered": True,
        "method": "rule",
        "confidence": 0.9,
        "citations": [
            {
                "id": sentence,
                "article": "china-gene-medicine-valley-wenzhou",
                "text": "Statistics show ...",
                "start": 0,
                "end": 19,
            }
        ],
        "derivation": working,
        "short_answer": "185",
        "question": "How many more?",
        "resolved_question": None,
    }
    page.route("**/ask", lambda route: route.fulfill(json=canned))
    card, _ = ask(page, "How many more doctoral graduates than academicians are there?")
    expect(card.locator(".working-title")).to_have_text("How this was worked out")
    expect(card.locator(".working-steps")).to_have_text(working)
    expect(card.locator(".answer-method")).to_have_text("Worked out from figures in the articles")


# --- feedback ---------------------------------------------------------------------------------


def test_rate_an_answer_with_the_right_answer(page: Any, live_server: LiveServer) -> None:
    from playwright.sync_api import expect

    card, body = ask(page, "How much did the solar farm cost?")
    card.get_by_role("button", name="Right passage, wrong answer").click()
    expect(card.get_by_role("button", name="Right passage, wrong answer")).to_have_attribute(
        "aria-pressed", "true"
    )
    card.get_by_label("The right answer (optional)").fill("2.4 billion yuan")
    card.get_by_label("Comment (optional)").fill("the cost, not the area")
    with page.expect_request("**/feedback") as request:
        card.get_by_role("button", name="Send feedback").click()
    expect(card.locator(".feedback-status")).to_have_text("Thank you, your feedback was recorded.")
    sent = json.loads(request.value.post_data)
    assert sent == {
        "question": "How much did the solar farm cost?",
        "answer": body["answer"],
        "verdict": "wrong_answer_right_passage",
        "history": [],
        "citations": [c["id"] for c in body["citations"]],
        "correct_answer": "2.4 billion yuan",
        "comment": "the cost, not the area",
    }
    with sqlite3.connect(live_server.feedback_db) as db:
        stored = db.execute("SELECT verdict, correct_answer FROM feedback ORDER BY id DESC")
        assert stored.fetchone() == ("wrong_answer_right_passage", "2.4 billion yuan")

    helpful, _ = ask(page, "How many panels does the farm have?")
    helpful.get_by_role("button", name="Helpful", exact=True).click()
    expect(helpful.get_by_label("The right answer (optional)")).to_be_hidden()
    helpful.get_by_role("button", name="Send feedback").click()
    expect(helpful.locator(".feedback-status")).to_contain_text("Thank you")


# --- keyboard, phone, screenshots --------------------------------------------------------------


def test_keyboard_alone(page: Any) -> None:
    from playwright.sync_api import expect

    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#question")).to_be_focused()
    page.keyboard.type("Who is the chairman of Uren Biotech?")
    with page.expect_response("**/ask"):
        page.keyboard.press("Enter")
    expect(page.locator(".bubble-answer")).to_have_count(1)
    expect(page.locator("#question")).to_be_focused()  # ready for the next question

    for _ in range(12):  # back through the answer to its last citation marker
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.classList.contains('cite')"):
            break
    marker = page.locator("button.cite").last
    expect(marker).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#reader mark")).to_be_focused()  # a screen reader reads it next
    page.keyboard.press("Escape")
    expect(page.locator("#reader")).to_be_hidden()
    expect(marker).to_be_focused()


def test_a_phone_sized_screen(phone: Any) -> None:
    from playwright.sync_api import expect

    card, _ = ask(phone, "How much did the solar farm cost?")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    card.locator("button.cite").first.click()
    reader = phone.locator("#reader")
    expect(reader.locator("mark")).to_be_in_viewport()
    box = reader.bounding_box()
    assert box["x"] == 0 and box["width"] == PHONE["width"]  # the article fills the screen
    assert phone.evaluate("document.getElementById('main').inert")  # the chat is behind it
    phone.get_by_role("button", name="Close the article").click()
    expect(reader).to_be_hidden()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_screenshots(
    browser: Any, live_server: LiveServer, console: Console, tmp_path: Path
) -> None:
    """The README's pictures: a conversation with a citation open, on a desktop and a phone."""
    folder = Path(os.environ.get("SCREENSHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    for name, viewport, scale in (
        ("desktop", {"width": 1280, "height": 860}, 1),
        ("phone", PHONE, 2),
    ):
        context = browser.new_context(
            viewport=viewport,
            base_url=live_server.url,
            device_scale_factor=scale,
            reduced_motion="reduce",
        )
        page = context.new_page()
        page.on("console", lambda m: console.errors.append(m.text) if m.type == "error" else None)
        page.goto("/")
        if name == "desktop":
            ask(page, "Who is Lin Qiang?")
            card, _ = ask(page, "What did he say about the panels?")
            card.locator("button.cite").last.click()
            page.locator("#reader mark").wait_for()
        else:
            ask(page, "Who is the chairman of Uren Biotech?")
            ask(page, "How much did the solar farm cost?")
        page.evaluate("window.scrollTo(0, 0)")  # from the first question
        page.locator("#question").blur()
        page.mouse.move(0, 0)
        page.screenshot(path=str(folder / f"{name}.png"))
        context.close()
        assert (folder / f"{name}.png").stat().st_size > 10_000
