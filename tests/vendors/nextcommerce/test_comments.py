"""``GET /api/admin/tickets/{id}/comments/`` (``ticketsCommentsRetrieve``): the vendor's document
answers a whole ``Ticket`` with its ``comments``, so the body is the ticket detail's, byte for
byte; refusals and redirects as on the detail. And the comments themselves: a support exchange
whose turns fit the ticket's status, in increasing time before the data's "now"."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from faker.providers.lorem.en_US import Provider as EnglishLorem

from tests.support.vendor_client import NOSCOPE_TOKEN, VendorClient

from .helpers import GOLDENS, LIST, NO_LIMIT

LOREM = frozenset(EnglishLorem.word_list)


@pytest.mark.mockdesk(rate_limits=NO_LIMIT)
def test_comments_answer_the_ticket_detail(nextcommerce: VendorClient) -> None:
    tickets = nextcommerce.get(LIST, {"limit": 100}).json()["results"]
    for ticket in tickets[:40]:
        comments = nextcommerce.get(f"{LIST}{ticket['id']}/comments/")
        detail = nextcommerce.get(f"{LIST}{ticket['id']}/")
        assert comments.status_code == 200
        assert comments.headers["Content-Type"] == "application/json"
        assert comments.content == detail.content
        assert comments.json() == ticket
        assert comments.json()["comments"]


@pytest.mark.mockdesk(rate_limits=NO_LIMIT)
@pytest.mark.parametrize("ticket_id", ["1", "99999999", "abc", "-3"])
def test_unknown_ticket_is_drf_not_found(nextcommerce: VendorClient, ticket_id: str) -> None:
    response = nextcommerce.get(f"{LIST}{ticket_id}/comments/")
    GOLDENS.assert_body(response, "not_found.json", 404)


@pytest.mark.mockdesk(rate_limits=NO_LIMIT)
def test_without_the_slash_django_redirects(nextcommerce: VendorClient) -> None:
    ticket = nextcommerce.get(LIST, {"limit": 1}).json()["results"][0]
    for method in ("GET", "POST", "HEAD"):
        response = nextcommerce.request(
            method, f"{LIST}{ticket['id']}/comments", {"x": "1"}, allow_redirects=False
        )
        assert response.status_code == 301
        assert response.headers["Location"] == f"{LIST}{ticket['id']}/comments/?x=1"
    followed = nextcommerce.get(f"{LIST}{ticket['id']}/comments")
    assert followed.status_code == 200 and followed.json() == ticket


def test_refusals_as_on_the_list(nextcommerce: VendorClient) -> None:
    ticket = nextcommerce.get(LIST, {"limit": 1}).json()["results"][0]
    path = f"{LIST}{ticket['id']}/comments/"
    GOLDENS.assert_body(nextcommerce.get(path, headers={}), "401.json", 401)
    noscope = nextcommerce.headers_with_token(NOSCOPE_TOKEN)
    GOLDENS.assert_body(nextcommerce.get(path, headers=noscope), "403.json", 403)
    bad_version = {**nextcommerce.headers, "X-29next-API-Version": "v9"}
    GOLDENS.assert_body(nextcommerce.get(path, headers=bad_version), "406.json", 406)
    responses = [nextcommerce.get(path) for _ in range(6)]  # the list's 4/second, per token
    throttled = next(r for r in responses if r.status_code != 200)
    GOLDENS.assert_body(throttled, "429.json", 429)
    assert throttled.headers["Retry-After"] == "1"


DATA_EPOCH = "2026-11-01T09:00:00Z"  # the data's "now" (mockdesk.core.timeline)


def _is_filler(body: str) -> bool:
    """Faker's ``paragraph()``: sentences of six or more words, every one from its English lorem
    list (which is common English, so a short real reply like "Great, thank you!" is in it)."""
    words = re.findall(r"[a-z]+", body.lower())
    return len(words) >= 6 and set(words) <= LOREM


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
