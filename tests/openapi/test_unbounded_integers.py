"""Item 5: an integer past 64 bits where the vendor's document sets no bound."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from mockdesk.core.errors import InvalidQuery, ProblemKind
from mockdesk.core.query import (
    SATURATED_ABOVE,
    SATURATED_BELOW,
    Integer,
    QuerySchema,
    parse_query,
)


class Unbounded(QuerySchema):
    page = Integer(minimum=1, unbounded=True)
    parcel = Integer(unbounded=True)
    size = Integer(minimum=1, maximum=20)


def parse(**args: str) -> dict[str, object]:
    return parse_query(Unbounded(), MultiDict(args))


@pytest.mark.parametrize("text", ["2135509566068022050816", "9223372036854775808", "9" * 5000])
def test_past_64_bits_saturates_above(text: str) -> None:
    assert parse(page=text)["page"] == SATURATED_ABOVE
    assert parse(parcel=text)["parcel"] == SATURATED_ABOVE


def test_past_64_bits_below_saturates_and_meets_the_minimum() -> None:
    assert parse(parcel="-" + "9" * 30)["parcel"] == SATURATED_BELOW
    with pytest.raises(InvalidQuery) as caught:
        parse(page="-" + "9" * 30)
    assert caught.value.problems[0].kind is ProblemKind.TOO_SMALL


@pytest.mark.parametrize("text", ["1e30", "9" * 30 + ".0", "٢" * 25, " 9" + "9" * 25, ""])
def test_what_is_no_whole_number_is_still_refused(text: str) -> None:
    with pytest.raises(InvalidQuery) as caught:
        parse(page=text)
    assert caught.value.problems[0].kind is ProblemKind.NOT_INTEGER


def test_without_unbounded_past_64_bits_is_refused_as_before() -> None:
    with pytest.raises(InvalidQuery) as caught:
        parse(size="9" * 30)
    assert caught.value.problems[0].kind is ProblemKind.NOT_INTEGER


def test_64_bit_values_are_kept_exactly() -> None:
    assert parse(page="9223372036854775807")["page"] == 2**63 - 1
    assert parse(parcel="-9223372036854775808")["parcel"] == -(2**63)
