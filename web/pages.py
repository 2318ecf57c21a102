"""The HTML page: ``/``, the chat. Its data comes from the JSON API (web/api.py)."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

from qa.starters import starter_questions

bp = Blueprint("pages", __name__)


@bp.get("/")
def index() -> str:
    engine = current_app.extensions["qa_engine"]
    settings = current_app.config["QA_SETTINGS"]
    starters = current_app.config.get("STARTER_QUESTIONS")
    if starters is None:
        starters = starter_questions(engine)
    return render_template(
        "index.html",
        articles=engine.articles,
        starters=starters,
        max_question_chars=settings.max_question_chars,
        max_history_turns=settings.max_history_turns,
    )
