"""core/paging/cursor: cursor walks and signed cursors bound to the query."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mockdesk.core.errors import InvalidCursor
from mockdesk.core.paging.cursor import Position, SignedCursorCodec, cursor_page, shaped_like
from mockdesk.core.store import TicketStore


@dataclass(frozen=True)
class Row:
    id: int
    colour: str


ROWS = [Row(i, ("red", "green", "blue")[i % 3]) for i in range(1, 31)]


def store() -> TicketStore[Row]:
    return TicketStore(ROWS, order_key=lambda r: -r.id, indexed=("colour",))


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


def test_an_integer_too_large_for_a_float_is_an_invalid_cursor_not_an_overflow() -> None:
    """``math.isfinite(10**400)`` raises OverflowError; a signed cursor carrying it must be
    refused like any other key of the wrong shape (it once made a 500)."""
    shape = shaped_like([0.0, 0])
    assert not shape([10**400, 1]) and not shape([-(10**400), 1])
    assert shape([10**300, 1]) and shape([-1.5e9, 3]) and not shape([1.0, "x"])
    codec = SignedCursorCodec(b"secret")
    token = codec.encode(Position([10**400, 1]), {})
    assert codec.decode(token, {}) == Position([10**400, 1])  # plain JSON: shape is the caller's
    with pytest.raises(InvalidCursor):
        codec.decode(token, {}, valid_key=shape)

    def overflowing(key: object) -> bool:
        raise OverflowError("a validator that overflows is a no")

    with pytest.raises(InvalidCursor):
        codec.decode(token, {}, valid_key=overflowing)
