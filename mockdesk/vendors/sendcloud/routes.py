"""Sendcloud's own endpoints beside the tickets: the OAuth2 token endpoint (Ory Hydra) and the
data requested on open tickets."""

from __future__ import annotations

from flask import Blueprint, Response, request

from mockdesk.core.encoding import json_response
from mockdesk.core.exchange import current_exchange
from mockdesk.core.oauth import ClientCredentialsGrant, OAuthError
from mockdesk.core.pipeline import admit
from mockdesk.vendors.sendcloud.envelope import requested_data

routes = Blueprint("sendcloud", __name__)

# Ory Hydra (account.sendcloud.com) words the token type in lower case.
TOKEN_GRANT = ClientCredentialsGrant(
    ttl_seconds=3600,
    token_type="bearer",
    default_scopes=("api",),
    allowed_scopes=frozenset({"api"}),
)
# Where clients post for a token, each answered directly (a redirect breaks httpx-based OAuth
# clients, which do not follow a 308 on POST):
# - /oauth2/token: the merged v3 document's securitySchemes tokenUrl (Hydra's own path);
# - /oauth2/token/: the Support spec's (seed 000) tokenUrl;
# - /api/v3/oauth2/token: the merged document lists /oauth2/token under its server
#   https://panel.sendcloud.sc/api/v3, so a client generated from it posts here.
TOKEN_PATHS = ("/oauth2/token", "/oauth2/token/", "/api/v3/oauth2/token")
# The merged document's path, which its curl example uses too; the Support document's own
# path (its server is .../api/v3 and its path /dsf/tickets/requested-data) is the alias.
REQUESTED_DATA_PATHS = (
    "/api/v3/support/dsf/tickets/requested-data",
    "/api/v3/dsf/tickets/requested-data",
)


def issue_token() -> Response:
    try:
        exchange = current_exchange()
        spec, _ = exchange.require_vendor()
        body = TOKEN_GRANT.issue(
            exchange.tenant.credentials,
            request.form,
            request.headers.get("Authorization"),
            limiter=exchange.tenant.windows,
            issuer=spec.slug,
        )
    except OAuthError as error:
        return error.response()
    return json_response(body, headers={"Cache-Control": "no-store", "Pragma": "no-cache"})


def list_requested_data() -> Response:
    """No query parameters are documented; any sent are ignored, as FastAPI ignores them."""
    admit()
    _, dataset = current_exchange().require_vendor()
    return json_response(requested_data(dataset.store.all()))


for _path in TOKEN_PATHS:
    routes.add_url_rule(_path, "token" + _path, issue_token, methods=["POST"])
for _path in REQUESTED_DATA_PATHS:
    routes.add_url_rule(_path, "requested_data" + _path, list_requested_data, methods=["GET"])
