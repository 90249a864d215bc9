"""The ``filter`` language of tickets.json: MongoDB-style JSON parsed into one predicate.

The same language filters the lookup lists (statuses, users, companies…, ``lookups.py``): only
the table of fields differs, so :func:`parse` takes it (tickets' :data:`FIELDS` by default).

``{"status": {"$in": [1, 2]}, "$or": [{"agent": {"$eq": 5}}, {"agent": 6}]}``: keys in one
object are ANDed; ``$and``/``$or`` take non-empty arrays of sub-filters; a bare value means
``$eq``; ``null`` works with the equality operators on any field. ``$ne`` is exactly ``not
$eq`` and ``$nin`` exactly ``not $in`` (so null values are selected by ``$ne``/``$nin`` of
anything else); ordering operators never match a null. Dates are ``YYYY-MM-DD`` and compare by
UTC calendar day; ``spam_rules`` (a list) matches when any rule does. Every problem raises
:class:`FilterError` with the validate-style key and message.
"""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

Predicate = Callable[[Any], bool]
MAX_DEPTH = 32
OPERATORS = ("$eq", "$ne", "$lt", "$lte", "$gt", "$gte", "$in", "$nin")
_ORDERING = {"$lt": operator.lt, "$lte": operator.le, "$gt": operator.gt, "$gte": operator.ge}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
STATES = ("active", "deleted")


class FilterError(ValueError):
    """What is wrong, under the key validate would use (``filter`` or ``filter.<field>``)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("must be a whole number")
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be a number")
    return value


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("must be a string")
    return value


def _date(value: Any) -> date:
    message = "must be a date as ‘2006-01-02’"
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise ValueError(message)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(message) from None


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be a boolean")
    return value


def _state(value: Any) -> str:
    if value not in STATES:
        raise ValueError(f"must be one of ‘{', '.join(STATES)}’")
    return str(value)


def _day(moment: datetime | None) -> date | None:
    """The UTC calendar day (a pinned ticket may carry another offset)."""
    return None if moment is None else moment.astimezone(UTC).date()


@dataclass(frozen=True)
class Field:
    """How to read one filterable field off a row and how to check an operand for it."""

    read: Callable[[Any], Any]
    operand: Callable[[Any], Any]
    many: bool = False  # the value is a tuple; an operator matches when any element does


def _attr(name: str) -> Callable[[Any], Any]:
    return operator.attrgetter(name)


def integer(name: str) -> Field:
    """A whole-number attribute (an id, a relation's id)."""
    return Field(_attr(name), _integer)


def string(name: str) -> Field:
    return Field(_attr(name), _string)


def boolean(name: str) -> Field:
    return Field(_attr(name), _boolean)


def strings(read: Callable[[Any], Any], *, many: bool = False) -> Field:
    """A string (or, with ``many``, a tuple of strings) read by ``read``."""
    return Field(read, _string, many)


def integers(read: Callable[[Any], Any], *, many: bool = False) -> Field:
    """A whole number (or, with ``many``, a tuple of them) read by ``read``."""
    return Field(read, _integer, many)


def day(name: str) -> Field:
    """A timestamp attribute, filtered by its UTC calendar day (``YYYY-MM-DD``)."""
    read = _attr(name)
    return Field(lambda row: _day(read(row)), _date)


_TICKET: Mapping[str, Field] = {
    "id": Field(_attr("id"), _integer),
    "subject": Field(_attr("subject"), _string),
    "previewText": Field(_attr("preview_text"), _string),
    "originalRecipient": Field(_attr("original_recipient"), _string),
    "responseTimeMins": Field(_attr("response_time_mins"), _integer),
    "resolutionTimeMins": Field(_attr("resolution_time_mins"), _integer),
    "happinessSurveySentAt": Field(lambda t: _day(t.happiness_survey_sent_at), _date),
    "spam_score": Field(_attr("spam_score"), _number),
    "spam_rules": Field(_attr("spam_rules"), _string, many=True),
    "customer": Field(_attr("customer_id"), _integer),
    "contact": Field(_attr("contact_id"), _integer),
    "inbox": Field(_attr("inbox_id"), _integer),
    "agent": Field(_attr("agent_id"), _integer),
    "status": Field(_attr("status_id"), _integer),
    "priority": Field(_attr("priority_id"), _integer),
    "source": Field(_attr("source_id"), _integer),
    "type": Field(_attr("type_id"), _integer),
    "businesshours": Field(_attr("businesshours_id"), _integer),
    "company": Field(_attr("company_id"), _integer),
    "createdAt": Field(lambda t: _day(t.created_at), _date),
    "updatedAt": Field(lambda t: _day(t.updated_at), _date),
    "deletedAt": Field(lambda t: _day(t.deleted_at), _date),
    "updatedBy": Field(_attr("updated_by"), _integer),
    "deletedBy": Field(_attr("deleted_by"), _integer),
    "state": Field(_attr("state"), _state),
}
FIELDS: Mapping[str, Field] = _TICKET
FIELD_NAMES = tuple(FIELDS)


def parse(text: str, fields: Mapping[str, Field] = FIELDS) -> Predicate:
    """The predicate ``text`` describes over rows with ``fields`` (tickets' by default); raises
    :class:`FilterError` when it is not valid."""
    try:
        tree = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        raise FilterError("filter", "invalid filter") from None
    return _Parser(fields).node(tree, 0)


def _reject_constant(name: str) -> Any:
    raise ValueError(name)  # NaN and Infinity are not JSON, and Go refuses them


class _Parser:
    """A filter tree → predicate, over one table of fields."""

    def __init__(self, fields: Mapping[str, Field]) -> None:
        self.fields = fields

    def node(self, tree: Any, depth: int) -> Predicate:
        if not isinstance(tree, dict) or depth > MAX_DEPTH:
            raise FilterError("filter", "invalid filter")
        tests = [self.term(key, value, depth) for key, value in tree.items()]
        if len(tests) == 1:
            return tests[0]
        return lambda row: all(test(row) for test in tests)

    def term(self, key: str, value: Any, depth: int) -> Predicate:
        if key in ("$and", "$or"):
            if not isinstance(value, list) or not value:
                raise FilterError("filter", "invalid filter")
            parts = [self.node(part, depth + 1) for part in value]
            combine = all if key == "$and" else any
            return lambda row: combine(part(row) for part in parts)
        field = self.fields.get(key)
        if field is None:
            raise FilterError("filter", f"must be one of ‘{', '.join(self.fields)}’")
        if not isinstance(value, dict):
            return _compare(key, field, "$eq", value)
        if not value:
            raise FilterError(f"filter.{key}", "must be set")
        tests = [_compare(key, field, op, operand) for op, operand in value.items()]
        return tests[0] if len(tests) == 1 else lambda row: all(t(row) for t in tests)


def _compare(name: str, field: Field, op: str, raw: Any) -> Predicate:
    if op not in OPERATORS:
        raise FilterError(f"filter.{name}", f"must be one of ‘{', '.join(OPERATORS)}’")
    if op in ("$in", "$nin"):
        if not isinstance(raw, list):
            raise FilterError(f"filter.{name}.{op}", "must be a list")
        values = frozenset(_operand(name, field, op, item) for item in raw)
        member = _matcher(field, lambda value: value in values)
        return member if op == "$in" else lambda row: not member(row)
    operand = _operand(name, field, op, raw)
    if op in ("$eq", "$ne"):
        equal = _matcher(field, lambda value: value == operand)
        return equal if op == "$eq" else lambda row: not equal(row)
    if operand is None:
        raise FilterError(f"filter.{name}.{op}", "must be set")
    before = _ORDERING[op]
    return _matcher(field, lambda value: value is not None and _ordered(before, value, operand))


def _ordered(before: Callable[[Any, Any], bool], value: Any, operand: Any) -> bool:
    """``value <op> operand``; values of another type (a bool against a string) never match."""
    try:
        return before(value, operand)
    except TypeError:
        return False


def _operand(name: str, field: Field, op: str, raw: Any) -> Any:
    if raw is None:
        return None  # equality with null is fine on any field; ordering by null is refused
    try:
        return field.operand(raw)
    except ValueError as error:
        raise FilterError(f"filter.{name}.{op}", str(error)) from None


def _matcher(field: Field, test: Callable[[Any], bool]) -> Predicate:
    read = field.read
    if field.many:
        return lambda row: any(test(value) for value in read(row))
    return lambda row: test(read(row))
