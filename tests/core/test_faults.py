"""Fault rules: validation that names the field, matching, lifetimes, atomic picks, errors."""

from __future__ import annotations

import itertools
import json
import statistics
import threading
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from limits import parse
from marshmallow import ValidationError

from mockdesk.core.errors import (
    Forbidden,
    InternalError,
    RateLimited,
    RouteNotFound,
    ServiceUnavailable,
    Unauthenticated,
)
from mockdesk.core.faults import (
    ERROR_KINDS,
    MAX_DELAY_MS,
    FaultBook,
    RequestFacts,
    RuleSpec,
    build_error,
)

VENDORS = ("sendcloud", "hostup")
FACTS = RequestFacts("sendcloud", "/api/v3/support/tickets", "GET", "mockdesk-token", "default")


def rule(**body: Any) -> RuleSpec:
    return RuleSpec.from_json(body, VENDORS)


def facts(**changes: Any) -> RequestFacts:
    values = {**FACTS.__dict__, **changes}
    return RequestFacts(**values)


def test_defaults_and_echo() -> None:
    spec = rule(error="unavailable")
    assert spec.as_dict() == {
        "vendor": None,
        "path_prefix": None,
        "method": None,
        "credential": None,
        "tenant": None,
        "error": "unavailable",
        "delay_ms": None,
        "delay": None,
        "transport": None,
        "times": 1,
        "probability": 1.0,
    }
    full = rule(
        vendor="hostup",
        path_prefix="/api/v2",
        method="post",
        credential="mockdesk-token",
        tenant="gw0",
        error="rate_limited",
        delay={"median_ms": 200, "sigma": 0.5},
        transport="malformed",
        times=None,
        probability=0.5,
    )
    assert full.method == "POST" and full.times is None
    assert full.as_dict()["delay"] == {"median_ms": 200.0, "sigma": 0.5}
    json.dumps(full.as_dict())


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ("not an object", "_schema"),
        ({}, "_schema"),  # no effect
        ({"vendor": "sendcloud"}, "_schema"),  # still no effect
        ({"error": "explode"}, "error"),
        ({"error": 5}, "error"),
        ({"error": "internal", "vendor": "nope"}, "vendor"),
        ({"error": "internal", "vendor": 3}, "vendor"),
        ({"error": "internal", "path_prefix": "api"}, "path_prefix"),
        ({"error": "internal", "path_prefix": "/a\ud800"}, "path_prefix"),
        ({"error": "internal", "path_prefix": "/" + "a" * 5000}, "path_prefix"),
        ({"error": "internal", "credential": "tok\n"}, "credential"),
        ({"error": "internal", "method": "GET /"}, "method"),
        ({"error": "internal", "tenant": "has space"}, "tenant"),
        ({"error": "internal", "tenant": "*"}, "tenant"),
        ({"error": "internal", "times": 0}, "times"),
        ({"error": "internal", "times": -1}, "times"),
        ({"error": "internal", "times": 1.5}, "times"),
        ({"error": "internal", "times": True}, "times"),
        ({"error": "internal", "times": "2"}, "times"),
        ({"error": "internal", "probability": 1.5}, "probability"),
        ({"error": "internal", "probability": -0.1}, "probability"),
        ({"error": "internal", "probability": float("nan")}, "probability"),
        ({"error": "internal", "probability": "1"}, "probability"),
        ({"delay_ms": -1}, "delay_ms"),
        ({"delay_ms": MAX_DELAY_MS + 1}, "delay_ms"),
        ({"delay_ms": float("inf")}, "delay_ms"),
        ({"delay_ms": 10**400}, "delay_ms"),
        ({"delay": 5}, "delay"),
        ({"delay": {"median_ms": 100}}, "delay.sigma"),
        ({"delay": {"sigma": 1}}, "delay.median_ms"),
        ({"delay": {"median_ms": 0, "sigma": 1}}, "delay.median_ms"),
        ({"delay": {"median_ms": 100, "sigma": -1}}, "delay.sigma"),
        ({"delay": {"median_ms": 100, "sigma": 1, "mean": 3}}, "delay.mean"),
        ({"delay_ms": 5, "delay": {"median_ms": 100, "sigma": 1}}, "delay"),
        ({"transport": "explode"}, "transport"),
        ({"error": "internal", "colour": "red"}, "colour"),
        ({"error": "internal", "\udcff": 1}, "\\udcff"),
    ],
)
def test_bad_input_names_the_field(body: object, field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        RuleSpec.from_json(body, VENDORS)
    messages = raised.value.messages
    assert isinstance(messages, dict) and field in messages, messages
    json.dumps(messages, ensure_ascii=False).encode("utf-8")  # renderable as a 400 body


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as raised:
        RuleSpec.from_json({"error": "x", "times": 0, "probability": 2, "extra": 1})
    assert set(raised.value.messages) == {"error", "times", "probability", "extra"}


@settings(max_examples=300, deadline=None)  # timing is not under test; CI may be loaded
@given(
    st.dictionaries(
        st.sampled_from(["vendor", "error", "times", "probability", "delay", "delay_ms", "x"]),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner),
            max_leaves=5,
        ),
    )
)
def test_arbitrary_json_is_a_rule_or_a_field_error(body: dict[str, Any]) -> None:
    try:
        spec = RuleSpec.from_json(body, VENDORS)
    except ValidationError as error:
        assert isinstance(error.messages, dict) and error.messages
        json.dumps(error.messages)
    else:
        json.dumps(spec.as_dict())


@pytest.mark.parametrize(
    ("body", "matching", "other"),
    [
        ({"vendor": "hostup"}, {"vendor": "hostup"}, {"vendor": "sendcloud"}),
        ({"path_prefix": "/api/v3/support"}, {}, {"path": "/api/v2/x"}),
        ({"method": "post"}, {"method": "POST"}, {"method": "GET"}),
        ({"credential": "mockdesk-token"}, {}, {"credential": None}),
        ({"credential": "mockdesk-token"}, {}, {"credential": "mockdesk-token-noscope"}),
        ({"tenant": "gw1"}, {"tenant": "gw1"}, {"tenant": "gw0"}),
    ],
)
def test_matching(body: dict[str, Any], matching: dict[str, Any], other: dict[str, Any]) -> None:
    spec = rule(error="internal", **body)
    assert spec.matches(facts(**matching))
    assert not spec.matches(facts(**other))


def test_tried_in_order_and_used_up_rules_disappear() -> None:
    book = FaultBook()
    first = book.add(rule(error="unavailable", times=2))
    second = book.add(rule(error="internal", times=1))
    picks = [book.pick(FACTS) for _ in range(4)]
    assert [p and (p.rule_id, p.error) for p in picks] == [
        (first.id, "unavailable"),
        (first.id, "unavailable"),
        (second.id, "internal"),
        None,
    ]
    assert book.rules() == []


def test_until_removed_counts_fired() -> None:
    book = FaultBook()
    added = book.add(rule(delay_ms=5, times=None))
    for _ in range(3):
        decision = book.pick(FACTS)
        assert decision is not None and decision.delay_ms == 5 and decision.error is None
    (listed,) = book.rules()
    assert listed.as_dict()["fired"] == 3 and listed.id == added.id
    assert book.get(added.id) == listed.as_dict()
    assert book.remove(added.id) and not book.remove(added.id)
    assert book.pick(FACTS) is None


def test_a_rule_that_does_not_match_is_skipped() -> None:
    book = FaultBook()
    book.add(rule(error="internal", vendor="hostup"))
    assert book.pick(FACTS) is None
    assert len(book) == 1


def test_times_two_fires_exactly_twice_under_threads() -> None:
    for _ in range(20):
        assert _race_for_a_times_two_rule(16) == 2


def _race_for_a_times_two_rule(threads: int) -> int:
    book = FaultBook()
    book.add(rule(error="unavailable", times=2))
    fired: list[int] = []
    barrier = threading.Barrier(threads)

    def work() -> None:
        barrier.wait()
        decision = book.pick(FACTS)
        if decision is not None:
            fired.append(decision.rule_id)

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(book) == 0
    return len(fired)


def test_probability_skips_without_using_up_a_time() -> None:
    book = FaultBook(seed=1)
    book.add(rule(error="internal", probability=0.25, times=None))
    book.add(rule(error="unavailable", times=None))
    kinds = [d.error for d in (book.pick(FACTS) for _ in range(2000)) if d is not None]
    share = kinds.count("internal") / len(kinds)
    assert len(kinds) == 2000 and 0.2 < share < 0.3
    never = FaultBook()
    never.add(rule(error="internal", probability=0))
    assert never.pick(FACTS) is None and len(never) == 1


def test_log_normal_delay_has_the_median_and_is_capped() -> None:
    book = FaultBook(seed=3)
    book.add(rule(delay={"median_ms": 100, "sigma": 0.5}, times=None))
    samples = [d.delay_ms for d in (book.pick(FACTS) for _ in range(4000)) if d is not None]
    assert 90 < statistics.median(samples) < 110
    assert len(set(samples)) > 3000  # not a constant
    wide = FaultBook(seed=3)
    wide.add(rule(delay={"median_ms": MAX_DELAY_MS, "sigma": 5}, times=None))
    assert all(
        d is not None and d.delay_ms <= MAX_DELAY_MS for d in (wide.pick(FACTS) for _ in range(200))
    )


def test_seeded_books_repeat() -> None:
    def run() -> list[float]:
        book = FaultBook(seed="7:gw0")
        book.add(rule(delay={"median_ms": 50, "sigma": 1}, probability=0.5, times=None))
        return [d.delay_ms if d else -1.0 for d in (book.pick(FACTS) for _ in range(50))]

    assert run() == run()
    book = FaultBook(seed=11)
    book.add(rule(delay={"median_ms": 50, "sigma": 1}, times=None))
    first = [d.delay_ms for d in (book.pick(FACTS) for _ in range(5)) if d]
    book.clear()
    book.add(rule(delay={"median_ms": 50, "sigma": 1}, times=None))
    assert [d.delay_ms for d in (book.pick(FACTS) for _ in range(5)) if d] == first


def test_cap_on_rules() -> None:
    book = FaultBook(max_rules=3)
    for _ in range(3):
        book.add(rule(error="internal"))
    with pytest.raises(ValidationError, match="at most 3"):
        book.add(rule(error="internal"))
    assert len(book) == 3


def test_shared_id_counter_never_reuses_ids() -> None:
    ids = itertools.count(1)
    one, two = FaultBook(ids=ids), FaultBook(ids=ids)
    assert [one.add(rule(error="internal")).id, two.add(rule(error="internal")).id] == [1, 2]
    one.clear()
    assert one.add(rule(error="internal")).id == 3


@pytest.mark.parametrize(
    ("kind", "cls", "status"),
    [
        ("unauthenticated", Unauthenticated, 401),
        ("expired", Unauthenticated, 401),
        ("forbidden", Forbidden, 403),
        ("rate_limited", RateLimited, 429),
        ("not_found", RouteNotFound, 404),
        ("internal", InternalError, 500),
        ("unavailable", ServiceUnavailable, 503),
    ],
)
def test_every_kind_builds_an_injected_neutral_error(kind: str, cls: type, status: int) -> None:
    error = build_error(kind, parse("30/minute"), now=1000.0)
    assert isinstance(error, cls) and error.status == status and error.injected
    assert kind in ERROR_KINDS


def test_injected_429_quotes_the_limit_on_the_tenant_clock() -> None:
    error = build_error("rate_limited", parse("30/minute"), now=1000.0)
    assert isinstance(error, RateLimited)
    status = error.rate_limit
    assert (status.limit, status.remaining, status.reset_at) == (30, 0, 1060.0)
    assert status.description == "30 per 1 minute"
    off = build_error("rate_limited", None, now=0.0)
    assert isinstance(off, RateLimited) and off.rate_limit.window_seconds == 1


def test_expired_and_unauthenticated_differ_in_reason() -> None:
    expired, invalid = build_error("expired"), build_error("unauthenticated")
    assert isinstance(expired, Unauthenticated) and isinstance(invalid, Unauthenticated)
    assert (str(expired.reason), str(invalid.reason)) == ("expired", "invalid")


def test_decision_builds_its_error() -> None:
    book = FaultBook()
    book.add(rule(error="unavailable", transport="malformed"))
    decision = book.pick(FACTS)
    assert decision is not None and decision.transport == "malformed"
    assert isinstance(decision.build_error(None, 0.0), ServiceUnavailable)
    book.add(rule(transport="reset"))
    only_transport = book.pick(FACTS)
    assert only_transport is not None and only_transport.build_error(None, 0.0) is None
