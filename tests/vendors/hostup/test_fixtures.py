"""Pinned tickets: the seed's example pinned by a fixture is listed byte for byte, and an
invalid fixture names its file and field."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mockdesk import create_app
from mockdesk.core.fixtures import FixtureError
from mockdesk.settings import Settings
from mockdesk.testing.live import LiveServer
from tests.vendors.hostup.conftest import GOLDENS, TICKETS, hostup_at


def _pinned_seed_example(tmp_path: Path) -> Path:
    """The seed's list item as a fixture: the summary plus a two-message conversation."""
    item = GOLDENS.json("list_example.json")["data"][0]
    message = {
        "ticketId": item["id"],
        "sender": "customer",
        "senderName": item["requesterName"],
        "encrypted": False,
        "attachments": [],
    }
    fixture = {
        **item,
        "body": "Hi, I have a question about my hosting account.",
        "attachments": [],
        "messages": [
            {**message, "id": "tmsg_01hxa3b4c5d6e7f8g9h0j1k2m4", "sentAt": item["createdAt"],
             "body": "Hi, I have a question about my hosting account."},
            {**message, "id": "tmsg_01hxa3b4c5d6e7f8g9h0j1k2m5", "sentAt": item["lastMessageAt"],
             "body": "Thanks for asking!", "sender": "staff", "senderName": "Support"},
        ],
    }  # fmt: skip
    path = tmp_path / "hostup.json"
    path.write_text(json.dumps({"vendor": "hostup", "tickets": [fixture]}))
    return path


def test_a_pinned_seed_example_is_listed_byte_for_byte(tmp_path: Path) -> None:
    settings = Settings(vendors=("hostup",), tickets=3, fixtures=(_pinned_seed_example(tmp_path),))
    item = GOLDENS.json("list_example.json")["data"][0]
    with LiveServer(settings) as server:
        response = hostup_at(server.url).get(TICKETS)
        assert json.dumps(item, separators=(",", ":")) in response.text
        assert response.json()["data"][-1] == item  # the oldest ticket comes last
        detail = hostup_at(server.url).get(f"{TICKETS}/{item['number']}").json()
        assert detail["messageCount"] == len(detail["messages"]) == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"messageCount": 3}, "tickets[0].messageCount: must equal the number of messages"),
        ({"departmentSlug": "nope"}, "tickets[0].departmentSlug: must be one of"),
        ({"id": "tkt_123"}, "tickets[0].id:"),
    ],
)
def test_invalid_fixture_names_file_and_field(tmp_path: Path, change: dict, message: str) -> None:
    path = _pinned_seed_example(tmp_path)
    document = json.loads(path.read_text())
    document["tickets"][0].update(change)
    path.write_text(json.dumps(document))
    with pytest.raises(FixtureError, match=re.escape(message)):
        create_app(Settings(vendors=("hostup",), tickets=1, fixtures=(path,)))
