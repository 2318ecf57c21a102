"""Test cases: the JSONL test sets' format, read and checked, and where the project keeps them.

A case is one JSON object a line (fields in the README, "Evaluation"): a question, what a
right answer says (texts or a number with its unit), the sentences it must cite, or that the
articles do not answer it. Malformed files raise :class:`CaseFileError` naming the line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qa import quantities
from qa.errors import QAError
from qa.types import Turn

CASE_TYPES = (
    "numeric_direct",
    "numeric_derived",
    "who",
    "what",
    "where",
    "when",
    "which",
    "unanswerable",
    "follow_up",
)
_FIELDS = {
    "id",
    "question",
    "history",
    "answers",
    "number",
    "cite",
    "cite_ok",
    "answerable",
    "type",
    "article",
    "tags",
    "note",
}

# The project's own test sets, and the folders of test articles they need beside the corpus.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
TESTSET_DIR = PROJECT_ROOT / "tests" / "testsets"
TEST_DATA_DIR = PROJECT_ROOT / "tests" / "data"
TEST_ARTICLES_DIR = TEST_DATA_DIR / "articles"  # the second article (harbor-solar-farm)
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


class CaseFileError(QAError):
    """A test-set file is missing, is not JSONL, or holds a malformed case."""

    code = "bad_testset"


@dataclass(frozen=True)
class ExpectedNumber:
    """A numeric answer: ``value`` in ``unit`` ("" = a count), within a relative ``tolerance``
    or an absolute ``abs_tolerance``."""

    value: float
    unit: str = ""
    tolerance: float = 0.0
    abs_tolerance: float = 0.0

    def matches(self, text: str) -> bool:
        return quantities.numeric_match(
            text, self.value, self.unit, self.tolerance, self.abs_tolerance
        )

    def describe(self) -> str:
        """E.g. "7.5947 billion yuan ±1%", "776 (count)", "3 years ±0.5"."""
        value = f"{self.value:,.6g}"
        for scale, word in ((1e9, "billion"), (1e6, "million")):
            if abs(self.value) >= scale:
                value = f"{self.value / scale:.6g} {word}"
                break
        tol = ""
        if self.tolerance:
            tol = f" ±{100 * self.tolerance:.3g}%"
        if self.abs_tolerance:
            tol += f" ±{self.abs_tolerance:g}"
        return f"{value} {self.unit or '(count)'}{tol}"


@dataclass(frozen=True)
class Case:
    """One test question with what a right answer must contain."""

    id: str
    question: str
    type: str
    article: str
    answerable: bool
    answers: tuple[str, ...] = ()
    number: ExpectedNumber | None = None
    cite: tuple[str, ...] = ()  # sentence ids an answer must cite ("a|b": either will do)
    cite_ok: tuple[str, ...] = ()  # sentence ids it may also cite
    history: tuple[Turn, ...] = ()
    tags: tuple[str, ...] = ()
    source: str = ""  # "file:line"

    def expected(self) -> str:
        """What a right answer looks like, for people reading a failure."""
        if not self.answerable:
            return "(abstain)"
        parts = []
        if self.number:
            parts.append(self.number.describe())
        if self.answers:
            parts.append(" | ".join(self.answers))
        return "; ".join(parts)


def _case_from_json(obj: Any, where: str) -> Case:
    if not isinstance(obj, dict):
        raise CaseFileError(f"{where}: a case must be a JSON object")
    unknown = set(obj) - _FIELDS
    if unknown:
        raise CaseFileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    for name in ("id", "question", "type", "article"):
        if not isinstance(obj.get(name), str) or not obj[name].strip():
            raise CaseFileError(f"{where}: '{name}' must be a non-empty string")
    if obj["type"] not in CASE_TYPES:
        raise CaseFileError(f"{where}: type {obj['type']!r} is not one of {', '.join(CASE_TYPES)}")
    if not isinstance(obj.get("answerable"), bool):
        raise CaseFileError(f"{where}: 'answerable' must be true or false")
    lists = {}
    for name in ("answers", "cite", "cite_ok", "tags"):
        value = obj.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise CaseFileError(f"{where}: '{name}' must be a list of strings")
        lists[name] = tuple(value)
    history = obj.get("history", [])
    if not isinstance(history, list) or not all(
        isinstance(t, dict) and isinstance(t.get("question"), str) for t in history
    ):
        raise CaseFileError(f"{where}: 'history' must be a list of {{question, answer}} objects")
    number = None
    if obj.get("number") is not None:
        n = obj["number"]
        if not isinstance(n, dict) or not isinstance(n.get("value"), int | float):
            raise CaseFileError(f"{where}: 'number' must be an object with a numeric 'value'")
        unit = quantities.canonical_unit(n.get("unit", ""))
        if unit is None:
            raise CaseFileError(
                f"{where}: unit {n['unit']!r} is not one of: "
                + ", ".join(quantities.UNITS[1:])
                + ' (or "" for a count)'
            )
        number = ExpectedNumber(
            float(n["value"]),
            unit,
            float(n.get("tolerance", 0.0)),
            float(n.get("abs_tolerance", 0.0)),
        )
    case = Case(
        id=obj["id"],
        question=obj["question"],
        type=obj["type"],
        article=obj["article"],
        answerable=obj["answerable"],
        answers=lists["answers"],
        number=number,
        cite=lists["cite"],
        cite_ok=lists["cite_ok"],
        history=tuple(Turn(t["question"], str(t.get("answer", ""))) for t in history),
        tags=lists["tags"],
        source=where,
    )
    if case.answerable and not (case.answers or case.number):
        raise CaseFileError(f"{where}: an answerable case needs 'answers' or 'number'")
    if case.answerable and not case.cite:
        raise CaseFileError(f"{where}: an answerable case needs the sentence ids to 'cite'")
    if not case.answerable and (case.answers or case.number or case.cite):
        raise CaseFileError(f"{where}: an unanswerable case has no answers, number or cite")
    if case.type == "unanswerable" and case.answerable:
        raise CaseFileError(f"{where}: a case of type 'unanswerable' must have answerable=false")
    if not case.answerable and case.type not in ("unanswerable", "follow_up"):
        raise CaseFileError(f"{where}: answerable=false goes with type unanswerable or follow_up")
    return case


def load_cases(paths: Iterable[str | Path]) -> list[Case]:
    """Every case of the given JSONL files, in order; ids must be unique across them.

    Raises :class:`CaseFileError` naming the file and line of the first problem.
    """
    cases: list[Case] = []
    seen: dict[str, str] = {}
    for path in map(Path, paths):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise CaseFileError(f"{path}: cannot read ({exc.strerror or exc})") from exc
        for lineno, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CaseFileError(f"{where}: not JSON ({exc.msg})") from exc
            case = _case_from_json(obj, where)
            if case.id in seen:
                raise CaseFileError(f"{where}: id {case.id!r} already used at {seen[case.id]}")
            seen[case.id] = where
            cases.append(case)
    if not cases:
        raise CaseFileError("no cases in " + ", ".join(map(str, paths)))
    return cases


def default_testsets() -> list[Path]:
    """The project's own test sets (``tests/testsets/*.jsonl`` of this checkout)."""
    return sorted(TESTSET_DIR.glob("*.jsonl"))


def extra_corpora() -> list[Path]:
    """The folders of test articles (``tests/data/*/`` holding article files), sorted.

    A README describes a folder rather than being an article, so a folder holding only a
    README and data of another kind (``tests/data/squad/``) is not a corpus.
    """
    if not TEST_DATA_DIR.is_dir():
        return []
    return [
        d
        for d in sorted(TEST_DATA_DIR.iterdir())
        if d.is_dir()
        and any(
            f.suffix.lower() in ARTICLE_SUFFIXES and f.stem.lower() != "readme" for f in d.iterdir()
        )
    ]
