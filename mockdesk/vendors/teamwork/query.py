"""The query parameters of tickets.json. Go reads the first of repeated values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from mockdesk.core.errors import ProblemKind
from mockdesk.core.query import Choice, Integer, QueryField, QuerySchema, Text, refuse
from mockdesk.core.store import Criterion, Where
from mockdesk.vendors.teamwork import filtering
from mockdesk.vendors.teamwork.ordering import ORDER_FIELDS
from mockdesk.vendors.teamwork.serializer import INCLUDE_TYPES, TICKET_FIELDS

MAX_PAGE_SIZE = 100


class Filter(Text):
    """URL-encoded JSON, parsed once into a predicate; a refusal carries validate's key (as a
    path inside ``filter``) and message, so the renderer only formats it."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> Any:
        if value == "":
            return None
        try:
            return filtering.parse(value)
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
    predicate = query.get("filter")
    return [] if predicate is None else [Where(predicate)]
