"""What only a person can write about 29next's document; :mod:`mockdesk.openapi` derives the
rest (parameters from ``query``, errors from ``errors.render_error``, examples).

Body schemas, parameter descriptions and the ``oauth2`` scheme are 29next's own, read from its
Admin API document kept here (``29next-admin-2024-04-01-tickets.yaml``). Where the filters
accept more or less than that document says, the schema follows what Django answers (the
package docstring): number filters are ``DecimalField``s, ``product``/``tags`` must name the
store's entities, ``limit`` takes anything and falls back to the default, an empty
``priority``/``channel`` filters nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from mockdesk.core.errors import InvalidCursor, ResourceNotFound
from mockdesk.openapi.fields import FieldConverter, calendar_date
from mockdesk.openapi.model import (
    DocumentContext,
    Example,
    Operation,
    Schema,
    VendorDocument,
    json_reply,
    ref,
)
from mockdesk.openapi.published import load, schemas
from mockdesk.vendors.nextcommerce import SPEC
from mockdesk.vendors.nextcommerce import query as filters
from mockdesk.vendors.nextcommerce.data import TICKET_TYPE_ROWS

PUBLISHED = Path(__file__).with_name("29next-admin-2024-04-01-tickets.yaml")
ID: Schema = {"type": "integer", "description": "A unique integer value identifying it."}


BLANK: Schema = {"type": "string", "maxLength": 0, "description": "No filter."}


def number(field: Any, convert: FieldConverter) -> Schema:
    """django-filter's ``NumberFilter``: a decimal number (``1.0`` is 1); empty filters nothing."""
    return {"anyOf": [{"type": "number"}, BLANK]}


def form_date(field: Any, convert: FieldConverter) -> Schema:
    """Django's ``DateField``: ``YYYY-MM-DD``; blank (spaces too) filters nothing."""
    blank = {"type": "string", "pattern": r"^\s*$", "description": "No filter."}
    return {"anyOf": [calendar_date(field, convert), blank]}


def model_choice(field: filters.ModelChoice, convert: FieldConverter) -> Schema:
    """A ``ModelMultipleChoiceField`` item: the id of an entity the store has."""
    return {"type": "integer", "enum": sorted(field.known)}


def limit(field: Any, convert: FieldConverter) -> Schema:
    """DRF's ``page_size_query_param``: a positive integer (capped), anything else the default."""
    return {
        "description": f"Page size: a positive integer, capped at {filters.MAX_LIMIT}; any "
        f"other value means {filters.DEFAULT_LIMIT} (DRF's `_positive_int`).",
        "anyOf": [{"type": "integer", "minimum": 1}, {"type": "string"}],
    }


FIELDS: dict[type, Callable[[Any, FieldConverter], Schema]] = {
    filters.Number: number,
    filters.ModelChoice: model_choice,
    filters.Limit: limit,
    filters.FormDate: form_date,
}

_DETAIL: Schema = {
    "type": "object",
    "required": ["detail"],
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": False,
}
_FIELD_ERRORS: Schema = {
    "description": "django-filter's form errors: one message per bad field, in field order.",
    "type": "object",
    "additionalProperties": {"type": "array", "items": {"type": "string"}, "minItems": 1},
}


def _error_schema(status: int, content_type: str) -> Schema | None:
    if content_type == "text/html":
        return {"type": "string", "description": "Django's plain error page."}
    if content_type != "application/json":
        return None
    return ref("FieldErrors") if status == 400 else ref("Detail")


def _descriptions(operation: str) -> dict[str, str]:
    published = load(PUBLISHED)
    for item in published["paths"].values():
        found = item.get("get")
        if found and found["operationId"] == operation:
            return {p["name"]: p["description"] for p in found["parameters"] if "description" in p}
    return {}


def _first_ticket(data: Any) -> str:
    return str(data.store.all()[0].id)


def describe(context: DocumentContext) -> VendorDocument:
    published = load(PUBLISHED)
    first_type = TICKET_TYPE_ROWS[0].id
    operations = [
        Operation(
            path=SPEC.listing.path,
            operation_id="ticketsList",
            summary="List tickets",
            description="Retrieve a list of tickets (DRF cursor pagination, newest first).",
            query=filters.TicketQuery,
            parameter_descriptions=_descriptions("ticketsList"),
            bad_queries=({"status": "archived"}, {"tags": "99"}, {"id": "abc"}),
            problems=[InvalidCursor()],
            replies=[json_reply(ref("PaginatedTicketList"))],
            example=Example("/api/admin/tickets/?limit=2"),
            tags=("support",),
        ),
        Operation(
            path=SPEC.detail.path,
            operation_id="ticketsRetrieve",
            summary="Retrieve a ticket",
            path_schemas={"ticket_id": ID},
            path_names={"ticket_id": "id"},
            problems=[ResourceNotFound("ticket", "0")],
            replies=[json_reply(ref("Ticket"))],
            example=Example(lambda data: f"/api/admin/tickets/{_first_ticket(data)}/"),
            tags=("support",),
        ),
        Operation(
            path="/api/admin/tickets/<ticket_id>/comments/",
            operation_id="ticketsCommentsRetrieve",
            summary="Retrieve a ticket with its comments",
            description="29next's document answers a whole `Ticket` here; so does mockdesk.",
            path_schemas={"ticket_id": ID},
            path_names={"ticket_id": "id"},
            problems=[ResourceNotFound("ticket", "0")],
            replies=[json_reply(ref("Ticket"))],
            example=Example(lambda data: f"/api/admin/tickets/{_first_ticket(data)}/comments/"),
            tags=("support",),
        ),
        Operation(
            path="/api/admin/tickettypes/",
            operation_id="tickettypesList",
            summary="List ticket types",
            query=filters.TicketTypeQuery,
            parameter_descriptions=_descriptions("tickettypesList"),
            problems=[InvalidCursor()],
            replies=[json_reply(ref("PaginatedTicketTypeList"))],
            example=Example("/api/admin/tickettypes/?limit=2"),
            tags=("support",),
        ),
        Operation(
            path="/api/admin/tickettypes/<type_id>/",
            operation_id="tickettypesRetrieve",
            summary="Retrieve a ticket type",
            path_schemas={"type_id": ID},
            path_names={"type_id": "id"},
            problems=[ResourceNotFound("ticket type", "0")],
            replies=[json_reply(ref("TicketType"))],
            example=Example(f"/api/admin/tickettypes/{first_type}/"),
            tags=("support",),
        ),
    ]
    found = schemas(
        published, ("PaginatedTicketList", "PaginatedTicketTypeList", "Ticket", "TicketType")
    )
    found["Detail"] = _DETAIL
    found["FieldErrors"] = _FIELD_ERRORS
    oauth = published["components"]["securitySchemes"]["oauth2"]
    return VendorDocument(
        title=f"{SPEC.name} (mockdesk)",
        version=published["info"]["version"],
        description="The ticket endpoints of 29next's Admin API, served by mockdesk over fake, "
        "deterministic data. Credentials: `Authorization: Bearer mockdesk-token` (scope "
        "`tickets:read`); `mockdesk-token-noscope` is valid but gets 403. As Django's "
        "`APPEND_SLASH`, every path here without its trailing slash answers any method with a "
        "301 to the slash form (not listed as operations: no client should call them).",
        operations=operations,
        schemas=found,
        security_schemes={
            "bearer": {
                "type": "http",
                "scheme": "bearer",
                "description": "An Admin API access token (mockdesk: `mockdesk-token`).",
            },
            "oauth2": oauth,
        },
        security=[{"bearer": []}, {"oauth2": ["tickets:read"]}],
        error_schema=_error_schema,
        servers=(
            {
                "url": "https://{store}.29next.store/api/admin",
                "description": "29next (the real API)",
                "variables": {"store": {"default": "example"}},
            },
        ),
        tags=({"name": "support"},),
        fields=FIELDS,
    )
