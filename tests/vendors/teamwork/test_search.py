"""``GET /desk/api/v2/search/tickets.json`` over a real server, as the Go SDK and Teamwork's MCP
server call it: the query desksdkgo's ``qs`` encoder writes (zero values included), repeated id
lists, day-only dates, the 200/50 page-size rule, and a client-side oracle for every page walk.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any
from urllib.parse import parse_qsl

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from tests.support.server import property_settings
from tests.support.vendor_client import VendorClient

from .conftest import BASE

SEARCH = f"{BASE}/search/tickets.json"
# What desksdkgo's SearchTicketsFilter puts on the wire when only ``search`` is set: sonh/qs
# writes every field without omitempty, empty slices and nil pointers left out.
SDK_ZERO = (
    "exact=false&excludeWorkEmails=false&filter=&includeArchivedAgents=false&omitMerged=false"
    "&onlyUntagged=false&onlyWithAttachment=false&tagRequireAll=false&task=0&timeRange="
    "&unassigned=false"
)
RELATIONS = {
    "inboxes": "inbox", "customers": "customer", "companies": "company", "statuses": "status",
    "priorities": "priority", "agents": "agent", "types": "type", "sources": "source",
}  # fmt: skip
DATE_MESSAGE = "must be a date as ‘2006-01-02’"
PARAMS = (
    "search", "exact", *RELATIONS, "tags", "excludeInboxes", "excludeTags", "teams",
    "twCompanyIds", "helpdocSites", "tagRequireAll", "onlyUntagged", "onlyWithAttachment",
    "unassigned", "omitMerged", "excludeWorkEmails", "includeArchivedAgents", "subjectKeywords",
    "taskStatuses", "startDate", "endDate", "lastUpdated", "task", "ticket", "project",
    "timeRange", "filter", "page", "pageSize", "orderBy", "orderMode", "includes", "fields",
)  # fmt: skip
Ticket = dict[str, Any]


def search(teamwork: VendorClient, params: Any = None, **kw: Any) -> Any:
    return teamwork.get(SEARCH, params, **kw)


def ids_of(body: Mapping[str, Any]) -> list[int]:
    return [ticket["id"] for ticket in body["tickets"]]


def walk(teamwork: VendorClient, params: Sequence[tuple[str, Any]], size: int) -> list[int]:
    """Every id the search yields, page by page; each page's blocks agree with the walk."""
    found: list[int] = []
    for page in range(1, 500):
        response = search(teamwork, [*params, ("page", page), ("pageSize", size)])
        assert response.status_code == 200, response.text[:300]
        body = response.json()
        assert len(body["tickets"]) <= size
        assert body["meta"]["page"]["pageOffset"] == page - 1
        found += ids_of(body)
        if not body["pagination"]["hasMorePages"]:
            assert body["pagination"]["records"] == len(found)
            assert body["meta"]["page"]["count"] == len(found)
            return found
        assert len(body["tickets"]) == size
    raise AssertionError("no last page")


# ----------------------------------------------------------------------------- the oracle


def _relation(ticket: Ticket, field: str) -> int | None:
    return ticket[field]["id"] if ticket[field] else None


def matches(ticket: Ticket, spec: Mapping[str, Any]) -> bool:
    """What the search is documented to select (docs/teamwork.md), written from the docs."""
    for param, field in RELATIONS.items():
        if spec.get(param) and _relation(ticket, field) not in spec[param]:
            return False
    tags = {tag["id"] for tag in ticket["tags"]}
    wanted = set(spec.get("tags", ()))
    if wanted and not (wanted <= tags if spec.get("tagRequireAll") else wanted & tags):
        return False
    if set(spec.get("excludeTags", ())) & tags:
        return False
    if spec.get("onlyUntagged") and tags:
        return False
    if spec.get("unassigned") and ticket["agent"] is not None:
        return False
    text = f"{ticket['subject']}\n{ticket['previewText']}".casefold()
    needle = " ".join(spec.get("search", "").split()).casefold()
    words = [needle] if spec.get("exact") else needle.split()
    if needle and not all(word in text for word in words):
        return False
    day = ticket["createdAt"][:10]
    if spec.get("startDate") and day < spec["startDate"]:
        return False
    return not (spec.get("endDate") and day > spec["endDate"])


def expected(tickets: Sequence[Ticket], spec: Mapping[str, Any]) -> list[int]:
    """The matching ids in the order asked for (default createdAt desc), ties by id."""
    field, mode = spec.get("orderBy", "createdAt"), spec.get("orderMode", "desc")
    chosen = [t for t in tickets if matches(t, spec)]
    chosen.sort(key=lambda t: (t[field], t["id"]), reverse=mode == "desc")
    return [t["id"] for t in chosen]


def as_query(spec: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The spec as the SDK encodes it: lists repeated once per value, booleans as words."""
    query: list[tuple[str, Any]] = []
    for name, value in spec.items():
        if isinstance(value, list | tuple | set | frozenset):
            query += [(name, item) for item in sorted(value)]
        elif isinstance(value, bool):
            query.append((name, "true" if value else "false"))
        else:
            query.append((name, value))
    return query


# ---------------------------------------------------------------------------------- tests


def test_the_query_the_mcp_server_sends(teamwork: VendorClient) -> None:
    """mcp ``TicketSearch``: the qs-encoded filter, then page/pageSize and a day-only date."""
    query = (
        "exact=false&excludeWorkEmails=false&filter=&includeArchivedAgents=false"
        "&omitMerged=false&onlyUntagged=false&onlyWithAttachment=false&search=invoice"
        "&statuses=1&statuses=2&tagRequireAll=false&task=0&timeRange=&unassigned=false"
        "&page=1&pageSize=10&startDate=2026-08-05"
    )
    response = search(teamwork, query)
    assert response.status_code == 200
    assert response.text.endswith("}\n")
    body = response.json()
    assert list(body) == ["included", "meta", "pagination", "tickets"]
    spec = {"search": "invoice", "statuses": {1, 2}, "startDate": "2026-08-05"}
    want = expected(teamwork.everything(), spec)
    assert want, "the default data has invoice tickets in statuses 1 and 2"
    assert ids_of(body) == want[:10]
    assert body["pagination"] == {"records": len(want), "pageSize": 10, "page": 1,
                                  "pages": -(-len(want) // 10),
                                  "hasMorePages": len(want) > 10}  # fmt: skip


def test_zero_values_mean_no_constraint(teamwork: VendorClient) -> None:
    plain = teamwork.get(f"{BASE}/tickets.json", {"pageSize": 100}).json()
    found = search(teamwork, f"{SDK_ZERO}&search=&pageSize=100").json()
    assert found["tickets"] == plain["tickets"]  # the same tickets, rendered the same
    assert found["pagination"]["records"] == 250


def test_unknown_parameters_are_ignored(teamwork: VendorClient) -> None:
    """The Singer tap sends ``updatedAfter`` (an ISO timestamp): it must not 400."""
    plain = search(teamwork).json()
    noisy = search(teamwork, "updatedAfter=2024-01-01T00:00:00Z&customfields[3]=x&zz=1").json()
    assert noisy == plain


@pytest.mark.parametrize(
    ("size", "used"), [("201", 50), ("0", 50), ("-4", 50), ("200", 200), ("1", 1), ("73", 73)]
)
def test_page_size_over_200_or_under_1_is_reset_to_50(
    teamwork: VendorClient, size: str, used: int
) -> None:
    body = search(teamwork, {"pageSize": size}).json()
    assert body["meta"]["page"]["pageSize"] == body["pagination"]["pageSize"] == used
    assert len(body["tickets"]) == min(used, 250)


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ("pageSize=abc", {"pageSize": ["must be a whole number"]}),
        ("page=0", {"page": ["must be 1 or higher"]}),
        ("exact=yes", {"exact": ["must be a boolean"]}),
        ("unassigned=2", {"unassigned": ["must be a boolean"]}),
        ("statuses=1,2", {"statuses": ["must be a whole number"]}),
        ("statuses=1&statuses=x", {"statuses": ["must be a whole number"]}),
        ("task=x", {"task": ["must be a whole number"]}),
        ("orderBy=nope", None),
        ("includes=foo", None),
        ("filter={nope", {"filter": ["invalid filter"]}),
    ],
)
def test_refusals_in_validator_wording(
    teamwork: VendorClient, query: str, errors: dict[str, list[str]] | None
) -> None:
    response = search(teamwork, query)
    assert response.status_code == 400
    assert not response.text.endswith("\n")  # json.Marshal
    if errors is not None:
        assert response.json() == {"errors": errors}
    else:  # the same refusal as tickets.json's
        same = teamwork.get(f"{BASE}/tickets.json", parse_qsl(query, keep_blank_values=True))
        assert response.content == same.content


@pytest.mark.parametrize("param", ["startDate", "endDate", "lastUpdated"])
@pytest.mark.parametrize("value", ["2026-08-05T14:30:00Z", "2026-08-05T14:30:00+02:00",
                                   "2026-02-30", "05/08/2026"])  # fmt: skip
def test_dates_are_days_only(teamwork: VendorClient, param: str, value: str) -> None:
    response = search(teamwork, {param: value})
    assert response.status_code == 400
    expected_body = {"errors": {param: [DATE_MESSAGE]}}
    assert response.content == json.dumps(expected_body, ensure_ascii=False,
                                           separators=(",", ":")).encode()  # fmt: skip


def test_start_and_end_are_widened_to_whole_days(teamwork: VendorClient) -> None:
    tickets = teamwork.everything()
    day = tickets[60]["createdAt"][:10]
    one_day = walk(teamwork, [("startDate", day), ("endDate", day)], 100)
    assert one_day == [t["id"] for t in tickets if t["createdAt"][:10] == day]
    assert len(one_day) >= 2
    following = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    assert walk(teamwork, [("startDate", following), ("endDate", day)], 100) == []
    since = walk(teamwork, [("lastUpdated", day)], 100)
    assert since == [t["id"] for t in tickets if t["updatedAt"][:10] >= day]


def test_lists_and_flags(teamwork: VendorClient) -> None:
    tickets = teamwork.everything()
    tagged = next(t for t in tickets if len(t["tags"]) >= 2)
    pair = sorted(tag["id"] for tag in tagged["tags"])[:2]
    agent = next(t["agent"]["id"] for t in tickets if t["agent"])
    specs: list[dict[str, Any]] = [
        {"statuses": {2, 3}},
        {"agents": {agent}},
        {"inboxes": {1}, "priorities": {3, 4}},
        {"customers": {tagged["customer"]["id"]}},
        {"types": {2}, "sources": {1}},
        {"tags": set(pair)},
        {"tags": set(pair), "tagRequireAll": True},
        {"excludeTags": {pair[0]}},
        {"onlyUntagged": True},
        {"unassigned": True},
        {"search": tagged["subject"].split()[0]},
        {"search": " ".join(tagged["subject"].split()[:2]), "exact": True},
        {"search": "ZZZ-no-such-text"},
    ]
    for spec in specs:
        assert walk(teamwork, as_query(spec), 100) == expected(tickets, spec), spec
    assert walk(teamwork, [("onlyWithAttachment", "true")], 100) == []  # no ticket has files
    excluded = walk(teamwork, [("excludeInboxes", 1), ("excludeInboxes", 2)], 100)
    assert excluded == [t["id"] for t in tickets if t["inbox"]["id"] not in (1, 2)]
    keyword = tagged["subject"].split()[-1]
    by_keyword = walk(teamwork, [("subjectKeywords", keyword.upper())], 100)
    assert by_keyword == [t["id"] for t in tickets if keyword.casefold() in t["subject"].casefold()]
    assert walk(teamwork, [("ticket", tagged["id"])], 100) == [tagged["id"]]
    linked = next(t for t in tickets if t["tasks"])
    task = linked["tasks"][0]["id"]
    assert walk(teamwork, [("task", task)], 100) == [
        t["id"] for t in tickets if task in {x["id"] for x in t["tasks"]}
    ]
    by_filter = walk(teamwork, [("filter", json.dumps({"priority": 4})), ("statuses", 5)], 100)
    assert by_filter == expected(
        [t for t in tickets if t["priority"] and t["priority"]["id"] == 4], {"statuses": {5}}
    )


def test_order_fields_and_includes_as_tickets_json(teamwork: VendorClient) -> None:
    tickets = teamwork.everything()
    # the Singer tap's ticket_search stream
    tap = walk(teamwork, [("orderBy", "updatedAt"), ("orderMode", "asc")], 100)
    assert tap == expected(tickets, {"orderBy": "updatedAt", "orderMode": "asc"})
    query = {"statuses": 3, "orderBy": "users.name", "orderMode": "asc", "pageSize": 100,
             "fields": "subject,status,agent", "includes": "users,ticketstatuses"}  # fmt: skip
    found = search(teamwork, query).json()
    listed = teamwork.get(f"{BASE}/tickets.json", {
        **query, "filter": json.dumps({"status": 3})
    }).json()  # fmt: skip
    del found["meta"], listed["meta"]
    assert found == listed
    assert all(set(t) == {"id", "subject", "status", "agent"} for t in found["tickets"])


def test_401_without_a_key(teamwork: VendorClient) -> None:
    response = search(teamwork, headers={})
    assert response.status_code == 401 and response.content == b"Unauthorised.\n"


# ------------------------------------------------------------------------------ properties

_values = st.one_of(
    st.text(max_size=12),
    st.integers(-3, 300).map(str),
    st.sampled_from(["true", "false", "", "0", "1", "2026-10-30", "2026-10-30T10:00:00Z",
                     "{}", '{"status":2}', "createdAt", "desc", "all", "1,2"]),
)  # fmt: skip


@pytest.mark.mockdesk(rate_limits={"teamwork": "off"})
@property_settings(max_examples=150)
@given(query=st.lists(st.tuples(st.sampled_from([*PARAMS, "x", "updatedAfter"]), _values),
                      max_size=8))  # fmt: skip
def test_no_query_gives_a_5xx(teamwork: VendorClient, query: list[tuple[str, str]]) -> None:
    response = search(teamwork, query)
    assert response.status_code in (200, 400), response.text[:300]
    body = response.json()
    if response.status_code == 400:
        assert list(body) == ["errors"]
        assert {key.split(".")[0] for key in body["errors"]} <= set(PARAMS)
        event("400")
    else:
        assert list(body) == ["included", "meta", "pagination", "tickets"]
        event("200 with tickets" if body["tickets"] else "200, none")


@pytest.mark.mockdesk(rate_limits={"teamwork": "off"})
@property_settings(max_examples=40)
@given(data=st.data())
def test_page_walk_matches_a_client_side_oracle(
    teamwork: VendorClient, data: st.DataObject
) -> None:
    tickets = teamwork.everything()
    pivot = data.draw(st.sampled_from(tickets), "pivot")
    days = sorted({t["createdAt"][:10] for t in tickets})
    words = sorted({w.strip(".,:?!#").casefold() for t in tickets for w in t["subject"].split()})
    options: dict[str, st.SearchStrategy[Any]] = {
        "statuses": st.sets(st.integers(1, 6), min_size=1, max_size=3),
        "agents": st.sets(st.sampled_from([301, 302, 303, 304, 305, 306]), min_size=1),
        "inboxes": st.sets(st.integers(1, 4), min_size=1, max_size=2),
        "priorities": st.sets(st.integers(1, 4), min_size=1, max_size=2),
        "customers": st.just({pivot["customer"]["id"]}),
        "tags": st.sets(st.integers(1, 15), min_size=1, max_size=3),
        "tagRequireAll": st.booleans(),
        "excludeTags": st.sets(st.integers(1, 15), min_size=1, max_size=2),
        "onlyUntagged": st.booleans(),
        "unassigned": st.booleans(),
        "search": st.sampled_from(words).map(str.upper) | st.just(pivot["subject"][:12]),
        "exact": st.booleans(),
        "startDate": st.sampled_from(days),
        "endDate": st.sampled_from(days),
        "orderBy": st.sampled_from(["createdAt", "updatedAt", "id", "subject", "responseTimeMins"]),
        "orderMode": st.sampled_from(["asc", "desc"]),
    }
    chosen = data.draw(st.sets(st.sampled_from(sorted(options)), max_size=4), "params")
    spec = {name: data.draw(options[name], name) for name in sorted(chosen)}
    size = data.draw(st.integers(1, 60), "pageSize")
    want = expected(tickets, spec)
    event("some" if want else "none")
    assert walk(teamwork, as_query(spec), size) == want
