"""29next helpers: the real paths, the shared vendor client on the server under test, DRF
cursors, goldens, and 29next's own Admin API document to validate 200s against.

The document (2024-04-01, the ticket paths; kept beside the package as
``29next-admin-2024-04-01-tickets.yaml``) is OpenAPI 3.1 but writes nullable fields the 3.0 way
(``type: string`` with ``nullable: true``), which a 3.1 validator ignores, so DRF's real
``"previous": null`` on a first page would fail against it. ``vendor_spec`` rewrites each
``nullable: true`` into a type list with ``"null"`` (what the document means) before
validating; nothing else is changed. The document only describes 200s, so only 200s are
validated."""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import yaml
from openapi_core import OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse

import mockdesk.vendors.nextcommerce as package
from mockdesk.core.dataset import Dataset, build_dataset
from mockdesk.vendors.nextcommerce import SPEC
from tests.support.server import ServerUnderTest
from tests.support.vendor_client import Goldens, VendorClient

LIST = "/api/admin/tickets/"
GOLDENS = Goldens.beside(__file__)
NO_LIMIT = {"29next": "off"}
DOCUMENT = Path(package.__file__).with_name("29next-admin-2024-04-01-tickets.yaml")
Client = VendorClient


@pytest.fixture
def nextcommerce(server: ServerUnderTest) -> VendorClient:
    return VendorClient.of("29next", server.url)


def everything(client: Client) -> list[dict]:
    return client.walk()


def dataset(seed: int = 0, count: int = 120) -> Dataset:
    """The generated 29next data, built as the server builds it."""
    return build_dataset(SPEC.data, SPEC.slug, seed, count)


def cursor_of(link: str) -> str:
    return parse_qs(urlsplit(link).query)["cursor"][0]


def decoded(link: str) -> str:
    """What DRF put inside a link's cursor, e.g. ``r=1&p=487``."""
    return base64.b64decode(cursor_of(link)).decode()


def encode(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def follow(client: VendorClient, first: Any, key: str = "next") -> list[dict[str, Any]]:
    """Follow ``key`` links from the body ``first`` to the end; every ticket, in order."""
    tickets, body = list(first["results"]), first
    for _ in range(1000):
        if body[key] is None:
            return tickets
        response = client.get(body[key])
        assert response.status_code == 200, response.text
        body = response.json()
        tickets.extend(body["results"])
    raise AssertionError("link loop")


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
