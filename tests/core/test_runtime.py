"""Runtime tickets: all-or-nothing adds, replace, delete/hide, the effective store, caps."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from marshmallow import Schema, ValidationError, fields, post_load

from mockdesk.core.runtime import (
    MAX_DEPTH,
    Overlay,
    RuntimeTickets,
    TicketNotFound,
)
from mockdesk.core.store import AnyOf, TicketStore


@dataclass(frozen=True)
class Ticket:
    id: int
    subject: str
    status: str
    created: int  # newer first


class TicketSchema(Schema):
    id = fields.Integer(required=True, strict=True)
    subject = fields.String(required=True)
    status = fields.String(load_default="open")
    created = fields.Integer(required=True)
    tags = fields.List(fields.String(), load_default=list)

    @post_load
    def _make(self, data: dict[str, Any], **kwargs: object) -> Ticket:
        return Ticket(data["id"], data["subject"], data["status"], data["created"])


def load(raw: Mapping[str, Any]) -> Ticket:
    ticket: Ticket = TicketSchema().load(raw)
    return ticket


def newest_first(ticket: Ticket) -> int:
    return -ticket.created


@dataclass(frozen=True)
class Shape:
    order_key: Callable[[Any], Any]
    indexed: tuple[str, ...]


SHAPE = Shape(newest_first, ("status",))
BASE = TicketStore(
    [Ticket(i, f"generated {i}", "open" if i % 2 else "closed", i * 10) for i in range(1, 11)],
    order_key=SHAPE.order_key,
    indexed=SHAPE.indexed,
)


def effective(runtime: RuntimeTickets, slug: str = "v") -> TicketStore[Ticket]:
    view = runtime.view(slug, BASE, lambda store: store)
    return BASE if view is None else view


def test_no_overlay_means_the_base_as_is() -> None:
    runtime = RuntimeTickets()
    assert runtime.view("v", BASE, lambda store: store) is None
    assert runtime.overlay("v").empty


def test_add_one_lands_in_order_filters_and_detail() -> None:
    runtime = RuntimeTickets()
    (stored,) = runtime.add("v", {"id": 500, "subject": "new", "created": 55}, load, BASE)
    assert stored == Ticket(500, "new", "open", 55)
    store = effective(runtime)
    assert [t.id for t in store.all()][:6] == [10, 9, 8, 7, 6, 500]  # by order key
    assert store.get(500) == stored
    assert 500 in [t.id for t in store.select([AnyOf("status", {"open"})])]
    assert len(store) == 11 and len(BASE) == 10  # the base is never changed


def test_add_many_is_all_or_nothing_and_names_the_field() -> None:
    runtime = RuntimeTickets()
    body = {
        "tickets": [
            {"id": 501, "subject": "ok", "created": 1},
            {"id": 502, "created": 1},
            {"id": 503, "subject": "x", "created": 1, "tags": ["a", 5]},
        ]
    }
    with pytest.raises(ValidationError) as raised:
        runtime.add("v", body, load, BASE)
    assert set(raised.value.messages) == {"tickets[1].subject", "tickets[2].tags[1]"}
    assert runtime.overlay("v").empty


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ([1, 2], "_schema"),
        ({"tickets": []}, "tickets"),
        ({"tickets": "x"}, "tickets"),
        ({"tickets": [1]}, "tickets[0]"),
        ({"id": "x", "subject": "s", "created": 1}, "id"),
        ({"id": 1, "subject": "s\ud800", "created": 1}, "subject"),
        ({"tickets": [{"id": 9, "subject": "\udfff", "created": 1}]}, "tickets[0].subject"),
    ],
)
def test_bad_bodies(body: object, field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        RuntimeTickets().add("v", body, load, BASE)
    assert field in raised.value.messages, raised.value.messages


def test_deep_json_is_refused_without_recursion() -> None:
    deep: Any = "leaf"
    for _ in range(10_000):
        deep = {"a": deep}
    with pytest.raises(ValidationError) as raised:
        RuntimeTickets().add("v", {"id": 1, "subject": "s", "created": 1, "x": deep}, load, BASE)
    (messages,) = raised.value.messages.values()
    assert f"deeper than {MAX_DEPTH}" in messages[0]


def test_duplicate_and_existing_ids_are_refused() -> None:
    runtime = RuntimeTickets()
    twice = {"tickets": [{"id": 600, "subject": "a", "created": 1}] * 2}
    with pytest.raises(ValidationError) as raised:
        runtime.add("v", twice, load, BASE)
    assert "tickets[1].id" in raised.value.messages
    with pytest.raises(ValidationError) as exists:
        runtime.add("v", {"id": 3, "subject": "clash", "created": 1}, load, BASE)
    assert "PUT /__mockdesk/vendors/v/tickets/3" in exists.value.messages["id"][0]


def test_replace_a_generated_ticket_then_delete_it() -> None:
    runtime = RuntimeTickets()
    new = runtime.replace("v", "3", {"id": 3, "subject": "edited", "created": 95}, load, BASE)
    store = effective(runtime)
    assert store.get(3) == new and [t.id for t in store.all()][:3] == [10, 3, 9]
    assert len(store) == 10
    runtime.delete("v", "3", BASE)
    assert effective(runtime).get(3) is None and len(effective(runtime)) == 9
    with pytest.raises(TicketNotFound):
        runtime.delete("v", "3", BASE)
    (again,) = runtime.add("v", {"id": 3, "subject": "back", "created": 30}, load, BASE)
    assert effective(runtime).get(3) == again


def test_replace_needs_an_existing_id_that_matches_the_body() -> None:
    runtime = RuntimeTickets()
    with pytest.raises(TicketNotFound):
        runtime.replace("v", "999", {"id": 999, "subject": "s", "created": 1}, load, BASE)
    with pytest.raises(ValidationError) as raised:
        runtime.replace("v", "3", {"id": 4, "subject": "s", "created": 1}, load, BASE)
    assert "id" in raised.value.messages
    with pytest.raises(ValidationError):
        runtime.replace("v", "3", {"tickets": []}, load, BASE)  # not one ticket
    assert runtime.overlay("v").empty


def test_delete_an_added_ticket_removes_it() -> None:
    runtime = RuntimeTickets()
    runtime.add("v", {"id": 700, "subject": "s", "created": 1}, load, BASE)
    runtime.delete("v", "700", BASE)
    assert runtime.overlay("v").empty and effective(runtime) is BASE


def test_string_ids_resolve_too() -> None:
    @dataclass(frozen=True)
    class Named:
        id: str
        created: int

    base = TicketStore([Named("T-1", 1)], order_key=lambda t: t.created)
    runtime = RuntimeTickets()
    runtime.delete("v", "T-1", base)
    assert runtime.overlay("v").hidden == frozenset({"T-1"})


def test_views_are_cached_per_version_and_base() -> None:
    runtime = RuntimeTickets()
    builds: list[int] = []

    def wrap(store: TicketStore[Ticket]) -> TicketStore[Ticket]:
        builds.append(len(store))
        return store

    runtime.add("v", {"id": 800, "subject": "s", "created": 1}, load, BASE)
    first = runtime.view("v", BASE, wrap)
    assert runtime.view("v", BASE, wrap) is first and builds == [11]
    runtime.add("v", {"id": 801, "subject": "s", "created": 1}, load, BASE)
    assert runtime.view("v", BASE, wrap) is not first and builds == [11, 12]
    other_base = TicketStore(list(BASE.all())[:5], order_key=SHAPE.order_key)
    runtime.view("v", other_base, wrap)  # a reset to another seed: rebuilt
    assert builds == [11, 12, 7]
    assert runtime.view("w", BASE, wrap) is None  # other vendors untouched


def test_check_hook_refuses_a_ticket_that_cannot_render() -> None:
    def check(ticket: Ticket) -> None:
        if ticket.created > 1000:
            raise ValueError("year 10000")

    with pytest.raises(ValidationError) as raised:
        RuntimeTickets().add("v", {"id": 1, "subject": "s", "created": 5000}, load, BASE, check)
    assert raised.value.messages == {"_schema": ["not a valid ticket (ValueError)"]}


def test_cap() -> None:
    runtime = RuntimeTickets(max_tickets=2)
    runtime.add(
        "v",
        {"tickets": [{"id": 900 + i, "subject": "s", "created": 1} for i in range(2)]},
        load,
        BASE,
    )
    with pytest.raises(ValidationError, match="at most 2"):
        runtime.add("v", {"id": 950, "subject": "s", "created": 1}, load, BASE)
    with pytest.raises(ValidationError, match="at most 2"):
        runtime.replace("v", "1", {"id": 1, "subject": "s", "created": 1}, load, BASE)
    runtime.replace("v", "900", {"id": 900, "subject": "edited", "created": 1}, load, BASE)
    assert runtime.counts() == {"v": {"added": 2, "hidden": 0}}
    runtime.clear()
    assert runtime.counts() == {}


def test_concurrent_adds_of_one_id_store_it_once() -> None:
    runtime = RuntimeTickets()
    outcomes: list[str] = []
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait()
        try:
            runtime.add("v", {"id": 1000, "subject": "s", "created": 1}, load, BASE)
            outcomes.append("stored")
        except ValidationError:
            outcomes.append("refused")

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused"] * 7 + ["stored"]


def test_apply_is_pure() -> None:
    overlay = Overlay(1, {2: Ticket(2, "x", "open", 1000)}, frozenset({5}))
    store = BASE.overlaid(overlay.added, overlay.hidden)
    assert [t.id for t in store.all()] == [2, 10, 9, 8, 7, 6, 4, 3, 1]
