"""The query parameters of ``GET /api/v2/support/tickets`` (bounds, defaults and the filters)
and of the attachment download (``ticketId``).

``departmentSlug`` is checked against the departments the data holds (see pagination), so this
schema only reads it; ``status`` takes the six filterable states (``unknown`` is rejected).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mockdesk.core.errors import ProblemKind
from mockdesk.core.query import Choice, Integer, QueryField, QuerySchema, Text, refuse
from mockdesk.core.store import AnyOf, Criterion
from mockdesk.vendors.hostup.data import FILTER_STATUSES
from mockdesk.vendors.hostup.data import TICKET_ID as TICKET_ID

FILTERS = {"status": "status", "departmentSlug": "department_slug"}  # parameter -> attribute
TICKET_ID_FORMAT = "`ticketId` must be a support ticket ID (tkt_...)."


class TicketQuery(QuerySchema):
    limit = Integer(minimum=1, maximum=100, load_default=20)
    cursor = Text()
    status = Choice(FILTER_STATUSES)
    departmentSlug = Text()


def filters(query: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters that decide which tickets match: what a cursor is bound to."""
    return {name: query[name] for name in FILTERS if name in query}


def criteria(query: Mapping[str, Any]) -> Sequence[Criterion]:
    """Both filters are categorical columns (uint8 codes): one vectorised equality each."""
    return [AnyOf(FILTERS[name], {value}) for name, value in filters(query).items()]


class TicketReference(QueryField):
    """``ticketId`` of an attachment download: a public ``tkt_`` id. Empty is missing (the
    docs: "Missing or invalid ticketId query parameter"), anything else malformed."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> str:
        if value == "":
            raise refuse(ProblemKind.REQUIRED)
        if not TICKET_ID.fullmatch(value):
            raise refuse(ProblemKind.INVALID, message=TICKET_ID_FORMAT)
        return str(value)


class AttachmentQuery(QuerySchema):
    """``GET /api/v2/support/attachments/{id}``: ``ticketId`` is required."""

    ticketId = TicketReference(required=True)
