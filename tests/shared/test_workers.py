"""Several workers and several processes on one Redis behave as one server (issue 15, item 5).

Every request below goes out on a connection of its own, so the kernel spreads them over the
workers; the journal's ``worker`` (the serving pid) shows that it did.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import requests

from tests.shared.conftest import Launch
from tests.support.processes import without_mockdesk_variables

SENDCLOUD = "/api/v3/dsf/tickets"
SENDCLOUD_AUTH = ("mockdesk-key", "mockdesk-secret")
HOSTUP = "/api/v2/support/tickets"
BEARER = {"Authorization": "Bearer mockdesk-token"}


def at_once(count: int, call: Callable[[], requests.Response]) -> list[requests.Response]:
    """``count`` calls released together, each on a fresh connection."""
    start = threading.Barrier(count)

    def one(_: int) -> requests.Response:
        start.wait()
        return call()

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(count)))


def sendcloud(base: str) -> requests.Response:
    return requests.get(base + SENDCLOUD, auth=SENDCLOUD_AUTH, timeout=30)


def journal(base: str, **params: Any) -> list[dict[str, Any]]:
    answer = requests.get(base + "/__mockdesk/requests", params=params, timeout=10)
    assert answer.status_code == 200, answer.text
    entries: list[dict[str, Any]] = answer.json()["requests"]
    return entries


def workers(entries: list[dict[str, Any]]) -> set[int]:
    return {entry["worker"] for entry in entries}


def spread(base: str, calls: int = 40, **where: Any) -> list[dict[str, Any]]:
    """Rounds of ``calls`` concurrent requests until both workers served some of those the
    journal lists under ``where`` (one gevent worker may accept a whole burst alone)."""
    for _ in range(20):
        at_once(calls, lambda: sendcloud(base))
        entries = journal(base, **where)
        if len(workers(entries)) == 2:
            return entries
    raise AssertionError("one worker served every request of 20 rounds")


def test_sixty_concurrent_calls_get_exactly_thirty_200s_then_429s(serve: Launch) -> None:
    server = serve("--rate-limit", "sendcloud=30/minute", "--rate-limit", "hostup=30/minute")
    answers = at_once(60, lambda: sendcloud(server.url))
    assert Counter(answer.status_code for answer in answers) == {200: 30, 429: 30}

    hostup = at_once(60, lambda: requests.get(server.url + HOSTUP, headers=BEARER, timeout=30))
    assert Counter(answer.status_code for answer in hostup) == {200: 30, 429: 30}
    remaining = sorted(
        int(answer.headers["X-RateLimit-Remaining"])
        for answer in hostup
        if answer.status_code == 200
    )
    assert remaining == list(range(30))  # 29…0, each exactly once
    assert {a.headers["X-RateLimit-Remaining"] for a in hostup if a.status_code == 429} == {"0"}


def test_a_fault_added_through_one_worker_fires_on_the_others_exactly_times(
    serve: Launch,
) -> None:
    server = serve("--rate-limit", "sendcloud=off")
    rule = {"vendor": "sendcloud", "error": "unavailable", "times": 2}
    added = requests.post(server.url + "/__mockdesk/faults", json=rule, timeout=10)
    assert added.status_code == 201, added.text
    answers = at_once(40, lambda: sendcloud(server.url))
    assert Counter(answer.status_code for answer in answers) == {200: 38, 503: 2}
    assert requests.get(server.url + "/__mockdesk/faults", timeout=10).json() == {"faults": []}

    assert requests.delete(server.url + "/__mockdesk/requests", timeout=10).status_code < 300
    forever = {"vendor": "sendcloud", "error": "unavailable", "times": None}
    rule_id = requests.post(server.url + "/__mockdesk/faults", json=forever, timeout=10).json()
    faulted = spread(server.url, path=SENDCLOUD, status=503)  # fired on both workers
    assert {entry["fault"] for entry in faulted} == {rule_id["id"]}
    after = [entry for entry in journal(server.url) if entry["id"] > faulted[1]["id"]]
    assert {entry["status"] for entry in after} == {503}  # every request since: the fault


def test_the_journal_shows_every_workers_requests_from_any_worker(serve: Launch) -> None:
    server = serve("--rate-limit", "sendcloud=off")
    served = spread(server.url)
    for _ in range(10):  # whichever worker answers the admin call, it lists everything
        entries = journal(server.url)
        assert entries == served and len(workers(entries)) == 2
        ids = [entry["id"] for entry in entries]
        assert ids == sorted(ids) and len(set(ids)) == len(ids) and len(ids) % 40 == 0


def test_reset_and_clock_moves_apply_to_every_worker(serve: Launch) -> None:
    server = serve("--rate-limit", "sendcloud=30/minute")
    at_once(40, lambda: sendcloud(server.url))
    clock = requests.post(
        server.url + "/__mockdesk/clock", json={"advance": 86400, "freeze": True}, timeout=10
    ).json()
    # every worker shows the same frozen instant
    seen = {requests.get(server.url + "/__mockdesk/clock", timeout=10).text for _ in range(20)}
    assert len(seen) == 1 and clock["now"] in seen.pop()
    # a day later the window is empty on every worker
    answers = at_once(30, lambda: sendcloud(server.url))
    assert {answer.status_code for answer in answers} == {200}
    assert {entry["time"] for entry in journal(server.url, status=200)[-30:]} == {clock["now"]}

    reset = requests.post(server.url + "/__mockdesk/reset", json={"seed": 7}, timeout=10)
    assert reset.status_code == 200
    for _ in range(20):
        health = requests.get(server.url + "/__mockdesk/health", timeout=10).json()
        assert health["seed"] == 7
        assert requests.get(server.url + "/__mockdesk/clock", timeout=10).json()["frozen"] is False
        assert journal(server.url) == []
    reseeded = at_once(20, lambda: sendcloud(server.url))
    assert len({answer.content for answer in reseeded}) == 1  # every worker: seed 7's data


def test_two_processes_on_one_redis_behave_as_one_server(serve: Launch) -> None:
    first = serve("--rate-limit", "sendcloud=30/minute", workers=1)
    second = serve("--rate-limit", "sendcloud=30/minute", workers=1)
    bases = [first.url, second.url]
    turns = itertools.count()
    answers = at_once(60, lambda: sendcloud(bases[next(turns) % 2]))
    assert Counter(answer.status_code for answer in answers) == {200: 30, 429: 30}
    assert journal(first.url) == journal(second.url)
    assert len(workers(journal(first.url))) == 2

    rule = {"vendor": "sendcloud", "error": "forbidden", "times": 1}
    requests.post(first.url + "/__mockdesk/faults", json=rule, timeout=10)
    assert requests.get(second.url + "/__mockdesk/faults", timeout=10).json()["faults"]
    requests.post(second.url + "/__mockdesk/reset", json={}, timeout=10)
    assert requests.get(first.url + "/__mockdesk/faults", timeout=10).json() == {"faults": []}
    assert sendcloud(first.url).status_code == 200  # the window was reset too

    token = requests.post(
        first.url + "/oauth2/token", data={"grant_type": "client_credentials"},
        auth=SENDCLOUD_AUTH, timeout=10,
    )  # fmt: skip
    if token.status_code == 200:  # a token issued by one process works on the other
        bearer = {"Authorization": f"Bearer {token.json()['access_token']}"}
        assert requests.get(second.url + SENDCLOUD, headers=bearer, timeout=10).status_code == 200


def test_several_workers_without_shared_state_exit_2_with_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mockdesk", "serve", "--port", "0", "--workers", "2"],
        capture_output=True, text=True, timeout=60,
        env=without_mockdesk_variables(__import__("os").environ),
    )  # fmt: skip
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "mockdesk: error: workers: 2 workers need shared state, e.g. --state "
        "redis://127.0.0.1:6379/0 (memory:// state lives in one process)"
    ]
