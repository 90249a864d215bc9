"""Teamwork Desk's real paths under /desk/api/v2."""

from __future__ import annotations

from flask import Blueprint, Response, request

from mockdesk.core.listing import admit, current_dataset, find_ticket, list_tickets
from mockdesk.core.query import parse_query, schema_for
from mockdesk.core.responses import json_response
from mockdesk.vendors.teamwork.query import DetailQuery
from mockdesk.vendors.teamwork.serializer import GO_ENCODER, included, serialize, sparse

routes = Blueprint("teamwork", __name__)


@routes.get("/desk/api/v2/tickets.json")
def list_desk_tickets() -> Response:
    return list_tickets()


@routes.get("/desk/api/v2/tickets/<int:ticket_id>.json")
def get_desk_ticket(ticket_id: int) -> Response:
    """One ticket with its side-loads; ``includes`` and ``fields`` work as on the list."""
    admit()
    query = parse_query(schema_for(DetailQuery), request.args)
    ticket = find_ticket(ticket_id)
    body = {
        "ticket": sparse(serialize(ticket), frozenset(query["sparse_fields"])),
        "included": included([ticket], query["includes"], current_dataset().catalog),
    }
    return json_response(body, style=GO_ENCODER)
