"""Refusals in Sendcloud's errors envelope: 401, 404, 405 and the 429 of the rate limit,
byte for byte against the goldens where the seed prints them."""

from __future__ import annotations

import pytest

from tests.support.server import ServerUnderTest
from tests.vendors.sendcloud.conftest import GOLDENS, Sendcloud


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
