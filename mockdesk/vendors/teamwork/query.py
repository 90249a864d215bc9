"""The query parameters of tickets.json, and the field types the search and lookups share.

Go reads the first of repeated values (``url.Values.Get``) for single-valued parameters; list
parameters (``statuses=1&statuses=2``) take every value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from mockdesk.core.errors import ProblemKind
from mockdesk.core.query import (
    Choice,
    Integer,
    QueryField,
    QuerySchema,
    Repeated,
    Text,
    refuse,
)
from mockdesk.core.store import Criterion
from mockdesk.vendors.teamwork import filtering
from mockdesk.vendors.teamwork.ordering import ORDER_FIELDS
from mockdesk.vendors.teamwork.serializer import INCLUDE_TYPES, TICKET_FIELDS

MAX_PAGE_SIZE = 100
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class Filter(Text):
    """URL-encoded JSON, parsed once into a :class:`~filtering.Node` (a predicate) over rows
    with ``fields`` (tickets' by default); a refusal carries validate's key (as a path inside
    ``filter``) and message, so the renderer only formats it. Empty (``filter=``, what the SDK
    sends unset) is no filter."""

    def __init__(self, fields: Mapping[str, filtering.Field] = filtering.FIELDS, **kw: Any):
        super().__init__(**kw)
        self.filter_fields = fields

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> Any:
        if value == "":
            return None
        try:
            return filtering.parse(value, self.filter_fields)
        except filtering.FilterError as error:
            path = tuple(error.key.split(".")[1:])
            raise refuse(ProblemKind.INVALID, path, error.message) from None


class CommaList(QueryField):
    """``a,b,c`` where every item is one of ``choices``; ``all`` (if allowed) means every one."""

    def __init__(self, choices: Iterable[str], *, allow_all: bool = False, **kw: Any) -> None:
        super().__init__(**kw)
        self.choices = tuple(choices)
        self.allow_all = allow_all

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> tuple[str, ...]:
        items = [item.strip() for item in str(value).split(",") if item.strip()]
        allowed = (*self.choices, "all") if self.allow_all else self.choices
        if any(item not in allowed for item in items):
            raise refuse(ProblemKind.NOT_CHOICE)
        return self.choices if "all" in items else tuple(dict.fromkeys(items))

    def constraints(self) -> dict[str, Any]:
        return {"choices": self.choices}


class Flag(QueryField):
    """A Go boolean (``strconv.ParseBool``: 1 t T TRUE true True, 0 f F FALSE false False);
    empty is false, as the SDK's zero value."""

    TRUE = frozenset(("1", "t", "T", "TRUE", "true", "True"))
    FALSE = frozenset(("", "0", "f", "F", "FALSE", "false", "False"))

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> bool:
        if value in self.TRUE:
            return True
        if value in self.FALSE:
            return False
        raise refuse(ProblemKind.NOT_BOOLEAN)


class OptionalInteger(QueryField):
    """A whole number, or empty: no value (a Go zero value's empty rendering)."""

    _number = Integer()

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> int | None:
        if value == "":
            return None
        return self._number._deserialize(value, attr, data, **kw)


class Day(QueryField):
    """A calendar day as ``YYYY-MM-DD``, the only layout Desk's query strings take (an RFC 3339
    timestamp is refused); empty is no value."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> date | None:
        if value == "":
            return None
        if not isinstance(value, str) or not _DAY.fullmatch(value):
            raise refuse(ProblemKind.NOT_DATE)
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise refuse(ProblemKind.NOT_DATE) from None


class IdList(Repeated):
    """A repeated whole-number parameter (``statuses=1&statuses=2``); empty values are
    skipped, a comma-joined value is not a whole number."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(OptionalInteger(), load_default=(), **kw)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> Any:
        found = super()._deserialize(value, attr, data, **kw)
        return frozenset(item for item in found if item is not None)


class TicketQuery(QuerySchema):
    last_value_wins = False  # Go's url.Values.Get takes the first

    filter = Filter()
    orderBy = Choice(dict.fromkeys(ORDER_FIELDS), load_default="createdAt")
    orderMode = Choice(("asc", "desc"), load_default="desc")
    page = Integer(minimum=1, load_default=1)
    pageSize = Integer(minimum=1, load_default=50)
    includes = CommaList(INCLUDE_TYPES, allow_all=True, load_default=())
    sparse_fields = CommaList(TICKET_FIELDS, data_key="fields", load_default=())


class DetailQuery(QuerySchema):
    """A single ticket takes the list's ``includes`` and ``fields`` and nothing else."""

    last_value_wins = False

    includes = TicketQuery._declared_fields["includes"]
    sparse_fields = TicketQuery._declared_fields["sparse_fields"]


def criteria(query: Mapping[str, Any]) -> Sequence[Criterion]:
    """The ``filter``, as column masks (and a row-by-row test for the text fields)."""
    node: filtering.Node | None = query.get("filter")
    return [] if node is None else node.criteria()
