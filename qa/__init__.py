"""Question answering over news articles.

Data flows one way: articles (:mod:`qa.ingest`) become cleaned text, then sentences
(:mod:`qa.sentences`) and tokens (:mod:`qa.analysis`), then passages and a BM25 index
(:mod:`qa.passages`, :mod:`qa.bm25`) and numeric facts (:mod:`qa.facts`); the answerer
(:mod:`qa.answer`) turns a question into a :class:`qa.types.Answer` with citations.
"""

__version__ = "0.1.0"
