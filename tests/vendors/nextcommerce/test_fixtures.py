"""A fixture is a pasted response item: it loads back, its fields are validated, and a fixture
file pins a ticket at its id."""

from __future__ import annotations

import json

import pytest
from marshmallow import ValidationError

from mockdesk.core.fixtures import FixtureError
from mockdesk.settings import Settings
from mockdesk.testing.live import LiveServer
from mockdesk.vendors.nextcommerce.fixtures import load_fixture
from mockdesk.vendors.nextcommerce.serializer import serialize
from tests.support.vendor_client import VendorClient
from tests.vendors.nextcommerce.conftest import LIST, dataset


def test_a_serialized_ticket_loads_back_as_a_fixture() -> None:
    data = dataset()
    for ticket in data.store.all():
        assert load_fixture(json.loads(json.dumps(serialize(ticket))), data.catalog) == ticket


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"tags": ["no-such-tag"]}, "tags"),
        ({"products": [1]}, "products"),
        ({"order": None}, "order"),
    ],
)
def test_fixture_fields_are_validated(change, field) -> None:
    data = dataset(count=1)
    raw = serialize(data.store.all()[0]) | change
    with pytest.raises(ValidationError) as raised:
        load_fixture(raw, data.catalog)
    assert field in raised.value.messages


def test_a_fixture_file_pins_a_ticket_at_its_id(tmp_path) -> None:
    data = dataset(count=5)
    pinned = serialize(data.store.all()[2]) | {"id": 77, "subject": "Pinned by a fixture"}
    path = tmp_path / "next.json"
    path.write_text(json.dumps({"vendor": "29next", "tickets": [pinned]}))
    with LiveServer(Settings(tickets=5, fixtures=(path,), rate_limits={"29next": "off"})) as server:
        client = VendorClient.of("29next", server.url)
        response = client.get(f"{LIST}77/")
        assert response.json() == pinned
        listed = client.list().json()["results"]
        assert listed[-1] == pinned  # ordering -id puts the small id last


def test_a_bad_fixture_file_names_the_field(tmp_path) -> None:
    data = dataset(count=1)
    path = tmp_path / "bad.json"
    raw = serialize(data.store.all()[0]) | {"status": "archived"}
    path.write_text(json.dumps({"vendor": "29next", "tickets": [raw]}))
    with pytest.raises(FixtureError, match=r"tickets\[0\]\.status"):
        LiveServer(Settings(fixtures=(path,)))


def test_date_filters_use_the_utc_day_of_a_pinned_ticket_with_an_offset(tmp_path) -> None:
    data = dataset(count=1)
    pinned = serialize(data.store.all()[0]) | {"id": 77, "created_at": "2026-10-20T01:00:00+02:00"}
    path = tmp_path / "offset.json"
    path.write_text(json.dumps({"vendor": "29next", "tickets": [pinned]}))
    with LiveServer(Settings(tickets=0, fixtures=(path,), rate_limits={"29next": "off"})) as server:
        client = VendorClient.of("29next", server.url)

        def ids(day: str) -> list[int]:
            params = {"created_from": day, "created_to": day}
            body = client.list(params).json()
            return [ticket["id"] for ticket in body["results"]]

        assert (ids("2026-10-19"), ids("2026-10-20")) == ([77], [])
