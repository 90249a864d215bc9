"""29next's own behaviour beside the tickets: Django's ``APPEND_SLASH`` redirects."""

from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, Response, request

routes = Blueprint("29next", __name__)

# Django's CommonMiddleware redirects whatever the method, before any view (or auth) runs.
ANY_METHOD = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


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
