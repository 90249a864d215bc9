"""HostUp-only endpoints: ``/support/departments`` (and the list's department filter) and
``/support/attachments`` downloads."""

from __future__ import annotations

import re
import struct
import zlib
from typing import Any

import pytest
import requests

from mockdesk.settings import Settings
from mockdesk.testing.live import LiveServer
from tests.support.vendor_client import VendorClient
from tests.vendors.hostup.conftest import (
    DEPARTMENTS,
    GOLDENS,
    NOSCOPE,
    TICKETS,
    UNLIMITED,
    hostup_at,
)

ATTACHMENTS = "/api/v2/support/attachments"
DOC_ATTACHMENT = "tatt_01hxa3b4c5d6e7f8g9h0j1k2m3"  # the ids of HostUp's own examples
DOC_TICKET = "tkt_01hxa3b4c5d6e7f8g9h0j1k2m3"
VOLATILE = ("requestId", "timestamp")


def details(hostup: VendorClient, limit: int = 100) -> list[dict[str, Any]]:
    tickets = hostup.get(TICKETS, {"limit": limit}).json()["data"]
    return [hostup.get(f"{TICKETS}/{t['id']}").json() for t in tickets]


def every_attachment(ticket: dict[str, Any]) -> list[dict[str, Any]]:
    """The root list and every message's, which must be the same objects."""
    in_messages = [a for m in ticket["messages"] for a in m["attachments"]]
    assert ticket["attachments"] == in_messages
    return in_messages


def looks_like(content_type: str, body: bytes) -> None:
    """The file is what its type says: PNG chunks with good CRCs, a PDF with its trailer,
    UTF-8 text ending in a newline."""
    if content_type == "image/png":
        assert body.startswith(b"\x89PNG\r\n\x1a\n")
        position = 8
        while position < len(body):
            (size,) = struct.unpack(">I", body[position : position + 4])
            kind, data = body[position + 4 : position + 8], body[position + 8 : position + 8 + size]
            (crc,) = struct.unpack(">I", body[position + 8 + size : position + 12 + size])
            assert zlib.crc32(kind + data) & 0xFFFFFFFF == crc
            position += 12 + size
        assert position == len(body) and kind == b"IEND"
    elif content_type == "application/pdf":
        assert body.startswith(b"%PDF-1.4\n") and body.endswith(b"%%EOF\n")
        offset = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", body).group(1))
        assert body[offset:].startswith(b"xref\n")
        assert b"HostUp AB" in body
    else:
        assert content_type == "text/plain"
        assert body.endswith(b"\n")
        body.decode("utf-8")


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


@UNLIMITED
def test_every_download_url_answers_the_file_the_detail_describes(hostup: VendorClient) -> None:
    seen_types = set()
    for ticket in details(hostup):
        for attachment in every_attachment(ticket):
            response = hostup.get(attachment["downloadUrl"])
            assert response.status_code == 200, response.text[:300]
            assert response.headers["Content-Type"] == attachment["contentType"]
            assert int(response.headers["Content-Length"]) == attachment["byteLength"]
            assert len(response.content) == attachment["byteLength"]
            assert response.headers["Content-Disposition"] == (
                f'attachment; filename="{attachment["filename"]}"'
            )
            looks_like(attachment["contentType"], response.content)
            seen_types.add(attachment["contentType"])
    assert seen_types == {"image/png", "application/pdf", "text/plain"}


@UNLIMITED
def test_logs_end_before_the_message_that_carried_them(hostup: VendorClient) -> None:
    checked = 0
    for ticket in details(hostup):
        for message in ticket["messages"]:
            for attachment in message["attachments"]:
                if attachment["filename"] != "error.log":
                    continue
                text = hostup.get(attachment["downloadUrl"]).content.decode()
                stamps = re.findall(r"^(\d{4}/\d\d/\d\d \d\d:\d\d:\d\d)", text, re.M)
                assert stamps, text[:200]
                sent = message["sentAt"][:19].replace("-", "/").replace("T", " ")
                assert max(stamps) < sent
                checked += 1
    assert checked


@UNLIMITED
def test_the_same_seed_serves_the_same_bytes(hostup: VendorClient) -> None:
    attachment = next(a for t in details(hostup, 40) for a in t["attachments"])
    first = hostup.get(attachment["downloadUrl"])
    again = hostup.get(attachment["downloadUrl"])
    assert first.content == again.content
    head = hostup.request("HEAD", attachment["downloadUrl"])
    assert head.status_code == 200 and head.content == b""
    assert head.headers["Content-Length"] == str(attachment["byteLength"])


@UNLIMITED
def test_missing_ticket_id_is_the_documented_400(hostup: VendorClient) -> None:
    for query in ("", "?ticketId=", "?ticketid=" + DOC_TICKET):
        response = hostup.get(f"{ATTACHMENTS}/{DOC_ATTACHMENT}{query}")
        assert response.status_code == 400
        assert response.headers["Content-Type"] == "application/problem+json"
        body = response.json()
        assert re.fullmatch(r"req_[0-9a-hjkmnp-tv-z]{26}", body["requestId"])
        assert {k: v for k, v in body.items() if k not in VOLATILE} == GOLDENS.json(
            "attachment_missing_ticket_id.json"
        )


@UNLIMITED
@pytest.mark.parametrize("ticket_id", ["123", "tkt_", "TKT_01HXA3B4C5D6E7F8G9H0J1K2M3", "x"])
def test_malformed_ticket_id_is_a_400_naming_the_format(
    hostup: VendorClient, ticket_id: str
) -> None:
    response = hostup.get(f"{ATTACHMENTS}/{DOC_ATTACHMENT}", {"ticketId": ticket_id})
    assert response.status_code == 400
    body = response.json()
    assert body["title"] == "Invalid request" and body["code"] == "invalid_request"
    assert body["errors"] == [
        {
            "pointer": "?ticketId",
            "detail": "`ticketId` must be a support ticket ID (tkt_...).",
            "code": "invalid_format",
        }
    ]


@UNLIMITED
def test_unknown_attachment_or_ticket_is_the_documented_404(hostup: VendorClient) -> None:
    ticket = next(t for t in details(hostup, 40) if t["attachments"])
    other = next(t for t in details(hostup, 40) if t["id"] != ticket["id"])
    attachment = ticket["attachments"][0]["id"]
    cases = [
        (DOC_ATTACHMENT, DOC_TICKET),  # both unknown
        (DOC_ATTACHMENT, ticket["id"]),  # unknown attachment on a real ticket
        (attachment, DOC_TICKET),  # real attachment, unknown ticket
        (attachment, other["id"]),  # real attachment, another ticket's
        ("not-an-id", ticket["id"]),
    ]
    for attachment_id, ticket_id in cases:
        response = hostup.get(f"{ATTACHMENTS}/{attachment_id}", {"ticketId": ticket_id})
        assert response.status_code == 404, (attachment_id, ticket_id)
        body = response.json()
        expected = GOLDENS.json("attachment_not_found.json")
        expected["instance"] = f"{ATTACHMENTS}/{attachment_id}"
        assert {k: v for k, v in body.items() if k not in VOLATILE} == expected
    # the example of HostUp's errors page, instance aside
    response = hostup.get(f"{ATTACHMENTS}/{DOC_ATTACHMENT}", {"ticketId": DOC_TICKET})
    assert list(response.json()) == [
        "type", "title", "status", "detail", "code", "instance", "requestId", "timestamp"
    ]  # fmt: skip


def test_auth_and_scope_come_before_the_ticket_id(hostup: VendorClient) -> None:
    url = f"{ATTACHMENTS}/{DOC_ATTACHMENT}"
    unauthenticated = hostup.get(url, headers={})
    assert unauthenticated.status_code == 401
    assert unauthenticated.json()["code"] == "unauthorized"
    assert "X-RateLimit-Limit" not in unauthenticated.headers
    forbidden = hostup.get(url, headers=hostup.headers_with_token(NOSCOPE))
    assert forbidden.status_code == 403
    assert forbidden.json()["detail"] == "Missing required scope: read:support"


def test_downloads_share_the_ticket_endpoints_rate_limit(hostup: VendorClient) -> None:
    ticket = next(t for t in hostup.get(TICKETS, {"limit": 40}).json()["data"])
    detail = hostup.get(f"{TICKETS}/{ticket['id']}")
    remaining = int(detail.headers["X-RateLimit-Remaining"])
    url = f"{ATTACHMENTS}/{DOC_ATTACHMENT}?ticketId={ticket['id']}"
    statuses = []
    for _ in range(remaining + 1):
        response = hostup.get(url)
        statuses.append(response.status_code)
        assert "X-RateLimit-Reset" in response.headers
    assert statuses[:-1] == [404] * remaining and statuses[-1] == 429
    refused = hostup.get(f"{TICKETS}/{ticket['id']}")
    assert refused.status_code == 429 and "Retry-After" in refused.headers


def test_another_method_is_405(hostup: VendorClient) -> None:
    response = hostup.request("DELETE", f"{ATTACHMENTS}/{DOC_ATTACHMENT}")
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert "GET" in response.headers["Allow"]


@UNLIMITED
def test_links_follow_the_server_they_came_from(hostup: VendorClient) -> None:
    """``downloadUrl`` is absolute on the host the client used (here ``localhost``)."""
    local = hostup.url.replace("127.0.0.1", "localhost")
    summaries = requests.get(f"{local}{TICKETS}", headers=hostup.headers, timeout=10).json()
    links = []
    for summary in summaries["data"]:
        detail = requests.get(
            f"{local}{TICKETS}/{summary['id']}", headers=hostup.headers, timeout=10
        )
        links += [a["downloadUrl"] for a in detail.json()["attachments"]]
    assert links
    for link in links:
        assert link.startswith(f"{local}{ATTACHMENTS}/")
        assert requests.get(link, headers=hostup.headers, timeout=10).status_code == 200
