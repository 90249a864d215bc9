"""Every GET endpoint every vendor serves (read from the app's own routes, so a new endpoint is
covered the day it is added): no path or query ever gives a 5xx, and the same seed gives the
same bytes in two servers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockdesk.core.vendor import VendorSpec
from mockdesk.settings import Settings
from mockdesk.testing.live import LiveServer
from mockdesk.vendors.registry import VENDORS

NO_LIMITS = {spec.slug: "off" for spec in VENDORS}
SETTINGS = Settings(tickets=12, rate_limits=NO_LIMITS)
_VARIABLE = re.compile(r"<(?:[a-z]+:)?([a-z_]+)>")


def get_routes(server: LiveServer) -> list[tuple[VendorSpec, str]]:
    """(vendor, Flask rule) for every GET endpoint under a vendor's paths."""
    found = []
    for rule in server.app.url_map.iter_rules():
        spec = server.state.vendor_for_path(rule.rule)
        if (
            spec is not None
            and "GET" in (rule.methods or ())
            and "append_slash" not in rule.endpoint
        ):
            found.append((spec, rule.rule))
    return sorted(found, key=lambda pair: pair[1])


@pytest.fixture(scope="module")
def live() -> Iterator[LiveServer]:
    with LiveServer(SETTINGS) as server:
        yield server


def test_every_vendor_has_get_endpoints_beside_its_list(live: LiveServer) -> None:
    per_vendor = {spec.slug for spec, _ in get_routes(live)}
    assert per_vendor == {spec.slug for spec in VENDORS}
    assert len(get_routes(live)) >= 25  # lists, details, search, lookups, attachments, ...


segments = st.one_of(
    st.integers(min_value=-5, max_value=10**30).map(str),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30),
    st.sampled_from(["tkt_0", "0", "1", "00", "-1", "9" * 40, "%00", "..", "ünïcode"]),
)
queries = st.lists(
    st.tuples(
        st.text(max_size=12) | st.sampled_from(["page", "limit", "size", "ticketId", "cursor"]),
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    ),
    max_size=5,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), query=queries)
def test_no_path_or_query_gives_a_5xx(live: LiveServer, data: st.DataObject, query: list) -> None:
    spec, rule = data.draw(st.sampled_from(get_routes(live)))
    path = _VARIABLE.sub(lambda _: quote(data.draw(segments), safe=""), rule)
    url = live.url + path
    response = requests.get(url, params=query, headers=dict(spec.demo_headers), timeout=10)
    assert response.status_code < 500, (url, query, response.text[:300])


def test_the_same_seed_gives_the_same_bytes_on_every_endpoint(live: LiveServer) -> None:
    with LiveServer(SETTINGS) as other:
        for spec, rule in get_routes(live):
            if _VARIABLE.search(rule):
                continue
            first = requests.get(live.url + rule, headers=dict(spec.demo_headers), timeout=10)
            second = requests.get(other.url + rule, headers=dict(spec.demo_headers), timeout=10)
            assert first.status_code == second.status_code, rule
            if first.status_code == 200:
                assert first.content == second.content, rule
