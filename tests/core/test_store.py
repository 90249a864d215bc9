"""core/store: listing order, lookups, indexed and residual selection."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

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
