"""The journal: redaction before storage, caps, per-tenant bounds, filters, subscribers."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockdesk.core.journal import (
    ALL_TENANTS,
    MAX_SUBSCRIBERS,
    REDACTED,
    Journal,
    JournalFilter,
    Observed,
    SubscriberLimitReached,
    is_secret_name,
    redact_headers,
    redact_query,
)

AT = 1_793_523_600.0  # 2026-11-01T09:00:00Z

BASE = Observed(
    tenant="default",
    vendor="sendcloud",
    method="get",
    path="/api/v3/support/tickets",
    query_string=b"page=2&status=open&status=closed",
    headers=[("Accept", "application/json")],
    body=b"",
    content_type=None,
    status=200,
    duration_ms=1.23456,
    at=AT,
)


def observed(**changes: object) -> Observed:
    return replace(BASE, **changes)  # type: ignore[arg-type]


def test_entry_has_every_documented_field() -> None:
    journal = Journal()
    entry = journal.record(observed(credential="mockdesk-token", fault=7)).as_dict()
    assert entry == {
        "id": 1,
        "time": "2026-11-01T09:00:00.000Z",
        "vendor": "sendcloud",
        "method": "GET",
        "path": "/api/v3/support/tickets",
        "query": {"page": ["2"], "status": ["open", "closed"]},
        "headers": {"Accept": "application/json"},
        "body": "",
        "status": 200,
        "duration_ms": 1.235,
        "credential": "mockdesk-token",
        "fault": 7,
        "tenant": "default",
        "response": {"status": 200, "body": ""},
        "worker": os.getpid(),
    }
    json.dumps(entry)  # JSON-ready as is


@pytest.mark.parametrize(
    ("header", "value", "shown"),
    [
        ("Authorization", "Bearer mockdesk-token", f"Bearer {REDACTED}"),
        ("authorization", "Basic bW9ja2Rlc2sta2V5Om1vY2tkZXNrLXNlY3JldA==", f"Basic {REDACTED}"),
        ("Authorization", "mockdesk-token", REDACTED),  # a raw token has no scheme to keep
        ("Proxy-Authorization", "Digest abc", f"Digest {REDACTED}"),
        ("Cookie", "sid=abc; theme=dark", f"sid={REDACTED}; theme={REDACTED}"),
        ("Set-Cookie", "sid=abc; Path=/; HttpOnly", f"sid={REDACTED}; Path=/; HttpOnly"),
        ("X-Api-Key", "k", REDACTED),
        ("X-Auth-Token", "t", REDACTED),
        ("X-29next-API-Version", "2024-04-01", "2024-04-01"),
        ("X-Mockdesk-Tenant", "gw0", "gw0"),
    ],
)
def test_header_redaction(header: str, value: str, shown: str) -> None:
    assert redact_headers([(header, value)]) == {header: shown}


def test_secrets_in_query_are_redacted_by_name() -> None:
    query = "client_secret=s3&password=p&access_token=a&api_key=k&token=t&author=ann&page=1"
    assert redact_query(query) == {
        "client_secret": [REDACTED],
        "password": [REDACTED],
        "access_token": [REDACTED],
        "api_key": [REDACTED],
        "token": [REDACTED],
        "author": ["ann"],  # "auth" inside a harmless word is not a secret
        "page": ["1"],
    }


@pytest.mark.parametrize("name", ["clientSecret", "X-API-KEY", "refresh_token", "pwd", "code"])
def test_secret_names(name: str) -> None:
    assert is_secret_name(name)


@pytest.mark.parametrize("name", ["page", "footprint", "author", "status", "sort", "keyword"])
def test_harmless_names(name: str) -> None:
    assert not is_secret_name(name)


def test_form_and_json_bodies_are_redacted_other_bodies_kept() -> None:
    journal = Journal()
    form = journal.record(
        observed(
            method="POST",
            body=b"grant_type=client_credentials&client_id=id&client_secret=s3cret",
            content_type="application/x-www-form-urlencoded; charset=utf-8",
        )
    )
    assert "s3cret" not in form.body and "client_id=id" in form.body
    assert f"client_secret={REDACTED}".replace("[", "%5B").replace("]", "%5D") in form.body
    body = json.dumps({"user": {"password": "hunter2", "name": "ann"}, "tags": ["x"]})
    as_json = journal.record(observed(body=body.encode(), content_type="application/json"))
    assert json.loads(as_json.body) == {
        "user": {"password": REDACTED, "name": "ann"},
        "tags": ["x"],
    }
    plain = journal.record(observed(body=b"password=visible", content_type="text/plain"))
    assert plain.body == "password=visible"


def test_bodies_are_capped_and_decoded_safely() -> None:
    journal = Journal(body_cap=10)
    entry = journal.record(observed(body="é".encode() * 50 + b"\xff", response_body=b"x" * 100))
    assert entry.body == "é" * 10
    assert entry.response == {"status": 200, "body": "x" * 10}


def test_lone_surrogates_never_reach_an_entry() -> None:
    journal = Journal()
    entry = journal.record(
        observed(
            path="/x\udc80",
            headers=[("X-Note", "a\ud800")],
            body=b'{"password": "p", "n": "\\ud800"}',
            content_type="application/json",
        )
    )
    json.dumps(entry.as_dict(), ensure_ascii=False).encode("utf-8")  # would raise


def test_bounded_per_tenant_with_increasing_ids() -> None:
    journal = Journal(capacity=3)
    for _ in range(5):
        journal.record(observed(tenant="busy"))
    journal.record(observed(tenant="quiet"))
    assert [e.id for e in journal.entries("busy")] == [3, 4, 5]
    assert [e.id for e in journal.entries("quiet")] == [6]  # not evicted by "busy"
    assert [e.id for e in journal.entries(ALL_TENANTS)] == [3, 4, 5, 6]
    journal.clear("busy")
    assert journal.entries("busy") == [] and len(journal.entries("quiet")) == 1
    assert journal.record(observed(tenant="busy")).id == 7  # ids never restart


def test_server_wide_budget_evicts_from_the_busiest_tenant() -> None:
    journal = Journal(capacity=4, total_capacity=6)
    for _ in range(4):
        journal.record(observed(tenant="busy"))
    journal.record(observed(tenant="quiet"))
    journal.record(observed(tenant="quiet"))
    journal.record(observed(tenant="quiet"))  # total 7 > 6: "busy" (4) gives up its oldest
    assert [e.id for e in journal.entries("busy")] == [2, 3, 4]
    assert [e.id for e in journal.entries("quiet")] == [5, 6, 7]
    journal.record(observed(tenant="busy"))  # busy at 4 again: still evicts from busy
    assert len(journal.entries(ALL_TENANTS)) == 6 and len(journal.entries("quiet")) == 3
    journal.clear("busy")
    for _ in range(3):
        journal.record(observed(tenant="other"))
    assert len(journal.entries(ALL_TENANTS)) == 6 and len(journal.entries("quiet")) == 3
    with pytest.raises(ValueError):
        Journal(capacity=10, total_capacity=5)


def test_filters() -> None:
    journal = Journal()
    journal.record(observed())
    journal.record(observed(vendor="hostup", path="/api/v2/support/tickets", status=429))
    journal.record(observed(method="POST", status=201))

    def ids(where: JournalFilter) -> list[int]:
        return [e.id for e in journal.entries("default", where)]

    assert ids(JournalFilter(vendor="hostup")) == [2]
    assert ids(JournalFilter(status=429)) == [2]
    assert ids(JournalFilter(method="post")) == [3]
    assert ids(JournalFilter(path="/api/v3/support/tickets")) == [1, 3]
    assert ids(JournalFilter(since=1)) == [2, 3]
    assert ids(JournalFilter(vendor="sendcloud", status=201)) == [3]
    assert journal.entries("default", limit=1)[0].id == 3
    assert journal.entries("nobody") == []


def test_view_binds_a_tenant() -> None:
    journal = Journal()
    view = journal.view("gw0")
    view.record(observed(tenant="gw0"))
    journal.record(observed(tenant="gw1"))
    assert [e.tenant for e in view] == ["gw0"]
    with pytest.raises(ValueError):
        view.record(observed(tenant="gw1"))
    view.clear()
    assert view.entries() == [] and len(journal.entries("gw1")) == 1


def test_thread_safe_ids_are_unique_and_dense() -> None:
    journal = Journal(capacity=10_000)

    def work(tenant: str) -> None:
        for _ in range(500):
            journal.record(observed(tenant=tenant))

    threads = [threading.Thread(target=work, args=(f"t{i}",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ids = [e.id for e in journal.entries(ALL_TENANTS)]
    assert ids == list(range(1, 4001))


def test_subscribers_get_new_entries_and_never_block() -> None:
    journal = Journal()
    journal.record(observed())  # before subscribing: not delivered
    with journal.subscribe(maxsize=2) as feed, journal.subscribe(tenant="gw0") as gw0:
        for _ in range(3):
            journal.record(observed())
        journal.record(observed(tenant="gw0"))
        first, second = feed.get(0), feed.get(0)
        assert (first and first.id, second and second.id) == (4, 5)  # oldest (2) dropped
        assert feed.dropped == 2 and feed.get(0) is None
        only = gw0.get(0)
        assert only is not None and only.tenant == "gw0" and gw0.get(0) is None
    assert feed.closed and feed.get(1) is None  # a closed feed returns at once


def test_a_waiting_subscriber_wakes_on_record() -> None:
    journal = Journal()
    got: list[int] = []
    with journal.subscribe() as feed:
        reader = threading.Thread(target=lambda: got.append(getattr(feed.get(5), "id", -1)))
        reader.start()
        journal.record(observed())
        reader.join(5)
    assert got == [1]


def test_subscriber_cap() -> None:
    journal = Journal()
    feeds = [journal.subscribe() for _ in range(MAX_SUBSCRIBERS)]
    with pytest.raises(SubscriberLimitReached):
        journal.subscribe()
    feeds[0].close()
    journal.subscribe().close()


@settings(deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["token", "page", "Client_Secret", "q"]), st.text(max_size=8)),
        max_size=6,
    )
)
def test_no_secret_value_survives_in_the_query(pairs: Iterable[tuple[str, str]]) -> None:
    from urllib.parse import urlencode

    pairs = list(pairs)
    query = redact_query(urlencode(pairs))
    for name, value in pairs:
        if is_secret_name(name):
            assert query[name] and set(query[name]) == {REDACTED}
        else:
            assert value in query[name]
