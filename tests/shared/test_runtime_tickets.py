"""Runtime tickets live in Redis: added, replaced or deleted through one worker, every worker
and every process on that Redis lists, finds and filters them (issue 15).

Reads go out on connections of their own, in concurrent rounds, until the journal shows that
every worker of both servers served some of them.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from typing import Any

import requests

from tests.shared.conftest import Launch
from tests.shared.test_workers import SENDCLOUD, SENDCLOUD_AUTH, at_once, journal, workers

TICKET_ID = 99_999_001
PARCEL = 777_000_111  # no generated ticket has it


def detail(base: str, ticket_id: int) -> str:
    return f"{base}{SENDCLOUD}/{ticket_id}"


def admin(base: str, method: str, path: str, body: Any = None) -> requests.Response:
    url = f"{base}/__mockdesk/vendors/sendcloud/tickets{path}"
    return requests.request(method, url, json=body, timeout=10)


def everywhere(
    bases: list[str], check: Callable[[str], requests.Response], expected: int
) -> list[requests.Response]:
    """Concurrent rounds of ``check`` over ``bases`` until the journal shows all three workers
    (two of the first server, one of the second) answered; every answer must be ``expected``."""
    turns = itertools.cycle(bases)
    for _ in range(20):
        before = max((entry["id"] for entry in journal(bases[0])), default=0)
        answers = at_once(30, lambda: check(next(turns)))
        assert {answer.status_code for answer in answers} == {expected}, answers[0].text
        if len(workers(journal(bases[0], since=before))) == 3:
            return answers
    raise AssertionError("some worker served none of 20 rounds")


def listed_ids(answer: requests.Response) -> list[int]:
    return [item["id"] for item in answer.json()["items"]]


def template(base: str) -> dict[str, Any]:
    answer = requests.get(base + SENDCLOUD, auth=SENDCLOUD_AUTH, timeout=10)
    first: dict[str, Any] = answer.json()["items"][0]
    return first


def by_parcel(base: str, parcel: int) -> requests.Response:
    return requests.get(
        base + SENDCLOUD, params={"parcel_id": parcel}, auth=SENDCLOUD_AUTH, timeout=30
    )


def test_added_replaced_and_deleted_tickets_reach_every_worker_and_process(
    serve: Launch,
) -> None:
    first = serve("--rate-limit", "sendcloud=off")
    second = serve("--rate-limit", "sendcloud=off", workers=1)
    bases = [first.url, second.url]
    generated = template(first.url)
    ticket = {**generated, "id": TICKET_ID, "parcel_id": PARCEL}

    added = admin(first.url, "POST", "", ticket)
    assert added.status_code == 201, added.text
    found = everywhere(
        bases, lambda base: requests.get(detail(base, TICKET_ID), auth=SENDCLOUD_AUTH), 200
    )
    assert {answer.json()["parcel_id"] for answer in found} == {PARCEL}
    filtered = everywhere(bases, lambda base: by_parcel(base, PARCEL), 200)
    assert {tuple(listed_ids(answer)) for answer in filtered} == {(TICKET_ID,)}

    replaced = admin(second.url, "PUT", f"/{TICKET_ID}", {**ticket, "parcel_id": PARCEL + 1})
    assert replaced.status_code == 200, replaced.text
    moved = everywhere(bases, lambda base: by_parcel(base, PARCEL + 1), 200)
    assert {tuple(listed_ids(answer)) for answer in moved} == {(TICKET_ID,)}
    gone = everywhere(bases, lambda base: by_parcel(base, PARCEL), 200)
    assert {tuple(listed_ids(answer)) for answer in gone} == {()}

    assert admin(first.url, "DELETE", f"/{TICKET_ID}").status_code == 204
    everywhere(bases, lambda base: requests.get(detail(base, TICKET_ID), auth=SENDCLOUD_AUTH), 404)
    assert admin(second.url, "DELETE", f"/{TICKET_ID}").status_code == 404  # on any worker
    assert admin(second.url, "PUT", f"/{TICKET_ID}", ticket).status_code == 404

    assert admin(second.url, "DELETE", f"/{generated['id']}").status_code == 204  # hidden
    lists = everywhere(
        bases, lambda base: requests.get(base + SENDCLOUD, auth=SENDCLOUD_AUTH, timeout=30), 200
    )
    assert all(generated["id"] not in listed_ids(answer) for answer in lists)
    everywhere(
        bases, lambda base: requests.get(detail(base, generated["id"]), auth=SENDCLOUD_AUTH), 404
    )


def test_concurrent_adds_of_one_id_across_workers_succeed_once(serve: Launch) -> None:
    server = serve("--rate-limit", "sendcloud=off")
    other = serve("--rate-limit", "sendcloud=off", workers=1)
    generated = template(server.url)
    bases = [server.url, other.url]
    turns = itertools.cycle(bases)
    for offset in range(3):
        ticket = {**generated, "id": TICKET_ID + offset, "parcel_id": PARCEL + offset}
        answers = at_once(20, lambda ticket=ticket: admin(next(turns), "POST", "", ticket))
        statuses = Counter(answer.status_code for answer in answers)
        assert statuses == {201: 1, 400: 19}, statuses
    counted = everywhere(
        bases, lambda base: requests.get(base + SENDCLOUD, auth=SENDCLOUD_AUTH, timeout=30), 200
    )
    assert all(
        listed_ids(answer).count(TICKET_ID + offset) <= 1
        for answer in counted
        for offset in range(3)
    )


def test_a_reset_clears_runtime_tickets_on_every_worker(serve: Launch) -> None:
    first = serve("--rate-limit", "sendcloud=off")
    second = serve("--rate-limit", "sendcloud=off", workers=1)
    bases = [first.url, second.url]
    ticket = {**template(first.url), "id": TICKET_ID, "parcel_id": PARCEL}
    assert admin(first.url, "POST", "", ticket).status_code == 201
    everywhere(bases, lambda base: by_parcel(base, PARCEL), 200)
    everywhere(bases, lambda base: requests.get(detail(base, TICKET_ID), auth=SENDCLOUD_AUTH), 200)

    assert requests.post(second.url + "/__mockdesk/reset", json={}, timeout=10).status_code == 200
    empty = everywhere(bases, lambda base: by_parcel(base, PARCEL), 200)
    assert {tuple(listed_ids(answer)) for answer in empty} == {()}
    everywhere(bases, lambda base: requests.get(detail(base, TICKET_ID), auth=SENDCLOUD_AUTH), 404)
    assert admin(second.url, "POST", "", ticket).status_code == 201  # free to add again
