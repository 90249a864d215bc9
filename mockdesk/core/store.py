"""One vendor's tickets as filters, ordering and paging see them: columns, and tickets on demand.

A store holds the generated tickets as columns (:mod:`mockdesk.core.columns`) plus a few built
tickets (pinned fixtures, runtime tickets), and hands out :class:`Selection`\\ s: row numbers in
listing order that build a ticket only when it is read, through a bounded cache. So a
selection of a million tickets is an array of a million integers, a page reads only its own
tickets, and page 60,000 costs what page 1 does.

Criteria are answered from the columns when they can be (:class:`AnyOf`, :class:`Range`,
:class:`Mask`: vectorised over every row); :class:`Where` tests built tickets one by one, which
is right for a few hundred tickets and slow for a million, so vendors use it only for what no
column holds.

A store made from built tickets alone (``TicketStore(tickets, order_key=…)``) is ordered by a
Python sort key and indexes the ``indexed`` attributes: tests and small worlds use it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar, overload

import numpy as np

from mockdesk.core.columns import Array, ColumnSpec, Table

T = TypeVar("T")
TICKETS_CACHED = 4096  # built tickets kept per store: a few pages of every vendor's largest size


@dataclass(frozen=True)
class AnyOf:
    """``attribute`` equals one of ``values`` (a one-element set is plain equality)."""

    attribute: str
    values: Collection[Hashable]


@dataclass(frozen=True)
class Range:
    """``low <= attribute <= high`` (None: unbounded); a missing value never matches.

    For a time column the bounds are datetimes."""

    attribute: str
    low: Any = None
    high: Any = None


@dataclass(frozen=True)
class Mask:
    """A condition over whole columns: ``test(view)`` gives one bool per row (see
    :class:`ColumnView`), for filters no single :class:`AnyOf` or :class:`Range` expresses."""

    test: Callable[[ColumnView], Array]


@dataclass(frozen=True)
class Where:
    """Any other condition, as a predicate over one built ticket (slow for large stores)."""

    test: Callable[[Any], bool]


Criterion = AnyOf | Range | Mask | Where


class ColumnView:
    """What a :class:`Mask` reads: every row's stored values, and the codes of level values."""

    def __init__(self, table: Table) -> None:
        self._table = table

    def __getitem__(self, name: str) -> Array:
        return self._table.arrays[name]

    def levels(self, name: str) -> Sequence[Any]:
        """Categorical column ``name``'s level values by code, those pinned and runtime tickets
        added included."""
        return self._table.levels[name]

    def isin(self, name: str, values: Iterable[Hashable]) -> Array:
        """Rows whose ``name`` is one of ``values`` (level values or numbers)."""
        column = self._table.arrays[name]
        wanted = [self._table.number(name, v) for v in values]
        numbers = [v for v in wanted if v is not None and _fits(v, column.dtype)]
        if len(numbers) == 1:  # a twentieth of np.isin's time on a million rows
            found: Array = column == numbers[0]
            return found
        return np.isin(column, np.asarray(numbers, dtype=column.dtype))

    def between(self, name: str, low: Any = None, high: Any = None) -> Array:
        """Rows with ``low <= name <= high``; datetimes for a time column."""
        values = self._table.arrays[name]
        mask = ~np.isnan(values) if values.dtype.kind == "f" else np.ones(len(values), bool)
        if low is not None:
            mask &= values >= _bound(low)
        if high is not None:
            mask &= values <= _bound(high)
        return mask


class TicketStore(Generic[T]):
    """Tickets in listing order, looked up by id, selected by criteria."""

    def __init__(
        self,
        tickets: Iterable[T],
        *,
        order_key: Callable[[T], Any],
        indexed: Iterable[str] = (),
        id_attribute: str = "id",
    ) -> None:
        built = sorted(tickets, key=order_key)
        indexed = tuple(indexed)
        spec = ColumnSpec(
            build=lambda lanes, indexes, catalog: {},
            row=lambda ticket: {name: getattr(ticket, name) for name in indexed},
            order=(),
            levels={name: () for name in indexed},
            id=id_attribute,
        )
        table = Table(spec, {name: np.zeros(0, np.int64) for name in spec.levels}, 0)
        self._setup(table, 0, _no_generated, built, None, None)
        self._order_key: Callable[[T], Any] | None = order_key

    @classmethod
    def columnar(
        cls,
        generated: Table,
        make: Callable[[int, Mapping[str, Any]], T],
        extras: Sequence[T] = (),
        hidden: Array | None = None,
    ) -> TicketStore[T]:
        """Generated rows ``make(index, row)`` builds on demand, plus built ``extras`` (their
        rows appended), without the generated rows marked in ``hidden`` (a bool array)."""
        store: TicketStore[T] = cls.__new__(cls)
        store._order_key = None
        store._setup(generated, len(generated), make, list(extras), hidden, None)
        return store

    def _setup(
        self,
        generated: Table,
        count: int,
        make: Callable[[int, Mapping[str, Any]], T],
        extras: list[T],
        hidden: Array | None,
        cache: _Cache[T] | None,
    ) -> None:
        spec = generated.spec
        self._generated = generated
        self._table = generated.appended([spec.row(t) for t in extras]) if extras else generated
        self._count = count
        self._make = make
        self._extras = extras
        self._extra_ids = {getattr(t, spec.id): count + i for i, t in enumerate(extras)}
        self._alive: Array | None = None  # None: every row is a ticket (nothing hidden)
        if hidden is not None and hidden.any():
            self._alive = np.ones(len(self._table), bool)
            self._alive[:count] &= ~hidden
        self._order = self._listing_order()
        # rows are already in listing order: a filter is a flatnonzero, not a gather
        self._ordered_rows = self._alive is None and bool(
            len(self._order) < 2 or np.all(self._order[1:] > self._order[:-1])
        )
        self._cache = cache or _Cache(TICKETS_CACHED)
        self._ids_sorted: Array | None = None
        self._lock = threading.Lock()

    def _listing_order(self) -> Array:
        """Rows in listing order, as int32 (4 bytes a ticket). Generated rows usually are in
        listing order already: that is checked on the first key alone, without copying it."""
        if self._alive is None:
            rows = np.arange(len(self._table), dtype=np.int32)
        else:
            rows = np.flatnonzero(self._alive).astype(np.int32)
        keys = self._table.spec.order
        if not keys or len(rows) < 2:
            return rows
        name, descending = keys[0]
        column = self._table.arrays[name]
        first = column if self._alive is None else column[rows]
        ordered = first[1:] < first[:-1] if descending else first[1:] > first[:-1]
        if bool(np.all(ordered)):  # strictly, so later keys never decide
            return rows
        return rows[np.lexsort(self._table.sort_keys(keys, rows))]

    # reading

    def __len__(self) -> int:
        return len(self._order)

    def all(self) -> Selection[T]:
        return Selection(self, self._order)

    @property
    def columns(self) -> ColumnView:
        return ColumnView(self._table)

    def values_of(self, attribute: str) -> frozenset[Hashable]:
        """Every value column ``attribute`` takes among the tickets (what a lookup list shows)."""
        codes = np.unique(self._table.arrays[attribute][self._order])
        return frozenset(self._table.value(attribute, code) for code in codes)

    def get(self, ticket_id: Hashable) -> T | None:
        position = self.position_of(ticket_id)
        return None if position is None else self.ticket(position)

    def position_of(self, ticket_id: Hashable) -> int | None:
        """The row of ``ticket_id`` among the tickets (None: no such ticket)."""
        try:
            extra = self._extra_ids.get(ticket_id)
        except TypeError:  # an unhashable id names no ticket
            return None
        if extra is not None:
            return extra
        key = self._table.spec.key(ticket_id)
        if key is None or self._count == 0:
            return None
        ids = self._table.arrays[self._table.spec.id][: self._count]
        ordered = self._sorted_ids(ids)
        try:
            at = int(np.searchsorted(ids, key, sorter=ordered))
        except OverflowError:  # an id past the column's range names no generated ticket
            return None
        if at >= len(ordered) or ids[ordered[at]] != key:
            return None
        row = int(ordered[at])
        return row if self._alive is None or self._alive[row] else None

    def ticket(self, row: int) -> T:
        """The ticket in ``row``, built (and cached) if it is a generated one."""
        if row >= self._count:
            return self._extras[row - self._count]
        found = self._cache.get(row)
        if found is None:
            table = self._table
            values = {name: table.value(name, table.arrays[name][row]) for name in table.names()}
            found = self._cache.put(row, self._make(row, values))
        return found

    def select(self, criteria: Sequence[Criterion]) -> Selection[T]:
        """Tickets meeting every criterion, in listing order."""
        mask: Array | None = None
        residual: list[Callable[[Any], bool]] = []
        view = ColumnView(self._table)
        for criterion in criteria:
            found = self._column_mask(criterion, view)
            if found is None:
                residual.append(_as_predicate(criterion))
            else:
                mask = found if mask is None else mask & found
        if mask is None:
            rows = self._order
        elif self._ordered_rows:
            rows = np.flatnonzero(mask)
        else:
            rows = self._order[mask[self._order]]
        if residual:
            keep = [all(test(self.ticket(int(r))) for test in residual) for r in rows]
            rows = rows[np.asarray(keep, bool)] if len(rows) else rows
        return Selection(self, rows)

    def _column_mask(self, criterion: Criterion, view: ColumnView) -> Array | None:
        if isinstance(criterion, Mask):
            return np.asarray(criterion.test(view), bool)
        if isinstance(criterion, AnyOf) and criterion.attribute in self._table.arrays:
            return view.isin(criterion.attribute, criterion.values)
        if isinstance(criterion, Range) and criterion.attribute in self._table.arrays:
            return view.between(criterion.attribute, criterion.low, criterion.high)
        return None

    # changing (a new store each time; this one stays as it is)

    def overlaid(self, added: Mapping[Hashable, T], hidden: Collection[Hashable]) -> TicketStore[T]:
        """These tickets without ``hidden`` and without those ``added`` replaces, plus ``added``:
        a runtime overlay's effective set, each added ticket where listing order puts it."""
        shadowed = set(added) | set(hidden)
        id_name = self._table.spec.id
        if self._order_key is not None:
            kept = [t for t in self.all() if getattr(t, id_name) not in shadowed]
            return TicketStore(
                [*kept, *added.values()],
                order_key=self._order_key,
                indexed=list(self._table.arrays),
                id_attribute=id_name,
            )
        gone = np.zeros(self._count, bool)
        if self._alive is not None:
            gone |= ~self._alive[: self._count]
        for ticket_id in shadowed:
            row = self.position_of(ticket_id)
            if row is not None and row < self._count:
                gone[row] = True
        extras = [t for t in self._extras if getattr(t, id_name) not in shadowed]
        store: TicketStore[T] = TicketStore.__new__(TicketStore)
        store._order_key = None
        store._setup(
            self._generated, self._count, self._make, [*extras, *added.values()], gone, self._cache
        )
        return store

    def _sorted_ids(self, ids: Array) -> Array:
        with self._lock:
            if self._ids_sorted is None:
                self._ids_sorted = np.argsort(ids, kind="stable")
            return self._ids_sorted


class Selection(Sequence[T]):
    """Tickets of a store, by row, in a chosen order; built only when read."""

    def __init__(self, store: TicketStore[T], rows: Array) -> None:
        self.store = store
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self.store.ticket(int(r)) for r in self.rows[index]]
        return self.store.ticket(int(self.rows[index]))

    def __iter__(self) -> Iterator[T]:
        for row in self.rows:
            yield self.store.ticket(int(row))

    def column(self, name: str) -> Array:
        """Column ``name``'s stored values for these tickets, in this order."""
        return self.store.columns[name][self.rows]

    def sorted_by(self, keys: Sequence[tuple[str, bool]]) -> Selection[T]:
        """These tickets sorted by ``(column, descending)`` keys, most significant first; ties
        keep their current order (a stable sort)."""
        if not keys or len(self.rows) < 2:
            return self
        order = np.lexsort(self.store._table.sort_keys(keys, self.rows))
        return Selection(self.store, self.rows[order])


class _Cache(Generic[T]):
    """Built tickets by row, least recently used out first."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[int, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, row: int) -> T | None:
        with self._lock:
            found = self._items.get(row)
            if found is not None:
                self._items.move_to_end(row)
            return found

    def put(self, row: int, ticket: T) -> T:
        with self._lock:
            self._items[row] = ticket
            if len(self._items) > self._size:
                self._items.popitem(last=False)
        return ticket


def _no_generated(index: int, row: Mapping[str, Any]) -> Any:
    raise IndexError(index)


def _as_predicate(criterion: Criterion) -> Callable[[Any], bool]:
    if isinstance(criterion, Where):
        return criterion.test
    if isinstance(criterion, AnyOf):
        attribute, values = criterion.attribute, frozenset(criterion.values)
        return lambda ticket: getattr(ticket, attribute) in values
    if isinstance(criterion, Range):
        return lambda ticket: _within(getattr(ticket, criterion.attribute), criterion)
    raise TypeError(criterion)


def _within(value: Any, criterion: Range) -> bool:
    if value is None:
        return False
    low, high = criterion.low, criterion.high
    return (low is None or value >= low) and (high is None or value <= high)


def _bound(value: Any) -> float:
    return value.timestamp() if isinstance(value, datetime) else float(value)


def _fits(value: float, dtype: np.dtype[Any]) -> bool:
    """Whether ``value`` can be in a column of ``dtype`` (a 70-bit id names no ticket)."""
    if dtype.kind in "iu":
        if isinstance(value, float) and not value.is_integer():
            return False
        limits = np.iinfo(dtype)
        return bool(limits.min <= value <= limits.max)
    return True
