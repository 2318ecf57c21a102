"""Attribute quoted sentences to their speakers.

A quote often runs over two sentences and names its speaker only after it closes:
``"Our new medicine ... per injection. This will enable ...," said Zheng Peiduo, chairman
of ...``. Punkt rightly splits that into two sentences, so the first carries no speaker.
Here every sentence inside a quotation is linked to the speaker named where the quotation
opens or closes, and to the sentence that names them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .spans import _names
from .types import Article, Sentence

SPEECH_VERBS = (
    "said|says|added|adds|told|noted|notes|stated|states|explained|explains|asked|asks|"
    "remarked|commented|wrote|writes|argued|argues|insisted|insists|recalled|recalls|"
    "according to|warned|warns|claimed|claims|announced|announces|declared|declares"
)
_AFTER = re.compile(rf"^\s*,?\s*(?:{SPEECH_VERBS})\b\s*", re.I)
_BEFORE = re.compile(rf"\b(?:{SPEECH_VERBS})\s*[:,]?\s*$", re.I)
_PRONOUN_SPEAKER = re.compile(r"^\s*,?\s*(?:he|she|they)\s+(?:said|says|added)\b", re.I)


@dataclass(frozen=True)
class Attribution:
    speaker: str
    sentence_id: str  # the sentence that names the speaker


def _speaker_after(text: str, proper: Collection[str]) -> str | None:
    """The name after a closing quote: `` ," said Zheng Peiduo, chairman`` or ``, X said``."""
    m = _AFTER.match(text)
    if m:
        names = _names(text[m.end() :], proper)
        if names and names[0].start < 3:
            return names[0].text
        return None
    names = _names(text, proper)
    if names and names[0].start < 4:
        after = text[names[0].end :]
        if re.match(rf"\s*(?:{SPEECH_VERBS})\b", after, re.I):
            return names[0].text
    return None


def _speaker_before(text: str, proper: Collection[str]) -> str | None:
    """The name before an opening quote: ``Zheng said: "...``."""
    if not _BEFORE.search(text):
        return None
    names = _names(text, proper)
    return names[-1].text if names else None


def attribute(
    article: Article, sentences: Sequence[Sentence], proper: Collection[str]
) -> dict[str, Attribution]:
    """Speaker of every quoted sentence of ``article`` whose speaker the text names."""
    text = article.text
    result: dict[str, Attribution] = {}
    by_paragraph: dict[int, list[Sentence]] = {}
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
                speaker = _speaker_after(text[q_end + 1 : closing.end], proper)
                named_in = closing
            if speaker is None:
                opening = next((s for s in members if s.start <= q_start < s.end), None)
                if opening is not None:
                    speaker = _speaker_before(text[opening.start : q_start], proper)
                    named_in = opening
            if speaker and named_in is not None:
                for s in inside:
                    result[s.id] = Attribution(speaker, named_in.id)
    return result
