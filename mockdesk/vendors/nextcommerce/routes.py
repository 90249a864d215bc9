"""29next's own endpoints beside the tickets: a ticket's comments, the ticket types, and
Django's ``APPEND_SLASH`` redirects for every path without its trailing slash."""

from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, Response, request

from mockdesk.core.encoding import json_response
from mockdesk.core.errors import ResourceNotFound
from mockdesk.core.exchange import current_exchange
from mockdesk.core.pipeline import admit
from mockdesk.core.query import parse_int64, parse_query, schema_for
from mockdesk.vendors.nextcommerce.data import TICKET_TYPE_ROWS, TicketType
from mockdesk.vendors.nextcommerce.envelope import ticket_types_page
from mockdesk.vendors.nextcommerce.query import TicketTypeQuery, ticket_types_matching
from mockdesk.vendors.nextcommerce.serializer import serialize, serialize_ticket_type

routes = Blueprint("29next", __name__)

# Django's CommonMiddleware redirects whatever the method, before any view (or auth) runs.
ANY_METHOD = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
SLASHLESS = (
    "/api/admin/tickets",
    "/api/admin/tickets/<ticket_id>",
    "/api/admin/tickets/<ticket_id>/comments",
    "/api/admin/tickettypes",
    "/api/admin/tickettypes/<type_id>",
)


def append_slash(**path_args: str) -> Response:
    """Django's ``APPEND_SLASH``: 301 to the slash form, query string kept, relative Location."""
    location = quote(request.path, safe="/:@!$&'()*+,;=-._~") + "/"
    if request.query_string:
        location += "?" + request.query_string.decode("latin-1")
    return Response(
        "", status=301, headers={"Location": location}, content_type="text/html; charset=utf-8"
    )


for _number, _path in enumerate(SLASHLESS):
    routes.add_url_rule(
        _path,
        f"append_slash_{_number}",
        append_slash,
        methods=ANY_METHOD,
        provide_automatic_options=False,
    )


@routes.get("/api/admin/tickets/<ticket_id>/comments/")
def ticket_comments(ticket_id: str) -> Response:
    """``ticketsCommentsRetrieve``: the document answers a whole ``Ticket`` (its ``comments``
    inside), so the body is the ticket detail's. An id that is not a number is not found, as
    on the detail (the same router lookup)."""
    admit()
    _, dataset = current_exchange().require_vendor()
    number = parse_int64(ticket_id)
    found = None if number is None else dataset.store.get(number)
    if found is None:
        raise ResourceNotFound("ticket", ticket_id)
    return json_response(serialize(found))


@routes.get("/api/admin/tickettypes/")
def list_ticket_types() -> Response:
    """``tickettypesList``: ``name`` (exact), ``cursor``, and ``limit`` as on tickets."""
    admit()
    exchange = current_exchange()
    query = parse_query(schema_for(TicketTypeQuery), request.args)
    rows = ticket_types_matching(query, TICKET_TYPE_ROWS)
    return json_response(ticket_types_page(rows, query, exchange.url))


@routes.get("/api/admin/tickettypes/<type_id>/")
def show_ticket_type(type_id: str) -> Response:
    """``tickettypesRetrieve``: ``{"id", "name"}``; unknown or non-numeric: 404 Not found."""
    admit()
    number = parse_int64(type_id)
    row: TicketType | None = next((r for r in TICKET_TYPE_ROWS if r.id == number), None)
    if row is None:
        raise ResourceNotFound("ticket type", type_id)
    return json_response(serialize_ticket_type(row))
