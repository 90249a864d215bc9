"""HostUp's bodies: the forward-only cursor envelope ``{"data", "hasMore", "nextCursor"}`` and a
ticket's detail.

Cursors are the core's signed, opaque cursors, carrying the listing order's key as the columns
hold it (``[-createdAt seconds, -id key]``); a page is found by a binary search over the
matches' rows reading only those two columns (about 20 scalar reads at a million tickets), so
no ticket but the page's own is built and page 60,000 costs what page 1 does. They are bound
to the filters (``status``, ``departmentSlug``) and keyed per seed; ``limit`` may change from
page to page, since a cursor marks a position, not an offset. A cursor minted under other
filters, another seed, or altered in any way is ``InvalidCursor``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from mockdesk.core.dataset import Dataset
from mockdesk.core.errors import FieldProblem, InvalidQuery, ProblemKind
from mockdesk.core.paging.cursor import CursorPage, Position, cursor_page
from mockdesk.core.store import Selection
from mockdesk.core.vendor import DetailContext, ListContext
from mockdesk.vendors.hostup.data import Ticket, departments_in_use, order_key
from mockdesk.vendors.hostup.query import filters
from mockdesk.vendors.hostup.serializer import serialize_detail


def check_department(query: Mapping[str, Any], dataset: Dataset) -> None:
    """``departmentSlug`` must name a department from ``GET /api/v2/support/departments``."""
    slug = query.get("departmentSlug")
    if slug is None:
        return
    known = tuple(d.slug for d in departments_in_use(dataset.catalog, dataset.store))
    if slug not in known:
        problem = FieldProblem("departmentSlug", ProblemKind.NOT_CHOICE, slug, {"choices": known})
        raise InvalidQuery([problem])


def read_page(
    matches: Sequence[Ticket], query: Mapping[str, Any], dataset: Dataset
) -> CursorPage[Ticket]:
    """The list's ``page`` step: the page after the request's cursor (the first without one)."""
    codec = dataset.catalog.cursors
    position = None
    if "cursor" in query:
        position = codec.decode(query["cursor"], filters(query), valid_key=valid_cursor_key)
    if not isinstance(matches, Selection):  # not from the columnar store: bisect built tickets
        return cursor_page(matches, _cursor_key, position, query["limit"])
    return _column_page(matches, dataset, position, query["limit"])


def _column_page(
    matches: Selection[Ticket], dataset: Dataset, position: Position | None, limit: int
) -> CursorPage[Ticket]:
    """:func:`cursor_page` over the columns: the same page, keys read from ``created_at`` and
    ``id`` rather than from built tickets."""
    created, ids, rows = (
        dataset.store.columns["created_at"],
        dataset.store.columns["id"],
        matches.rows,
    )

    def key(at: int) -> tuple[float, int]:
        row = rows[at]
        return (-float(created[row]), -int(ids[row]))

    if position is None:
        start, end = 0, min(limit, len(rows))
    else:
        wanted = (float(position.key[0]), int(position.key[1]))
        lo, hi = 0, len(rows)
        while lo < hi:  # the first row past the key (or, reading back, at or past it)
            mid = (lo + hi) // 2
            if key(mid) < wanted or (not position.reverse and key(mid) == wanted):
                lo = mid + 1
            else:
                hi = mid
        start, end = (
            (max(0, lo - limit), lo) if position.reverse else (lo, min(lo + limit, len(rows)))
        )
    items = matches[start:end]
    if not items:
        return CursorPage(items=items, next=None, previous=None, origin=position)
    return CursorPage(
        items=items,
        next=Position(list(key(end - 1))) if end < len(rows) else None,
        previous=Position(list(key(start)), reverse=True) if start > 0 else None,
        origin=position,
    )


# The listing order's key as a cursor carries it: (negative creation time in Unix seconds,
# negative id key), the columns' order, so bisecting the matches builds about log2(N) tickets.
def valid_cursor_key(key: Any) -> bool:
    """``[number, int]`` with a finite number (a huge integer is refused here: the core's
    ``shaped_like`` lets ``math.isfinite`` raise ``OverflowError`` on one)."""
    if not (isinstance(key, list) and len(key) == 2 and type(key[1]) is int):
        return False
    if type(key[0]) not in (int, float):
        return False
    try:
        return math.isfinite(float(key[0]))
    except OverflowError:
        return False


def tickets_page(context: ListContext[CursorPage[Ticket]]) -> dict[str, Any]:
    page = context.page
    codec = context.dataset.catalog.cursors
    return {
        "data": context.render(page.items),
        "hasMore": page.next is not None,
        "nextCursor": None
        if page.next is None
        else codec.encode(page.next, filters(context.query)),
    }


def ticket(context: DetailContext) -> dict[str, Any]:
    return serialize_detail(context.ticket, context.url.root)


def _cursor_key(ticket: Ticket) -> list[Any]:
    """The listing order as JSON gives it back from a cursor (a list, not a tuple)."""
    return list(order_key(ticket))
