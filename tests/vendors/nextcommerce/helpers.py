"""Helpers for the 29next tests: the real paths, the default credentials, golden bodies."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

LIST = "/api/admin/tickets/"
AUTH = {"Authorization": "Bearer mockdesk-token", "X-29next-API-Version": "2024-04-01"}
GOLDEN = Path(__file__).parent / "golden"
NO_LIMIT = {"29next": "off"}


def golden(name: str) -> bytes:
    return (GOLDEN / name).read_bytes()


def golden_json(name: str) -> Any:
    return json.loads(golden(name))


def get(url: str, params: Any = None, headers: dict[str, str] | None = None) -> requests.Response:
    return requests.get(
        url, params=params, headers=AUTH if headers is None else headers, timeout=10
    )


def cursor_of(link: str) -> str:
    return parse_qs(urlsplit(link).query)["cursor"][0]


def decoded(link: str) -> str:
    """What DRF put inside a link's cursor, e.g. ``r=1&p=487``."""
    return base64.b64decode(cursor_of(link)).decode()


def encode(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def walk(first: requests.Response, key: str = "next") -> list[dict[str, Any]]:
    """Follow ``key`` links from ``first`` to the end; every ticket of every page, in order."""
    tickets, body = [], first.json()
    tickets.extend(body["results"])
    seen = 0
    while body[key] is not None:
        seen += 1
        assert seen < 1000, "link loop"
        response = get(body[key])
        assert response.status_code == 200, response.text
        body = response.json()
        tickets.extend(body["results"])
    return tickets
