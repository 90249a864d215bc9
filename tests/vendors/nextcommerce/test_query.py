"""The list's parameters: ``limit`` as DRF's page size, django-filter's filters, and their 400s."""

from __future__ import annotations

import pytest

from mockdesk.vendors.nextcommerce.data import TAGS
from tests.vendors.nextcommerce.conftest import GOLDENS, LIST, NO_LIMIT, Client, everything, follow

pytestmark = pytest.mark.mockdesk(rate_limits=NO_LIMIT)


def matching(client: Client, params) -> list[dict]:
    response = client.get(LIST, [*list(params), ("limit", "100")])
    assert response.status_code == 200, response.text
    return follow(client, response.json())


@pytest.mark.parametrize(
    ("limit", "size"), [("5", 5), ("100", 100), ("500", 100), ("0", 20), ("-3", 20), ("x", 20)]
)
def test_limit_as_drf_page_size_query_param(nextcommerce: Client, limit, size) -> None:
    response = nextcommerce.get(LIST, {"limit": limit})
    assert response.status_code == 200
    assert len(response.json()["results"]) == size


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
