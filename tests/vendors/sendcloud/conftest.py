"""Sendcloud test helpers: the shared vendor client, validating every documented status
against the vendor's own OpenAPI document; the merged v3 Support and OAuth2 document, as the
token and requested-data endpoints are checked against it."""

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
from tests.support.vendor_client import Goldens, VendorClient, spec_for

SPEC_FILE = Path(sendcloud.__file__).with_name("openapi.yaml")
MERGED_DOCUMENT = Path(sendcloud.__file__).with_name("sendcloud-v3-support-and-oauth2.yaml")
DATA = ("paths", "/support/dsf/tickets/requested-data", "get", "responses", "200", "content",
        "application/json")  # fmt: skip
GOLDENS = Goldens.beside(__file__)


@cache
def published_spec(url: str) -> OpenAPI:
    """Sendcloud's OpenAPI document with its server swapped for ours (parsed once per URL)."""
    document = yaml.safe_load(SPEC_FILE.read_text())
    document["servers"] = [{"url": f"{url}/api/v3"}]
    return OpenAPI.from_dict(document)


def at(document: dict[str, Any], path: tuple[str, ...]) -> Any:
    for key in path:
        document = document[key]
    return document


@cache
def merged_document() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(MERGED_DOCUMENT.read_text())
    return loaded


def schema_validator(name: str) -> OAS30Validator:
    document = merged_document()
    schema = {**document["components"]["schemas"][name], "components": document["components"]}
    return OAS30Validator(schema)


@cache
def merged_spec(url: str) -> OpenAPI:
    """The merged document with its server swapped for ours: ``/oauth2/token`` under it is
    ``/api/v3/oauth2/token`` here, as for a generated client."""
    return OpenAPI.from_dict({**merged_document(), "servers": [{"url": f"{url}/api/v3"}]})


@cache
def requested_data_document() -> dict[str, Any]:
    """The merged document with the enum's trailing commas removed (the vendor's typo)."""
    loaded: dict[str, Any] = yaml.safe_load(MERGED_DOCUMENT.read_text())
    item = at(loaded, DATA)["schema"]["properties"]["data"]["items"]
    enum = item["properties"]["data_type"]["enum"]
    assert sum(value.endswith(",") for value in enum) == len(enum) - 1  # all but the last
    item["properties"]["data_type"]["enum"] = [value.rstrip(",") for value in enum]
    return loaded


@cache
def requested_data_spec(url: str) -> OpenAPI:
    return OpenAPI.from_dict({**requested_data_document(), "servers": [{"url": f"{url}/api/v3"}]})


class Sendcloud(VendorClient):
    """A client of the emulated Sendcloud that checks responses against the published spec."""

    def __init__(self, url: str) -> None:
        super().__init__(spec_for("sendcloud"), url)
        self.openapi = published_spec(url)

    def tickets(self, headers: dict[str, str] | None = None, **params: Any) -> requests.Response:
        """GET the list; every status the spec documents (200, 400, 429) is validated by it."""
        response = self.list(params, headers)
        if response.status_code in (200, 400, 429):
            self.openapi.validate_response(
                RequestsOpenAPIRequest(response.request), RequestsOpenAPIResponse(response)
            )
        return response


@pytest.fixture
def client(server: ServerUnderTest) -> Sendcloud:
    return Sendcloud(server.url)
