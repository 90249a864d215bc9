"""Hypothesis over the live server: adding a condition to a filter only narrows what it selects.

The filters are valid by construction and valued from the tickets actually served (mostly from
one pivot ticket), so nearly every example compares two non-empty selections instead of
stopping at a 400. Never a 5xx is checked for every vendor in ``tests/properties``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from tests.properties.contracts import CONTRACTS
from tests.support.server import property_settings
from tests.support.vendor_client import VendorClient

Ticket = dict[str, Any]
FIELDS: dict[str, Callable[[Ticket], Sequence[Any]]] = {
    name: filter_.values for name, filter_ in CONTRACTS["teamwork"].filters.items()
}
TEXT = {"subject", "state", "spam_rules"}  # no ordering operators on these
EQUALITY = ["bare", "$eq", "$ne", "$in", "$nin"]
ORDERING = ["$lt", "$lte", "$gt", "$gte"]


def condition(data: st.DataObject, everything: list[Ticket], pivot: Ticket) -> dict[str, Any]:
    """One valid condition on one field, valued from the pivot (mostly) or any ticket."""
    name = data.draw(st.sampled_from(sorted(FIELDS)))
    values = FIELDS[name]
    source = [pivot] if data.draw(st.integers(0, 4)) else everything
    pool = sorted({v for t in source for v in values(t)}, key=repr) or [None]
    value = data.draw(st.sampled_from(pool))
    ordered = value is not None and name not in TEXT
    op = data.draw(st.sampled_from(EQUALITY + ORDERING if ordered else EQUALITY))
    if op == "bare":
        return {name: value}
    if op in ("$in", "$nin"):
        every = sorted({v for t in everything for v in values(t)}, key=repr)
        others = data.draw(st.lists(st.sampled_from(every), max_size=2)) if every else []
        return {name: {op: [value, *others]}}
    return {name: {op: value}}


def filter_spec(
    data: st.DataObject, everything: list[Ticket], pivot: Ticket, depth: int = 2
) -> dict[str, Any]:
    """A condition, or ``$and``/``$or`` of one to three sub-filters."""
    if depth == 0 or data.draw(st.integers(0, 2)):
        return condition(data, everything, pivot)
    parts = [
        filter_spec(data, everything, pivot, depth - 1) for _ in range(data.draw(st.integers(1, 3)))
    ]
    return {data.draw(st.sampled_from(["$and", "$or"])): parts}


def selected(teamwork: VendorClient, spec: dict[str, Any]) -> set[int]:
    """Every id the filter selects (all pages); the walk fails on anything but a 200."""
    params = {"filter": json.dumps(spec), "fields": "id"}
    return {t["id"] for t in teamwork.walk(params)}


@pytest.mark.mockdesk(rate_limits={"teamwork": "off"})
@property_settings(max_examples=60)
@given(data=st.data())
def test_filters_only_narrow(teamwork: VendorClient, data: st.DataObject) -> None:
    everything = teamwork.everything({"fields": ",".join(sorted(FIELDS))})
    pivot = data.draw(st.sampled_from(everything), "pivot")
    wide_spec = filter_spec(data, everything, pivot)
    extra = condition(data, everything, pivot)
    wide = selected(teamwork, wide_spec)
    narrow = selected(teamwork, {"$and": [wide_spec, extra]})
    event("wide: some" if wide else "wide: none")
    event("narrower: some" if narrow else "narrower: none")
    if narrow and narrow < wide:
        event("narrower: strictly fewer, not empty")
    assert wide <= {t["id"] for t in everything}
    assert narrow <= wide
