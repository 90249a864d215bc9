"""IPPanel Edge reseller API: ``GET /v1/api/ticket`` and ``GET /v1/api/ticket/show``.

Documented (shared/seeds/002 = ``ippanelcom/Edge-Document:docs/ticket/list-ticket.md``, and
``ticket-id.md``): the list's parameters (``page``, ``per_page`` default 10 max 1000, ``username``,
``ticket_id``, ``category_id``, ``sub_category_id``, ``state_id`` 1-5), the list item and its
Laravel ``meta``, the raw-token ``Authorization`` header, the 401 body, the detail shape and its
422 for a missing ``ticket_id``. Decisions where the docs are silent (shared/vendors.md,
"Decisions", and this package's own):

- Auth: the whole ``Authorization`` header is the token (``mockdesk-token``); ``Bearer <token>``,
  a wrong or a missing header get the seed's 401 byte for byte (``message_code`` "400-1").
  ``mockdesk-token-noscope`` stands for a valid key that is not a reseller's: 403, same envelope,
  "شما به این بخش دسترسی ندارید", ``message_code`` "403-1".
- JSON: Laravel's ``JsonResponse`` with ``JSON_UNESCAPED_UNICODE`` (Persian as UTF-8, so the 401
  equals the seed byte for byte) and PHP's default ``\\/`` for slashes; compact, key order as
  the docs.
- Validation: 422, ``message_code`` "400-2", errors keyed by parameter in the rules' order
  (page, per_page, username, ticket_id, category_id, sub_category_id, state_id), one message per
  parameter (its first failing rule), from the Persian Laravel translation IPPanel quotes:
  ``integer`` "گزینه :attribute باید از نوع عددی باشد", ``min`` "گزینه :attribute باید حداقل :min
  باشد", ``max`` "گزینه :attribute نباید بزرگتر از :max باشد", ``in`` (state_id outside 1-5)
  "گزینه انتخابی :attribute صحیح نمی باشد", ``required`` "تکمیل گزینه :attribute الزامی است";
  ``:attribute`` is the name with "_" as " ". ``message`` is the first one + " (و N خطای دیگر)".
- Values are trimmed and an empty one is null (Laravel middleware): ``state_id=`` and the other
  integer parameters fail ``integer`` (422); ``username=`` matches nothing (200, empty ``data``).
  Integers follow PHP's ``FILTER_VALIDATE_INT`` ("+5" is 5; "05", "1.0", "1e3" are not integers).
  ``username`` matches exactly but without regard to case (MySQL's default collation).
- ``per_page`` outside 1..1000 and ``page`` < 1 are 422 (no clamping). A page past the last is a
  200 with ``data: []``, ``from``/``to`` null; ``last_page = max(1, ceil(total/per_page))``.
- Order: newest first, ties by id descending.
- State names: 1 waiting_response, 2 waiting_support, 3 replied, 4 closed, 5 forwarded.
  ``importance`` is "normal" or "acute"; ``min_rate`` and ``deleted_at`` are always null (deleted
  tickets are not listed); ``forward.to`` is 1 (support) unless the ticket was forwarded (2-4).
- Detail: ``GET /v1/api/ticket/show?ticket_id=N`` in the ticket-id.md shape (meta with
  ``message_parameters``); ``created_at`` there is "Y-m-d H:i:s" in UTC; ``manager_comment``
  null is "". No such ticket: 404, "تیکت مورد نظر یافت نشد", ``message_code`` "404-1". Fixture
  tickets (a pasted list item) have no interactions or attachment in the detail.
- Interactions are the rest of the exchange the description opens (the core's conversation
  generator, per sub-category), in the ticket's own language, quoting its line, phone and
  code; the state decides the last one (1 the agent's question, 2 the customer's or none, 3 the
  agent's answer or a private note after it, 4 the agent's close, 5 the agent's private
  forwarding note); internal notes are ``private: 1``; times are whole seconds, strictly
  increasing, before the data's "now". ``close_desc`` and ``rate_comment`` are in the ticket's
  language too.
- Data (docs/ippanel.md, "Timestamps" and "Storage"): ``id``, ``created_at``, ``updated_at``,
  ``state_id``, ``category_id``, ``sub_category_id`` and a hash of the case-folded username are
  columns (``data.COLUMNS``), every filter is one comparison over them, and a ticket is built
  only when read. Nothing is stamped at the data's "now": ``updated_at`` lies between
  ``created_at`` and a second before it, recently for active open tickets, a lifetime after
  opening for closed and abandoned ones; a forwarded ticket's forwarding note is its
  ``updated_at``.
- No neighbouring read endpoints (categories, sub-categories, states): IPPanel documents none
  (``ippanelcom/Edge-Document`` ``docs/ticket/*``, its Persian copies, ``sidebars.ts`` and its
  history list only create, list, show and reply; the repository's only "categories" are SMS
  job categories). docs/ippanel.md lists what was searched.
- Other paths under /v1: 404 "آدرس مورد نظر یافت نشد" "404-1"; wrong method 405 "405-1" with
  ``Allow``; a crash 500 "500-1". All in the same envelope.
- Rate limit (Laravel's ``throttle:60,1``): 60 a minute per token; ``X-RateLimit-Limit`` and
  ``X-RateLimit-Remaining`` on every response for a known key; the 429 adds ``Retry-After`` and
  ``X-RateLimit-Reset`` (epoch seconds) as Laravel's middleware does; the body's message is
  Laravel's "Too Many Attempts." in Persian (``errors.TOO_MANY_ATTEMPTS``), code "429-1".
- A 503 (only ever injected by a fault rule) is the Laravel envelope with ``message_code``
  "503-1" and "سرویس موقتا در دسترس نیست" (the service is temporarily unavailable).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mockdesk.core.auth import AuthPolicy
from mockdesk.core.dataset import Dataset
from mockdesk.core.encoding import LARAVEL
from mockdesk.core.errors import RateLimitStatus
from mockdesk.core.paging.offset import OffsetPager
from mockdesk.core.vendor import DataSpec, DetailEndpoint, ListEndpoint, RateLimitPolicy, VendorSpec
from mockdesk.vendors.ippanel import data, envelope, errors, fixtures, query, serializer


def rate_limit_headers(status: RateLimitStatus) -> dict[str, str]:
    """Laravel's ``ThrottleRequests`` headers (the 429's extra ones come from render_error)."""
    return {"X-RateLimit-Limit": str(status.limit), "X-RateLimit-Remaining": str(status.remaining)}


def locate(args: Mapping[str, Any], dataset: Dataset) -> data.Ticket | None:
    """``show?ticket_id=N``: the id comes from the query, not the path."""
    return dataset.store.get(args["ticket_id"])


SPEC = VendorSpec(
    slug="ippanel",
    name="IPPanel Edge reseller API",
    base_paths=("/v1",),
    auth=AuthPolicy(schemes=("raw",), scope="reseller"),
    auth_description="raw token in Authorization (no Bearer prefix)",
    demo_headers={"Authorization": "mockdesk-token"},
    rate_limit=RateLimitPolicy(default="60/minute", headers=rate_limit_headers),
    listing=ListEndpoint(
        path="/v1/api/ticket",
        query=query.TicketQuery,
        criteria=query.criteria,
        page=OffsetPager(page_param="page", size_param="per_page"),
        envelope=envelope.tickets_page,
    ),
    detail=DetailEndpoint(
        path="/v1/api/ticket/show", query=query.ShowQuery, locate=locate, envelope=envelope.ticket
    ),
    serialize=serializer.serialize,
    render_error=errors.render_error,
    data=DataSpec(
        generate=data.generate,
        load_fixture=fixtures.load_fixture,
        catalog=data.catalog,
        locales=("fa_IR", "en_US"),
        columns=data.COLUMNS,
    ),
    json_style=LARAVEL,
)
