"""End to end on the real gunicorn server: same data and cursors as the in-process server."""

from __future__ import annotations

from tests.conftest import ServerProcess
from tests.vendors.hostup.conftest import DEPARTMENTS, TICKETS, HostUp


def test_gunicorn_serves_the_same_pages_and_cursors(
    served_fresh: ServerProcess, hostup: HostUp
) -> None:
    served = HostUp(served_fresh.url)
    first = served.get(TICKETS, {"departmentSlug": "vps"})
    assert first.status_code == 200
    assert first.headers["X-RateLimit-Limit"] == "60"
    assert first.json() == hostup.get(TICKETS, {"departmentSlug": "vps"}).json()
    cursor = first.json()["nextCursor"]
    following = served.get(TICKETS, {"departmentSlug": "vps", "cursor": cursor})
    assert following.json()["data"][0]["departmentSlug"] == "vps"
    ticket = first.json()["data"][0]
    assert served.get(f"{TICKETS}/{ticket['number']}").json()["id"] == ticket["id"]
    assert served.get(DEPARTMENTS).status_code == 200
    wrong = served.get(TICKETS, {"status": "closed", "cursor": cursor})
    assert wrong.headers["Content-Type"] == "application/problem+json"
    assert wrong.json()["code"] == "invalid_cursor"
