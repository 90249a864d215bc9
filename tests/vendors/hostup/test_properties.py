"""Properties over arbitrary queries: never a 5xx, walks are exact, filters only narrow."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.vendors.hostup.conftest import TICKETS, HostUp

pytestmark = pytest.mark.mockdesk(rate_limits={"hostup": "off"})
SETTINGS = settings(
    deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
STATUSES = ["open", "answered", "customer_reply", "in_progress", "on_hold", "closed"]
SLUGS = ["general-web-hosting", "domain-names", "vps", "billing", "sales"]
NAMES = st.sampled_from(["limit", "cursor", "status", "departmentSlug", "page", "x"])
VALUES = st.one_of(
    st.text(max_size=12), st.integers(-5, 500).map(str), st.sampled_from(STATUSES + SLUGS)
)


@SETTINGS
@given(st.lists(st.tuples(NAMES, VALUES), max_size=5))
def test_arbitrary_queries_never_fail_on_the_server(hostup: HostUp, pairs: list) -> None:
    query = "&".join(f"{quote(k)}={quote(v)}" for k, v in pairs)
    response = hostup.get(f"{TICKETS}?{query}")
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["code"] in ("invalid_request", "invalid_cursor")


FILTERS = st.fixed_dictionaries(
    {}, optional={"status": st.sampled_from(STATUSES), "departmentSlug": st.sampled_from(SLUGS)}
)


@SETTINGS
@given(FILTERS, st.integers(1, 100))
def test_a_walk_yields_each_match_once_and_filters_only_narrow(
    hostup: HostUp, filters: dict[str, str], limit: int
) -> None:
    everything = {t["id"]: t for t in hostup.walk()}
    walked = [t["id"] for t in hostup.walk(limit=limit, **filters)]
    assert len(walked) == len(set(walked))
    assert set(walked) <= set(everything)
    expected = [i for i, t in everything.items() if all(t[k] == v for k, v in filters.items())]
    assert walked == expected
