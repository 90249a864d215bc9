"""The SDK's lookup resources (``/desk/api/v2/<base>.json`` and ``/<base>/<id>.json``) over a
real server: envelopes and Go types as desksdkgo decodes them (``conftest.SDK_MODELS``), paging,
ordering, filters, includes, sparse fields, 404/401/429, and that they are the entities tickets
reference."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support.server import ServerUnderTest, property_settings
from tests.support.vendor_client import VendorClient
from tests.vendors.teamwork.conftest import EPOCH, NOT_FOUND, conforms, every_row, get

# (base, list key, single key, SDK model, rows in the default dataset)
RESOURCES = [
    ("ticketstatuses", "ticketstatuses", "ticketstatus", "TicketStatus", 6),
    ("ticketpriorities", "ticketpriorities", "ticketpriority", "TicketPriority", 4),
    ("tickettypes", "tickettypes", "tickettype", "TicketType", 4),
    ("ticketsources", "ticketSources", "ticketSource", "TicketSource", 5),
    ("inboxes", "inboxes", "inbox", "Inbox", 4),
    ("users", "users", "user", "User", 12),
    ("customers", "customers", "customer", "Customer", 120),
    ("companies", "companies", "company", "Company", 25),
    ("tags", "tags", "tag", "Tag", 15),
    ("businesshours", "businesshours", "businesshour", "BusinessHour", 2),
]
IDS = [resource[0] for resource in RESOURCES]


@pytest.mark.parametrize(("base", "key", "single", "model", "count"), RESOURCES, ids=IDS)
def test_list_envelope_order_and_sdk_types(
    teamwork: VendorClient, base: str, key: str, single: str, model: str, count: int
) -> None:
    response = get(teamwork, f"/{base}.json")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    assert response.text.endswith("}\n") and "<" not in response.text  # Go's json.Encoder
    body = response.json()
    assert list(body) == sorted(["included", key, "meta", "pagination"])
    assert body["included"] == {}
    pages = -(-count // 50)
    assert body["meta"] == {"page": {"count": count, "pageSize": 50, "pageOffset": 0,
                                     "pages": pages, "hasMore": count > 50}}  # fmt: skip
    assert body["pagination"] == {"records": count, "pageSize": 50, "pages": pages, "page": 1,
                                  "hasMorePages": count > 50}  # fmt: skip
    rows = body[key]
    assert len(rows) == min(count, 50)
    ids = [row["id"] for row in rows]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)  # id ascending by default
    for row in rows:
        assert list(row) == sorted(row)
        conforms(model, row, f"{base}[{row['id']}]")
        assert row["createdAt"] < EPOCH


@pytest.mark.parametrize(("base", "key", "single", "model", "count"), RESOURCES, ids=IDS)
def test_single_is_the_list_row(
    teamwork: VendorClient, base: str, key: str, single: str, model: str, count: int
) -> None:
    rows = get(teamwork, f"/{base}.json", {"pageSize": 3, "page": 2}).json()[key]
    for row in rows:
        plain = get(teamwork, f"/{base}/{row['id']}.json")
        assert plain.status_code == 200 and plain.text.endswith("}\n")
        assert plain.json() == {single: row, "included": {}}
        everything = get(teamwork, f"/{base}/{row['id']}.json", "includes=all")  # the SDK's Get
        assert everything.status_code == 200
        assert everything.json()[single] == row


@pytest.mark.parametrize(("base", "key", "single", "model", "count"), RESOURCES, ids=IDS)
def test_unknown_or_malformed_id_is_go_404(
    teamwork: VendorClient, base: str, key: str, single: str, model: str, count: int
) -> None:
    for path in (f"/{base}/999999.json", f"/{base}/abc.json", f"/{base}/-1.json"):
        response = get(teamwork, path)
        assert response.status_code == 404, path
        assert response.content == NOT_FOUND
        assert response.headers["Content-Type"] == "text/plain; charset=utf-8"


@pytest.mark.parametrize(("base", "key", "single", "model", "count"), RESOURCES, ids=IDS)
def test_401_without_a_key(
    teamwork: VendorClient, base: str, key: str, single: str, model: str, count: int
) -> None:
    for path in (f"/{base}.json", f"/{base}/1.json"):
        response = get(teamwork, path, headers={})
        assert response.status_code == 401
        assert response.content == b"Unauthorised.\n"
        assert response.headers["WWW-Authenticate"] == 'Basic realm="Restricted"'


def test_page_walk_and_page_size_rules(teamwork: VendorClient) -> None:
    walked: list[int] = []
    for page in range(1, 100):
        body = get(teamwork, "/customers.json", {"page": page, "pageSize": 7}).json()
        walked += [row["id"] for row in body["customers"]]
        assert body["meta"]["page"]["pageOffset"] == page - 1
        if not body["pagination"]["hasMorePages"]:
            break
    assert walked == sorted(walked) and len(walked) == len(set(walked)) == 120
    assert body["pagination"]["pages"] == page == 18
    clamped = get(teamwork, "/customers.json", {"pageSize": 500}).json()
    assert clamped["pagination"]["pageSize"] == 100 and len(clamped["customers"]) == 100
    past = get(teamwork, "/customers.json", {"page": 9}).json()
    assert past["customers"] == [] and past["pagination"]["hasMorePages"] is False
    bad = get(teamwork, "/customers.json", {"page": "x", "pageSize": "0"})
    assert bad.status_code == 400
    assert bad.content == (
        b'{"errors":{"page":["must be a whole number"],"pageSize":["must be 1 or higher"]}}'
    )


def test_order_by_and_mode(teamwork: VendorClient) -> None:
    names = [t["name"] for t in get(teamwork, "/tags.json", "orderBy=name").json()["tags"]]
    assert names == sorted(names)
    backwards = get(teamwork, "/tags.json", "orderBy=name&orderMode=desc").json()["tags"]
    assert [t["name"] for t in backwards] == names[::-1]
    users = get(teamwork, "/users.json", "orderBy=lastName&orderMode=desc").json()["users"]
    keys = [(u["lastName"], u["id"]) for u in users]
    assert keys == sorted(keys, reverse=True)
    # what the MCP sends on every list: createdAt, desc
    statuses = get(teamwork, "/ticketstatuses.json", "orderBy=createdAt&orderMode=desc").json()
    stamps = [(s["createdAt"], s["id"]) for s in statuses["ticketstatuses"]]
    assert stamps == sorted(stamps, reverse=True)
    bad = get(teamwork, "/tags.json", "orderBy=priority")
    assert bad.status_code == 400
    assert bad.json() == {
        "errors": {"orderBy": ["must be one of ‘id, createdAt, updatedAt, name’"]}
    }
    mode = get(teamwork, "/tags.json", "orderMode=DESC")
    assert mode.json() == {"errors": {"orderMode": ["must be one of ‘asc, desc’"]}}


def test_filters_clients_send(teamwork: VendorClient) -> None:
    def rows(base: str, key: str, spec: Any) -> list[dict[str, Any]]:
        response = get(teamwork, f"/{base}.json", {"filter": json.dumps(spec), "pageSize": 100})
        assert response.status_code == 200, response.text
        found: list[dict[str, Any]] = response.json()[key]
        return found

    assert [s["id"] for s in rows("ticketstatuses", "ticketstatuses", {"code": "waiting"})] == [3]
    assert rows("ticketstatuses", "ticketstatuses", {"name": {"$in": ["New", "Closed"]}})
    inboxes = every_row(teamwork, "inboxes", "inboxes")
    for inbox in inboxes:
        members = {u["id"] for u in inbox["users"]}
        found = rows("users", "users", {"inboxes.id": {"$in": [inbox["id"]]}})
        assert {u["id"] for u in found} == members
    part_time = rows("users", "users", {"isPartTime": True})
    assert all(u["isPartTime"] for u in part_time)
    companies = every_row(teamwork, "companies", "companies", includes="domains")
    domains = {
        d["id"]: d["name"]
        for d in get(teamwork, "/companies.json", {"pageSize": 100, "includes": "domains"}).json()[
            "included"
        ]["domains"]
    }
    pick = companies[3]
    names = [domains[d["id"]] for d in pick["domains"]]
    assert [c["id"] for c in rows("companies", "companies", {"domains": {"$in": names}})] == [
        pick["id"]
    ]
    customers = rows("customers", "customers", {"companies.id": pick["id"]})
    assert customers and all(c["company"]["id"] == pick["id"] for c in customers)
    by_name = rows("customers", "customers", {"companies.name": pick["name"]})
    assert by_name == customers
    everyone = every_row(teamwork, "customers", "customers")
    one = everyone[17]
    assert rows("customers", "customers", {"contacts.value": one["email"]}) == [one]
    assert rows("tags", "tags", {}) == rows("tags", "tags", {"id": {"$gte": 1}})
    unknown = get(teamwork, "/ticketstatuses.json", {"filter": json.dumps({"priority": 1})})
    assert unknown.status_code == 400
    assert unknown.json() == {
        "errors": {"filter": ["must be one of ‘id, createdAt, updatedAt, name, color, code’"]}
    }
    broken = get(teamwork, "/users.json", {"filter": "{nope"})
    assert broken.json() == {"errors": {"filter": ["invalid filter"]}}
    empty = get(teamwork, "/users.json", {"filter": "{}", "pageSize": 100}).json()  # the SDK's
    assert empty["pagination"]["records"] == 12


def test_includes_resolve_what_rows_reference(teamwork: VendorClient) -> None:
    body = get(teamwork, "/customers.json", {"includes": "all", "pageSize": 30}).json()
    assert sorted(body["included"]) == ["companies", "contacts"]
    companies = {c["id"] for c in body["included"]["companies"]}
    assert companies == {c["company"]["id"] for c in body["customers"] if c["company"]}
    contacts = {c["id"]: c for c in body["included"]["contacts"]}
    for customer in body["customers"]:
        (ref,) = customer["contacts"]
        assert contacts[ref["id"]]["value"] == customer["email"]
        conforms("Contact", contacts[ref["id"]])
    for company in body["included"]["companies"]:
        conforms("Company", company)
    company = get(teamwork, "/companies/101.json", {"includes": "all"}).json()
    domains = {d["id"]: d for d in company["included"]["domains"]}
    assert [d["id"] for d in company["company"]["domains"]] == sorted(domains)
    for domain in domains.values():
        conforms("Domain", domain)
        assert domain["company"] == {"id": 101, "type": "companies"}
    assert company["company"]["website"] == f"https://{domains[min(domains)]['name']}"
    inbox = get(teamwork, "/inboxes/1.json", {"includes": "users,ticketstatuses"}).json()
    assert {u["id"] for u in inbox["included"]["users"]} == {
        u["id"] for u in inbox["inbox"]["users"]
    }
    assert [s["id"] for s in inbox["included"]["ticketstatuses"]] == [1]
    plain = get(teamwork, "/ticketstatuses/1.json", {"includes": "all"}).json()
    assert plain["included"] == {}  # nothing to side-load: all is still accepted
    bad = get(teamwork, "/customers.json", {"includes": "users"})
    assert bad.json() == {"errors": {"includes": ["must be one of ‘contacts, companies’"]}}


@pytest.mark.parametrize(("base", "key", "single", "model", "count"), RESOURCES, ids=IDS)
def test_fields_is_a_sparse_fieldset_over_every_written_key(
    teamwork: VendorClient, base: str, key: str, single: str, model: str, count: int
) -> None:
    row = get(teamwork, f"/{base}.json", {"pageSize": 1}).json()[key][0]
    refused = get(teamwork, f"/{base}.json", {"fields": "nope"})
    assert refused.status_code == 400
    (message,) = refused.json()["errors"]["fields"]
    allowed = message.removeprefix("must be one of ‘").removesuffix("’").split(", ")
    assert sorted(allowed) == sorted(row)  # exactly the keys a row has
    name = next(k for k in sorted(row) if k != "id")
    sparse = get(teamwork, f"/{base}.json", {"fields": name, "pageSize": 1}).json()[key][0]
    assert sparse == {"id": row["id"], name: row[name]}
    one = get(teamwork, f"/{base}/{row['id']}.json", {"fields": name}).json()[single]
    assert one == sparse


def test_rows_are_the_entities_tickets_reference(teamwork: VendorClient) -> None:
    tickets = teamwork.everything()
    lookup = {
        base: {row["id"]: row for row in every_row(teamwork, base, key)}
        for base, key, *_ in RESOURCES
    }
    refs = [
        ("status", "ticketstatuses"), ("priority", "ticketpriorities"), ("type", "tickettypes"),
        ("source", "ticketsources"), ("inbox", "inboxes"), ("agent", "users"),
        ("customer", "customers"), ("company", "companies"), ("businesshours", "businesshours"),
        ("createdBy", "users"), ("updatedBy", "users"),
    ]  # fmt: skip
    for ticket in tickets:
        for field, base in refs:
            if ticket[field] is not None:
                assert ticket[field]["id"] in lookup[base], (ticket["id"], field)
        for tag in ticket["tags"]:
            assert ticket["inbox"]["id"] in {i["id"] for i in lookup["tags"][tag["id"]]["inboxes"]}
        if ticket["agent"]:
            members = {u["id"] for u in lookup["inboxes"][ticket["inbox"]["id"]]["users"]}
            assert ticket["agent"]["id"] in members  # the agent works the ticket's inbox
        customer = lookup["customers"][ticket["customer"]["id"]]
        assert ticket["company"] == customer["company"]
    per_customer = Counter(t["customer"]["id"] for t in tickets)
    for customer in lookup["customers"].values():
        assert customer["numTickets"] == per_customer[customer["id"]]
    hours = lookup["businesshours"]
    assert {h["timezone_name"]: h["timezoneId"] for h in hours.values()} == {
        "Europe/Dublin": 1,
        "America/New_York": 2,
    }
    assert [h["isDefault"] for h in hours.values()] == [True, False]
    owners = [u for u in lookup["users"].values() if u["isAppOwner"]]
    assert len(owners) == 1 and owners[0]["role"] == "admin"


def test_sources_use_the_sdks_camel_case_keys(teamwork: VendorClient) -> None:
    listed = get(teamwork, "/ticketsources.json").json()
    assert "ticketSources" in listed and "ticketsources" not in listed
    single = get(teamwork, "/ticketsources/1.json").json()
    assert list(single) == ["included", "ticketSource"]


def test_rate_limit_headers_and_the_window_shared_with_tickets(server: ServerUnderTest) -> None:
    server.set_limit("teamwork", "3/minute")
    teamwork = VendorClient.of("teamwork", server.url)
    first = get(teamwork, "/tickets.json")
    second = get(teamwork, "/ticketstatuses.json")
    third = get(teamwork, "/search/tickets.json")
    assert [r.status_code for r in (first, second, third)] == [200, 200, 200]
    assert [r.headers["X-Rate-Limit-Remaining"] for r in (first, second, third)] == ["2", "1", "0"]
    assert second.headers["X-Rate-Limit-Limit"] == "3"
    limited = get(teamwork, "/users/301.json")
    assert limited.status_code == 429 and limited.content == b""
    assert limited.headers["X-Rate-Limit-Remaining"] == "0"
    assert "Retry-After" not in limited.headers
    missing = get(teamwork, "/tags/999.json")
    assert missing.status_code == 429  # the limit is checked before the lookup


_VALUES = st.one_of(
    st.text(max_size=12),
    st.integers(-3, 300).map(str),
    st.sampled_from(["{}", '{"name":"New"}', '{"inboxes.id":{"$in":[1]}}', '{"domains":["x"]}',
                     '{"threadType":3}', "all", "name", "desc", "id,name", "2026-10-30"]),
)  # fmt: skip


@pytest.mark.mockdesk(rate_limits={"teamwork": "off"})
@property_settings(max_examples=100)
@given(
    base=st.sampled_from([*IDS, "messages"]),
    single=st.booleans(),
    query=st.lists(
        st.tuples(
            st.sampled_from(["filter", "orderBy", "orderMode", "page", "pageSize", "includes",
                             "fields", "x"]),
            _VALUES,
        ),
        max_size=5,
    ),
)  # fmt: skip
def test_no_lookup_query_gives_a_5xx(
    teamwork: VendorClient, base: str, single: bool, query: list[tuple[str, str]]
) -> None:
    path = f"/{base}/1.json" if single else f"/{base}.json"
    response = get(teamwork, path, query)
    assert response.status_code in (200, 400, 404), response.text[:300]
    if response.status_code == 400:
        assert list(response.json()) == ["errors"]
