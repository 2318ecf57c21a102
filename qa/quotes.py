"""Attribute quoted sentences to their speakers.

A quote often runs over two sentences and names its speaker only after it closes:
``"Our new medicine ... per injection. This will enable ...," said Zheng Peiduo, chairman
of ...``. Punkt rightly splits that into two sentences, so the first carries no speaker.
Here every sentence inside a quotation is linked to the speaker named where the quotation
opens or closes, and to the sentence that names them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from .reading.names import kind_of, names
from .types import Article, Sentence

SPEECH_VERBS = (
    "said|says|added|adds|told|noted|notes|stated|states|explained|explains|asked|asks|"
    "remarked|commented|wrote|writes|argued|argues|insisted|insists|recalled|recalls|"
    "according to|warned|warns|claimed|claims|announced|announces|declared|declares"
)
_AFTER = re.compile(rf"^\s*,?\s*(?:{SPEECH_VERBS})\b\s*", re.I)
_BEFORE = re.compile(rf"\b(?:{SPEECH_VERBS})\s*[:,]?\s*$", re.I)
# Who can speak: people, and organisations or groups ("the ministry said").
_SPEAKERS = frozenset({"person", "org", "group"})


@dataclass(frozen=True)
class Attribution:
    speaker: str
    sentence_id: str  # the sentence that names the speaker


@dataclass(frozen=True)
class _Name:
    text: str
    start: int  # offsets in the article
    end: int


def _speakers(sentence: Sentence, doc: Doc) -> list[_Name]:
    """The names in ``sentence`` that can speak, at their offsets in the article."""
    return [
        _Name(e.text, sentence.start + e.start_char, sentence.start + e.end_char)
        for e in names(doc)
        if kind_of(e) in _SPEAKERS
    ]


def _speaker_after(text: str, at: int, found: Sequence[_Name]) -> str | None:
    """The name after a closing quote at ``at`` (``text`` is what follows it):
    `` ," said Mara Holt, chair of`` or ``, Mara Holt said``."""
    m = _AFTER.match(text)
    after = [n for n in found if n.start >= at + (m.end() if m else 0)]
    if not after:
        return None
    first = after[0]
    if m:
        return first.text if first.start - at - m.end() < 3 else None
    said = text[first.end - at :]
    if first.start - at < 4 and re.match(rf"\s*(?:{SPEECH_VERBS})\b", said, re.I):
        return first.text
    return None


def _speaker_before(text: str, at: int, found: Sequence[_Name]) -> str | None:
    """The name before an opening quote at ``at`` (``text`` is what leads to it):
    ``Holt said: "...``."""
    if not _BEFORE.search(text):
        return None
    before = [n for n in found if n.end <= at]
    return before[-1].text if before else None


def attribute(
    article: Article, sentences: Sequence[Sentence], docs: Sequence[Doc]
) -> dict[str, Attribution]:
    """Speaker of every quoted sentence of ``article`` whose speaker the text names
    (``docs``: the parse of each sentence)."""
    text = article.text
    result: dict[str, Attribution] = {}
    by_paragraph: dict[int, list[Sentence]] = {}
    found = {s.id: _speakers(s, doc) for s, doc in zip(sentences, docs, strict=True)}
    for s in sentences:
        by_paragraph.setdefault(s.paragraph, []).append(s)
    for p, (p_start, p_end) in enumerate(article.paragraphs):
        members = by_paragraph.get(p, [])
        marks = [m.start() for m in re.finditer('"', text[p_start:p_end])]
        for open_at, close_at in zip(marks[0::2], marks[1::2], strict=False):
            q_start, q_end = p_start + open_at, p_start + close_at
            inside = [s for s in members if s.start <= q_end and s.end > q_start]
            if not inside:
                continue
            speaker: str | None = None
            named_in: Sentence | None = None
            closing = next((s for s in members if s.start <= q_end < s.end), None)
            if closing is not None:
                speaker = _speaker_after(
                    text[q_end + 1 : closing.end], q_end + 1, found[closing.id]
                )
                named_in = closing
            if speaker is None:
                opening = next((s for s in members if s.start <= q_start < s.end), None)
                if opening is not None:
                    speaker = _speaker_before(
                        text[opening.start : q_start], q_start, found[opening.id]
                    )
                    named_in = opening
            if speaker and named_in is not None:
                for s in inside:
                    result[s.id] = Attribution(speaker, named_in.id)
    return result
