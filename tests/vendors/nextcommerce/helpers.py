"""Helpers for the 29next tests: the real paths, the shared client, DRF cursors, goldens."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.support.vendor_client import Goldens, VendorClient

LIST = "/api/admin/tickets/"
GOLDENS = Goldens.beside(__file__)
NO_LIMIT = {"29next": "off"}


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
