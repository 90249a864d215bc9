"""HostUp API v2 support tickets: ``GET /api/v2/support/tickets`` and friends.

Documented (shared/seeds/003): the list's parameters (``limit`` 1..100, ``cursor``, ``status``,
``departmentSlug``), the ``data/hasMore/nextCursor`` envelope, the summary fields, Bearer keys
with scope ``read:support``, RFC 7807 problems with ``code``. Decisions where the docs are
silent (shared/vendors.md, "Decisions"; the rest are this package's own):

- Also served: ``GET /api/v2/support/tickets/{id}`` (a ``tkt_`` id or the numeric number;
  adds ``body``, ``attachments``, ``messages``), ``GET /api/v2/support/departments`` (scope
  ``read:account``; only the departments some ticket uses, so its slugs are exactly the
  tickets' slugs) and ``GET /api/v2/support/attachments/{id}?ticketId=tkt_…`` (below).
  Anything else under /api/v2 is a problem-document 404 (405 with ``Allow`` for a wrong method
  on a served path).
- Attachment download (developer.hostup.se ``get-v2-support-attachments-id``: "Download a
  support ticket attachment as binary data… The API verifies the attachment belongs to that
  ticket"; scope ``read:support``): checks in the order admit (faults, auth, scope, rate
  limit), then ``ticketId``, then ownership. ``ticketId`` missing or empty: the page's 400
  example (title "Invalid request", detail "`ticketId` query parameter is required.",
  ``errors[0]`` code ``missing_required``); present but not ``tkt_`` + 26 Crockford characters:
  the same 400 with "`ticketId` must be a support ticket ID (tkt_...)." and code
  ``invalid_format``. An unknown attachment, an unknown ticket, or another ticket's attachment:
  404 ``attachment_not_found`` "Attachment not found" / "The requested attachment could not be
  found." (HostUp's errors/attachment_not_found page), so a caller cannot probe which tickets
  exist. 200: the bytes, ``Content-Type`` exactly the attachment's ``contentType``,
  ``Content-Length`` its ``byteLength``, ``Content-Disposition: attachment; filename="…"``
  (RFC 6266, ``filename*`` when not ASCII); HEAD works. The file is real where it can be
  (``mockdesk.core.attachments``): a PNG screenshot, a one-page HostUp invoice PDF in the
  ticket's language, web-server and PHP error-log lines that end before the message that
  carried the file, pasted configuration; always exactly ``byteLength`` bytes and a pure
  function of the ticket and attachment, so the same seed serves the same bytes.
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
- Order: newest ``createdAt`` first, ties by id descending (by the id's low 64 bits, as a
  signed integer: the ``id`` column). ``nextCursor`` is null exactly when ``hasMore`` is false.
- Data (``data`` module docstring, docs/hostup.md): columns ``id``, ``number``, ``status``,
  ``priority``, ``department_slug``, ``created_at``, ``updated_at``; tickets built on demand.
  Status depends on age, ``updatedAt`` on status (unsolved: touched in the last ten days;
  closed: when solved), messages inside [``createdAt``, ``updatedAt``], nothing at the epoch.
- Problem documents: ``application/problem+json``; ``requestId`` a fresh random ULID per
  response; ``timestamp`` the real current time. 404 ``not_found`` ("Ticket not found" for a
  ticket, "Not found" for a path), 405 ``method_not_allowed``, 500 ``internal_error``.
- Rate limit: 60 requests a minute per key (moving window); ``X-RateLimit-Limit``,
  ``X-RateLimit-Remaining`` and ``X-RateLimit-Reset`` (ISO time, ms, ``Z``) on every response
  for a known key (403s and 404s too, read without counting); 429 ``rate_limited`` adds
  ``Retry-After`` (seconds). A 401 has none: the caller is not known, so there is no window.
- Detail: ``messages[0]`` is the opening message (its body is ``body``), ``messageCount`` equals
  ``len(messages)``, the last message is ``lastMessageAt``, senders are ``customer``, ``staff``
  or ``automation`` and fit the status. The conversation is a support exchange about the
  department's kind of problem (the core's conversation generator), in Swedish for about 60%
  of tickets and English for the rest (hostup.se is Swedish, its API docs English), one
  language per ticket, automatic notices included; it quotes the linked service's domain or
  address. Times strictly increase and stay before the data's "now". Attachments carry
  ``id``, ``filename``, ``contentType``, ``byteLength`` (the upload response's names) and a
  ``downloadUrl`` on this server with ``?ticketId=``; the ticket's ``attachments`` are its
  messages' attachments in order.
- Fixtures are detail responses; ``messageCount`` must equal the messages, the department must
  be one of the catalogue's, ``createdAt`` must not be null.
- A 503 (only ever injected by a fault rule) is a problem document with code
  ``service_unavailable``, title "Service unavailable".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from mockdesk.core.auth import AuthPolicy
from mockdesk.core.dataset import Dataset
from mockdesk.core.errors import RateLimitStatus
from mockdesk.core.store import Mask
from mockdesk.core.timeline import utc_millis
from mockdesk.core.vendor import DataSpec, DetailEndpoint, ListEndpoint, RateLimitPolicy, VendorSpec
from mockdesk.vendors.hostup import data, envelope, errors, fixtures, query, serializer
from mockdesk.vendors.hostup.routes import routes

TICKET_ID = query.TICKET_ID
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
        return data.exact(dataset.store.get(reference), reference)
    number = data.number_key(reference) if TICKET_NUMBER.fullmatch(reference) else None
    if number is not None:
        matches = dataset.store.select([Mask(lambda view: view["number"] == number)])
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
        catalog=data.catalog,
        locales=("sv_SE",),
        columns=data.COLUMNS,
    ),
    routes=routes,
)
