"""A pinned ticket, written in the vendor's own response shape, read back into the same ticket
type the generator builds: a fixture is a pasted response item."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marshmallow import Schema, fields, post_load, validate

from mockdesk.core.fields import UtcDateTime
from mockdesk.vendors.nextcommerce.data import (
    CHANNELS,
    INT32,
    PRIORITIES,
    PRODUCTS,
    STATUSES,
    TAG_IDS,
    TICKET_TYPES,
    Attachment,
    Catalog,
    Comment,
    Ticket,
)


def _optional_int() -> fields.Integer:
    """A user id: Django's 32-bit integer key (the store's int32 columns hold it)."""
    return fields.Integer(
        load_default=None, allow_none=True, strict=True, validate=validate.Range(0, INT32[1])
    )


class _AttachmentSchema(Schema):
    id = fields.Integer(required=True, strict=True)
    file = fields.Url(required=True)
    file_name = fields.String(required=True, validate=validate.Length(max=255))

    @post_load
    def _make(self, data: dict[str, Any], **kw: Any) -> Attachment:
        return Attachment(**data)


class _CommentSchema(Schema):
    """The spec requires ``id`` and ``attachments``; the rest may be left out."""

    attachments = fields.List(fields.Nested(_AttachmentSchema), required=True)
    author = _optional_int()
    body = fields.String(load_default=None, allow_none=True)
    created_at = UtcDateTime(required=True)
    from_email = fields.Email(load_default=None, allow_none=True)
    id = fields.Integer(required=True, strict=True)
    is_public = fields.Boolean(load_default=True)

    @post_load
    def _make(self, data: dict[str, Any], **kw: Any) -> Comment:
        return Comment(**data | {"attachments": tuple(data["attachments"])})


class TicketSchema(Schema):
    """One ``Ticket``; required as the spec requires (comments, created_at, id, order, tags,
    updated_at), the rest defaulted the way the generator leaves an unset field."""

    assignee = _optional_int()
    channel = fields.String(load_default="api", validate=validate.OneOf(CHANNELS))
    comments = fields.List(fields.Nested(_CommentSchema), required=True)
    created_at = UtcDateTime(required=True)
    from_email = fields.Email(load_default=None, allow_none=True)
    id = fields.Integer(required=True, strict=True, validate=validate.Range(*INT32))
    order = fields.String(required=True)
    priority = fields.String(load_default="medium", validate=validate.OneOf(PRIORITIES))
    products = fields.List(
        fields.Integer(strict=True, validate=validate.OneOf(tuple(PRODUCTS))), load_default=list
    )
    requester = _optional_int()
    status = fields.String(load_default="new", validate=validate.OneOf(STATUSES))
    subject = fields.String(load_default="")
    tags = fields.List(fields.String(validate=validate.OneOf(tuple(TAG_IDS))), required=True)
    ticket_type = fields.Integer(  # one of GET /tickettypes/, so every reference resolves
        load_default=None, allow_none=True, strict=True, validate=validate.OneOf(TICKET_TYPES)
    )
    updated_at = UtcDateTime(required=True)


def load_fixture(raw: Mapping[str, Any], catalog: Catalog) -> Ticket:
    data = TicketSchema().load(raw)
    return Ticket(
        **data
        | {
            "comments": tuple(data["comments"]),
            "products": tuple(data["products"]),
            "tags": tuple(data["tags"]),
            "requester_email": catalog.email_of(data["requester"]),
        }
    )
