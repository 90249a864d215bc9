"""29next (Next Commerce) Admin API: ``GET /api/admin/tickets/``, ``/api/admin/tickets/{id}/``,
``/api/admin/tickets/{id}/comments/``, ``/api/admin/tickettypes/`` and ``/tickettypes/{id}/``.

Documented (shared/seeds/001): the list's query parameters, the ``Ticket`` schema and its
example, the ``next/previous/results`` envelope, Bearer auth with scope ``tickets:read`` and the
``X-29next-API-Version`` header. 29next's own Admin API document (2024-04-01, the ticket paths;
kept here unchanged as ``29next-admin-2024-04-01-tickets.yaml``) adds the comments and ticket
type endpoints; every 200 of this package validates against it once its 3.0-style
``nullable: true`` is read as 3.1's ``type: [..., "null"]``.

The backend is Django REST Framework with django-filter, so
where the docs are silent mockdesk answers as that stack does (shared/vendors.md, "Decisions"):

- Request order as DRF's ``APIView.initial``: version, then authentication and permission, then
  the throttle; then the filters (400), then the cursor (404). ``APPEND_SLASH`` comes before all
  of it: ``/api/admin/tickets``, ``/tickets/{id}``, ``/tickets/{id}/comments``,
  ``/tickettypes`` and ``/tickettypes/{id}`` answer 301 to the slash form, query string kept,
  relative ``Location``, empty body, for any method.
- ``GET /api/admin/tickets/{id}/comments/`` (``ticketsCommentsRetrieve``): the document's 200 is
  a whole ``Ticket``, not a list, so the body is the detail's, byte for byte (its ``comments``
  are the conversation); unknown or non-numeric id 404 ``{"detail":"Not found."}`` as on the
  detail (the same router lookup). No query parameters are documented.
- ``GET /api/admin/tickettypes/`` (``tickettypesList``): ``{next, previous, results: [{id,
  name}]}`` over the six ticket types every ticket's ``ticket_type`` names (ids 1-6); ``name``
  is django-filter's exact ``CharFilter`` (case-sensitive, stripped, ``name=`` filters nothing);
  ``cursor`` DRF's as on tickets but ordered by id ascending (lookups are; the document names no
  ordering), so ``p`` is the id itself; ``limit`` as on tickets (not documented here either).
  ``GET /api/admin/tickettypes/{id}/`` (``tickettypesRetrieve``): ``{id, name}``; unknown 404.
  Same version header, scope ``tickets:read`` and 4/second throttle as the tickets.
- ``X-29next-API-Version``: missing means ``2024-04-01``; ``2023-02-10``, ``2024-04-01`` and
  ``unstable`` are accepted (matched exactly; all three serve the same ticket schema); anything
  else, an empty value included, is 406 ``{"detail":"Invalid version in \\"X-29next-API-Version\\"
  header."}``.
- 401 ``{"detail":"Authentication credentials were not provided."}`` with ``WWW-Authenticate:
  Bearer realm="api"`` for a missing, unknown or malformed token (django-oauth-toolkit treats an
  invalid token as no token); 403 ``{"detail":"You do not have permission to perform this
  action."}`` for a token without ``tickets:read``. Neither, nor a 406, counts against the
  throttle.
- Filters as django-filter: ``filter_text`` matches the ticket id (when it is a number), or the
  subject or requester email containing it, case-insensitively; ``subject`` is a
  case-insensitive contains; ``order_number`` exact; ``id``/``requester``/``assignee``/
  ``ticket_type`` are number filters (``Enter a number.``; ``1.0`` equals 1); ``status`` any of
  the repeated values; ``product``/``tags`` any of the repeated ids, each an existing entity
  (unknown: ``Select a valid choice. 9 is not one of the available choices.``, malformed:
  ``“x” is not a valid value.``); ``priority``/``channel`` one choice; ``created_from``/
  ``created_to`` inclusive whole UTC days, ``YYYY-MM-DD``. An empty single value (``?priority=``)
  filters nothing, as Django forms clean it to None; text values are stripped. A repeated single
  parameter takes its last value. The 400 body lists one message per bad field in the FilterSet's
  order.
- Paging as DRF ``CursorPagination``: ordering ``-id``; ``limit`` default 20, capped at 100, and
  a value that is not a positive integer means the default (DRF's ``page_size_query_param``);
  ``next``/``previous`` are absolute URLs of the request with ``cursor`` replaced and the query
  re-sorted by key; a forward cursor always gets a ``previous`` link and a reverse cursor with a
  position a ``next`` link, as DRF does. A cursor that does not decode, or has a non-integer
  position, or a non-zero offset (DRF only mints offsets for duplicate positions, and ids are
  unique) is 404 ``{"detail":"Invalid cursor"}``; ``cursor=`` (empty) is the first page.
  Cursors are not bound to the filters, as in DRF.
- 429 after 4 requests a second per token: ``Retry-After: <seconds>`` and ``{"detail":"Request
  was throttled. Expected available in 1 second."}`` (DRF's wording and pluralisation, so a
  longer configured window says "N seconds"). No ``X-RateLimit-*`` headers.
- ``GET /api/admin/tickets/{id}/``: 404 ``{"detail":"Not found."}`` for an unknown or non-numeric
  id. A wrong method is 405 ``{"detail":"Method \\"POST\\" not allowed."}`` with ``Allow``,
  answered by routing before the credentials are looked at (DRF would check them first). Any
  other path under ``/api/admin/`` gets Django's plain HTML 404 page, and a crash Django's HTML
  500 page, as a Django site without custom error templates serves them.
- Data: every ticket belongs to an order (``order`` is required and not nullable); 15% of
  requesters are outside the store (``requester`` null, ``from_email`` set, channel ``email``);
  tags, products and ticket types are fixed store entities (tag ids 1-16, product ids 101-124,
  ticket types 1-6); fixtures must use those tags, products and ticket types.
- Comments are an English storefront support exchange for the ticket's type and status (the
  core's conversation generator), quoting its order number and product, signed by the
  assignee and the store: ``new`` holds only the customer's words; ``open`` ends with the
  customer after an agent answered; ``pending`` (Zendesk's "waiting on the requester") ends
  with the agent's question; ``solved`` with the resolution or the customer's thanks after it;
  ``closed`` may add an internal note (``is_public: false``). The subject is the
  conversation's. Times strictly increase from ``created_at`` and stay before the data's "now";
  ``updated_at`` is at or after the last comment.
- Storage (``data.COLUMNS``): id, status, priority, channel, requester, assignee, ticket type,
  order number, product and tag bit masks, ``created_at`` and ``updated_at`` are columns for
  every ticket; tickets are built when shown. Every filter reads columns but ``subject`` and
  ``filter_text``, which test built tickets (cheap behind another filter, slow alone over a
  million tickets). ``updated_at`` is never the data's "now": open and pending tickets were
  touched lately (1 minute to 45 days before it), solved and closed ones 30 minutes to 3 weeks
  after opening, new ones within a day of it. Pinned and runtime tickets' ``id``,
  ``requester``, ``assignee`` and comment ``author`` must fit a 32-bit integer.
- A 503 (only ever injected by a fault rule) is DRF's documented custom ``APIException`` for it:
  ``{"detail":"Service temporarily unavailable, try again later."}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mockdesk.core.auth import AuthPolicy, VersionHeader
from mockdesk.core.dataset import Dataset
from mockdesk.core.query import parse_int64
from mockdesk.core.vendor import DataSpec, DetailEndpoint, ListEndpoint, RateLimitPolicy, VendorSpec
from mockdesk.vendors.nextcommerce import data, envelope, errors, fixtures, query, serializer
from mockdesk.vendors.nextcommerce.routes import routes

API_VERSIONS = ("2023-02-10", "2024-04-01", "unstable")


def locate(args: Mapping[str, Any], dataset: Dataset) -> data.Ticket | None:
    """DRF's ``get_object``: an id that is not a number is simply not found."""
    number = parse_int64(args["ticket_id"])
    return None if number is None else dataset.store.get(number)


SPEC = VendorSpec(
    slug="29next",
    name="29next (Next Commerce) Admin API",
    base_paths=("/api/admin",),
    auth=AuthPolicy(
        schemes=("bearer",),
        scope="tickets:read",
        version=VersionHeader("X-29next-API-Version", API_VERSIONS, default="2024-04-01"),
    ),
    auth_description="Bearer token (scope tickets:read), X-29next-API-Version",
    demo_headers={
        "Authorization": "Bearer mockdesk-token",
        "X-29next-API-Version": "2024-04-01",
    },
    rate_limit=RateLimitPolicy(default="4/second"),
    listing=ListEndpoint(
        path="/api/admin/tickets/",
        query=query.TicketQuery,
        criteria=query.criteria,
        page=envelope.read_page,
        envelope=envelope.tickets_page,
    ),
    detail=DetailEndpoint(
        path="/api/admin/tickets/<ticket_id>/", locate=locate, envelope=envelope.ticket
    ),
    serialize=serializer.serialize,
    render_error=errors.render_error,
    data=DataSpec(
        generate=data.generate,
        load_fixture=fixtures.load_fixture,
        catalog=data.catalog,
        columns=data.COLUMNS,
    ),
    routes=routes,
)
