"""What only a person can write about HostUp's document (HostUp publishes pages, not an OpenAPI
file); :mod:`mockdesk.openapi` derives the rest (parameters from ``query``, problem documents
from ``errors.render_error``, rate-limit headers, examples).

The ticket detail is the fixture schema (``fixtures.TicketSchema``: a pasted detail response),
the list summary the same less ``body``, ``attachments`` and ``messages``. ``departmentSlug``
is an enum of the slugs this server's data holds (what ``/departments`` lists), since any other
value is a 400.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mockdesk.core.dataset import Dataset
from mockdesk.core.errors import InvalidCursor, ResourceNotFound
from mockdesk.openapi.bodies import BodySchemas, fullmatch
from mockdesk.openapi.fields import FieldConverter
from mockdesk.openapi.model import (
    DocumentContext,
    Example,
    Operation,
    Reply,
    Schema,
    VendorDocument,
    json_reply,
    ref,
)
from mockdesk.vendors.hostup import SPEC, fixtures, query
from mockdesk.vendors.hostup.data import departments_in_use
from mockdesk.vendors.hostup.errors import PROBLEM_JSON

DETAIL_ONLY = ("body", "attachments", "messages")
FILE_TYPES = ("image/png", "application/pdf", "text/plain")
ACCOUNT = replace(SPEC.auth, scope="read:account")
TICKET_REFERENCE: Schema = {
    "description": "The public `tkt_` id, or the ticket's number.",
    "anyOf": [
        {"type": "string", "pattern": fullmatch(query.TICKET_ID.pattern)},
        {"type": "string", "pattern": "^[0-9]+$"},
    ],
}


def ticket_reference(field: Any, convert: FieldConverter) -> Schema:
    return {"type": "string", "pattern": fullmatch(query.TICKET_ID.pattern)}


def _schemas(dataset: Dataset) -> dict[str, Schema]:
    bodies = BodySchemas()
    bodies.add("Ticket", fixtures.TicketSchema)
    bodies.add("TicketSummary", fixtures.TicketSchema, omit=DETAIL_ONLY)
    problem: Schema = {
        "description": "RFC 7807, as HostUp's published examples.",
        "type": "object",
        "additionalProperties": False,
        "required": ["type", "title", "status", "detail", "code", "instance", "requestId"],
        "properties": {
            "type": {"type": "string", "format": "uri"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "code": {"type": "string"},
            "instance": {"type": "string"},
            "requestId": {"type": "string", "pattern": "^req_[0-9a-z]{26}$"},
            "timestamp": {"type": "string", "format": "date-time"},
            "errors": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["pointer", "detail", "code"],
                    "properties": {
                        "pointer": {"type": "string"},
                        "detail": {"type": "string"},
                        "code": {"type": "string"},
                    },
                },
            },
        },
    }
    department: Schema = {
        "type": "object",
        "additionalProperties": False,
        "required": ["slug", "displayName", "description", "email"],
        "properties": {
            "slug": {"type": "string"},
            "displayName": {"type": "string"},
            "description": {"type": ["string", "null"]},
            "email": {"type": ["string", "null"], "format": "email"},
        },
    }
    return {
        **bodies.components,
        "TicketPage": {
            "type": "object",
            "additionalProperties": False,
            "required": ["data", "hasMore", "nextCursor"],
            "properties": {
                "data": {"type": "array", "items": ref("TicketSummary")},
                "hasMore": {"type": "boolean"},
                "nextCursor": {
                    "type": ["string", "null"],
                    "description": "Pass as `cursor` for the next page; null when `hasMore` "
                    "is false.",
                },
            },
        },
        "Department": department,
        "Departments": {
            "type": "object",
            "additionalProperties": False,
            "required": ["departments"],
            "properties": {"departments": {"type": "array", "items": ref("Department")}},
        },
        "Problem": problem,
    }


def _first_attachment(data: Dataset) -> str:
    for ticket in data.store.all():
        for message in ticket.messages:
            for attachment in message.attachments:
                return f"/api/v2/support/attachments/{attachment.id}?ticketId={ticket.id}"
    raise LookupError("no ticket has an attachment")


def describe(context: DocumentContext) -> VendorDocument:
    slugs = [d.slug for d in departments_in_use(context.dataset.catalog, context.dataset.store)]
    operations = [
        Operation(
            path=SPEC.listing.path,
            operation_id="listSupportTickets",
            summary="List support tickets",
            description="Newest first; forward-only opaque cursors bound to the filters.",
            query=query.TicketQuery,
            parameter_descriptions={
                "cursor": "`nextCursor` of the previous page, with the same filters.",
                "departmentSlug": "A slug from GET /api/v2/support/departments.",
            },
            parameter_schemas={"departmentSlug": {"type": "string", "enum": slugs}},
            bad_queries=({"limit": "101"}, {"status": "unknown"}),
            problems=[InvalidCursor()],
            replies=[json_reply(ref("TicketPage"))],
            example=Example("/api/v2/support/tickets?limit=2"),
            tags=("support",),
        ),
        Operation(
            path=SPEC.detail.path,
            operation_id="getSupportTicket",
            summary="Get a support ticket with its messages",
            path_schemas={"ticket_ref": TICKET_REFERENCE},
            problems=[ResourceNotFound("ticket", "tkt_0")],
            replies=[json_reply(ref("Ticket"))],
            example=Example(lambda data: f"/api/v2/support/tickets/{data.store.all()[0].id}"),
            tags=("support",),
        ),
        Operation(
            path="/api/v2/support/departments",
            operation_id="listSupportDepartments",
            summary="List support departments",
            description="Needs scope `read:account`.",
            policy=ACCOUNT,
            replies=[json_reply(ref("Departments"))],
            example=Example("/api/v2/support/departments"),
            tags=("support",),
        ),
        Operation(
            path="/api/v2/support/attachments/<attachment_id>",
            operation_id="downloadSupportAttachment",
            summary="Download a support ticket attachment",
            description="The file's bytes; the attachment must belong to `ticketId`.",
            query=query.AttachmentQuery,
            path_schemas={"attachment_id": {"type": "string", "pattern": "^[^/]+$"}},
            problems=[ResourceNotFound("attachment", "tatt_0")],
            replies=[
                Reply(
                    200,
                    "The file, exactly `byteLength` bytes of its `contentType`.",
                    {kind: {"type": "string", "format": "binary"} for kind in FILE_TYPES},
                    {
                        "Content-Disposition": {
                            "required": True,
                            "schema": {"type": "string"},
                            "description": "`attachment` with the file's name (RFC 6266).",
                        }
                    },
                )
            ],
            example=Example(_first_attachment),
            tags=("support",),
        ),
    ]
    return VendorDocument(
        title=f"{SPEC.name} (mockdesk)",
        version="2",
        description="HostUp's support ticket endpoints as mockdesk serves them (HostUp publishes "
        "no OpenAPI document; this one is mockdesk's reading of developer.hostup.se). "
        "Credentials: `Authorization: Bearer mockdesk-token` (scopes `read:support`, "
        "`read:account`); `mockdesk-token-noscope` is valid but gets 403.",
        operations=operations,
        schemas=_schemas(context.dataset),
        security_schemes={
            "bearer": {
                "type": "http",
                "scheme": "bearer",
                "description": "An API key (scopes `read:support`; `read:account` for "
                "departments).",
            }
        },
        security=[{"bearer": []}],
        error_schema=lambda status, kind: ref("Problem") if kind == PROBLEM_JSON else None,
        servers=(
            {"url": "https://cloud.hostup.se/api/v2", "description": "HostUp (the real API)"},
        ),
        tags=({"name": "support"},),
        fields={query.TicketReference: ticket_reference},
    )
