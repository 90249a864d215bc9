"""HostUp tickets to and from the shapes of ``GET /api/v2/support/tickets[/{id}]``.

``serialize`` is the list summary, fields in the seed example's order (no body, attachments or
messages); ``serialize_detail`` adds ``body``, ``attachments`` and ``messages``. ``load_fixture``
reads a detail response back: a fixture is a pasted ``GET /tickets/{id}`` body.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from mockdesk.core.timeline import utc_millis
from mockdesk.vendors.hostup.data import (
    Attachment,
    LinkedService,
    Ticket,
)

ATTACHMENT_PATH = "api/v2/support/attachments"


def serialize(ticket: Ticket) -> dict[str, Any]:
    return {
        "id": ticket.id,
        "number": ticket.number,
        "subject": ticket.subject,
        "status": ticket.status,
        "priority": ticket.priority,
        "departmentSlug": ticket.department_slug,
        "departmentName": ticket.department_name,
        "createdAt": utc_millis(ticket.created_at),
        "updatedAt": utc_millis(ticket.updated_at),
        "lastMessageAt": utc_millis(ticket.last_message_at),
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
                "sentAt": utc_millis(message.sent_at),
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
        else {k: utc_millis(v) if isinstance(v, datetime) else v for k, v in details.items()},
    }
