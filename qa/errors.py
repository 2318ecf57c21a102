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
    """Feedback storage cannot be written or read.

    The message says what is wrong without saying where, so it can be shown to anyone.
    ``reason`` is one word a program can act on, whatever the database: ``locked`` (another
    writer holds it past the lock timeout; try again shortly), ``read_only``, ``damaged`` (not
    a feedback database), ``unavailable`` (cannot be opened, created or written).
    ``location`` (a file path) and ``detail`` (the database's own words) are for the operator:
    the command line and the server's log show them, a web client never sees them.
    """

    code = "storage_unavailable"

    def __init__(
        self, message: str, reason: str = "unavailable", location: str = "", detail: str = ""
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.location = location
        self.detail = detail

    def for_operator(self) -> str:
        """The message with where the storage is and what the database said."""
        extra = ": ".join(part for part in (self.location, self.detail) if part)
        return f"{self} ({extra})" if extra else str(self)
