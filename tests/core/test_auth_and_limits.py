"""Credentials, schemes, scopes, issued-token expiry and the rate limiter."""

from __future__ import annotations

import base64

import pytest

from mockdesk.core.auth import AuthPolicy, Credentials
from mockdesk.core.errors import Forbidden, RateLimited, Unauthenticated
from mockdesk.core.ratelimit import CounterStore, describe, parse_limit

BASIC = "Basic " + base64.b64encode(b"mockdesk-key:mockdesk-secret").decode()


def reason(credentials: Credentials, header: str | None, policy: AuthPolicy) -> str:
    with pytest.raises(Unauthenticated) as caught:
        credentials.authenticate(header, policy)
    return caught.value.reason


def test_schemes_are_only_those_the_vendor_reads() -> None:
    c = Credentials()
    bearer, raw = AuthPolicy(("bearer",)), AuthPolicy(("raw",))
    assert c.authenticate("Bearer mockdesk-token", bearer).name == "mockdesk-token"
    assert c.authenticate("mockdesk-token", raw).name == "mockdesk-token"
    assert reason(c, "Bearer mockdesk-token", raw) == "invalid"
    assert reason(c, "mockdesk-token", bearer) == "invalid"
    assert reason(c, None, bearer) == "missing"
    assert c.authenticate(BASIC, AuthPolicy(("basic",))).name == "mockdesk-key"
    assert reason(c, BASIC, bearer) == "invalid"


def test_scopes() -> None:
    c = Credentials()
    policy = AuthPolicy(("bearer",), scope="tickets:read")
    assert c.authenticate("Bearer mockdesk-token", policy)
    with pytest.raises(Forbidden):
        c.authenticate("Bearer mockdesk-token-noscope", policy)


def test_issued_tokens_expire() -> None:
    now = [1000.0]
    c = Credentials(clock=lambda: now[0])
    principal = c.check_pair("mockdesk-key", "mockdesk-secret")
    assert principal is not None
    token = c.issue(principal, 60, ["api"])
    policy = AuthPolicy(("bearer",), scope="api")
    assert c.authenticate(f"Bearer {token}", policy).name == "mockdesk-key"
    now[0] += 60
    assert reason(c, f"Bearer {token}", policy) == "expired"


def test_limits_notation_and_off() -> None:
    assert parse_limit("off") is None
    assert describe(parse_limit("30/minute")) == "30 per 1 minute"
    with pytest.raises(ValueError):
        parse_limit("often")


def test_moving_window_per_vendor_and_credential() -> None:
    limiter = CounterStore().windows()
    limit = parse_limit("2/minute")
    assert limiter.hit(limit, "v", "a").remaining == 1
    assert limiter.hit(limit, "v", "a").remaining == 0
    with pytest.raises(RateLimited) as caught:
        limiter.hit(limit, "v", "a")
    status = caught.value.rate_limit
    assert (status.limit, status.remaining, status.window_seconds) == (2, 0, 60)
    assert 1 <= status.retry_after <= 60
    assert limiter.hit(limit, "v", "b").remaining == 1
    assert limiter.hit(limit, "w", "a").remaining == 1
    limiter.forget()
    assert limiter.hit(limit, "v", "a").remaining == 1
