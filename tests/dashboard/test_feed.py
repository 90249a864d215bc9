"""The dashboard's server side: the page and its assets, vendors.json, and the request feed
(server-sent events), over real sockets against a live server."""

from __future__ import annotations

import base64
import re
import socket
import time
from collections.abc import Iterator

import pytest
import requests

from mockdesk.admin import dashboard
from mockdesk.core.journal import MAX_SUBSCRIBERS, Journal, Observed
from mockdesk.settings import Settings
from mockdesk.testing.live import LiveServer
from mockdesk.vendors.registry import VENDORS, by_slug
from tests.dashboard.sse import FeedReader

SENDCLOUD = by_slug()["sendcloud"]
HOSTUP = by_slug()["hostup"]


@pytest.fixture(scope="module")
def live() -> Iterator[LiveServer]:
    with LiveServer(Settings(tickets=20)) as app_server:
        yield app_server


@pytest.fixture
def app_server(live: LiveServer) -> LiveServer:
    requests.post(f"{live.url}/__mockdesk/reset", timeout=5).raise_for_status()
    return live


def feed(app_server: LiveServer, query: str = "", **headers: str) -> FeedReader:
    return FeedReader(f"{app_server.url}/__mockdesk/requests/feed{query}", headers=headers)


def call_sendcloud(app_server: LiveServer, tenant: str | None = None, **params: str) -> None:
    headers = dict(SENDCLOUD.demo_headers)
    if tenant is not None:
        headers["X-Mockdesk-Tenant"] = tenant
    response = requests.get(app_server.url + SENDCLOUD.list_path, headers=headers, params=params)
    assert response.status_code == 200


# the page and its assets


def test_the_page_and_its_assets_are_served_by_mockdesk_itself(app_server: LiveServer) -> None:
    page = requests.get(f"{app_server.url}/__mockdesk/", timeout=5)
    assert page.status_code == 200
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy
    references = re.findall(r'(?:src|href)="([^"]*)"', page.text)
    assert references, "the page loads its assets"
    for reference in references:  # every asset from this app_server: no CDN, works offline
        assert not re.match(r"[a-z]+:|//", reference) or reference == "data:,", reference
    for name, kind in dashboard.ASSETS.items():
        assert f"dashboard/{name}" in references
        asset = requests.get(f"{app_server.url}/__mockdesk/dashboard/{name}", timeout=5)
        assert asset.status_code == 200 and asset.headers["Content-Type"] == kind
        assert asset.headers["X-Content-Type-Options"] == "nosniff"
        assert "http://" not in asset.text and "https://" not in asset.text
    script = requests.get(f"{app_server.url}/__mockdesk/dashboard/dashboard.js", timeout=5).text
    for testid in ("feed-entry", "gauge-", "inject-", "faults", "reset"):
        assert testid in script or testid in page.text


def test_the_page_without_its_slash_redirects_to_it(app_server: LiveServer) -> None:
    response = requests.get(f"{app_server.url}/__mockdesk", allow_redirects=False, timeout=5)
    assert response.status_code == 308
    assert response.headers["Location"].endswith("/__mockdesk/")


@pytest.mark.parametrize("name", ["index.html", "..%2Fdashboard.py", "dashboard.py", "x.css"])
def test_only_the_listed_assets_are_served(app_server: LiveServer, name: str) -> None:
    response = requests.get(f"{app_server.url}/__mockdesk/dashboard/{name}", timeout=5)
    assert response.status_code == 404  # by the dashboard, or by routing ("/" is never a name)
    assert "dashboard" not in response.text or "no dashboard file" in response.text


def test_vendors_json_gives_headers_that_work_for_every_vendor(app_server: LiveServer) -> None:
    listed = requests.get(f"{app_server.url}/__mockdesk/dashboard/vendors.json", timeout=5).json()
    assert [v["slug"] for v in listed["vendors"]] == [spec.slug for spec in VENDORS]
    for vendor in listed["vendors"]:
        spec = by_slug()[vendor["slug"]]
        assert vendor["name"] == spec.name and vendor["list_path"] == spec.list_path
        url = app_server.url + vendor["list_path"]
        response = requests.get(url, headers=vendor["demo_headers"], timeout=5)
        assert response.status_code == 200, vendor["slug"]


def test_vendors_json_follows_the_credentials_the_server_was_started_with() -> None:
    settings = Settings(tickets=5).with_credentials(token="tok-demo", basic="key-demo:sec-demo")
    with LiveServer(settings) as app_server:
        listed = requests.get(f"{app_server.url}/__mockdesk/dashboard/vendors.json", timeout=5)
        headers = {v["slug"]: v["demo_headers"] for v in listed.json()["vendors"]}
        pair = base64.b64encode(b"key-demo:sec-demo").decode()
        assert headers["sendcloud"]["Authorization"] == f"Basic {pair}"
        assert headers["hostup"]["Authorization"] == "Bearer tok-demo"
        assert headers["ippanel"]["Authorization"] == "tok-demo"
        for vendor in listed.json()["vendors"]:
            url = app_server.url + vendor["list_path"]
            response = requests.get(url, headers=vendor["demo_headers"], timeout=5)
            assert response.status_code == 200, vendor["slug"]


def test_the_dashboard_is_behind_the_admin_guard() -> None:
    with LiveServer(Settings(tickets=5, admin_token="dash-admin")) as app_server:
        paths = ["/", "/dashboard/dashboard.js", "/dashboard/vendors.json", "/requests/feed"]
        for path in paths:
            refused = requests.get(f"{app_server.url}/__mockdesk{path}", timeout=5)
            assert refused.status_code == 401, path
        bearer = {"Authorization": "Bearer dash-admin"}
        for path in paths[:3]:
            allowed = requests.get(f"{app_server.url}/__mockdesk{path}", headers=bearer)
            assert allowed.status_code == 200, path
        with FeedReader(f"{app_server.url}/__mockdesk/requests/feed", bearer) as reader:
            assert reader.status == 200
        cross = {**bearer, "Origin": "http://evil.example"}
        assert requests.get(f"{app_server.url}/__mockdesk/", headers=cross).status_code == 403


# the feed


def test_the_feed_pushes_each_new_entry_as_the_journal_lists_it(app_server: LiveServer) -> None:
    with feed(app_server) as reader:
        assert reader.response_headers["Content-Type"].startswith("text/event-stream")
        assert reader.response_headers["Cache-Control"] == "no-store"
        started = time.monotonic()
        call_sendcloud(app_server, page="2")
        event = reader.next(timeout=1.0, kind="request")
        assert time.monotonic() - started < 1.0
    listed = requests.get(f"{app_server.url}/__mockdesk/requests", timeout=5).json()["requests"]
    assert event.json() == listed[-1]
    assert event.id == str(listed[-1]["id"])
    assert event.json()["query"] == {"page": ["2"]}
    assert event.json()["headers"]["Authorization"] == "Basic [redacted]"
    assert event.json()["response"]["status"] == 200


def test_the_feed_follows_every_tenant_by_default_or_the_one_asked_for(
    app_server: LiveServer,
) -> None:
    with feed(app_server) as everyone, feed(app_server, "?tenant=gw1") as only_gw1:
        call_sendcloud(app_server)
        call_sendcloud(app_server, tenant="gw1")
        assert everyone.next(kind="request").json()["tenant"] == "default"
        assert everyone.next(kind="request").json()["tenant"] == "gw1"
        assert only_gw1.next(kind="request").json()["tenant"] == "gw1"


def test_a_reconnecting_feed_gets_what_it_missed(app_server: LiveServer) -> None:
    for page in ("1", "2", "3"):
        call_sendcloud(app_server, page=page)
    listed = requests.get(f"{app_server.url}/__mockdesk/requests", timeout=5).json()
    ids = [entry["id"] for entry in listed["requests"]]
    with feed(app_server, f"?since={ids[0]}") as reader:
        assert [reader.next(kind="request").json()["id"] for _ in range(2)] == ids[1:]
        call_sendcloud(app_server, page="4")
        assert reader.next(kind="request").json()["id"] > ids[-1]  # then live, no repeat
    # EventSource sends Last-Event-ID when it reconnects; it wins over the URL's since
    with feed(app_server, "?since=0", **{"Last-Event-ID": str(ids[1])}) as reader:
        assert reader.next(kind="request").json()["id"] == ids[2]


def test_without_since_the_feed_sends_only_new_entries(app_server: LiveServer) -> None:
    call_sendcloud(app_server, page="1")
    with feed(app_server) as reader:
        reader.next(kind=":")  # connected: the stream is open
        call_sendcloud(app_server, page="9")
        assert reader.next(kind="request").json()["query"] == {"page": ["9"]}


def test_an_idle_feed_sends_keep_alive_comments(
    app_server: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dashboard, "KEEPALIVE_SECONDS", 0.2)
    monkeypatch.setattr(dashboard, "WAKE_SECONDS", 0.05)
    with feed(app_server) as reader:
        assert reader.next(kind=":").data == "connected"
        assert reader.next(timeout=1.0, kind=":").data == "keep-alive"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?tenant=a%20b", "tenant"),
        ("?tenant=a,b", "tenant"),
        ("?tenant=", "tenant"),
        ("?since=-1", "since"),
        ("?since=x", "since"),
        ("?since=%C2%B2", "since"),
        ("?vendor=sendcloud", "vendor"),
    ],
)
def test_the_feed_refuses_parameters_it_cannot_use(
    app_server: LiveServer, query: str, field: str
) -> None:
    response = requests.get(f"{app_server.url}/__mockdesk/requests/feed{query}", timeout=5)
    assert response.status_code == 400
    assert list(response.json()["fields"]) == [field]


def test_open_feeds_are_bounded_and_a_closed_one_frees_its_slot(app_server: LiveServer) -> None:
    _wait_until_no_feed_is_open(app_server)  # earlier tests' feeds are let go within a second
    readers = [feed(app_server).open() for _ in range(MAX_SUBSCRIBERS)]
    try:
        assert [r.status for r in readers] == [200] * MAX_SUBSCRIBERS
        refused = feed(app_server).open()
        assert refused.status == 503 and refused.json()["error"] == "too_many_feeds"
        assert refused.response_headers["Retry-After"] == "5"
        readers.pop().close()
        deadline = time.monotonic() + 5  # the server notices the closed tab within a second
        while True:
            again = feed(app_server).open()
            if again.status == 200:
                readers.append(again)
                break
            assert time.monotonic() < deadline, "a closed feed never freed its slot"
            time.sleep(0.2)
    finally:
        for reader in readers:
            reader.close()


def _wait_until_no_feed_is_open(app_server: LiveServer) -> None:
    journal = app_server.state.tenants.journal
    deadline = time.monotonic() + 5
    while journal.subscriber_count():
        assert time.monotonic() < deadline, "feeds of closed clients stayed open"
        time.sleep(0.05)


# the stream itself, without a server


def _observed(n: int) -> Observed:
    return Observed(
        tenant="default",
        vendor="sendcloud",
        method="GET",
        path=f"/p/{n}",
        query_string=b"",
        headers=[],
        body=b"",
        content_type=None,
        status=200,
        duration_ms=1.0,
        at=0.0,
    )


def test_a_slow_reader_is_told_how_many_entries_it_missed() -> None:
    journal = Journal()
    subscription = journal.subscribe(maxsize=4)
    for n in range(10):
        journal.record(_observed(n))
    stream = dashboard._stream(subscription, [], None)
    assert next(stream).startswith("retry: ")
    assert next(stream) == 'event: gap\ndata: {"dropped": 6}\n\n'
    assert '"path":"/p/6"' in next(stream)
    stream.close()
    assert subscription.closed


def test_the_stream_ends_when_its_client_leaves(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dashboard, "WAKE_SECONDS", 0.01)
    journal = Journal()
    subscription = journal.subscribe()
    ours, theirs = socket.socketpair()
    with ours:
        stream = dashboard._stream(subscription, [], ours)
        next(stream)
        theirs.close()
        assert list(stream) == []  # no more events: the stream ended by itself
    assert subscription.closed
    journal.record(_observed(1))  # and it no longer receives anything
