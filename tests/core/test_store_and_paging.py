"""TicketStore selection and the two paging styles."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mockdesk.core.errors import InvalidCursor
from mockdesk.core.paging.cursor import Position, SignedCursorCodec, cursor_page
from mockdesk.core.paging.offset import OffsetPage
from mockdesk.core.store import AnyOf, TicketStore, Where


@dataclass(frozen=True)
class Row:
    id: int
    colour: str


ROWS = [Row(i, ("red", "green", "blue")[i % 3]) for i in range(1, 31)]


def store() -> TicketStore[Row]:
    return TicketStore(ROWS, order_key=lambda r: -r.id, indexed=("colour",))


def test_store_orders_and_looks_up() -> None:
    s = store()
    assert [r.id for r in s.all()][:3] == [30, 29, 28]
    assert s.get(7) == ROWS[6] and s.get(99) is None


@given(
    colours=st.sets(st.sampled_from(["red", "green", "blue", "pink"])),
    minimum=st.integers(0, 31),
)
def test_select_equals_a_plain_scan(colours: set[str], minimum: int) -> None:
    criteria = [AnyOf("colour", colours), Where(lambda r: r.id >= minimum)]
    expected = [r for r in store().all() if r.colour in colours and r.id >= minimum]
    assert list(store().select(criteria)) == expected
    unindexed = [AnyOf("id", {r.id for r in expected})]
    assert list(store().select(unindexed)) == expected


@given(total=st.integers(0, 60), size=st.integers(1, 25), page=st.integers(1, 8))
def test_offset_page_arithmetic(total: int, size: int, page: int) -> None:
    result = OffsetPage.of(list(range(total)), page, size)
    assert result.pages == -(-total // size)
    assert list(result.items) == list(range(total))[(page - 1) * size : page * size]
    assert result.has_more == (page * size < total)
    if result.items:
        assert result.first_position == (page - 1) * size + 1
        assert result.last_position == result.first_position + len(result.items) - 1
    else:
        assert result.first_position is None and result.last_position is None


@given(total=st.integers(0, 40), limit=st.integers(1, 12))
def test_cursor_walk_forward_then_back(total: int, limit: int) -> None:
    items = list(range(0, total * 2, 2))  # unique keys with gaps
    forward, pages, position = [], [], None
    while True:
        page = cursor_page(items, lambda x: x, position, limit)
        pages.append(list(page.items))
        forward += page.items
        if page.next is None:
            break
        position = page.next
    assert forward == items
    back = page
    for expected in reversed(pages[:-1]):
        assert back.previous is not None
        back = cursor_page(items, lambda x: x, back.previous, limit)
        assert list(back.items)[-len(expected) :] == expected[-len(back.items) :]
    assert back.previous is None


def test_signed_cursor_round_trip_and_binding() -> None:
    codec = SignedCursorCodec(b"secret")
    token = codec.encode(Position(42, reverse=True), {"status": "open"})
    assert codec.decode(token, {"status": "open"}) == Position(42, reverse=True)
    with pytest.raises(InvalidCursor):
        codec.decode(token, {"status": "closed"})
    with pytest.raises(InvalidCursor):
        SignedCursorCodec(b"other").decode(token, {"status": "open"})
    for bad in ["", "abc", token[:-2] + "AA", "x.y.z", token.replace(".", "")]:
        with pytest.raises(InvalidCursor):
            codec.decode(bad, {"status": "open"})
