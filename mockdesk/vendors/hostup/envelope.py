"""HostUp's bodies: the forward-only cursor envelope ``{"data", "hasMore", "nextCursor"}`` and a
ticket's detail.

Cursors are the core's signed, opaque cursors, carrying the listing order's key as the columns
hold it (``[-createdAt seconds, -id key]``); the core's :func:`cursor_page` finds a page by
those two columns (:class:`ColumnKey`: a binary search reading about 20 rows of each at a
million tickets), so no ticket but the page's own is built and page 50,000 costs what page 1
does. They are bound to the filters (``status``, ``departmentSlug``) and keyed per seed;
``limit`` may change from page to page, since a cursor marks a position, not an offset. A
cursor minted under other filters, another seed, or altered in any way, or carrying a key of
another shape, is ``InvalidCursor``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mockdesk.core.dataset import Dataset
from mockdesk.core.errors import FieldProblem, InvalidQuery, ProblemKind
from mockdesk.core.paging.cursor import ColumnKey, CursorPage, cursor_page, shaped_like
from mockdesk.core.vendor import DetailContext, ListContext
from mockdesk.vendors.hostup.data import COLUMNS, Ticket, departments_in_use, order_key
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


def _cursor_key(ticket: Ticket) -> list[Any]:
    """The listing order as JSON gives it back from a cursor (a list, not a tuple)."""
    return list(order_key(ticket))


# The listing order's key as a cursor carries it: (negative creation time in Unix seconds,
# negative id key), read from the columns of the listing order.
CURSOR_KEY = ColumnKey(COLUMNS.order, ticket_key=_cursor_key)
valid_cursor_key = shaped_like([0.0, 0])  # [number, int]: a finite number, an int id key


def read_page(
    matches: Sequence[Ticket], query: Mapping[str, Any], dataset: Dataset
) -> CursorPage[Ticket]:
    """The list's ``page`` step: the page after the request's cursor (the first without one)."""
    codec = dataset.catalog.cursors
    position = None
    if "cursor" in query:
        position = codec.decode(query["cursor"], filters(query), valid_key=valid_cursor_key)
    return cursor_page(matches, CURSOR_KEY, position, query["limit"])


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
