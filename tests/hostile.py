"""Raw HTTP/1.1 on a socket, for the hostile-client tests: bytes a well-behaved client library
would never send (a malformed chunk, a body shorter than its Content-Length, headers sent a
line at a time), and the answer read back whatever it is.
"""

from __future__ import annotations

import http.client
import json
import random
import socket
import string
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Reply:
    """What came back: the status (0 when the server closed without answering), the headers,
    the body, and how long after the first byte was sent the answer (or the close) came."""

    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def error_code(self) -> str:
        return str(self.json()["error"]["code"])


def address(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname or "127.0.0.1", parts.port or 80


def exchange(url: str, *parts: bytes, gap: float = 0.0, timeout: float = 10.0) -> Reply:
    """Send ``parts`` on one new connection, ``gap`` seconds apart, and read the answer.

    The server may answer before everything is sent (a refusal): sending stops there.
    """
    with socket.create_connection(address(url), timeout=timeout) as sock:
        started = time.monotonic()
        try:
            for i, part in enumerate(parts):
                if i and gap:
                    time.sleep(gap)
                sock.sendall(part)
        except OSError:
            pass  # refused mid-request: the answer (if any) is waiting to be read
        return read_reply(sock, started)


def read_reply(sock: socket.socket, started: float) -> Reply:
    response = http.client.HTTPResponse(sock)
    try:
        response.begin()
        body = response.read()
    except (http.client.RemoteDisconnected, ConnectionResetError):
        return Reply(0, {}, b"", time.monotonic() - started)
    headers = {k.lower(): v for k, v in response.getheaders()}
    return Reply(response.status, headers, body, time.monotonic() - started)


def post(path: str, body: bytes, length: int | None = None) -> bytes:
    """A POST of ``body`` as JSON, closing the connection after; its Content-Length says
    ``length`` when given (a lie), else the body's length."""
    head = [
        f"POST {path} HTTP/1.1",
        "Host: 127.0.0.1",
        "Content-Type: application/json",
        f"Content-Length: {len(body) if length is None else length}",
        "Connection: close",
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def connect(url: str) -> socket.socket:
    """A new connection to the server at ``url``, nothing sent."""
    return socket.create_connection(address(url), timeout=10)


def chunked_head(path: str) -> bytes:
    """The head of a chunked POST; the chunks follow."""
    return (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    ).encode()


def chunk(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


def get(path: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()


def random_word(letters: int, seed: int = 13) -> str:
    """A word no article holds: what spelling correction works hardest on."""
    rnd = random.Random(seed)
    return "".join(rnd.choice(string.ascii_lowercase) for _ in range(letters))


def nested(depth: int) -> bytes:
    """A JSON array ``depth`` levels deep."""
    return b"[" * depth + b"]" * depth
