"""Sendcloud test helpers: authenticated calls and validation against the vendor's own spec."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests
import yaml
from openapi_core import OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse

from mockdesk.testing.live import LiveServer
from mockdesk.vendors import sendcloud

SPEC_FILE = Path(sendcloud.__file__).with_name("openapi.yaml")
GOLDEN = Path(__file__).with_name("golden")
BASIC = dict(sendcloud.SPEC.demo_headers)


def golden(name: str) -> bytes:
    return (GOLDEN / name).read_bytes()


class Sendcloud:
    """A client of the emulated Sendcloud that checks responses against the published spec."""

    def __init__(self, server: LiveServer) -> None:
        self.url = server.url
        document = yaml.safe_load(SPEC_FILE.read_text())
        document["servers"] = [{"url": f"{server.url}/api/v3"}]
        self._openapi = OpenAPI.from_dict(document)

    def get(
        self, path: str, headers: dict[str, str] | None = None, **params: Any
    ) -> requests.Response:
        auth = BASIC if headers is None else headers
        return requests.get(f"{self.url}{path}", params=params, headers=auth, timeout=10)

    def tickets(self, headers: dict[str, str] | None = None, **params: Any) -> requests.Response:
        """GET the list; every status the spec documents (200, 400, 429) is validated by it."""
        response = self.get("/api/v3/dsf/tickets", headers, **params)
        if response.status_code in (200, 400, 429):
            self._openapi.validate_response(
                RequestsOpenAPIRequest(response.request), RequestsOpenAPIResponse(response)
            )
        return response


@pytest.fixture
def client(mockdesk: LiveServer) -> Sendcloud:
    return Sendcloud(mockdesk)
