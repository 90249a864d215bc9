"""core/columns: a pinned ticket widens an int column it does not fit; what cannot be stored is
refused when it is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pytest

from mockdesk.core.columns import ColumnSpec, Table, check_storable
from mockdesk.core.lanes import Indexes, Lanes
from mockdesk.core.store import AnyOf, TicketStore


@dataclass(frozen=True)
class Row:
    id: int
    colour: str
    at: datetime


def build(lanes: Lanes, indexes: Indexes, catalog: Any) -> dict[str, Any]:
    return {
        "id": (1000 - indexes).astype(np.int32),
        "colour": (indexes % 2).astype(np.uint8),
        "at": (1_700_000_000.0 - indexes * 60),
    }


SPEC = ColumnSpec(
    build=build,
    row=lambda r: {"id": r.id, "colour": r.colour, "at": r.at},
    order=(("at", True), ("id", True)),
    levels={"colour": ("red", "blue")},
    times=frozenset({"at"}),
)


def make(index: int, row: Any) -> Row:
    return Row(row["id"], row["colour"], datetime.fromtimestamp(row["at"], UTC))


def store() -> TicketStore[Row]:
    indexes = np.arange(10, dtype=np.int64)
    return TicketStore.columnar(Table(SPEC, build(Lanes(0, "t"), indexes, None)), make)


def test_a_pinned_id_past_32_bits_widens_the_column_and_is_found() -> None:
    big = Row(2**40, "green", datetime(2030, 1, 1, tzinfo=UTC))
    overlaid = store().overlaid({big.id: big}, ())
    assert overlaid.columns["id"].dtype == np.int64
    assert overlaid.get(2**40) == big and overlaid.all()[0] == big
    assert [t.id for t in overlaid.select([AnyOf("colour", {"green"})])] == [2**40]
    assert overlaid.get(1000) == store().get(1000)  # the generated rows are untouched


@pytest.mark.parametrize("bad", [2**70, "7", True])
def test_a_value_no_column_can_hold_is_refused_on_load(bad: Any) -> None:
    with pytest.raises(ValueError, match="id"):
        check_storable(SPEC, Row(bad, "red", datetime(2030, 1, 1, tzinfo=UTC)))
    check_storable(SPEC, Row(2**62, "purple", datetime(2030, 1, 1, tzinfo=UTC)))
