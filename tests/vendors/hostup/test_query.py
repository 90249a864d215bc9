"""The list's parameters: ``limit`` and ``status``, and the problems that point at a bad one."""

from __future__ import annotations

import pytest

from tests.support.vendor_client import VendorClient
from tests.vendors.hostup.conftest import TICKETS, assert_problem


@pytest.mark.parametrize("limit", [1, 37, 100])
def test_limit_sets_the_page_size(hostup: VendorClient, limit: int) -> None:
    assert len(hostup.get(TICKETS, {"limit": limit}).json()["data"]) == limit


@pytest.mark.parametrize("status", ["open", "answered", "customer_reply", "closed"])
def test_status_filter(hostup: VendorClient, status: str) -> None:
    found = list(hostup.walk({"status": status}))
    assert found and all(t["status"] == status for t in found)


@pytest.mark.parametrize(
    ("params", "pointers", "codes"),
    [
        ({"limit": "0"}, ["?limit"], ["out_of_range"]),
        ({"limit": "101"}, ["?limit"], ["out_of_range"]),
        ({"limit": "ten"}, ["?limit"], ["invalid_type"]),
        ({"status": "unknown"}, ["?status"], ["invalid_enum"]),
        ({"status": "Open"}, ["?status"], ["invalid_enum"]),
        ({"departmentSlug": "Billing"}, ["?departmentSlug"], ["unknown_department"]),
        ({"limit": "-1", "status": ""}, ["?limit", "?status"], ["out_of_range", "invalid_enum"]),
    ],
)
def test_query_errors_point_at_the_parameter(
    hostup: VendorClient, params: dict, pointers: list[str], codes: list[str]
) -> None:
    body = assert_problem(hostup.get(TICKETS, params), 400, "invalid_request")
    assert body["title"] == "Validation failed"
    assert body["instance"] == TICKETS
    assert [e["pointer"] for e in body["errors"]] == pointers
    assert [e["code"] for e in body["errors"]] == codes
    assert all(list(e) == ["pointer", "detail", "code"] for e in body["errors"])
    if len(pointers) == 1:
        assert body["detail"] == body["errors"][0]["detail"]


def test_limit_detail_quotes_the_bounds(hostup: VendorClient) -> None:
    body = hostup.get(TICKETS, {"limit": "500"}).json()
    assert body["errors"][0]["detail"] == "`limit` must be between 1 and 100."
