"""GET /api/admin/tickets/ and /api/admin/tickets/{id}/: shape, order, paging, filters."""

from __future__ import annotations

import re

import pytest

from mockdesk.vendors.nextcommerce.data import TAGS
from tests.support.vendor_client import VendorClient

from .helpers import GOLDENS, LIST, NO_LIMIT, decoded, encode, follow

pytestmark = pytest.mark.mockdesk(rate_limits=NO_LIMIT)
EXAMPLE = GOLDENS.json("list_example.json")
Client = VendorClient
ZULU = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z")


def everything(client: Client) -> list[dict]:
    return client.walk()


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


def test_default_page_is_20_newest_first(nextcommerce: Client) -> None:
    body = nextcommerce.get(LIST).json()
    ids = [t["id"] for t in body["results"]]
    assert len(ids) == 20 and ids == sorted(ids, reverse=True)
    assert body["previous"] is None
    assert body["next"].startswith(nextcommerce.url + LIST + "?cursor=")
    assert decoded(body["next"]) == f"p={ids[-1]}"


@pytest.mark.parametrize(
    ("limit", "size"), [("5", 5), ("100", 100), ("500", 100), ("0", 20), ("-3", 20), ("x", 20)]
)
def test_limit_as_drf_page_size_query_param(nextcommerce: Client, limit, size) -> None:
    response = nextcommerce.get(LIST, {"limit": limit})
    assert response.status_code == 200
    assert len(response.json()["results"]) == size


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


def test_filter_errors_come_before_cursor_errors(nextcommerce: Client) -> None:
    response = nextcommerce.get(LIST, {"cursor": "zz", "status": "foo"})
    GOLDENS.assert_body(response, "400_status.json", 400)


@pytest.mark.parametrize(
    ("params", "body"),
    [
        ({"status": "foo"}, "400_status.json"),
        ({"created_from": "2024-13-01"}, "400_created_from.json"),
        ({"requester": "abc"}, "400_requester.json"),
    ],
)
def test_golden_filter_errors(nextcommerce: Client, params, body) -> None:
    response = nextcommerce.get(LIST, params)
    GOLDENS.assert_body(response, body, 400)


def test_every_bad_field_is_keyed_in_filterset_order(nextcommerce: Client) -> None:
    params = [
        ("created_to", "yesterday"), ("channel", "fax"), ("tags", "999"), ("tags", "x"),
        ("product", "7"), ("priority", "urgent"), ("id", "NaN"), ("status", "open"),
        ("status", "bad"), ("ticket_type", "1x"), ("assignee", ""),
    ]  # fmt: skip
    response = nextcommerce.get(LIST, params)
    assert response.status_code == 400
    assert response.json() == {
        "id": ["Enter a number."],
        "status": ["Select a valid choice. bad is not one of the available choices."],
        "product": ["Select a valid choice. 7 is not one of the available choices."],
        "tags": ["“x” is not a valid value."],
        "ticket_type": ["Enter a number."],
        "priority": ["Select a valid choice. urgent is not one of the available choices."],
        "channel": ["Select a valid choice. fax is not one of the available choices."],
        "created_to": ["Enter a valid date."],
    }
    assert list(response.json()) == [
        "id", "status", "product", "tags", "ticket_type", "priority", "channel", "created_to"
    ]  # fmt: skip


def test_empty_single_values_filter_nothing(nextcommerce: Client) -> None:
    params = {k: "" for k in ("id", "requester", "priority", "channel", "created_from", "subject")}
    body = nextcommerce.get(LIST, params).json()
    assert body["results"] == nextcommerce.get(LIST).json()["results"]
    assert "channel=&created_from=&cursor=" in body["next"]


def matching(client: Client, params) -> list[dict]:
    response = client.get(LIST, [*list(params), ("limit", "100")])
    assert response.status_code == 200, response.text
    return follow(client, response.json())


def test_each_filter_keeps_exactly_the_matching_tickets(nextcommerce: Client) -> None:
    everyone = everything(nextcommerce)
    sample = next(t for t in everyone[17:] if t["requester"] and t["assignee"])
    who = sample["requester"]
    tag_id = next(i for i, name in TAGS.items() if any(name in t["tags"] for t in everyone))
    product = next(p for t in everyone for p in t["products"])
    checks = [
        ([("status", "open"), ("status", "new")], lambda t: t["status"] in ("open", "new")),
        ([("priority", "high")], lambda t: t["priority"] == "high"),
        ([("channel", "email")], lambda t: t["channel"] == "email"),
        ([("requester", str(sample["requester"]))], lambda t: t["requester"] == who),
        ([("assignee", f"{sample['assignee']}.0")], lambda t: t["assignee"] == sample["assignee"]),
        ([("ticket_type", "2")], lambda t: t["ticket_type"] == 2),
        ([("id", str(sample["id"]))], lambda t: t["id"] == sample["id"]),
        ([("order_number", f" {sample['order']} ")], lambda t: t["order"] == sample["order"]),
        ([("subject", "ORDER #")], lambda t: "order #" in t["subject"].lower()),
        ([("tags", str(tag_id))], lambda t: TAGS[tag_id] in t["tags"]),
        ([("product", str(product))], lambda t: product in t["products"]),
        ([("created_from", "2026-10-20"), ("created_to", "2026-10-25")],
         lambda t: "2026-10-20" <= t["created_at"][:10] <= "2026-10-25"),
    ]  # fmt: skip
    for params, keep in checks:
        expected = [t for t in everyone if keep(t)]
        assert expected, params
        assert matching(nextcommerce, params) == expected, params


def test_filter_text_searches_id_subject_and_requester_email(nextcommerce: Client) -> None:
    everyone = everything(nextcommerce)
    sample = next(t for t in everyone if t["from_email"])
    by_id = matching(nextcommerce, [("filter_text", str(sample["id"]))])
    assert sample in by_id
    by_email = matching(nextcommerce, [("filter_text", sample["from_email"].upper())])
    assert sample in by_email
    assert all(
        (t["from_email"] or "").lower() == sample["from_email"].lower() or t["requester"]
        for t in by_email
    )
    by_subject = matching(nextcommerce, [("filter_text", "damaged")])
    assert by_subject and all("damaged" in t["subject"].lower() for t in by_subject)


def test_detail_returns_the_listed_ticket(nextcommerce: Client) -> None:
    listed = nextcommerce.get(LIST).json()["results"][3]
    response = nextcommerce.get(f"{LIST}{listed['id']}/")
    assert response.status_code == 200 and response.json() == listed


@pytest.mark.parametrize("ticket_id", ["1", "abc", "99999999"])
def test_detail_of_an_unknown_ticket_is_404(nextcommerce: Client, ticket_id) -> None:
    response = nextcommerce.get(f"{LIST}{ticket_id}/")
    GOLDENS.assert_body(response, "not_found.json", 404)
