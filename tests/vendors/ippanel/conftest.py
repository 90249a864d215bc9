"""IPPanel helpers: the shared vendor client on the server under test, and the seed's goldens."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.server import ServerUnderTest
from tests.support.vendor_client import Goldens, VendorClient

GOLDENS = Goldens.beside(__file__)
LIST = "/v1/api/ticket"
SHOW = "/v1/api/ticket/show"


@pytest.fixture
def ippanel(server: ServerUnderTest) -> VendorClient:
    return VendorClient.of("ippanel", server.url)


@pytest.fixture
def seed_example() -> dict[str, Any]:
    """The seed's list response (two tickets, meta) as the docs print it."""
    example: dict[str, Any] = GOLDENS.json("list_example.json")
    return example
