"""IPPanel Edge's real paths under ``/v1``: the reseller ticket list and one ticket's detail."""

from __future__ import annotations

from flask import Blueprint, Response, request

from mockdesk.core.listing import admit, find_ticket, list_tickets
from mockdesk.core.query import parse_query, schema_for
from mockdesk.core.responses import json_response
from mockdesk.vendors.ippanel.errors import LARAVEL_JSON
from mockdesk.vendors.ippanel.query import ShowQuery
from mockdesk.vendors.ippanel.serializer import serialize_detail

routes = Blueprint("ippanel", __name__)


@routes.get("/v1/api/ticket")
def list_reseller_tickets() -> Response:
    return list_tickets()


@routes.get("/v1/api/ticket/show")
def show_ticket() -> Response:
    admit()
    ticket = find_ticket(parse_query(schema_for(ShowQuery), request.args)["ticket_id"])
    meta = {"status": True, "message": "Success", "message_parameters": [], "message_code": "200-1"}
    return json_response({"data": serialize_detail(ticket), "meta": meta}, style=LARAVEL_JSON)
