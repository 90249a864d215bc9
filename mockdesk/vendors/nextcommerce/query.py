"""The queries of ``GET /api/admin/tickets/`` and ``GET /api/admin/tickettypes/``: django-filter
``FilterSet``s plus DRF paging.

The fields follow Django's form fields, because that is what answers a 29next client: a number
filter is a ``DecimalField`` (``1.0`` and ``1e2`` are numbers, ``abc`` and ``NaN`` are not), a
date is ``%Y-%m-%d`` through ``strptime``, ``tags``/``product`` are model choices checked against
the store's entities, and an empty single value means "no filter". ``limit`` is DRF's
``page_size_query_param``: anything but a positive integer falls back to the default, and it
is capped at the maximum, silently, as DRF does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from marshmallow import fields

from mockdesk.core.errors import ProblemKind
from mockdesk.core.query import Choice, QuerySchema, Repeated, Text, parse_int64, refuse
from mockdesk.core.store import AnyOf, Criterion, Where
from mockdesk.vendors.nextcommerce.data import (
    CHANNELS,
    PRIORITIES,
    PRODUCTS,
    STATUSES,
    TAGS,
    Ticket,
    TicketType,
)

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class Number(fields.Field):  # type: ignore[type-arg]
    """django-filter's ``NumberFilter`` (a ``DecimalField``); ``""`` is no filter."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> Decimal | None:
        if value == "":
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise refuse(ProblemKind.NOT_NUMBER) from None
        if not number.is_finite():
            raise refuse(ProblemKind.NOT_NUMBER)
        return number


class FormDate(fields.Field):  # type: ignore[type-arg]
    """Django's ``DateField`` with the ISO input format; ``""`` is no filter."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> date | None:
        if value.strip() == "":
            return None
        try:
            return datetime.strptime(value.strip(), "%Y-%m-%d").date()
        except ValueError:
            raise refuse(ProblemKind.NOT_DATE) from None


class ModelChoice(fields.Field):  # type: ignore[type-arg]
    """One primary key of a ``ModelMultipleChoiceField``: an integer naming a known entity."""

    def __init__(self, known: Collection[int], **kw: Any) -> None:
        super().__init__(**kw)
        self.known = frozenset(known)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> int:
        try:
            key = int(value)
        except ValueError:
            raise refuse(ProblemKind.NOT_INTEGER) from None
        if key not in self.known:
            raise refuse(ProblemKind.NOT_CHOICE)
        return key


class Limit(fields.Field):  # type: ignore[type-arg]
    """DRF's ``_positive_int(strict=True, cutoff=MAX_LIMIT)``; a bad value means the default."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> int:
        with contextlib.suppress(ValueError):
            number = int(value)
            if number > 0:
                return min(number, MAX_LIMIT)
        return DEFAULT_LIMIT


class TicketQuery(QuerySchema):
    """Declared in the FilterSet's order, which is also the order of the 400 body's keys."""

    filter_text = Text()
    id = Number()
    subject = Text()
    status = Repeated(Choice(STATUSES))
    requester = Number()
    assignee = Number()
    order_number = Text()
    product = Repeated(ModelChoice(PRODUCTS))
    tags = Repeated(ModelChoice(TAGS))
    ticket_type = Number()
    priority = Choice(("", *PRIORITIES))  # django-filter's empty choice: no filter
    channel = Choice(("", *CHANNELS))
    created_from = FormDate()
    created_to = FormDate()
    cursor = Text()
    limit = Limit(load_default=DEFAULT_LIMIT)


FIELD_ORDER = tuple(TicketQuery().fields)


def criteria(query: Mapping[str, Any]) -> Sequence[Criterion]:
    """Filters as the FilterSet would apply them; empty values filter nothing."""
    found: list[Criterion] = []
    for name in ("id", "requester", "assignee", "ticket_type"):
        if query.get(name) is not None:
            found.append(AnyOf(name, {query[name]}))
    for name, attribute in (("status", "status"), ("product", "products"), ("tags", "tags")):
        if query.get(name):
            found.append(_any_of(attribute, query[name], name))
    for name in ("priority", "channel"):
        if query.get(name):
            found.append(AnyOf(name, {query[name]}))
    if _text(query, "order_number"):
        found.append(AnyOf("order", {_text(query, "order_number")}))
    if _text(query, "subject"):
        needle = _text(query, "subject").casefold()
        found.append(Where(lambda t: needle in t.subject.casefold()))
    if _text(query, "filter_text"):
        found.append(Where(_search(_text(query, "filter_text"))))
    if query.get("created_from") is not None:
        since = query["created_from"]
        found.append(Where(lambda t: t.created_at.astimezone(UTC).date() >= since))
    if query.get("created_to") is not None:
        until = query["created_to"]
        found.append(Where(lambda t: t.created_at.astimezone(UTC).date() <= until))
    return found


def _text(query: Mapping[str, Any], name: str) -> str:
    """A ``CharFilter`` value as Django's ``CharField`` cleans it: stripped; ``""`` is no filter."""
    return str(query.get(name, "")).strip()


def _any_of(attribute: str, values: Sequence[Any], name: str) -> Criterion:
    """A ticket with any of ``values``; ``tags`` arrive as ids and tickets hold tag names."""
    if attribute == "status":
        return AnyOf("status", set(values))
    wanted = {TAGS[v] for v in values} if name == "tags" else set(values)
    return Where(lambda t: not wanted.isdisjoint(getattr(t, attribute)))


def _search(text: str) -> Any:
    """``filter_text``: the ticket id (when the text is a number), subject or requester email."""
    needle = text.casefold()
    ticket_id = parse_int64(needle)

    def matches(ticket: Ticket) -> bool:
        email = ticket.requester_email or ticket.from_email or ""
        return (
            ticket.id == ticket_id
            or needle in ticket.subject.casefold()
            or needle in email.casefold()
        )

    return matches


class TicketTypeQuery(QuerySchema):
    """``GET /tickettypes/``: the FilterSet's one field (``name``, exact) and DRF paging."""

    name = Text()
    cursor = Text()
    limit = Limit(load_default=DEFAULT_LIMIT)


def ticket_types_matching(
    query: Mapping[str, Any], rows: Sequence[TicketType]
) -> Sequence[TicketType]:
    """``name`` as django-filter's ``CharFilter`` (lookup ``exact``): stripped, case-sensitive,
    ``name=`` filters nothing."""
    name = _text(query, "name")
    return [row for row in rows if row.name == name] if name else rows
