"""HostUp on the columnar store: every built ticket agrees with its row of columns, a ticket is
the same whatever the ticket count, times are spread before the epoch, and every filter, the
order, the cursors and the lookups answer what a plain scan over built tickets answers."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from functools import cache
from itertools import pairwise
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockdesk.core.columns import Table
from mockdesk.core.dataset import Dataset, build_columns, build_dataset
from mockdesk.core.lanes import Lanes
from mockdesk.core.paging.cursor import Position
from mockdesk.core.seeding import SeededFaker
from mockdesk.core.store import Selection
from mockdesk.core.timeline import DATA_EPOCH, LAST_MOMENT
from mockdesk.vendors.hostup import SPEC, data, envelope, locate, query
from mockdesk.vendors.hostup.serializer import serialize_detail

SLUG = "hostup"
COLUMNS = data.COLUMNS
ROOT = "http://127.0.0.1:8080/"


@cache
def catalog(seed: int) -> data.Catalog:
    return data.catalog(SeededFaker(seed, SLUG, SPEC.data.locales).for_key("catalog"))


def row_of(seed: int, index: int) -> dict[str, Any]:
    """Ticket ``index``'s row as the store hands it to ``generate`` (level values, floats)."""
    arrays = COLUMNS.build(Lanes(seed, SLUG), np.array([index], np.int64), catalog(seed))
    table = Table(COLUMNS, arrays)
    return {name: table.value(name, array[0]) for name, array in arrays.items()}


def built(seed: int, index: int) -> data.Ticket:
    faker = SeededFaker(seed, SLUG, SPEC.data.locales).for_key(index)
    return data.generate(faker, index, catalog(seed), row_of(seed, index))


def stored(row: dict[str, Any]) -> dict[str, Any]:
    """A row with times as datetimes, as ``ColumnSpec.row`` gives them."""
    return {
        name: datetime.fromtimestamp(value, UTC) if name in COLUMNS.times else value
        for name, value in row.items()
    }


def check_invariants(ticket: data.Ticket) -> None:
    times = [m.sent_at for m in ticket.messages]
    assert times[0] == ticket.created_at
    assert all(a < b for a, b in pairwise(times))
    assert ticket.updated_at is not None
    assert ticket.created_at <= ticket.updated_at <= LAST_MOMENT
    assert ticket.last_message_at == times[-1] <= ticket.updated_at
    assert ticket.body == ticket.messages[0].body
    senders = [m.sender for m in ticket.messages]
    if ticket.status == "open":
        assert set(senders) == {"customer"}
    if ticket.status == "answered":
        assert senders[-1] == "staff"
    if ticket.status == "customer_reply":
        assert senders[-1] == "customer" and "staff" in senders
    department = catalog(0).department(ticket.department_slug)
    assert department is not None and ticket.department_name == department.display_name
    assert data.TICKET_ID.fullmatch(ticket.id)
    assert ticket.number.isdigit()


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32), index=st.integers(0, 1_079_999))
def test_a_built_ticket_agrees_with_its_row(seed: int, index: int) -> None:
    row = row_of(seed, index)
    ticket = built(seed, index)
    assert data.ticket_row(ticket) == stored(row)
    assert COLUMNS.key(ticket.id) == row["id"]
    assert data.exact(ticket, ticket.id) is ticket
    check_invariants(ticket)
    after = row_of(seed, index + 1)
    assert after["created_at"] < row["created_at"]
    assert after["number"] < row["number"]


def test_columns_are_small_typed_arrays() -> None:
    arrays = build_columns(COLUMNS, Lanes(0, SLUG), catalog(0), 10_000)
    assert {n: a.dtype.kind for n, a in arrays.items()} == {
        "id": "i", "number": "i", "status": "u", "priority": "u", "department_slug": "u",
        "created_at": "f", "updated_at": "f",
    }  # fmt: skip
    assert sum(a.nbytes for a in arrays.values()) / 10_000 <= 40
    assert len(np.unique(arrays["id"])) == 10_000
    assert np.all(np.diff(arrays["created_at"]) < 0) and np.all(np.diff(arrays["number"]) < 0)


def test_a_ticket_is_the_same_whatever_the_ticket_count() -> None:
    small = build_dataset(SPEC.data, SLUG, 3, 50).store.all()
    large = build_dataset(SPEC.data, SLUG, 3, 5_000).store.all()
    for index in (0, 1, 17, 49):
        one, other = small[index], large[index]
        assert json.dumps(serialize_detail(one, ROOT), default=str) == json.dumps(
            serialize_detail(other, ROOT), default=str
        )


def test_times_are_spread_before_the_epoch() -> None:
    arrays = build_columns(COLUMNS, Lanes(0, SLUG), catalog(0), 200_000)
    epoch = DATA_EPOCH.timestamp()
    created, updated = arrays["created_at"], arrays["updated_at"]
    assert np.all(created < epoch) and np.all(updated < epoch)
    assert np.all(created <= updated)
    assert np.mean(updated > epoch - 60) < 0.01
    closed = arrays["status"] == data.STATUSES.index("closed")
    # unsolved tickets were touched recently, solved ones long ago
    assert np.median(epoch - updated[~closed]) < 10 * 86_400
    assert np.median(epoch - updated[closed]) > 365 * 86_400
    # among recent tickets (a fortnight), updatedAt spreads over the whole fortnight
    recent = updated[created > epoch - 14 * 86_400]
    assert np.std(epoch - recent) > 86_400
    assert len(np.unique(updated)) > 0.99 * len(updated)


def test_message_times_stay_inside_the_ticket_and_off_the_epoch() -> None:
    store = build_dataset(SPEC.data, SLUG, 0, 300).store
    moved = 0
    for ticket in store.all():
        check_invariants(ticket)
        assert all(m.sent_at < DATA_EPOCH for m in ticket.messages)
        moved += ticket.last_message_at == ticket.updated_at
    assert 0.5 < moved / 300 < 0.9  # most tickets last changed with their last message


@cache
def world() -> tuple[Dataset, list[data.Ticket]]:
    dataset = build_dataset(SPEC.data, SLUG, 5, 400)
    scan = sorted((dataset.store.ticket(row) for row in range(400)), key=data.order_key)
    return dataset, scan


def page_walk(dataset: Dataset, params: dict[str, Any], limit: int) -> list[str]:
    """Every id the list yields for ``params``, following ``nextCursor`` like a client."""
    matches = dataset.store.select(query.criteria(params))
    assert isinstance(matches, Selection)
    seen: list[str] = []
    cursor = None
    while True:
        q = {**params, "limit": limit, **({"cursor": cursor} if cursor else {})}
        page = envelope.read_page(matches, q, dataset)
        seen += [t.id for t in page.items]
        if page.next is None:
            return seen
        cursor = dataset.catalog.cursors.encode(page.next, query.filters(q))


FILTER_CASES = [
    {},
    *({"status": s} for s in data.FILTER_STATUSES),
    *({"departmentSlug": d.slug} for d in data.DEPARTMENTS),
    {"status": "closed", "departmentSlug": "billing"},
    {"status": "answered", "departmentSlug": "vps"},
]


@pytest.mark.parametrize("params", FILTER_CASES, ids=lambda p: json.dumps(p) or "none")
def test_filters_order_and_cursors_agree_with_a_scan(params: dict[str, Any]) -> None:
    dataset, scan = world()
    attributes = {query.FILTERS[name]: value for name, value in params.items()}
    expected = [t.id for t in scan if all(getattr(t, a) == v for a, v in attributes.items())]
    selected = dataset.store.select(query.criteria(params))
    assert [t.id for t in selected] == expected
    assert page_walk(dataset, params, 7) == expected
    assert page_walk(dataset, params, 100) == expected


def test_lookups_agree_with_a_scan() -> None:
    dataset, scan = world()
    for ticket in scan[::37]:
        assert locate({"ticket_ref": ticket.id}, dataset) is ticket
        assert locate({"ticket_ref": ticket.number}, dataset) is ticket
        assert locate({"ticket_ref": "00" + ticket.number}, dataset) is ticket
        assert data.find_attachment(dataset.store, ticket.id, "tatt_" + "0" * 26) is None
        # the same low 64 bits under another creation time: not this ticket
        forged = "tkt_" + ("z" if ticket.id[4] != "z" else "y") + ticket.id[5:]
        assert locate({"ticket_ref": forged}, dataset) is None
    assert locate({"ticket_ref": "9" * 40}, dataset) is None
    used = {t.department_slug for t in scan}
    in_use = data.departments_in_use(dataset.catalog, dataset.store)
    assert [d.slug for d in in_use] == [d.slug for d in data.DEPARTMENTS if d.slug in used]


def test_a_cursor_past_every_ticket_reads_an_empty_page() -> None:
    dataset, scan = world()
    last = scan[-1]
    position = Position(list(data.order_key(last)))
    cursor = dataset.catalog.cursors.encode(position, {})
    page = envelope.read_page(dataset.store.all(), {"limit": 5, "cursor": cursor}, dataset)
    assert list(page.items) == [] and page.next is None
    assert not envelope.valid_cursor_key([10**400, 1])
    assert not envelope.valid_cursor_key([1.0, "x"])
    assert envelope.valid_cursor_key([-1.5e9, 3])
    assert timedelta(0) < DATA_EPOCH - last.created_at


@pytest.mark.parametrize("params", [{}, {"status": "closed"}], ids=["all", "closed"])
def test_cursor_pages_over_the_columns_equal_pages_over_built_tickets(
    params: dict[str, Any],
) -> None:
    """The columns (a Selection) and a plain list of built tickets read the same pages from
    every kind of position, down to the positions' key types (a cursor's bytes)."""
    dataset, _ = world()
    codec = dataset.catalog.cursors
    selection = dataset.store.select(query.criteria(params))
    plain = list(selection)
    keys = [list(data.order_key(t)) for t in plain]
    positions = [None] + [
        Position([key[0], key[1] + shift], reverse)
        for key in [*keys[::29], keys[-1]] for shift in (-1, 0, 1) for reverse in (False, True)
    ]  # fmt: skip
    for position in positions:
        for limit in (1, 7, 100):
            q = {**params, "limit": limit}
            if position is not None:
                q["cursor"] = codec.encode(position, query.filters(q))
            got = envelope.read_page(selection, q, dataset)
            want = envelope.read_page(plain, q, dataset)
            assert [t.id for t in got.items] == [t.id for t in want.items], position
            assert repr((got.next, got.previous)) == repr((want.next, want.previous)), position
