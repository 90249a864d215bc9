"""An immutable, ordered snapshot of one vendor's tickets, with the indexes its filters need.

Equality filters on indexed attributes are answered from the index (positions kept in listing
order), so an unfiltered or index-filtered page costs O(matches), never a sort. Anything else is
a predicate applied to the candidates that remain.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class AnyOf:
    """``attribute`` equals one of ``values`` (a one-element set is plain equality)."""

    attribute: str
    values: Collection[Hashable]


@dataclass(frozen=True)
class Where:
    """Any other condition, as a predicate over one ticket."""

    test: Callable[[Any], bool]


Criterion = AnyOf | Where


class TicketStore(Generic[T]):
    """Tickets in listing order, looked up by id or by indexed attribute."""

    def __init__(
        self,
        tickets: Iterable[T],
        *,
        order_key: Callable[[T], Any],
        indexed: Iterable[str] = (),
        id_attribute: str = "id",
    ) -> None:
        self._tickets: tuple[T, ...] = tuple(sorted(tickets, key=order_key))
        self._by_id = {getattr(t, id_attribute): t for t in self._tickets}
        self._indexes: dict[str, dict[Hashable, list[int]]] = {}
        for attribute in indexed:
            index: dict[Hashable, list[int]] = defaultdict(list)
            for position, ticket in enumerate(self._tickets):
                index[getattr(ticket, attribute)].append(position)
            self._indexes[attribute] = dict(index)

    def __len__(self) -> int:
        return len(self._tickets)

    def all(self) -> Sequence[T]:
        return self._tickets

    def values_of(self, attribute: str) -> frozenset[Hashable]:
        """Every value an indexed ``attribute`` takes in the store (what a lookup list shows)."""
        return frozenset(self._indexes[attribute])

    def get(self, ticket_id: Hashable) -> T | None:
        return self._by_id.get(ticket_id)

    def select(self, criteria: Sequence[Criterion]) -> Sequence[T]:
        """Tickets meeting every criterion, in listing order."""
        positions: list[int] | None = None
        residual: list[Callable[[Any], bool]] = []
        for criterion in criteria:
            if isinstance(criterion, AnyOf) and criterion.attribute in self._indexes:
                found = self._positions(criterion)
                positions = found if positions is None else _intersect(positions, found)
            elif isinstance(criterion, AnyOf):
                residual.append(_membership(criterion))
            else:
                residual.append(criterion.test)
        candidates: Sequence[T] = (
            self._tickets if positions is None else [self._tickets[p] for p in positions]
        )
        if not residual:
            return candidates
        return [t for t in candidates if all(test(t) for test in residual)]

    def _positions(self, criterion: AnyOf) -> list[int]:
        index = self._indexes[criterion.attribute]
        if len(criterion.values) == 1:
            return index.get(next(iter(criterion.values)), [])
        merged: set[int] = set()
        for value in criterion.values:
            merged.update(index.get(value, ()))
        return sorted(merged)


def _intersect(left: list[int], right: list[int]) -> list[int]:
    keep = set(right)
    return [p for p in left if p in keep]


def _membership(criterion: AnyOf) -> Callable[[Any], bool]:
    attribute, values = criterion.attribute, frozenset(criterion.values)
    return lambda ticket: getattr(ticket, attribute) in values
