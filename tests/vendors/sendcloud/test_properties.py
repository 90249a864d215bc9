"""Hypothesis properties of the Sendcloud list: page walks and filters."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockdesk.vendors.sendcloud.data import CARRIERS, STATUSES
from tests.vendors.sendcloud.conftest import Sendcloud

FILTERS = st.fixed_dictionaries(
    {},
    optional={
        "status": st.sampled_from(STATUSES),
        "carrier": st.sampled_from(CARRIERS),
        "created_after": st.sampled_from(["2026-10-01T00:00:00Z", "2026-10-20T12:00:00+02:00"]),
    },
)
PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.mockdesk(rate_limits={"sendcloud": "off"})
@PROPERTY
@given(filters=FILTERS, size=st.integers(1, 20))
def test_walking_all_pages_yields_each_match_once(
    client: Sendcloud, filters: dict[str, str], size: int
) -> None:
    first = client.tickets(size=size, **filters).json()
    seen: list[int] = []
    for page in range(1, first["pages"] + 1):
        body = client.tickets(size=size, page=page, **filters).json()
        assert body["total"] == first["total"]
        seen += [t["id"] for t in body["items"]]
    assert len(seen) == len(set(seen)) == first["total"]


@pytest.mark.mockdesk(rate_limits={"sendcloud": "off"})
@PROPERTY
@given(filters=FILTERS)
def test_filters_only_narrow(client: Sendcloud, filters: dict[str, str]) -> None:
    everything = client.tickets().json()["total"]
    narrowed = client.tickets(**filters).json()["total"]
    assert narrowed <= everything
    for name in filters:
        fewer = {k: v for k, v in filters.items() if k != name}
        assert narrowed <= client.tickets(**fewer).json()["total"]
