"""The hostile mix of ``scripts/loadtest.py --hostile``: what runs beside the normal clients.

- **Slow clients:** connections that send nothing, and connections that send a header line
  every half second and never finish; each comes back as soon as the server lets it go.
- **Costly and broken requests,** one after another from a few threads, each expecting its
  documented status: questions made of long random words, a follow-up with 20 turns of
  such words, JSON nested 5,000 deep, a lone surrogate, a chunked body over the size limit,
  and a body that stops half way (408 after the server's request timeout).

Everything goes to one loopback port, bounded by the run's deadline.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import random
import socket
import string
import threading
from collections import Counter
from dataclasses import dataclass, field


def _word(rnd: random.Random, letters: int) -> str:
    return "".join(rnd.choice(string.ascii_lowercase) for _ in range(letters))


def _post(body: bytes, length: int | None = None, path: str = "/ask") -> bytes:
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body) if length is None else length}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body


def _chunked(body: bytes) -> bytes:
    head = (
        "POST /ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)


def hostile_request(n: int, rnd: random.Random) -> tuple[str, bytes, int]:
    """The n-th hostile request: its kind, its bytes and the status it must get."""
    slot = n % 6
    if slot == 0:
        question = "What is " + " ".join(_word(rnd, 60) for _ in range(7)) + "?"
        return "long-words", _post(json.dumps({"question": question}).encode()), 200
    if slot == 1:
        turns = [{"question": f"What is {_word(rnd, 480)}?", "answer": "No."} for _ in range(20)]
        body = {"question": "And what about it?", "history": turns}
        return "long-history", _post(json.dumps(body).encode()), 200
    if slot == 2:
        body_bytes = b'{"question": ' + b"[" * 5000 + b"]" * 5000 + b"}"
        return "deep-json", _post(body_bytes), 400
    if slot == 3:
        return "surrogate", _post(b'{"question": "Who is \\ud800?"}'), 400
    if slot == 4:
        history = [{"question": "q" * 400, "answer": "a" * 7000}] * 20
        big = json.dumps({"question": "Who?", "history": history}).encode()
        return "chunked-too-large", _chunked(big), 413
    half = b'{"question": "When was'
    return "incomplete-body", _post(half, length=len(half) + 30), 408


def exchange(port: int, data: bytes, timeout: float = 15.0) -> int:
    """Send ``data`` on a new connection; the status of the answer, 0 if closed without one."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        with contextlib.suppress(OSError):  # refused before the whole request was sent
            sock.sendall(data)
        response = http.client.HTTPResponse(sock)
        try:
            response.begin()
            response.read()
        except (http.client.RemoteDisconnected, ConnectionResetError):
            return 0
        return response.status


def _closed(sock: socket.socket) -> bool:
    """Whether the server has closed ``sock`` (without waiting for it)."""
    try:
        return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False


@dataclass
class HostileMix:
    """Slow clients and hostile requests against ``port`` until ``stop()``."""

    port: int
    slow_clients: int
    hostile_clients: int
    sent: Counter[str] = field(default_factory=Counter)
    unexpected: Counter[str] = field(default_factory=Counter)
    samples: list[str] = field(default_factory=list)
    slow_reconnects: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        for i in range(self.slow_clients):
            self._spawn(self._slow_client, i % 2 == 1)
        for i in range(self.hostile_clients):
            self._spawn(self._hostile_client, i)

    def stop(self) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout=20)

    def _spawn(self, target: object, arg: object) -> None:
        t = threading.Thread(target=target, args=(arg,), daemon=True)  # type: ignore[arg-type]
        t.start()
        self._threads.append(t)

    def _slow_client(self, drips: bool) -> None:
        """One connection at a time: idle, or a header line every half second."""
        while not self._stop.is_set():
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sock:
                    if drips:
                        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                    while not self._stop.wait(0.5):
                        if drips:
                            sock.sendall(b"X-Slow: yes\r\n")
                        elif _closed(sock):
                            break
            except OSError:
                pass  # let go by the server: come back, as an attacker would
            with self._lock:
                self.slow_reconnects += 1

    def _hostile_client(self, seed: int) -> None:
        rnd = random.Random(seed)
        n = seed  # each thread goes through every kind, from its own place
        while not self._stop.is_set():
            kind, data, expected = hostile_request(n, rnd)
            n += 1
            try:
                status = exchange(self.port, data)
            except OSError as exc:
                status, why = -1, f"{type(exc).__name__}: {exc}"
            else:
                why = f"HTTP {status}"
            with self._lock:
                self.sent[kind] += 1
                if status != expected:
                    self.unexpected[kind] += 1
                    if len(self.samples) < 5:
                        self.samples.append(f"{kind}: expected {expected}, got {why}")

    def figures(self) -> dict[str, object]:
        return {
            "slow_clients": self.slow_clients,
            "hostile_clients": self.hostile_clients,
            "slow_reconnects": self.slow_reconnects,
            "requests": sum(self.sent.values()),
            "by_kind": dict(self.sent),
            "unexpected": sum(self.unexpected.values()),
            "unexpected_by_kind": dict(self.unexpected),
            "unexpected_samples": self.samples,
        }
