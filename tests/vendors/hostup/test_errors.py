"""Problem documents for every failure, rate-limit headers, and the goldens from the docs."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import requests

from tests.support.server import ServerUnderTest
from tests.support.vendor_client import VendorClient
from tests.vendors.hostup.conftest import GOLDENS, NOSCOPE, TICKETS

REQUEST_ID = re.compile(r"req_[0-9a-hjkmnp-tv-z]{26}")
PROBLEM_KEYS = ["type", "title", "status", "detail", "code", "instance", "requestId", "timestamp"]


def parse_time(text: str) -> datetime:
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", text), text
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def assert_problem(response: requests.Response, status: int, code: str) -> dict:
    assert response.status_code == status
    assert response.headers["Content-Type"] == "application/problem+json"
    body = response.json()
    assert list(body)[:8] == PROBLEM_KEYS
    assert body["status"] == status and body["code"] == code
    assert body["type"] == f"https://developer.hostup.se/errors/{code}"
    assert REQUEST_ID.fullmatch(body["requestId"])
    assert abs(parse_time(body["timestamp"]) - datetime.now(UTC)) < timedelta(seconds=30)
    return body


def masked(body: dict, **keep: str) -> dict:
    return {**body, "requestId": "req_abc123", "timestamp": "2026-04-27T12:00:00.000Z", **keep}


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
