"""GET /v1/api/ticket/show: the ticket-id.md shape, agreeing with the list item."""

from __future__ import annotations

import re

import pytest
import requests

from .conftest import LIST, SHOW, TOKEN

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


def listing(server) -> list[dict]:
    return requests.get(f"{server.url}{LIST}?per_page=1000", headers=TOKEN).json()["data"]


def show(server, ticket_id: int) -> requests.Response:
    return requests.get(f"{server.url}{SHOW}?ticket_id={ticket_id}", headers=TOKEN)


def test_detail_has_the_documented_shape_and_agrees_with_the_list(mockdesk):
    for item in listing(mockdesk)[:40]:
        response = show(mockdesk, item["id"])
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


def test_replies_alternate_agent_and_customer(mockdesk):
    item = next(t for t in listing(mockdesk) if t["interaction_count"] >= 2)
    replies = show(mockdesk, item["id"]).json()["data"]["interactions"]
    assert replies[0]["agent_id"] is not None
    assert replies[1]["agent_id"] is None
    assert replies[1]["username"] == item["user"]["uname"]


@pytest.mark.mockdesk(rate_limits={"ippanel": "off"})
def test_attachment_urls_keep_phps_escaped_slashes(mockdesk):
    with_file = [
        t for t in listing(mockdesk) if show(mockdesk, t["id"]).json()["data"]["attachment"]
    ]
    assert with_file
    raw = show(mockdesk, with_file[0]["id"]).text
    assert '"attachment":"https:\\/\\/storage.example.com\\/' in raw


def test_repeated_ticket_id_takes_the_last_as_php_does(mockdesk):
    first, second = listing(mockdesk)[:2]
    url = f"{mockdesk.url}{SHOW}?ticket_id={first['id']}&ticket_id={second['id']}"
    assert requests.get(url, headers=TOKEN).json()["data"]["id"] == second["id"]
