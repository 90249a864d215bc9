"""What only a person can write about IPPanel's document (IPPanel publishes none);
:mod:`mockdesk.openapi` derives the rest (parameters from ``query``, the Persian error bodies
from ``errors.render_error``, rate-limit headers, examples).

The list item is the fixture schema (``fixtures.TicketSchema``: a pasted list item); the
Laravel envelopes and the detail's own shape (``docs/ticket/ticket-id.md``) are written here.
Integers are PHP's: 64-bit, so a larger one fails the ``integer`` rule (422), as IPPanel's does.
"""

from __future__ import annotations

from mockdesk.core.errors import ResourceNotFound
from mockdesk.openapi.bodies import BodySchemas
from mockdesk.openapi.model import (
    DocumentContext,
    Example,
    Operation,
    Schema,
    VendorDocument,
    json_reply,
    ref,
)
from mockdesk.vendors.ippanel import SPEC, fixtures, query
from mockdesk.vendors.ippanel.data import STATES

NULLABLE_INT: Schema = {"type": ["integer", "null"]}
NULLABLE_STRING: Schema = {"type": ["string", "null"]}
DATABASE_TIME: Schema = {
    "type": "string",
    "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$",
    "description": "UTC, `Y-m-d H:i:s` (the column as stored).",
}


def _meta(extra: dict[str, Schema], required: list[str]) -> Schema:
    return {
        "type": "object",
        "required": [*required, "status", "message", "message_code"],
        "properties": {
            **extra,
            "status": {"type": "boolean"},
            "message": {"type": "string"},
            "message_parameters": {"type": "array", "items": {}},
            "message_code": {"type": "string", "pattern": r"^[0-9]{3}-[0-9]+$"},
            "errors": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
        },
        "additionalProperties": False,
    }


def _schemas() -> dict[str, Schema]:
    bodies = BodySchemas()
    bodies.add("Ticket", fixtures.TicketSchema)
    page_meta = {
        "current_page": {"type": "integer", "minimum": 1},
        "from": NULLABLE_INT,
        "last_page": {"type": "integer", "minimum": 1},
        "per_page": {"type": "integer", "minimum": 1},
        "to": NULLABLE_INT,
        "total": {"type": "integer", "minimum": 0},
    }
    interaction: Schema = {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "id", "description", "agent_id", "agent_username", "created_at", "attachment",
            "partner_title", "private", "username",
        ],
        "properties": {
            "id": {"type": "integer"},
            "description": {"type": "string"},
            "agent_id": NULLABLE_INT,
            "agent_username": NULLABLE_STRING,
            "created_at": DATABASE_TIME,
            "attachment": NULLABLE_STRING,
            "partner_title": NULLABLE_STRING,
            "private": {"type": "integer", "enum": [0, 1]},
            "username": {"type": "string"},
        },
    }  # fmt: skip
    detail: Schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer"},
            "ticket_id": {"type": "integer"},
            "user_id": {"type": "integer"},
            "parent_id": {"type": "integer"},
            "importance": {"type": "string"},
            "subject": {"type": "string"},
            "category": {"type": "string"},
            "category_id": {"type": "integer"},
            "sub_category_id": {"type": "integer"},
            "state": {"type": "string", "enum": list(STATES.values())},
            "state_id": {"type": "integer", "enum": list(STATES)},
            "sub_state_id": {"type": "null"},
            "description": {"type": "string"},
            "close_desc": NULLABLE_STRING,
            "user_seen": {"type": "integer", "enum": [0, 1]},
            "sms_notification": {"type": "integer", "enum": [0, 1]},
            "created_at": DATABASE_TIME,
            "attachment": NULLABLE_STRING,
            "interactions": {"type": "array", "items": ref("Interaction")},
            "forward": ref("DetailForward"),
            "manager_comment": {"type": "string"},
            "jira_id": {"type": "integer"},
            "rate": {"type": "integer"},
        },
    }
    detail["required"] = list(detail["properties"])
    forward = dict(bodies.components["Forward"])
    forward["properties"] = {**forward["properties"], "seen": {"type": "boolean"}}
    return {
        **bodies.components,
        "TicketPage": {
            "type": "object",
            "required": ["data", "meta"],
            "additionalProperties": False,
            "properties": {
                "data": {"type": "array", "items": ref("Ticket")},
                "meta": _meta(page_meta, list(page_meta)),
            },
        },
        "TicketDetail": detail,
        "Interaction": interaction,
        "DetailForward": forward,
        "TicketShow": {
            "type": "object",
            "required": ["data", "meta"],
            "additionalProperties": False,
            "properties": {"data": ref("TicketDetail"), "meta": _meta({}, [])},
        },
        "Failure": {
            "description": "Every error: `data` null, the Persian message and its code in `meta`.",
            "type": "object",
            "required": ["data", "meta"],
            "additionalProperties": False,
            "properties": {
                "data": {"type": "null"},
                "meta": _meta({}, ["message_parameters", "errors"]),
            },
        },
    }


def describe(context: DocumentContext) -> VendorDocument:
    operations = [
        Operation(
            path=SPEC.listing.path,
            operation_id="listTickets",
            summary="List tickets",
            description="Laravel's paginator flattened into `meta`, newest first.",
            query=query.TicketQuery,
            parameter_descriptions={
                "per_page": "Tickets per page (1-1000).",
                "username": "Exactly this user (case-insensitive); empty matches nobody.",
                "state_id": "1 waiting_response, 2 waiting_support, 3 replied, 4 closed, "
                "5 forwarded.",
            },
            bad_queries=({"per_page": "1001"}, {"state_id": "9", "page": "0"}),
            replies=[json_reply(ref("TicketPage"))],
            example=Example("/v1/api/ticket?per_page=2"),
            tags=("ticket",),
        ),
        Operation(
            path=SPEC.detail.path,
            operation_id="showTicket",
            summary="Show a ticket with its interactions",
            query=query.ShowQuery,
            problems=[ResourceNotFound("ticket", "0")],
            replies=[json_reply(ref("TicketShow"))],
            example=Example(lambda data: f"/v1/api/ticket/show?ticket_id={data.store.all()[0].id}"),
            tags=("ticket",),
        ),
    ]
    return VendorDocument(
        title=f"{SPEC.name} (mockdesk)",
        version="1",
        description="IPPanel Edge's reseller ticket endpoints as mockdesk serves them (IPPanel "
        "publishes no OpenAPI document; this one is mockdesk's reading of its docs). "
        "Credentials: the raw token in `Authorization` (`mockdesk-token`, no `Bearer`).",
        operations=operations,
        schemas=_schemas(),
        security_schemes={
            "apiKey": {
                "type": "apiKey",
                "in": "header",
                "name": "Authorization",
                "description": "The reseller's token, as the whole header value.",
            }
        },
        security=[{"apiKey": []}],
        error_schema=lambda status, kind: ref("Failure") if kind == "application/json" else None,
        servers=({"url": "https://edge.ippanel.com/v1", "description": "IPPanel (the real API)"},),
        tags=({"name": "ticket"},),
    )
