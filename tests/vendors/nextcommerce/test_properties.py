"""Properties over the query space: never a 5xx, filters only narrow, walks see each ticket once."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockdesk.vendors.nextcommerce.data import CHANNELS, PRIORITIES, PRODUCTS, STATUSES, TAGS

from .helpers import LIST, NO_LIMIT, decoded, get, walk

pytestmark = pytest.mark.mockdesk(rate_limits=NO_LIMIT)
SETTINGS = settings(
    deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
PARAMS = (
    "filter_text", "id", "subject", "status", "requester", "assignee", "order_number", "product",
    "tags", "ticket_type", "priority", "channel", "created_from", "created_to", "cursor", "limit",
)  # fmt: skip
NUMBERS = st.one_of(st.integers(-5, 3_200_000).map(str), st.sampled_from(["1.0", "1e3", "x"]))
ANY_VALUE = st.one_of(
    st.text(max_size=12),
    NUMBERS,
    st.sampled_from([*STATUSES, *PRIORITIES, *CHANNELS, "2026-10-30", "2026-2-3", "", "cD00ODY="]),
)
VALID = {
    "status": st.lists(st.sampled_from(STATUSES), min_size=1, max_size=3),
    "priority": st.sampled_from(PRIORITIES),
    "channel": st.sampled_from(CHANNELS),
    "tags": st.lists(st.sampled_from(sorted(TAGS)).map(str), min_size=1, max_size=2),
    "product": st.lists(st.sampled_from(sorted(PRODUCTS)).map(str), min_size=1, max_size=2),
    "ticket_type": st.integers(1, 6).map(str),
    "subject": st.sampled_from(["order", "#1", "refund", "Damaged", "?"]),
    "filter_text": st.sampled_from(["gmail", "order", "@", "3099"]),
    "created_from": st.dates().map(lambda d: d.isoformat()),
    "created_to": st.dates().map(lambda d: d.isoformat()),
}


def pairs(filters: dict) -> list[tuple[str, str]]:
    return [(k, v) for k, vs in filters.items() for v in (vs if isinstance(vs, list) else [vs])]


def ids(url: str, filters: dict, limit: int = 100) -> list[int]:
    response = get(url + LIST, [*pairs(filters), ("limit", str(limit))])
    assert response.status_code == 200, response.text
    return [t["id"] for t in walk(response)]


@SETTINGS
@given(
    query=st.lists(
        st.tuples(st.one_of(st.sampled_from(PARAMS), st.text(max_size=5)), ANY_VALUE), max_size=6
    )
)
def test_no_query_gives_a_5xx(mockdesk, query) -> None:
    response = get(mockdesk.url + LIST, query)
    assert response.status_code in (200, 400, 404), response.text
    body = response.json()
    if response.status_code == 400:
        assert body and all(k in PARAMS and len(v) == 1 for k, v in body.items())
    elif response.status_code == 404:
        assert body == {"detail": "Invalid cursor"}


@SETTINGS
@given(filters=st.fixed_dictionaries({}, optional=VALID), extra=st.sampled_from(sorted(VALID)))
def test_filters_only_narrow(mockdesk, filters, extra) -> None:
    narrower = {**filters, extra: VALID_EXAMPLE[extra]}
    wider = {k: v for k, v in filters.items() if k != extra}
    assert set(ids(mockdesk.url, narrower)) <= set(ids(mockdesk.url, wider))


VALID_EXAMPLE = {
    "status": ["open"], "priority": "low", "channel": "email", "tags": ["2"],
    "product": ["101", "102"], "ticket_type": "3", "subject": "order", "filter_text": "a",
    "created_from": "2026-10-01", "created_to": "2026-10-28",
}  # fmt: skip


@SETTINGS
@given(
    filters=st.fixed_dictionaries(
        {}, optional={k: VALID[k] for k in ("status", "priority", "channel", "tags")}
    ),
    limit=st.integers(1, 60),
)
def test_walks_see_every_match_once_in_both_directions(mockdesk, filters, limit) -> None:
    expected = ids(mockdesk.url, filters)
    assert expected == sorted(expected, reverse=True)
    pages = [get(mockdesk.url + LIST, [*pairs(filters), ("limit", str(limit))]).json()]
    while pages[-1]["next"]:
        page = get(pages[-1]["next"]).json()
        assert decoded(pages[-1]["next"]) == f"p={pages[-1]['results'][-1]['id']}"
        assert decoded(page["previous"]) == f"r=1&p={page['results'][0]['id']}"
        pages.append(page)
    assert [t["id"] for p in pages for t in p["results"]] == expected
    assert all(0 < len(p["results"]) <= limit for p in pages if expected)
    back = [pages[-1]["results"]]
    body = pages[-1]
    while body["previous"]:
        body = get(body["previous"]).json()
        back.insert(0, body["results"])
    assert [t["id"] for page in back for t in page] == expected
