"""Articles changed while two ``qa serve`` replicas answer a steady stream of questions.

The replicas share one corpus folder, as servers behind a load balancer share a volume; both
run with ``--watch``. Articles go in and out through one replica's API (``PUT``/``DELETE
/articles/<id>``), and a broken file is dropped into the folder by hand. Meanwhile clients ask
both replicas without pause: no request may fail, both must come to report the corpus
version the API announced, and the answers must follow the articles.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.conftest import LiveServer, kill_server, start_server
from tests.support import SECOND_FILE, SEED_FILE
from tests.test_article_admin import QUESTION, TOKEN, lighthouse

OTHER_QUESTIONS = ["How much did the solar farm cost?", "When was the valley established?"]
ADMIN = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def replicas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[LiveServer]]]:
    root = tmp_path_factory.mktemp("replicas")
    corpus = root / "corpus"
    corpus.mkdir()
    for article in (SEED_FILE, SECOND_FILE):
        shutil.copy(article, corpus / article.name)
    servers = []
    try:
        for name in ("one", "two"):
            (root / name).mkdir()
            settings = {"QA_ADMIN_TOKEN": TOKEN}
            servers.append(start_server(corpus, root / name, settings=settings, args=("--watch",)))
        yield corpus, servers
    finally:
        for server in servers:
            kill_server(server)


class SteadyLoad:
    """Client threads asking the replicas in turn, each on its own keep-alive session, until
    stopped (bounded in time and count); every failed request is kept."""

    def __init__(self, servers: list[LiveServer], clients: int = 4) -> None:
        self.servers = servers
        self.stop = threading.Event()
        self.done = Counter[str]()
        self.failures: list[str] = []
        self.threads = [threading.Thread(target=self._ask, args=(n,)) for n in range(clients)]

    def _ask(self, n: int) -> None:
        questions = [QUESTION, *OTHER_QUESTIONS]
        deadline = time.monotonic() + 120
        with requests.Session() as session:
            for i in range(20_000):
                if self.stop.is_set() or time.monotonic() > deadline:
                    return
                server = self.servers[(n + i) % len(self.servers)]
                question = questions[i % len(questions)]
                try:
                    r = session.get(f"{server.url}/ask", params={"question": question}, timeout=10)
                    ok = r.status_code == 200 and isinstance(r.json().get("answered"), bool)
                    if not ok:
                        self.failures.append(f"{server.url}: {r.status_code} {r.text[:200]}")
                except (requests.RequestException, ValueError) as exc:
                    self.failures.append(f"{server.url}: {exc}")
                self.done[server.url] += 1

    def __enter__(self) -> SteadyLoad:
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(timeout=30)


def wait_for(check: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:.0f} s: {what}")
        time.sleep(0.1)


def health(server: LiveServer) -> dict[str, Any]:
    body: dict[str, Any] = requests.get(server.url + "/healthz", timeout=5).json()
    return body


def all_report(servers: list[LiveServer], version: str) -> Callable[[], bool]:
    return lambda: all(health(s)["corpus_version"] == version for s in servers)


def lighthouse_citations(server: LiveServer) -> list[str]:
    body = requests.get(server.url + "/ask", params={"question": QUESTION}, timeout=10).json()
    return [c["text"] for c in body["citations"] if c["article"] == "kestrel-point"]


def all_cite(servers: list[LiveServer], year: str) -> Callable[[], bool]:
    """Several asks of each server (its workers take turns) all cite the lighthouse's text
    with ``year``."""

    def check() -> bool:
        for server in servers:
            for _ in range(4):
                cited = lighthouse_citations(server)
                if len(cited) != 1 or year not in cited[0]:
                    return False
        return True

    return check


def test_articles_change_under_steady_load_without_a_failed_request(
    replicas: tuple[Path, list[LiveServer]],
) -> None:
    corpus, servers = replicas
    first, second = servers
    start = health(first)["corpus_version"]
    assert health(second)["corpus_version"] == start
    assert not any(lighthouse_citations(s) for s in servers)
    with SteadyLoad(servers) as load:
        added = requests.put(
            f"{first.url}/articles/kestrel-point",
            data=lighthouse(1887),
            headers={**ADMIN, "Content-Type": "text/plain"},
            timeout=10,
        )
        assert added.status_code == 202, added.text
        wait_for(all_report(servers, added.json()["corpus_version"]), "both serve the new article")
        # /healthz is answered by one worker; the others are replaced in turn.
        wait_for(all_cite(servers, "1887"), "every worker cites the new article")

        replaced = requests.put(
            f"{second.url}/articles/kestrel-point",
            data=lighthouse(1891),
            headers={**ADMIN, "Content-Type": "text/plain"},
            timeout=10,
        )
        assert replaced.json()["change"] == "replaced"
        wait_for(all_report(servers, replaced.json()["corpus_version"]), "both serve the new text")
        wait_for(all_cite(servers, "1891"), "every worker cites the new text")
        for server in servers:
            (cited,) = lighthouse_citations(server)
            assert "1887" not in cited

        removed = requests.delete(f"{first.url}/articles/kestrel-point", headers=ADMIN, timeout=10)
        assert removed.json()["corpus_version"] == start
        wait_for(all_report(servers, start), "both are back to the first corpus")
        wait_for(lambda: not any(lighthouse_citations(s) for s in servers), "none cites it")
        time.sleep(1)  # some load on the last workers too
    assert load.failures == [], load.failures[:5]
    assert min(load.done.values()) > 50, load.done


def test_a_broken_file_in_the_folder_leaves_the_corpus_serving(
    replicas: tuple[Path, list[LiveServer]],
) -> None:
    corpus, servers = replicas
    before = [health(s)["corpus_version"] for s in servers]
    (corpus / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    try:
        wait_for(
            lambda: all("corpus not reloaded" in s.log() for s in servers),
            "both replicas tried the folder and refused it",
        )
        assert [health(s)["corpus_version"] for s in servers] == before
        for server in servers:
            r = requests.get(server.url + "/ask", params={"question": QUESTION}, timeout=10)
            assert r.status_code == 200
    finally:
        (corpus / "broken.txt").unlink()
