"""tickets.json's envelope: ``tickets``, ``included`` and both paging blocks the SDK reads.

``meta.page`` is ``{count, pageSize, pageOffset, pages, hasMore}`` with ``pageOffset`` in page
units (page 3 is offset 2, as Teamwork's paging guide shows); ``pagination`` repeats it as
``{records, pageSize, pages, page, hasMorePages}``. ``pageSize`` above 100 is clamped, and the
clamped value is what both blocks report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mockdesk.core.generator import Dataset
from mockdesk.core.listing import render_items
from mockdesk.core.paging.offset import OffsetPage
from mockdesk.vendors.teamwork.data import Ticket
from mockdesk.vendors.teamwork.ordering import order
from mockdesk.vendors.teamwork.query import page_size
from mockdesk.vendors.teamwork.serializer import included, serialize, sparse


def paginate(matches: Sequence[Ticket], query: Mapping[str, Any], data: Dataset) -> dict[str, Any]:
    ordered = order(matches, query["orderBy"], query["orderMode"])
    page = OffsetPage.of(ordered, query["page"], page_size(query))
    wanted = frozenset(query["sparse_fields"])
    return {
        "tickets": (
            [sparse(serialize(ticket), wanted) for ticket in page.items]
            if wanted
            else render_items(page.items)
        ),
        "included": included(page.items, query["includes"], data.catalog),
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
