"""The query parameters of ``GET /api/v2/support/tickets``: bounds, defaults and the filters.

``departmentSlug`` is checked against the departments the data holds (see pagination), so this
schema only reads it; ``status`` takes the six filterable states (``unknown`` is rejected).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mockdesk.core.query import Choice, Integer, QuerySchema, Text
from mockdesk.core.store import AnyOf, Criterion
from mockdesk.vendors.hostup.data import FILTER_STATUSES

FILTERS = {"status": "status", "departmentSlug": "department_slug"}  # parameter -> attribute


class TicketQuery(QuerySchema):
    limit = Integer(minimum=1, maximum=100, load_default=20)
    cursor = Text()
    status = Choice(FILTER_STATUSES)
    departmentSlug = Text()


def filters(query: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters that decide which tickets match: what a cursor is bound to."""
    return {name: query[name] for name in FILTERS if name in query}


def criteria(query: Mapping[str, Any]) -> Sequence[Criterion]:
    return [AnyOf(FILTERS[name], {value}) for name, value in filters(query).items()]
