"""Every 29next 200 validates against 29next's own Admin API document (2024-04-01, the ticket
paths; kept beside the package as ``29next-admin-2024-04-01-tickets.yaml``): the ticket list on
its first, middle and last pages, a ticket, its comments, the ticket types and one type.

The document is OpenAPI 3.1 but writes nullable fields the 3.0 way (``type: string`` with
``nullable: true``), which a 3.1 validator ignores, so DRF's real ``"previous": null`` on a first
page would fail against it. The test rewrites each ``nullable: true`` into a type list with
``"null"`` (what the document means) before validating; nothing else is changed. The document
only describes 200s, so only 200s are validated.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml
from openapi_core import OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse

from mockdesk.vendors import nextcommerce
from tests.support.vendor_client import VendorClient

from .helpers import LIST, NO_LIMIT

DOCUMENT = Path(nextcommerce.__file__).with_name("29next-admin-2024-04-01-tickets.yaml")
TYPES = "/api/admin/tickettypes/"


def without_nullable(node: Any) -> Any:
    """The 3.0 ``nullable: true`` as 3.1 writes it: ``"null"`` added to the ``type``."""
    if isinstance(node, list):
        return [without_nullable(item) for item in node]
    if not isinstance(node, dict):
        return node
    rewritten = {key: without_nullable(value) for key, value in node.items() if key != "nullable"}
    if node.get("nullable") is True:
        kind = rewritten.get("type")
        kinds = list(kind) if isinstance(kind, list) else [kind] if kind else []
        rewritten["type"] = [*kinds, "null"] if "null" not in kinds else kinds
    return rewritten


@cache
def document() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(DOCUMENT.read_text())
    return loaded


@cache
def vendor_spec(url: str) -> OpenAPI:
    fixed = without_nullable(document())
    return OpenAPI.from_dict({**fixed, "servers": [{"url": f"{url}/api/admin"}]})


def validated(client: VendorClient, path: str, params: Any = None) -> requests.Response:
    response = client.get(path, params)
    assert response.status_code == 200, (path, response.text[:300])
    vendor_spec(client.url).validate_response(
        RequestsOpenAPIRequest(response.request), RequestsOpenAPIResponse(response)
    )
    return response


def test_the_rewrite_only_touches_nullable() -> None:
    fixed = without_nullable(document())
    page = fixed["components"]["schemas"]["PaginatedTicketList"]["properties"]
    assert page["next"] == {
        "example": document()["components"]["schemas"]["PaginatedTicketList"]["properties"]["next"][
            "example"
        ],
        "format": "uri",
        "type": ["string", "null"],
    }
    assert "nullable" not in str(fixed)
    assert str(document()).count("'nullable': True") == 4  # next/previous of both pages
    assert fixed["components"]["schemas"]["Ticket"] == document()["components"]["schemas"]["Ticket"]


def test_the_unrewritten_document_rejects_a_real_first_page(nextcommerce: VendorClient) -> None:
    """Why the rewrite exists: DRF sends ``previous: null``, the document as written refuses it."""
    response = nextcommerce.get(LIST)
    strict = OpenAPI.from_dict(
        {**document(), "servers": [{"url": f"{nextcommerce.url}/api/admin"}]}
    )
    with pytest.raises(Exception, match="None is not of type 'string'"):
        strict.validate_response(
            RequestsOpenAPIRequest(response.request), RequestsOpenAPIResponse(response)
        )


@pytest.mark.mockdesk(rate_limits=NO_LIMIT)
def test_every_ticket_page_validates(nextcommerce: VendorClient) -> None:
    body = validated(nextcommerce, LIST, {"limit": 100}).json()
    pages = 1
    while body["next"] is not None:
        body = validated(nextcommerce, body["next"]).json()
        pages += 1
    assert pages == 3  # 250 tickets: first, middle and last page
    back = validated(nextcommerce, body["previous"]).json()
    assert back["previous"] is not None and back["next"] is not None
    for params in ({"status": "new"}, {"limit": "5", "tags": "1"}, {"filter_text": "zzzz"}):
        validated(nextcommerce, LIST, params)


@pytest.mark.mockdesk(rate_limits=NO_LIMIT)
def test_tickets_and_their_comments_validate(nextcommerce: VendorClient) -> None:
    tickets = nextcommerce.get(LIST, {"limit": 100}).json()["results"]
    assert {t["from_email"] is None for t in tickets} == {True, False}
    for ticket in tickets:
        validated(nextcommerce, f"{LIST}{ticket['id']}/")
        validated(nextcommerce, f"{LIST}{ticket['id']}/comments/")


@pytest.mark.mockdesk(rate_limits=NO_LIMIT)
def test_ticket_types_validate(nextcommerce: VendorClient) -> None:
    body = validated(nextcommerce, TYPES).json()
    for row in body["results"]:
        validated(nextcommerce, f"{TYPES}{row['id']}/")
    page = validated(nextcommerce, TYPES, {"limit": 2}).json()
    middle = validated(nextcommerce, page["next"]).json()
    assert middle["next"] is not None and middle["previous"] is not None
    validated(nextcommerce, TYPES, {"name": "Billing"})
    validated(nextcommerce, TYPES, {"name": "nothing"})
