"""29next's bodies: DRF ``CursorPagination`` (``{"next", "previous", "results"}``) for tickets
and ticket types, the bare ``Ticket`` for one ticket (and for its comments).

Where the page starts and what lies either side is the core's :func:`cursor_page` (for tickets,
over the ``id`` column); this module is the DRF dialect around it: the cursor is standard
base64 of a urlencoded ``o=``/``r=``/``p=`` string (``encode_cursor``/``decode_cursor``), and
the links are the request's absolute URL with ``cursor`` replaced and the query re-sorted by
key (DRF's ``replace_query_param``). DRF always
links back the way a cursor came (a forward cursor gets a ``previous`` link, a reverse one a
``next`` link), even when that page turns out empty; that rule is kept here.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar
from urllib.parse import parse_qs, quote, urlencode, urlunsplit

from mockdesk.core.errors import InvalidCursor
from mockdesk.core.paging.cursor import ColumnKey, CursorPage, Position, cursor_page
from mockdesk.core.vendor import DetailContext, ListContext, RequestUrl
from mockdesk.vendors.nextcommerce.data import COLUMNS, Ticket, TicketType, order_key
from mockdesk.vendors.nextcommerce.serializer import serialize, serialize_ticket_type

CURSOR_PARAM = "cursor"
OLDEST = math.inf  # the key of a reverse cursor without a position: read from the far end
T = TypeVar("T")


# DRF's ordering ``-id`` as the columns hold it: a page is found in the ``id`` column (a
# binary search reading about 20 of a million matches' ids), only the page's tickets built.
CURSOR_KEY = ColumnKey(COLUMNS.order, scalar=True, ticket_key=order_key)


def read_page(
    matches: Sequence[Ticket], query: Mapping[str, Any], data: object
) -> CursorPage[Ticket]:
    """The list's ``page`` step: the page at the request's cursor (the first without one)."""
    return cursor_page(matches, CURSOR_KEY, decode_cursor(query.get("cursor")), query["limit"])


def tickets_page(context: ListContext[CursorPage[Ticket]]) -> dict[str, Any]:
    following, preceding = links(context.page, context.url, order_key)
    return {"next": following, "previous": preceding, "results": context.render(context.page.items)}


def ticket(context: DetailContext) -> dict[str, Any]:
    return serialize(context.ticket)


def ticket_types_page(
    rows: Sequence[TicketType], query: Mapping[str, Any], url: RequestUrl
) -> dict[str, Any]:
    """``GET /tickettypes/``: the same DRF cursor paging, ordered by id ascending (the ordering
    of lookups; the document names none), so a cursor's ``p`` is the id itself."""
    cursor = decode_cursor(query.get("cursor"), ascending=True)
    page = cursor_page(rows, _type_key, cursor, query["limit"])
    following, preceding = links(page, url, _type_key, ascending=True)
    results = [serialize_ticket_type(row) for row in page.items]
    return {"next": following, "previous": preceding, "results": results}


def links(
    page: CursorPage[T], url: RequestUrl, sort_key: Callable[[T], Any], ascending: bool = False
) -> tuple[str | None, str | None]:
    """``next`` and ``previous`` as DRF writes them: it always links back the way a cursor came
    (a forward cursor gets a ``previous`` link, a reverse one a ``next`` link), even when that
    page turns out empty."""
    cursor = page.origin
    came_from_a_position = cursor is not None and cursor.key != OLDEST
    following, preceding = page.next, page.previous
    if cursor is not None and came_from_a_position and cursor.reverse:
        following = Position(sort_key(page.items[-1]) if page.items else cursor.key)
    elif cursor is not None and came_from_a_position:
        edge = sort_key(page.items[0]) if page.items else cursor.key
        preceding = Position(edge, reverse=True)
    return link(url, following, ascending), link(url, preceding, ascending)


def decode_cursor(encoded: str | None, ascending: bool = False) -> Position | None:
    """DRF's ``decode_cursor``; a non-zero offset or a non-integer position is invalid here.

    ``p`` is the id of the row at the edge; a descending order (``-id``) keys rows by the
    negated id, an ascending one by the id."""
    if encoded is None:
        return None
    try:
        querystring = base64.b64decode(encoded.encode("ascii")).decode("ascii")
        tokens = parse_qs(querystring, keep_blank_values=True)
        offset = int(tokens.get("o", ["0"])[0])
        reverse = bool(int(tokens.get("r", ["0"])[0]))
        position = tokens.get("p", [None])[0]
        row_id = None if position is None else int(position)
    except (TypeError, ValueError):
        raise InvalidCursor() from None
    if offset != 0:  # ids are unique, so DRF never mints one; a hand-made offset is refused
        raise InvalidCursor()
    if row_id is None:
        return Position(OLDEST, reverse=True) if reverse else None
    return Position(row_id if ascending else -row_id, reverse=reverse)


def encode_cursor(position: Position, ascending: bool = False) -> str:
    """DRF's ``encode_cursor`` for offset 0: ``r=1`` when reversed, ``p=<id>``."""
    tokens = {"r": "1"} if position.reverse else {}
    tokens["p"] = str(position.key if ascending else -position.key)
    return base64.b64encode(urlencode(tokens).encode("ascii")).decode("ascii")


def link(url: RequestUrl, position: Position | None, ascending: bool = False) -> str | None:
    """The request's absolute URL with ``cursor`` set, other parameters kept, keys sorted."""
    if position is None:
        return None
    raw_query = url.query_string.encode("latin-1").decode("utf-8", "replace")
    params = parse_qs(raw_query, keep_blank_values=True)
    params[CURSOR_PARAM] = [encode_cursor(position, ascending)]
    query = urlencode(sorted(params.items()), doseq=True)
    return urlunsplit((url.scheme, url.host, quote(url.path), query, ""))


def _type_key(row: TicketType) -> int:
    return row.id
