"""Sendcloud tickets to and from the ``TicketResponse`` shape of the published spec.

``serialize`` renders a ticket exactly as the docs show it (``+00:00`` offsets, field order of
the example); ``load_fixture`` reads the same shape back, so a fixture is a pasted response item.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from mockdesk.vendors.sendcloud.data import (
    Ticket,
)


def timestamp(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


def serialize(ticket: Ticket) -> dict[str, Any]:
    resolution = ticket.resolution
    return {
        "id": ticket.id,
        "status": ticket.status,
        "stage": ticket.stage,
        "type": ticket.type,
        "parcel_id": ticket.parcel_id,
        "carrier": ticket.carrier,
        "order_number": ticket.order_number,
        "brand_id": ticket.brand_id,
        "created_at": timestamp(ticket.created_at),
        "updated_at": timestamp(ticket.updated_at),
        "requested_actions": [
            {"id": a.id, "data_type": a.data_type, "created_at": timestamp(a.created_at)}
            for a in ticket.requested_actions
        ],
        "resolution": None
        if resolution is None
        else {
            "outcome": resolution.outcome,
            "amount": resolution.amount,
            "currency": resolution.currency,
            "solved_at": timestamp(resolution.solved_at),
        },
    }
