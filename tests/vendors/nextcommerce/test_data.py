"""The generated data: deterministic, coherent, typed as the spec says, and comments that read
like a support exchange fitting the ticket's status, in increasing time before the data's
"now"."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from faker.providers.lorem.en_US import Provider as EnglishLorem

from mockdesk.vendors.nextcommerce.data import PRODUCTS, TAGS, TICKET_TYPES
from mockdesk.vendors.nextcommerce.serializer import serialize
from tests.support.vendor_client import VendorClient
from tests.vendors.nextcommerce.conftest import NO_LIMIT, Client, dataset, everything

ZULU = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z")
LOREM = frozenset(EnglishLorem.word_list)
DATA_EPOCH = "2026-11-01T09:00:00Z"  # the data's "now" (mockdesk.core.timeline)


def _is_filler(body: str) -> bool:
    """Faker's ``paragraph()``: sentences of six or more words, every one from its English lorem
    list (which is common English, so a short real reply like "Great, thank you!" is in it)."""
    words = re.findall(r"[a-z]+", body.lower())
    return len(words) >= 6 and set(words) <= LOREM


def test_same_seed_same_tickets_other_seed_other_tickets() -> None:
    first = [serialize(t) for t in dataset().store.all()]
    assert first == [serialize(t) for t in dataset().store.all()]
    assert first != [serialize(t) for t in dataset(seed=1).store.all()]


def test_a_ticket_does_not_depend_on_how_many_are_made() -> None:
    few = {t.id: serialize(t) for t in dataset(count=10).store.all()}
    many = {t.id: serialize(t) for t in dataset(count=120).store.all()}
    assert all(many[i] == ticket for i, ticket in few.items())


def test_tickets_are_coherent() -> None:
    data = dataset()
    customers, agents = data.catalog.customers, set(data.catalog.agents)
    for ticket in data.store.all():
        assert (ticket.requester is None) == (ticket.from_email is not None)
        if ticket.requester is not None:
            assert ticket.requester in customers
            assert ticket.requester_email == customers[ticket.requester]
        else:
            assert ticket.channel == "email"
        assert ticket.assignee is None or ticket.assignee in agents
        assert set(ticket.tags) <= set(TAGS.values())
        assert set(ticket.products) <= set(PRODUCTS)
        assert ticket.ticket_type is None or ticket.ticket_type in TICKET_TYPES
        only_requester = all(c.author == ticket.requester for c in ticket.comments)
        assert (ticket.status == "new") == only_requester
        times = [c.created_at for c in ticket.comments]
        assert times == sorted(times) and times[0] == ticket.created_at
        assert ticket.updated_at >= times[-1]
        for comment in ticket.comments:
            staff = comment.author in agents
            assert staff or (comment.author, comment.from_email) == (
                ticket.requester,
                ticket.from_email,
            )
            assert comment.is_public or staff


@pytest.mark.mockdesk(rate_limits=NO_LIMIT)
def test_types_and_timestamps_as_the_spec_says(nextcommerce: Client) -> None:
    for ticket in everything(nextcommerce):
        assert ZULU.fullmatch(ticket["created_at"]) and ZULU.fullmatch(ticket["updated_at"])
        assert ticket["updated_at"] >= ticket["created_at"]
        assert isinstance(ticket["order"], str) and ticket["order"]
        assert all(isinstance(tag, str) for tag in ticket["tags"])
        assert all(isinstance(p, int) for p in ticket["products"])
        assert (ticket["requester"] is None) == (ticket["from_email"] is not None)
        first = ticket["comments"][0]
        assert first["author"] == ticket["requester"] and first["is_public"]
        assert all(ZULU.fullmatch(c["created_at"]) for c in ticket["comments"])


@pytest.mark.mockdesk(rate_limits=NO_LIMIT)
def test_comments_read_like_a_support_exchange_that_fits_the_status(
    nextcommerce: VendorClient,
) -> None:
    tickets = nextcommerce.walk()
    for ticket in tickets:
        comments = ticket["comments"]
        times = [c["created_at"] for c in comments]
        assert times[0] == ticket["created_at"]
        assert all(a < b for a, b in pairwise(times)), ticket["id"]
        assert times[-1] < DATA_EPOCH and times[-1] <= ticket["updated_at"] < DATA_EPOCH
        assert all(c["body"] and c["body"].strip() and not _is_filler(c["body"]) for c in comments)
        by_customer = [
            (c["author"], c["from_email"]) == (ticket["requester"], ticket["from_email"])
            and c["is_public"]
            for c in comments
        ]
        assert by_customer[0], "the customer opens the ticket"
        public = [c for c, mine in zip(comments, by_customer, strict=True) if c["is_public"]]
        last_public_by_customer = by_customer[comments.index(public[-1])]
        match ticket["status"]:
            case "new":
                assert all(by_customer)
            case "open":
                assert by_customer[-1] and not all(by_customer)
            case "pending":  # Zendesk's pending: waiting on the requester's answer
                assert not last_public_by_customer and "?" in public[-1]["body"]
            case "solved" | "closed":
                assert not all(by_customer)
                agents = [c for c, mine in zip(comments, by_customer, strict=True) if not mine]
                assert agents and (not by_customer[-1] or len(comments) > 2)
    statuses = {t["status"] for t in tickets}
    assert statuses == {"new", "open", "pending", "solved", "closed"}
    notes = [c for t in tickets for c in t["comments"] if not c["is_public"]]
    assert notes and all(c["author"] != t["requester"] for t in tickets for c in t["comments"]
                         if not c["is_public"])  # fmt: skip
    openings = [t["comments"][0]["body"] for t in tickets]
    assert len(set(openings)) > 0.95 * len(openings), "250 tickets must not read as duplicates"
    bodies = [c["body"] for t in tickets for c in t["comments"]]
    assert len(set(bodies)) > 0.8 * len(bodies)  # short replies ("Thanks!") may repeat
