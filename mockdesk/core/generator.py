"""Building blocks every vendor's data generator shares: a fixed timeline and gap-y ids.

Times hang off a fixed epoch, never the clock, so the same seed gives the same data on any day.
Ticket ``index`` 0 is the newest; both time and id fall as the index grows, as they do in a real
helpdesk whose ids come from an auto-increment column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from random import Random
from typing import TYPE_CHECKING, Any

from mockdesk.core.fixtures import PinnedTicket, load_pinned
from mockdesk.core.rendering import RenderCache
from mockdesk.core.seeding import SeededFaker
from mockdesk.core.store import TicketStore

if TYPE_CHECKING:
    from mockdesk.core.vendor import DataSpec

DATA_EPOCH = datetime(2026, 11, 1, 9, 0, 0, tzinfo=UTC)
TICKET_SPACING = timedelta(hours=3)


def created_at_for(rng: Random, index: int, spacing: timedelta = TICKET_SPACING) -> datetime:
    """When ticket ``index`` was opened: strictly older than ticket ``index - 1``."""
    jitter = timedelta(seconds=rng.randrange(int(spacing.total_seconds()) - 1))
    return DATA_EPOCH - spacing * index - jitter


def later(rng: Random, start: datetime, max_delta: timedelta) -> datetime:
    """A moment after ``start`` (by up to ``max_delta``), whole seconds, never past the epoch."""
    seconds = rng.randrange(60, max(61, int(max_delta.total_seconds())))
    return min(start + timedelta(seconds=seconds), DATA_EPOCH)


def id_for(rng: Random, index: int, top: int, gap: int = 3) -> int:
    """An id that falls with ``index`` and leaves gaps, like rows deleted from a live table."""
    return top - index * gap - rng.randrange(gap)


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
    for entry in pinned:
        ticket = load_pinned(entry, data.load_fixture, catalog)
        tickets[ticket.id] = ticket
    store = TicketStore(tickets.values(), order_key=data.order_key, indexed=data.indexed)
    return Dataset(store, catalog)
