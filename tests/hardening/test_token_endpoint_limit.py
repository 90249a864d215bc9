"""The OAuth token endpoint's own rate limit: per client and issuer, counted in the server's
windows, refused with an RFC 6749 body, a 429 and ``Retry-After``."""

from __future__ import annotations

import base64

import pytest

from mockdesk.core.auth import Credentials
from mockdesk.core.oauth import TOKEN_RATE_LIMIT, ClientCredentialsGrant, OAuthError
from mockdesk.core.ratelimit import CounterStore

FORM = {"grant_type": "client_credentials"}
BASIC = "Basic " + base64.b64encode(b"mockdesk-key:mockdesk-secret").decode()


def grant(rate_limit: str = TOKEN_RATE_LIMIT) -> ClientCredentialsGrant:
    return ClientCredentialsGrant(3600, "bearer", ("api",), frozenset({"api"}), rate_limit)


def test_sixty_tokens_a_minute_per_client_then_slow_down() -> None:
    credentials, limiter, endpoint = Credentials(), CounterStore().windows(), grant()
    for _ in range(60):
        endpoint.issue(credentials, FORM, BASIC, limiter=limiter, issuer="sendcloud")
    with pytest.raises(OAuthError) as refused:
        endpoint.issue(credentials, FORM, BASIC, limiter=limiter, issuer="sendcloud")
    error = refused.value
    assert (error.error, error.status) == ("slow_down", 429)
    assert error.retry_after is not None and 1 <= error.retry_after <= 60
    response = error.response()
    assert response.status_code == 429
    assert response.headers["Retry-After"] == str(error.retry_after)
    assert response.headers["Cache-Control"] == "no-store"
    assert response.get_json()["error"] == "slow_down"
    # another issuer, and the same client's API window, count apart
    endpoint.issue(credentials, FORM, BASIC, limiter=limiter, issuer="teamwork")


def test_failed_client_authentication_is_not_counted() -> None:
    credentials, limiter, endpoint = Credentials(), CounterStore().windows(), grant("2/minute")
    wrong = "Basic " + base64.b64encode(b"mockdesk-key:wrong").decode()
    for _ in range(5):
        with pytest.raises(OAuthError, match="invalid_client"):
            endpoint.issue(credentials, FORM, wrong, limiter=limiter)
    endpoint.issue(credentials, FORM, BASIC, limiter=limiter)
    endpoint.issue(credentials, FORM, BASIC, limiter=limiter)
    with pytest.raises(OAuthError, match="slow_down"):
        endpoint.issue(credentials, FORM, BASIC, limiter=limiter)
    limiter.forget()  # the server's reset clears it with every other window
    endpoint.issue(credentials, FORM, BASIC, limiter=limiter)


def test_off_or_no_limiter_means_no_limit() -> None:
    credentials, limiter = Credentials(), CounterStore().windows()
    for _ in range(70):
        grant("off").issue(credentials, FORM, BASIC, limiter=limiter)
        grant().issue(credentials, FORM, BASIC)


def test_a_bad_limit_fails_when_the_endpoint_is_declared() -> None:
    with pytest.raises(ValueError, match="must be one limit"):
        grant("1/second;5/minute")
