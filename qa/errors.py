"""Errors a user can cause and understand; the CLI and the API turn them into one-line messages."""


class QAError(Exception):
    """Base class: every error the engine raises for a user to read."""

    code = "qa_error"


class CorpusError(QAError):
    """The corpus folder is missing, empty, or holds a file that cannot be read."""

    code = "corpus_error"


class QuestionError(QAError):
    """The question (or its history) is empty, too long or malformed."""

    code = "bad_question"
