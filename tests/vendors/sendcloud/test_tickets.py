"""GET /api/v3/dsf/tickets and /{id}: envelope, filters, bounds, error bodies (real server)."""

from __future__ import annotations

import math
from datetime import datetime

import pytest

from mockdesk.vendors.sendcloud.data import STAGE_OF_STATUS
from tests.support.server import ServerUnderTest
from tests.vendors.sendcloud.conftest import GOLDENS, Sendcloud

# The key order of the seed's example ticket (id 42), which clients may print or diff.
SEED_TICKET_KEYS = [
    "id", "status", "stage", "type", "parcel_id", "carrier", "order_number", "brand_id",
    "created_at", "updated_at", "requested_actions", "resolution",
]  # fmt: skip


def test_default_page_is_fifteen_newest_first(client: Sendcloud) -> None:
    body = client.tickets().json()
    assert (body["total"], body["page"], body["size"]) == (250, 1, 15)
    assert body["pages"] == math.ceil(250 / 15)
    assert list(body) == ["total", "page", "pages", "size", "items"]
    created = [datetime.fromisoformat(t["created_at"]) for t in body["items"]]
    assert len(created) == 15 and created == sorted(created, reverse=True)


def test_tickets_have_the_seed_shape_and_coherent_fields(client: Sendcloud) -> None:
    items = client.tickets(size=20, page=3).json()["items"]
    for ticket in items:
        assert list(ticket) == SEED_TICKET_KEYS
        assert ticket["created_at"].endswith("+00:00")
        assert ticket["stage"] == STAGE_OF_STATUS[ticket["status"]]
        assert bool(ticket["requested_actions"]) <= (ticket["stage"] == "action_required")
        solved = ticket["stage"] in ("manually_solved_stage", "solved_by_automation_stage")
        assert (ticket["resolution"] is not None) == solved


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


def test_a_page_past_the_last_is_empty_not_an_error(client: Sendcloud) -> None:
    body = client.tickets(page=99, size=20).json()
    assert (body["items"], body["total"], body["pages"]) == ([], 250, 13)


def test_nothing_matching_gives_zero_pages(client: Sendcloud) -> None:
    body = client.tickets(carrier="no-such-carrier").json()
    assert (body["total"], body["pages"], body["items"]) == (0, 0, [])


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


def test_missing_credentials(client: Sendcloud) -> None:
    response = client.tickets(headers={})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Basic realm="api"'
    GOLDENS.assert_body(response, "no_credentials.json")


@pytest.mark.parametrize(
    "authorization",
    ["Basic bW9ja2Rlc2sta2V5Ondyb25n", "Basic !!!", "Bearer not-a-token", "Token x"],
)
def test_wrong_credentials(client: Sendcloud, authorization: str) -> None:
    response = client.tickets(headers={"Authorization": authorization})
    GOLDENS.assert_body(response, "bad_credentials.json", 401)


def test_detail_matches_the_list_item(client: Sendcloud) -> None:
    item = client.tickets(size=5).json()["items"][4]
    response = client.get(f"/api/v3/dsf/tickets/{item['id']}")
    assert response.status_code == 200
    assert response.json() == item


def test_unknown_ticket_is_404(client: Sendcloud) -> None:
    GOLDENS.assert_body(client.get("/api/v3/dsf/tickets/1"), "ticket_not_found.json", 404)


def test_unknown_path_and_wrong_method_use_the_errors_envelope(client: Sendcloud) -> None:
    missing = client.get("/api/v3/dsf/nothing-here", headers={})
    assert missing.status_code == 404
    assert missing.json()["errors"][0]["code"] == "not_found"
    wrong = client.request("DELETE", "/api/v3/dsf/tickets", headers={})
    assert wrong.status_code == 405
    assert "GET" in wrong.headers["Allow"]
    assert wrong.json()["errors"][0]["status"] == 405


def test_thirty_requests_a_minute_then_the_seed_429(client: Sendcloud) -> None:
    for _ in range(30):
        assert client.tickets(size=1).status_code == 200
    response = client.tickets(size=1)
    GOLDENS.assert_body(response, "rate_limited.json", 429)
    assert not [h for h in response.headers if "ratelimit" in h.lower() or h == "Retry-After"]


@pytest.mark.mockdesk(rate_limits={"sendcloud": "2/minute"})
def test_rate_limit_is_per_credential_and_quoted_in_the_429(client: Sendcloud) -> None:
    client.tickets(size=1)
    client.tickets(size=1)
    limited = client.tickets(size=1)
    assert limited.json()["errors"][0]["detail"] == "Rate limit exceeded: 2 per 1 minute"
    bearer = {"Authorization": "Bearer mockdesk-token"}  # the same server's other credential
    assert client.tickets(headers=bearer, size=1).status_code == 200


def test_an_injected_429_quotes_the_configured_limit(
    server: ServerUnderTest, client: Sendcloud
) -> None:
    server.add_fault("rate_limited", vendor="sendcloud")
    GOLDENS.assert_body(client.tickets(), "rate_limited.json", 429)
