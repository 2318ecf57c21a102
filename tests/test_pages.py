"""The chat page as served: its HTML, its static files and its headers.

What the page does in a browser is in test_browser.py; here, what can be checked without
one: no inline code (the CSP forbids it), no CDN, labels, escaping, the security headers.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from flask.testing import FlaskClient

from qa.engine import Engine
from web import create_app
from web.security import CONTENT_SECURITY_POLICY

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
TEMPLATES = STATIC.parent / "templates"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script> and <style>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline_code: list[str] = []
        self._in_code = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_code = tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._in_code = False

    def handle_data(self, data: str) -> None:
        if self._in_code and data.strip():
            self.inline_code.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


def test_the_page_is_a_chat_with_a_labelled_input(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = parse(response.get_data(as_text=True))
    (question,) = page.find("input", id="question")
    assert question["maxlength"] == "500" and question["autocomplete"] == "off"
    assert page.find("label", **{"for": "question"})
    assert page.find("form", id="ask-form")  # Enter submits the form
    assert page.find("ol", id="conversation")
    assert page.find("p", id="announcer", role="status")  # the live region for new answers
    assert page.find("aside", id="reader")  # the article view for citations
    assert page.find("a", **{"class": "skip-link"})
    assert page.find("html", lang="en")
    assert page.find("meta", name="viewport")


def test_the_page_names_the_articles_and_offers_starters(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    assert "China Gene Medicine Valley" in html and "Baisha Harbor Floating Solar Farm" in html
    starters = [a for t, a in parse(html).tags if t == "button" and a.get("class") == "starter"]
    assert 2 <= len(starters) <= 4


def test_text_is_escaped_not_markup(engine: Engine, tmp_path: Path) -> None:
    attack = '<img src=x onerror=alert(1)>"'
    app = create_app(
        {"STARTER_QUESTIONS": [attack], "QA_SETTINGS": {"feedback_db": tmp_path / "f.db"}},
        engine=engine,
    )
    html = app.test_client().get("/").get_data(as_text=True)
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;&#34;" in html


def test_no_inline_code_and_nothing_from_another_origin(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    page = parse(html)
    assert page.inline_code == []
    for _, attrs in page.tags:
        assert "style" not in attrs
        assert not any(name.startswith("on") for name in attrs)
    (script,) = page.find("script")
    assert script["src"] == "/static/app.js"
    assert page.find("link", rel="stylesheet", href="/static/app.css")
    for text in (html, (STATIC / "app.js").read_text(), (STATIC / "app.css").read_text()):
        assert not re.search(r"https?://", text.replace("http://127.0.0.1", ""))


def test_the_script_puts_data_on_the_page_as_text(client: FlaskClient) -> None:
    script = client.get("/static/app.js")
    assert script.status_code == 200 and script.mimetype in (
        "text/javascript",
        "application/javascript",
    )
    code = script.get_data(as_text=True)
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
    ):
        assert sink not in code, sink
    assert "textContent" in code
    assert client.get("/static/app.css").mimetype == "text/css"


def test_the_page_and_the_api_carry_the_security_headers(client: FlaskClient) -> None:
    assert CONTENT_SECURITY_POLICY == CSP
    for path in ("/", "/ask?question=Who%3F", "/static/app.js", "/nope", "/openapi.json"):
        headers = client.get(path).headers
        assert headers["Content-Security-Policy"] == CSP, path
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["X-Frame-Options"] == "DENY"
        assert "camera=()" in headers["Permissions-Policy"]


def test_a_browser_gets_a_small_html_404_page(client: FlaskClient) -> None:
    response = client.get("/no-such-page", headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 404 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "Not Found" in html and 'href="/"' in html
    assert parse(html).inline_code == []


def test_the_templates_ship_with_the_package() -> None:
    assert {p.name for p in TEMPLATES.iterdir()} >= {"base.html", "index.html", "error.html"}
    assert {p.name for p in STATIC.iterdir()} >= {"app.js", "app.css"}
