"""A token issued by one vendor's OAuth endpoint authenticates only there; issued tokens are
bounded (expired ones are forgotten, and there is a cap)."""

from __future__ import annotations

import pytest
import requests

from mockdesk.core.auth import MAX_ISSUED_TOKENS, AuthPolicy, Credentials, Principal
from mockdesk.core.clock import MockClock
from mockdesk.core.errors import AuthFailure, Unauthenticated
from mockdesk.testing.live import LiveServer
from mockdesk.vendors.registry import VENDORS

SPECS = {spec.slug: spec for spec in VENDORS}


def token(mockdesk: LiveServer) -> str:
    response = requests.post(
        f"{mockdesk.url}/oauth2/token",
        data={"grant_type": "client_credentials"},
        auth=("mockdesk-key", "mockdesk-secret"),
        timeout=5,
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


@pytest.mark.parametrize("slug", ["29next", "hostup", "teamwork"])
def test_a_sendcloud_token_is_a_normal_401_elsewhere(mockdesk: LiveServer, slug: str) -> None:
    issued = token(mockdesk)
    sendcloud = SPECS["sendcloud"]
    own = requests.get(
        mockdesk.url + sendcloud.list_path,
        headers={"Authorization": f"Bearer {issued}"},
        timeout=5,
    )
    assert own.status_code == 200
    spec = SPECS[slug]
    headers = {**spec.demo_headers, "Authorization": f"Bearer {issued}"}
    elsewhere = requests.get(mockdesk.url + spec.list_path, headers=headers, timeout=5)
    assert elsewhere.status_code == 401


def test_issued_tokens_are_purged_after_expiry_and_capped() -> None:
    clock = MockClock()
    credentials = Credentials(clock=clock)
    policy = AuthPolicy(schemes=("bearer",), token_issuer="v")
    client = Principal("client", frozenset())
    old = credentials.issue(client, 60, [], issuer="v")
    clock.advance(61)
    with pytest.raises(Unauthenticated) as expired:
        credentials.authenticate(f"Bearer {old}", policy)
    assert expired.value.reason is AuthFailure.EXPIRED
    clock.advance(2 * 24 * 3600)
    credentials.issue(client, 60, [], issuer="v")  # issuing purges the long-expired one
    with pytest.raises(Unauthenticated) as forgotten:
        credentials.authenticate(f"Bearer {old}", policy)
    assert forgotten.value.reason is AuthFailure.INVALID
    tokens = [credentials.issue(client, 3600, [], issuer="v") for _ in range(MAX_ISSUED_TOKENS + 1)]
    assert credentials.authenticate(f"Bearer {tokens[-1]}", policy).name == "client"
    with pytest.raises(Unauthenticated):  # the oldest went first
        credentials.authenticate(f"Bearer {tokens[0]}", policy)
