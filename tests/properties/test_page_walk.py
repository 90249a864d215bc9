"""Every vendor's page walk against a client-side oracle, over the registry.

The full set comes from the list itself (largest page size); for filters drawn from values
actually present in that set, the expected tickets are computed here, from
:mod:`tests.properties.contracts`, and walking every page at several page sizes must yield
exactly them: each once, in the full set's order. A filter bug that is the same at every page
size fails here, which a walk compared with another walk cannot see.

Runs on its own small in-process dataset, so it is skipped in server mode.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from hypothesis import event, given
from hypothesis import strategies as st

from mockdesk.core.vendor import VendorSpec
from mockdesk.settings import Settings
from mockdesk.testing.live import LiveServer
from mockdesk.vendors.registry import VENDORS
from tests.properties.contracts import CONTRACTS, ListContract
from tests.support.paging import PAGERS
from tests.support.server import property_settings
from tests.support.vendor_client import VendorClient

TICKETS = 60
by_slug = pytest.mark.parametrize("spec", VENDORS, ids=lambda spec: spec.slug)


@pytest.fixture(scope="module")
def small() -> Iterator[LiveServer]:
    """Every vendor with 60 tickets and no rate limits."""
    settings = Settings(tickets=TICKETS, rate_limits={spec.slug: "off" for spec in VENDORS})
    with LiveServer(settings) as server:
        yield server
        server.raise_crashes()


@pytest.fixture(scope="module")
def full_sets(small: LiveServer) -> dict[str, list[dict[str, Any]]]:
    """Each vendor's every ticket, in list order, read through the list at its largest page."""
    counts = requests.get(f"{small.url}/__mockdesk/health", timeout=10).json()["vendors"]
    sets = {}
    for spec in VENDORS:
        tickets = VendorClient(spec, small.url).walk()
        ids = [t["id"] for t in tickets]
        assert len(ids) == len(set(ids)) == counts[spec.slug] == TICKETS, spec.slug
        sets[spec.slug] = tickets
    return sets


def test_the_contracts_cover_exactly_the_registered_vendors() -> None:
    assert set(CONTRACTS) == set(PAGERS) == {spec.slug for spec in VENDORS}


@by_slug
@pytest.mark.parametrize("size", [7, 13])  # neither divides 60: the last page is partial
def test_the_unfiltered_walk_is_the_full_set_at_other_page_sizes(
    small: LiveServer, full_sets: dict[str, list[dict[str, Any]]], spec: VendorSpec, size: int
) -> None:
    walked = [t["id"] for t in VendorClient(spec, small.url).walk(size=size)]
    assert walked == [t["id"] for t in full_sets[spec.slug]]


def draw_filters(
    data: st.DataObject, contract: ListContract, everything: list[dict[str, Any]]
) -> dict[str, Any]:
    """One to three filters, each valued from the data: mostly from one pivot ticket (so most
    combinations match something), sometimes from any ticket (so some match nothing)."""
    pivot = data.draw(st.sampled_from(everything), "pivot")
    known = sorted(contract.filters)
    count = data.draw(st.integers(1, min(3, len(known))), "how many filters")
    filters: dict[str, Any] = {}
    for name in data.draw(st.permutations(known), "filters")[:count]:
        read = contract.filters[name].values
        source = [pivot] if data.draw(st.integers(0, 5), f"{name} from pivot") else everything
        pool = sorted({v for t in source for v in read(t)}, key=repr)
        if pool:
            filters[name] = data.draw(st.sampled_from(pool), name)
    return filters


def expected_for(
    contract: ListContract, everything: list[dict[str, Any]], filters: dict[str, Any]
) -> list[Any]:
    """The oracle: the full set, filtered here."""
    return [
        t["id"]
        for t in everything
        if all(contract.filters[name].selects(t, value) for name, value in filters.items())
    ]


@by_slug
@property_settings(max_examples=30)
@given(data=st.data())
def test_every_page_size_walks_exactly_the_oracles_matches(
    small: LiveServer,
    full_sets: dict[str, list[dict[str, Any]]],
    spec: VendorSpec,
    data: st.DataObject,
) -> None:
    contract, everything = CONTRACTS[spec.slug], full_sets[spec.slug]
    filters = draw_filters(data, contract, everything)
    expected = expected_for(contract, everything, filters)
    event("matches: none" if not expected else "matches: some")
    client = VendorClient(spec, small.url)
    largest = PAGERS[spec.slug].max_size
    sizes = [data.draw(st.integers(1, 7), "small page"), data.draw(st.integers(8, largest), "page")]
    for size in sizes:
        walked = [t["id"] for t in client.walk(contract.encode(filters), size)]
        assert walked == expected, (filters, size)
