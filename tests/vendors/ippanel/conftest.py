"""Helpers for the IPPanel tests: the default credential and the seed's golden bodies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

GOLDEN = Path(__file__).parent / "golden"
TOKEN = {"Authorization": "mockdesk-token"}
LIST = "/v1/api/ticket"
SHOW = "/v1/api/ticket/show"


def golden_bytes(name: str) -> bytes:
    return (GOLDEN / name).read_bytes()


def golden_json(name: str) -> Any:
    return json.loads(golden_bytes(name))


@pytest.fixture
def seed_example() -> dict[str, Any]:
    """The seed's list response (two tickets, meta) as the docs print it."""
    return golden_json("list_example.json")
