"""GET /v1/api/ticket's item and Laravel meta shapes and paging, and GET /v1/api/ticket/show:
the ticket-id.md shape, agreeing with the list item."""

from __future__ import annotations

import json
import re

import pytest

from tests.vendors.ippanel.conftest import PERSIAN, all_tickets, get, key_tree, listing, show

DETAIL_KEYS = [
    "id", "ticket_id", "user_id", "parent_id", "importance", "subject", "category",
    "category_id", "sub_category_id", "state", "state_id", "sub_state_id", "description",
    "close_desc", "user_seen", "sms_notification", "created_at", "attachment", "interactions",
    "forward", "manager_comment", "jira_id", "rate",
]  # fmt: skip
INTERACTION_KEYS = [
    "id", "description", "agent_id", "agent_username", "created_at", "attachment",
    "partner_title", "private", "username",
]  # fmt: skip
DATABASE_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")


def test_list_item_and_meta_have_the_seed_shape(ippanel, seed_example):
    body = get(ippanel, "page=1&per_page=2").json()
    assert list(body) == ["data", "meta"]
    assert list(body["meta"]) == list(seed_example["meta"])
    expected = key_tree(seed_example["data"][0])
    assert key_tree(seed_example["data"][1]) == expected
    for item in body["data"]:
        assert key_tree(item) == expected


def test_meta_on_the_first_page_matches_laravel(ippanel):
    meta = get(ippanel, "page=1&per_page=2").json()["meta"]
    assert meta == {
        "current_page": 1,
        "from": 1,
        "last_page": 125,
        "per_page": 2,
        "to": 2,
        "total": 250,
        "status": True,
        "message": "Success",
        "message_code": "200-1",
    }


def test_defaults_are_page_1_and_ten_per_page(ippanel):
    body = get(ippanel).json()
    assert len(body["data"]) == 10
    assert (body["meta"]["current_page"], body["meta"]["per_page"]) == (1, 10)


def test_last_page_is_partial_and_past_it_is_empty(ippanel):
    last = get(ippanel, "page=4&per_page=70").json()
    assert len(last["data"]) == 40
    assert (last["meta"]["from"], last["meta"]["to"], last["meta"]["last_page"]) == (211, 250, 4)
    past = get(ippanel, "page=5&per_page=70").json()
    assert past["data"] == []
    assert past["meta"]["from"] is None and past["meta"]["to"] is None
    assert past["meta"]["current_page"] == 5 and past["meta"]["total"] == 250


def test_nothing_matching_has_last_page_1_and_null_bounds(ippanel):
    meta = get(ippanel, "ticket_id=1").json()["meta"]
    assert meta["total"] == 0 and meta["last_page"] == 1
    assert meta["from"] is None and meta["to"] is None


def test_tickets_are_newest_first(ippanel):
    tickets = all_tickets(ippanel)
    keys = [(t["created_at"], t["id"]) for t in tickets]
    assert keys == sorted(keys, reverse=True)


def test_body_is_compact_utf8_with_php_escaped_slashes(ippanel):
    response = get(ippanel, "per_page=1000")
    assert response.headers["Content-Type"] == "application/json"
    raw = response.content.decode("utf-8")
    assert PERSIAN.search(raw) and "\\u06" not in raw
    compact = json.dumps(response.json(), ensure_ascii=False, separators=(",", ":"))
    assert raw == compact.replace("/", "\\/")


def test_detail_has_the_documented_shape_and_agrees_with_the_list(ippanel):
    for item in listing(ippanel)[:40]:
        response = show(ippanel, item["id"])
        assert response.status_code == 200
        body = response.json()
        assert body["meta"] == {
            "status": True,
            "message": "Success",
            "message_parameters": [],
            "message_code": "200-1",
        }
        detail = body["data"]
        assert list(detail) == DETAIL_KEYS
        assert detail["description"] == item["desc"]
        assert detail["category"] == item["category"]["name"]
        assert detail["state"] == item["state"]["name"]
        assert detail["manager_comment"] == (item["manager_comment"] or "")
        assert detail["forward"] == {**item["forward"], "seen": bool(item["forward"]["seen"])}
        assert DATABASE_TIME.fullmatch(detail["created_at"])
        assert detail["created_at"].replace(" ", "T") == item["created_at"][:19]
        assert len(detail["interactions"]) == item["interaction_count"]
        for reply in detail["interactions"]:
            assert list(reply) == INTERACTION_KEYS
            assert DATABASE_TIME.fullmatch(reply["created_at"])
        for name in ("id", "ticket_id", "user_id", "parent_id", "importance", "subject"):
            assert detail[name] == item[name]


@pytest.mark.mockdesk(rate_limits={"ippanel": "off"})
def test_attachment_urls_keep_phps_escaped_slashes(ippanel):
    with_file = [t for t in listing(ippanel) if show(ippanel, t["id"]).json()["data"]["attachment"]]
    assert with_file
    raw = show(ippanel, with_file[0]["id"]).text
    assert '"attachment":"https:\\/\\/storage.example.com\\/' in raw
