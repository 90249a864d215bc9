"""The token endpoint answers at every path a real client posts to, directly (no redirect):
``/oauth2/token`` (the merged v3 document's ``tokenUrl``, Ory Hydra's path), ``/oauth2/token/``
(the Support spec's) and ``/api/v3/oauth2/token`` (the merged document's path under its
``/api/v3`` server, where a generated client posts). Bodies are checked against the vendor's
own ``OAuth2TokenExchange`` and ``ErrorOAuth2`` schemas."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml
from openapi_core import OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse
from openapi_schema_validator import OAS30Validator

from mockdesk.vendors import sendcloud
from tests.support.server import ServerUnderTest

DOCUMENT = Path(sendcloud.__file__).with_name("sendcloud-v3-support-and-oauth2.yaml")
PATHS = ("/oauth2/token", "/oauth2/token/", "/api/v3/oauth2/token")
BASIC = ("mockdesk-key", "mockdesk-secret")
# What Authlib's OAuth2Session (client_secret_basic) sends with fetch_token(grant_type=...)
AUTHLIB_HEADERS = {
    "Accept": "application/json",
    "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
}


@cache
def document() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(DOCUMENT.read_text())
    return loaded


def schema_validator(name: str) -> OAS30Validator:
    schema = {**document()["components"]["schemas"][name], "components": document()["components"]}
    return OAS30Validator(schema)


@cache
def merged_spec(url: str) -> OpenAPI:
    """The merged document with its server swapped for ours: ``/oauth2/token`` under it is
    ``/api/v3/oauth2/token`` here, as for a generated client."""
    return OpenAPI.from_dict({**document(), "servers": [{"url": f"{url}/api/v3"}]})


def post_token(url: str, **form: str) -> requests.Response:
    return requests.post(
        url,
        data={"grant_type": "client_credentials", **form},
        auth=BASIC,
        headers=AUTHLIB_HEADERS,
        allow_redirects=False,
        timeout=5,
    )


@pytest.mark.parametrize("path", PATHS)
def test_each_token_path_answers_the_grant_directly(server: ServerUnderTest, path: str) -> None:
    response = post_token(f"{server.url}{path}")
    assert response.status_code == 200, (response.status_code, response.headers.get("Location"))
    body = response.json()
    schema_validator("OAuth2TokenExchange").validate(body)
    assert (body["token_type"], body["expires_in"], body["scope"]) == ("bearer", 3600, "api")
    assert response.headers["Cache-Control"] == "no-store"
    bearer = {"Authorization": f"Bearer {body['access_token']}"}
    tickets = requests.get(f"{server.url}/api/v3/dsf/tickets", headers=bearer, timeout=5)
    assert tickets.status_code == 200


def test_generated_clients_path_validates_against_the_merged_document(
    server: ServerUnderTest,
) -> None:
    response = post_token(f"{server.url}/api/v3/oauth2/token")
    merged_spec(server.url).validate_response(
        RequestsOpenAPIRequest(response.request), RequestsOpenAPIResponse(response)
    )


@pytest.mark.parametrize("path", PATHS)
def test_errors_are_oauth2_bodies_on_every_path(server: ServerUnderTest, path: str) -> None:
    wrong = requests.post(
        f"{server.url}{path}",
        data={"grant_type": "client_credentials"},
        auth=("mockdesk-key", "wrong"),
        allow_redirects=False,
        timeout=5,
    )
    assert wrong.status_code == 401
    schema_validator("ErrorOAuth2").validate(wrong.json())
    assert wrong.json()["error"] == "invalid_client"
    unsupported = post_token(f"{server.url}{path}", grant_type="password")
    assert (unsupported.status_code, unsupported.json()["error"]) == (
        400,
        "unsupported_grant_type",
    )


@pytest.mark.parametrize("path", PATHS)
def test_only_post_is_served(server: ServerUnderTest, path: str) -> None:
    response = requests.get(f"{server.url}{path}", allow_redirects=False, timeout=5)
    assert response.status_code == 405
    assert response.headers["Allow"].split(", ").count("POST") == 1
