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
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

import numpy as np
from marshmallow import fields

from mockdesk.core.columns import MISSING, Array
from mockdesk.core.errors import ProblemKind
from mockdesk.core.query import Choice, QuerySchema, Repeated, Text, parse_int64, refuse
from mockdesk.core.store import AnyOf, ColumnView, Criterion, Mask, Where
from mockdesk.vendors.nextcommerce.data import (
    CHANNELS,
    INT32,
    PRIORITIES,
    PRODUCT_BITS,
    PRODUCTS,
    STATUSES,
    TAG_BITS,
    TAGS,
    TICKET_TYPES,
    Ticket,
    TicketType,
    bits_of,
    order_code,
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
    """Filters as the FilterSet would apply them; empty values filter nothing.

    Every filter but the two text ones is answered from the columns (``data.COLUMNS``):
    numbers and choices as equality, ``product``/``tags`` as a bit test on the row's product
    and tag masks, ``created_from``/``created_to`` as bounds on ``created_at`` seconds, and
    ``order_number`` as the order's number. ``subject`` and ``filter_text`` read the subject
    (and the requester's email), which no column holds: they are :class:`Where` tests over built
    tickets, cheap behind another filter and O(N) ticket builds alone (seconds per thousand
    tickets: slow at a million)."""
    found: list[Criterion] = []
    for name in ("id", "requester", "assignee", "ticket_type"):
        if query.get(name) is not None:
            found.append(_equals(name, query[name]))
    if query.get("status"):
        found.append(AnyOf("status", set(query["status"])))
    if query.get("product"):
        found.append(_any_bit("products", query["product"], PRODUCT_BITS))
    if query.get("tags"):
        found.append(_any_bit("tags", query["tags"], TAG_BITS))
    for name in ("priority", "channel"):
        if query.get(name):
            found.append(AnyOf(name, {query[name]}))
    if _text(query, "order_number"):
        found.extend(_order_is(_text(query, "order_number")))
    if query.get("created_from") is not None:
        since = _midnight(query["created_from"])
        found.append(Mask(lambda view: view["created_at"] >= since))
    if query.get("created_to") is not None:
        until = query["created_to"]
        if until < date.max:  # the last day ends before the next one starts
            before = _midnight(until + timedelta(days=1))
            found.append(Mask(lambda view: view["created_at"] < before))
    if _text(query, "subject"):
        needle = _text(query, "subject").casefold()
        found.append(Where(lambda t: needle in t.subject.casefold()))
    if _text(query, "filter_text"):
        found.append(Where(_search(_text(query, "filter_text"))))
    return found


def _text(query: Mapping[str, Any], name: str) -> str:
    """A ``CharFilter`` value as Django's ``CharField`` cleans it: stripped; ``""`` is no filter."""
    return str(query.get(name, "")).strip()


def _nothing(view: ColumnView) -> Array:
    return np.zeros(len(view["id"]), bool)


def _equals(column: str, number: Decimal) -> Criterion:
    """A ``NumberFilter``: ``1.0`` equals 1; a fraction, a value the column cannot hold, or
    (for a nullable relation) the column's missing marker matches nothing."""
    low, high = INT32 if column != "ticket_type" else (1, len(TICKET_TYPES))
    if not low <= number <= high or number != number.to_integral_value():  # before int(1E+9999)
        return Mask(_nothing)
    value = int(number)
    if value == MISSING and column != "id":
        return Mask(_nothing)
    return Mask(lambda view: view[column] == value)


def _any_bit(column: str, wanted: Sequence[int], ids: Sequence[int]) -> Criterion:
    """``product``/``tags``: a ticket holding any of the ``wanted`` ids (bits of its mask)."""
    mask = bits_of(wanted, ids)
    return Mask(lambda view: (view[column] & mask) != 0)


def _order_is(text: str) -> list[Criterion]:
    """``order_number`` exact. The column holds the order's number; a pinned ticket's order in
    another format is coded by a hash, so those matches are re-checked on the (few) tickets."""
    code = order_code(text)
    found: list[Criterion] = [Mask(lambda view: view["order"] == code)]
    if code < 0:
        found.append(Where(lambda t: t.order == text))
    return found


def _midnight(day: date) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


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
