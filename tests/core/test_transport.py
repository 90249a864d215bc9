"""Transport faults as a client sees them, on the real server (gunicorn) and on LiveServer."""

from __future__ import annotations

import http.client
import socket
import time
from collections.abc import Iterator

import pytest
import requests

from mockdesk.settings import Settings
from mockdesk.testing.client import MockdeskClient
from mockdesk.testing.live import LiveServer
from tests.conftest import ServerProcess

SENDCLOUD = "/api/v3/dsf/tickets"
BASIC = {"Authorization": "Basic bW9ja2Rlc2sta2V5Om1vY2tkZXNrLXNlY3JldA=="}


@pytest.fixture(scope="module")
def live() -> Iterator[LiveServer]:
    with LiveServer(Settings(tickets=5)) as server:
        yield server


@pytest.fixture(params=["gunicorn", "live"])
def server(
    request: pytest.FixtureRequest, served: ServerProcess, live: LiveServer
) -> Iterator[MockdeskClient]:
    client = MockdeskClient(served.url) if request.param == "gunicorn" else live
    client.reset()
    yield client
    client.reset()


def get(server: MockdeskClient, timeout: float = 5) -> requests.Response:
    return requests.get(server.url + SENDCLOUD, headers=BASIC, timeout=timeout)


def test_reset_is_a_connection_reset(server: MockdeskClient) -> None:
    server.fault(vendor="sendcloud", transport="reset")
    with pytest.raises(requests.ConnectionError) as raised:
        get(server)
    assert "reset" in str(raised.value).lower() or "aborted" in str(raised.value).lower()
    assert get(server).status_code == 200  # used up: the next request is normal


def test_empty_closes_without_a_byte(server: MockdeskClient) -> None:
    server.fault(vendor="sendcloud", transport="empty")
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(
            f"GET {SENDCLOUD} HTTP/1.1\r\nHost: {host}\r\n"
            f"Authorization: {BASIC['Authorization']}\r\n\r\n".encode()
        )
        assert sock.recv(1024) == b""  # FIN, no status line


def test_malformed_sends_a_head_then_a_short_body(server: MockdeskClient) -> None:
    server.fault(vendor="sendcloud", transport="malformed")
    host, port = server.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    connection.request("GET", SENDCLOUD, headers=BASIC)
    response = connection.getresponse()
    assert response.status == 200
    assert response.getheader("Content-Type") == "application/json"
    with pytest.raises(http.client.IncompleteRead):
        response.read()


def test_malformed_truncates_an_injected_error_too(server: MockdeskClient) -> None:
    server.fault(vendor="sendcloud", transport="malformed", error="unavailable")
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        get(server)


def test_hang_answers_nothing_until_the_client_gives_up(server: MockdeskClient) -> None:
    server.fault(vendor="sendcloud", transport="hang")
    started = time.monotonic()
    with pytest.raises(requests.ReadTimeout):
        get(server, timeout=0.5)
    assert time.monotonic() - started >= 0.5
    assert get(server).status_code == 200  # the server itself is not stuck


def test_delay_then_answer(server: MockdeskClient) -> None:
    server.fault(vendor="sendcloud", delay_ms=300)
    started = time.monotonic()
    assert get(server).status_code == 200
    assert time.monotonic() - started >= 0.3


def test_a_severed_request_is_journaled_with_status_0(server: MockdeskClient) -> None:
    rule = server.fault(vendor="sendcloud", transport="reset")
    with pytest.raises(requests.ConnectionError):
        get(server)
    [entry] = server.requests(vendor="sendcloud")
    assert (entry["status"], entry["fault"]) == (0, rule["id"])
