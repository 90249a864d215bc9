"""One vendor's data for one seed: the ticket store, its catalog, and its encoded tickets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mockdesk.core.encoding import RenderCache
from mockdesk.core.fixtures import PinnedTicket, load_all
from mockdesk.core.seeding import SeededFaker
from mockdesk.core.store import TicketStore

if TYPE_CHECKING:
    from mockdesk.core.vendor import DataSpec


@dataclass(frozen=True)
class Dataset:
    """One vendor's data for one seed: the ticket store, the related entities it points at,
    and the cache of its tickets' encoded JSON."""

    store: TicketStore[Any]
    catalog: Any
    rendered: RenderCache = field(default_factory=RenderCache)


def build_dataset(
    data: DataSpec, vendor: str, seed: int, count: int, pinned: Sequence[PinnedTicket] = ()
) -> Dataset:
    """Generate ``count`` tickets, then let ``pinned`` fixture tickets replace or join them."""
    fakers = SeededFaker(seed, vendor, data.locales)
    catalog = data.catalog(fakers.for_key("catalog"))
    tickets = {}
    for index in range(count):
        ticket = data.generate(fakers.for_key(index), index, catalog)
        tickets[ticket.id] = ticket
    for ticket in load_all(pinned, data.load_fixture, catalog):
        tickets[ticket.id] = ticket
    store = TicketStore(tickets.values(), order_key=data.order_key, indexed=data.indexed)
    return Dataset(store, catalog)
