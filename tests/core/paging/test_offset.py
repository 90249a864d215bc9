"""core/paging/offset: page arithmetic."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from mockdesk.core.paging.offset import OffsetPage
from mockdesk.core.store import TicketStore


@dataclass(frozen=True)
class Row:
    id: int
    colour: str


ROWS = [Row(i, ("red", "green", "blue")[i % 3]) for i in range(1, 31)]


def store() -> TicketStore[Row]:
    return TicketStore(ROWS, order_key=lambda r: -r.id, indexed=("colour",))


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
