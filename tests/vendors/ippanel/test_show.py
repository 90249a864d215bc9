"""GET /v1/api/ticket/show: the ticket-id.md shape, agreeing with the list item."""

from __future__ import annotations

import re

import pytest
import requests

from tests.support.vendor_client import VendorClient

from .conftest import SHOW

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


def listing(ippanel: VendorClient) -> list[dict]:
    return ippanel.list({"per_page": 1000}).json()["data"]


def show(ippanel: VendorClient, ticket_id: int) -> requests.Response:
    return ippanel.get(SHOW, {"ticket_id": ticket_id})


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


def test_replies_come_from_agents_and_the_tickets_own_user(ippanel):
    """The first reply is support's; every customer reply is by the ticket's user."""
    item = next(t for t in listing(ippanel) if t["interaction_count"] >= 2)
    replies = show(ippanel, item["id"]).json()["data"]["interactions"]
    assert replies[0]["agent_id"] is not None
    customer = [reply for reply in replies if reply["agent_id"] is None]
    assert all(reply["username"] == item["user"]["uname"] for reply in customer)


@pytest.mark.mockdesk(rate_limits={"ippanel": "off"})
def test_attachment_urls_keep_phps_escaped_slashes(ippanel):
    with_file = [t for t in listing(ippanel) if show(ippanel, t["id"]).json()["data"]["attachment"]]
    assert with_file
    raw = show(ippanel, with_file[0]["id"]).text
    assert '"attachment":"https:\\/\\/storage.example.com\\/' in raw


def test_repeated_ticket_id_takes_the_last_as_php_does(ippanel):
    first, second = listing(ippanel)[:2]
    url = f"{SHOW}?ticket_id={first['id']}&ticket_id={second['id']}"
    assert ippanel.get(url).json()["data"]["id"] == second["id"]
