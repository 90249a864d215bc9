"""GET /v1/api/ticket: the seed's item and meta shapes, data coherence, filters and paging."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import requests

from mockdesk.settings import Settings
from mockdesk.testing.live import LiveServer
from mockdesk.vendors.ippanel.data import STATES, SUB_CATEGORIES
from tests.support.vendor_client import VendorClient

from .conftest import LIST

TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000000Z")
PERSIAN = re.compile(r"[\u0600-\u06FF]")


def get(client: VendorClient, query: str = "") -> requests.Response:
    """The list with ``query`` sent exactly as written (no re-encoding)."""
    return client.get(f"{LIST}?{query}")


def all_tickets(client: VendorClient) -> list[dict[str, Any]]:
    return get(client, "per_page=1000").json()["data"]


def key_tree(value: Any) -> Any:
    """Keys in order, recursively: the shape of a body without its values."""
    if isinstance(value, dict):
        return [(k, key_tree(v)) for k, v in value.items()]
    return None


def test_list_item_and_meta_have_the_seed_shape(ippanel, seed_example):
    body = get(ippanel, "page=1&per_page=2").json()
    assert list(body) == ["data", "meta"]
    assert list(body["meta"]) == list(seed_example["meta"])
    expected = key_tree(seed_example["data"][0])
    assert key_tree(seed_example["data"][1]) == expected
    for item in body["data"]:
        assert key_tree(item) == expected


def test_meta_on_the_first_page_matches_laravel(ippanel):
    meta = get(ippanel, "page=1&per_page=2").json()["meta"]
    assert meta == {
        "current_page": 1,
        "from": 1,
        "last_page": 125,
        "per_page": 2,
        "to": 2,
        "total": 250,
        "status": True,
        "message": "Success",
        "message_code": "200-1",
    }


def test_defaults_are_page_1_and_ten_per_page(ippanel):
    body = get(ippanel).json()
    assert len(body["data"]) == 10
    assert (body["meta"]["current_page"], body["meta"]["per_page"]) == (1, 10)


def test_last_page_is_partial_and_past_it_is_empty(ippanel):
    last = get(ippanel, "page=4&per_page=70").json()
    assert len(last["data"]) == 40
    assert (last["meta"]["from"], last["meta"]["to"], last["meta"]["last_page"]) == (211, 250, 4)
    past = get(ippanel, "page=5&per_page=70").json()
    assert past["data"] == []
    assert past["meta"]["from"] is None and past["meta"]["to"] is None
    assert past["meta"]["current_page"] == 5 and past["meta"]["total"] == 250


def test_nothing_matching_has_last_page_1_and_null_bounds(ippanel):
    meta = get(ippanel, "ticket_id=1").json()["meta"]
    assert meta["total"] == 0 and meta["last_page"] == 1
    assert meta["from"] is None and meta["to"] is None


def test_tickets_are_newest_first(ippanel):
    tickets = all_tickets(ippanel)
    keys = [(t["created_at"], t["id"]) for t in tickets]
    assert keys == sorted(keys, reverse=True)


def test_nested_objects_agree_with_flat_ids(ippanel):
    tree = {s.id: s.category_id for s in SUB_CATEGORIES}
    for t in all_tickets(ippanel):
        assert t["ticket_id"] == t["id"] == t["forward"]["ticket_id"]
        assert t["user"]["user_id"] == t["user_id"] == t["forward"]["from"]
        assert t["category"]["id"] == t["category_id"]
        assert t["sub_category"]["id"] == t["sub_category_id"]
        assert tree[t["sub_category_id"]] == t["category_id"]
        assert t["state"] == {"id": t["state_id"], "name": STATES[t["state_id"]]}
        for moment in (t["created_at"], t["updated_at"], t["forward"]["created_at"]):
            assert TIMESTAMP.fullmatch(moment)
        assert t["updated_at"] >= t["created_at"]
        assert (t["forward"]["to"] != 1) == (t["state_id"] == 5)


def test_names_are_the_same_for_the_same_id_everywhere(ippanel):
    names: dict[tuple[str, int], str] = {}
    for t in all_tickets(ippanel):
        for key, name in (
            (("category", t["category_id"]), t["category"]["name"]),
            (("sub_category", t["sub_category_id"]), t["sub_category"]["title"]),
            (("user", t["user_id"]), t["user"]["uname"]),
        ):
            assert names.setdefault(key, name) == name


def test_subjects_are_persian_and_english(ippanel):
    subjects = [t["subject"] for t in all_tickets(ippanel)]
    persian = [s for s in subjects if PERSIAN.search(s)]
    assert 0.5 < len(persian) / len(subjects) < 0.9
    assert all(t["desc"] for t in all_tickets(ippanel))


def test_all_five_states_occur(ippanel):
    assert {t["state_id"] for t in all_tickets(ippanel)} == set(STATES)


@pytest.mark.parametrize("name", ["state_id", "category_id", "sub_category_id"])
def test_integer_filters_match_exactly(ippanel, name):
    everything = all_tickets(ippanel)
    value = everything[7][name]
    found = get(ippanel, f"{name}={value}&per_page=1000").json()
    assert found["data"] == [t for t in everything if t[name] == value]
    assert found["meta"]["total"] == len(found["data"])


def test_ticket_id_filter_finds_one(ippanel):
    target = all_tickets(ippanel)[42]
    found = get(ippanel, f"ticket_id={target['id']}").json()["data"]
    assert found == [target]


def test_username_filter_ignores_case_and_surrounding_spaces(ippanel):
    everything = all_tickets(ippanel)
    uname = everything[3]["user"]["uname"]
    expected = [t for t in everything if t["user"]["uname"] == uname]
    for sent in (uname, uname.upper(), f"%20{uname}%20"):
        assert get(ippanel, f"username={sent}&per_page=1000").json()["data"] == expected


def test_empty_username_matches_nothing(ippanel):
    response = get(ippanel, "username=")
    assert response.status_code == 200
    assert response.json()["data"] == [] and response.json()["meta"]["total"] == 0


def test_unknown_parameters_are_ignored(ippanel):
    assert get(ippanel, "sort=desc&foo=").json() == get(ippanel).json()


def test_body_is_compact_utf8_with_php_escaped_slashes(ippanel):
    response = get(ippanel, "per_page=1000")
    assert response.headers["Content-Type"] == "application/json"
    raw = response.content.decode("utf-8")
    assert PERSIAN.search(raw) and "\\u06" not in raw
    compact = json.dumps(response.json(), ensure_ascii=False, separators=(",", ":"))
    assert raw == compact.replace("/", "\\/")


def test_seed_tickets_pinned_by_fixture_come_back_exactly(tmp_path: Path, seed_example):
    fixture = tmp_path / "ippanel.json"
    fixture.write_text(
        json.dumps({"vendor": "ippanel", "tickets": seed_example["data"]}), encoding="utf-8"
    )
    settings = Settings(vendors=("ippanel",), fixtures=(fixture,), tickets=5)
    with LiveServer(settings) as server:
        client = VendorClient.of("ippanel", server.url)
        for item in seed_example["data"]:
            found = get(client, f"ticket_id={item['id']}").json()["data"]
            assert found == [item]
        server.raise_crashes()
