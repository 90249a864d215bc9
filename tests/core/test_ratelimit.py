"""core/ratelimit: the limit notation and the windows a CounterStore gives."""

from __future__ import annotations

import pytest

from mockdesk.core.auth import AuthPolicy, Credentials
from mockdesk.core.errors import RateLimited, Unauthenticated
from mockdesk.core.ratelimit import CounterStore, describe, parse_limit


def reason(credentials: Credentials, header: str | None, policy: AuthPolicy) -> str:
    with pytest.raises(Unauthenticated) as caught:
        credentials.authenticate(header, policy)
    return caught.value.reason


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
