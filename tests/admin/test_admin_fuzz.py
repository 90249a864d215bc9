"""Arbitrary JSON to every admin endpoint: never a 5xx, and a refusal changes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockdesk.settings import Settings
from mockdesk.testing.live import LiveServer

# (method, path) of every admin endpoint that reads a body
WRITES = [
    ("POST", "/reset"),
    ("POST", "/faults"),
    ("POST", "/clock"),
    ("PUT", "/rate-limits/sendcloud"),
    ("POST", "/vendors/sendcloud/tickets"),
    ("POST", "/vendors/hostup/tickets"),
    ("POST", "/vendors/teamwork/tickets"),
    ("PUT", "/vendors/ippanel/tickets/1"),
    ("PUT", "/vendors/29next/tickets/1"),
    ("POST", "/tokens/expire"),
]
READS = ["/requests", "/faults", "/clock", "/rate-limits", "/rate-limits/windows", "/health"]
SNAPSHOT = ["/faults", "/clock", "/rate-limits", "/tenants"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
# shapes close to real bodies, so validation runs deep, not only on the outer type
plausible = st.dictionaries(
    st.sampled_from(["seed", "error", "vendor", "times", "delay_ms", "delay", "transport",
                     "probability", "advance", "freeze", "set", "limit", "tickets", "id",
                     "path_prefix", "method", "credential", "tenant", "status", "subject"]),
    json_values,
    max_size=5,
)  # fmt: skip


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    with LiveServer(Settings(tickets=3)) as live:
        live.clock.freeze()  # the clock's snapshot must not move between two reads
        yield live


def snapshot(server: LiveServer) -> list[Any]:
    return [requests.get(f"{server.url}/__mockdesk{path}", timeout=5).json() for path in SNAPSHOT]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(endpoint=st.sampled_from(WRITES), body=json_values | plausible)
def test_no_body_gives_a_5xx_and_a_refusal_changes_nothing(
    server: LiveServer, endpoint: tuple[str, str], body: Any
) -> None:
    method, path = endpoint
    before = snapshot(server)
    response = requests.request(
        method,
        f"{server.url}/__mockdesk{path}",
        data=json.dumps(body),
        headers={"Content-Type": "application/json"},
        timeout=5,
    )
    assert response.status_code < 500, response.text
    assert response.headers["Content-Type"].startswith("application/json") or not response.content
    if 400 <= response.status_code < 500:
        assert snapshot(server) == before
    else:  # an accepted change: undo it for the next example
        server.reset()
        server.clock.freeze()


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    path=st.sampled_from(READS),
    params=st.dictionaries(st.text(max_size=10), st.text(max_size=30), max_size=4),
)
def test_no_query_gives_a_5xx(server: LiveServer, path: str, params: dict[str, str]) -> None:
    response = requests.get(f"{server.url}/__mockdesk{path}", params=params, timeout=5)
    assert response.status_code < 500, response.text
    response.json()
