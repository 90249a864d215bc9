"""The columnar store: every built ticket agrees with its row of columns, a ticket does not
depend on how many are generated, timestamps are spread before the epoch, and every documented
filter and the listing order answer from the columns what a plain scan of built tickets does."""

from __future__ import annotations

import copy
import itertools
from datetime import timedelta
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockdesk.core.dataset import Dataset, build_columns, build_dataset
from mockdesk.core.fixtures import PinnedTicket
from mockdesk.core.lanes import Lanes
from mockdesk.core.seeding import SeededFaker
from mockdesk.core.timeline import DATA_EPOCH, LAST_MOMENT
from mockdesk.vendors.ippanel import SPEC
from mockdesk.vendors.ippanel.data import COLUMNS, STATES, SUB_CATEGORIES, Ticket, order_key
from mockdesk.vendors.ippanel.query import criteria
from mockdesk.vendors.ippanel.serializer import serialize, serialize_detail
from tests.vendors.ippanel.conftest import GOLDENS

SLUG = "ippanel"
MANY = 5_000
EPOCH = DATA_EPOCH.timestamp()


@pytest.fixture(scope="module")
def many() -> Dataset:
    return build_dataset(SPEC.data, SLUG, 0, MANY)


def columns(seed: int, count: int) -> dict[str, Any]:
    catalog = SPEC.data.catalog(SeededFaker(seed, SLUG, SPEC.data.locales).for_key("catalog"))
    return build_columns(COLUMNS, Lanes(seed, SLUG), catalog, count)


def check_invariants(ticket: Ticket) -> None:
    assert ticket.category.id == ticket.sub_category.category_id
    assert ticket.forward.from_user == ticket.user.user_id
    assert (ticket.forward.to != 1) == (ticket.state_id == 5)
    assert ticket.state_id == 4 or (ticket.close_desc is None and ticket.rate == 0)
    assert ticket.state_id == 2 or ticket.admin_seen == 1
    assert ticket.created_at < DATA_EPOCH and ticket.updated_at <= LAST_MOMENT
    assert ticket.created_at <= ticket.forward.updated_at <= ticket.updated_at
    moments = [ticket.created_at, *(i.created_at for i in ticket.interactions)]
    assert all(a < b for a, b in itertools.pairwise(moments))
    assert moments[-1] <= ticket.updated_at
    assert all(m.microsecond == 0 for m in (*moments, ticket.updated_at))
    assert ticket.interaction_count == len(ticket.interactions)
    if ticket.state_id == 5 and ticket.interactions:
        last = ticket.interactions[-1]
        assert last.private == 1 and last.created_at == ticket.updated_at


@settings(max_examples=60, deadline=None)
@given(index=st.integers(0, MANY - 1))
def test_a_built_ticket_agrees_with_its_row_and_keeps_the_invariants(many: Dataset, index: int):
    ticket = many.store.all()[index]
    for name, value in COLUMNS.row(ticket).items():
        stored = many.store.columns[name][index]
        if name in COLUMNS.levels:
            assert COLUMNS.levels[name][int(stored)] == value, name
        elif name in COLUMNS.times:
            assert stored == value.timestamp(), name
        else:
            assert stored == value, name
    check_invariants(ticket)


def test_columns_fall_with_the_index_and_keep_their_ranges():
    found = columns(0, MANY)
    assert np.all(np.diff(found["created_at"]) < 0)
    assert np.all(np.diff(found["id"]) < 0) and np.any(np.diff(found["id"]) < -1)
    assert np.all(found["updated_at"] >= found["created_at"])
    assert set(np.unique(found["state_id"])) == set(range(len(STATES)))
    assert set(np.unique(found["sub_category_id"])) == set(range(len(SUB_CATEGORIES)))


def test_a_ticket_does_not_depend_on_how_many_are_generated():
    few, more = build_dataset(SPEC.data, SLUG, 3, 50), build_dataset(SPEC.data, SLUG, 3, MANY)
    assert [serialize(t) for t in few.store.all()] == [serialize(t) for t in more.store.all()[:50]]
    for index in (0, 17, 49):
        assert serialize_detail(few.store.all()[index]) == serialize_detail(more.store.all()[index])
    small, large = columns(3, 50), columns(3, 70_000)  # across a build chunk
    for name, values in small.items():
        assert np.array_equal(values, large[name][:50])


def test_no_timestamp_is_the_epoch_and_updates_are_spread(many: Dataset):
    updated, created = columns(0, 200_000)["updated_at"], columns(0, 200_000)["created_at"]
    assert not np.any(updated >= EPOCH) and not np.any(created >= EPOCH)
    assert np.mean(updated > EPOCH - 60) < 0.01
    assert len(np.unique(updated)) > 0.99 * len(updated)
    recent = many.store.columns["updated_at"][:250]  # a default-sized server's tickets
    assert np.mean(recent > EPOCH - 60) < 0.01
    assert np.median(EPOCH - recent) > timedelta(hours=6).total_seconds()
    for ticket in many.store.all()[:300]:
        forward = ticket.forward
        moments = [ticket.created_at, ticket.updated_at, forward.created_at, forward.updated_at]
        moments += [i.created_at for i in ticket.interactions]
        assert max(moments) < DATA_EPOCH


def test_open_tickets_were_touched_recently_and_old_ones_long_ago(many: Dataset):
    store = many.store.columns
    age = EPOCH - store["updated_at"]
    closed = store["state_id"] == list(STATES).index(4)
    month = store["created_at"] > EPOCH - timedelta(days=30).total_seconds()
    assert np.median(age[month & ~closed]) * 3 < np.median(age[month & closed])
    year_old = store["created_at"] < EPOCH - timedelta(days=365).total_seconds()
    assert np.mean(age[year_old] < timedelta(days=30).total_seconds()) < 0.01


# The oracle: a plain Python scan over built tickets, the filters as IPPanel documents them.
def scan(tickets: list[Ticket], query: dict[str, Any]) -> list[int]:
    wanted = {
        "ticket_id": lambda t: t.id,
        "category_id": lambda t: t.category.id,
        "sub_category_id": lambda t: t.sub_category.id,
        "state_id": lambda t: t.state_id,
        "username": lambda t: t.user.uname.casefold(),
    }
    found = [
        t
        for t in tickets
        if all(
            wanted[name](t) == (value.casefold() if name == "username" else value)
            for name, value in query.items()
        )
    ]
    return [t.id for t in sorted(found, key=order_key)]


@pytest.fixture(scope="module")
def small() -> Dataset:
    """300 generated tickets and the seed's two, plus one with a user, a category and an id
    the generator never uses (appended rows get new codes)."""
    items = GOLDENS.json("list_example.json")["data"]
    odd = copy.deepcopy(items[0])
    odd.update(id=9_999_999_999, ticket_id=9_999_999_999, category_id=77, sub_category_id=88)
    odd["user"]["uname"] = "Odd.User"
    odd["category"]["id"], odd["sub_category"]["id"] = 77, 88
    odd["forward"]["ticket_id"] = 9_999_999_999
    pinned = [PinnedTicket(f"test[{n}]", item) for n, item in enumerate([*items, odd])]
    return build_dataset(SPEC.data, SLUG, 0, 300, pinned)


def queries(tickets: list[Ticket]) -> list[dict[str, Any]]:
    sample = tickets[::37]
    found: list[dict[str, Any]] = [{}, {"username": ""}, {"username": "nobody"}]
    found += [{"ticket_id": t.id} for t in sample] + [{"ticket_id": 1}]
    found += [{"username": t.user.uname.upper()} for t in sample] + [{"username": "odd.user"}]
    found += [{"category_id": c} for c in (10, 11, 12, 13, 14, 77, 99)]
    found += [{"sub_category_id": s.id} for s in SUB_CATEGORIES] + [{"sub_category_id": 88}]
    found += [{"state_id": s} for s in STATES]
    found += [
        {"username": t.user.uname, "state_id": t.state_id, "category_id": t.category.id}
        for t in sample
    ]
    found += [{"sub_category_id": t.sub_category.id, "state_id": s} for t in sample for s in STATES]
    return found


def test_every_documented_filter_answers_as_a_scan_of_built_tickets(small: Dataset):
    tickets = list(small.store.all())
    assert len(tickets) == 303
    for query in queries(tickets):
        selected = small.store.select(criteria(query))
        assert [t.id for t in selected] == scan(tickets, query), query


def test_the_listing_order_and_any_page_are_a_sorted_scan(small: Dataset):
    tickets = list(small.store.all())
    expected = [t.id for t in sorted(tickets, key=order_key)]
    assert [t.id for t in tickets] == expected
    selection = small.store.all()
    for start, size in ((0, 10), (95, 10), (290, 1000), (303, 10)):
        assert [t.id for t in selection[start : start + size]] == expected[start : start + size]
    for ticket in tickets[::29]:
        assert small.store.get(ticket.id) is not None
        assert small.store.get(ticket.id).id == ticket.id  # type: ignore[union-attr]
