"""Fixture tickets: a pasted response item loads back, and dangling references are refused."""

from __future__ import annotations

import pytest
from marshmallow import ValidationError

from mockdesk.core.dataset import Dataset
from mockdesk.vendors.teamwork.fixtures import load_fixture
from mockdesk.vendors.teamwork.serializer import serialize


def test_a_serialized_ticket_loads_back_to_the_same_body(dataset: Dataset) -> None:
    ticket = next(t for t in dataset.store.all() if t.tag_ids and t.agent_id)
    body = serialize(ticket)
    loaded = load_fixture(body, dataset.catalog)
    again = serialize(loaded)
    assert {k: v for k, v in again.items() if k != "messages"} == {
        k: v for k, v in body.items() if k != "messages"
    }
    assert [m["id"] for m in again["messages"]] == [m["id"] for m in body["messages"]]


def test_a_reference_that_does_not_resolve_is_refused(dataset: Dataset) -> None:
    body = serialize(dataset.store.all()[0])
    body["status"] = {"id": 99, "type": "ticketstatuses"}
    with pytest.raises(ValidationError) as raised:
        load_fixture(body, dataset.catalog)
    assert raised.value.messages == {"status": ["no statuses with id 99"]}
