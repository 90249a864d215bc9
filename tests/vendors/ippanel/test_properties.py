"""Properties: never a 5xx, UTF-8 round-trips, filters only narrow, every page walk is exact."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import LIST, TOKEN

PARAMS = ["page", "per_page", "username", "ticket_id", "category_id", "sub_category_id", "state_id"]
SETTINGS = settings(
    deadline=None, max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
UNLIMITED = pytest.mark.mockdesk(rate_limits={"ippanel": "off"})
values = st.one_of(
    st.text(max_size=12),
    st.integers(-3, 1200).map(str),
    st.sampled_from(["", " ", "+1", "05", "1e3", "null", "٣", "3\x00"]),
)


def get(server, query: dict[str, str] | list[tuple[str, str]]) -> requests.Response:
    return requests.get(f"{server.url}{LIST}?{urlencode(query)}", headers=TOKEN, timeout=10)


@UNLIMITED
@SETTINGS
@given(st.lists(st.tuples(st.sampled_from([*PARAMS, "other"]), values), max_size=5))
def test_arbitrary_queries_never_give_a_5xx(mockdesk, query):
    response = get(mockdesk, query)
    assert response.status_code in (200, 422)
    body = response.json()
    assert list(body) == ["data", "meta"]
    if response.status_code == 422:
        errors = body["meta"]["errors"]
        assert errors and set(errors) <= set(PARAMS)
        more = len(errors) - 1
        assert body["meta"]["message"].endswith(f" (و {more} خطای دیگر)") == (more > 0)


@UNLIMITED
@SETTINGS
@given(st.text(min_size=1, max_size=20))
def test_any_username_round_trips_as_utf8(mockdesk, username):
    response = get(mockdesk, {"username": username})
    assert response.status_code == 200
    response.content.decode("utf-8")
    assert all(
        t["user"]["uname"].casefold() == username.strip(" \t\n\r\0\x0b").casefold()
        for t in response.json()["data"]
    )


@UNLIMITED
@SETTINGS
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "state_id": st.integers(1, 5),
            "category_id": st.integers(10, 14),
            "sub_category_id": st.integers(20, 35),
        },
    ),
    st.integers(1, 120),
)
def test_walking_every_page_yields_each_match_once(mockdesk, filters, per_page):
    everything = get(mockdesk, {"per_page": "1000"}).json()["data"]
    expected = [t["id"] for t in everything if all(t[k] == v for k, v in filters.items())]
    seen: list[int] = []
    page = 1
    while True:
        body = get(mockdesk, {**filters, "per_page": per_page, "page": page}).json()
        assert body["meta"]["total"] == len(expected)
        assert body["meta"]["last_page"] == max(1, -(-len(expected) // per_page))
        if not body["data"]:
            break
        assert body["meta"]["from"] == (page - 1) * per_page + 1
        assert body["meta"]["to"] == body["meta"]["from"] + len(body["data"]) - 1
        seen.extend(t["id"] for t in body["data"])
        page += 1
    assert seen == expected
    assert page == max(1, body["meta"]["last_page"]) + (1 if expected else 0)
