"""Generated conversations over a real server: every thread agrees with what its ticket says
(count, preview, times, status) and the last word with the ticket's status; the same seed
gives the same bytes."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from datetime import datetime

from tests.support.server import ServerUnderTest
from tests.support.vendor_client import VendorClient
from tests.vendors.teamwork.conftest import EPOCH, Message, by_customer, every_row, get


def moment(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def threads(teamwork: VendorClient) -> dict[int, list[Message]]:
    """Every message of the dataset, by ticket, oldest first."""
    by_ticket: dict[int, list[Message]] = defaultdict(list)
    for message in every_row(teamwork, "messages", "messages"):
        by_ticket[message["ticket"]["id"]].append(message)
    return by_ticket


def words(text: str) -> list[str]:
    return [w for w in text.split() if not re.fullmatch(r"\d+\.", w)]


def test_conversations_agree_with_their_tickets(teamwork: VendorClient) -> None:
    tickets = teamwork.everything()
    by_ticket = threads(teamwork)
    assert sum(map(len, by_ticket.values())) == sum(t["messageCount"] for t in tickets)
    openings = set()
    for ticket in tickets:
        thread = by_ticket[ticket["id"]]
        where = f"ticket {ticket['id']} (status {ticket['status']['id']})"
        assert [m["id"] for m in thread] == [r["id"] for r in ticket["messages"]], where
        times = [moment(m["createdAt"]) for m in thread]
        assert times == sorted(times) and len(set(times)) == len(times), where  # strictly up
        assert thread[0]["createdAt"] == ticket["createdAt"], where
        assert all(m["createdAt"] < EPOCH for m in thread), where
        assert thread[-1]["createdAt"] <= ticket["updatedAt"] < EPOCH, where
        opening = thread[0]
        assert by_customer(opening) and opening["threadType"] == "message", where
        assert opening["cc"] == ticket["cc"], where
        assert ticket["previewText"] == " ".join(opening["textBody"].split())[:100], where
        openings.add(opening["textBody"])
        assert thread[-1]["status"]["id"] == ticket["status"]["id"], where
        agent = ticket["agent"]["id"] if ticket["agent"] else None
        for n, message in enumerate(thread):
            assert words(html.unescape(re.sub(r"<[^>]+>", " ", message["htmlBody"]))) == words(
                message["textBody"]
            ), where
            if by_customer(message):
                assert message["createdBy"] == message["customer"] == ticket["customer"]
                assert (
                    message["contact"] == ticket["contact"] and message["threadType"] == "message"
                )
                assert message["emailMessageId"].startswith("<")
                assert message["viewedByCustomerAt"] is None
            else:
                assert message["createdBy"] == {"id": agent, "type": "users"}, where
                assert message["contact"] is None and message["customer"] is None
                if message["threadType"] == "note":
                    assert message["emailMessageId"] == "" and message["viewedByCustomerAt"] is None
            viewed = message["viewedByCustomerAt"]
            if viewed is not None:
                later = [m["createdAt"] for m in thread[n + 1 :] if by_customer(m)]
                assert message["createdAt"] < viewed < (later[0] if later else EPOCH), where
        spoken = [m for m in thread if m["threadType"] == "message"]
        replies = [m for m in spoken if not by_customer(m)]
        status = ticket["status"]["id"]
        if status == 1:  # new: support has not answered
            assert not replies, where
        elif status == 2:  # active: the customer wrote last
            assert replies and by_customer(spoken[-1]), where
        elif status in (3, 4):  # waiting on the customer (a question), on hold (an update)
            assert not by_customer(spoken[-1]), where
        if status == 3:
            assert "?" in spoken[-1]["textBody"], where
        if status in (5, 6):  # the resolution, maybe the customer's thanks after it
            assert replies and (not by_customer(spoken[-1]) or not by_customer(spoken[-2])), where
        first_reply = next((moment(m["createdAt"]) for m in replies), None)
        minutes = (first_reply - times[0]).total_seconds() // 60 if first_reply else 0
        assert ticket["responseTimeMins"] == minutes, where
    assert len(openings) >= 0.95 * len(tickets)  # 250 tickets do not read as duplicates


def test_same_seed_same_bytes_other_seed_other_text(server: ServerUnderTest) -> None:
    teamwork = VendorClient.of("teamwork", server.url)
    query = {"pageSize": 100, "page": 2, "includes": "all"}
    first = get(teamwork, "/messages.json", query).content
    server.reset(0)
    assert get(teamwork, "/messages.json", query).content == first
    server.reset(7)
    other = get(teamwork, "/messages.json", query)
    assert other.status_code == 200 and other.content != first
