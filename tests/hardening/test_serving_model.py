"""The serving model: slow and idle clients stall nobody and are let go in bounded time; the
raw socket is reachable for transport faults; hanging and streaming cost no thread.

The first part runs ``mockdesk serve`` itself. The second serves a small probe app through the
same ``serving.run_gunicorn`` (and Werkzeug, as ``LiveServer`` does), to show what later work
(transport faults, server-sent events) can build on.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from flask import Flask, Response, request

from mockdesk import serving
from mockdesk.testing.live import LiveServer
from tests.conftest import ServerProcess, free_port, start_server

LIST = "/api/v3/dsf/tickets"
AUTH = ("mockdesk-key", "mockdesk-secret")
BOUND = serving.KEEPALIVE_SECONDS + 2  # seconds within which the server must let go


@pytest.fixture(scope="module")
def served() -> Iterator[ServerProcess]:
    server = start_server(
        "--vendor", "sendcloud", "--tickets", "50", "--rate-limit", "sendcloud=off"
    )
    yield server
    server.stop()


def port_of(server: ServerProcess) -> int:
    return int(server.url.rsplit(":", 1)[1])


def open_connection(port: int, first_bytes: bytes = b"") -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    if first_bytes:
        sock.sendall(first_bytes)
    return sock


def closed_by_server(sock: socket.socket, within: float) -> bool:
    """True once the server closes ``sock`` (EOF, an error page or a reset) within the time."""
    sock.settimeout(within)
    try:
        sock.recv(65536)
    except TimeoutError:
        return False
    except OSError:
        return True
    return True


def normal_requests_answer(url: str, count: int = 30) -> None:
    for _ in range(count):
        response = requests.get(url + LIST, auth=AUTH, timeout=2, headers={"Connection": "close"})
        assert response.status_code == 200


def test_two_hundred_slow_header_clients_stall_nobody(served: ServerProcess) -> None:
    port = port_of(served)
    slow = [open_connection(port, b"GET " + LIST.encode() + b" HTTP/1.1\r\n") for _ in range(200)]
    try:
        for _ in range(3):  # a header byte a second, as a slowloris client sends them
            for sock in slow:
                sock.send(b"X")
            normal_requests_answer(served.url, 10)
            time.sleep(0.5)
        started = time.monotonic()
        assert all(closed_by_server(sock, BOUND) for sock in slow)
        assert time.monotonic() - started < BOUND
    finally:
        for sock in slow:
            sock.close()


def test_idle_connections_stall_nobody_and_are_closed_in_bounded_time(
    served: ServerProcess,
) -> None:
    port = port_of(served)
    request_bytes = b"GET /__mockdesk/health HTTP/1.1\r\nHost: t\r\n\r\n"
    kept = [open_connection(port, request_bytes) for _ in range(100)]
    for sock in kept:  # one answered request each, then idle on a kept-alive connection
        assert sock.recv(65536).startswith(b"HTTP/1.1 200")
    silent = [open_connection(port) for _ in range(100)]  # never send a byte
    opened = time.monotonic()
    try:
        normal_requests_answer(served.url)
        for sock in kept + silent:
            assert closed_by_server(sock, max(0.1, opened + BOUND - time.monotonic()))
    finally:
        for sock in kept + silent:
            sock.close()


PROBE_APP = textwrap.dedent(
    """
    import sys, time
    from mockdesk import serving
    serving.patch()
    from flask import Flask
    from mockdesk.settings import Settings
    from tests.hardening.test_serving_model import probe_app

    listener = serving.bind("127.0.0.1", int(sys.argv[1]))
    serving.run_gunicorn(probe_app(), Settings(port=0), listener=listener)
    """
)


def probe_app() -> Flask:
    """Endpoints that do to their connection what transport faults and streams will."""
    app = Flask("probe")

    @app.get("/socket")
    def has_socket() -> dict[str, bool]:
        return {"socket": serving.client_socket(request.environ) is not None}

    @app.get("/hang")
    def hang() -> str:
        time.sleep(float(request.args.get("s", "20")))  # cooperative under gevent
        return "late"

    @app.get("/reset")
    def reset() -> str:
        assert serving.sever(request.environ, reset=True)
        return "never sent"

    @app.get("/empty")
    def empty() -> str:
        assert serving.sever(request.environ, reset=False)
        return "never sent"

    @app.get("/truncated")
    def truncated() -> Response:
        environ = request.environ

        def body() -> Iterator[bytes]:
            yield b"0123456789"
            serving.sever(environ, reset=False)

        return Response(body(), headers={"Content-Length": "100"})

    @app.get("/events")
    def events() -> Response:
        def stream() -> Iterator[str]:
            for i in range(3):
                yield f"data: {i}\n\n"
                time.sleep(0.3)

        return Response(stream(), mimetype="text/event-stream")

    @app.get("/ping")
    def ping() -> str:
        return "pong"

    return app


@pytest.fixture(scope="module")
def probe_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    port = free_port()
    log = tmp_path_factory.mktemp("probe") / "server.log"
    root = Path(__file__).parents[2]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-c", PROBE_APP, str(port)], cwd=root, stderr=sink
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                requests.get(url + "/ping", timeout=1)
                break
            except requests.ConnectionError:
                assert process.poll() is None, log.read_text()
                time.sleep(0.05)
        yield url, log
        process.terminate()
        process.wait(timeout=15)


def raw_get(url: str, path: str) -> socket.socket:
    port = int(url.rsplit(":", 1)[1])
    return open_connection(port, f"GET {path} HTTP/1.1\r\nHost: t\r\n\r\n".encode())


def read_all(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def check_transport(url: str) -> None:
    assert requests.get(url + "/socket", timeout=5).json() == {"socket": True}
    with pytest.raises(ConnectionResetError):
        read_all(raw_get(url, "/reset"))
    assert read_all(raw_get(url, "/empty")) == b""
    truncated = read_all(raw_get(url, "/truncated"))
    head, _, body = truncated.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200") and b"Content-Length: 100" in head
    assert body == b"0123456789"


def test_transport_faults_under_the_served_model(probe_server: tuple[str, Path]) -> None:
    url, log = probe_server
    check_transport(url)
    text = log.read_text()
    assert "Traceback" not in text and "Error handling request" not in text, text


def test_transport_faults_under_werkzeug_as_liveserver_serves() -> None:
    with LiveServer(app=probe_app()) as server:
        check_transport(server.url)


def test_hanging_requests_hold_no_thread(probe_server: tuple[str, Path]) -> None:
    url, _ = probe_server
    hanging = [raw_get(url, "/hang?s=15") for _ in range(300)]
    try:
        time.sleep(0.5)
        for _ in range(20):
            assert requests.get(url + "/ping", timeout=2).text == "pong"
    finally:
        for sock in hanging:
            sock.close()


def test_a_long_lived_stream_beside_normal_requests(probe_server: tuple[str, Path]) -> None:
    url, _ = probe_server
    received: list[str] = []

    def listen() -> None:
        with requests.get(url + "/events", stream=True, timeout=10) as response:
            received.extend(line for line in response.iter_lines(decode_unicode=True) if line)

    subscribers = [threading.Thread(target=listen) for _ in range(20)]
    for thread in subscribers:
        thread.start()
    assert requests.get(url + "/ping", timeout=2).text == "pong"
    for thread in subscribers:
        thread.join(timeout=10)
    assert sorted(received) == sorted(["data: 0", "data: 1", "data: 2"] * 20)


def test_an_open_dashboard_feed_does_not_hold_a_stopping_server() -> None:
    """Feeds are closed when the worker is told to stop, not at the graceful timeout."""
    server = start_server("--tickets", "1")
    feed = requests.get(f"{server.url}/__mockdesk/requests/feed", stream=True, timeout=10)
    assert feed.status_code == 200
    started = time.monotonic()
    server.stop()
    feed.close()
    assert time.monotonic() - started < serving.GRACEFUL_SECONDS
