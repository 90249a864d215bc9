"""A pinned ticket, written in the vendor's own response shape, read back into the same ticket
type the generator builds: a fixture is a pasted response item."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from marshmallow import Schema, ValidationError, fields, post_load, validate, validates_schema

from mockdesk.core.fields import UtcDateTime
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


def _ulid_id(prefix: str) -> validate.Regexp:
    return validate.Regexp(re.compile(rf"{prefix}_[{CROCKFORD}]{{26}}"))


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
    sentAt = UtcDateTime(required=True, attribute="sent_at")
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
    createdAt = UtcDateTime(required=True, attribute="created_at")  # listing order needs it
    updatedAt = UtcDateTime(required=True, allow_none=True, attribute="updated_at")
    lastMessageAt = UtcDateTime(required=True, allow_none=True, attribute="last_message_at")
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
