"""One real client's workflow per vendor, end to end against ``mockdesk serve`` (gunicorn), with
only the base URL swapped and the default limits in force: each client does what its vendor's
documents tell it to, in the order a real integration does it, and honours the rate limits the
way the vendor documents them.

- HostUp: list → detail → download every attachment from its ``downloadUrl``.
- Sendcloud: token without the slash (a form POST as Authlib sends it, redirects not followed)
  → the ticket list with the Bearer token → the data requested on open tickets.
- 29next: list → a ticket's comments → ticket type names, every 200 valid against 29next's own
  document.
- IPPanel: list → show.
"""

from __future__ import annotations

import re
import time
from itertools import pairwise
from typing import Any

import requests
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse

from tests.conftest import ServerProcess
from tests.vendors.nextcommerce.conftest import vendor_spec

TOKEN = {"Authorization": "Bearer mockdesk-token"}


class PoliteSession(requests.Session):
    """A client that waits out a 429 for as long as ``Retry-After`` says, as HostUp's and
    DRF's documents tell clients to, and never follows a redirect (httpx's default, and what
    broke OAuth clients on a 308): every answer must come from the path asked."""

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("timeout", 30)
        kwargs["allow_redirects"] = False
        for _ in range(5):
            response = super().request(method, url, *args, **kwargs)
            if response.status_code != 429:
                return response
            time.sleep(float(response.headers.get("Retry-After", "1")))
        return response


def test_hostup_client_downloads_every_attachment(served_fresh: ServerProcess) -> None:
    session = PoliteSession()
    session.headers.update({**TOKEN, "Accept": "application/json"})
    base = f"{served_fresh.url}/api/v2/support"
    listing = session.get(f"{base}/tickets", params={"limit": 15})
    assert listing.status_code == 200
    downloaded: dict[str, int] = {}
    for summary in listing.json()["data"]:
        detail = session.get(f"{base}/tickets/{summary['id']}").json()
        for message in detail["messages"]:
            for attachment in message["attachments"]:
                response = session.get(attachment["downloadUrl"])
                assert response.status_code == 200
                assert response.headers["Content-Type"] == attachment["contentType"]
                assert len(response.content) == attachment["byteLength"]
                assert response.headers["Content-Disposition"] == (
                    f'attachment; filename="{attachment["filename"]}"'
                )
                signature = {"image/png": b"\x89PNG\r\n\x1a\n", "application/pdf": b"%PDF-"}
                assert response.content.startswith(signature.get(attachment["contentType"], b""))
                kind = attachment["contentType"]
                downloaded[kind] = downloaded.get(kind, 0) + 1
    assert sum(downloaded.values()) >= 3, downloaded
    some = next(t for t in listing.json()["data"])
    missing = session.get(f"{base}/attachments/tatt_01hxa3b4c5d6e7f8g9h0j1k2m3")
    assert missing.status_code == 400 and missing.json()["code"] == "invalid_request"
    wrong_ticket = session.get(
        f"{base}/attachments/tatt_01hxa3b4c5d6e7f8g9h0j1k2m3", params={"ticketId": some["id"]}
    )
    assert wrong_ticket.status_code == 404
    assert wrong_ticket.json()["code"] == "attachment_not_found"


def test_sendcloud_client_authenticates_lists_and_reads_requested_data(
    served_fresh: ServerProcess,
) -> None:
    session = PoliteSession()
    token = session.post(
        f"{served_fresh.url}/oauth2/token",
        data={"grant_type": "client_credentials"},
        auth=("mockdesk-key", "mockdesk-secret"),
        headers={
            "Accept": "application/json",
            "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
        },
    )
    assert token.status_code == 200, token.headers.get("Location")
    session.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
    base = f"{served_fresh.url}/api/v3"
    tickets, page = [], 1
    while True:
        body = session.get(f"{base}/dsf/tickets", params={"page": page, "size": 20}).json()
        tickets += body["items"]
        if page >= body["pages"]:
            break
        page += 1
    assert len(tickets) == 250
    requested = session.get(f"{base}/support/dsf/tickets/requested-data")
    assert requested.status_code == 200
    open_requests = {
        action["id"]: ticket
        for ticket in tickets
        if ticket["stage"] == "action_required"
        for action in ticket["requested_actions"]
    }
    items = requested.json()["data"]
    assert items and {item["request_id"] for item in items} == set(open_requests)
    for item in items:
        assert item.get("order_number") == open_requests[item["request_id"]]["order_number"]


def test_29next_client_reads_comments_and_ticket_type_names(served_fresh: ServerProcess) -> None:
    session = PoliteSession()
    session.headers.update({**TOKEN, "X-29next-API-Version": "2024-04-01"})
    spec = vendor_spec(served_fresh.url)

    def get(url: str, **params: Any) -> Any:
        response = session.get(url, params=params)
        assert response.status_code == 200, (url, response.status_code)
        spec.validate_response(
            RequestsOpenAPIRequest(response.request), RequestsOpenAPIResponse(response)
        )
        return response.json()

    base = f"{served_fresh.url}/api/admin"
    tickets = get(f"{base}/tickets/", limit=100)["results"]
    types = {row["id"]: row["name"] for row in get(f"{base}/tickettypes/")["results"]}
    for ticket in tickets[:10]:
        ticket_with_comments = get(f"{base}/tickets/{ticket['id']}/comments/")
        assert ticket_with_comments == ticket
        assert ticket_with_comments["comments"][0]["created_at"] == ticket["created_at"]
    names = {types[t["ticket_type"]] for t in tickets if t["ticket_type"] is not None}
    assert names == set(types.values())
    slashless = session.get(f"{base}/tickettypes")
    assert slashless.status_code == 301
    assert slashless.headers["Location"] == "/api/admin/tickettypes/"


def test_ippanel_client_lists_and_shows(served_fresh: ServerProcess) -> None:
    session = PoliteSession()
    session.headers["Authorization"] = "mockdesk-token"
    base = f"{served_fresh.url}/v1/api/ticket"
    listing = session.get(base, params={"per_page": 20}).json()
    assert listing["meta"]["total"] == 250
    for item in listing["data"]:
        shown = session.get(f"{base}/show", params={"ticket_id": item["id"]}).json()["data"]
        assert (shown["id"], shown["subject"], shown["state_id"]) == (
            item["id"], item["subject"], item["state_id"]
        )  # fmt: skip
        assert shown["description"] == item["desc"]
        assert len(shown["interactions"]) == item["interaction_count"]
        stamps = [shown["created_at"], *(i["created_at"] for i in shown["interactions"])]
        assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", s) for s in stamps)
        assert stamps == sorted(stamps)


SWEDISH = frozenset(("och", "att", "det", "är", "jag", "vi", "för", "har", "inte", "på", "med",
                     "tack", "hej", "vår", "ni", "du", "kan"))  # fmt: skip
ENGLISH = frozenset(("the", "and", "to", "is", "we", "you", "for", "have", "not", "with",
                     "thanks", "our", "can", "your"))  # fmt: skip
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
DATA_EPOCH = "2026-11-01T09:00:00"


def language_of(text: str) -> str | None:
    """ "sv" or "en" by function words; None when a message is too short to tell."""
    words = re.findall(r"[a-zåäö]+", text.lower())
    swedish, english = sum(w in SWEDISH for w in words), sum(w in ENGLISH for w in words)
    if max(swedish, english) < 2:
        return None
    return "sv" if swedish > english else "en"


def test_hostup_client_reads_one_language_conversations(served_fresh: ServerProcess) -> None:
    """Swedish for most customers, English for the rest, never both in one ticket; the
    robot's notices in the ticket's language; times increasing and before the data's now."""
    session = PoliteSession()
    session.headers.update(TOKEN)
    base = f"{served_fresh.url}/api/v2/support/tickets"
    languages = []
    for summary in session.get(base, params={"limit": 50}).json()["data"]:
        detail = session.get(f"{base}/{summary['id']}").json()
        seen = {language_of(m["body"]) for m in detail["messages"]} - {None}
        assert len(seen) <= 1, [m["body"][:60] for m in detail["messages"]]
        languages += seen
        times = [m["sentAt"] for m in detail["messages"]]
        assert times[0] == detail["createdAt"] and times[-1] == detail["lastMessageAt"]
        assert all(a < b for a, b in pairwise(times))
        assert times[-1] < DATA_EPOCH and detail["updatedAt"] < DATA_EPOCH
        assert all(m["body"].strip() for m in detail["messages"])
    assert 0.4 < languages.count("sv") / len(languages) < 0.8


def test_ippanel_client_reads_replies_in_the_tickets_language(
    served_fresh: ServerProcess,
) -> None:
    session = PoliteSession()
    session.headers["Authorization"] = "mockdesk-token"
    base = f"{served_fresh.url}/v1/api/ticket"
    persian = 0
    for item in session.get(base, params={"per_page": 50}).json()["data"]:
        shown = session.get(f"{base}/show", params={"ticket_id": item["id"]}).json()["data"]
        in_persian = bool(ARABIC_SCRIPT.search(shown["description"]))
        persian += in_persian
        replies = shown["interactions"]
        for reply in replies:
            assert bool(ARABIC_SCRIPT.search(reply["description"])) == in_persian, reply
        if shown["close_desc"]:
            assert bool(ARABIC_SCRIPT.search(shown["close_desc"])) == in_persian
        public = [r for r in replies if not r["private"]]
        by_agent = [r["agent_id"] is not None for r in public]
        match shown["state_id"]:
            case 1:  # waiting for the customer's answer to a question
                question = public[-1]["description"]
                assert by_agent[-1] and ("?" in question or "؟" in question)
            case 2:  # waiting for support: the customer wrote last, or nobody answered yet
                assert not by_agent or not by_agent[-1]
            case 3:  # replied: the agent's answer is the last word the customer sees
                assert by_agent and by_agent[-1]
            case 4:  # closed by the agent (after the customer's thanks, maybe, in a note)
                assert replies and replies[-1]["agent_id"] is not None
            case 5:
                assert replies and replies[-1]["private"] == 1 and replies[-1]["agent_id"]
        assert item["interaction_count"] == len(replies)
    assert 20 < persian < 45  # about 70% of 50
