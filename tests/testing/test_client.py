"""MockdeskClient against a real server (LiveServer over a real socket), never a fake."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests
from flask import request

from mockdesk.app import create_app
from mockdesk.testing.client import MockdeskAdminError, MockdeskClient, match_requests
from mockdesk.testing.live import LiveServer
from mockdesk.vendors.registry import VENDORS

SPEC = {spec.slug: spec for spec in VENDORS}
SENDCLOUD = SPEC["sendcloud"]
HOSTUP = SPEC["hostup"]


def vendor_get(server: LiveServer, slug: str, tenant: str | None = None, **params: Any) -> int:
    spec = SPEC[slug]
    headers = dict(spec.demo_headers)
    if tenant is not None:
        headers["X-Mockdesk-Tenant"] = tenant
    url = f"{server.url}{spec.list_path}"
    return requests.get(url, params=params, headers=headers, timeout=5).status_code


@pytest.fixture
def client(mockdesk: LiveServer) -> MockdeskClient:
    return MockdeskClient(mockdesk.url)


# --- against the admin API as it is now ----------------------------------------------------


def test_health_and_reset_to_a_seed(client: MockdeskClient) -> None:
    health = client.health()
    assert health["status"] == "ok" and set(health["vendors"]) == set(SPEC)
    assert client.reset(seed=3)["seed"] == 3
    assert client.health()["seed"] == 3
    assert client.reset(seed=0)["seed"] == 0


def test_fault_fires_then_clear(client: MockdeskClient, mockdesk: LiveServer) -> None:
    rule = client.fault(error="internal", vendor="sendcloud", times=2)
    assert isinstance(rule["id"], int) and rule["error"] == "internal"
    assert [r["id"] for r in client.faults()] == [rule["id"]]
    assert vendor_get(mockdesk, "sendcloud") == 500
    client.clear_faults()
    assert client.faults() == []
    assert vendor_get(mockdesk, "sendcloud") == 200


def test_a_refusal_raises_with_the_fields(client: MockdeskClient) -> None:
    with pytest.raises(MockdeskAdminError) as raised:
        client.fault(error="explode")
    assert raised.value.status == 400 and "error" in raised.value.fields
    assert "POST /__mockdesk/faults -> 400" in str(raised.value)
    with pytest.raises(MockdeskAdminError) as missing:
        client.set_rate_limit("no-such-vendor", "off")
    assert missing.value.status == 404


def test_rate_limit_then_reset(client: MockdeskClient, mockdesk: LiveServer) -> None:
    limits = client.set_rate_limit("hostup", "1/minute")
    assert limits["hostup"] == "1 per 1 minute"
    assert [vendor_get(mockdesk, "hostup") for _ in range(2)] == [200, 429]
    client.reset()
    assert vendor_get(mockdesk, "hostup") == 200


def test_requests_and_clear(client: MockdeskClient, mockdesk: LiveServer) -> None:
    vendor_get(mockdesk, "sendcloud", page=2)
    vendor_get(mockdesk, "hostup")
    entries = client.requests(vendor="sendcloud")
    assert [e["path"] for e in entries] == [SENDCLOUD.list_path]
    client.clear_requests()
    assert client.requests() == []


def test_base_url_from_the_environment(
    mockdesk: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOCKDESK_URL", mockdesk.url + "/")
    assert MockdeskClient().health()["status"] == "ok"
    monkeypatch.delenv("MOCKDESK_URL")
    with pytest.raises(ValueError, match="MOCKDESK_URL"):
        MockdeskClient()


@pytest.fixture(scope="module")
def recording_server() -> Iterator[tuple[LiveServer, list[dict[str, str]]]]:
    """A real server whose app also records the headers of each admin call it receives."""
    seen: list[dict[str, str]] = []
    app = create_app()

    @app.before_request
    def _record() -> None:
        if request.path.startswith("/__mockdesk/"):
            seen.append(dict(request.headers))

    with LiveServer(app=app) as server:
        yield server, seen


def test_sends_the_tenant_and_admin_token(
    recording_server: tuple[LiveServer, list[dict[str, str]]],
) -> None:
    server, seen = recording_server
    seen.clear()
    MockdeskClient(server.url, tenant="gw3", admin_token="s3cret").health()
    MockdeskClient(server.url).health()
    with_both, plain = seen
    assert with_both["X-Mockdesk-Tenant"] == "gw3"
    assert with_both["Authorization"] == "Bearer s3cret"
    assert "X-Mockdesk-Tenant" not in plain and "Authorization" not in plain


def test_admin_token_from_the_environment(
    recording_server: tuple[LiveServer, list[dict[str, str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, seen = recording_server
    seen.clear()
    monkeypatch.setenv("MOCKDESK_ADMIN_TOKEN", "from-env")
    MockdeskClient(server.url).for_tenant("gw9").health()
    assert seen[0]["Authorization"] == "Bearer from-env"
    assert seen[0]["X-Mockdesk-Tenant"] == "gw9"


# --- matching, without HTTP ----------------------------------------------------------------


def entry(id: int, path: str, **query: list[str]) -> dict[str, Any]:
    return {"id": id, "method": "GET", "path": path, "query": query, "status": 200, "vendor": "v"}


def test_match_requests_rules() -> None:
    entries = [
        entry(1, "/t", page=["2"], status=["open", "closed"]),
        entry(2, "/t", page=["3"]),
        entry(3, "/other", page=["2"]),
    ]
    matches, _ = match_requests(entries, path="/t", params={"page": 2})
    assert [m["id"] for m in matches] == [1]
    matches, _ = match_requests(entries, params={"status": ["open", "closed"]})
    assert [m["id"] for m in matches] == [1]
    matches, report = match_requests(entries, path="/t", params={"status": "open"})
    assert matches == []
    assert "#1 GET /t?page=2&status=open&status=closed -> 200 (v): status=" in report
    assert "#2 GET /t?page=3 -> 200 (v): status missing" in report
    assert "#3 GET /other?page=2 -> 200 (v): path '/other' != '/t'" in report


def test_match_requests_bools_and_empty() -> None:
    matches, _ = match_requests([entry(1, "/t", archived=["true"])], params={"archived": True})
    assert len(matches) == 1
    assert match_requests([], path="/t")[1].endswith("(no other requests)")


# --- against the issue-11 admin API (skipped until each route exists) ----------------------


def test_assert_requested_sees_retries_with_headers(
    client: MockdeskClient, mockdesk: LiveServer
) -> None:
    rule = client.fault(error="unavailable", vendor="sendcloud", times=2)
    statuses = [vendor_get(mockdesk, "sendcloud", page=2) for _ in range(3)]
    assert statuses == [503, 503, 200]
    found = client.assert_requested(
        vendor="sendcloud", path=SENDCLOUD.list_path, params={"page": "2"}, times=3
    )
    assert [e["status"] for e in found] == [503, 503, 200]
    assert [e["fault"] for e in found] == [rule["id"], rule["id"], None]
    assert {e["headers"]["Authorization"] for e in found} == {"Basic [redacted]"}
    assert found[0]["credential"] == "mockdesk-key" and found[0]["tenant"] == "default"
    with pytest.raises(AssertionError, match="found 3") as raised:
        client.assert_requested(vendor="sendcloud", params={"page": "2"}, times=4)
    assert "received instead" in str(raised.value)
    with pytest.raises(AssertionError, match=r"page=.*'9'"):
        client.assert_requested(vendor="sendcloud", params={"page": "9"})


def test_remove_one_fault(client: MockdeskClient) -> None:
    keep = client.fault(error="internal", vendor="hostup", times=None)
    drop = client.fault(delay_ms=5, vendor="sendcloud", times=None)
    client.remove_fault(drop["id"])
    assert [r["id"] for r in client.faults()] == [keep["id"]]
    with pytest.raises(MockdeskAdminError) as raised:
        client.remove_fault(drop["id"])
    assert raised.value.status == 404


def test_full_rule_round_trips(client: MockdeskClient) -> None:
    rule = client.fault(
        vendor="hostup",
        method="get",
        credential="mockdesk-token",
        delay={"median_ms": 20, "sigma": 0.3},
        transport="malformed",
        times=None,
        probability=0.5,
    )
    assert rule["method"] == "GET" and rule["times"] is None and rule["fired"] == 0
    assert rule["delay"] == {"median_ms": 20.0, "sigma": 0.3} and rule["tenant"] == "default"
    with pytest.raises(MockdeskAdminError) as raised:
        client.fault(delay_ms=-1, times=1.5, colour="red")
    assert set(raised.value.fields) == {"delay_ms", "times", "colour"}


def test_clock_rolls_a_rate_limit_window(client: MockdeskClient, mockdesk: LiveServer) -> None:
    client.clock.freeze()
    start = client.clock.now()
    assert client.clock.frozen
    client.set_rate_limit("hostup", "1/minute")
    assert [vendor_get(mockdesk, "hostup") for _ in range(2)] == [200, 429]
    assert client.clock.advance(61) - start == timedelta(seconds=61)
    assert vendor_get(mockdesk, "hostup") == 200
    moment = datetime(2031, 5, 6, 7, 8, 9, tzinfo=UTC)
    assert client.clock.set(moment) == moment
    client.clock.unfreeze()
    assert not client.clock.frozen
    with pytest.raises(MockdeskAdminError) as raised:
        client.clock.set("2031-05-06")
    assert "set" in raised.value.fields
    client.reset()
    assert abs(client.clock.now() - datetime.now(UTC)) < timedelta(seconds=5)


def test_runtime_tickets(client: MockdeskClient, mockdesk: LiveServer) -> None:
    headers = dict(SENDCLOUD.demo_headers)
    listed = requests.get(f"{mockdesk.url}{SENDCLOUD.list_path}", headers=headers, timeout=5)
    template = listed.json()["items"][0]  # a fixture is a pasted list item
    detail = f"{mockdesk.url}{SENDCLOUD.detail.path.replace('<int:ticket_id>', '99999001')}"
    added = client.add_tickets("sendcloud", [{**template, "id": 99_999_001}])
    assert [t["id"] for t in added] == [99_999_001]
    assert requests.get(detail, headers=headers, timeout=5).status_code == 200
    replaced = client.replace_ticket("sendcloud", 99_999_001, {**template, "id": 99_999_001})
    assert replaced["id"] == 99_999_001
    client.delete_ticket("sendcloud", 99_999_001)
    assert requests.get(detail, headers=headers, timeout=5).status_code == 404
    client.delete_ticket("sendcloud", template["id"])  # a generated ticket is hidden
    again = requests.get(f"{mockdesk.url}{SENDCLOUD.list_path}", headers=headers, timeout=5)
    assert template["id"] not in [t["id"] for t in again.json()["items"]]
    with pytest.raises(MockdeskAdminError) as raised:
        client.add_tickets("sendcloud", [{**template, "id": "x"}])
    assert raised.value.status == 400 and "tickets[0].id" in raised.value.fields
    with pytest.raises(MockdeskAdminError) as missing:
        client.delete_ticket("sendcloud", 99_999_001)
    assert missing.value.status == 404
    client.reset()
    restored = requests.get(f"{mockdesk.url}{SENDCLOUD.list_path}", headers=headers, timeout=5)
    assert restored.json()["items"][0]["id"] == template["id"]


def test_tenants_do_not_interfere(client: MockdeskClient, mockdesk: LiveServer) -> None:
    gw0, gw1 = client.for_tenant("gw0"), client.for_tenant("gw1")
    try:
        gw0.fault(error="internal", vendor="sendcloud", times=None)
        gw0.set_rate_limit("hostup", "1/minute")
        assert vendor_get(mockdesk, "sendcloud", tenant="gw0") == 500
        assert vendor_get(mockdesk, "sendcloud", tenant="gw1") == 200
        assert [vendor_get(mockdesk, "hostup", tenant="gw0") for _ in range(2)] == [200, 429]
        assert vendor_get(mockdesk, "hostup", tenant="gw1") == 200
        assert {e["tenant"] for e in gw0.requests()} == {"gw0"}
        assert gw1.faults() == [] and len(gw0.faults()) == 1
        gw0.reset()
        assert gw0.faults() == [] and vendor_get(mockdesk, "sendcloud", tenant="gw0") == 200
        assert len(gw1.requests()) == 2  # gw0's reset left gw1 alone
    finally:
        gw0.reset()
        gw1.reset()
