"""A pinned ticket, written in the vendor's own response shape, read back into the same ticket
type the generator builds: a fixture is a pasted response item."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marshmallow import Schema, fields, post_load, validate

from mockdesk.core.fields import UtcDateTime
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


class _RequestedActionSchema(Schema):
    id = fields.Integer(required=True, strict=True)
    data_type = fields.String(required=True, validate=validate.OneOf(DATA_TYPES))
    created_at = UtcDateTime(required=True)

    @post_load
    def _make(self, data: dict[str, Any], **kw: Any) -> RequestedAction:
        return RequestedAction(**data)


class _ResolutionSchema(Schema):
    outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES))
    amount = fields.Float(load_default=None, allow_none=True)
    currency = fields.String(load_default=None, allow_none=True, validate=validate.Length(equal=3))
    solved_at = UtcDateTime(load_default=None, allow_none=True)

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
    created_at = UtcDateTime(required=True)
    updated_at = UtcDateTime(load_default=None, allow_none=True)
    requested_actions = fields.List(fields.Nested(_RequestedActionSchema), required=True)
    resolution = fields.Nested(_ResolutionSchema, load_default=None, allow_none=True)

    @post_load
    def _make(self, data: dict[str, Any], **kw: Any) -> Ticket:
        data["requested_actions"] = tuple(data["requested_actions"])
        return Ticket(**data)


def load_fixture(raw: Mapping[str, Any], catalog: Any) -> Ticket:
    ticket: Ticket = TicketSchema().load(raw)
    return ticket
