"""Sendcloud's real paths: the Support API under /api/v3 and the OAuth2 token endpoint."""

from __future__ import annotations

from flask import Blueprint, Response, request

from mockdesk.core.listing import admit, find_ticket, list_tickets
from mockdesk.core.oauth import ClientCredentialsGrant, OAuthError
from mockdesk.core.responses import json_response
from mockdesk.core.state import current_state
from mockdesk.vendors.sendcloud.serializer import serialize

routes = Blueprint("sendcloud", __name__)

# Ory Hydra (account.sendcloud.com) words the token type in lower case.
TOKEN_GRANT = ClientCredentialsGrant(
    ttl_seconds=3600,
    token_type="bearer",
    default_scopes=("api",),
    allowed_scopes=frozenset({"api"}),
)


@routes.get("/api/v3/dsf/tickets")
def list_support_tickets() -> Response:
    return list_tickets()


@routes.get("/api/v3/dsf/tickets/<int:ticket_id>")
def get_support_ticket(ticket_id: int) -> Response:
    admit()
    return json_response(serialize(find_ticket(ticket_id)))


@routes.post("/oauth2/token/")
def issue_token() -> Response:
    try:
        body = TOKEN_GRANT.issue(
            current_state().credentials, request.form, request.headers.get("Authorization")
        )
    except OAuthError as error:
        return error.response()
    return json_response(body, headers={"Cache-Control": "no-store", "Pragma": "no-cache"})
