"""Sendcloud's own endpoint beside the tickets: the OAuth2 token endpoint (Ory Hydra)."""

from __future__ import annotations

from flask import Blueprint, Response, request

from mockdesk.core.encoding import json_response
from mockdesk.core.oauth import ClientCredentialsGrant, OAuthError
from mockdesk.core.state import current_state

routes = Blueprint("sendcloud", __name__)

# Ory Hydra (account.sendcloud.com) words the token type in lower case.
TOKEN_GRANT = ClientCredentialsGrant(
    ttl_seconds=3600,
    token_type="bearer",
    default_scopes=("api",),
    allowed_scopes=frozenset({"api"}),
)


@routes.post("/oauth2/token/")
def issue_token() -> Response:
    try:
        body = TOKEN_GRANT.issue(
            current_state().credentials, request.form, request.headers.get("Authorization")
        )
    except OAuthError as error:
        return error.response()
    return json_response(body, headers={"Cache-Control": "no-store", "Pragma": "no-cache"})
