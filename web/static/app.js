// The chat page: sends questions to /ask, shows answers with citations, opens the cited
// sentence in its article, and posts feedback. Plain JavaScript, no framework.
// Everything from a person or an article reaches the page through textContent, never HTML.
"use strict";

(function () {
  const VERDICTS = [
    { value: "helpful", label: "Helpful" },
    { value: "not_helpful", label: "Not helpful" },
    { value: "wrong_answer_right_passage", label: "Right passage, wrong answer" },
  ];
  const METHODS = {
    rule: "From the figures in the articles",
    retrieval: "Found in the articles",
    none: "Not found in the articles",
  };
  const DERIVED = "Worked out from figures in the articles";
  const UNREACHABLE = "Couldn't reach the server. Check your connection and that the " +
    "server is running, then try again.";

  const $ = (id) => document.getElementById(id);
  const form = $("ask-form");
  const input = $("question");
  const send = $("send");
  const conversation = $("conversation");
  const welcome = $("welcome");
  const newChat = $("new-chat");
  const announcer = $("announcer");
  const layout = $("layout");
  const reader = $("reader");
  const readerTitle = $("reader-title");
  const readerMeta = $("reader-meta");
  const readerEyebrow = $("reader-eyebrow");
  const readerBody = $("reader-body");
  const readerClose = $("reader-close");
  const maxHistory = Number(document.body.dataset.maxHistory) || 20;

  const state = {
    turns: [], // {question, answer} of answered exchanges, oldest first
    busy: false,
    asking: null, // AbortController of the question on its way, if any
    articles: null, // Promise of Map id -> metadata; null again after a failure
    texts: new Map(), // id -> Promise of the article with its sentences
    opener: null, // the citation button that opened the reader
  };

  // ---- small helpers -------------------------------------------------------------------

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children || []) {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return node;
  }

  function announce(text) {
    // Clearing first makes screen readers read the same text twice in a row.
    announcer.textContent = "";
    window.setTimeout(() => { announcer.textContent = text; }, 50);
  }

  class ApiError extends Error {}

  // POST or GET JSON; throws ApiError with a sentence a person understands.
  async function request(url, options) {
    let response;
    try {
      response = await fetch(url, { headers: { Accept: "application/json" }, ...options });
    } catch (err) {
      throw new ApiError(UNREACHABLE);
    }
    let data = null;
    try {
      data = await response.json();
    } catch (err) {
      data = null;
    }
    if (!response.ok) {
      const message = data && data.error && data.error.message;
      throw new ApiError(message ||
        `The server had a problem (HTTP ${response.status}). Please try again.`);
    }
    if (data === null) throw new ApiError("The server's reply could not be read.");
    return data;
  }

  function postJson(url, body, signal) {
    return request(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
      signal,
    });
  }

  // The articles' metadata, asked for once; after a failure, asked for again next time.
  function articles() {
    if (!state.articles) {
      state.articles = request("/articles")
        .then((data) => new Map(data.articles.map((a) => [a.id, a])))
        .catch(() => {
          state.articles = null;
          return new Map();
        });
    }
    return state.articles;
  }

  function articleText(id) {
    if (!state.texts.has(id)) {
      const promise = request(`/articles/${encodeURIComponent(id)}`);
      promise.catch(() => state.texts.delete(id)); // let a later click retry
      state.texts.set(id, promise);
    }
    return state.texts.get(id);
  }

  function metaLine(article) {
    return [article.source, article.date].filter(Boolean).join(" · ");
  }

  // ---- asking --------------------------------------------------------------------------

  function setBusy(busy) {
    state.busy = busy;
    send.disabled = busy;
    form.classList.toggle("is-busy", busy);
    conversation.setAttribute("aria-busy", busy ? "true" : "false");
    send.querySelector(".send-label").textContent = busy ? "Asking…" : "Ask";
  }

  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

  function scrollIntoView(node) {
    node.scrollIntoView({ block: "nearest", behavior: reducedMotion.matches ? "auto" : "smooth" });
  }

  async function ask(text) {
    const question = text.trim();
    if (state.busy) return;
    if (!question) {
      input.focus();
      announce("Type a question first.");
      return;
    }
    const history = state.turns.slice(-maxHistory);
    welcome.hidden = true;
    newChat.hidden = false;
    input.value = "";
    setBusy(true);

    const turn = el("li", { className: "turn" }, [
      el("div", { className: "bubble bubble-question" }, [
        el("span", { className: "visually-hidden", text: "You asked: " }),
        question,
      ]),
    ]);
    const pending = el("div", { className: "bubble bubble-pending", role: "status" }, [
      el("span", { className: "dots", "aria-hidden": "true" }, [el("i"), el("i"), el("i")]),
      "Looking through the articles…",
    ]);
    turn.append(pending);
    conversation.append(turn);
    scrollIntoView(turn);

    // A new conversation started meanwhile aborts this question: its answer must not
    // appear there, nor join that conversation's history.
    const asking = new AbortController();
    state.asking = asking;
    try {
      const result = await postJson("/ask", { question, history }, asking.signal);
      const titles = await articles();
      if (asking.signal.aborted) return;
      pending.replaceWith(renderAnswer(result, question, history, titles));
      state.turns.push({ question, answer: result.answer });
      announce(`Answer: ${result.answer}`);
    } catch (err) {
      if (asking.signal.aborted) return;
      pending.replaceWith(renderError(err, question));
      if (!input.value) input.value = question; // ready to send again
    } finally {
      if (state.asking === asking) {
        state.asking = null;
        setBusy(false);
        scrollIntoView(turn);
        input.focus();
      }
    }
  }

  function renderError(err, question) {
    const message = err instanceof ApiError ? err.message : "Something went wrong on this page.";
    return el("div", { className: "bubble bubble-error", role: "alert" }, [
      el("p", { className: "error-title", text: "No answer this time" }),
      el("p", { text: message }),
      el("button", {
        type: "button",
        className: "button-quiet",
        text: "Try again",
        onclick: (event) => {
          event.currentTarget.closest(".turn").remove();
          ask(question);
        },
      }),
    ]);
  }

  // ---- answers -------------------------------------------------------------------------

  function renderAnswer(result, question, history, titles) {
    const classes = ["bubble", "bubble-answer"];
    if (!result.answered) classes.push("is-abstained");
    const card = el("article", { className: classes.join(" "), "aria-label": "Answer" });

    const text = el("p", { className: "answer-text" }, [result.answer]);
    result.citations.forEach((citation, i) => {
      text.append(" ", citationButton(citation, i + 1, titles));
    });
    card.append(el("p", {
      className: "answer-method",
      text: result.derivation ? DERIVED : METHODS[result.method] || result.method,
    }), text);

    if (result.resolved_question && result.resolved_question !== result.question) {
      card.append(el("p", { className: "answer-note" }, [
        "Understood as: ",
        el("q", { text: result.resolved_question }),
      ]));
    }
    if (result.derivation) {
      card.append(el("div", { className: "working" }, [
        el("p", { className: "working-title", text: "How this was worked out" }),
        el("pre", { className: "working-steps", text: result.derivation }),
      ]));
    }
    if (result.citations.length) card.append(renderSources(result, titles));
    card.append(renderFeedback(result, question, history));
    return card;
  }

  function citationLabel(citation, n, titles) {
    const article = titles.get(citation.article);
    return `Source ${n}: ${article ? article.title : citation.article}`;
  }

  function citationButton(citation, n, titles) {
    return el("button", {
      type: "button",
      className: "cite",
      text: String(n),
      "aria-label": `Show source ${n} highlighted in its article`,
      title: citationLabel(citation, n, titles),
      onclick: (event) => openCitation(citation, n, event.currentTarget),
    });
  }

  function renderSources(result, titles) {
    const list = el("ol", { className: "sources", "aria-label": "Sources" });
    result.citations.forEach((citation, i) => {
      const article = titles.get(citation.article);
      const sameAsAnswer = citation.text.trim() === result.answer.trim();
      list.append(el("li", { className: "source" }, [
        el("span", { className: "source-number", "aria-hidden": "true", text: String(i + 1) }),
        el("span", { className: "source-body" }, [
          sameAsAnswer ? null : el("span", { className: "source-quote", text: citation.text }),
          el("span", { className: "source-title", text: article ? article.title : citation.article }),
        ]),
      ]));
    });
    return list;
  }

  // ---- the article reader --------------------------------------------------------------

  async function openCitation(citation, n, button) {
    state.opener = button;
    for (const active of document.querySelectorAll(".cite.is-active")) {
      active.classList.remove("is-active");
      active.removeAttribute("aria-current");
    }
    button.classList.add("is-active");
    button.setAttribute("aria-current", "true");
    readerEyebrow.textContent = `Source ${n}`;
    readerTitle.textContent = "Loading the article…";
    readerMeta.textContent = "";
    readerBody.replaceChildren();
    showReader(true);
    try {
      const article = await articleText(citation.article);
      readerTitle.textContent = article.title;
      readerMeta.textContent = metaLine(article);
      readerBody.replaceChildren(...renderArticle(article, citation.id));
      const cited = readerBody.querySelector("mark");
      if (cited) {
        cited.focus({ preventScroll: true });
        cited.scrollIntoView({ block: "center" });
        announce(`Source ${n}, from ${article.title}: ${cited.textContent}`);
      }
    } catch (err) {
      readerTitle.textContent = "The article could not be loaded";
      readerBody.replaceChildren(el("p", { className: "reader-error", role: "alert",
        text: err instanceof ApiError ? err.message : String(err) }));
    }
  }

  // The article's paragraphs, each a run of sentences; the cited one is a <mark>.
  function renderArticle(article, citedId) {
    const paragraphs = [];
    let current = null;
    let last = null;
    for (const sentence of article.sentences) {
      if (!current || sentence.paragraph !== last.paragraph) {
        current = el("p", { className: "article-paragraph" });
        paragraphs.push(current);
      } else {
        current.append(article.text.slice(last.end, sentence.start));
      }
      const cited = sentence.id === citedId;
      current.append(el(cited ? "mark" : "span", {
        className: cited ? "sentence is-cited" : "sentence",
        id: `sentence-${sentence.index}`,
        tabindex: cited ? "-1" : null,
        dataset: { sentence: sentence.id },
        text: sentence.text,
      }));
      last = sentence;
    }
    return paragraphs;
  }

  // On a narrow screen the article covers the chat: keep focus and screen readers inside it.
  const narrow = window.matchMedia("(max-width: 999px)");

  function showReader(open) {
    reader.hidden = !open;
    layout.classList.toggle("has-reader", open);
    document.body.classList.toggle("reader-open", open);
    $("main").inert = open && narrow.matches;
  }

  function closeReader() {
    showReader(false);
    for (const active of document.querySelectorAll(".cite.is-active")) {
      active.classList.remove("is-active");
      active.removeAttribute("aria-current");
    }
    if (state.opener && document.contains(state.opener)) state.opener.focus();
    state.opener = null;
  }

  // ---- feedback ------------------------------------------------------------------------

  function renderFeedback(result, question, history) {
    const group = el("div", { className: "feedback", role: "group",
      "aria-label": "Rate this answer" });
    const status = el("p", { className: "feedback-status", role: "status" });
    const buttons = VERDICTS.map((verdict) => el("button", {
      type: "button",
      className: "chip",
      "aria-pressed": "false",
      dataset: { verdict: verdict.value },
      text: verdict.label,
      onclick: () => choose(verdict.value),
    }));
    const correct = el("input", { type: "text", name: "correct_answer", maxlength: 2000,
      autocomplete: "off" });
    const comment = el("textarea", { name: "comment", rows: 2, maxlength: 2000 });
    const correctField = el("label", { className: "field" }, [
      el("span", { text: "The right answer (optional)" }), correct,
    ]);
    const submit = el("button", { type: "submit", className: "button-primary button-small",
      text: "Send feedback" });
    const details = el("form", { className: "feedback-form", hidden: true }, [
      correctField,
      el("label", { className: "field" }, [el("span", { text: "Comment (optional)" }), comment]),
      el("div", { className: "feedback-actions" }, [
        submit,
        el("button", { type: "button", className: "button-quiet button-small", text: "Cancel",
          onclick: () => choose(null) }),
      ]),
    ]);
    let verdict = null;

    function choose(value) {
      verdict = value;
      for (const button of buttons) {
        button.setAttribute("aria-pressed", String(button.dataset.verdict === value));
      }
      details.hidden = value === null;
      correctField.hidden = value === "helpful";
      status.textContent = "";
      if (value !== null) (value === "helpful" ? comment : correct).focus();
    }

    details.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!verdict) return;
      const body = {
        question,
        answer: result.answer,
        verdict,
        history,
        citations: result.citations.map((c) => c.id),
      };
      if (verdict !== "helpful" && correct.value.trim()) body.correct_answer = correct.value.trim();
      if (comment.value.trim()) body.comment = comment.value.trim();
      submit.disabled = true;
      status.textContent = "Sending…";
      try {
        await postJson("/feedback", body);
        details.remove();
        for (const button of buttons) button.disabled = true;
        status.textContent = "Thank you, your feedback was recorded.";
      } catch (err) {
        status.textContent = err instanceof ApiError ? err.message : String(err);
        status.classList.add("is-error");
      } finally {
        submit.disabled = false;
      }
    });

    group.append(
      el("span", { className: "feedback-label", text: "Was this useful?" }),
      el("span", { className: "feedback-choices" }, buttons),
      details,
      status,
    );
    return group;
  }

  // ---- wiring --------------------------------------------------------------------------

  function reset() {
    if (state.asking) state.asking.abort();
    state.asking = null;
    setBusy(false);
    state.turns = [];
    conversation.replaceChildren();
    welcome.hidden = false;
    newChat.hidden = true;
    closeReader();
    input.value = "";
    input.focus();
    announce("New conversation.");
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ask(input.value);
  });
  for (const starter of document.querySelectorAll(".starter")) {
    starter.addEventListener("click", () => ask(starter.textContent));
  }
  newChat.addEventListener("click", reset);
  readerClose.addEventListener("click", closeReader);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !reader.hidden) closeReader();
  });
  articles();
})();
