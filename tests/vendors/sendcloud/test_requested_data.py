"""``GET /api/v3/support/dsf/tickets/requested-data`` (and the Support document's own path,
``/api/v3/dsf/tickets/requested-data``): one item per requested action of every ticket waiting
on the merchant, as Sendcloud's merged v3 document describes it.

The document writes every ``data_type`` enum value with a trailing comma (``sales_invoice,``), a
typo; the server sends the values without it, so the test strips the commas from the document
before validating with it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import requests
import yaml
from openapi_core import OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse

from mockdesk.vendors import sendcloud
from tests.support.server import ServerUnderTest
from tests.support.vendor_client import VendorClient
from tests.vendors.sendcloud.conftest import GOLDENS, Sendcloud

DOCUMENT = Path(sendcloud.__file__).with_name("sendcloud-v3-support-and-oauth2.yaml")
PATH = "/api/v3/support/dsf/tickets/requested-data"
ALIAS = "/api/v3/dsf/tickets/requested-data"
DATA = ("paths", "/support/dsf/tickets/requested-data", "get", "responses", "200", "content",
        "application/json")  # fmt: skip
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


def _at(document: dict[str, Any], path: tuple[str, ...]) -> Any:
    for key in path:
        document = document[key]
    return document


@cache
def document() -> dict[str, Any]:
    """The merged document with the enum's trailing commas removed (the vendor's typo)."""
    loaded: dict[str, Any] = yaml.safe_load(DOCUMENT.read_text())
    item = _at(loaded, DATA)["schema"]["properties"]["data"]["items"]
    enum = item["properties"]["data_type"]["enum"]
    assert sum(value.endswith(",") for value in enum) == len(enum) - 1  # all but the last
    item["properties"]["data_type"]["enum"] = [value.rstrip(",") for value in enum]
    return loaded


@cache
def merged_spec(url: str) -> OpenAPI:
    return OpenAPI.from_dict({**document(), "servers": [{"url": f"{url}/api/v3"}]})


def fetch(client: VendorClient, path: str = PATH, **kwargs: Any) -> requests.Response:
    response = client.get(path, **kwargs)
    if response.status_code == 200 and path == PATH:
        merged_spec(client.url).validate_response(
            RequestsOpenAPIRequest(response.request), RequestsOpenAPIResponse(response)
        )
    return response


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


def test_requests_of_one_ticket_were_made_one_after_another(client: Sendcloud) -> None:
    for ticket in client.walk():
        times = [action["created_at"] for action in ticket["requested_actions"]]
        assert times == sorted(set(times))  # strictly increasing
        if times:
            assert ticket["created_at"] < times[0] and times[-1] < ticket["updated_at"]


def test_items_read_like_the_vendors_example(client: Sendcloud) -> None:
    example = _at(yaml.safe_load(DOCUMENT.read_text()), DATA)["examples"]
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
