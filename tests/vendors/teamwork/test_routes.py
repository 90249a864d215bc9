"""Messages over a real server: ``/tickets/{id}/messages.json``, ``/messages.json`` and
``/messages/{id}.json`` in desksdkgo's shapes.

The SDK reads a message's body only from ``htmlBody`` (``models/message.go``
``UnmarshalJSON``)."""

from __future__ import annotations

import json

import pytest

from tests.support.vendor_client import VendorClient
from tests.vendors.teamwork.conftest import NOT_FOUND, by_customer, conforms, get


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


@pytest.mark.parametrize("field", ["createdAt", "updatedAt", "id"])
def test_order_by_on_the_global_list(teamwork: VendorClient, field: str) -> None:
    body = get(teamwork, "/messages.json", {"orderBy": field, "orderMode": "desc"}).json()
    keys = [(m[field], m["id"]) for m in body["messages"]]
    assert keys == sorted(keys, reverse=True)
    assert json.loads(json.dumps(body))["pagination"]["records"] > 250
