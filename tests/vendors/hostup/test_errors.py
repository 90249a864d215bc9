"""Refusals as RFC 9457 problems in HostUp's shape: 401, 403, 404, 405, 429 and 500, the
rate-limit headers, and the published examples."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import requests

from tests.support.server import ServerUnderTest
from tests.support.vendor_client import VendorClient
from tests.vendors.hostup.conftest import (
    GOLDENS,
    NOSCOPE,
    TICKETS,
    assert_problem,
    masked,
    parse_time,
)


@pytest.mark.parametrize("token", [None, "wrong", ""])
def test_unauthorized_matches_the_published_example(
    hostup: VendorClient, token: str | None
) -> None:
    headers = {} if token is None else {"Authorization": f"Bearer {token}"}
    response = requests.get(hostup.url + TICKETS, headers=headers, timeout=10)
    body = assert_problem(response, 401, "unauthorized")
    assert masked(body) == GOLDENS.json("unauthorized.json")
    assert "X-RateLimit-Limit" not in response.headers  # not admitted: nobody to count


def test_invalid_cursor_matches_the_published_example(hostup: VendorClient) -> None:
    body = assert_problem(hostup.get(TICKETS, {"cursor": "abc"}), 400, "invalid_cursor")
    assert masked(body, instance="/api/v2/...") == GOLDENS.json("invalid_cursor.json")


def test_request_ids_differ(hostup: VendorClient) -> None:
    ids = {
        hostup.get(TICKETS, headers=hostup.headers_with_token(None)).json()["requestId"]
        for _ in range(3)
    }
    assert len(ids) == 3


def test_missing_scope_is_forbidden(hostup: VendorClient) -> None:
    body = assert_problem(
        hostup.get(TICKETS, headers=hostup.headers_with_token(NOSCOPE)), 403, "forbidden"
    )
    assert body["title"] == "Forbidden"
    assert body["detail"] == "Missing required scope: read:support"


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


def test_unknown_path_and_wrong_method(hostup: VendorClient) -> None:
    body = assert_problem(hostup.get("/api/v2/support/nothing"), 404, "not_found")
    assert body["instance"] == "/api/v2/support/nothing"
    response = requests.delete(hostup.url + TICKETS, timeout=10)
    assert_problem(response, 405, "method_not_allowed")
    assert "GET" in response.headers["Allow"]


def test_internal_error(hostup: VendorClient, server: ServerUnderTest) -> None:
    server.add_fault("internal", vendor="hostup")
    body = assert_problem(hostup.get(TICKETS), 500, "internal_error")
    assert body["title"] == "Internal server error"
    assert hostup.get(TICKETS).status_code == 200


def test_rate_limit_headers_on_every_admitted_response(hostup: VendorClient) -> None:
    for remaining, path in zip(
        (59, 58, 57), (TICKETS, f"{TICKETS}/1", "/api/v2/support/departments"), strict=True
    ):
        response = hostup.get(path)
        assert response.headers["X-RateLimit-Limit"] == "60"
        assert response.headers["X-RateLimit-Remaining"] == str(remaining)
        reset = parse_time(response.headers["X-RateLimit-Reset"])
        assert datetime.now(UTC) < reset <= datetime.now(UTC) + timedelta(seconds=61)
        assert "Retry-After" not in response.headers


@pytest.mark.mockdesk(rate_limits={"hostup": "3/minute"})
def test_rate_limited_after_the_limit(hostup: VendorClient) -> None:
    for _ in range(3):
        assert hostup.get(TICKETS).status_code == 200
    response = hostup.get(TICKETS)
    body = assert_problem(response, 429, "rate_limited")
    assert body["title"] == "Rate limit exceeded"
    assert response.headers["X-RateLimit-Limit"] == "3"
    assert response.headers["X-RateLimit-Remaining"] == "0"
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    parse_time(response.headers["X-RateLimit-Reset"])
    assert (
        hostup.get(TICKETS, headers=hostup.headers_with_token(NOSCOPE)).status_code == 403
    )  # per key: another key is fine
