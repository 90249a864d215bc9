"""Tenants: names, isolation of every part, reset of one vs all, the cap."""

from __future__ import annotations

import threading

import pytest
from limits import parse

from mockdesk.core.auth import AuthPolicy, Credentials, DefaultCredentials, Principal
from mockdesk.core.clock import MockClock
from mockdesk.core.errors import RateLimited, Unauthenticated
from mockdesk.core.faults import RequestFacts, RuleSpec
from mockdesk.core.journal import ALL_TENANTS, Observed
from mockdesk.core.tenants import (
    DEFAULT_TENANT,
    MAX_TENANTS,
    TenantBook,
    TenantError,
    tenant_name,
)
from mockdesk.core.windows import MovingWindows


@pytest.mark.parametrize(("header", "name"), [(None, "default"), ("", "default"), (" gw0 ", "gw0")])
def test_names(header: str | None, name: str) -> None:
    assert tenant_name(header) == name


@pytest.mark.parametrize(
    "header", ["a b", "x" * 65, "*", "a,b", "é", "tab\there", "\x00", "gw\x7f"]
)
def test_bad_names(header: str) -> None:
    with pytest.raises(TenantError, match="X-Mockdesk-Tenant"):
        tenant_name(header)


def test_same_name_same_tenant_default_always_there() -> None:
    book = TenantBook()
    assert book.get("gw0") is book.get("gw0")
    assert book.get(None) is book.get("") is book.default
    assert book.names() == ["default", "gw0"]
    assert book.find("nobody") is None


def test_every_part_is_isolated() -> None:
    book = TenantBook()
    a, b = book.get("a"), book.get("b")
    a.clock.advance(3600)
    assert abs(b.clock.now() - a.clock.now()) > 3500
    a.faults.add(RuleSpec.from_json({"error": "internal"}))
    facts = RequestFacts("v", "/p", "GET", None, "b")
    assert b.faults.pick(facts) is None and len(a.faults) == 1
    limit = parse("1/minute")
    a.windows.hit(limit, "v", "tok")
    with pytest.raises(RateLimited):
        a.windows.hit(limit, "v", "tok")
    assert b.windows.hit(limit, "v", "tok").remaining == 0
    a.set_limit("v", None)
    assert a.limit_for("v", limit) is None and b.limit_for("v", limit) is limit
    assert a.limits({"v": limit, "w": None}) == {"v": None, "w": None}
    a.journal.record(_observed("a"))
    assert len(a.journal.entries()) == 1 and b.journal.entries() == []
    assert a.runtime is not b.runtime and a.credentials is not b.credentials


def test_tokens_expire_on_the_tenants_clock() -> None:
    book = TenantBook(
        make_credentials=lambda clock: Credentials(clock=clock, defaults=DefaultCredentials())
    )
    tenant = book.get("gw0")
    token = tenant.credentials.issue(Principal("c", frozenset({"*"})), 60, ["*"])
    policy = AuthPolicy(schemes=("bearer",))
    tenant.clock.advance(61)
    with pytest.raises(Unauthenticated):
        tenant.credentials.authenticate(f"Bearer {token}", policy)
    with pytest.raises(Unauthenticated):  # and a token never crosses tenants
        book.get("gw1").credentials.authenticate(f"Bearer {token}", policy)


def test_reset_one_tenant_leaves_the_others() -> None:
    book = TenantBook()
    a, b = book.get("a"), book.get("b")
    for tenant in (a, b):
        tenant.faults.add(RuleSpec.from_json({"error": "internal"}))
        tenant.journal.record(_observed(tenant.name))
        tenant.clock.freeze()
    limit = parse("1/minute")
    a.windows.hit(limit, "v", "c")
    a.set_limit("v", None)
    token = a.credentials.issue(Principal("c", frozenset({"*"})), 60, ["*"])
    a.runtime.clear()  # (runtime has its own tests; here only that reset reaches it)
    fresh = book.reset("a", seed=7)
    assert fresh is book.get("a") is a and fresh.seed == 7  # in place: references stay good
    assert len(fresh.faults) == 0 and not fresh.clock.frozen and fresh.journal.entries() == []
    assert fresh.windows.peek(limit, "v", "c").remaining == 1
    assert fresh.limit_for("v", limit) is limit
    with pytest.raises(Unauthenticated):
        fresh.credentials.authenticate(f"Bearer {token}", AuthPolicy(schemes=("bearer",)))
    assert book.get("b") is b and len(b.faults) == 1 and b.clock.frozen
    assert len(b.journal.entries()) == 1


def test_reset_all() -> None:
    book = TenantBook()
    default = book.default
    book.get("a").journal.record(_observed("a"))
    default.faults.add(RuleSpec.from_json({"error": "internal"}))
    fresh = book.reset_all()
    assert book.names() == [DEFAULT_TENANT] and fresh is book.default is default
    assert len(default.faults) == 0
    assert book.journal.entries(ALL_TENANTS) == []


def test_rule_ids_are_unique_across_tenants_and_resets() -> None:
    book = TenantBook()
    spec = RuleSpec.from_json({"error": "internal"})
    ids = [book.get("a").faults.add(spec).id, book.get("b").faults.add(spec).id]
    book.reset_all()
    ids.append(book.default.faults.add(spec).id)
    assert ids == [1, 2, 3]


def test_cap_and_drop_frees_a_slot() -> None:
    book = TenantBook(max_tenants=3)
    book.get("a")
    book.get("b")
    with pytest.raises(TenantError, match="at most 3"):
        book.get("c")
    with pytest.raises(TenantError):
        book.reset("c")
    assert book.drop("a") and not book.drop("a")
    book.get("c")
    assert book.names() == ["b", "c", "default"]
    assert book.drop(None) and DEFAULT_TENANT in book.names()


def test_default_cap_is_documented() -> None:
    assert MAX_TENANTS == 64


def test_concurrent_first_use_makes_one_tenant() -> None:
    book = TenantBook()
    seen = []
    barrier = threading.Barrier(16)

    def work() -> None:
        barrier.wait()
        seen.append(book.get("gw0"))

    threads = [threading.Thread(target=work) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(tenant) for tenant in seen}) == 1


def test_fault_seed_repeats_per_tenant() -> None:
    def delays() -> list[float]:
        book = TenantBook(fault_seed=5)
        faults = book.get("gw0").faults
        faults.add(RuleSpec.from_json({"delay": {"median_ms": 10, "sigma": 1}, "times": None}))
        facts = RequestFacts("v", "/", "GET", None, "gw0")
        return [d.delay_ms for d in (faults.pick(facts) for _ in range(5)) if d]

    assert delays() == delays()


def _observed(tenant: str) -> Observed:
    return Observed(tenant, "v", "GET", "/p", b"", [], b"", None, 200, 1.0, 0.0)


def test_pluggable_windows_are_forgotten_on_reset_and_drop() -> None:
    made: dict[str, list[MovingWindows]] = {}

    def make(clock: MockClock, name: str) -> MovingWindows:
        windows = MovingWindows(clock)
        made.setdefault(name, []).append(windows)
        return windows

    book = TenantBook(make_windows=make)
    limit = parse("5/minute")
    book.get("a").windows.hit(limit, "v", "c")
    book.reset("a")
    assert made["a"][0].snapshot() == [] and len(made["a"]) == 1
    book.get("a").windows.hit(limit, "v", "c")
    book.get("b").windows.hit(limit, "v", "c")
    book.drop("a")
    assert made["a"][0].snapshot() == []
    book.default.windows.hit(limit, "v", "c")
    book.reset_all()
    assert made["default"][0].snapshot() == [] and made["b"][0].snapshot() == []
