"""Split an article's body into sentences with NLTK's Punkt, with character offsets.

Punkt normally loads a model trained on a large corpus, which needs ``nltk.download``. Here
it runs on parameters we set (common English abbreviations) and learns the rest from the
article itself, so nothing is fetched. Sentences never cross a paragraph boundary.
"""

from __future__ import annotations

import re

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer, PunktTrainer

from .types import Article, Sentence

# Lower-cased, without the final period, as Punkt stores them.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    inc ltd co corp llc plc bros dept univ assn est approx no nos vol vols fig figs ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    a.m p.m e.g i.e etc vs cf al u.s u.k u.n e.u u.s.a d.c n.y l.a p.r.c
    ave blvd rd hwy mph km kg lb lbs oz pp ph.d b.a m.a b.sc m.sc
    """.split()
)


def tokenizer_for(text: str) -> PunktSentenceTokenizer:
    """A Punkt tokenizer with our abbreviations plus what it learns from ``text``."""
    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = False
    trainer.train(text, finalize=True)
    learned = trainer.get_params()
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS) | {
        a for a in learned.abbrev_types if len(a) <= 4 and not a.isdigit()
    }
    params.collocations = set(learned.collocations)
    params.sent_starters = set(learned.sent_starters)
    params.ortho_context = learned.ortho_context
    return PunktSentenceTokenizer(params)


# Punkt splits after "said Mr." style mistakes rarely, but a lone closing quote or bracket
# left at the start of the next sentence belongs to the previous one.
_LEADING_CLOSER = re.compile(r"^[\"')\]]+(?=\s|$)")


# A news agency's dateline before the first sentence ("HARROWMERE, Feb. 12 (Wire) - ",
# "LONDON (Reuters) — "): where and when the story was filed, not part of what it says.
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?"
    r"\s*(?:\([^()]{1,40}\))?\s*[-–—]+\s+(?=\S)"
)


def split_sentences(article: Article) -> list[Sentence]:
    """Sentences of ``article`` in reading order, ids ``<article>:s<n>``.

    Every sentence satisfies ``article.text[s.start:s.end] == s.text``.
    """
    tok = tokenizer_for(article.text) if article.text.strip() else None
    spans: list[tuple[int, int, int]] = []
    for p, (p_start, p_end) in enumerate(article.paragraphs):
        para = article.text[p_start:p_end]
        if tok is None or not para.strip():
            continue
        for s, e in tok.span_tokenize(para):
            start, end = p_start + s, p_start + e
            if spans and spans[-1][2] == p:
                m = _LEADING_CLOSER.match(article.text[start:end])
                if m:
                    prev = spans[-1]
                    spans[-1] = (prev[0], start + m.end(), p)
                    start += m.end()
            if not spans and (dateline := _DATELINE.match(article.text[start:end])):
                start += dateline.end()
            # Trim whitespace so offsets hug the text.
            chunk = article.text[start:end]
            start += len(chunk) - len(chunk.lstrip())
            end -= len(chunk) - len(chunk.rstrip())
            if end > start:
                spans.append((start, end, p))
    return [
        Sentence(
            id=f"{article.id}:s{i}",
            article=article.id,
            index=i,
            paragraph=p,
            start=start,
            end=end,
            text=article.text[start:end],
        )
        for i, (start, end, p) in enumerate(spans)
    ]
