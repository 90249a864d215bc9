"""29next tickets to and from the spec's ``Ticket`` shape.

``serialize`` renders keys in the order of the published example (alphabetical, as
drf-spectacular lists them) and times as DRF does: ISO 8601 with ``Z`` for UTC.
``load_fixture`` reads that shape back; ``products`` and ``tags`` must name the store's
entities (the filters look them up by id), and a requester's email comes from the catalog.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from marshmallow import Schema, fields, post_load, validate

from mockdesk.vendors.nextcommerce.data import (
    CHANNELS,
    PRIORITIES,
    PRODUCTS,
    STATUSES,
    TAG_IDS,
    Attachment,
    Catalog,
    Comment,
    Ticket,
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


class _AwareDateTime(fields.AwareDateTime):
    def __init__(self, **kw: Any) -> None:
        super().__init__(default_timezone=UTC, **kw)


def _optional_int() -> fields.Integer:
    return fields.Integer(load_default=None, allow_none=True, strict=True)


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
    created_at = _AwareDateTime(required=True)
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
    created_at = _AwareDateTime(required=True)
    from_email = fields.Email(load_default=None, allow_none=True)
    id = fields.Integer(required=True, strict=True)
    order = fields.String(required=True)
    priority = fields.String(load_default="medium", validate=validate.OneOf(PRIORITIES))
    products = fields.List(
        fields.Integer(strict=True, validate=validate.OneOf(tuple(PRODUCTS))), load_default=list
    )
    requester = _optional_int()
    status = fields.String(load_default="new", validate=validate.OneOf(STATUSES))
    subject = fields.String(load_default="")
    tags = fields.List(fields.String(validate=validate.OneOf(tuple(TAG_IDS))), required=True)
    ticket_type = _optional_int()
    updated_at = _AwareDateTime(required=True)


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
