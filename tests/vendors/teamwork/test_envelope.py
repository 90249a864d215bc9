"""tickets.json and tickets/{id}.json over a real server: shapes, paging, ordering, includes,
sparse fields."""

from __future__ import annotations

import json

import pytest

from tests.support.vendor_client import VendorClient
from tests.vendors.teamwork.conftest import GOLDENS, get

SHAPE = GOLDENS.json("list_shape.json")


def test_list_envelope_and_go_encoding(teamwork: VendorClient) -> None:
    response = get(teamwork, "/tickets.json", {"page": 2, "pageSize": 7})
    assert response.status_code == 200
    assert response.text.endswith("}\n")  # json.Encoder
    body = response.json()
    assert list(body) == SHAPE["body"]
    assert list(body["meta"]["page"]) == SHAPE["meta.page"]
    assert list(body["pagination"]) == SHAPE["pagination"]
    assert body["meta"]["page"] == {
        "count": 250,
        "hasMore": True,
        "pageOffset": 1,
        "pageSize": 7,
        "pages": 36,
    }
    assert body["pagination"] == {
        "hasMorePages": True,
        "page": 2,
        "pageSize": 7,
        "pages": 36,
        "records": 250,
    }
    assert body["included"] == {} and len(body["tickets"]) == 7
    ticket = body["tickets"][0]
    assert list(ticket) == sorted(ticket)
    assert list(ticket["status"]) == SHAPE["ref"] and ticket["status"]["type"] == "ticketstatuses"
    assert ticket["createdAt"].endswith("Z") and len(ticket["createdAt"]) == 24
    assert "<" not in response.text and ">" not in response.text  # \u003c as Go writes it


def test_page_past_the_last_is_empty(teamwork: VendorClient) -> None:
    body = get(teamwork, "/tickets.json", {"page": 99}).json()
    assert body["tickets"] == [] and body["pagination"]["hasMorePages"] is False


def test_a_walk_in_agent_name_order_yields_each_matching_ticket_once(
    teamwork: VendorClient,
) -> None:
    params = {"filter": '{"status":{"$in":[2,3]}}', "orderBy": "users.name", "orderMode": "asc"}
    seen = [t["id"] for t in teamwork.walk(params, size=9)]
    assert len(seen) == len(set(seen)) > 0
    assert set(seen) == {t["id"] for t in teamwork.walk() if t["status"]["id"] in (2, 3)}
    assert seen == [t["id"] for t in teamwork.walk(params)]  # the same order at any page size


@pytest.mark.parametrize("field", ["users.name", "companies.name", "customers.name"])
def test_order_by_related_names(teamwork: VendorClient, field: str) -> None:
    kind = {"users.name": "users", "companies.name": "companies", "customers.name": "customers"}
    key = {"users.name": "agent", "companies.name": "company", "customers.name": "customer"}
    params = {"orderBy": field, "orderMode": "asc", "pageSize": 100, "includes": kind[field]}
    body = get(teamwork, "/tickets.json", params).json()
    names = {
        e["id"]: e.get("name") or f"{e['firstName']} {e['lastName']}"
        for e in body["included"][kind[field]]
    }
    keys = []
    for ticket in body["tickets"]:
        related = ticket[key[field]]
        name = names[related["id"]] if related else None
        keys.append((0, "", ticket["id"]) if name is None else (1, name, ticket["id"]))
    assert keys == sorted(keys)
    backwards = get(teamwork, "/tickets.json", {**params, "orderMode": "desc", "page": 3}).json()
    assert [t["id"] for t in backwards["tickets"]][::-1][:50] == [t["id"] for t in body["tickets"]][
        :50
    ]


def test_includes_hold_exactly_the_referenced_entities(teamwork: VendorClient) -> None:
    body = get(teamwork, "/tickets.json", {"includes": "all", "pageSize": 20}).json()
    tickets, included = body["tickets"], body["included"]
    assert list(included) == sorted(included)
    for kind, key in [
        ("ticketstatuses", "status"),
        ("inboxes", "inbox"),
        ("companies", "company"),
        ("customers", "customer"),
        ("contacts", "contact"),
    ]:
        referenced = {t[key]["id"] for t in tickets if t[key]}
        assert {e["id"] for e in included[kind]} == referenced, kind
    assert {e["id"] for e in included["tags"]} == {r["id"] for t in tickets for r in t["tags"]}
    assert {e["id"] for e in included["messages"]} == {
        r["id"] for t in tickets for r in t["messages"]
    }
    users = {e["id"] for e in included["users"]}
    assert {t["agent"]["id"] for t in tickets if t["agent"]} <= users
    assert included["files"] == []


def test_fields_is_a_sparse_fieldset(teamwork: VendorClient) -> None:
    body = get(teamwork, "/tickets.json", {"fields": "subject,status"}).json()
    assert all(set(t) == {"id", "subject", "status"} for t in body["tickets"])


def test_single_ticket_and_404(teamwork: VendorClient) -> None:
    first = get(teamwork, "/tickets.json", {"pageSize": 1}).json()["tickets"][0]
    one = get(teamwork, f"/tickets/{first['id']}.json", {"includes": "users,inboxes"})
    assert one.status_code == 200
    body = one.json()
    assert body["ticket"] == first and list(body) == ["included", "ticket"]
    assert [e["id"] for e in body["included"]["inboxes"]] == [first["inbox"]["id"]]
    missing = get(teamwork, "/tickets/1.json")
    assert missing.status_code == 404 and missing.text == "404 page not found\n"


def test_includes_all_does_not_hide_an_unknown_type(teamwork: VendorClient) -> None:
    response = teamwork.list({"includes": "all,foo"})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["includes"]


def test_an_or_filter_ordered_by_priority_with_its_includes(teamwork: VendorClient) -> None:
    params = {
        "filter": json.dumps({"$or": [{"priority": {"$in": [3, 4]}}, {"status": 1}]}),
        "orderBy": "priority",
        "orderMode": "desc",
        "pageSize": 10,
        "includes": "ticketpriorities",
    }
    response = teamwork.list(params)
    assert response.status_code == 200
    assert response.headers["X-Rate-Limit-Limit"] == "120"
    tickets = response.json()["tickets"]
    priorities = [t["priority"]["id"] if t["priority"] else None for t in tickets]
    assert priorities and priorities[0] == 4
    assert all(
        p in (3, 4) or t["status"]["id"] == 1 for p, t in zip(priorities, tickets, strict=True)
    )
    included = response.json()["included"]["ticketpriorities"]
    assert {e["id"] for e in included} == {p for p in priorities if p is not None}
