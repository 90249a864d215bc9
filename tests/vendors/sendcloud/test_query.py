"""The list's parameters: exact filters, inclusive date bounds, size and page bounds, and one
400 error entry per bad parameter."""

from __future__ import annotations

import pytest

from tests.vendors.sendcloud.conftest import GOLDENS, Sendcloud


@pytest.mark.parametrize("name", ["status", "carrier", "parcel_id"])
def test_exact_filters_select_only_matching_tickets(client: Sendcloud, name: str) -> None:
    wanted = client.tickets(size=1).json()["items"][0][name]
    body = client.tickets(size=20, **{name: wanted}).json()
    assert body["total"] >= 1
    assert all(t[name] == wanted for t in body["items"])


def test_date_bounds_are_inclusive(client: Sendcloud) -> None:
    moment = client.tickets(size=1, page=10).json()["items"][0]["created_at"]
    after = client.tickets(size=20, created_after=moment).json()
    before = client.tickets(size=20, created_before=moment).json()
    assert after["total"] + before["total"] == 250 + 1  # the ticket at `moment` is in both
    assert moment in [t["created_at"] for t in after["items"]][-1:]


def test_invalid_status_is_the_seed_example_byte_for_byte(client: Sendcloud) -> None:
    GOLDENS.assert_body(client.tickets(status="invalid_value"), "bad_request_status.json", 400)


@pytest.mark.parametrize(
    ("params", "details"),
    [
        ({"size": "21"}, ["Invalid size: 21"]),
        ({"size": "0"}, ["Invalid size: 0"]),
        ({"page": "0"}, ["Invalid page: 0"]),
        ({"page": "1.5"}, ["Invalid page: 1.5"]),
        ({"parcel_id": "abc"}, ["Invalid parcel_id: abc"]),
        ({"created_after": "yesterday"}, ["Invalid created_after: yesterday"]),
        ({"size": "99", "status": "nope"}, ["Invalid size: 99", "Invalid status: nope"]),
    ],
)
def test_every_bad_parameter_is_one_error_entry(
    client: Sendcloud, params: dict[str, str], details: list[str]
) -> None:
    response = client.tickets(**params)
    assert response.status_code == 400
    assert [e["detail"] for e in response.json()["errors"]] == details


def test_bounds_themselves_are_accepted(client: Sendcloud) -> None:
    assert client.tickets(size=20, page=1).status_code == 200
    assert client.tickets(size=1).json()["pages"] == 250
