"""Who may call, with which version header, how often, and what the refusals look like."""

from __future__ import annotations

import time

import pytest

from mockdesk.core.auth import Principal
from tests.support.server import ServerUnderTest
from tests.support.vendor_client import NOSCOPE_TOKEN
from tests.vendors.nextcommerce.conftest import GOLDENS, LIST, NO_LIMIT, Client


def bearer(client: Client) -> dict[str, str]:
    """The demo credentials without the version header."""
    return {"Authorization": client.headers["Authorization"]}


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic bW9ja2Rlc2sta2V5Og=="}],
    ids=["missing", "unknown-token", "basic"],
)
def test_401_without_a_usable_token(nextcommerce: Client, headers) -> None:
    response = nextcommerce.get(LIST, headers=headers)
    GOLDENS.assert_body(response, "401.json", 401)
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.headers["Content-Type"] == "application/json"


def test_403_for_a_token_without_tickets_read(nextcommerce: Client) -> None:
    headers = nextcommerce.headers_with_token(NOSCOPE_TOKEN)
    for path in (LIST, LIST + "1/"):
        response = nextcommerce.get(path, headers=headers)
        GOLDENS.assert_body(response, "403.json", 403)


@pytest.mark.mockdesk(rate_limits=NO_LIMIT)
@pytest.mark.parametrize("version", [None, "2023-02-10", "2024-04-01", "unstable"])
def test_known_versions_and_no_version_are_served_alike(nextcommerce: Client, version) -> None:
    headers = bearer(nextcommerce)
    if version is not None:
        headers["X-29Next-Api-Version"] = version
    response = nextcommerce.get(LIST, headers=headers)
    assert response.status_code == 200
    assert response.json() == nextcommerce.get(LIST).json()


@pytest.mark.parametrize("version", ["2025-01-01", "", "UNSTABLE", "v1"])
def test_an_unknown_version_is_406(nextcommerce: Client, version) -> None:
    response = nextcommerce.get(
        LIST, headers={**bearer(nextcommerce), "X-29next-API-Version": version}
    )
    GOLDENS.assert_body(response, "406.json", 406)


def test_the_version_is_checked_before_the_credentials(nextcommerce: Client) -> None:
    response = nextcommerce.get(LIST, headers={"X-29next-API-Version": "nope"})
    GOLDENS.assert_body(response, "406.json", 406)


@pytest.mark.mockdesk(rate_limits=NO_LIMIT)
@pytest.mark.parametrize("ticket_id", ["1", "abc", "99999999"])
def test_detail_of_an_unknown_ticket_is_404(nextcommerce: Client, ticket_id) -> None:
    response = nextcommerce.get(f"{LIST}{ticket_id}/")
    GOLDENS.assert_body(response, "not_found.json", 404)


def test_throttle_after_four_requests_a_second(nextcommerce: Client) -> None:
    statuses = [nextcommerce.get(LIST, {"limit": 1}) for _ in range(5)]
    assert [r.status_code for r in statuses[:4]] == [200] * 4
    refused = statuses[4]
    GOLDENS.assert_body(refused, "429.json", 429)
    assert refused.headers["Retry-After"] == "1"
    assert not [h for h in refused.headers if h.lower().startswith("x-ratelimit")]
    assert "Retry-After" not in statuses[0].headers
    time.sleep(1.05)
    assert nextcommerce.get(LIST, {"limit": 1}).status_code == 200


def test_refused_credentials_do_not_count_against_the_throttle(nextcommerce: Client) -> None:
    for _ in range(6):
        nextcommerce.get(LIST, headers=nextcommerce.headers_with_token(NOSCOPE_TOKEN))
        nextcommerce.get(LIST, headers={})
    assert [nextcommerce.get(LIST).status_code for _ in range(4)] == [200] * 4


def test_the_throttle_is_per_token(server: ServerUnderTest, nextcommerce: Client) -> None:
    for _ in range(4):
        nextcommerce.get(LIST)
    assert nextcommerce.get(LIST).status_code == 429
    other = server.in_process().state.credentials.issue(
        Principal("another-client", frozenset()), 60, ["*"]
    )
    assert nextcommerce.get(LIST, headers={"Authorization": f"Bearer {other}"}).ok


@pytest.mark.mockdesk(rate_limits={"29next": "1/minute"})
def test_a_longer_window_is_worded_in_seconds(nextcommerce: Client) -> None:
    nextcommerce.get(LIST)
    refused = nextcommerce.get(LIST)
    wait = int(refused.headers["Retry-After"])
    assert 1 < wait <= 60
    expected = f"Request was throttled. Expected available in {wait} seconds."
    assert refused.json() == {"detail": expected}


def test_wrong_method_is_a_drf_405(nextcommerce: Client) -> None:
    response = nextcommerce.request("POST", LIST)
    assert response.status_code == 405
    assert response.content == b'{"detail":"Method \\"POST\\" not allowed."}'
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"


def test_unknown_admin_paths_get_djangos_404_page(nextcommerce: Client) -> None:
    response = nextcommerce.get("/api/admin/nothing/")
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "<h1>Not Found</h1>" in response.text
