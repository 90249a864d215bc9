"""IPPanel helpers: the shared vendor client on the server under test, the seed's goldens, and
the list and show as sent exactly as written."""

from __future__ import annotations

import re
from typing import Any

import pytest
import requests

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


TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000000Z")
PERSIAN = re.compile(r"[\u0600-\u06FF]")


def get(client: VendorClient, query: str = "") -> requests.Response:
    """The list with ``query`` sent exactly as written (no re-encoding)."""
    return client.get(f"{LIST}?{query}")


def all_tickets(client: VendorClient) -> list[dict[str, Any]]:
    return get(client, "per_page=1000").json()["data"]


def key_tree(value: Any) -> Any:
    """Keys in order, recursively: the shape of a body without its values."""
    if isinstance(value, dict):
        return [(k, key_tree(v)) for k, v in value.items()]
    return None


def listing(ippanel: VendorClient) -> list[dict]:
    return ippanel.list({"per_page": 1000}).json()["data"]


def show(ippanel: VendorClient, ticket_id: int) -> requests.Response:
    return ippanel.get(SHOW, {"ticket_id": ticket_id})
