"""HostUp helpers: the shared vendor client on the server under test, the golden bodies, and
the RFC 9457 problem checks every refusal goes through."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import requests

from tests.support.server import ServerUnderTest
from tests.support.vendor_client import NOSCOPE_TOKEN, Goldens, VendorClient

GOLDENS = Goldens.beside(__file__)
TICKETS = "/api/v2/support/tickets"
DEPARTMENTS = "/api/v2/support/departments"
NOSCOPE = NOSCOPE_TOKEN
UNLIMITED = pytest.mark.mockdesk(rate_limits={"hostup": "off"})
REQUEST_ID = re.compile(r"req_[0-9a-hjkmnp-tv-z]{26}")
PROBLEM_KEYS = ["type", "title", "status", "detail", "code", "instance", "requestId", "timestamp"]


def hostup_at(url: str) -> VendorClient:
    return VendorClient.of("hostup", url)


@pytest.fixture
def hostup(server: ServerUnderTest) -> VendorClient:
    return hostup_at(server.url)


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
