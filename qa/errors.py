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


class FeedbackError(QAError):
    """A feedback record is malformed: a missing or mistyped field, an unknown verdict."""

    code = "bad_feedback"


class StorageError(QAError):
    """The feedback database cannot be written or read: locked, read-only, or not a database."""

    code = "storage_unavailable"
