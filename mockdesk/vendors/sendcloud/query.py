"""The query parameters of ``GET /dsf/tickets``, with the spec's bounds and defaults.

The spec sets no maximum on ``page`` nor any bound on ``parcel_id``, and FastAPI reads both
into Python's unbounded ``int``: a value past 64 bits is a page past the last (200, no items)
or a parcel no ticket has, never a 400 (``Integer(unbounded=True)``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mockdesk.core.query import Choice, DateTime, Integer, QuerySchema, Text
from mockdesk.core.store import AnyOf, Criterion, Range
from mockdesk.vendors.sendcloud.data import STATUSES


class TicketQuery(QuerySchema):
    page = Integer(minimum=1, load_default=1, unbounded=True)
    size = Integer(minimum=1, maximum=20, load_default=15)
    status = Choice(STATUSES)
    parcel_id = Integer(unbounded=True)
    carrier = Text()
    created_after = DateTime()
    created_before = DateTime()


def criteria(query: Mapping[str, Any]) -> Sequence[Criterion]:
    """Filters as the docs word them: exact matches, and inclusive date bounds."""
    found: list[Criterion] = [
        AnyOf(name, {query[name]}) for name in ("status", "parcel_id", "carrier") if name in query
    ]
    if "created_after" in query or "created_before" in query:
        found.append(Range("created_at", query.get("created_after"), query.get("created_before")))
    return found
