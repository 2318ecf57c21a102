"""Load articles from a folder and strip the page furniture around their body.

News pages saved as text carry navigation ("Back to Zhejiang", "Home> Doing Business>..."),
image file names, "[Photo/...]" caption lines and "Back to the top". What is kept: the title,
the source label and date (as metadata) and the body paragraphs (as the text).
Plain text, Markdown and HTML files are read; everything else in the folder is ignored.
"""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

from .errors import CorpusError
from .types import Article

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE = (
    rf"(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}"
)
_DATE_LINE = re.compile(
    rf"^(?:(?P<source>[^|\n]{{1,60}}?)\s*\|\s*)?(?:Updated|Published|Posted|Date)?\s*:?\s*"
    rf"(?P<date>{_DATE})(?:\s+\d{{1,2}}:\d{{2}}.*)?$",
    re.IGNORECASE,
)
_BACK_TO = re.compile(
    r"^(?:back to\b.*|top of page|return to top|skip to (?:main )?content)$", re.I
)
_BREADCRUMB = re.compile(r"^\s*home\s*>|^[^.!?]{0,80}(?:\s*>\s*[^>]{1,60}){2,}$", re.I)
_IMAGE_FILE = re.compile(r"^\S.*\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?)$", re.I)
_CAPTION_MARK = re.compile(r"\[(?:Photo|Image|Picture|Video|Graphic)s?\b[^\]]*\]", re.I)
_SENTENCE_END = re.compile(r"[.!?\"'\u201d\u2019)]$")
# Encyclopedia reference marks: "[1]", "[12][13]", "[citation needed]", "[a]".
_REFERENCE_MARK = re.compile(
    r"\[(?:\d{1,3}|[a-z]|citation needed|clarification needed|"
    r"when\?|who\?|note \d+)\]",
    re.I,
)


def normalise(text: str) -> str:
    """Unicode-normalise and unify quotes, dashes and spaces so offsets stay one-to-one later."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(
        {
            0x2018: "'",
            0x2019: "'",
            0x201A: "'",
            0x2032: "'",
            0x201C: '"',
            0x201D: '"',
            0x201E: '"',
            0x2033: '"',
            0x2013: "-",
            0x2014: " - ",
            0x2212: "-",
            0x00A0: " ",
            0x200B: None,
            0xFEFF: None,
        }
    )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Control characters (other than newline and tab) carry no text.
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")


def _parse_date(raw: str) -> str | None:
    raw = re.sub(r"\s+", " ", raw.replace(".", "").replace(",", ", ")).strip()
    raw = raw.replace(" ,", ",").replace(",,", ",")
    for fmt in (
        "%B %d, %Y",
        "%b %d, %Y",
        "%B %d %Y",
        "%b %d %Y",
        "%Y-%m-%d",
        "%d %B %Y",
        "%d %b %Y",
    ):
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    if raw.lower().startswith("sept"):
        return _parse_date("Sep" + raw[4:])
    return None


def _is_body(line: str) -> bool:
    """Body paragraphs read as prose: a sentence ending, or too long to be a heading."""
    words = line.split()
    return len(words) >= 12 or (len(words) >= 2 and bool(_SENTENCE_END.search(line)))


def clean(raw: str, article_id: str = "article", path: str = "") -> Article:
    """Turn one page's raw text into an :class:`Article` (metadata + body text).

    Raises :class:`CorpusError` when nothing that reads like a body paragraph is left.
    """
    lines = [
        re.sub(r"[ \t]+", " ", _REFERENCE_MARK.sub("", ln)).strip()
        for ln in normalise(raw).split("\n")
    ]
    title: str | None = None
    source: str | None = None
    date: str | None = None
    captions: list[str] = []
    body: list[str] = []
    for line in lines:
        if not line or _BACK_TO.match(line) or _BREADCRUMB.match(line) or _IMAGE_FILE.match(line):
            continue
        if date is None and not body and (m := _DATE_LINE.match(line)):
            date = _parse_date(m.group("date"))
            source = (m.group("source") or "").strip() or None
            continue
        if _CAPTION_MARK.search(line):
            caption = _CAPTION_MARK.sub("", line).strip()
            if caption:
                captions.append(caption)
            continue
        if (
            not body
            and title is None
            and (not _is_body(line) or (len(line.split()) <= 30 and not line.endswith(".")))
        ):
            title = line  # a headline, however long, ends without a full stop
            continue
        if _is_body(line):
            body.append(line)
        elif title is None:
            title = line
        # Other short lines without a full stop are section headings or page widgets
        # ("Early life", "Share", "Print"): not part of any sentence.
    if not body:
        raise CorpusError(f"{path or article_id}: no article text found (is it empty?)")
    text = ""
    spans: list[tuple[int, int]] = []
    for para in body:
        if text:
            text += "\n\n"
        spans.append((len(text), len(text) + len(para)))
        text += para
    return Article(
        id=article_id,
        path=path,
        title=title or article_id.replace("-", " ").replace("_", " "),
        source=source,
        date=date,
        text=text,
        paragraphs=tuple(spans),
        captions=tuple(captions),
    )


class _HTMLText(HTMLParser):
    """Collect block-level text as lines; drop scripts, styles and navigation."""

    BLOCKS = {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "br",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "figcaption",
        "title",
        "blockquote",
        "time",
    }
    SKIP = {"script", "style", "nav", "noscript", "template", "svg", "form", "button", "aside"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._buf: list[str] = []
        self._skip = 0
        self.title: str | None = None
        self._in_title = False

    def _flush(self) -> None:
        line = " ".join("".join(self._buf).split())
        if line:
            self.lines.append(line)
        self._buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCKS:
            self._flush()
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCKS:
            self._flush()
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data.strip()
            return
        if not self._skip:
            self._buf.append(data)


def html_to_text(raw: str) -> str:
    """Block-level text of an HTML page, one block a line, the <title> first."""
    parser = _HTMLText()
    parser.feed(raw)
    parser.close()
    parser._flush()
    lines = parser.lines
    if parser.title and (not lines or lines[0] != parser.title):
        lines = [html.unescape(parser.title), *lines]
    return "\n\n".join(lines)


def markdown_to_text(raw: str) -> str:
    """Markdown as plain lines: headings, emphasis, links and images reduced to their text."""
    out = []
    for line in raw.split("\n"):
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
        line = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1 [Photo/]" if line.strip() else "", line)
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
        line = re.sub(r"(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1", r"\2", line)
        line = re.sub(r"^\s{0,3}(?:[-*+]|>)\s+", "", line)
        if re.fullmatch(r"\s*(?:-{3,}|\*{3,}|_{3,})\s*", line):
            line = ""
        out.append(line)
    return "\n".join(out)


def read_article(path: Path) -> Article:
    """Read and clean one article file; the id is the file name without its extension."""
    try:
        raw = path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return article_from_text(raw, path.suffix, path.stem, str(path))


def article_from_text(raw: str, suffix: str, article_id: str, path: str = "") -> Article:
    """Clean the text of an article file with ``suffix`` (``.txt``, ``.md``, ``.html``, ...)
    as :func:`read_article` does; raises :class:`CorpusError` when no body is left."""
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        raw = html_to_text(raw)
    elif suffix in MARKDOWN_SUFFIXES:
        raw = markdown_to_text(raw)
    return clean(raw, article_id=article_id, path=path)


def load_corpus(folder: str | Path) -> list[Article]:
    """Every article in ``folder`` (sorted by file name).

    Raises :class:`CorpusError` when the folder is missing, holds no article files, or a file
    cannot be read.
    """
    root = Path(folder)
    if not root.is_dir():
        raise CorpusError(f"corpus folder not found: {root}")
    files = sorted(
        p
        for p in root.iterdir()
        if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
    )
    if not files:
        raise CorpusError(f"corpus folder {root} holds no articles (.txt, .md or .html files)")
    return [read_article(p) for p in files]
