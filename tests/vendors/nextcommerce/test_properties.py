"""Filters only narrow, for every documented filter (those the cross-vendor oracle in
``tests/properties`` cannot model too: text search, tags, products, date ranges)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from mockdesk.vendors.nextcommerce.data import CHANNELS, PRIORITIES, PRODUCTS, STATUSES, TAGS
from tests.support.server import property_settings
from tests.support.vendor_client import VendorClient
from tests.vendors.nextcommerce.conftest import LIST, NO_LIMIT, follow

pytestmark = pytest.mark.mockdesk(rate_limits=NO_LIMIT)
# the days the generated tickets were created on (2026-10-01 to 2026-11-01), and a few around
DAYS = st.dates(date(2026, 9, 25), date(2026, 11, 5)).map(date.isoformat)
VALID = {
    "status": st.lists(st.sampled_from(STATUSES), min_size=1, max_size=3),
    "priority": st.sampled_from(PRIORITIES),
    "channel": st.sampled_from(CHANNELS),
    "tags": st.lists(st.sampled_from(sorted(TAGS)).map(str), min_size=1, max_size=2),
    "product": st.lists(st.sampled_from(sorted(PRODUCTS)).map(str), min_size=1, max_size=2),
    "ticket_type": st.integers(1, 6).map(str),
    "subject": st.sampled_from(["order", "#1", "refund", "Damaged", "?"]),
    "filter_text": st.sampled_from(["gmail", "order", "@", "3099"]),
    "created_from": DAYS,
    "created_to": DAYS,
}
# at most two filters besides the one added: more select nothing, and prove nothing
FILTERS = st.tuples(st.permutations(sorted(VALID)), st.integers(0, 2)).flatmap(
    lambda drawn: st.fixed_dictionaries({name: VALID[name] for name in drawn[0][: drawn[1]]})
)


def pairs(filters: dict) -> list[tuple[str, str]]:
    return [(k, v) for k, vs in filters.items() for v in (vs if isinstance(vs, list) else [vs])]


def ids(client: VendorClient, filters: dict) -> list[int]:
    response = client.get(LIST, [*pairs(filters), ("limit", "100")])
    assert response.status_code == 200, response.text
    return [t["id"] for t in follow(client, response.json())]


@property_settings(max_examples=60)
@given(filters=FILTERS, extra=st.sampled_from(sorted(VALID)))
def test_filters_only_narrow(nextcommerce: VendorClient, filters, extra) -> None:
    narrower = {**filters, extra: VALID_EXAMPLE[extra]}
    wider = {k: v for k, v in filters.items() if k != extra}
    narrow, wide = set(ids(nextcommerce, narrower)), set(ids(nextcommerce, wider))
    event("wider: some" if wide else "wider: none")
    event("narrower: some" if narrow else "narrower: none")
    assert narrow <= wide


VALID_EXAMPLE = {
    "status": ["open"], "priority": "low", "channel": "email", "tags": ["2"],
    "product": ["101", "102"], "ticket_type": "3", "subject": "order", "filter_text": "a",
    "created_from": "2026-10-01", "created_to": "2026-10-28",
}  # fmt: skip
