"""Runtime tickets show up at once where the vendor would put them: in order, on the right
page, behind the right cursor, and only under the filters they match."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import requests

from mockdesk.testing.live import LiveServer
from mockdesk.vendors.registry import by_slug

SENDCLOUD = by_slug()["sendcloud"]
NEXT = by_slug()["29next"]


def get(server: LiveServer, spec: Any, path: str, **params: Any) -> Any:
    response = requests.get(
        server.url + path, params=params, headers=dict(spec.demo_headers), timeout=5
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_an_added_ticket_lands_on_its_page_in_listing_order(mockdesk: LiveServer) -> None:
    mockdesk.set_rate_limit("sendcloud", "off")
    first = get(mockdesk, SENDCLOUD, SENDCLOUD.list_path, size=20)["items"]
    newer, older = (datetime.fromisoformat(first[i]["created_at"]) for i in (2, 3))
    between = older + (newer - older) / 2
    ticket = {**first[3], "id": 99_000_001, "created_at": between.isoformat()}
    mockdesk.add_tickets("sendcloud", ticket)
    page = get(mockdesk, SENDCLOUD, SENDCLOUD.list_path, size=3, page=2)
    assert page["total"] == 251 and page["items"][0]["id"] == 99_000_001
    same_status = get(mockdesk, SENDCLOUD, SENDCLOUD.list_path, size=20, status=ticket["status"])
    assert 99_000_001 in [item["id"] for item in same_status["items"]]
    other = next(s for s in ("action_required", "closed") if s != ticket["status"])
    elsewhere = get(mockdesk, SENDCLOUD, SENDCLOUD.list_path, size=20, status=other)
    assert 99_000_001 not in [item["id"] for item in elsewhere["items"]]
    later = (between + timedelta(seconds=1)).isoformat()
    assert get(mockdesk, SENDCLOUD, SENDCLOUD.list_path, created_after=later)["total"] == 3


def test_an_added_ticket_sits_behind_the_right_cursor(mockdesk: LiveServer) -> None:
    mockdesk.set_rate_limit("29next", "off")
    first = get(mockdesk, NEXT, NEXT.list_path, limit=5)["results"]
    new_id = first[2]["id"] - 1  # ids leave gaps: between the third and the fourth ticket
    assert new_id != first[3]["id"]
    mockdesk.add_tickets("29next", {**first[3], "id": new_id})
    seen: list[int] = []
    body = get(mockdesk, NEXT, NEXT.list_path, limit=2)
    while True:
        seen += [ticket["id"] for ticket in body["results"]]
        if body["next"] is None or len(seen) >= 6:
            break
        response = requests.get(body["next"], headers=dict(NEXT.demo_headers), timeout=5)
        body = response.json()
    assert seen[:5] == [first[0]["id"], first[1]["id"], first[2]["id"], new_id, first[3]["id"]]
