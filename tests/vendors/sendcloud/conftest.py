"""Sendcloud test helpers: the shared vendor client, validating every documented status
against the vendor's own OpenAPI document."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml
from openapi_core import OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse

from mockdesk.vendors import sendcloud
from tests.support.server import ServerUnderTest
from tests.support.vendor_client import Goldens, VendorClient, spec_for

SPEC_FILE = Path(sendcloud.__file__).with_name("openapi.yaml")
GOLDENS = Goldens.beside(__file__)


@cache
def published_spec(url: str) -> OpenAPI:
    """Sendcloud's OpenAPI document with its server swapped for ours (parsed once per URL)."""
    document = yaml.safe_load(SPEC_FILE.read_text())
    document["servers"] = [{"url": f"{url}/api/v3"}]
    return OpenAPI.from_dict(document)


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
