"""Sendcloud tickets to and from the ``TicketResponse`` shape of the published spec.

``serialize`` renders a ticket exactly as the docs show it (``+00:00`` offsets, field order of
the example); ``load_fixture`` reads the same shape back, so a fixture is a pasted response item.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from marshmallow import Schema, fields, post_load, validate

from mockdesk.vendors.sendcloud.data import (
    DATA_TYPES,
    OUTCOMES,
    STAGE_OF_STATUS,
    STATUSES,
    TYPES,
    RequestedAction,
    Resolution,
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


class _AwareDateTime(fields.AwareDateTime):
    def __init__(self, **kw: Any) -> None:
        super().__init__(default_timezone=UTC, **kw)


class _RequestedActionSchema(Schema):
    id = fields.Integer(required=True, strict=True)
    data_type = fields.String(required=True, validate=validate.OneOf(DATA_TYPES))
    created_at = _AwareDateTime(required=True)

    @post_load
    def _make(self, data: dict[str, Any], **kw: Any) -> RequestedAction:
        return RequestedAction(**data)


class _ResolutionSchema(Schema):
    outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES))
    amount = fields.Float(load_default=None, allow_none=True)
    currency = fields.String(load_default=None, allow_none=True, validate=validate.Length(equal=3))
    solved_at = _AwareDateTime(load_default=None, allow_none=True)

    @post_load
    def _make(self, data: dict[str, Any], **kw: Any) -> Resolution:
        return Resolution(**data)


class TicketSchema(Schema):
    """One ``TicketResponse``; required fields as the spec requires them."""

    id = fields.Integer(required=True, strict=True)
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    stage = fields.String(
        required=True, validate=validate.OneOf(sorted(set(STAGE_OF_STATUS.values())))
    )
    type = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(TYPES))
    parcel_id = fields.Integer(load_default=None, allow_none=True, strict=True)
    carrier = fields.String(load_default=None, allow_none=True)
    order_number = fields.String(load_default=None, allow_none=True)
    brand_id = fields.Integer(load_default=None, allow_none=True, strict=True)
    created_at = _AwareDateTime(required=True)
    updated_at = _AwareDateTime(load_default=None, allow_none=True)
    requested_actions = fields.List(fields.Nested(_RequestedActionSchema), required=True)
    resolution = fields.Nested(_ResolutionSchema, load_default=None, allow_none=True)

    @post_load
    def _make(self, data: dict[str, Any], **kw: Any) -> Ticket:
        data["requested_actions"] = tuple(data["requested_actions"])
        return Ticket(**data)


def load_fixture(raw: Mapping[str, Any], catalog: Any) -> Ticket:
    return TicketSchema().load(raw)
