"""The query parameters of ``GET /api/ticket`` and ``/api/ticket/show``, read the way Laravel does.

Laravel's ``TrimStrings`` and ``ConvertEmptyStringsToNull`` middleware run before validation, so
values are trimmed and an empty value is ``null``: an ``integer`` rule then fails on it (422), and
a ``username`` filter becomes ``WHERE uname IS NULL``, which matches nothing. The ``integer`` rule
is PHP's ``FILTER_VALIDATE_INT``: an optional sign, no leading zeros, within a 64-bit int.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from mockdesk.core.errors import ProblemKind
from mockdesk.core.query import Integer, QuerySchema, Text, parse_int64, refuse
from mockdesk.core.store import AnyOf, Criterion
from mockdesk.vendors.ippanel.data import STATES, uname_key

PHP_TRIM = " \t\n\r\0\x0b"
_FILTER_VALIDATE_INT = re.compile(r"[+-]?(0|[1-9][0-9]*)")


class LaravelInteger(Integer):
    """``integer`` (plus ``min``/``max``) after Laravel's trimming; blank is null."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> int:
        text = str(value).strip(PHP_TRIM)
        if not text and self.required:
            raise refuse(ProblemKind.REQUIRED)
        if not _FILTER_VALIDATE_INT.fullmatch(text) or parse_int64(text) is None:
            raise refuse(ProblemKind.NOT_INTEGER)
        return super()._deserialize(text, attr, data, **kw)


class Username(Text):
    """Trimmed; an empty value stays empty and matches no user (``WHERE uname IS NULL``)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> str:
        return str(value).strip(PHP_TRIM)


class TicketQuery(QuerySchema):
    """Declared in the order Laravel reports errors in (the rules array's order)."""

    page = LaravelInteger(minimum=1, load_default=1)
    per_page = LaravelInteger(minimum=1, maximum=1000, load_default=10)
    username = Username()
    ticket_id = LaravelInteger()
    category_id = LaravelInteger()
    sub_category_id = LaravelInteger()
    state_id = LaravelInteger(minimum=min(STATES), maximum=max(STATES))


class ShowQuery(QuerySchema):
    ticket_id = LaravelInteger(required=True)


def criteria(query: Mapping[str, Any]) -> Sequence[Criterion]:
    """Exact matches over columns (categorical codes, ids, the username's hash), each one
    vectorised comparison over every ticket; the username compares case-insensitively, as
    MySQL's collation does (``data.uname_key``)."""
    found = [
        AnyOf(attribute, {query[name]})
        for name, attribute in (
            ("ticket_id", "id"),
            ("category_id", "category_id"),
            ("sub_category_id", "sub_category_id"),
            ("state_id", "state_id"),
        )
        if name in query
    ]
    if "username" in query:
        found.append(AnyOf("uname_key", {uname_key(query["username"])}))
    return found
