"""Messages over a real server: ``/tickets/{id}/messages.json``, ``/messages.json`` and
``/messages/{id}.json`` in desksdkgo's shapes, and conversations that read like support.

The SDK reads a message's body only from ``htmlBody`` (``models/message.go``
``UnmarshalJSON``); every thread is checked against what its ticket says (count, preview,
times, status), and the last word against the ticket's status.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from datetime import datetime
from typing import Any

import pytest

from tests.support.server import ServerUnderTest
from tests.support.vendor_client import VendorClient

from .conftest import BASE
from .test_lookups import EPOCH, NOT_FOUND, conforms, every_row

Message = dict[str, Any]


def get(teamwork: VendorClient, path: str, params: Any = None, **kw: Any) -> Any:
    return teamwork.get(f"{BASE}{path}", params, **kw)


def moment(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def threads(teamwork: VendorClient) -> dict[int, list[Message]]:
    """Every message of the dataset, by ticket, oldest first."""
    by_ticket: dict[int, list[Message]] = defaultdict(list)
    for message in every_row(teamwork, "messages", "messages"):
        by_ticket[message["ticket"]["id"]].append(message)
    return by_ticket


def by_customer(message: Message) -> bool:
    return bool(message["createdBy"]["type"] == "customers")


def words(text: str) -> list[str]:
    return [w for w in text.split() if not re.fullmatch(r"\d+\.", w)]


def test_ticket_messages_envelope_and_sdk_types(teamwork: VendorClient) -> None:
    ticket = next(t for t in teamwork.everything() if t["messageCount"] >= 4)
    path = f"/tickets/{ticket['id']}/messages.json"
    # what third-party clients send (orderBy=createdAt&orderMode=asc&includes=users,files)
    response = get(teamwork, path, "orderBy=createdAt&orderMode=asc&includes=users,files")
    assert response.status_code == 200 and response.text.endswith("}\n")
    body = response.json()
    assert list(body) == ["included", "messages", "meta", "pagination"]
    assert sorted(body["included"]) == ["files", "users"] and body["included"]["files"] == []
    messages = body["messages"]
    assert [m["id"] for m in messages] == [ref["id"] for ref in ticket["messages"]]
    assert body["pagination"]["records"] == ticket["messageCount"] == len(messages)
    agents = {m["createdBy"]["id"] for m in messages if not by_customer(m)}
    assert {u["id"] for u in body["included"]["users"]} == agents
    for message in messages:
        assert list(message) == sorted(message)
        conforms("Message", message, f"message[{message['id']}]")
        assert message["htmlBody"] and message["textBody"]
        assert message["ticket"] == {"id": ticket["id"], "type": "tickets"}
    newest_first = get(teamwork, path, {"orderBy": "createdAt", "orderMode": "desc"}).json()
    assert newest_first["messages"] == messages[::-1]
    page_two = get(teamwork, path, {"pageSize": 2, "page": 2}).json()
    assert page_two["messages"] == messages[2:4]
    assert page_two["meta"]["page"]["pageOffset"] == 1


def test_single_message_and_the_global_list(teamwork: VendorClient) -> None:
    first = get(teamwork, "/messages.json", {"pageSize": 5}).json()
    assert list(first) == ["included", "messages", "meta", "pagination"]
    ids = [m["id"] for m in first["messages"]]
    assert ids == sorted(ids)
    for message in first["messages"]:
        one = get(teamwork, f"/messages/{message['id']}.json").json()
        assert one == {"included": {}, "message": message}
    customer = next(m for m in first["messages"] if by_customer(m))
    detailed = get(teamwork, f"/messages/{customer['id']}.json", {"includes": "all"}).json()
    assert sorted(detailed["included"]) == ["contacts", "customers", "files", "users"]
    (contact,) = detailed["included"]["contacts"]
    assert contact["id"] == customer["contact"]["id"]
    assert detailed["included"]["customers"][0]["id"] == customer["createdBy"]["id"]


@pytest.mark.mockdesk(rate_limits={"teamwork": "off"})
def test_side_loaded_messages_carry_their_bodies(teamwork: VendorClient) -> None:
    """The SDK read 97 of 97 side-loaded messages as empty before: each now has a body."""
    body = get(teamwork, "/tickets.json", {"includes": "messages", "pageSize": 30}).json()
    loaded = body["included"]["messages"]
    assert len(loaded) == sum(t["messageCount"] for t in body["tickets"])
    for message in loaded:
        assert message["htmlBody"].startswith("<p>")
        assert message == get(teamwork, f"/messages/{message['id']}.json").json()["message"]


def test_unknown_ticket_or_message_is_go_404(teamwork: VendorClient) -> None:
    for path in ("/tickets/1/messages.json", "/tickets/x/messages.json", "/messages/1.json"):
        response = get(teamwork, path)
        assert response.status_code == 404 and response.content == NOT_FOUND, path
    assert get(teamwork, "/tickets/1/messages.json", headers={}).status_code == 401


def test_thread_type_filter_takes_the_name_or_the_number(teamwork: VendorClient) -> None:
    named = get(teamwork, "/messages.json", {"filter": '{"threadType":"note"}', "pageSize": 100})
    numbered = get(teamwork, "/messages.json", {"filter": '{"threadType":3}', "pageSize": 100})
    assert named.status_code == numbered.status_code == 200
    notes = named.json()["messages"]
    assert notes and notes == numbered.json()["messages"]
    assert all(m["threadType"] == "note" and m["createdBy"]["type"] == "users" for m in notes)
    bad = get(teamwork, "/messages.json", {"filter": '{"threadType":true}'})
    assert bad.json() == {"errors": {"filter.threadType.$eq": ["must be a string"]}}


def test_conversations_agree_with_their_tickets(teamwork: VendorClient) -> None:
    tickets = teamwork.everything()
    by_ticket = threads(teamwork)
    assert sum(map(len, by_ticket.values())) == sum(t["messageCount"] for t in tickets)
    openings = set()
    for ticket in tickets:
        thread = by_ticket[ticket["id"]]
        where = f"ticket {ticket['id']} (status {ticket['status']['id']})"
        assert [m["id"] for m in thread] == [r["id"] for r in ticket["messages"]], where
        times = [moment(m["createdAt"]) for m in thread]
        assert times == sorted(times) and len(set(times)) == len(times), where  # strictly up
        assert thread[0]["createdAt"] == ticket["createdAt"], where
        assert all(m["createdAt"] < EPOCH for m in thread), where
        assert thread[-1]["createdAt"] <= ticket["updatedAt"] < EPOCH, where
        opening = thread[0]
        assert by_customer(opening) and opening["threadType"] == "message", where
        assert opening["cc"] == ticket["cc"], where
        assert ticket["previewText"] == " ".join(opening["textBody"].split())[:100], where
        openings.add(opening["textBody"])
        assert thread[-1]["status"]["id"] == ticket["status"]["id"], where
        agent = ticket["agent"]["id"] if ticket["agent"] else None
        for n, message in enumerate(thread):
            assert words(html.unescape(re.sub(r"<[^>]+>", " ", message["htmlBody"]))) == words(
                message["textBody"]
            ), where
            if by_customer(message):
                assert message["createdBy"] == message["customer"] == ticket["customer"]
                assert (
                    message["contact"] == ticket["contact"] and message["threadType"] == "message"
                )
                assert message["emailMessageId"].startswith("<")
                assert message["viewedByCustomerAt"] is None
            else:
                assert message["createdBy"] == {"id": agent, "type": "users"}, where
                assert message["contact"] is None and message["customer"] is None
                if message["threadType"] == "note":
                    assert message["emailMessageId"] == "" and message["viewedByCustomerAt"] is None
            viewed = message["viewedByCustomerAt"]
            if viewed is not None:
                later = [m["createdAt"] for m in thread[n + 1 :] if by_customer(m)]
                assert message["createdAt"] < viewed < (later[0] if later else EPOCH), where
        spoken = [m for m in thread if m["threadType"] == "message"]
        replies = [m for m in spoken if not by_customer(m)]
        status = ticket["status"]["id"]
        if status == 1:  # new: support has not answered
            assert not replies, where
        elif status == 2:  # active: the customer wrote last
            assert replies and by_customer(spoken[-1]), where
        elif status in (3, 4):  # waiting on the customer (a question), on hold (an update)
            assert not by_customer(spoken[-1]), where
        if status == 3:
            assert "?" in spoken[-1]["textBody"], where
        if status in (5, 6):  # the resolution, maybe the customer's thanks after it
            assert replies and (not by_customer(spoken[-1]) or not by_customer(spoken[-2])), where
        first_reply = next((moment(m["createdAt"]) for m in replies), None)
        minutes = (first_reply - times[0]).total_seconds() // 60 if first_reply else 0
        assert ticket["responseTimeMins"] == minutes, where
    assert len(openings) >= 0.95 * len(tickets)  # 250 tickets do not read as duplicates


def test_same_seed_same_bytes_other_seed_other_text(server: ServerUnderTest) -> None:
    teamwork = VendorClient.of("teamwork", server.url)
    query = {"pageSize": 100, "page": 2, "includes": "all"}
    first = get(teamwork, "/messages.json", query).content
    server.reset(0)
    assert get(teamwork, "/messages.json", query).content == first
    server.reset(7)
    other = get(teamwork, "/messages.json", query)
    assert other.status_code == 200 and other.content != first


@pytest.mark.parametrize("field", ["createdAt", "updatedAt", "id"])
def test_order_by_on_the_global_list(teamwork: VendorClient, field: str) -> None:
    body = get(teamwork, "/messages.json", {"orderBy": field, "orderMode": "desc"}).json()
    keys = [(m[field], m["id"]) for m in body["messages"]]
    assert keys == sorted(keys, reverse=True)
    assert json.loads(json.dumps(body))["pagination"]["records"] > 250
