"""How a vendor's tickets look to filters, ordering and paging: typed arrays, one per attribute.

Why: a million tickets cannot all be Python objects (about 9 KB and 2 ms each), but a filter, a
sort or a page only needs a few attributes of each. A :class:`ColumnSpec` says which, and how
to compute them for a whole range of ticket indexes at once (:mod:`mockdesk.core.lanes`); the
full ticket is built only when a page shows it.

Conventions every column follows, so the store can treat them alike:
- numbers are NumPy arrays, one value per row;
- a *categorical* column (``levels``) holds codes: code ``i`` means ``levels[name][i]``, and a
  categorical column sorts in the order of its levels;
- a *time* column (``times``) holds seconds since the Unix epoch as ``float64`` (NaN: none),
  so a page's tickets, a filter's bounds and ``--epoch`` all speak one unit;
- any other missing value is -1.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import numpy.typing as npt

from mockdesk.core.lanes import Indexes, Lanes

Array = npt.NDArray[Any]
Ticket = Any
MISSING = -1


@dataclass(frozen=True)
class ColumnSpec:
    """A vendor's columns.

    ``build(lanes, indexes, catalog)`` gives every column for ticket ``indexes`` (any contiguous
    range: the store builds in chunks); ``row(ticket)`` reads the same attributes off a built
    ticket (a pinned or runtime one), as Python values: level values for categorical columns,
    datetimes for time columns. ``order`` is the listing order, as ``(column, descending)``
    pairs, most significant first; ``key(ticket_id)`` turns an id into the integer in the
    ``id`` column (None: no generated ticket can have it).
    """

    build: Callable[[Lanes, Indexes, Any], Mapping[str, Array]]
    row: Callable[[Ticket], Mapping[str, Any]]
    order: tuple[tuple[str, bool], ...]
    levels: Mapping[str, tuple[Hashable, ...]] = field(default_factory=dict)
    times: frozenset[str] = frozenset()
    id: str = "id"
    key: Callable[[Hashable], int | None] = lambda ticket_id: (
        ticket_id if isinstance(ticket_id, int) and not isinstance(ticket_id, bool) else None
    )


class Table:
    """Columns for a fixed set of rows, with categorical values coded through shared levels.

    Rows added after the generated ones (pinned and runtime tickets) may carry a level value
    the generator never uses; it gets the next code, so its order among levels is "last".
    """

    def __init__(self, spec: ColumnSpec, arrays: Mapping[str, Array], count: int | None = None):
        self.spec = spec
        self.arrays = dict(arrays)
        self.count = len(next(iter(self.arrays.values()), ())) if count is None else count
        self.levels: dict[str, list[Hashable]] = {k: list(v) for k, v in spec.levels.items()}
        self._codes = {name: {v: i for i, v in enumerate(vs)} for name, vs in self.levels.items()}

    def __len__(self) -> int:
        return self.count

    def names(self) -> Iterable[str]:
        return self.arrays.keys()

    def code(self, name: str, value: Hashable, *, add: bool = False) -> int | None:
        """The code of ``value`` in categorical column ``name`` (None: never seen)."""
        codes = self._codes[name]
        found = codes.get(value)
        if found is None and add:
            found = codes[value] = len(self.levels[name])
            self.levels[name].append(value)
        return found

    def number(self, name: str, value: Any, *, add: bool = False) -> float | int | None:
        """``value`` as column ``name`` stores it (None: cannot be in the column)."""
        if name in self._codes:
            return self.code(name, value, add=add)
        if name in self.spec.times:
            return np.nan if value is None else _seconds(value)
        if value is None:
            return MISSING
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        return value

    def value(self, name: str, raw: Any) -> Any:
        """The Python value behind stored ``raw`` (a level value, a float time, a number)."""
        if name in self.levels:
            return self.levels[name][int(raw)]
        return raw.item() if hasattr(raw, "item") else raw

    def appended(self, rows: Sequence[Mapping[str, Any]]) -> Table:
        """A new table: these rows, then ``rows`` (Python values, coded here)."""
        table = Table(self.spec, self.arrays, self.count + len(rows))
        table.levels = {k: list(v) for k, v in self.levels.items()}
        table._codes = {k: dict(v) for k, v in self._codes.items()}
        for name, array in self.arrays.items():
            extra = [table.number(name, row.get(name), add=True) for row in rows]
            if any(v is None for v in extra):
                raise ValueError(f"column {name}: a ticket's value cannot be stored")
            table.arrays[name] = np.concatenate([array, _stored(extra, array.dtype)])
        return table

    def sort_keys(self, keys: Sequence[tuple[str, bool]], rows: Array) -> list[Array]:
        """``np.lexsort`` keys (least significant first) that sort ``rows`` by ``keys``."""
        out = []
        for name, descending in reversed(keys):
            values = self.arrays[name][rows]
            if (
                name in self.levels or values.dtype.kind == "u"
            ):  # codes in level order, but extra levels came last
                values = values.astype(np.int64)
            out.append(-values if descending else values)
        return out


def check_storable(spec: ColumnSpec, ticket: Ticket) -> None:
    """ValueError unless every column value of ``ticket`` fits a column (a pinned or runtime
    ticket is refused when it is loaded, not when a list lays it over the generated rows)."""
    for name, value in spec.row(ticket).items():
        if name in spec.levels:
            hash(value)
        elif name in spec.times:
            if value is not None and not isinstance(value, datetime):
                raise ValueError(f"{name}: must be a date-time")
        elif value is not None and (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (isinstance(value, int) and not -(2**63) <= value < 2**63)
        ):
            raise ValueError(f"{name}: {value!r} is out of range")


def _stored(values: list[Any], dtype: np.dtype[Any]) -> Array:
    """``values`` in ``dtype`` when they all fit, else in the smallest type that holds them (a
    pinned ticket's 40-bit id widens an int32 id column rather than wrapping or failing)."""
    if dtype.kind in "iu":
        limits = np.iinfo(dtype)
        if not all(limits.min <= v <= limits.max for v in values if not isinstance(v, float)):
            return np.asarray(values, dtype=np.int64)  # OverflowError past 64 bits
    return np.asarray(values, dtype=dtype)


def _seconds(value: Any) -> float:
    if isinstance(value, datetime):
        return value.timestamp()
    raise TypeError(f"a time column needs a datetime (got {type(value).__name__})")
