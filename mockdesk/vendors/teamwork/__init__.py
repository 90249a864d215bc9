"""Teamwork Desk API v2: ``GET /desk/api/v2/tickets.json`` and ``/tickets/{id}.json``, and
beside them (``routes``) what Teamwork's own clients call: ``/search/tickets.json`` (``search``),
the SDK's lookup resources ``/<base>.json`` and ``/<base>/{id}.json`` for ticketstatuses,
ticketpriorities, tickettypes, ticketsources, inboxes, users, customers, companies, tags,
businesshours and messages (``lookups``), and ``/tickets/{id}/messages.json``. Their evidence
and decisions are in those modules' docstrings and docs/teamwork.md; in short: desksdkgo's paths,
envelope keys (``ticketSources``…) and field types; the MCP server's query strings (zero values
mean "no constraint", day-only dates, search pages reset over 200 to 50, lists clamp at 100);
lookups ordered by id ascending; threads written by the core's conversation generator
(``conversation``), ``htmlBody`` being what the SDK reads.

Documented (shared/seeds/004, cut short, and shared/vendors.md): the ``filter`` fields and the
``orderBy`` list; the Validator 400 body; ``X-Rate-Limit-*`` headers and 120 requests a minute.
Decisions where the docs are silent (shared/vendors.md, "Decisions", and these):

- Auth: ``Authorization: Bearer <API key>`` (``mockdesk-token``), or Basic with the API key as
  the username and any password (``mockdesk-token:x``), Teamwork's general scheme. Desk keys
  have no scopes, so ``mockdesk-token-noscope`` is accepted too (no 403).
- 401: ``text/plain; charset=utf-8`` ``Unauthorised.\\n`` with ``WWW-Authenticate: Basic
  realm="Restricted"`` (Teamwork's public Go auth middleware), for a missing or wrong key.
- Bodies are Go JSON: keys in byte order (Go map order; the seed's example is sorted),
  ``<``, ``>``, ``&`` written ``\\u003c``…, non-ASCII raw. Success bodies end with ``\\n``
  (``json.Encoder``); Validator bodies do not (``Validator.ErrorJSON`` is ``json.Marshal``).
- Repeated parameters: the first value wins (Go's ``url.Values.Get``).
- List body: ``tickets``, ``included``, ``meta.page`` ``{count, pageSize, pageOffset, pages,
  hasMore}`` and ``pagination`` ``{records, pageSize, pages, page, hasMorePages}``;
  ``pageOffset = page - 1``; ``pages = ceil(count/pageSize)``, 0 when nothing matches; a page
  past the last is 200 with ``tickets: []``.
- ``page`` from 1; ``pageSize`` default 50, above 100 clamped to 100 (and reported as 100),
  below 1 a 400 ``must be 1 or higher``; non-digits ``must be a whole number``.
- ``filter``: JSON object; keys ANDed; ``$and``/``$or`` take non-empty arrays; a bare value is
  ``$eq``; relations by numeric id; dates ``YYYY-MM-DD`` compared by UTC day; ``$ne``/``$nin``
  are the exact complements of ``$eq``/``$in`` (so they select nulls); ``$lt``… never match a
  null; ``spam_rules`` matches when any rule does; ``state`` is ``active`` or ``deleted``; an
  empty ``filter=`` is no filter. 400 keys and messages: ``filter`` "invalid filter" (bad JSON
  or structure), ``filter`` "must be one of ‘<fields>’" (unknown field), ``filter.<field>``
  "must be one of ‘$eq, …’" (unknown operator) or "must be set" (``{}``),
  ``filter.<field>.<op>`` "must be a whole number" / "must be a number" / "must be a string" /
  "must be a date as ‘2006-01-02’" / "must be a list" / "must be set" (null to ``$lt``…).
- ``orderBy`` one of the seed's list (default ``createdAt``), ``orderMode`` ``asc|desc``
  (default ``desc``); nulls first ascending (MySQL); ties by id in the same direction; to-many
  paths sort by the first related row; ``reviewStatus`` and ``tickets_users_deck.createdAt``
  are accepted and, with no reviews or decks in the data, order by id alone.
- ``includes``: comma list of side-load types or ``all``; ``included`` has one key per requested
  type (``all`` = every accepted type) holding exactly the entities the page's tickets reference
  directly, sorted by id; types the data never references are empty lists; without
  ``includes`` it is ``{}``. Unknown types are a 400 ``must be one of ‘…’``.
- ``fields``: comma list of ticket keys; ``id`` is always kept; unknown names are a 400.
- Deleted tickets (``state: deleted``) are listed like any other unless filtered out.
- ``GET /desk/api/v2/tickets/{id}.json``: ``{"ticket": …, "included": …}`` (honours
  ``includes`` and ``fields``); an unknown id, like an unknown path, is Go's ``404 page not
  found\\n`` (text/plain); a wrong method is ``405 Method Not Allowed`` with ``Allow``.
- 120 requests a minute per key; ``X-Rate-Limit-Limit``, ``X-Rate-Limit-Remaining`` and
  ``X-Rate-Limit-Reset`` (whole seconds until the window frees a request) on every response for a
  known key, the 429 included; the 429 has an empty body and no ``Retry-After``.
- Timestamps are RFC 3339 with milliseconds and ``Z`` (``2024-04-24T16:17:38.594Z``), all
  strictly before the data epoch; a thread's strictly increase and lie inside the ticket's
  ``[createdAt, updatedAt]``; ``updatedAt`` is recent for open tickets and soon after opening
  for solved ones (never clamped to the epoch).
- Tickets are columns (``data.COLUMNS``), built when read. Filters, orderings and the search
  are answered from the columns, except what only the conversation knows (``subject``,
  ``previewText``, ``responseTimeMins``, ``resolutionTimeMins``, ``messages.messageId``, free
  text): those read built tickets, slow for a large store; so does the ``messages.json`` list.
- Every endpoint beside the list shares its admit: faults, credentials, and the one rate-limit
  window per key (vendors.md, "Decisions for the neighbouring endpoints").
- A 503 (only ever injected by a fault rule) is Go's ``http.Error`` text ``Service
  Unavailable\n`` (text/plain).
"""

from __future__ import annotations

from mockdesk.core.auth import AuthPolicy
from mockdesk.core.encoding import GO_ENCODER
from mockdesk.core.errors import RateLimitStatus
from mockdesk.core.paging.offset import OffsetPager
from mockdesk.core.vendor import (
    DataSpec,
    DetailEndpoint,
    ListEndpoint,
    RateLimitPolicy,
    VendorSpec,
    locate_by_id,
)
from mockdesk.vendors.teamwork import data, envelope, errors, fixtures, query, routes, serializer


def rate_limit_headers(status: RateLimitStatus) -> dict[str, str]:
    return {
        "X-Rate-Limit-Limit": str(status.limit),
        "X-Rate-Limit-Remaining": str(max(0, status.remaining)),
        "X-Rate-Limit-Reset": str(status.retry_after),
    }


SPEC = VendorSpec(
    slug="teamwork",
    name="Teamwork Desk API v2",
    base_paths=("/desk/api/v2",),
    auth=AuthPolicy(schemes=("bearer", "basic"), basic_username_is_token=True),
    auth_description="Bearer API key, or Basic with the API key as username (any password)",
    demo_headers={"Authorization": "Bearer mockdesk-token"},
    rate_limit=RateLimitPolicy(default="120/minute", headers=rate_limit_headers),
    listing=ListEndpoint(
        path="/desk/api/v2/tickets.json",
        query=query.TicketQuery,
        criteria=query.criteria,
        order=envelope.ordered,
        page=OffsetPager(page_param="page", size_param="pageSize", max_size=query.MAX_PAGE_SIZE),
        envelope=envelope.tickets_page,
    ),
    detail=DetailEndpoint(
        path="/desk/api/v2/tickets/<int:ticket_id>.json",
        query=query.DetailQuery,
        locate=locate_by_id,
        envelope=envelope.ticket,
    ),
    serialize=serializer.serialize,
    render_error=errors.render_error,
    routes=routes.routes,
    data=DataSpec(
        generate=data.generate,
        load_fixture=fixtures.load_fixture,
        catalog=data.catalog,
        columns=data.COLUMNS,
    ),
    json_style=GO_ENCODER,
)
