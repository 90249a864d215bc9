"""Fixtures are checked like the API's own items, and pinned seed tickets come back exactly."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from marshmallow import ValidationError

from mockdesk.settings import Settings
from mockdesk.testing.live import LiveServer
from mockdesk.vendors.ippanel.fixtures import load_fixture
from mockdesk.vendors.ippanel.serializer import serialize
from tests.support.vendor_client import VendorClient
from tests.vendors.ippanel.conftest import get


def test_a_seed_ticket_round_trips_through_the_fixture_loader(seed_example):
    for item in seed_example["data"]:
        assert serialize(load_fixture(item, None)) == item


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("category", "id"), 99, "category"),
        (("state", "name"), "closed", "state"),
        (("forward", "ticket_id"), 1, "forward"),
        (("created_at",), "2025-01-01 10:00:00", "created_at"),
        (("admin_seen",), 2, "admin_seen"),
    ],
)
def test_an_inconsistent_fixture_is_rejected_naming_the_field(seed_example, path, value, field):
    item = copy.deepcopy(seed_example["data"][0])
    target = item
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ValidationError) as caught:
        load_fixture(item, None)
    assert field in caught.value.messages


def test_seed_tickets_pinned_by_fixture_come_back_exactly(tmp_path: Path, seed_example):
    fixture = tmp_path / "ippanel.json"
    fixture.write_text(
        json.dumps({"vendor": "ippanel", "tickets": seed_example["data"]}), encoding="utf-8"
    )
    settings = Settings(vendors=("ippanel",), fixtures=(fixture,), tickets=5)
    with LiveServer(settings) as server:
        client = VendorClient.of("ippanel", server.url)
        for item in seed_example["data"]:
            found = get(client, f"ticket_id={item['id']}").json()["data"]
            assert found == [item]
        server.raise_crashes()
