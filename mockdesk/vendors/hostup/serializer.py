"""HostUp tickets to and from the shapes of ``GET /api/v2/support/tickets[/{id}]``.

``serialize`` is the list summary, fields in the seed example's order (no body, attachments or
messages); ``serialize_detail`` adds ``body``, ``attachments`` and ``messages``. ``load_fixture``
reads a detail response back: a fixture is a pasted ``GET /tickets/{id}`` body.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from marshmallow import Schema, ValidationError, fields, post_load, validate, validates_schema

from mockdesk.vendors.hostup.data import (
    CROCKFORD,
    PRIORITIES,
    SENDERS,
    STATUSES,
    Attachment,
    Catalog,
    LinkedService,
    Message,
    Ticket,
)

ATTACHMENT_PATH = "api/v2/support/attachments"


def timestamp(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC with milliseconds and ``Z``, as every HostUp example writes it."""
    if moment is None:
        return None
    utc = moment.astimezone(UTC)
    return f"{utc:%Y-%m-%dT%H:%M:%S}.{utc.microsecond // 1000:03d}Z"


def serialize(ticket: Ticket) -> dict[str, Any]:
    return {
        "id": ticket.id,
        "number": ticket.number,
        "subject": ticket.subject,
        "status": ticket.status,
        "priority": ticket.priority,
        "departmentSlug": ticket.department_slug,
        "departmentName": ticket.department_name,
        "createdAt": timestamp(ticket.created_at),
        "updatedAt": timestamp(ticket.updated_at),
        "lastMessageAt": timestamp(ticket.last_message_at),
        "ccEmails": list(ticket.cc_emails),
        "requesterName": ticket.requester_name,
        "messageCount": ticket.message_count,
        "linkedServices": [_service(service) for service in ticket.linked_services],
    }


def serialize_detail(ticket: Ticket, root_url: str) -> dict[str, Any]:
    """The summary plus the conversation; ``root_url`` makes download links point back here."""

    def attachment(item: Attachment) -> dict[str, Any]:
        return {
            "id": item.id,
            "filename": item.filename,
            "contentType": item.content_type,
            "byteLength": item.byte_length,
            "downloadUrl": f"{root_url}{ATTACHMENT_PATH}/{item.id}?ticketId={ticket.id}",
        }

    return {
        **serialize(ticket),
        "body": ticket.body,
        "attachments": [attachment(item) for item in ticket.attachments],
        "messages": [
            {
                "id": message.id,
                "ticketId": ticket.id,
                "sentAt": timestamp(message.sent_at),
                "body": message.body,
                "sender": message.sender,
                "senderName": message.sender_name,
                "encrypted": message.encrypted,
                "attachments": [attachment(item) for item in message.attachments],
            }
            for message in ticket.messages
        ],
    }


def _service(service: LinkedService) -> dict[str, Any]:
    details = service.details
    return {
        "serviceType": service.service_type,
        "serviceId": service.service_id,
        "serviceName": service.service_name,
        "details": None
        if details is None
        else {k: timestamp(v) if isinstance(v, datetime) else v for k, v in details.items()},
    }


def _ulid_id(prefix: str) -> validate.Regexp:
    return validate.Regexp(re.compile(rf"{prefix}_[{CROCKFORD}]{{26}}"))


class _Time(fields.AwareDateTime):
    def __init__(self, **kw: Any) -> None:
        super().__init__(default_timezone=UTC, **kw)


class _AttachmentSchema(Schema):
    id = fields.String(required=True, validate=_ulid_id("tatt"))
    filename = fields.String(required=True)
    contentType = fields.String(required=True, attribute="content_type")
    byteLength = fields.Integer(required=True, strict=True, attribute="byte_length")
    downloadUrl = fields.String()  # derived from where the server runs, so not kept

    @post_load
    def _make(self, data: dict[str, Any], **kw: Any) -> Attachment:
        data.pop("downloadUrl", None)
        return Attachment(**data)


class _MessageSchema(Schema):
    id = fields.String(required=True, validate=_ulid_id("tmsg"))
    ticketId = fields.String()
    sentAt = _Time(required=True, attribute="sent_at")
    body = fields.String(required=True)
    sender = fields.String(required=True, validate=validate.OneOf(SENDERS))
    senderName = fields.String(required=True, allow_none=True, attribute="sender_name")
    encrypted = fields.Boolean(required=True, truthy={True}, falsy={False})
    attachments = fields.List(fields.Nested(_AttachmentSchema), required=True)

    @post_load
    def _make(self, data: dict[str, Any], **kw: Any) -> Message:
        data.pop("ticketId", None)
        data["attachments"] = tuple(data["attachments"])
        return Message(**data)


class _ServiceSchema(Schema):
    serviceType = fields.String(required=True, attribute="service_type")
    serviceId = fields.String(required=True, allow_none=True, attribute="service_id")
    serviceName = fields.String(required=True, allow_none=True, attribute="service_name")
    details = fields.Dict(required=True, allow_none=True)

    @post_load
    def _make(self, data: dict[str, Any], **kw: Any) -> LinkedService:
        return LinkedService(**data)


class TicketSchema(Schema):
    """A detail response; every summary field is required, as the docs mark them."""

    id = fields.String(required=True, validate=_ulid_id("tkt"))
    number = fields.String(required=True, validate=validate.Regexp(r"\d+"))
    subject = fields.String(required=True, allow_none=True)
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    priority = fields.String(required=True, validate=validate.OneOf(PRIORITIES))
    departmentSlug = fields.String(required=True, attribute="department_slug")
    departmentName = fields.String(required=True, allow_none=True, attribute="department_name")
    createdAt = _Time(required=True, attribute="created_at")  # listing order needs it
    updatedAt = _Time(required=True, allow_none=True, attribute="updated_at")
    lastMessageAt = _Time(required=True, allow_none=True, attribute="last_message_at")
    ccEmails = fields.List(fields.Email(), required=True, attribute="cc_emails")
    requesterName = fields.String(required=True, allow_none=True, attribute="requester_name")
    messageCount = fields.Integer(required=True, strict=True, attribute="message_count")
    linkedServices = fields.List(
        fields.Nested(_ServiceSchema), required=True, attribute="linked_services"
    )
    body = fields.String(required=True, allow_none=True)
    attachments = fields.List(fields.Nested(_AttachmentSchema), required=True)
    messages = fields.List(fields.Nested(_MessageSchema), required=True)

    @validates_schema
    def _coherent(self, data: dict[str, Any], **kw: Any) -> None:
        if data["message_count"] != len(data["messages"]):
            raise ValidationError("must equal the number of messages", "messageCount")
        sent = [a.id for m in data["messages"] for a in m.attachments]
        if [a.id for a in data["attachments"]] != sent:
            raise ValidationError("must list the messages' attachments in order", "attachments")


def load_fixture(raw: Mapping[str, Any], catalog: Catalog) -> Ticket:
    data = TicketSchema().load(raw)
    if catalog.department(data["department_slug"]) is None:
        slugs = ", ".join(d.slug for d in catalog.departments)
        raise ValidationError({"departmentSlug": [f"must be one of: {slugs}"]})
    for derived in ("message_count", "attachments"):
        del data[derived]
    data["cc_emails"] = tuple(data["cc_emails"])
    data["linked_services"] = tuple(data["linked_services"])
    data["messages"] = tuple(data["messages"])
    return Ticket(**data)
