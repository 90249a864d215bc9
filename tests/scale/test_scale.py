"""Issue 15 against real servers: a million tickets per vendor behind one port, health telling
the build's progress, bytes that do not depend on ``--tickets``, and ``--epoch``.

Speed and memory are figures for ``bench/data_curve.py``; here only behaviour is asserted.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests

from mockdesk.vendors.registry import by_slug
from tests.support.processes import ServerProcess, launch_server, start_server

MILLION = 1_000_000
SENDCLOUD = dict(by_slug()["sendcloud"].demo_headers)
TEAMWORK = dict(by_slug()["teamwork"].demo_headers)
NO_LIMITS = ("--rate-limit", "sendcloud=off", "--rate-limit", "teamwork=off")


def health_until_ready(server: ServerProcess, timeout: float = 120) -> list[tuple[int, Any]]:
    """Every health answer from the first one the port gives until the first 200."""
    seen: list[tuple[int, Any]] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError("mockdesk serve exited")
        try:
            response = requests.get(f"{server.url}/__mockdesk/health", timeout=5)
        except requests.ConnectionError:
            time.sleep(0.01)
            continue
        seen.append((response.status_code, response.json()))
        if response.status_code == 200:
            return seen
    raise RuntimeError(f"not healthy in {timeout} s; last answers {seen[-3:]}")


@pytest.fixture(scope="module")
def million() -> Any:
    server = launch_server("--tickets", str(MILLION), *NO_LIMITS)
    started = time.monotonic()
    try:
        answers = health_until_ready(server)
        yield server, answers, time.monotonic() - started
    finally:
        server.stop()


def test_a_million_tickets_per_vendor_become_healthy_with_progress_on_the_way(million) -> None:
    _, answers, _ = million
    statuses = [status for status, _ in answers]
    assert statuses[-1] == 200 and set(statuses[:-1]) <= {503}
    body = answers[-1][1]
    assert body["status"] == "ok" and set(body["vendors"].values()) == {MILLION}
    building = [body for status, body in answers if status == 503]
    assert building, "health answered 200 before the build of 5 M tickets could be seen"
    percents = [body["percent"] for body in building]
    assert all(body["status"] == "starting" for body in building)
    assert all(body["phase"] == "building seed 0" for body in building)
    assert percents == sorted(percents) and percents[0] >= 0 and percents[-1] <= 100


def test_the_first_and_the_last_page_of_a_million(million) -> None:
    server, _, _ = million
    url = f"{server.url}/api/v3/dsf/tickets"
    first = requests.get(url, headers=SENDCLOUD, timeout=30).json()
    last = requests.get(url, params={"page": 66667}, headers=SENDCLOUD, timeout=30).json()
    assert first["total"] == last["total"] == MILLION and first["pages"] == 66667
    assert len(first["items"]) == 15 and len(last["items"]) == MILLION - 66666 * 15
    ids = [ticket["id"] for ticket in last["items"]]
    assert ids == sorted(ids, reverse=True) and ids[0] < first["items"][-1]["id"]
    deep = requests.get(
        f"{server.url}/desk/api/v2/tickets.json",
        params={"page": 20000, "pageSize": 50},
        headers=TEAMWORK,
        timeout=30,
    )
    assert deep.status_code == 200 and len(deep.json()["tickets"]) == 50


def test_a_ticket_is_the_same_bytes_on_a_small_server(million) -> None:
    server, _, _ = million
    small = start_server("--tickets", "1000", *NO_LIMITS)
    try:
        for path, headers in (
            ("/api/v3/dsf/tickets?page=3", SENDCLOUD),
            ("/desk/api/v2/tickets.json?page=2&pageSize=7", TEAMWORK),
        ):
            large_page = requests.get(server.url + path, headers=headers, timeout=30).json()
            small_page = requests.get(small.url + path, headers=headers, timeout=30).json()
            key = "items" if "items" in large_page else "tickets"
            assert large_page[key] == small_page[key]
    finally:
        small.stop()


def test_a_reset_to_another_seed_rebuilds_a_million_with_health_telling_the_phase(million) -> None:
    """Last of the tests on the shared server: it ends back on seed 0 (still on the shelf)."""
    server, _, _ = million
    answers: list[tuple[int, Any]] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            response = requests.get(f"{server.url}/__mockdesk/health", timeout=30)
            answers.append((response.status_code, response.json()))

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        reset = requests.post(f"{server.url}/__mockdesk/reset", json={"seed": 1}, timeout=120)
    finally:
        done.set()
        watcher.join()
    assert reset.status_code == 200
    building = [body for status, body in answers if status == 503]
    assert building and all(body["phase"] == "building seed 1" for body in building)
    health = requests.get(f"{server.url}/__mockdesk/health", timeout=30).json()
    assert health["seed"] == 1 and set(health["vendors"].values()) == {MILLION}
    requests.post(f"{server.url}/__mockdesk/reset", json={"seed": 0}, timeout=120)


@pytest.mark.parametrize("epoch", ["now", "2025-01-01"])
def test_epoch_moves_the_whole_timeline(epoch: str) -> None:
    server = start_server("--tickets", "40", "--epoch", epoch, *NO_LIMITS)
    try:
        at = time.time()
        tickets = requests.get(
            f"{server.url}/api/v3/dsf/tickets", params={"size": 20}, headers=SENDCLOUD, timeout=10
        ).json()["items"]
    finally:
        server.stop()
    moment = datetime.fromtimestamp(at, UTC) if epoch == "now" else datetime(2025, 1, 1, tzinfo=UTC)
    newest = datetime.fromisoformat(tickets[0]["created_at"])
    assert moment - timedelta(minutes=31) <= newest < moment  # minutes old, as the issue asks
    for ticket in tickets:
        assert datetime.fromisoformat(ticket["updated_at"]) < moment
