"""Hypothesis over the live server: no query string gives a 5xx, and filters only narrow."""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

URL = "/desk/api/v2/tickets.json"
AUTH = {"Authorization": "Bearer mockdesk-token"}
PARAMS = ("filter", "orderBy", "orderMode", "page", "pageSize", "includes", "fields", "x")
SETTINGS = settings(
    deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 400),
    st.text(max_size=12),
    st.sampled_from(["2026-10-30", "2026-02-30", "active"]),
)
field = st.sampled_from(["status", "agent", "createdAt", "spam_rules", "state", "subject", "zz"])
op = st.sampled_from(["$eq", "$ne", "$lt", "$gte", "$in", "$nin", "$bad"])
condition = st.dictionaries(
    field,
    st.one_of(leaf, st.dictionaries(op, st.one_of(leaf, st.lists(leaf, max_size=3)), max_size=2)),
    max_size=2,
)
filters = st.recursive(
    condition,
    lambda inner: st.dictionaries(
        st.sampled_from(["$and", "$or"]), st.lists(inner, max_size=3), max_size=1
    ),
    max_leaves=6,
)


@pytest.mark.mockdesk(rate_limits={"teamwork": "off"})
@SETTINGS
@given(
    query=st.lists(
        st.tuples(
            st.sampled_from(PARAMS), st.one_of(st.text(max_size=20), filters.map(json.dumps))
        ),
        max_size=5,
    )
)
def test_no_query_gives_a_5xx(mockdesk: Any, query: list[tuple[str, str]]) -> None:
    response = requests.get(f"{mockdesk.url}{URL}", params=query, headers=AUTH, timeout=10)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert set(response.json()) == {"errors"}


def _ids(server: Any, spec: dict[str, Any] | None) -> set[int] | None:
    params = {"pageSize": 100} if spec is None else {"pageSize": 100, "filter": json.dumps(spec)}
    found: set[int] = set()
    for page in (1, 2, 3):
        response = requests.get(
            f"{server.url}{URL}", params={**params, "page": page}, headers=AUTH, timeout=10
        )
        if response.status_code == 400:
            return None
        found |= {t["id"] for t in response.json()["tickets"]}
    return found


@pytest.mark.mockdesk(rate_limits={"teamwork": "off"})
@SETTINGS
@given(spec=filters, extra=condition)
def test_filters_only_narrow(mockdesk: Any, spec: dict[str, Any], extra: dict[str, Any]) -> None:
    wide = _ids(mockdesk, spec)
    narrow = _ids(mockdesk, {"$and": [spec, extra]}) if spec and extra else None
    if wide is not None:
        assert wide <= _ids(mockdesk, None)
    if wide is not None and narrow is not None:
        assert narrow <= wide
