"""Every vendor with columns: the columns agree with the tickets built from them, a ticket's
bytes do not depend on how many tickets there are, and times are spread before the epoch."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockdesk.core.dataset import Dataset, build_dataset
from mockdesk.core.encoding import encode_value
from mockdesk.core.timeline import DATA_EPOCH, LAST_MOMENT
from mockdesk.core.vendor import VendorSpec
from mockdesk.vendors.registry import VENDORS

COUNT = 3000
_BUILT: dict[str, Dataset] = {}


def dataset(spec: VendorSpec) -> Dataset:
    if spec.slug not in _BUILT:
        _BUILT[spec.slug] = build_dataset(spec.data, spec.slug, 5, COUNT)
    return _BUILT[spec.slug]


def stored(spec: VendorSpec, value: Any) -> Any:
    return value.timestamp() if isinstance(value, datetime) else value


@pytest.mark.parametrize("spec", VENDORS, ids=lambda s: s.slug)
@settings(max_examples=40, deadline=None)
@given(index=st.integers(0, COUNT - 1))
def test_a_built_ticket_agrees_with_its_columns(spec: VendorSpec, index: int) -> None:
    store = dataset(spec).store
    row = int(store.all().rows[index])
    ticket = store.ticket(row)
    table = store.columns
    for name, value in spec.data.columns.row(ticket).items():
        code = table[name][row]
        levels = spec.data.columns.levels.get(name)
        expected = levels[int(code)] if levels is not None else code
        actual = stored(spec, value)
        if actual is None and levels is None:
            assert np.isnan(expected) or expected == -1, name
        else:
            assert actual == expected, (name, actual, expected)


@pytest.mark.parametrize("spec", VENDORS, ids=lambda s: s.slug)
def test_a_ticket_is_the_same_bytes_whatever_the_count(spec: VendorSpec) -> None:
    small = build_dataset(spec.data, spec.slug, 5, 40).store
    large = dataset(spec).store
    for ticket in small.all():
        twin = large.get(ticket.id)
        assert encode_value(spec.serialize(twin)) == encode_value(spec.serialize(ticket))


@pytest.mark.parametrize("spec", VENDORS, ids=lambda s: s.slug)
def test_times_are_spread_before_the_epoch(spec: VendorSpec) -> None:
    """Nothing at the data epoch itself, and no pile-up in its last minute (issue 15, item 2)."""
    table = dataset(spec).store.columns
    last = LAST_MOMENT.timestamp()
    for name in spec.data.columns.times:
        values = table[name][~np.isnan(table[name])]
        assert (values <= last).all(), name
        assert (values != DATA_EPOCH.timestamp()).all(), name
        assert (values > last - 60).mean() < 0.01, name
