"""29next tickets to and from the spec's ``Ticket`` shape.

``serialize`` renders keys in the order of the published example (alphabetical, as
drf-spectacular lists them) and times as DRF does: ISO 8601 with ``Z`` for UTC.
``load_fixture`` reads that shape back; ``products`` and ``tags`` must name the store's
entities (the filters look them up by id), and a requester's email comes from the catalog.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from mockdesk.vendors.nextcommerce.data import (
    Comment,
    Ticket,
    TicketType,
)


def timestamp(moment: datetime) -> str:
    """DRF's ``DateTimeField``: ``isoformat()`` with ``+00:00`` written as ``Z``."""
    text = moment.astimezone(UTC).isoformat()
    return text.removesuffix("+00:00") + "Z"


def serialize(ticket: Ticket) -> dict[str, Any]:
    return {
        "assignee": ticket.assignee,
        "channel": ticket.channel,
        "comments": [_comment(comment) for comment in ticket.comments],
        "created_at": timestamp(ticket.created_at),
        "from_email": ticket.from_email,
        "id": ticket.id,
        "order": ticket.order,
        "priority": ticket.priority,
        "products": list(ticket.products),
        "requester": ticket.requester,
        "status": ticket.status,
        "subject": ticket.subject,
        "tags": list(ticket.tags),
        "ticket_type": ticket.ticket_type,
        "updated_at": timestamp(ticket.updated_at),
    }


def _comment(comment: Comment) -> dict[str, Any]:
    return {
        "attachments": [
            {"file": a.file, "file_name": a.file_name, "id": a.id} for a in comment.attachments
        ],
        "author": comment.author,
        "body": comment.body,
        "created_at": timestamp(comment.created_at),
        "from_email": comment.from_email,
        "id": comment.id,
        "is_public": comment.is_public,
    }


def serialize_ticket_type(row: TicketType) -> dict[str, Any]:
    """``TicketType``: ``{"id", "name"}``, both required."""
    return {"id": row.id, "name": row.name}
