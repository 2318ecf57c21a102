"""The word an article puts before a figure to say it is not exact ("over 3,000 people",
"about 40 boats"), kept when an answer says the figure in words of its own."""

from __future__ import annotations

import re

from ..facts import Fact
from .index import FactIndex

# Words that say a figure is not exact: "over 3,000 people" is not "3,000 people".
_HEDGE = re.compile(
    r"\b(about|around|approximately|roughly|nearly|almost|some|over|under|(?:just\s+)?"
    r"(?:more|less|fewer)\s+than|up\s+to|at\s+least|at\s+most|close\s+to|an\s+estimated)"
    r"\s+$",
    re.IGNORECASE,
)


def with_hedge(index: FactIndex, f: Fact, text: str) -> str:
    """``text`` with the word the article puts before the fact's number to say it is not
    exact ("Over 3,000 people"), where ``text`` says the number without it."""
    if f.kind == "date":
        return text  # "over 2019" would be no date
    s = index.sentences[f.sentence]
    m = _HEDGE.search(s.text[: f.start - s.start])
    at = text.find(f.surface)
    if m is None or at < 0:
        return text
    word = " ".join(m.group(1).lower().split())
    if text[:at].lower().rstrip().endswith(word):
        return text
    hedged = f"{text[:at]}{word} {text[at:]}"
    return hedged[:1].upper() + hedged[1:] if at == 0 else hedged
