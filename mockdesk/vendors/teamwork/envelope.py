"""Teamwork Desk's bodies: ``tickets``, ``included`` and both paging blocks the SDK reads; one
ticket as ``{"ticket", "included"}``.

``meta.page`` is ``{count, pageSize, pageOffset, pages, hasMore}`` with ``pageOffset`` in page
units (page 3 is offset 2, as Teamwork's paging guide shows); ``pagination`` repeats it as
``{records, pageSize, pages, page, hasMorePages}``. ``pageSize`` above 100 is clamped, and the
clamped value is what both blocks report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mockdesk.core.paging.offset import OffsetPage
from mockdesk.core.vendor import DetailContext, ListContext
from mockdesk.vendors.teamwork.data import Ticket
from mockdesk.vendors.teamwork.ordering import order
from mockdesk.vendors.teamwork.serializer import included, serialize, sparse


def ordered(matches: Sequence[Ticket], query: Mapping[str, Any]) -> Sequence[Ticket]:
    """The list's ``order`` step: ``orderBy`` and ``orderMode``."""
    return order(matches, query["orderBy"], query["orderMode"])


def tickets_page(context: ListContext[OffsetPage[Ticket]]) -> dict[str, Any]:
    page, query = context.page, context.query
    wanted = frozenset(query["sparse_fields"])
    return {
        "tickets": (
            [sparse(serialize(ticket), wanted) for ticket in page.items]
            if wanted
            else context.render(page.items)
        ),
        "included": included(page.items, query["includes"], context.dataset.catalog),
        "meta": {
            "page": {
                "count": page.total,
                "pageSize": page.size,
                "pageOffset": page.page - 1,
                "pages": page.pages,
                "hasMore": page.has_more,
            }
        },
        "pagination": {
            "records": page.total,
            "pageSize": page.size,
            "pages": page.pages,
            "page": page.page,
            "hasMorePages": page.has_more,
        },
    }


def ticket(context: DetailContext) -> dict[str, Any]:
    """One ticket with its side-loads; ``includes`` and ``fields`` work as on the list."""
    query = context.query
    return {
        "ticket": sparse(serialize(context.ticket), frozenset(query["sparse_fields"])),
        "included": included([context.ticket], query["includes"], context.dataset.catalog),
    }
