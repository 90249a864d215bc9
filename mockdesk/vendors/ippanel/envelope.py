"""IPPanel's bodies: Laravel's ``LengthAwarePaginator`` flattened into ``meta`` next to the status
fields for the list, ``{"data", "meta"}`` for one ticket.

Key order as the seed shows it. ``from``/``to`` are null on an empty page (a page past the last,
or no matches) and ``last_page`` is at least 1, as Laravel computes them.
"""

from __future__ import annotations

from typing import Any

from mockdesk.core.paging.offset import OffsetPage
from mockdesk.core.vendor import DetailContext, ListContext
from mockdesk.vendors.ippanel.serializer import serialize_detail

SUCCESS = {"status": True, "message": "Success"}


def tickets_page(context: ListContext[OffsetPage[Any]]) -> dict[str, Any]:
    page = context.page
    return {
        "data": context.render(page.items),
        "meta": {
            "current_page": page.page,
            "from": page.first_position,
            "last_page": max(1, page.pages),
            "per_page": page.size,
            "to": page.last_position,
            "total": page.total,
            **SUCCESS,
            "message_code": "200-1",
        },
    }


def ticket(context: DetailContext) -> dict[str, Any]:
    meta = {**SUCCESS, "message_parameters": [], "message_code": "200-1"}
    return {"data": serialize_detail(context.ticket), "meta": meta}
