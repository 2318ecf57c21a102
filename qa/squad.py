"""SQuAD-format test sets: articles and questions from a SQuAD 1.1 or 2.0 JSON file.

SQuAD (Rajpurkar et al. 2016, 2018) is the format QA benchmarks and tools share:
``{"data": [{"title", "paragraphs": [{"context", "qas": [{"id", "question", "answers":
[{"text", "answer_start"}], "is_impossible"?}]}]}]}``, where ``answer_start`` counts characters
in the paragraph's ``context``. :func:`load_squad` turns each SQuAD article into an
:class:`~qa.types.Article` (its paragraphs joined by blank lines) and each question into a
:class:`SquadCase` whose gold answers point into that article's text, so that an
:class:`~qa.engine.Engine` built from the articles can be asked and scored. A split file
(:func:`load_splits`) names, once, which articles form which split. Nothing here prints.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from qa.cases import TESTSET_DIR, CaseFileError
from qa.types import Article

PARAGRAPH_SEPARATOR = "\n\n"
DEFAULT_SPLIT_FILE = TESTSET_DIR / "squad-split.json"


@dataclass(frozen=True)
class SquadCase:
    """One SQuAD question. ``spans`` are the gold answers' (start, end) in the article text;
    an unanswerable case has no ``answers`` and no ``spans``. ``article_loaded`` is False for a
    question asked of a corpus without its article (see :meth:`SquadSet.absent`)."""

    id: str
    question: str
    article: str  # the article's id
    answerable: bool
    answers: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()
    article_loaded: bool = True


@dataclass(frozen=True)
class Splits:
    """A split file: the data file's sha256, the article titles of each split, and which
    splits are blind (measured only as aggregates)."""

    sha256: str
    splits: dict[str, tuple[str, ...]]
    blind: frozenset[str] = frozenset()
    path: str = ""


@dataclass(frozen=True)
class SquadSet:
    """A SQuAD file read: its articles, its questions in file order, and the file's sha256."""

    path: str
    sha256: str
    articles: tuple[Article, ...]
    cases: tuple[SquadCase, ...]
    titles: dict[str, str] = field(default_factory=dict)  # SQuAD title -> article id

    def article_ids(self, titles: Iterable[str]) -> set[str]:
        """The ids of the articles with these SQuAD titles; an unknown title is an error."""
        ids = set()
        for title in titles:
            if title not in self.titles:
                raise CaseFileError(f"{self.path}: no article titled {title!r}")
            ids.add(self.titles[title])
        return ids

    def select(self, titles: Iterable[str]) -> list[SquadCase]:
        """The questions about the articles with these SQuAD titles, in file order."""
        ids = self.article_ids(titles)
        return [c for c in self.cases if c.article in ids]

    def split(self, name: str, splits: Splits | str | Path = DEFAULT_SPLIT_FILE) -> list[SquadCase]:
        """The questions of split ``name``; the split file must be written for this file."""
        if not isinstance(splits, Splits):
            splits = load_splits(splits)
        if splits.sha256 != self.sha256:
            raise CaseFileError(
                f"{splits.path or 'the split file'} is for a file with sha256 "
                f"{splits.sha256[:12]}…, not {self.path} ({self.sha256[:12]}…)"
            )
        if name not in splits.splits:
            raise CaseFileError(
                f"no split {name!r} in {splits.path or 'the split file'}; "
                f"its splits: {', '.join(splits.splits)}"
            )
        return self.select(splits.splits[name])

    def blind_articles(self, splits: Splits) -> set[str]:
        """The ids of the articles in the blind splits of ``splits`` (none when the split file
        is for another file): their questions are reported only as aggregates."""
        if splits.sha256 != self.sha256:
            return set()
        return self.article_ids(t for name in splits.blind for t in splits.splits[name])

    def without(self, article_id: str) -> list[Article]:
        """Every article of the file but one: the corpus for its questions' absent-article run."""
        return [a for a in self.articles if a.id != article_id]

    def absent(self, cases: Sequence[SquadCase], sample: int | None = None) -> list[SquadCase]:
        """The questions again, to be asked of a corpus without their article: each is then
        unanswerable. ``sample`` keeps that many, chosen by a hash of the id (the same ones on
        every run and machine), in their original order."""
        chosen = list(cases)
        if sample is not None and sample < len(chosen):
            keep = set(sorted((_stable_hash(c.id), c.id) for c in chosen)[:sample])
            chosen = [c for c in chosen if (_stable_hash(c.id), c.id) in keep]
        return [
            replace(c, answerable=False, answers=(), spans=(), article_loaded=False) for c in chosen
        ]


def _stable_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def slug(title: str) -> str:
    """A stable ASCII id for a title: "Frédéric_Chopin" -> "frederic-chopin"."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")


# --- reading ---------------------------------------------------------------------------------


def load_squad(path: str | Path) -> SquadSet:
    """Read a SQuAD 1.1 or 2.0 file.

    Raises :class:`~qa.evaluate.CaseFileError` naming the file and the place of the first
    problem: unreadable, not JSON, a missing or mistyped field, an answer whose offset falls
    outside its paragraph, an answerable question without answers, a repeated question id.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CaseFileError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CaseFileError(f"{path}: not JSON ({exc})") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("data"), list) or not doc["data"]:
        raise CaseFileError(f"{path}: not a SQuAD file (no 'data' list of articles)")
    articles: list[Article] = []
    cases: list[SquadCase] = []
    titles: dict[str, str] = {}
    seen: set[str] = set()
    for i, item in enumerate(doc["data"]):
        where = f"{path}: data[{i}]"
        article, article_cases = _read_article(item, where, str(path), set(titles.values()))
        for case in article_cases:
            if case.id in seen:
                raise CaseFileError(f"{where}: question id {case.id!r} is used twice")
            seen.add(case.id)
        if item["title"] in titles:
            raise CaseFileError(f"{where}: title {item['title']!r} is used twice")
        titles[item["title"]] = article.id
        articles.append(article)
        cases.extend(article_cases)
    digest = hashlib.sha256(raw).hexdigest()
    return SquadSet(str(path), digest, tuple(articles), tuple(cases), titles)


def _read_article(
    item: Any, where: str, path: str, taken: set[str]
) -> tuple[Article, list[SquadCase]]:
    if not isinstance(item, dict) or not isinstance(item.get("title"), str) or not item["title"]:
        raise CaseFileError(f"{where}: an article needs a non-empty string 'title'")
    paragraphs = item.get("paragraphs")
    if not isinstance(paragraphs, list) or not paragraphs:
        raise CaseFileError(f"{where}: 'paragraphs' must be a non-empty list")
    article_id = _unique(slug(item["title"]) or "article", taken)
    offsets: list[tuple[int, int]] = []
    contexts: list[str] = []
    cases: list[SquadCase] = []
    pos = 0
    for j, para in enumerate(paragraphs):
        here = f"{where}.paragraphs[{j}]"
        if not isinstance(para, dict) or not isinstance(para.get("context"), str):
            raise CaseFileError(f"{here}: a paragraph needs a string 'context'")
        if not isinstance(para.get("qas", []), list):
            raise CaseFileError(f"{here}: 'qas' must be a list")
        context = para["context"]
        for k, qa in enumerate(para.get("qas", [])):
            cases.append(_read_question(qa, f"{here}.qas[{k}]", article_id, context, pos))
        offsets.append((pos, pos + len(context)))
        contexts.append(context)
        pos += len(context) + len(PARAGRAPH_SEPARATOR)
    article = Article(
        id=article_id,
        path=path,
        title=item["title"].replace("_", " "),
        source=None,
        date=None,
        text=PARAGRAPH_SEPARATOR.join(contexts),
        paragraphs=tuple(offsets),
    )
    return article, cases


def _unique(base: str, taken: set[str]) -> str:
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name


def _read_question(qa: Any, where: str, article_id: str, context: str, offset: int) -> SquadCase:
    if not isinstance(qa, dict):
        raise CaseFileError(f"{where}: a question must be a JSON object")
    for name in ("id", "question"):
        if not isinstance(qa.get(name), str) or not qa[name].strip():
            raise CaseFileError(f"{where}: '{name}' must be a non-empty string")
    impossible = qa.get("is_impossible", False)
    if not isinstance(impossible, bool):
        raise CaseFileError(f"{where}: 'is_impossible' must be true or false")
    answers = qa.get("answers", [])
    if not isinstance(answers, list):
        raise CaseFileError(f"{where}: 'answers' must be a list")
    texts: list[str] = []
    spans: list[tuple[int, int]] = []
    for a in [] if impossible else answers:
        if (
            not isinstance(a, dict)
            or not isinstance(a.get("text"), str)
            or not isinstance(a.get("answer_start"), int)
            or isinstance(a.get("answer_start"), bool)
        ):
            raise CaseFileError(f"{where}: an answer needs a string 'text' and an 'answer_start'")
        start, text = a["answer_start"], a["text"]
        if not 0 <= start <= start + len(text) <= len(context):
            raise CaseFileError(f"{where}: answer {text!r} starts outside its paragraph")
        if text not in texts:
            texts.append(text)
        span = (offset + start, offset + start + len(text))
        if span not in spans:
            spans.append(span)
    if not impossible and not texts:
        raise CaseFileError(f"{where}: an answerable question needs 'answers'")
    return SquadCase(
        id=qa["id"],
        question=qa["question"],
        article=article_id,
        answerable=not impossible,
        answers=tuple(texts),
        spans=tuple(spans),
    )


def load_splits(path: str | Path = DEFAULT_SPLIT_FILE) -> Splits:
    """Read a split file: ``{"sha256": ..., "splits": {name: [SQuAD title, ...]},
    "blind": [name, ...]}``. Raises :class:`~qa.evaluate.CaseFileError` when malformed."""
    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CaseFileError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except json.JSONDecodeError as exc:
        raise CaseFileError(f"{path}: not JSON ({exc.msg})") from exc
    splits = doc.get("splits") if isinstance(doc, dict) else None
    if (
        not isinstance(doc, dict)
        or not isinstance(doc.get("sha256"), str)
        or not isinstance(splits, dict)
        or not all(
            isinstance(t, list) and all(isinstance(x, str) for x in t) for t in splits.values()
        )
    ):
        raise CaseFileError(
            f'{path}: a split file is {{"sha256": ..., "splits": {{name: [title, ...]}}}}'
        )
    blind = doc.get("blind", [])
    if not isinstance(blind, list) or not set(blind) <= set(splits):
        raise CaseFileError(f"{path}: 'blind' must list names of splits")
    return Splits(
        sha256=doc["sha256"].lower(),
        splits={name: tuple(titles) for name, titles in splits.items()},
        blind=frozenset(blind),
        path=str(path),
    )
