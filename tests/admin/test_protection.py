"""Admin protection: a token when configured, loopback otherwise, same origin, JSON bodies."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from mockdesk import create_app
from mockdesk.settings import Settings
from mockdesk.testing.live import LiveServer
from tests.conftest import ServerProcess

SENDCLOUD_LIST = "/api/v3/dsf/tickets"
BASIC = {"Authorization": "Basic bW9ja2Rlc2sta2V5Om1vY2tkZXNrLXNlY3JldA=="}


@pytest.fixture(scope="module")
def guarded() -> Iterator[LiveServer]:
    with LiveServer(Settings(tickets=5, admin_token="s3cret-admin")) as server:
        yield server


def test_with_a_token_admin_calls_need_it(guarded: LiveServer) -> None:
    url = f"{guarded.url}/__mockdesk/health"
    refused = requests.get(url, timeout=5)
    assert refused.status_code == 401
    assert refused.headers["WWW-Authenticate"] == (
        'Bearer realm="mockdesk-admin", Basic realm="mockdesk-admin"'
    )
    assert refused.json()["error"] == "unauthorized"
    wrong = requests.get(url, headers={"Authorization": "Bearer nope"}, timeout=5)
    assert wrong.status_code == 401
    right = requests.get(url, headers={"Authorization": "Bearer s3cret-admin"}, timeout=5)
    assert right.status_code == 200 and right.json()["status"] == "ok"
    browser = requests.get(url, auth=("anyone", "s3cret-admin"), timeout=5)  # the dashboard's way
    assert browser.status_code == 200
    assert requests.get(url, auth=("anyone", "wrong"), timeout=5).status_code == 401


def test_a_token_never_affects_vendor_paths(guarded: LiveServer) -> None:
    response = requests.get(f"{guarded.url}{SENDCLOUD_LIST}", headers=BASIC, timeout=5)
    assert response.status_code == 200


def test_a_refused_admin_call_changes_nothing(guarded: LiveServer) -> None:
    admin = {"Authorization": "Bearer s3cret-admin"}
    requests.put(
        f"{guarded.url}/__mockdesk/rate-limits/sendcloud",
        json={"limit": "7/minute"},
        headers=admin,
        timeout=5,
    ).raise_for_status()
    refused = requests.post(f"{guarded.url}/__mockdesk/reset", timeout=5)
    assert refused.status_code == 401
    limits = requests.get(f"{guarded.url}/__mockdesk/rate-limits", headers=admin, timeout=5)
    assert limits.json()["sendcloud"] == "7 per 1 minute"


@pytest.mark.parametrize(
    ("method", "path", "body", "token"),
    [
        ("post", "/__mockdesk/faults", {"error": "unavailable"}, None),  # 401: no token
        ("post", "/__mockdesk/faults", {"bogus": 1}, "s3cret-admin"),  # 400: bad rule
        ("post", "/__mockdesk/clock", {"advance": -1}, "s3cret-admin"),  # 400: bad command
        ("put", "/__mockdesk/rate-limits/sendcloud", {"limit": "nope"}, "s3cret-admin"),
        ("get", "/__mockdesk/no-such-endpoint", None, "s3cret-admin"),  # 404
    ],
)
def test_a_refused_admin_call_makes_no_tenant(
    guarded: LiveServer, method: str, path: str, body: object, token: str | None
) -> None:
    admin = {"Authorization": "Bearer s3cret-admin"}
    headers = {"X-Mockdesk-Tenant": "refused-worker"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    refused = requests.request(
        method, f"{guarded.url}{path}", json=body, headers=headers, timeout=5
    )
    assert refused.status_code in (400, 401, 404)
    tenants = requests.get(f"{guarded.url}/__mockdesk/tenants", headers=admin, timeout=5).json()
    assert "refused-worker" not in tenants["tenants"]
    accepted = requests.get(
        f"{guarded.url}/__mockdesk/faults", headers={**admin, **headers}, timeout=5
    )
    assert accepted.status_code == 200  # an accepted call still makes it on first use
    tenants = requests.get(f"{guarded.url}/__mockdesk/tenants", headers=admin, timeout=5).json()
    assert "refused-worker" in tenants["tenants"]
    requests.delete(
        f"{guarded.url}/__mockdesk/tenants/refused-worker", headers=admin, timeout=5
    ).raise_for_status()


def test_a_huge_fault_id_is_a_404_not_a_crash(mockdesk: LiveServer) -> None:
    response = requests.delete(f"{mockdesk.url}/__mockdesk/faults/{'1' * 5000}", timeout=5)
    assert response.status_code == 404 and response.json()["error"] == "not_found"


def test_cross_origin_calls_are_refused(mockdesk: LiveServer) -> None:
    url = f"{mockdesk.url}/__mockdesk/reset"
    response = requests.post(url, headers={"Origin": "https://evil.example"}, timeout=5)
    assert response.status_code == 403 and "cross-origin" in response.json()["detail"]
    same = requests.post(url, headers={"Origin": mockdesk.url}, timeout=5)
    assert same.status_code == 200


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_a_body_must_be_json(mockdesk: LiveServer, content_type: str) -> None:
    url = f"{mockdesk.url}/__mockdesk/tokens/expire"
    response = requests.post(url, data="{}", headers={"Content-Type": content_type}, timeout=5)
    assert response.status_code == 415
    assert requests.post(url, timeout=5).status_code == 200  # a bodiless POST is fine


def test_deeply_nested_bodies_are_a_400_not_a_crash(mockdesk: LiveServer) -> None:
    body = "[" * 5000 + "]" * 5000
    response = requests.post(
        f"{mockdesk.url}/__mockdesk/reset",
        data=body,
        headers={"Content-Type": "application/json"},
        timeout=5,
    )
    assert response.status_code == 400
    assert response.json()["fields"] == {"_body": ["must be nested at most 32 levels deep"]}


def test_doubled_slashes_do_not_reach_the_admin_api(served: ServerProcess) -> None:
    """Under gunicorn (Python's http.server, behind LiveServer, already folds a leading "//")."""
    response = requests.post(f"{served.url}//__mockdesk/reset", timeout=5)
    assert response.status_code == 404


def test_without_a_token_only_loopback_clients_are_served() -> None:
    """A non-loopback peer cannot be made on this machine's sockets, so this one case uses
    Flask's test client with another REMOTE_ADDR."""
    client = create_app(Settings(tickets=1)).test_client()
    far = client.get("/__mockdesk/health", environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert far.status_code == 403 and "--admin-token" in far.get_json()["detail"]
    near = client.get("/__mockdesk/health", environ_base={"REMOTE_ADDR": "::1"})
    assert near.status_code == 200
