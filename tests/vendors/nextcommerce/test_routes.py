"""29next-only endpoints and Django's APPEND_SLASH.

``GET /api/admin/tickets/{id}/comments/`` (``ticketsCommentsRetrieve``): the vendor's document
answers a whole ``Ticket`` with its ``comments``, so the body is the ticket detail's, byte for
byte; refusals and redirects as on the detail.

``GET /api/admin/tickettypes/`` and ``/tickettypes/{id}/``: the ticket types every ticket's
``ticket_type`` names, cursor-paged as DRF pages, filtered by ``name`` as django-filter does."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.vendor_client import NOSCOPE_TOKEN, VendorClient
from tests.vendors.nextcommerce.conftest import (
    GOLDENS,
    LIST,
    NO_LIMIT,
    Client,
    decoded,
    encode,
    follow,
    validated,
)

TYPES = "/api/admin/tickettypes/"
# The vendor document's example shapes: PaginatedTicketTypeList and TicketType.
ALL = {
    "next": None,
    "previous": None,
    "results": [
        {"id": 1, "name": "General question"},
        {"id": 2, "name": "Order issue"},
        {"id": 3, "name": "Return or exchange"},
        {"id": 4, "name": "Shipping"},
        {"id": 5, "name": "Billing"},
        {"id": 6, "name": "Subscription"},
    ],
}
unlimited = pytest.mark.mockdesk(rate_limits=NO_LIMIT)


def test_no_slash_redirects_301_keeping_the_query_and_needs_no_auth(nextcommerce: Client) -> None:
    url = "/api/admin/tickets?status=open&limit=2"
    response = nextcommerce.get(url, headers={}, allow_redirects=False)
    assert response.status_code == 301
    assert response.headers["Location"] == "/api/admin/tickets/?status=open&limit=2"
    followed = nextcommerce.get(url)
    assert followed.status_code == 200
    assert [r.status_code for r in followed.history] == [301]
    assert [t["status"] for t in followed.json()["results"]] == ["open", "open"]


def test_the_detail_path_without_slash_redirects_too(nextcommerce: Client) -> None:
    response = nextcommerce.get("/api/admin/tickets/42", headers={}, allow_redirects=False)
    assert (response.status_code, response.headers["Location"]) == (301, "/api/admin/tickets/42/")


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
def test_comments_without_the_slash_django_redirects(nextcommerce: VendorClient) -> None:
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


@pytest.mark.mockdesk(rate_limits=NO_LIMIT)
def test_tickets_and_their_comments_validate(nextcommerce: VendorClient) -> None:
    tickets = nextcommerce.get(LIST, {"limit": 100}).json()["results"]
    assert {t["from_email"] is None for t in tickets} == {True, False}
    for ticket in tickets:
        validated(nextcommerce, f"{LIST}{ticket['id']}/")
        validated(nextcommerce, f"{LIST}{ticket['id']}/comments/")


@unlimited
def test_the_list_names_every_type_the_tickets_use(nextcommerce: VendorClient) -> None:
    response = nextcommerce.get(TYPES)
    assert response.status_code == 200
    assert response.content == json.dumps(ALL, separators=(",", ":")).encode()
    names = {row["id"]: row["name"] for row in response.json()["results"]}
    used = {t["ticket_type"] for t in nextcommerce.walk()}
    assert used - {None} == set(names)


@unlimited
def test_each_type_has_its_own_detail(nextcommerce: VendorClient) -> None:
    for row in ALL["results"]:
        response = nextcommerce.get(f"{TYPES}{row['id']}/")
        assert response.status_code == 200
        assert response.content == json.dumps(row, separators=(",", ":")).encode()


@unlimited
@pytest.mark.parametrize("type_id", ["0", "7", "abc", "1.0", "99999999999999999999999"])
def test_unknown_type_is_drf_not_found(nextcommerce: VendorClient, type_id: str) -> None:
    GOLDENS.assert_body(nextcommerce.get(f"{TYPES}{type_id}/"), "not_found.json", 404)


@unlimited
@pytest.mark.parametrize(
    ("name", "ids"),
    [
        ("Shipping", [4]),
        (" Shipping ", [4]),
        ("shipping", []),
        ("Ship", []),
        ("", [1, 2, 3, 4, 5, 6]),
    ],
)
def test_name_is_an_exact_filter(nextcommerce: VendorClient, name: str, ids: list[int]) -> None:
    body = nextcommerce.get(TYPES, {"name": name}).json()
    assert [row["id"] for row in body["results"]] == ids
    assert body["next"] is None and body["previous"] is None


@unlimited
def test_cursor_pages_forward_and_back_like_drf(nextcommerce: VendorClient) -> None:
    first = nextcommerce.get(TYPES, {"limit": 2, "name": ""}).json()
    assert [r["id"] for r in first["results"]] == [1, 2] and first["previous"] is None
    assert decoded(first["next"]) == "p=2"
    link = urlsplit(first["next"])
    assert f"{link.scheme}://{link.netloc}{link.path}" == f"{nextcommerce.url}{TYPES}"
    query = parse_qs(link.query, keep_blank_values=True)
    assert list(query) == ["cursor", "limit", "name"]  # re-sorted by key, blanks kept
    assert (query["limit"], query["name"]) == (["2"], [""])
    forward = follow(nextcommerce, first)
    assert [r["id"] for r in forward] == [1, 2, 3, 4, 5, 6]
    last = nextcommerce.get(first["next"]).json()
    last = nextcommerce.get(last["next"]).json()
    assert last["next"] is None and decoded(last["previous"]) == "r=1&p=5"
    backward = follow(nextcommerce, last, "previous")
    assert sorted(r["id"] for r in backward) == [1, 2, 3, 4, 5, 6]


@unlimited
@pytest.mark.parametrize("cursor", ["zzz", encode("p=x"), encode("o=1&p=2")])
def test_a_bad_cursor_is_404(nextcommerce: VendorClient, cursor: str) -> None:
    response = nextcommerce.get(TYPES, {"cursor": cursor})
    GOLDENS.assert_body(response, "invalid_cursor.json", 404)


@unlimited
@pytest.mark.parametrize("limit", ["0", "-1", "abc", "1000"])
def test_limit_is_lenient_as_drf(nextcommerce: VendorClient, limit: str) -> None:
    assert nextcommerce.get(TYPES, {"limit": limit}).json() == ALL


@unlimited
def test_tickettypes_without_the_slash_django_redirects(nextcommerce: VendorClient) -> None:
    for path, target in (("/api/admin/tickettypes", TYPES), ("/api/admin/tickettypes/4", "4/")):
        response = nextcommerce.get(path, {"name": "Billing"}, allow_redirects=False)
        assert response.status_code == 301
        location = target if target == TYPES else f"{TYPES}{target}"
        assert response.headers["Location"] == f"{location}?name=Billing"


def test_refusals_as_on_the_tickets(nextcommerce: VendorClient) -> None:
    for path in (TYPES, f"{TYPES}4/"):
        GOLDENS.assert_body(nextcommerce.get(path, headers={}), "401.json", 401)
        noscope = nextcommerce.headers_with_token(NOSCOPE_TOKEN)
        GOLDENS.assert_body(nextcommerce.get(path, headers=noscope), "403.json", 403)
    responses = [nextcommerce.get(path) for path in (TYPES, LIST, TYPES, LIST, TYPES, TYPES)]
    throttled = next(r for r in responses if r.status_code != 200)
    GOLDENS.assert_body(throttled, "429.json", 429)


def test_post_is_405(nextcommerce: VendorClient) -> None:
    response = nextcommerce.request("POST", TYPES, json={"name": "x"})
    assert response.status_code == 405
    assert response.json() == {"detail": 'Method "POST" not allowed.'}


@pytest.mark.mockdesk(rate_limits=NO_LIMIT)
def test_ticket_types_validate(nextcommerce: VendorClient) -> None:
    body = validated(nextcommerce, TYPES).json()
    for row in body["results"]:
        validated(nextcommerce, f"{TYPES}{row['id']}/")
    page = validated(nextcommerce, TYPES, {"limit": 2}).json()
    middle = validated(nextcommerce, page["next"]).json()
    assert middle["next"] is not None and middle["previous"] is not None
    validated(nextcommerce, TYPES, {"name": "Billing"})
    validated(nextcommerce, TYPES, {"name": "nothing"})
