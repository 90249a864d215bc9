"""What a client may rely on from each vendor's ticket list, written from the vendors' documents
(``shared/vendors.md``, ``docs/<vendor>.md``), never read from mockdesk's code: the oracle the
cross-vendor properties check the server against.

Per vendor:
- ``params``: every documented list parameter;
- ``statuses``: every status any query string may get, and ``check_error`` the shape of each
  non-200 (content type and a body that parses the vendor's way);
- ``filters``: list filter parameter → the values of a ticket's JSON that parameter selects it
  by (and, for bounds and text search, how a value keeps a ticket), so the expected matches of
  any filter combination are computed client-side from the full set;
- ``encode``: how filters become the query string (Teamwork nests them in one ``filter`` JSON).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import requests
from hypothesis import strategies as st

Ticket = Mapping[str, Any]


def _keep_exact(ticket: Ticket, value: Any, values: Sequence[Any]) -> bool:
    return value in values


@dataclass(frozen=True)
class Filter:
    """One list filter: ``values`` reads off a ticket the values that select it (empty: none);
    ``keep`` decides whether ``value`` keeps the ticket (default: it is one of those values)."""

    values: Callable[[Ticket], Sequence[Any]]
    keep: Callable[[Ticket, Any, Sequence[Any]], bool] = _keep_exact

    def selects(self, ticket: Ticket, value: Any) -> bool:
        return self.keep(ticket, value, self.values(ticket))


def one(key: str) -> Callable[[Ticket], Sequence[Any]]:
    """A scalar field; null selects nothing."""
    return lambda t: [] if t[key] is None else [t[key]]


def ref(key: str) -> Callable[[Ticket], Sequence[Any]]:
    """A Teamwork relation ``{"id": …, "type": …}`` or null (which ``null`` selects)."""
    return lambda t: [None if t[key] is None else t[key]["id"]]


def _as_params(filters: Mapping[str, Any]) -> dict[str, str]:
    return {name: str(value) for name, value in filters.items()}


def _as_teamwork_filter(filters: Mapping[str, Any]) -> dict[str, str]:
    return {"filter": json.dumps(dict(filters))} if filters else {}


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _json(response: requests.Response, content_type: str = "application/json") -> Any:
    assert response.headers.get("Content-Type") == content_type, response.headers
    return response.json()


@dataclass(frozen=True)
class ListContract:
    params: tuple[str, ...]
    statuses: frozenset[int]
    check_error: Callable[[requests.Response, tuple[str, ...]], None]
    filters: Mapping[str, Filter]
    encode: Callable[[Mapping[str, Any]], dict[str, str]] = _as_params
    values: st.SearchStrategy[str] = field(default_factory=st.nothing)  # vendor-shaped inputs


# --- error shapes, as each vendor's documents show them ------------------------------------


def _sendcloud_error(response: requests.Response, params: tuple[str, ...]) -> None:
    body = _json(response)
    assert list(body) == ["errors"] and body["errors"], body
    for error in body["errors"]:
        assert list(error) == ["code", "detail", "title", "status"], error
        assert error["status"] == response.status_code
        assert error["detail"].split(":")[0].removeprefix("Invalid ") in params, error


def _nextcommerce_error(response: requests.Response, params: tuple[str, ...]) -> None:
    body = _json(response)
    if response.status_code == 404:
        assert body == {"detail": "Invalid cursor"}
        return
    assert body and all(k in params and len(v) == 1 for k, v in body.items()), body


def _ippanel_error(response: requests.Response, params: tuple[str, ...]) -> None:
    body = _json(response)
    assert list(body) == ["data", "meta"] and body["data"] is None, body
    errors = body["meta"]["errors"]
    assert errors and set(errors) <= set(params), errors
    more = len(errors) - 1
    assert body["meta"]["message"].endswith(f" (و {more} خطای دیگر)") == (more > 0)


def _hostup_error(response: requests.Response, params: tuple[str, ...]) -> None:
    body = _json(response, "application/problem+json")
    assert body["status"] == response.status_code
    assert body["code"] in ("invalid_request", "invalid_cursor"), body
    for error in body.get("errors", []):
        assert error["pointer"].removeprefix("?") in params, error


def _teamwork_error(response: requests.Response, params: tuple[str, ...]) -> None:
    body = _json(response)
    assert list(body) == ["errors"] and body["errors"], body
    for key, messages in body["errors"].items():
        assert key.split(".")[0] in params, key
        assert messages and all(isinstance(m, str) for m in messages), messages


# --- vendor-shaped inputs the fuzzers mix in --------------------------------------------------

_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 400),
    st.text(max_size=12),
    st.sampled_from(["2026-10-30", "2026-02-30", "active"]),
)
_condition = st.dictionaries(
    st.sampled_from(["status", "agent", "createdAt", "spam_rules", "state", "subject", "zz"]),
    st.one_of(
        _leaf,
        st.dictionaries(
            st.sampled_from(["$eq", "$ne", "$lt", "$gte", "$in", "$nin", "$bad"]),
            st.one_of(_leaf, st.lists(_leaf, max_size=3)),
            max_size=2,
        ),
    ),
    max_size=2,
)
TEAMWORK_FILTERS = st.recursive(
    _condition,
    lambda inner: st.dictionaries(
        st.sampled_from(["$and", "$or"]), st.lists(inner, max_size=3), max_size=1
    ),
    max_leaves=6,
).map(json.dumps)
DRF_CURSORS = st.sampled_from(["cD00ODY=", "cj0xJnA9NDg3", "cj0x", "bz01JnA9MTA=", "zz", "!!!"])

# --- the table ----------------------------------------------------------------------------

CONTRACTS: Mapping[str, ListContract] = {
    "sendcloud": ListContract(
        params=(
            "page",
            "size",
            "status",
            "parcel_id",
            "carrier",
            "created_after",
            "created_before",
        ),
        statuses=frozenset({200, 400}),
        check_error=_sendcloud_error,
        filters={
            "status": Filter(one("status")),
            "carrier": Filter(one("carrier")),
            "parcel_id": Filter(one("parcel_id")),
            "created_after": Filter(
                one("created_at"), lambda t, v, _: _instant(t["created_at"]) >= _instant(v)
            ),
            "created_before": Filter(
                one("created_at"), lambda t, v, _: _instant(t["created_at"]) <= _instant(v)
            ),
        },
    ),
    "29next": ListContract(
        params=(
            "filter_text",
            "id",
            "subject",
            "status",
            "requester",
            "assignee",
            "order_number",
            "product",
            "tags",
            "ticket_type",
            "priority",
            "channel",
            "created_from",
            "created_to",
            "cursor",
            "limit",
        ),
        statuses=frozenset({200, 400, 404}),
        check_error=_nextcommerce_error,
        filters={
            "id": Filter(one("id")),
            "status": Filter(one("status")),
            "priority": Filter(one("priority")),
            "channel": Filter(one("channel")),
            "requester": Filter(one("requester")),
            "assignee": Filter(one("assignee")),
            "ticket_type": Filter(one("ticket_type")),
            "order_number": Filter(one("order")),
            "product": Filter(lambda t: t["products"]),
            "subject": Filter(  # django-filter's icontains
                one("subject"), lambda t, v, _: v.casefold() in t["subject"].casefold()
            ),
            "created_from": Filter(  # UTC days, inclusive
                lambda t: [t["created_at"][:10]], lambda t, v, _: t["created_at"][:10] >= v
            ),
            "created_to": Filter(
                lambda t: [t["created_at"][:10]], lambda t, v, _: t["created_at"][:10] <= v
            ),
        },
        values=DRF_CURSORS,
    ),
    "ippanel": ListContract(
        params=(
            "page",
            "per_page",
            "username",
            "ticket_id",
            "category_id",
            "sub_category_id",
            "state_id",
        ),
        statuses=frozenset({200, 422}),
        check_error=_ippanel_error,
        filters={
            "ticket_id": Filter(one("id")),
            "state_id": Filter(one("state_id")),
            "category_id": Filter(one("category_id")),
            "sub_category_id": Filter(one("sub_category_id")),
            "username": Filter(  # case-insensitive, as MySQL compares
                lambda t: [t["user"]["uname"]],
                lambda t, v, _: t["user"]["uname"].casefold() == v.casefold(),
            ),
        },
    ),
    "hostup": ListContract(
        params=("limit", "cursor", "status", "departmentSlug"),
        statuses=frozenset({200, 400}),
        check_error=_hostup_error,
        filters={"status": Filter(one("status")), "departmentSlug": Filter(one("departmentSlug"))},
    ),
    "teamwork": ListContract(
        params=("filter", "orderBy", "orderMode", "page", "pageSize", "includes", "fields"),
        statuses=frozenset({200, 400}),
        check_error=_teamwork_error,
        filters={
            "id": Filter(one("id")),
            "subject": Filter(one("subject")),
            "state": Filter(one("state")),
            "status": Filter(ref("status")),
            "priority": Filter(ref("priority")),
            "agent": Filter(ref("agent")),
            "inbox": Filter(ref("inbox")),
            "source": Filter(ref("source")),
            "type": Filter(ref("type")),
            "company": Filter(ref("company")),
            "customer": Filter(ref("customer")),
            "spam_rules": Filter(lambda t: t["spam_rules"]),
            "createdAt": Filter(lambda t: [t["createdAt"][:10]]),  # by UTC day
        },
        encode=_as_teamwork_filter,
        values=TEAMWORK_FILTERS,
    ),
}
