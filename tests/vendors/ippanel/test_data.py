"""Generation is deterministic per seed, and fixtures are checked like the API's own items."""

from __future__ import annotations

import copy

import pytest
from marshmallow import ValidationError

from mockdesk.core.dataset import build_dataset
from mockdesk.vendors.ippanel import SPEC
from mockdesk.vendors.ippanel.fixtures import load_fixture
from mockdesk.vendors.ippanel.serializer import serialize


def snapshot(seed: int) -> list[dict]:
    data = build_dataset(SPEC.data, "ippanel", seed, 60)
    return [serialize(t) for t in data.store.all()]


def test_the_same_seed_gives_the_same_tickets_and_another_seed_others():
    assert snapshot(3) == snapshot(3)
    assert snapshot(3) != snapshot(4)


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
