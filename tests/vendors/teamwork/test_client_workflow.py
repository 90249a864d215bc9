"""Teamwork's own client workflow, end to end, against ``mockdesk serve`` under gunicorn.

The order and the query strings are what Teamwork's MCP server and the Go SDK send (mcp
``internal/twdesk``: ``TicketSearch``, ``setPagination``; desksdkgo ``client``: ``Get`` with its
default ``includes=all``): search → the ticket with everything side-loaded → its messages →
status names from ticketstatuses → the company and its domains → the business hours. Each
body is checked the way the SDK decodes it (``test_lookups.conforms``).
"""

from __future__ import annotations

from typing import Any

import requests

from tests.conftest import ServerProcess
from tests.vendors.teamwork.conftest import conforms

# desksdkgo client/client.go doRequest
SDK_HEADERS = {
    "Authorization": "Bearer mockdesk-token",
    "Content-Type": "application/json",
    "Accept": "application/json",
}
SEARCH_QUERY = (
    "exact=false&excludeWorkEmails=false&filter=&includeArchivedAgents=false&omitMerged=false"
    "&onlyUntagged=false&onlyWithAttachment=false&search=invoice&statuses=1&statuses=2"
    "&statuses=3&statuses=5&tagRequireAll=false&task=0&timeRange=&unassigned=false"
    "&page=1&pageSize=10&startDate=2026-08-05"
)
INCLUDED_MODELS = {
    "companies": "Company", "contacts": "Contact", "customers": "Customer", "domains": "Domain",
    "inboxes": "Inbox", "messages": "Message", "tags": "Tag", "ticketsources": "TicketSource",
    "ticketstatuses": "TicketStatus", "tickettypes": "TicketType", "users": "User",
}  # fmt: skip


def call(served: ServerProcess, path: str, query: str = "") -> Any:
    url = f"{served.url}/desk/api/v2/{path}" + (f"?{query}" if query else "")
    response = requests.get(url, headers=SDK_HEADERS, timeout=10)
    assert response.status_code == 200, (path, query, response.text[:300])  # the SDK's only check
    assert response.headers["X-Rate-Limit-Limit"] == "120"
    return response.json()


def check_included(included: dict[str, list[dict[str, Any]]]) -> None:
    for kind, model in INCLUDED_MODELS.items():
        for entity in included.get(kind) or []:
            conforms(model, entity, f"included.{kind}[{entity['id']}]")


def test_search_ticket_messages_statuses_company_hours(served_fresh: ServerProcess) -> None:
    found = call(served_fresh, "search/tickets.json", SEARCH_QUERY)
    tickets = found["tickets"]
    assert tickets and found["pagination"]["pageSize"] == 10
    statuses = call(
        served_fresh,
        "ticketstatuses.json",
        "filter=%7B%7D&page=1&pageSize=10&orderBy=createdAt&orderMode=desc",
    )
    status_names = {s["id"]: s["name"] for s in statuses["ticketstatuses"]}
    assert len(status_names) == statuses["pagination"]["records"] == 6
    seen_companies: set[int] = set()
    for summary in tickets[:4]:
        assert "invoice" in f"{summary['subject']} {summary['previewText']}".lower()
        assert summary["createdAt"] >= "2026-08-05"
        detail = call(served_fresh, f"tickets/{summary['id']}.json", "includes=all")
        ticket, included = detail["ticket"], detail["included"]
        assert ticket == summary
        check_included(included)
        assert status_names[ticket["status"]["id"]] in {"New", "Active", "Waiting on customer",
                                                        "Solved"}  # fmt: skip
        side_loaded = {m["id"]: m for m in included["messages"]}
        thread = call(
            served_fresh,
            f"tickets/{ticket['id']}/messages.json",
            "orderBy=createdAt&orderMode=asc&includes=users,files",
        )
        assert [m["id"] for m in thread["messages"]] == [r["id"] for r in ticket["messages"]]
        for message in thread["messages"]:
            conforms("Message", message)
            assert message["htmlBody"].strip()  # what the SDK puts in Message.Message
            assert side_loaded[message["id"]] == message
        assert "invoice" in thread["messages"][0]["textBody"].lower() or "invoice" in (
            ticket["subject"].lower()
        )
        hours = call(served_fresh, f"businesshours/{ticket['businesshours']['id']}.json")
        conforms("BusinessHour", hours["businesshour"])
        assert isinstance(hours["businesshour"]["timezoneId"], int)
        assert hours["businesshour"]["timezone_name"] in ("Europe/Dublin", "America/New_York")
        if ticket["company"] and ticket["company"]["id"] not in seen_companies:
            seen_companies.add(ticket["company"]["id"])
            company = call(
                served_fresh, f"companies/{ticket['company']['id']}.json", "includes=all"
            )
            conforms("Company", company["company"])
            domains = {d["id"]: d for d in company["included"]["domains"]}
            refs = company["company"]["domains"]
            assert refs and sorted(domains) == [ref["id"] for ref in refs]  # all resolve
            assert company["company"]["website"] == f"https://{domains[refs[0]['id']]['name']}"
            customer = next(c for c in included["customers"] if c["id"] == ticket["customer"]["id"])
            names = {d["name"] for d in domains.values()}
            assert customer["email"].rsplit("@", 1)[1] in names
    assert seen_companies  # the default data's first invoice tickets belong to companies
