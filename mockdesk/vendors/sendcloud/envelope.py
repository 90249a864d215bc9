"""Sendcloud's bodies: fastapi-pagination's ``Page`` (``total/page/pages/size/items``) for the
list, the bare ``TicketResponse`` for one ticket, and ``{"data": [...]}`` for requested data."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC
from typing import Any

from mockdesk.core.paging.offset import OffsetPage
from mockdesk.core.vendor import DetailContext, ListContext
from mockdesk.vendors.sendcloud.data import Ticket
from mockdesk.vendors.sendcloud.requested import public_data_type, title
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


def requested_data(tickets: Iterable[Ticket]) -> dict[str, Any]:
    """``GET /support/dsf/tickets/requested-data``: one item per requested action of every ticket
    waiting on the merchant (stage ``action_required``), oldest request first (ties by id).

    Optional members are left out rather than sent as null (the schema does not allow null):
    ``description`` when there is none, ``tracking_number`` and ``order_number`` when the
    ticket has none. Times are whole seconds with ``Z``, as the example writes them.
    """
    found = [
        (action, ticket)
        for ticket in tickets
        if ticket.stage == "action_required"
        for action in ticket.requested_actions
    ]
    found.sort(key=lambda pair: (pair[0].created_at, pair[0].id))
    items = []
    for action, ticket in found:
        item: dict[str, Any] = {
            "created_at": action.created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "request_id": action.id,
            "title": title(action.data_type),
        }
        optional = {
            "description": action.description,
            "tracking_number": ticket.tracking_number,
            "order_number": ticket.order_number,
        }
        item.update({key: value for key, value in optional.items() if value is not None})
        item["data_type"] = public_data_type(action.data_type)
        items.append(item)
    return {"data": items}
