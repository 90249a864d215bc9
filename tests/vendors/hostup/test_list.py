"""The ticket list: the summary shape of the seed, filters, bounds and the departments."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mockdesk import create_app
from mockdesk.core.fixtures import FixtureError
from mockdesk.settings import Settings
from mockdesk.testing.live import LiveServer
from tests.support.vendor_client import VendorClient
from tests.vendors.hostup.conftest import DEPARTMENTS, GOLDENS, NOSCOPE, TICKETS, hostup_at

SUMMARY_KEYS = list(GOLDENS.json("list_example.json")["data"][0])
TICKET_ID = re.compile(r"tkt_[0-9a-hjkmnp-tv-z]{26}")
ISO_MS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


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


def test_linked_services_come_in_several_types_with_fitting_details(hostup: VendorClient) -> None:
    services = [s for t in hostup.walk() for s in t["linkedServices"]]
    kinds = {s["serviceType"] for s in services}
    assert {"vps", "hosting", "domain"} <= kinds
    for service in services:
        if service["details"] is None:
            continue
        prefix = {"vps": "vps_", "hosting": "acct_", "domain": "dom_"}[service["serviceType"]]
        assert service["serviceId"].startswith(prefix)
        if service["serviceType"] == "vps":
            assert set(service["details"]) == {"status", "planName", "ipAddress"}
        if service["serviceType"] == "hosting":
            assert service["details"]["hostname"] == service["serviceName"]


@pytest.mark.parametrize("limit", [1, 37, 100])
def test_limit_sets_the_page_size(hostup: VendorClient, limit: int) -> None:
    assert len(hostup.get(TICKETS, {"limit": limit}).json()["data"]) == limit


@pytest.mark.parametrize("status", ["open", "answered", "customer_reply", "closed"])
def test_status_filter(hostup: VendorClient, status: str) -> None:
    found = list(hostup.walk({"status": status}))
    assert found and all(t["status"] == status for t in found)


def test_department_filter_and_departments_are_exactly_the_slugs_in_use(
    hostup: VendorClient,
) -> None:
    response = hostup.get(DEPARTMENTS)
    assert response.status_code == 200
    departments = response.json()["departments"]
    assert all(list(d) == ["slug", "displayName", "description", "email"] for d in departments)
    used = {t["departmentSlug"] for t in hostup.walk()}
    assert {d["slug"] for d in departments} == used
    for department in departments:
        found = list(hostup.walk({"departmentSlug": department["slug"]}))
        assert found
        assert {t["departmentName"] for t in found} == {department["displayName"]}


def test_departments_need_read_account(hostup: VendorClient) -> None:
    response = hostup.get(DEPARTMENTS, headers=hostup.headers_with_token(NOSCOPE))
    assert response.status_code == 403
    assert response.json()["detail"] == "Missing required scope: read:account"


def test_departments_of_a_small_dataset_are_only_those_used() -> None:
    with LiveServer(Settings(vendors=("hostup",), tickets=2)) as server:
        client = hostup_at(server.url)
        listed = {d["slug"] for d in client.get(DEPARTMENTS).json()["departments"]}
        assert listed == {t["departmentSlug"] for t in client.walk()}
        unused = {"general-web-hosting", "domain-names", "vps", "billing", "sales"} - listed
        for slug in unused:
            assert client.get(TICKETS, {"departmentSlug": slug}).status_code == 400


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
