"""Sendcloud-only endpoints (``routes.py``): the OAuth2 token endpoint and the requested-data
list.

The token endpoint (client credentials) answers at every path a real client posts to,
directly (no redirect): ``/oauth2/token`` (the merged v3 document's ``tokenUrl``, Ory Hydra's
path), ``/oauth2/token/`` (the Support spec's) and ``/api/v3/oauth2/token`` (the merged
document's path under its ``/api/v3`` server, where a generated client posts). Bodies are
checked against the vendor's own ``OAuth2TokenExchange`` and ``ErrorOAuth2`` schemas.

``GET /api/v3/support/dsf/tickets/requested-data`` (and the Support document's own path,
``/api/v3/dsf/tickets/requested-data``): one item per requested action of every ticket waiting
on the merchant, as Sendcloud's merged v3 document describes it. The document writes every
``data_type`` enum value with a trailing comma (``sales_invoice,``), a typo; the server sends
the values without it, so the test strips the commas from the document before validating
with it."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest
import requests
import yaml
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse

from tests.support.server import ServerUnderTest
from tests.support.vendor_client import VendorClient
from tests.vendors.sendcloud.conftest import (
    DATA,
    GOLDENS,
    MERGED_DOCUMENT,
    Sendcloud,
    at,
    merged_spec,
    requested_data_spec,
    schema_validator,
)

PAIR = {"client_id": "mockdesk-key", "client_secret": "mockdesk-secret"}
PATHS = ("/oauth2/token", "/oauth2/token/", "/api/v3/oauth2/token")
BASIC = ("mockdesk-key", "mockdesk-secret")
# What Authlib's OAuth2Session (client_secret_basic) sends with fetch_token(grant_type=...)
AUTHLIB_HEADERS = {
    "Accept": "application/json",
    "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
}
PATH = "/api/v3/support/dsf/tickets/requested-data"
ALIAS = "/api/v3/dsf/tickets/requested-data"
# The ticket schema's requested-action kinds, and what the endpoint calls each
PUBLIC = {
    "claim_letter": "claim_letter", "sales_invoice": "sales_invoice", "sales_data": "sales_data",
    "purchase_invoice": "purchase_invoice", "other": "other",
    "description_of_contents": "description_of_contents",
    "customer_confirmation": "confirmation_from_intended_receiver",
    "exterior_photo": "photo_of_parcel_exterior",
    "interior_photo": "photo_of_packaging_material_interior",
    "damage_photo": "photo_of_damage", "carrier_claims_form": "other",
}  # fmt: skip


def token(server: ServerUnderTest, **form: str) -> requests.Response:
    return requests.post(f"{server.url}/oauth2/token/", data=form, timeout=5)


def post_token(url: str, **form: str) -> requests.Response:
    return requests.post(
        url,
        data={"grant_type": "client_credentials", **form},
        auth=BASIC,
        headers=AUTHLIB_HEADERS,
        allow_redirects=False,
        timeout=5,
    )


def fetch(client: VendorClient, path: str = PATH, **kwargs: Any) -> requests.Response:
    response = client.get(path, **kwargs)
    if response.status_code == 200 and path == PATH:
        requested_data_spec(client.url).validate_response(
            RequestsOpenAPIRequest(response.request), RequestsOpenAPIResponse(response)
        )
    return response


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


def test_validates_against_the_vendors_document(client: Sendcloud) -> None:
    body = fetch(client).json()
    assert len(body["data"]) > 20
    data_types = {item["data_type"] for item in body["data"]}
    assert data_types <= set(PUBLIC.values())
    assert not any(value.endswith(",") for value in data_types)


def test_one_item_per_requested_action_of_the_open_tickets(client: Sendcloud) -> None:
    items = fetch(client).json()["data"]
    tickets = client.walk()
    actions = {
        action["id"]: (action, ticket)
        for ticket in tickets
        for action in ticket["requested_actions"]
    }
    assert sorted(item["request_id"] for item in items) == sorted(actions)
    for item in items:
        action, ticket = actions[item["request_id"]]
        assert ticket["stage"] == "action_required"
        assert item["data_type"] == PUBLIC[action["data_type"]]
        assert item["created_at"] == action["created_at"].replace("+00:00", "Z")
        assert item.get("order_number") == ticket["order_number"]
        assert item["created_at"] > ticket["created_at"].replace("+00:00", "Z")
        assert item["title"].endswith(" is needed")
    moments = [(item["created_at"], item["request_id"]) for item in items]
    assert moments == sorted(moments)


def test_items_read_like_the_vendors_example(client: Sendcloud) -> None:
    example = at(yaml.safe_load(MERGED_DOCUMENT.read_text()), DATA)["examples"]
    documented = example["Successful request"]["value"]["data"]
    order = ["created_at", "request_id", "title", "description", "tracking_number",
             "order_number", "data_type"]  # fmt: skip
    items = fetch(client).json()["data"]
    for item in [*documented, *items]:
        assert list(item) == [key for key in order if key in item]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", item["created_at"])
        assert None not in item.values()
    described = [item for item in items if "description" in item]
    assert 0.4 < len(described) / len(items) < 0.95
    for item in described:
        assert item["description"][0].isupper() and item["description"].endswith(".")
        assert "{" not in item["description"]
        quoted = [item.get("order_number"), item.get("tracking_number")]
        assert any(value and value in item["description"] for value in quoted) or (
            "this order" in item["description"] or "the parcel" in item["description"]
        )
    assert all("tracking_number" in item for item in items)


def test_tracking_numbers_look_like_the_carriers(client: Sendcloud) -> None:
    by_request = {a["id"]: t for t in client.walk() for a in t["requested_actions"]}
    shapes = {
        "postnl": r"3S[A-Z]{4}\d{7}", "ups": r"1Z[0-9A-Z]{16}", "dhl": r"\d{10}",
        "dpd": r"\d{14}", "gls": r"\d{11}",
    }  # fmt: skip
    for item in fetch(client).json()["data"]:
        carrier = by_request[item["request_id"]]["carrier"]
        assert re.fullmatch(shapes.get(carrier, r"\d{10,14}"), item["tracking_number"]), carrier


def test_the_support_documents_path_is_an_alias(client: Sendcloud) -> None:
    canonical, alias = fetch(client), fetch(client, ALIAS)
    assert alias.status_code == 200 and alias.content == canonical.content
    ignored = fetch(client, params={"page": "2", "size": "abc", "status": "x"})
    assert ignored.content == canonical.content


def test_bearer_from_the_token_endpoint_works(server: ServerUnderTest, client: Sendcloud) -> None:
    token = requests.post(
        f"{server.url}/oauth2/token",
        data={"grant_type": "client_credentials"},
        auth=("mockdesk-key", "mockdesk-secret"),
        timeout=5,
    ).json()["access_token"]
    bearer = fetch(client, headers={"Authorization": f"Bearer {token}"})
    assert bearer.content == fetch(client).content


def test_401_and_429_as_on_the_tickets(client: Sendcloud) -> None:
    GOLDENS.assert_body(client.get(PATH, headers={}), "no_credentials.json", 401)
    assert client.get(PATH, headers={}).headers["WWW-Authenticate"] == 'Basic realm="api"'
    statuses = [client.get(PATH).status_code for _ in range(30)]
    assert statuses == [200] * 30
    GOLDENS.assert_body(client.get(PATH), "rate_limited.json", 429)
    GOLDENS.assert_body(client.tickets(), "rate_limited.json", 429)  # one budget per credential


def test_other_methods_are_405(client: Sendcloud) -> None:
    response = client.request("POST", PATH, json={})
    assert response.status_code == 405
    assert response.json()["errors"][0]["code"] == "method_not_allowed"
