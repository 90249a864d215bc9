"""Opaque cursors: a full walk, binding to the filters, tampering, other seeds, determinism."""

from __future__ import annotations

import pytest

from mockdesk import create_app
from mockdesk.settings import Settings
from tests.support.server import ServerUnderTest
from tests.support.vendor_client import VendorClient
from tests.vendors.hostup.conftest import TICKETS


def first_cursor(hostup: VendorClient, **params: str) -> str:
    body = hostup.get(TICKETS, {"limit": 5, **params}).json()
    assert body["hasMore"]
    return body["nextCursor"]


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
