"""One ticket: by id or by number, with a conversation that agrees with the summary."""

from __future__ import annotations

import pytest

from tests.support.vendor_client import VendorClient
from tests.vendors.hostup.conftest import GOLDENS, NOSCOPE, TICKETS

UNLIMITED = pytest.mark.mockdesk(rate_limits={"hostup": "off"})
LAST_SENDER = {"answered": {"staff"}, "customer_reply": {"customer"}, "open": {"customer"}}


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


@pytest.mark.parametrize("ref", ["tkt_00000000000000000000000000", "1", "nonsense", "tkt_x"])
def test_unknown_ticket_is_a_not_found_problem(hostup: VendorClient, ref: str) -> None:
    response = hostup.get(f"{TICKETS}/{ref}")
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "not_found" and body["type"].endswith("/errors/not_found")
    assert body["instance"] == f"{TICKETS}/{ref}"


def test_detail_needs_read_support(hostup: VendorClient) -> None:
    ticket_id = GOLDENS.json("list_example.json")["data"][0]["id"]
    response = hostup.get(f"{TICKETS}/{ticket_id}", headers=hostup.headers_with_token(NOSCOPE))
    assert response.status_code == 403
    assert response.json()["detail"] == "Missing required scope: read:support"
