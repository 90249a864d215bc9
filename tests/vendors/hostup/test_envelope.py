"""The list envelope (summaries in the seed's shape, newest first), its cursors, and the
detail body."""

from __future__ import annotations

import re

import pytest

from mockdesk import create_app
from mockdesk.core.paging.cursor import Position
from mockdesk.settings import Settings
from tests.support.server import ServerUnderTest
from tests.support.vendor_client import VendorClient
from tests.vendors.hostup.conftest import GOLDENS, TICKETS, UNLIMITED

SUMMARY_KEYS = list(GOLDENS.json("list_example.json")["data"][0])
TICKET_ID = re.compile(r"tkt_[0-9a-hjkmnp-tv-z]{26}")
ISO_MS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
LAST_SENDER = {"answered": {"staff"}, "customer_reply": {"customer"}, "open": {"customer"}}


def first_cursor(hostup: VendorClient, **params: str) -> str:
    body = hostup.get(TICKETS, {"limit": 5, **params}).json()
    assert body["hasMore"]
    return body["nextCursor"]


def test_default_page_has_twenty_summaries_in_the_seed_shape(hostup: VendorClient) -> None:
    response = hostup.get(TICKETS)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    body = response.json()
    assert list(body) == ["data", "hasMore", "nextCursor"]
    assert len(body["data"]) == 20 and body["hasMore"] is True
    for ticket in body["data"]:
        assert list(ticket) == SUMMARY_KEYS  # no body, attachments or messages
        assert TICKET_ID.fullmatch(ticket["id"])
        assert ticket["number"].isdigit()
        assert ISO_MS.fullmatch(ticket["createdAt"])
        assert isinstance(ticket["messageCount"], int) and ticket["messageCount"] >= 1
        for service in ticket["linkedServices"]:
            assert list(service) == ["serviceType", "serviceId", "serviceName", "details"]


def test_newest_first(hostup: VendorClient) -> None:
    created = [t["createdAt"] for t in hostup.walk()]
    assert len(created) == 250
    assert created == sorted(created, reverse=True)


def test_walk_yields_every_ticket_once_in_order(hostup: VendorClient) -> None:
    walked = [t["id"] for t in hostup.walk(size=7)]
    assert len(walked) == len(set(walked)) == 250
    assert walked == [t["id"] for t in hostup.walk(size=100)]


def test_changing_limit_between_pages_is_allowed(hostup: VendorClient) -> None:
    everything = [t["id"] for t in hostup.walk()]
    cursor = first_cursor(hostup)
    body = hostup.get(TICKETS, {"limit": 3, "cursor": cursor}).json()
    assert [t["id"] for t in body["data"]] == everything[5:8]


@pytest.mark.parametrize(
    ("minted", "reused"),
    [
        ({}, {"status": "closed"}),
        ({"status": "closed"}, {}),
        ({"status": "closed"}, {"status": "answered"}),
        ({"departmentSlug": "vps"}, {"departmentSlug": "billing"}),
        ({"status": "closed"}, {"status": "closed", "departmentSlug": "vps"}),
    ],
)
def test_a_cursor_only_fits_the_filters_it_came_from(
    hostup: VendorClient, minted: dict[str, str], reused: dict[str, str]
) -> None:
    cursor = first_cursor(hostup, **minted)
    response = hostup.get(TICKETS, {"cursor": cursor, **reused})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_cursor"
    assert hostup.get(TICKETS, {"cursor": cursor, **minted}).status_code == 200


def test_tampered_cursors_are_invalid(hostup: VendorClient) -> None:
    cursor = first_cursor(hostup)
    body, signature = cursor.split(".")
    flipped = body[:10] + ("A" if body[10] != "A" else "B") + body[11:]
    for bad in (f"{flipped}.{signature}", cursor[:-2], body, "", "..", "é", cursor + "x"):
        response = hostup.get(TICKETS, {"cursor": bad})
        assert response.status_code == 400, bad
        assert response.json()["code"] == "invalid_cursor"


def test_a_cursor_from_another_seed_is_foreign(
    hostup: VendorClient, server: ServerUnderTest
) -> None:
    cursor = first_cursor(hostup)
    server.reset(seed=1)
    assert hostup.get(TICKETS, {"cursor": cursor}).json()["code"] == "invalid_cursor"


def test_same_seed_same_pages_and_cursors_in_another_app(hostup: VendorClient) -> None:
    other = create_app(Settings(vendors=("hostup",))).test_client()
    params = {"limit": 10, "status": "closed"}
    here = hostup.get(TICKETS, params).json()
    there = other.get(TICKETS, query_string=params, headers=hostup.headers)
    assert there.json == here


@UNLIMITED
def test_detail_by_id_and_by_number_agree_with_the_summary(hostup: VendorClient) -> None:
    for summary in hostup.get(TICKETS, {"limit": 100}).json()["data"]:
        by_id = hostup.get(f"{TICKETS}/{summary['id']}")
        assert by_id.status_code == 200
        detail = by_id.json()
        assert hostup.get(f"{TICKETS}/{summary['number']}").json() == detail
        assert list(detail) == [*summary, "body", "attachments", "messages"]
        assert {k: detail[k] for k in summary} == summary
        messages = detail["messages"]
        assert detail["messageCount"] == len(messages)
        assert messages[0]["body"] == detail["body"]
        assert messages[-1]["sentAt"] == detail["lastMessageAt"]
        assert [m["sentAt"] for m in messages] == sorted(m["sentAt"] for m in messages)
        assert {m["sender"] for m in messages} <= {"customer", "staff", "automation"}
        assert all(m["ticketId"] == detail["id"] for m in messages)
        assert messages[-1]["sender"] in LAST_SENDER.get(
            detail["status"], {"customer", "staff", "automation"}
        )
        if detail["status"] == "open":
            assert {m["sender"] for m in messages} == {"customer"}
        assert detail["attachments"] == [a for m in messages for a in m["attachments"]]


@UNLIMITED
def test_attachments_link_back_to_this_server(hostup: VendorClient) -> None:
    attachments = [
        a
        for t in hostup.walk()
        for a in hostup.get(f"{TICKETS}/{t['id']}").json()["attachments"]
        if t["messageCount"] > 2
    ]
    assert attachments
    for attachment in attachments:
        assert attachment["id"].startswith("tatt_")
        assert attachment["downloadUrl"].startswith(f"{hostup.url}/api/v2/support/attachments/")
        assert "?ticketId=tkt_" in attachment["downloadUrl"]


def test_a_signed_cursor_carrying_a_huge_number_is_invalid_not_a_crash(
    hostup: VendorClient,
) -> None:
    """A well-signed cursor whose key does not fit a float (the seed's secret can be derived,
    so one can be minted) is ``invalid_cursor``: it once raised OverflowError, a 500."""
    app = create_app(Settings(vendors=("hostup",), rate_limits={"hostup": "off"}))
    codec = app.extensions["mockdesk"].datasets["hostup"].catalog.cursors
    client = app.test_client()
    for key in ([10**400, 1], [-(10**400), 1], [1e308, 10**400], [1e308, 1]):
        cursor = codec.encode(Position(key), {})
        response = client.get(TICKETS, query_string={"cursor": cursor}, headers=hostup.headers)
        if key[0] == 1e308:  # a number, then an int id key: past every ticket, an empty page
            assert response.status_code == 200 and response.json["data"] == [], key
            continue
        assert response.status_code == 400, key
        assert response.json["code"] == "invalid_cursor"
