"""Refusals as Teamwork's Go services write them: the middleware's 401 text, the empty 429,
the 405, and the rate-limit headers on every admitted response."""

from __future__ import annotations

import base64

import pytest

from tests.support.vendor_client import VendorClient
from tests.vendors.teamwork.conftest import BASE, GOLDENS, get


def test_rate_limit_headers_on_every_admitted_response(teamwork: VendorClient) -> None:
    ok = get(teamwork, "/tickets.json")
    bad = get(teamwork, "/tickets.json", {"page": "x"})
    assert ok.headers["X-Rate-Limit-Limit"] == "120"
    assert ok.headers["X-Rate-Limit-Remaining"] == "119"
    assert bad.headers["X-Rate-Limit-Remaining"] == "118"
    assert 0 < int(ok.headers["X-Rate-Limit-Reset"]) <= 60


@pytest.mark.mockdesk(rate_limits={"teamwork": "2/minute"})
def test_429_has_an_empty_body(teamwork: VendorClient) -> None:
    for _ in range(2):
        assert get(teamwork, "/tickets.json").status_code == 200
    limited = get(teamwork, "/tickets.json")
    assert limited.status_code == 429 and limited.content == b""
    assert limited.headers["X-Rate-Limit-Remaining"] == "0"
    assert "Retry-After" not in limited.headers


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer nope"}])
def test_401_is_the_go_middleware_text(teamwork: VendorClient, headers: dict[str, str]) -> None:
    response = get(teamwork, "/tickets.json", headers=headers)
    GOLDENS.assert_body(response, "401.txt", 401)
    assert response.headers["WWW-Authenticate"] == 'Basic realm="Restricted"'
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"


def test_basic_with_the_api_key_as_username(teamwork: VendorClient) -> None:
    token = base64.b64encode(b"mockdesk-token:x").decode()
    assert get(teamwork, "/tickets.json", headers={"Authorization": f"Basic {token}"}).ok


def test_wrong_method_is_405(teamwork: VendorClient) -> None:
    response = teamwork.request("DELETE", f"{BASE}/tickets.json")
    assert response.status_code == 405 and "GET" in response.headers["Allow"]
