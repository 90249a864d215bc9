"""The list envelope (total, page, pages, size, items), its paging, and the detail body."""

from __future__ import annotations

import math
from datetime import datetime

from tests.vendors.sendcloud.conftest import Sendcloud


def test_default_page_is_fifteen_newest_first(client: Sendcloud) -> None:
    body = client.tickets().json()
    assert (body["total"], body["page"], body["size"]) == (250, 1, 15)
    assert body["pages"] == math.ceil(250 / 15)
    assert list(body) == ["total", "page", "pages", "size", "items"]
    created = [datetime.fromisoformat(t["created_at"]) for t in body["items"]]
    assert len(created) == 15 and created == sorted(created, reverse=True)


def test_a_page_past_the_last_is_empty_not_an_error(client: Sendcloud) -> None:
    body = client.tickets(page=99, size=20).json()
    assert (body["items"], body["total"], body["pages"]) == ([], 250, 13)


def test_nothing_matching_gives_zero_pages(client: Sendcloud) -> None:
    body = client.tickets(carrier="no-such-carrier").json()
    assert (body["total"], body["pages"], body["items"]) == (0, 0, [])


def test_detail_matches_the_list_item(client: Sendcloud) -> None:
    item = client.tickets(size=5).json()["items"][4]
    response = client.get(f"/api/v3/dsf/tickets/{item['id']}")
    assert response.status_code == 200
    assert response.json() == item
