"""Query parsing: neutral problem kinds, constraints, repeated values, never an exception."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from mockdesk.core.errors import InvalidQuery
from mockdesk.core.query import Choice, Date, DateTime, Integer, QuerySchema, Repeated, parse_query


class Example(QuerySchema):
    page = Integer(minimum=1, maximum=10, load_default=1)
    kind = Choice(["a", "b"])
    when = DateTime()
    day = Date()
    tags = Repeated(Integer())


class FirstWins(Example):
    last_value_wins = False


def kinds(args: dict[str, str | list[str]]) -> list[tuple[str, str]]:
    with pytest.raises(InvalidQuery) as caught:
        parse_query(Example(), MultiDict(args))
    return [(p.parameter, p.kind) for p in caught.value.problems]


def test_valid_values_and_defaults() -> None:
    parsed = parse_query(Example(), MultiDict({"kind": "a", "day": "2026-01-31"}))
    assert parsed["page"] == 1 and parsed["kind"] == "a" and str(parsed["day"]) == "2026-01-31"
    assert parse_query(Example(), MultiDict({"when": "2026-01-01T10:00:00"}))["when"].tzinfo


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({"page": "0"}, [("page", "too_small")]),
        ({"page": "11"}, [("page", "too_large")]),
        ({"page": "1.0"}, [("page", "not_integer")]),
        ({"page": ""}, [("page", "not_integer")]),
        ({"kind": "A"}, [("kind", "not_choice")]),
        ({"when": "soon"}, [("when", "not_datetime")]),
        ({"day": "2026-02-30"}, [("day", "not_date")]),
        ({"tags": ["1", "x"]}, [("tags", "not_integer")]),
        ({"page": "x", "kind": "c"}, [("page", "not_integer"), ("kind", "not_choice")]),
    ],
)
def test_problems_are_neutral_kinds(args: dict, expected: list[tuple[str, str]]) -> None:
    assert kinds(args) == expected


def test_problem_carries_value_and_constraints() -> None:
    with pytest.raises(InvalidQuery) as caught:
        parse_query(Example(), MultiDict({"page": "99"}))
    problem = caught.value.problems[0]
    assert (problem.value, problem.constraints) == ("99", {"min": 1, "max": 10})


def test_repeated_single_values_follow_the_schema() -> None:
    args = MultiDict([("page", "2"), ("page", "3"), ("tags", "1"), ("tags", "2")])
    assert parse_query(Example(), args)["page"] == 3
    assert parse_query(FirstWins(), args)["page"] == 2
    assert parse_query(Example(), args)["tags"] == [1, 2]


@given(
    st.lists(st.tuples(st.sampled_from(["page", "kind", "when", "day", "tags", "x"]), st.text()))
)
def test_any_input_parses_or_raises_invalid_query(pairs: list[tuple[str, str]]) -> None:
    try:
        parse_query(Example(), MultiDict(pairs))
    except InvalidQuery as error:
        assert error.problems
