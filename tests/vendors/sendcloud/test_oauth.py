"""POST /oauth2/token/ (client credentials) and the bearer tokens it issues."""

from __future__ import annotations

import base64

import requests

from tests.support.server import ServerUnderTest
from tests.vendors.sendcloud.conftest import GOLDENS, Sendcloud

PAIR = {"client_id": "mockdesk-key", "client_secret": "mockdesk-secret"}


def token(server: ServerUnderTest, **form: str) -> requests.Response:
    return requests.post(f"{server.url}/oauth2/token/", data=form, timeout=5)


def test_client_secret_post_token_works_as_bearer(
    server: ServerUnderTest, client: Sendcloud
) -> None:
    response = token(server, grant_type="client_credentials", **PAIR)
    assert response.status_code == 200
    body = response.json()
    assert (body["expires_in"], body["scope"], body["token_type"]) == (3600, "api", "bearer")
    assert response.headers["Cache-Control"] == "no-store"
    bearer = {"Authorization": f"Bearer {body['access_token']}"}
    assert client.tickets(headers=bearer).status_code == 200


def test_client_secret_basic_is_accepted(server: ServerUnderTest) -> None:
    pair = base64.b64encode(b"mockdesk-key:mockdesk-secret").decode()
    response = requests.post(
        f"{server.url}/oauth2/token/",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {pair}"},
        timeout=5,
    )
    assert response.status_code == 200


def test_expired_token_is_rejected_like_wrong_credentials(
    server: ServerUnderTest, client: Sendcloud
) -> None:
    access = token(server, grant_type="client_credentials", **PAIR).json()["access_token"]
    assert requests.post(f"{server.url}/__mockdesk/tokens/expire", timeout=5).json() == {
        "expired": 1
    }
    response = client.tickets(headers={"Authorization": f"Bearer {access}"})
    GOLDENS.assert_body(response, "bad_credentials.json", 401)


def test_oauth_errors_follow_rfc_6749(server: ServerUnderTest) -> None:
    assert token(server, **PAIR).json()["error"] == "invalid_request"
    wrong_grant = token(server, grant_type="password", **PAIR)
    assert (wrong_grant.status_code, wrong_grant.json()["error"]) == (400, "unsupported_grant_type")
    wrong_client = token(server, grant_type="client_credentials", client_id="x", client_secret="y")
    assert (wrong_client.status_code, wrong_client.json()["error"]) == (401, "invalid_client")
    scope = token(server, grant_type="client_credentials", scope="admin", **PAIR)
    assert scope.json()["error"] == "invalid_scope"
