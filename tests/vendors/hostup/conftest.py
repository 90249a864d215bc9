"""A small HostUp client over the live ``mockdesk`` server, and the golden bodies."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from mockdesk.testing.live import LiveServer

GOLDEN = Path(__file__).parent / "golden"
TICKETS = "/api/v2/support/tickets"
DEPARTMENTS = "/api/v2/support/departments"
TOKEN = "mockdesk-token"
NOSCOPE = "mockdesk-token-noscope"


def golden(name: str) -> Any:
    return json.loads((GOLDEN / name).read_text())


@dataclass
class HostUp:
    url: str

    def get(
        self, path: str, params: Any = None, token: str | None = TOKEN, **kw: Any
    ) -> requests.Response:
        headers = {"Accept": "application/json"}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return requests.get(self.url + path, params=params, headers=headers, timeout=10, **kw)

    def walk(self, limit: int = 100, **filters: str) -> Iterator[dict[str, Any]]:
        """Every ticket the list yields for ``filters``, following ``nextCursor`` to the end."""
        params: dict[str, Any] = {"limit": limit, **filters}
        while True:
            response = self.get(TICKETS, params)
            assert response.status_code == 200, response.text
            body = response.json()
            yield from body["data"]
            assert (body["nextCursor"] is None) == (not body["hasMore"])
            if not body["hasMore"]:
                return
            params["cursor"] = body["nextCursor"]


@pytest.fixture
def hostup(mockdesk: LiveServer) -> HostUp:
    return HostUp(mockdesk.url)
