"""Sendcloud Support API v3 (beta): ``GET /api/v3/dsf/tickets`` and friends.

Documented (shared/seeds/000, an OpenAPI 3.1 spec kept here as ``openapi.yaml``): the list's
parameters, bounds and defaults; the ``items/total/page/pages/size`` envelope; the 400 and 429
bodies. The token endpoint and the requested data are in Sendcloud's merged v3 document, whose
subset is kept here unchanged as ``sendcloud-v3-support-and-oauth2.yaml``.

Decisions where the docs are silent (shared/vendors.md, "Decisions"):

- Auth: HTTP Basic with the integration's public/secret key, or ``Bearer`` with a token from
  the token endpoint (client credentials; the same key pair as Basic or as form fields;
  tokens last 3600 s, ``token_type`` "bearer" as Ory Hydra words it). The static
  ``mockdesk-token`` is accepted as Bearer too. No scope check on the Support API.
- The token endpoint answers the grant directly, never with a redirect (httpx-based OAuth
  clients do not follow a 308), at ``POST /oauth2/token`` (the merged v3 document's
  ``securitySchemes`` ``tokenUrl``, Ory Hydra's path), ``POST /oauth2/token/`` (the Support
  spec's ``tokenUrl``) and ``POST /api/v3/oauth2/token`` (the merged document lists
  ``/oauth2/token`` under its server ``https://panel.sendcloud.sc/api/v3``, so a client
  generated from it with the base URL swapped posts there). Bodies conform to the document's
  ``OAuth2TokenExchange``; errors are RFC 6749 bodies (``ErrorOAuth2``).
- ``GET /api/v3/support/dsf/tickets/requested-data`` (the merged document's path and its docs'
  curl) and the same at ``/api/v3/dsf/tickets/requested-data`` (the Support document's own
  path): ``{"data": [...]}``, one item per requested action of every ``action_required``
  ticket, oldest request first (ties by id). ``request_id`` is the action's ``id``,
  ``created_at`` its time (whole seconds, ``Z``, as the example); ``title`` "<kind> is needed";
  ``description`` (about 70%) an English sentence quoting the order and tracking number;
  ``tracking_number`` in the carrier's shape (a field of the data, not of ``TicketResponse``);
  ``order_number`` the ticket's; optional members are omitted, never null (the schema does not
  allow null). ``data_type`` maps the ticket's eleven kinds onto the endpoint's thirty-one
  (``requested.PUBLIC_DATA_TYPE``) and is sent without the trailing comma the vendor's
  document types after every enum value. No parameters are documented; any sent are ignored.
  Each of a ticket's requests has its own moment, strictly increasing, between the ticket's
  ``created_at`` and ``updated_at``.
- 401: ``WWW-Authenticate: Basic realm="api"`` and the DRF-worded bodies of the other v3 specs,
  ``status`` as the string "401": "No credentials" when nothing is sent, "Invalid
  username/password." for a wrong or expired credential.
- 400: every bad parameter is one entry ``Invalid <param>: <value>`` (``page``/``size`` out of
  bounds or not integers, unknown ``status``, non-integer ``parcel_id``, unparseable dates).
- ``created_after``/``created_before`` are inclusive ISO 8601 date-times; a value without an
  offset is UTC. ``carrier`` matches exactly (case-sensitive).
- ``pages = ceil(total/size)``, 0 when nothing matches; a page past the last is 200 with
  ``items: []``. Order: newest first, ties by id descending.
- 429 after 30 requests a minute per credential (Basic pair and its OAuth tokens share one
  budget), body exactly as the seed; no rate-limit headers, no ``Retry-After``.
- ``GET /api/v3/dsf/tickets/{id}``: 404 ``{"errors":[{"code":"not_found","detail":"Ticket not
  found","title":"Not Found","status":404}]}``; other unknown paths under /api/v3 get the same
  envelope with detail "Not Found"; a wrong method gets 405 with ``Allow``.
- A 503 (only ever injected by a fault rule: the vendor documents none) is the Support API
  envelope: ``{"errors":[{"code":"service_unavailable","detail":"Service
  Unavailable","title":"Service Unavailable","status":503}]}``.
"""

from __future__ import annotations

from mockdesk.core.auth import AuthPolicy
from mockdesk.core.paging.offset import OffsetPager
from mockdesk.core.vendor import (
    DataSpec,
    DetailEndpoint,
    ListEndpoint,
    RateLimitPolicy,
    VendorSpec,
    locate_by_id,
)
from mockdesk.vendors.sendcloud import data, envelope, errors, fixtures, query, serializer
from mockdesk.vendors.sendcloud.routes import routes

SPEC = VendorSpec(
    slug="sendcloud",
    name="Sendcloud Support API v3",
    base_paths=("/api/v3", "/oauth2"),
    auth=AuthPolicy(schemes=("basic", "bearer"), token_issuer="sendcloud"),
    auth_description="Basic public:secret key, or Bearer from POST /oauth2/token",
    demo_headers={"Authorization": "Basic bW9ja2Rlc2sta2V5Om1vY2tkZXNrLXNlY3JldA=="},
    rate_limit=RateLimitPolicy(default="30/minute"),
    listing=ListEndpoint(
        path="/api/v3/dsf/tickets",
        query=query.TicketQuery,
        criteria=query.criteria,
        page=OffsetPager(page_param="page", size_param="size"),
        envelope=envelope.tickets_page,
    ),
    detail=DetailEndpoint(
        path="/api/v3/dsf/tickets/<int:ticket_id>",
        locate=locate_by_id,
        envelope=envelope.ticket,
    ),
    serialize=serializer.serialize,
    render_error=errors.render_error,
    data=DataSpec(
        generate=data.generate,
        load_fixture=fixtures.load_fixture,
        columns=data.COLUMNS,
    ),
    routes=routes,
)
