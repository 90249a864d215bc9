"""HostUp API v2 support tickets: ``GET /api/v2/support/tickets`` and friends.

Documented (shared/seeds/003): the list's parameters (``limit`` 1..100, ``cursor``, ``status``,
``departmentSlug``), the ``data/hasMore/nextCursor`` envelope, the summary fields, Bearer keys
with scope ``read:support``, RFC 7807 problems with ``code``. Decisions where the docs are
silent (shared/vendors.md, "Decisions"; the rest are this package's own):

- Also served: ``GET /api/v2/support/tickets/{id}`` (a ``tkt_`` id or the numeric number;
  adds ``body``, ``attachments``, ``messages``) and ``GET /api/v2/support/departments`` (scope
  ``read:account``; only the departments some ticket uses, so its slugs are exactly the
  tickets' slugs). Anything else under /api/v2 is a problem-document 404 (405 with ``Allow`` for
  a wrong method on a served path).
- Auth: ``Authorization: Bearer <key>``; ``mockdesk-token`` has every scope,
  ``mockdesk-token-noscope`` gets 403 ``forbidden`` "Missing required scope: read:support"
  (``read:account`` on departments). 401 ``unauthorized`` "Authentication required." for a
  missing, malformed or unknown key alike. The ``hostup_session`` cookie is not emulated.
- ``limit`` defaults to 20. ``status=unknown`` is rejected (it only appears in responses).
  ``departmentSlug`` must be a slug that ``/departments`` lists, else 400 ``invalid_request``
  with pointer ``?departmentSlug``; it is checked after the schema's checks, so it is reported
  alone. Values are case-sensitive; a repeated parameter takes its last value; an empty value
  is a value (``status=`` and ``cursor=`` are 400s, not "absent").
- Query errors: 400 ``invalid_request`` titled "Validation failed", one ``errors[]`` entry per bad
  parameter ``{pointer: "?<param>", detail, code}`` with codes ``invalid_type``,
  ``out_of_range``, ``invalid_enum`` and ``unknown_department``; ``detail`` is the entry's
  sentence when there is one, "The query parameters failed validation." otherwise.
- Cursors: the core's signed opaque cursors, keyed by a secret drawn from the seed (the same
  seed gives the same ``nextCursor`` strings in every process) and bound to ``status`` and
  ``departmentSlug``. Changing ``limit`` between pages is allowed. A cursor used with other
  filters, from another seed, or altered: 400 ``invalid_cursor``, "Cursor is invalid or
  malformed.", no ``errors[]`` (as the published example). A cursor past the end is a 200 with
  ``data: []``.
- Order: newest ``createdAt`` first, ties by id descending. ``nextCursor`` is null exactly when
  ``hasMore`` is false.
- Problem documents: ``application/problem+json``; ``requestId`` a fresh random ULID per
  response; ``timestamp`` the real current time. 404 ``not_found`` ("Ticket not found" for a
  ticket, "Not found" for a path), 405 ``method_not_allowed``, 500 ``internal_error``.
- Rate limit: 60 requests a minute per key (moving window); ``X-RateLimit-Limit``,
  ``X-RateLimit-Remaining`` and ``X-RateLimit-Reset`` (ISO time, ms, ``Z``) on every response
  for a known key (403s and 404s too, read without counting); 429 ``rate_limited`` adds
  ``Retry-After`` (seconds). A 401 has none: the caller is not known, so there is no window.
- Detail: ``messages[0]`` is the opening message (its body is ``body``), ``messageCount`` equals
  ``len(messages)``, the last message is ``lastMessageAt``, senders are ``customer``, ``staff``
  or ``automation`` and fit the status. Attachments carry ``id``, ``filename``, ``contentType``,
  ``byteLength`` (the upload response's names) and a ``downloadUrl`` on this server with
  ``?ticketId=``; the ticket's ``attachments`` are its messages' attachments in order.
- Fixtures are detail responses; ``messageCount`` must equal the messages, the department must
  be one of the catalogue's, ``createdAt`` must not be null.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from mockdesk.core.auth import AuthPolicy
from mockdesk.core.dataset import Dataset
from mockdesk.core.errors import RateLimitStatus
from mockdesk.core.store import AnyOf
from mockdesk.core.timeline import utc_millis
from mockdesk.core.vendor import DataSpec, DetailEndpoint, ListEndpoint, RateLimitPolicy, VendorSpec
from mockdesk.vendors.hostup import data, envelope, errors, fixtures, query, serializer
from mockdesk.vendors.hostup.routes import routes

TICKET_ID = re.compile(rf"tkt_[{data.CROCKFORD}]{{26}}")
TICKET_NUMBER = re.compile(r"[0-9]+")


def rate_limit_headers(status: RateLimitStatus) -> dict[str, str]:
    """For every response to a known key; ``X-RateLimit-Reset`` is an ISO time, not epoch."""
    reset = datetime.fromtimestamp(status.reset_at, UTC)
    return {
        "X-RateLimit-Limit": str(status.limit),
        "X-RateLimit-Remaining": str(status.remaining),
        "X-RateLimit-Reset": utc_millis(reset) or "",
    }


def locate(args: Mapping[str, Any], dataset: Dataset) -> data.Ticket | None:
    """By public ``tkt_`` id, or by the numeric number ("accepted during migration")."""
    reference = args["ticket_ref"]
    if TICKET_ID.fullmatch(reference):
        found: data.Ticket | None = dataset.store.get(reference)
        return found
    if TICKET_NUMBER.fullmatch(reference):
        matches = dataset.store.select([AnyOf("number", {reference.lstrip("0") or "0"})])
        return matches[0] if matches else None
    return None


SPEC = VendorSpec(
    slug="hostup",
    name="HostUp API v2 (support)",
    base_paths=("/api/v2",),
    auth=AuthPolicy(schemes=("bearer",), scope="read:support"),
    auth_description="Bearer API key with scope read:support (departments: read:account)",
    demo_headers={"Authorization": "Bearer mockdesk-token", "Accept": "application/json"},
    rate_limit=RateLimitPolicy(default="60/minute", headers=rate_limit_headers),
    listing=ListEndpoint(
        path="/api/v2/support/tickets",
        query=query.TicketQuery,
        criteria=query.criteria,
        check=envelope.check_department,
        page=envelope.read_page,
        envelope=envelope.tickets_page,
    ),
    detail=DetailEndpoint(
        path="/api/v2/support/tickets/<ticket_ref>", locate=locate, envelope=envelope.ticket
    ),
    serialize=serializer.serialize,
    render_error=errors.render_error,
    data=DataSpec(
        generate=data.generate,
        load_fixture=fixtures.load_fixture,
        order_key=data.order_key,
        catalog=data.catalog,
        indexed=("status", "department_slug", "number"),
        locales=("sv_SE",),
    ),
    routes=routes,
)
