"""The filter parser on the generated tickets: semantics, error keys, and its algebra."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockdesk.core.dataset import Dataset
from mockdesk.vendors.teamwork.filtering import FilterError, parse


def ids(dataset: Dataset, spec: object) -> set[int]:
    predicate = parse(json.dumps(spec))
    return {t.id for t in dataset.store.all() if predicate(t)}


def every(dataset: Dataset) -> set[int]:
    return {t.id for t in dataset.store.all()}


def test_eq_in_and_bare_value_select_by_relation_id(dataset: Dataset) -> None:
    tickets = dataset.store.all()
    expected = {t.id for t in tickets if t.status_id == 3}
    assert expected and ids(dataset, {"status": {"$eq": 3}}) == expected
    assert ids(dataset, {"status": 3}) == expected
    both = {t.id for t in tickets if t.status_id in (1, 2)}
    assert ids(dataset, {"status": {"$in": [1, 2]}}) == both


def test_dates_compare_by_day(dataset: Dataset) -> None:
    tickets = dataset.store.all()
    day = tickets[40].created_at.date()
    text = day.isoformat()
    assert ids(dataset, {"createdAt": {"$eq": text}}) == {
        t.id for t in tickets if t.created_at.date() == day
    }
    assert ids(dataset, {"createdAt": {"$gte": text}}) == {
        t.id for t in tickets if t.created_at.date() >= day
    }
    assert ids(dataset, {"createdAt": {"$lt": text}}) == {
        t.id for t in tickets if t.created_at.date() < day
    }


def test_and_or_and_ranges(dataset: Dataset) -> None:
    tickets = dataset.store.all()
    spec = {"$or": [{"priority": 4}, {"$and": [{"responseTimeMins": {"$gt": 100, "$lte": 300}}]}]}
    assert ids(dataset, spec) == {
        t.id for t in tickets if t.priority_id == 4 or 100 < t.response_time_mins <= 300
    }


def test_null_semantics(dataset: Dataset) -> None:
    tickets = dataset.store.all()
    unassigned = {t.id for t in tickets if t.agent_id is None}
    assert unassigned and ids(dataset, {"agent": None}) == unassigned
    assert ids(dataset, {"agent": {"$ne": None}}) == every(dataset) - unassigned
    assert ids(dataset, {"agent": {"$gt": 0}}) == every(dataset) - unassigned


def test_spam_rules_match_any_rule(dataset: Dataset) -> None:
    expected = {t.id for t in dataset.store.all() if "SPF_PASS" in t.spam_rules}
    assert expected and ids(dataset, {"spam_rules": "SPF_PASS"}) == expected


OPS = "must be one of ‘$eq, $ne, $lt, $lte, $gt, $gte, $in, $nin’"
DAY = "must be a date as ‘2006-01-02’"


@pytest.mark.parametrize(
    ("spec", "key", "message"),
    [
        ("{not json", "filter", "invalid filter"),
        ("[1]", "filter", "invalid filter"),
        ('{"$or": []}', "filter", "invalid filter"),
        ('{"status": {"$eq": NaN}}', "filter", "invalid filter"),
        ('{"status": {"$regex": 1}}', "filter.status", OPS),
        ('{"status": {}}', "filter.status", "must be set"),
        ('{"status": {"$eq": "open"}}', "filter.status.$eq", "must be a whole number"),
        ('{"status": {"$eq": 1.5}}', "filter.status.$eq", "must be a whole number"),
        ('{"status": {"$eq": true}}', "filter.status.$eq", "must be a whole number"),
        ('{"status": {"$in": 1}}', "filter.status.$in", "must be a list"),
        ('{"createdAt": {"$gt": "2024-01-01T00:00:00Z"}}', "filter.createdAt.$gt", DAY),
        ('{"createdAt": {"$gt": "2024-02-30"}}', "filter.createdAt.$gt", DAY),
        ('{"agent": {"$lt": null}}', "filter.agent.$lt", "must be set"),
        ('{"state": "open"}', "filter.state.$eq", "must be one of ‘active, deleted’"),
        ('{"subject": {"$eq": 5}}', "filter.subject.$eq", "must be a string"),
    ],
)  # fmt: skip
def test_errors_name_the_key_and_use_validate_wording(spec: str, key: str, message: str) -> None:
    with pytest.raises(FilterError) as raised:
        parse(spec)
    assert (raised.value.key, raised.value.message) == (key, message)


def test_unknown_field_lists_the_allowed_ones() -> None:
    with pytest.raises(FilterError) as raised:
        parse('{"colour": 1}')
    assert raised.value.key == "filter"
    assert raised.value.message.startswith("must be one of ‘id, subject, previewText,")
    assert raised.value.message.endswith("deletedBy, state’")


def test_deep_nesting_is_a_400_not_a_crash() -> None:
    with pytest.raises(FilterError):
        parse('{"$and":[' * 2000 + "{}" + "]}" * 2000)


RELATIONS = ("status", "priority", "agent", "inbox", "source", "type", "businesshours", "company")
value = st.one_of(st.none(), st.integers(min_value=0, max_value=320))


@settings(deadline=None, max_examples=80)
@given(field=st.sampled_from(RELATIONS), a=value, b=value)
def test_in_is_an_or_of_eqs(dataset: Dataset, field: str, a: int | None, b: int | None) -> None:
    left = ids(dataset, {field: {"$in": [a, b]}})
    right = ids(dataset, {"$or": [{field: {"$eq": a}}, {field: {"$eq": b}}]})
    assert left == right


@settings(deadline=None, max_examples=80)
@given(field=st.sampled_from(RELATIONS), values=st.lists(value, max_size=4))
def test_nin_is_the_complement_of_in(dataset: Dataset, field: str, values: list) -> None:
    inside = ids(dataset, {field: {"$in": values}})
    outside = ids(dataset, {field: {"$nin": values}})
    assert inside.isdisjoint(outside)
    assert inside | outside == every(dataset)
