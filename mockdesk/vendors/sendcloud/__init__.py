"""Sendcloud Support API v3 (beta): ``GET /api/v3/dsf/tickets`` and friends.

Documented (shared/seeds/000, an OpenAPI 3.1 spec kept here as ``openapi.yaml``): the list's
parameters, bounds and defaults; the ``items/total/page/pages/size`` envelope; the 400 and 429
bodies. Decisions where the docs are silent (shared/vendors.md, "Decisions"):

- Auth: HTTP Basic with the integration's public/secret key, or ``Bearer`` with a token from
  ``POST /oauth2/token/`` (client credentials; the same key pair as Basic or as form fields;
  tokens last 3600 s, ``token_type`` "bearer" as Ory Hydra words it). The static
  ``mockdesk-token`` is accepted as Bearer too. No scope check on the Support API.
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
    auth=AuthPolicy(schemes=("basic", "bearer")),
    auth_description="Basic public:secret key, or Bearer from POST /oauth2/token/",
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
        order_key=data.order_key,
        indexed=("status", "parcel_id", "carrier"),
    ),
    routes=routes,
)
