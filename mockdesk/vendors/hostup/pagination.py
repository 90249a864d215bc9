"""HostUp's forward-only cursor envelope: ``{"data", "hasMore", "nextCursor"}``.

Cursors are the core's signed, opaque cursors, bound to the filters (``status``,
``departmentSlug``) and keyed per seed; ``limit`` may change from page to page, since a cursor
marks a position, not an offset. A cursor minted under other filters, another seed, or altered
in any way is ``InvalidCursor``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mockdesk.core.errors import FieldProblem, InvalidQuery
from mockdesk.core.generator import Dataset
from mockdesk.core.listing import render_items
from mockdesk.core.paging.cursor import cursor_page
from mockdesk.core.store import AnyOf
from mockdesk.vendors.hostup.data import Department, order_key
from mockdesk.vendors.hostup.query import filters


def departments_in_use(data: Dataset) -> list[Department]:
    """The catalogue's departments that at least one ticket belongs to, in catalogue order."""
    return [
        department
        for department in data.catalog.departments
        if data.store.select([AnyOf("department_slug", {department.slug})])
    ]


def paginate(matches: Sequence[Any], query: Mapping[str, Any], data: Dataset) -> dict[str, Any]:
    bound = filters(query)
    slug = bound.get("departmentSlug")
    if slug is not None:
        known = tuple(d.slug for d in departments_in_use(data))
        if slug not in known:
            raise InvalidQuery(
                [FieldProblem("departmentSlug", "not_choice", slug, {"choices": known})]
            )
    codec = data.catalog.cursors
    position = codec.decode(query["cursor"], bound) if "cursor" in query else None
    page = cursor_page(matches, _cursor_key, position, query["limit"])
    return {
        "data": render_items(page.items),
        "hasMore": page.next is not None,
        "nextCursor": None if page.next is None else codec.encode(page.next, bound),
    }


def _cursor_key(ticket: Any) -> list[Any]:
    """The listing order as JSON gives it back from a cursor (a list, not a tuple)."""
    return list(order_key(ticket))
