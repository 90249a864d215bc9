"""core/auth: schemes, scopes, issued-token expiry, Basic with a token, version headers."""

from __future__ import annotations

import base64

import pytest
from flask import Flask, request

from mockdesk.core.auth import AuthPolicy, Credentials, VersionHeader
from mockdesk.core.errors import Forbidden, Unauthenticated, UnsupportedVersion

BASIC = "Basic " + base64.b64encode(b"mockdesk-key:mockdesk-secret").decode()


def reason(credentials: Credentials, header: str | None, policy: AuthPolicy) -> str:
    with pytest.raises(Unauthenticated) as caught:
        credentials.authenticate(header, policy)
    return caught.value.reason


def _basic(pair: str) -> str:
    return "Basic " + base64.b64encode(pair.encode()).decode()


VERSIONS = VersionHeader("X-Api-Version", ("2023-01-01", "beta"), default="2023-01-01")


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


def test_basic_with_token_as_username_accepts_any_password() -> None:
    policy = AuthPolicy(schemes=("bearer", "basic"), basic_username_is_token=True)
    credentials = Credentials()
    assert credentials.authenticate(_basic("mockdesk-token:x"), policy).name == "mockdesk-token"
    with pytest.raises(Unauthenticated):
        credentials.authenticate(_basic("wrong-token:x"), policy)
    with pytest.raises(Unauthenticated):
        credentials.authenticate(_basic("mockdesk-token"), policy)


def test_basic_pairs_still_work_without_the_flag() -> None:
    policy = AuthPolicy(schemes=("basic",))
    credentials = Credentials()
    assert credentials.authenticate(_basic("mockdesk-key:mockdesk-secret"), policy)
    with pytest.raises(Unauthenticated):
        credentials.authenticate(_basic("mockdesk-token:x"), policy)


def test_missing_header_means_the_default() -> None:
    assert VERSIONS.resolve({}) == "2023-01-01"


@pytest.mark.parametrize("value", ["2023-01-01", "beta"])
def test_known_values_are_accepted(value: str) -> None:
    assert VERSIONS.resolve({"X-Api-Version": value}) == value


@pytest.mark.parametrize("value", ["", "BETA", "2023-01-02", " beta"])
def test_anything_else_is_unsupported(value: str) -> None:
    with pytest.raises(UnsupportedVersion) as raised:
        VERSIONS.resolve({"X-Api-Version": value})
    assert (raised.value.header, raised.value.value, raised.value.status) == (
        "X-Api-Version",
        value,
        406,
    )


def test_header_names_are_case_insensitive_through_werkzeug_headers() -> None:
    app = Flask("t")
    with app.test_request_context(headers={"x-api-version": "beta"}):
        assert VERSIONS.resolve(request.headers) == "beta"


def test_policies_without_a_version_header_are_unchanged() -> None:
    assert AuthPolicy(schemes=("bearer",)).version is None
