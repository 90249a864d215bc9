"""The list's and the show's parameters: filters, PHP's integer and repeated-parameter rules,
and the Persian 422 of Laravel's validator for bad ones."""

from __future__ import annotations

import pytest

from tests.vendors.ippanel.conftest import LIST, SHOW, all_tickets, get, listing

INTEGER = "گزینه {} باید از نوع عددی باشد"


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


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ("state_id=", {"state_id": [INTEGER.format("state id")]}),
        ("state_id=%20%20", {"state_id": [INTEGER.format("state id")]}),
        ("state_id=6", {"state_id": ["گزینه انتخابی state id صحیح نمی باشد"]}),
        ("state_id=0", {"state_id": ["گزینه انتخابی state id صحیح نمی باشد"]}),
        ("page=0", {"page": ["گزینه page باید حداقل 1 باشد"]}),
        ("per_page=1001", {"per_page": ["گزینه per page نباید بزرگتر از 1000 باشد"]}),
        ("per_page=0", {"per_page": ["گزینه per page باید حداقل 1 باشد"]}),
        ("per_page=1.5", {"per_page": [INTEGER.format("per page")]}),
        ("ticket_id=05", {"ticket_id": [INTEGER.format("ticket id")]}),
        ("category_id=1e3", {"category_id": [INTEGER.format("category id")]}),
        ("sub_category_id=abc", {"sub_category_id": [INTEGER.format("sub category id")]}),
        ("ticket_id=99999999999999999999", {"ticket_id": [INTEGER.format("ticket id")]}),
    ],
)
def test_one_bad_parameter_is_a_persian_422(ippanel, query, errors):
    response = ippanel.get(f"{LIST}?{query}")
    assert response.status_code == 422
    assert response.json() == {
        "data": None,
        "meta": {
            "status": False,
            "message": next(iter(errors.values()))[0],
            "message_parameters": [],
            "message_code": "400-2",
            "errors": errors,
        },
    }


def test_several_bad_parameters_are_summarized_in_rule_order(ippanel):
    response = ippanel.get(f"{LIST}?state_id=x&per_page=5000&page=-1&category_id=")
    meta = response.json()["meta"]
    assert list(meta["errors"]) == ["page", "per_page", "category_id", "state_id"]
    assert meta["message"] == "گزینه page باید حداقل 1 باشد (و 3 خطای دیگر)"


def test_signed_integers_are_integers_as_in_php(ippanel):
    assert ippanel.get(f"{LIST}?page=+1").json()["meta"]["current_page"] == 1


def test_repeated_ticket_id_takes_the_last_as_php_does(ippanel):
    first, second = listing(ippanel)[:2]
    url = f"{SHOW}?ticket_id={first['id']}&ticket_id={second['id']}"
    assert ippanel.get(url).json()["data"]["id"] == second["id"]
