"""HostUp's bodies: the forward-only cursor envelope ``{"data", "hasMore", "nextCursor"}`` and a
ticket's detail.

Cursors are the core's signed, opaque cursors, bound to the filters (``status``,
``departmentSlug``) and keyed per seed; ``limit`` may change from page to page, since a cursor
marks a position, not an offset. A cursor minted under other filters, another seed, or altered
in any way is ``InvalidCursor``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mockdesk.core.dataset import Dataset
from mockdesk.core.errors import FieldProblem, InvalidQuery, ProblemKind
from mockdesk.core.paging.cursor import CursorPage, cursor_page, shaped_like
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
    if "cursor" not in query:
        return cursor_page(matches, _cursor_key, None, query["limit"])
    position = codec.decode(query["cursor"], filters(query), valid_key=CURSOR_KEY_SHAPE)
    return cursor_page(matches, _cursor_key, position, query["limit"])


# The listing order's key as a cursor carries it: (negative creation time in Unix seconds,
# negative id key), the columns' order, so bisecting the matches builds about log2(N) tickets.
CURSOR_KEY_SHAPE = shaped_like([0.0, 0])


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
