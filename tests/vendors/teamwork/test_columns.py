"""The columnar store: built tickets agree with their column rows, a ticket does not depend on
how many are built, timestamps are spread before the epoch, and every filter and ordering the
columns answer equals a plain scan over built tickets (the oracle)."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockdesk.core.dataset import Dataset, build_dataset
from mockdesk.core.encoding import encode
from mockdesk.core.fixtures import PinnedTicket
from mockdesk.core.timeline import DATA_EPOCH, LAST_MOMENT
from mockdesk.vendors.teamwork import SPEC, search
from mockdesk.vendors.teamwork.data import COLUMNS, Ticket
from mockdesk.vendors.teamwork.filtering import parse
from mockdesk.vendors.teamwork.ordering import KEYS, ORDER_FIELDS, order
from mockdesk.vendors.teamwork.search import SearchQuery
from mockdesk.vendors.teamwork.serializer import serialize

COUNT = 400


@pytest.fixture(scope="module")
def wide() -> Dataset:
    return build_dataset(SPEC.data, "teamwork", 0, COUNT)


def _stored(dataset: Dataset, row: int) -> dict[str, Any]:
    table = dataset.store._table
    return {name: table.value(name, table.arrays[name][row]) for name in table.names()}


def _as_python(name: str, value: Any) -> Any:
    if isinstance(value, datetime):
        return value.timestamp()
    if value is None:
        return math.nan if name in COLUMNS.times else -1
    return value


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, float) and math.isnan(left):
        return isinstance(right, float) and math.isnan(right)
    return bool(left == right)


@settings(deadline=None, max_examples=60)
@given(index=st.integers(0, COUNT - 1))
def test_a_built_ticket_agrees_with_its_column_row(wide: Dataset, index: int) -> None:
    ticket = wide.store.ticket(index)
    stored = _stored(wide, index)
    for name, value in COLUMNS.row(ticket).items():
        assert _same(_as_python(name, value), stored[name]), name
    # invariants
    assert ticket.created_at < ticket.updated_at <= LAST_MOMENT or (
        ticket.created_at == ticket.updated_at
    )
    assert ticket.messages[0].created_at == ticket.created_at
    times = [m.created_at for m in ticket.messages]
    assert times == sorted(times) and len(set(times)) == len(times)
    assert times[-1] <= ticket.updated_at
    for message in ticket.messages:
        viewed = message.viewed_by_customer_at
        assert viewed is None or message.created_at < viewed <= ticket.updated_at
    assert ticket.messages[-1].status_id == ticket.status_id
    if ticket.happiness_survey_sent_at is not None:
        assert ticket.status_id in (5, 6)
        assert times[-1] <= ticket.happiness_survey_sent_at <= ticket.updated_at
    assert (ticket.state == "deleted") == (ticket.deleted_at is not None)
    assert (ticket.deleted_by is None) == (ticket.deleted_at is None)
    if ticket.deleted_at is not None:
        assert ticket.deleted_at <= ticket.updated_at
    if ticket.agent_id is not None:
        assert ticket.agent_id in wide.catalog.inboxes[ticket.inbox_id].user_ids
        assert ticket.updated_by == ticket.agent_id
    else:
        assert ticket.status_id == 1
    customer = wide.catalog.customers[ticket.customer_id]
    assert ticket.contact_id == customer.contact_id and ticket.company_id == customer.company_id
    assert all(ticket.inbox_id in wide.catalog.tags[t].inbox_ids for t in ticket.tag_ids)


def test_listing_order_is_index_order_and_ids_fall_with_gaps(wide: Dataset) -> None:
    tickets = list(wide.store.all())
    assert [t.id for t in tickets] == [wide.store.ticket(i).id for i in range(COUNT)]
    created = [t.created_at for t in tickets]
    assert all(a > b for a, b in pairwise(created))
    steps = [a.id - b.id for a, b in pairwise(tickets)]
    assert all(1 <= step <= 5 for step in steps) and any(step > 1 for step in steps)


def test_the_same_ticket_whatever_the_count() -> None:
    small = build_dataset(SPEC.data, "teamwork", 0, 50)
    large = build_dataset(SPEC.data, "teamwork", 0, 5_000)
    for index in (0, 1, 17, 49):
        left = encode(SPEC.serialize(small.store.ticket(index)), SPEC.json_style)
        right = encode(SPEC.serialize(large.store.ticket(index)), SPEC.json_style)
        assert left == right
    far = build_dataset(SPEC.data, "teamwork", 0, 1_000_000 // 64)
    assert far.store.ticket(3).id == large.store.ticket(3).id


def test_no_timestamp_at_the_epoch_and_updates_are_spread() -> None:
    dataset = build_dataset(SPEC.data, "teamwork", 0, 20_000)
    columns = dataset.store.columns
    epoch = DATA_EPOCH.timestamp()
    for name in COLUMNS.times:
        values = columns[name]
        assert not np.any(values >= epoch), name
    updated = columns["updated_at"]
    assert np.mean(updated > epoch - 60) < 0.01
    created = columns["created_at"]
    assert np.all(updated >= created)
    # open tickets were touched recently; solved ones long ago when they are old
    status = columns["status_id"]
    old = created < epoch - 30 * 86_400
    assert np.median((epoch - updated)[old & (status <= 4)]) < 3 * 86_400
    assert np.median((epoch - updated)[old & (status >= 5)]) > 30 * 86_400
    # not one clamp value shared by many tickets
    assert len(np.unique(updated)) > 0.99 * len(updated)
    for ticket in (dataset.store.ticket(i) for i in range(0, 20_000, 997)):
        for message in ticket.messages:
            assert message.created_at < DATA_EPOCH
            assert message.viewed_by_customer_at is None or message.viewed_by_customer_at < (
                DATA_EPOCH
            )


# ------------------------------------------------------------------------------ the oracle


def _ids_by_scan(dataset: Dataset, spec: object) -> list[int]:
    node = parse(json.dumps(spec))
    return [t.id for t in dataset.store.all() if node(t)]


def _ids_by_columns(dataset: Dataset, spec: object) -> list[int]:
    node = parse(json.dumps(spec))
    return [t.id for t in dataset.store.select(node.criteria())]


def _day(dataset: Dataset, row: int, name: str) -> str:
    moment = getattr(dataset.store.ticket(row), name)
    return (moment or DATA_EPOCH - timedelta(days=3)).astimezone(UTC).date().isoformat()


def _specs(dataset: Dataset) -> list[object]:
    first = dataset.store.ticket(7)
    day = _day(dataset, 120, "created_at")
    specs: list[object] = []
    for name, attribute in [
        ("id", "id"), ("customer", "customer_id"), ("contact", "contact_id"),
        ("inbox", "inbox_id"), ("agent", "agent_id"), ("status", "status_id"),
        ("priority", "priority_id"), ("source", "source_id"), ("type", "type_id"),
        ("businesshours", "businesshours_id"), ("company", "company_id"),
        ("updatedBy", "updated_by"), ("deletedBy", "deleted_by"),
        ("spam_score", "spam_score"), ("originalRecipient", "original_recipient"),
    ]:  # fmt: skip
        value = getattr(first, attribute)
        specs += [{name: value}, {name: {"$ne": value}}, {name: {"$in": [value, None]}},
                  {name: {"$nin": [value]}}, {name: None}, {name: {"$ne": None}}]  # fmt: skip
        if value is not None:
            specs += [{name: {op: value}} for op in ("$lt", "$lte", "$gt", "$gte")]
    for name in ("createdAt", "updatedAt", "deletedAt", "happinessSurveySentAt"):
        specs += [{name: {op: day}} for op in ("$eq", "$ne", "$lt", "$lte", "$gt", "$gte")]
        specs += [{name: None}, {name: {"$in": [day, None]}}]
    specs += [
        {"spam_rules": "SPF_PASS"}, {"spam_rules": {"$nin": ["BAYES_00", "DKIM_SIGNED"]}},
        {"spam_rules": {"$lt": "D"}}, {"spam_rules": {"$ne": "NOPE"}},
        {"state": "deleted"}, {"state": {"$ne": "deleted"}}, {"state": {"$gt": "active"}},
        {"spam_score": {"$gte": 1, "$lt": 2.55}}, {"id": {"$gt": 10**30}},
        {"$or": [{"status": {"$in": [1, 2]}}, {"$and": [{"priority": 4}, {"agent": None}]}]},
        {"status": 5, "responseTimeMins": {"$gt": 60}},
        {"$or": [{"subject": {"$gte": "M"}}, {"inbox": 2}]},
        {"customer": first.customer_id, "previewText": {"$ne": first.preview_text}},
    ]  # fmt: skip
    return specs


def test_every_filter_equals_a_scan_over_built_tickets(wide: Dataset) -> None:
    specs = _specs(wide)
    assert len(specs) > 150
    for spec in specs:
        assert _ids_by_columns(wide, spec) == _ids_by_scan(wide, spec), spec


def _search(dataset: Dataset, **args: Any) -> list[int]:
    query = SearchQuery().load(args)
    return [t.id for t in dataset.store.select(search.criteria(query))]


def test_search_parameters_equal_a_scan(wide: Dataset) -> None:
    every = list(wide.store.all())
    day = _day(wide, 60, "created_at")
    cases: list[tuple[dict[str, Any], Any]] = [
        ({"tags": ["1", "2"]}, lambda t: {1, 2} & set(t.tag_ids)),
        ({"tags": ["1", "6"], "tagRequireAll": "true"}, lambda t: {1, 6} <= set(t.tag_ids)),
        ({"excludeTags": ["1"]}, lambda t: 1 not in t.tag_ids),
        ({"excludeInboxes": ["2"]}, lambda t: t.inbox_id != 2),
        ({"onlyUntagged": "true"}, lambda t: not t.tag_ids),
        ({"unassigned": "true"}, lambda t: t.agent_id is None),
        ({"startDate": day}, lambda t: t.created_at.date().isoformat() >= day),
        ({"endDate": day}, lambda t: t.created_at.date().isoformat() <= day),
        ({"lastUpdated": day}, lambda t: t.updated_at.date().isoformat() >= day),
        ({"statuses": ["2", "3"], "agents": ["305"]},
         lambda t: t.status_id in (2, 3) and t.agent_id == 305),
        ({"search": "refund"},
         lambda t: "refund" in f"{t.subject}\n{t.preview_text}".casefold()),
    ]  # fmt: skip
    task = next(t.task_ids[0] for t in every if t.task_ids)
    cases.append(({"task": str(task)}, lambda t: task in t.task_ids))
    for args, test in cases:
        assert _search(wide, **args) == [t.id for t in every if test(t)], args


@pytest.mark.parametrize("field", ORDER_FIELDS)
@pytest.mark.parametrize("mode", ["asc", "desc"])
def test_every_ordering_equals_a_python_sort(wide: Dataset, field: str, mode: str) -> None:
    matches = wide.store.select(parse(json.dumps({"status": {"$ne": 4}})).criteria())
    read = KEYS[field]

    def key(ticket: Ticket) -> tuple[Any, ...]:
        value = read(ticket)
        return (0, 0, ticket.id) if value is None else (1, value, ticket.id)

    expected = [t.id for t in sorted(matches, key=key, reverse=mode == "desc")]
    ordered = order(matches, field, mode)
    assert [t.id for t in ordered[: len(ordered)]] == expected
    assert [t.id for t in ordered[10:20]] == expected[10:20]


def test_pinned_tickets_join_the_columns_and_the_oracles_hold(wide: Dataset) -> None:
    """Pinned tickets (as runtime ones) are appended rows: filters and orderings answered by
    the columns still equal a scan over the built tickets."""
    first, second = serialize(wide.store.ticket(5)), serialize(wide.store.ticket(9))
    pinned = [
        {**first, "id": 7, "spam_score": 2.2, "spam_rules": ["SPF_PASS", "CUSTOM_RULE"],
         "state": "deleted", "deletedAt": "2026-10-30T10:00:00.000Z",
         "deletedBy": {"id": 301, "type": "users"}, "originalRecipient": "odd@example.com",
         "tasks": [{"id": 42, "type": "tasks"}]},
        {**second, "id": wide.store.ticket(3).id, "agent": None, "priority": None},
    ]  # fmt: skip
    dataset = build_dataset(
        SPEC.data, "teamwork", 0, COUNT, [PinnedTicket(f"test {n}", raw) for n, raw in
                                          enumerate(pinned)],
    )  # fmt: skip
    assert dataset.store.get(7) is not None and len(dataset.store) == COUNT + 1
    specs = [*_specs(dataset), {"originalRecipient": {"$gte": "p"}}, {"id": {"$lt": 100}}]
    for spec in specs:
        assert _ids_by_columns(dataset, spec) == _ids_by_scan(dataset, spec), spec
    for field in ("createdAt", "updatedAt", "deletedAt", "originalRecipient", "tasks.id",
                  "users.name", "spam_score", "priority"):  # fmt: skip
        every = dataset.store.select([])
        expected = sorted(every, key=lambda t: _python_key(field, t))
        assert [t.id for t in order(every, field, "asc")[:]] == [t.id for t in expected], field


def _python_key(field: str, ticket: Ticket) -> tuple[Any, ...]:
    value = KEYS[field](ticket)
    return (0, 0, ticket.id) if value is None else (1, value, ticket.id)
