"""29next's real paths under /api/admin/, with Django's trailing slashes."""

from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, Response, request

from mockdesk.core.errors import NotFound
from mockdesk.core.listing import admit, find_ticket, list_tickets
from mockdesk.core.query import parse_int64
from mockdesk.core.responses import json_response
from mockdesk.vendors.nextcommerce.serializer import serialize

routes = Blueprint("29next", __name__)

# Django's CommonMiddleware redirects whatever the method, before any view (or auth) runs.
ANY_METHOD = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


@routes.get("/api/admin/tickets/")
def list_support_tickets() -> Response:
    return list_tickets()


@routes.get("/api/admin/tickets/<ticket_id>/")
def get_support_ticket(ticket_id: str) -> Response:
    """DRF's ``get_object``: an id that is not a number is simply not found."""
    admit()
    number = parse_int64(ticket_id)
    if number is None:
        raise NotFound("ticket", ticket_id)
    return json_response(serialize(find_ticket(number)))


@routes.route("/api/admin/tickets", methods=ANY_METHOD, provide_automatic_options=False)
@routes.route("/api/admin/tickets/<ticket_id>", methods=ANY_METHOD, provide_automatic_options=False)
def append_slash(ticket_id: str | None = None) -> Response:
    """Django's ``APPEND_SLASH``: 301 to the slash form, query string kept, relative Location."""
    location = quote(request.path, safe="/:@!$&'()*+,;=-._~") + "/"
    if request.query_string:
        location += "?" + request.query_string.decode("latin-1")
    return Response(
        "", status=301, headers={"Location": location}, content_type="text/html; charset=utf-8"
    )
