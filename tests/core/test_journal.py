"""The journal: redaction (when an entry is read), caps, per-tenant bounds, filters, subscribers."""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Iterable
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockdesk.core import journal as journal_module
from mockdesk.core.clock import format_rfc3339
from mockdesk.core.journal import (
    ALL_TENANTS,
    DEFAULT_BODY_CAP,
    MAX_SUBSCRIBERS,
    REDACTED,
    Journal,
    JournalEntry,
    JournalFilter,
    Observed,
    SubscriberLimitReached,
    _cap_text,
    _clean,
    _text,
    is_secret_name,
    redact_body,
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


# --- lazy preparation: recording keeps raw facts, reading redacts and formats --------------

SECRET_REQUEST = observed(
    method="post",
    query_string=b"token=t0ps3cret&page=2",
    headers=[("Authorization", "Bearer s3cret-token"), ("X-Api-Key", "k3y"), ("Accept", "*/*")],
    body=b'{"password": "hunter2", "name": "ann"}',
    content_type="application/json",
    response_body=b'{"ok": true}',
    credential="mockdesk-token",
)


def eager_fields(observed: Observed, body_cap: int = DEFAULT_BODY_CAP) -> dict[str, Any]:
    """What ``Journal.prepare`` did on every request before entries were prepared lazily (its
    code, kept here as the reference)."""
    return {
        "time": format_rfc3339(observed.at),
        "vendor": observed.vendor,
        "method": _clean(observed.method.upper()),
        "path": _clean(observed.path),
        "query": redact_query(_text(observed.query_string)),
        "headers": redact_headers(observed.headers),
        "body": redact_body(_cap_text(observed.body, body_cap), observed.content_type),
        "status": observed.status,
        "duration_ms": round(observed.duration_ms, 3),
        "credential": observed.credential,
        "fault": observed.fault,
        "tenant": observed.tenant,
        "response": {
            "status": observed.status,
            "body": _cap_text(observed.response_body, body_cap),
        },
        "worker": os.getpid(),
    }


def test_recording_does_not_redact_until_an_entry_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    redactions: list[object] = []
    real = journal_module.redact_headers

    def counted(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
        redactions.append(headers)
        return real(headers)

    monkeypatch.setattr(journal_module, "redact_headers", counted)
    journal = Journal()  # nobody subscribed: nothing reads an entry when it is recorded
    recorded = [journal.record(SECRET_REQUEST) for _ in range(50)]
    assert redactions == [] and not any(entry.prepared() for entry in recorded)
    # the cheap filters (vendor, status, since) read only what needs no preparing
    assert len(journal.entries("default", JournalFilter(vendor="sendcloud", since=49))) == 1
    assert redactions == [] and not any(entry.prepared() for entry in recorded)

    listed = journal.entries("default", JournalFilter(since=49))
    assert listed == [recorded[-1]]
    shown = listed[0].as_dict()  # the read prepares it, once, exactly as before
    assert shown == {"id": 50, **eager_fields(SECRET_REQUEST)}
    assert len(redactions) == 1 and recorded[-1].prepared() and not recorded[0].prepared()
    assert listed[0].as_dict() == shown and listed[0].body == shown["body"]
    assert len(redactions) == 1  # kept: a second read does not prepare again
    text = json.dumps(shown)
    assert "hunter2" not in text and "s3cret" not in text and "k3y" not in text
    assert "t0ps3cret" not in text


def test_a_feed_subscriber_gets_entries_it_prepares_itself() -> None:
    journal = Journal()
    with journal.subscribe() as feed:
        entry = journal.record(SECRET_REQUEST)
        delivered = feed.get(0)
    assert delivered is entry and not entry.prepared()  # the request did not prepare it
    assert delivered.as_dict() == {"id": 1, **eager_fields(SECRET_REQUEST)}


def test_a_large_body_is_not_kept_whole_until_a_read() -> None:
    journal = Journal(body_cap=10)
    entry = journal.record(observed(body=b"x" * 1_000_000, response_body=b"y" * 1_000_000))
    assert sys.getsizeof(entry._raw) + sum(sys.getsizeof(part) for part in entry._raw or ()) < 2000
    assert entry.body == "x" * 10 and entry.response == {"status": 200, "body": "y" * 10}


def test_path_and_method_filters_prepare_what_they_read() -> None:
    journal = Journal()
    journal.record(observed(path="/a\udc80", method="post"))
    journal.record(observed(path="/b"))
    assert [e.id for e in journal.entries("default", JournalFilter(path="/a\ufffd"))] == [1]
    assert [e.id for e in journal.entries("default", JournalFilter(method="POST"))] == [1]


def test_json_nested_past_the_parser_limit_is_kept_as_sent() -> None:
    body = "[" * 3000
    entry = Journal().record(observed(body=body.encode(), content_type="application/json"))
    assert entry.body == body[:DEFAULT_BODY_CAP]


_headers = st.lists(
    st.tuples(
        st.one_of(
            st.sampled_from(["Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "Accept"]),
            st.text(st.characters(exclude_categories=()), min_size=1, max_size=12),
        ),
        st.text(st.characters(exclude_categories=()), max_size=24),
    ),
    max_size=6,
)
_query = st.one_of(
    st.binary(max_size=40),
    st.text(st.characters(exclude_categories=()), max_size=40),
    st.lists(
        st.tuples(st.sampled_from(["token", "page", "client_secret", "q"]), st.text(max_size=6)),
        max_size=5,
    ).map(lambda pairs: urlencode(pairs).encode()),
)
_json_body = st.recursive(
    st.none() | st.integers() | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["password", "name", "api_key", "n"]), inner, max_size=3)
    ),
    max_leaves=8,
).map(lambda doc: json.dumps(doc).encode())
_form_body = st.lists(
    st.tuples(st.sampled_from(["client_secret", "grant_type", "pwd", "x"]), st.text(max_size=6)),
    max_size=4,
).map(lambda pairs: urlencode(pairs).encode())


@settings(deadline=None, max_examples=300)
@given(
    headers=_headers,
    query=_query,
    body=st.one_of(st.binary(max_size=80), _json_body, _form_body),
    content_type=st.sampled_from(
        [None, "application/json", "application/x-www-form-urlencoded; charset=utf-8", "text/plain"]
    ),
    response_body=st.binary(max_size=80),
    method=st.text(st.characters(exclude_categories=()), min_size=1, max_size=6),
    path=st.text(st.characters(exclude_categories=()), max_size=12),
    body_cap=st.integers(0, 64),
)
def test_lazy_and_eager_preparation_give_identical_entries(
    headers: list[tuple[str, str]],
    query: bytes | str,
    body: bytes,
    content_type: str | None,
    response_body: bytes,
    method: str,
    path: str,
    body_cap: int,
) -> None:
    raw = observed(
        headers=headers,
        query_string=query,
        body=body,
        content_type=content_type,
        response_body=response_body,
        method=method,
        path=path,
    )
    expected = {"id": 1, **eager_fields(raw, body_cap)}
    journal = Journal(body_cap=body_cap)
    assert journal.prepare(raw) == {k: v for k, v in expected.items() if k != "id"}
    entry = journal.record(raw)
    headers.append(("X-Later", "changed after recording"))  # the entry took a snapshot
    assert not entry.prepared()
    assert entry.as_dict() == expected
    assert JournalEntry(**expected) == entry
    assert json.dumps(entry.as_dict(), ensure_ascii=False) == json.dumps(
        expected, ensure_ascii=False
    )
