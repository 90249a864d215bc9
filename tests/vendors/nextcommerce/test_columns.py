"""The columnar store: a built ticket agrees with its row of column values, a ticket does not
depend on how many are built, timestamps are spread before the data's "now", and every
documented filter and the listing order answered from the columns equal a plain scan over the
built tickets (the oracle)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC
from functools import cache
from itertools import pairwise
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from mockdesk.core.dataset import Dataset
from mockdesk.core.paging.cursor import Position, cursor_page
from mockdesk.core.query import parse_query, schema_for
from mockdesk.core.timeline import DATA_EPOCH, LAST_MOMENT
from mockdesk.vendors.nextcommerce.data import COLUMNS, STATUSES, TAGS, Ticket, order_key
from mockdesk.vendors.nextcommerce.envelope import encode_cursor, read_page
from mockdesk.vendors.nextcommerce.fixtures import load_fixture
from mockdesk.vendors.nextcommerce.query import TicketQuery, criteria
from mockdesk.vendors.nextcommerce.serializer import serialize
from tests.vendors.nextcommerce.conftest import dataset

BIG = 5_000


@cache
def big() -> Dataset:
    return dataset(count=BIG)


def _stored(data: Dataset, row: int) -> dict[str, Any]:
    table = data.store._table
    return {name: table.arrays[name][row] for name in table.names()}


@settings(max_examples=60, deadline=None)
@given(index=st.integers(0, BIG - 1))
def test_a_built_ticket_agrees_with_its_column_row(index: int) -> None:
    data = big()
    table = data.store._table
    ticket = data.store.ticket(index)
    stored = _stored(data, index)
    for name, value in COLUMNS.row(ticket).items():
        assert table.number(name, value) == stored[name], name
    _assert_invariants(ticket, data)
    if index:
        before = data.store.ticket(index - 1)
        assert before.id > ticket.id and before.created_at > ticket.created_at


def _assert_invariants(ticket: Ticket, data: Dataset) -> None:
    catalog = data.catalog
    assert (ticket.requester is None) == (ticket.from_email is not None)
    assert ticket.requester is None or ticket.requester in catalog.customers
    assert ticket.requester is not None or ticket.channel == "email"
    assert ticket.assignee is None or ticket.assignee in catalog.agents
    assert ticket.assignee is not None or ticket.status == "new"
    assert list(ticket.products) == sorted(set(ticket.products)) and len(ticket.products) <= 3
    assert len(set(ticket.tags)) == len(ticket.tags) <= 3
    times = [c.created_at for c in ticket.comments]
    assert times[0] == ticket.created_at
    assert all(a < b for a, b in pairwise(times))
    assert ticket.created_at <= times[-1] <= ticket.updated_at <= LAST_MOMENT


def test_a_ticket_is_the_same_whatever_the_ticket_count() -> None:
    few = {t.id: json.dumps(serialize(t)) for t in dataset(count=50).store.all()}
    many = big().store
    assert len(few) == 50
    for ticket_id, body in few.items():
        found = many.get(ticket_id)
        assert found is not None and json.dumps(serialize(found)) == body


def test_no_timestamp_is_the_data_epoch_and_updates_are_spread() -> None:
    epoch = DATA_EPOCH.timestamp()
    arrays = dataset(count=200_000).store._table.arrays
    created, updated = arrays["created_at"], arrays["updated_at"]
    assert np.all(created < epoch) and np.all(updated < epoch) and np.all(updated >= created)
    assert np.mean(updated > epoch - 60) < 0.01
    assert np.all(np.diff(created) < 0) and np.all(np.diff(arrays["id"]) < 0)
    # open tickets were touched lately; old solved ones long ago
    status = arrays["status"]
    old = created < epoch - 365 * 86400
    solved = old & (status == STATUSES.index("solved"))
    open_ = old & (status == STATUSES.index("open"))
    assert np.median(epoch - updated[open_]) < 60 * 86400
    assert np.median(epoch - updated[solved]) > 365 * 86400
    # not one shared "last moment": many distinct update times near the top
    assert len(np.unique(updated[:2000])) > 1900
    for ticket in big().store.all()[:300]:
        moments = [ticket.created_at, ticket.updated_at, *(c.created_at for c in ticket.comments)]
        assert all(m < DATA_EPOCH for m in moments)


# The oracle: every documented filter over a few hundred tickets, columns against a plain scan.


@cache
def small() -> Dataset:
    """300 generated tickets and two runtime ones, one with an order in its own format."""
    data = dataset(count=300)
    base = serialize(data.store.all()[5])
    extra = [
        load_fixture(base | {"id": 4_000_000, "order": "ORD-7"}, data.catalog),
        load_fixture(base | {"id": 1, "order": "000123", "requester": None}, data.catalog),
    ]
    store = data.store.overlaid({t.id: t for t in extra}, ())
    return Dataset(store, data.catalog)


def _select(params: list[tuple[str, str]]) -> list[int]:
    query = parse_query(schema_for(TicketQuery), MultiDict(params))
    return [t.id for t in small().store.select(criteria(query))]


def _scan(keep: Callable[[Ticket], bool]) -> list[int]:
    tickets = sorted(small().store.all(), key=order_key)
    return [t.id for t in tickets if keep(t)]


def _email(t: Ticket) -> str:
    return (t.requester_email or t.from_email or "").lower()


def _day(t: Ticket) -> str:
    return t.created_at.astimezone(UTC).date().isoformat()


def _cases() -> list[tuple[list[tuple[str, str]], Callable[[Ticket], bool]]]:
    tickets = list(small().store.all())
    sample = next(t for t in tickets[20:] if t.requester and t.assignee and t.products and t.tags)
    day = _day(tickets[150])
    tag_id = next(i for i, name in TAGS.items() if name == sample.tags[0])
    return [
        ([("id", str(sample.id))], lambda t: t.id == sample.id),
        ([("id", f"{sample.id}.0")], lambda t: t.id == sample.id),
        ([("id", f"{sample.id}.5")], lambda t: False),
        ([("id", "99999999999999")], lambda t: False),
        ([("requester", str(sample.requester))], lambda t: t.requester == sample.requester),
        ([("requester", "-1")], lambda t: False),
        ([("assignee", str(sample.assignee))], lambda t: t.assignee == sample.assignee),
        ([("ticket_type", "2")], lambda t: t.ticket_type == 2),
        ([("ticket_type", "9")], lambda t: False),
        ([("status", "open"), ("status", "new")], lambda t: t.status in ("open", "new")),
        ([("priority", "high")], lambda t: t.priority == "high"),
        ([("channel", "email")], lambda t: t.channel == "email"),
        ([("product", "101"), ("product", str(sample.products[0]))],
         lambda t: bool({101, sample.products[0]} & set(t.products))),
        ([("tags", str(tag_id)), ("tags", "3")],
         lambda t: bool({TAGS[tag_id], TAGS[3]} & set(t.tags))),
        ([("order_number", f" {sample.order} ")], lambda t: t.order == sample.order),
        ([("order_number", "ORD-7")], lambda t: t.order == "ORD-7"),
        ([("order_number", "000123")], lambda t: t.order == "000123"),
        ([("order_number", "123")], lambda t: t.order == "123"),
        ([("created_from", day)], lambda t: _day(t) >= day),
        ([("created_to", day)], lambda t: _day(t) <= day),
        ([("created_to", "9999-12-31")], lambda t: True),
        ([("subject", "ORDER")], lambda t: "order" in t.subject.lower()),
        ([("filter_text", "gmail")],
         lambda t: "gmail" in _email(t) or "gmail" in t.subject.lower()),
        ([("filter_text", str(sample.id))],
         lambda t: t.id == sample.id or str(sample.id) in t.subject),
        ([("status", "solved"), ("priority", "low"), ("created_from", day)],
         lambda t: t.status == "solved" and t.priority == "low" and _day(t) >= day),
    ]  # fmt: skip


def test_every_documented_filter_equals_a_plain_scan() -> None:
    for params, keep in _cases():
        expected = _scan(keep)
        assert _select(params) == expected, params


def test_listing_order_and_cursor_pages_equal_a_plain_sort() -> None:
    matches = small().store.select([])
    plain = sorted(small().store.all(), key=order_key)
    assert [t.id for t in matches] == [t.id for t in plain]
    keys = [order_key(t) for t in plain]
    positions = [None, Position(float("inf"), reverse=True)] + [
        Position(key + shift, reverse) for key in keys[::37] for shift in (-1, 0, 1)
        for reverse in (False, True)
    ]  # fmt: skip
    for position in positions:
        for limit in (1, 20, 100):
            query = {"limit": limit, "cursor": _encoded(position)}
            got = read_page(matches, query, None)
            want = cursor_page(plain, order_key, position, limit)
            assert [t.id for t in got.items] == [t.id for t in want.items], position
            assert (got.next, got.previous) == (want.next, want.previous), position


def _encoded(position: Position | None) -> str | None:
    if position is None:
        return None
    if position.key == float("inf"):
        return "cj0x"  # r=1
    return encode_cursor(position)


def test_a_runtime_ticket_lands_in_the_columns() -> None:
    data = dataset(count=20)
    raw = serialize(data.store.all()[3]) | {"id": 3_099_990, "order": "X-1", "tags": ["vip"]}
    ticket = load_fixture(raw, data.catalog)
    store = data.store.overlaid({ticket.id: ticket}, ())
    query = parse_query(
        schema_for(TicketQuery), MultiDict([("tags", "6"), ("order_number", "X-1")])
    )
    assert [t.id for t in store.select(criteria(query))] == [3_099_990]
    assert store.get(3_099_990) == ticket


def test_numbers_no_column_can_hold_match_nothing_at_once() -> None:
    for value in ("1E+999999999", "-1E+999999999", "3000000000", "1e-999999999"):
        assert _select([("id", value), ("requester", value)]) == []


def test_cursor_pages_over_the_id_column_equal_pages_over_built_tickets() -> None:
    """A Selection (the id column searched) and a plain list of its built tickets read the same
    pages, with positions of the same types (a cursor's bytes), from filtered matches too."""
    for params in ([], [("status", "open")]):
        query = parse_query(schema_for(TicketQuery), MultiDict(params))
        matches = small().store.select(criteria(query))
        plain = list(matches)
        keys = [order_key(t) for t in plain]
        positions = [None, Position(float("inf"), reverse=True), Position(-(10**400))] + [
            Position(key + shift, reverse) for key in [*keys[::23], keys[-1]]
            for shift in (-1, 0, 1) for reverse in (False, True)
        ]  # fmt: skip
        for position in positions:
            for limit in (1, 20, 100):
                q = {"limit": limit, "cursor": _encoded(position)}
                got, want = read_page(matches, q, None), read_page(plain, q, None)
                assert [t.id for t in got.items] == [t.id for t in want.items], position
                assert repr((got.next, got.previous, got.origin)) == repr(
                    (want.next, want.previous, want.origin)
                ), position
