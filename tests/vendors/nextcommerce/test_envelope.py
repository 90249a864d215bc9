"""The list envelope as DRF's cursor pagination writes it (keys in the example's order, links,
cursors forward and back), the detail body, and every 200 validating against 29next's own
document."""

from __future__ import annotations

import pytest
from openapi_core import OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse

from tests.support.vendor_client import VendorClient
from tests.vendors.nextcommerce.conftest import (
    GOLDENS,
    LIST,
    NO_LIMIT,
    Client,
    decoded,
    document,
    encode,
    everything,
    validated,
    without_nullable,
)

pytestmark = pytest.mark.mockdesk(rate_limits=NO_LIMIT)
EXAMPLE = GOLDENS.json("list_example.json")


def test_envelope_and_ticket_keys_in_the_examples_order(nextcommerce: Client) -> None:
    body = nextcommerce.get(LIST).json()
    assert list(body) == list(EXAMPLE)
    example = EXAMPLE["results"][0]
    comment, attachment = example["comments"][0], example["comments"][0]["attachments"][0]
    tickets = everything(nextcommerce)
    assert all(list(t) == list(example) for t in tickets)
    comments = [c for t in tickets for c in t["comments"]]
    assert all(list(c) == list(comment) for c in comments)
    attachments = [a for c in comments for a in c["attachments"]]
    assert attachments, "some comments carry attachments"
    assert all(list(a) == list(attachment) for a in attachments)


def test_default_page_is_20_newest_first(nextcommerce: Client) -> None:
    body = nextcommerce.get(LIST).json()
    ids = [t["id"] for t in body["results"]]
    assert len(ids) == 20 and ids == sorted(ids, reverse=True)
    assert body["previous"] is None
    assert body["next"].startswith(nextcommerce.url + LIST + "?cursor=")
    assert decoded(body["next"]) == f"p={ids[-1]}"


def test_links_keep_other_parameters_sorted_by_key(nextcommerce: Client) -> None:
    first = nextcommerce.get(LIST, [("status", "open"), ("status", "new"), ("limit", "3")])
    link = first.json()["next"]
    cursor = link.split("cursor=")[1].split("&")[0]
    assert link == f"{nextcommerce.url}{LIST}?cursor={cursor}&limit=3&status=open&status=new"
    second = nextcommerce.get(link).json()
    assert decoded(second["previous"]) == f"r=1&p={second['results'][0]['id']}"
    assert {t["status"] for t in second["results"]} <= {"open", "new"}


def test_walking_forward_then_back_gives_the_same_pages(nextcommerce: Client) -> None:
    pages = [nextcommerce.get(LIST, {"limit": 7}).json()]
    while pages[-1]["next"]:
        pages.append(nextcommerce.get(pages[-1]["next"]).json())
    ids = [t["id"] for page in pages for t in page["results"]]
    assert ids == sorted(set(ids), reverse=True) and len(ids) == 250
    back = pages[-1]
    for expected in reversed(pages[:-1]):
        back = nextcommerce.get(back["previous"]).json()
        assert back["results"] == expected["results"]
    assert back["previous"] is None


def test_a_reverse_cursor_without_position_reads_from_the_oldest_end(nextcommerce: Client) -> None:
    body = nextcommerce.get(LIST, {"cursor": encode("r=1"), "limit": 4}).json()
    oldest = everything(nextcommerce)[-4:]
    assert body["results"] == oldest and body["next"] is None and body["previous"]


def test_the_seeds_example_cursors_are_understood(nextcommerce: Client) -> None:
    """``p=486`` reads ids below 486; ``r=1&p=487`` reads back from id 487 (ordering -id)."""
    oldest = everything(nextcommerce)
    assert min(t["id"] for t in oldest) > 487  # generated ids sit far above the examples
    forward = nextcommerce.get(LIST, {"cursor": "cD00ODY="}).json()
    assert forward["results"] == [] and forward["previous"]
    backward = nextcommerce.get(LIST, {"cursor": "cj0xJnA9NDg3"}).json()
    assert backward["results"] == oldest[-20:] and backward["next"]


def test_a_cursor_past_the_end_is_an_empty_page_linking_back(nextcommerce: Client) -> None:
    body = nextcommerce.get(LIST, {"cursor": encode("p=1")}).json()
    assert body["results"] == [] and body["next"] is None
    assert decoded(body["previous"]) == "r=1&p=1"


@pytest.mark.parametrize("cursor", ["", "!!!"])
def test_an_empty_cursor_is_the_first_page(nextcommerce: Client, cursor) -> None:
    """DRF's non-validating b64decode drops characters outside the alphabet: "!!!" is empty."""
    assert nextcommerce.get(LIST, {"cursor": cursor}).json() == nextcommerce.get(LIST).json()


@pytest.mark.parametrize(
    "cursor",
    ["zz", "cD00ODY", encode("p=abc"), encode("o=5&p=10"), encode("r=x"), "ü"],
)
def test_invalid_cursor_is_404(nextcommerce: Client, cursor) -> None:
    response = nextcommerce.get(LIST, {"cursor": cursor})
    GOLDENS.assert_body(response, "invalid_cursor.json", 404)


def test_detail_returns_the_listed_ticket(nextcommerce: Client) -> None:
    listed = nextcommerce.get(LIST).json()["results"][3]
    response = nextcommerce.get(f"{LIST}{listed['id']}/")
    assert response.status_code == 200 and response.json() == listed


def test_the_rewrite_only_touches_nullable() -> None:
    fixed = without_nullable(document())
    page = fixed["components"]["schemas"]["PaginatedTicketList"]["properties"]
    assert page["next"] == {
        "example": document()["components"]["schemas"]["PaginatedTicketList"]["properties"]["next"][
            "example"
        ],
        "format": "uri",
        "type": ["string", "null"],
    }
    assert "nullable" not in str(fixed)
    assert str(document()).count("'nullable': True") == 4  # next/previous of both pages
    assert fixed["components"]["schemas"]["Ticket"] == document()["components"]["schemas"]["Ticket"]


def test_the_unrewritten_document_rejects_a_real_first_page(nextcommerce: VendorClient) -> None:
    """Why the rewrite exists: DRF sends ``previous: null``, the document as written refuses it."""
    response = nextcommerce.get(LIST)
    strict = OpenAPI.from_dict(
        {**document(), "servers": [{"url": f"{nextcommerce.url}/api/admin"}]}
    )
    with pytest.raises(Exception, match="None is not of type 'string'"):
        strict.validate_response(
            RequestsOpenAPIRequest(response.request), RequestsOpenAPIResponse(response)
        )


@pytest.mark.mockdesk(rate_limits=NO_LIMIT)
def test_every_ticket_page_validates(nextcommerce: VendorClient) -> None:
    body = validated(nextcommerce, LIST, {"limit": 100}).json()
    pages = 1
    while body["next"] is not None:
        body = validated(nextcommerce, body["next"]).json()
        pages += 1
    assert pages == 3  # 250 tickets: first, middle and last page
    back = validated(nextcommerce, body["previous"]).json()
    assert back["previous"] is not None and back["next"] is not None
    for params in ({"status": "new"}, {"limit": "5", "tags": "1"}, {"filter_text": "zzzz"}):
        validated(nextcommerce, LIST, params)
