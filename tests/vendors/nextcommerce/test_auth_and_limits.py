"""Who may call, with which version header, how often, and what the refusals look like."""

from __future__ import annotations

import time

import pytest
import requests

from mockdesk.core.auth import Principal

from .helpers import AUTH, LIST, NO_LIMIT, get, golden

BEARER = {"Authorization": "Bearer mockdesk-token"}


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic bW9ja2Rlc2sta2V5Og=="}],
    ids=["missing", "unknown-token", "basic"],
)
def test_401_without_a_usable_token(mockdesk, headers) -> None:
    response = get(mockdesk.url + LIST, headers=headers)
    assert response.status_code == 401
    assert response.content == golden("401.json")
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.headers["Content-Type"] == "application/json"


def test_403_for_a_token_without_tickets_read(mockdesk) -> None:
    headers = {"Authorization": "Bearer mockdesk-token-noscope"}
    for path in (LIST, LIST + "1/"):
        response = get(mockdesk.url + path, headers=headers)
        assert (response.status_code, response.content) == (403, golden("403.json"))


@pytest.mark.mockdesk(rate_limits=NO_LIMIT)
@pytest.mark.parametrize("version", [None, "2023-02-10", "2024-04-01", "unstable"])
def test_known_versions_and_no_version_are_served_alike(mockdesk, version) -> None:
    headers = dict(BEARER) if version is None else {**BEARER, "X-29Next-Api-Version": version}
    response = get(mockdesk.url + LIST, headers=headers)
    assert response.status_code == 200
    assert response.json() == get(mockdesk.url + LIST).json()


@pytest.mark.parametrize("version", ["2025-01-01", "", "UNSTABLE", "v1"])
def test_an_unknown_version_is_406(mockdesk, version) -> None:
    response = get(mockdesk.url + LIST, headers={**BEARER, "X-29next-API-Version": version})
    assert (response.status_code, response.content) == (406, golden("406.json"))


def test_the_version_is_checked_before_the_credentials(mockdesk) -> None:
    response = get(mockdesk.url + LIST, headers={"X-29next-API-Version": "nope"})
    assert (response.status_code, response.content) == (406, golden("406.json"))


def test_no_slash_redirects_301_keeping_the_query_and_needs_no_auth(mockdesk) -> None:
    url = mockdesk.url + "/api/admin/tickets?status=open&limit=2"
    response = requests.get(url, allow_redirects=False, timeout=10)
    assert response.status_code == 301
    assert response.headers["Location"] == "/api/admin/tickets/?status=open&limit=2"
    followed = requests.get(url, headers=AUTH, timeout=10)
    assert followed.status_code == 200
    assert [r.status_code for r in followed.history] == [301]
    assert [t["status"] for t in followed.json()["results"]] == ["open", "open"]


def test_the_detail_path_without_slash_redirects_too(mockdesk) -> None:
    response = requests.get(mockdesk.url + "/api/admin/tickets/42", allow_redirects=False)
    assert (response.status_code, response.headers["Location"]) == (301, "/api/admin/tickets/42/")


def test_throttle_after_four_requests_a_second(mockdesk) -> None:
    statuses = [get(mockdesk.url + LIST, {"limit": 1}) for _ in range(5)]
    assert [r.status_code for r in statuses[:4]] == [200] * 4
    refused = statuses[4]
    assert (refused.status_code, refused.content) == (429, golden("429.json"))
    assert refused.headers["Retry-After"] == "1"
    assert not [h for h in refused.headers if h.lower().startswith("x-ratelimit")]
    assert "Retry-After" not in statuses[0].headers
    time.sleep(1.05)
    assert get(mockdesk.url + LIST, {"limit": 1}).status_code == 200


def test_refused_credentials_do_not_count_against_the_throttle(mockdesk) -> None:
    for _ in range(6):
        get(mockdesk.url + LIST, headers={"Authorization": "Bearer mockdesk-token-noscope"})
        get(mockdesk.url + LIST, headers={})
    assert [get(mockdesk.url + LIST).status_code for _ in range(4)] == [200] * 4


def test_the_throttle_is_per_token(mockdesk) -> None:
    for _ in range(4):
        get(mockdesk.url + LIST)
    assert get(mockdesk.url + LIST).status_code == 429
    other = mockdesk.state.credentials.issue(Principal("another-client", frozenset()), 60, ["*"])
    assert get(mockdesk.url + LIST, headers={"Authorization": f"Bearer {other}"}).ok


@pytest.mark.mockdesk(rate_limits={"29next": "1/minute"})
def test_a_longer_window_is_worded_in_seconds(mockdesk) -> None:
    get(mockdesk.url + LIST)
    refused = get(mockdesk.url + LIST)
    wait = int(refused.headers["Retry-After"])
    assert 1 < wait <= 60
    expected = f"Request was throttled. Expected available in {wait} seconds."
    assert refused.json() == {"detail": expected}


def test_wrong_method_is_a_drf_405(mockdesk) -> None:
    response = requests.post(mockdesk.url + LIST, headers=AUTH, timeout=10)
    assert response.status_code == 405
    assert response.content == b'{"detail":"Method \\"POST\\" not allowed."}'
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"


def test_unknown_admin_paths_get_djangos_404_page(mockdesk) -> None:
    response = get(mockdesk.url + "/api/admin/nothing/")
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "<h1>Not Found</h1>" in response.text
