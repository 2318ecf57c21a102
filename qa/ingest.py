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
_SMALL_WORDS = frozenset(
    "a an the of in on at to for from by with and or but as that which who whose its their "
    "his her our is was are were be been has have had will would".split()
)
_CLAUSE_END = re.compile(r"[.!?:;\"'\u201d\u2019)]$")
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


def _blocks(lines: list[str]) -> list[list[str]]:
    """The runs of lines with no blank line between them."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _unwrapped(block: list[str]) -> list[str]:
    """A block's lines with hard-wrapped prose joined up again.

    A line goes on in the next when the next starts in lower case after no sentence ending,
    or when the block is filled to one width: each line broken where the next line's first
    word would not have fitted, as a text wrapped at a fixed width is. A list's items, of
    differing lengths, stay apart.
    """
    width = max(len(line) for line in block)
    breaks = list(zip(block, block[1:], strict=False))
    if (
        len(block) >= 3
        and width >= 50
        and all(len(line) + 1 + len(after.split()[0]) > width for line, after in breaks)
        and 2 * sum(_mid_sentence(line, after) for line, after in breaks) > len(breaks)
    ):
        return [" ".join(block)]
    out: list[str] = []
    for line in block:
        if out and not _CLAUSE_END.search(out[-1]) and line[:1].islower():
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def _mid_sentence(line: str, after: str) -> bool:
    """A line break inside a sentence: the line ends on a comma or a small word, or the next
    starts in lower case. A list item ends on its last word and the next starts anew."""
    last = line.split()[-1]
    return last.endswith(",") or last.lower() in _SMALL_WORDS or after[:1].islower()


def _listed(block: list[str]) -> set[int]:
    """The lines of a block that are items of a list: short lines of three words or more
    under a lead-in ending in a colon ("Among its principals were:"), or two or more of
    them together. A lone short line is a heading or a page widget."""
    items = [
        i
        for i, line in enumerate(block)
        if len(line.split()) >= 3
        and not _is_body(line)
        and not _is_lead_in(line)
        and not _DATE_LINE.match(line)
        and not _CAPTION_MARK.search(line)
    ]
    led = next((i for i, line in enumerate(block) if _is_lead_in(line)), len(block))
    if len(items) >= 2:
        return set(items)
    return {i for i in items if i > led}


def _is_lead_in(line: str) -> bool:
    """A line that introduces a list: "The school had eleven principals, among them:"."""
    return line.endswith(":") and len(line.split()) >= 3


def _read_lines(lines: list[str]) -> list[tuple[str, bool]]:
    """The lines of the text, hard-wrapped prose joined up, each with whether it is an item
    of a list; page furniture is dropped first, so that it neither joins nor lists."""
    kept = ["" if _is_furniture(line) else line for line in lines]
    out: list[tuple[str, bool]] = []
    for block in _blocks(kept):
        block = _unwrapped(block)
        listed = _listed(block)
        out += [(line, i in listed) for i, line in enumerate(block)]
    return out


def _is_furniture(line: str) -> bool:
    return bool(_BACK_TO.match(line) or _BREADCRUMB.match(line) or _IMAGE_FILE.match(line))


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
    for line, listed in _read_lines(lines):
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
            and not listed
            and (not _is_body(line) or (len(line.split()) <= 30 and not line.endswith(".")))
        ):
            title = line  # a headline, however long, ends without a full stop
            continue
        if listed and not _SENTENCE_END.search(line):
            # An item ends as a sentence does, so that it stays one when the text is read
            # again without the list round it.
            body.append(line + ".")
        elif listed or _is_body(line) or _is_lead_in(line):
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
        self.items: list[bool] = []  # whether each line is an item of a list
        self._item = False
        self._buf: list[str] = []
        self._skip = 0
        self.title: str | None = None
        self._in_title = False

    def _flush(self) -> None:
        line = " ".join("".join(self._buf).split())
        if line:
            self.lines.append(line)
            self.items.append(self._item)
        self._buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCKS:
            self._flush()
            self._item = tag == "li"
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCKS:
            self._flush()
            self._item = False
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data.strip()
            return
        if not self._skip:
            self._buf.append(data)


def html_to_text(raw: str) -> str:
    """Block-level text of an HTML page, one block a paragraph, the <title> first; the items
    of a list stand together, as a text file's do."""
    parser = _HTMLText()
    parser.feed(raw)
    parser.close()
    parser._flush()
    text = ""
    for i, line in enumerate(parser.lines):
        together = i > 0 and parser.items[i] and parser.items[i - 1]
        text += ("\n" if together else "\n\n") * bool(text) + line
    if parser.title and (not parser.lines or parser.lines[0] != parser.title):
        text = html.unescape(parser.title) + "\n\n" + text
    return text


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
