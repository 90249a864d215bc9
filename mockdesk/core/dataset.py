"""One vendor's data for one seed: the ticket store, its catalog, and its encoded tickets.

A vendor's :class:`~mockdesk.core.columns.ColumnSpec` gives columns for every ticket, built in
chunks (so a build can report progress and let a server answer its health check); its tickets
are built only when read.

``advance(n)`` hears that ``n`` tickets' columns are built (progress for the terminal and
the health check). ``shift`` moves the whole generated timeline (``--epoch``): tickets are
generated against the fixed data epoch, so their bytes never depend on the day, and then
every datetime in them, in their columns and in the catalog moves by the same amount. Pinned
fixture tickets say their own times and do not move.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from mockdesk.core.columns import Array, ColumnSpec, Table, check_storable
from mockdesk.core.encoding import RenderCache
from mockdesk.core.fixtures import PinnedTicket, load_all
from mockdesk.core.lanes import Lanes
from mockdesk.core.seeding import SeededFaker
from mockdesk.core.store import TicketStore
from mockdesk.core.timeline import shifted

if TYPE_CHECKING:
    from mockdesk.core.vendor import DataSpec

CHUNK = 65_536  # rows per column build step: progress and other requests get a turn between


@dataclass(frozen=True)
class Dataset:
    """One vendor's data for one seed: the ticket store, the related entities it points at,
    and the cache of its tickets' encoded JSON."""

    store: TicketStore[Any]
    catalog: Any
    rendered: RenderCache = field(default_factory=RenderCache)


def build_dataset(
    data: DataSpec,
    vendor: str,
    seed: int,
    count: int,
    pinned: Sequence[PinnedTicket] = (),
    *,
    shift: timedelta = timedelta(0),
    advance: Callable[[int], None] | None = None,
) -> Dataset:
    """``count`` generated tickets (``pinned`` fixture tickets replace or join them)."""
    fakers = SeededFaker(seed, vendor, data.locales)
    catalog = data.catalog(fakers.for_key("catalog"))
    lanes = Lanes(seed, vendor)
    arrays = build_columns(data.columns, lanes, catalog, count, advance)
    store = _columnar_store(data, data.columns, fakers, catalog, arrays, shift)
    fixtures = {t.id: t for t in load_all(pinned, data.load_fixture, catalog)}
    if fixtures:
        store = store.overlaid(fixtures, ())
    return Dataset(store, shifted(catalog, shift))


def check_fixtures(data: DataSpec, vendor: str, seed: int, pinned: Sequence[PinnedTicket]) -> None:
    """Load ``pinned`` as a build would, raising ``FixtureError`` now rather than at the first
    request (a catalog is cheap; the tickets are not built)."""
    if pinned:
        catalog = data.catalog(SeededFaker(seed, vendor, data.locales).for_key("catalog"))
        for ticket in load_all(pinned, data.load_fixture, catalog):
            check_storable(data.columns, ticket)


def build_columns(
    spec: ColumnSpec,
    lanes: Lanes,
    catalog: Any,
    count: int,
    advance: Callable[[int], None] | None = None,
) -> dict[str, Array]:
    """Every column for tickets ``0 … count-1``, a chunk at a time, written into arrays made
    once (concatenating chunks would hold every column twice at the peak)."""
    first = spec.build(lanes, np.arange(min(count, CHUNK) or 1, dtype=np.int64), catalog)
    arrays = {name: np.empty(count, dtype=array.dtype) for name, array in first.items()}
    for start in range(0, count, CHUNK):
        stop = min(count, start + CHUNK)
        chunk = first if start == 0 else spec.build(lanes, np.arange(start, stop), catalog)
        for name, array in arrays.items():
            array[start:stop] = chunk[name]
        if advance is not None:
            advance(stop)
        time.sleep(0)  # under gevent, lets the worker answer /health between chunks
    return arrays


def _columnar_store(
    data: DataSpec,
    spec: ColumnSpec,
    fakers: SeededFaker,
    catalog: Any,
    arrays: dict[str, Array],
    shift: timedelta,
) -> TicketStore[Any]:
    seconds = shift.total_seconds()
    for name in spec.times:
        arrays[name] = arrays[name] + seconds if seconds else arrays[name]
    lock = threading.Lock()  # one Faker, re-seeded per ticket: build one ticket at a time

    def make(index: int, row: Mapping[str, Any]) -> Any:
        unshifted = {k: v - seconds if k in spec.times else v for k, v in row.items()}
        with lock:
            ticket = data.generate(fakers.for_key(index), index, catalog, unshifted)
        return shifted(ticket, shift)

    return TicketStore.columnar(Table(spec, arrays), make)
