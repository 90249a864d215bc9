"""One end-to-end request against the real gunicorn-served process."""

from __future__ import annotations

import json
from typing import Any

import requests


def test_filtered_ordered_page_with_includes_on_gunicorn(served_fresh: Any) -> None:
    response = requests.get(
        f"{served_fresh.url}/desk/api/v2/tickets.json",
        params={
            "filter": json.dumps({"$or": [{"priority": {"$in": [3, 4]}}, {"status": 1}]}),
            "orderBy": "priority",
            "orderMode": "desc",
            "pageSize": 10,
            "includes": "ticketpriorities",
        },
        headers={"Authorization": "Bearer mockdesk-token"},
        timeout=10,
    )
    assert response.status_code == 200
    assert response.headers["X-Rate-Limit-Limit"] == "120"
    body = response.json()
    priorities = [t["priority"]["id"] if t["priority"] else None for t in body["tickets"]]
    assert priorities and priorities[0] == 4
    assert all(
        p in (3, 4) or t["status"]["id"] == 1
        for p, t in zip(priorities, body["tickets"], strict=True)
    )
    assert {e["id"] for e in body["included"]["ticketpriorities"]} == {
        p for p in priorities if p is not None
    }
