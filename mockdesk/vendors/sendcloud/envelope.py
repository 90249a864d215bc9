"""Sendcloud's bodies: fastapi-pagination's ``Page`` (``total/page/pages/size/items``) for the
list, the bare ``TicketResponse`` for one ticket."""

from __future__ import annotations

from typing import Any

from mockdesk.core.paging.offset import OffsetPage
from mockdesk.core.vendor import DetailContext, ListContext
from mockdesk.vendors.sendcloud.serializer import serialize


def tickets_page(context: ListContext[OffsetPage[Any]]) -> dict[str, Any]:
    page = context.page
    return {
        "total": page.total,
        "page": page.page,
        "pages": page.pages,
        "size": page.size,
        "items": context.render(page.items),
    }


def ticket(context: DetailContext) -> dict[str, Any]:
    return serialize(context.ticket)
