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

import numpy as np
import numpy.typing as npt

from mockdesk.core.store import ColumnView, Criterion, Mask, Where
from mockdesk.vendors.teamwork.data import CONTACT_OFFSET

Predicate = Callable[[Any], bool]
Array = npt.NDArray[Any]
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
class Column:
    """Where a field lives in the ticket columns (``mockdesk.vendors.teamwork.data.COLUMNS``).

    ``kind``: ``int`` (whole numbers, -1 for null; ``offset`` is added first, so ``contact``
    reads the customer column), ``time`` (float Unix seconds, NaN for null; compared by UTC
    day), ``tenths`` (a number stored in tenths), ``level`` (a categorical string column),
    ``level`` columns of a many-valued field hold tuples: a level matches when any element
    does."""

    name: str
    kind: str
    offset: int = 0


@dataclass(frozen=True)
class Field:
    """How to read one filterable field off a row and how to check an operand for it;
    ``column`` says how to answer it for every ticket at once (None: only row by row)."""

    read: Callable[[Any], Any]
    operand: Callable[[Any], Any]
    many: bool = False  # the value is a tuple; an operator matches when any element does
    column: Column | None = None


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


def _relation(name: str, column: str | None = None, offset: int = 0) -> Field:
    return Field(_attr(name), _integer, column=Column(column or name, "int", offset))


def _stamp(name: str) -> Field:
    read = _attr(name)
    return Field(lambda t: _day(read(t)), _date, column=Column(name, "time"))


# ``subject``, ``previewText`` and the thread's two durations have no column: they come from
# the conversation, which only a built ticket has (a row-by-row ``Where``, slow at scale).
_TICKET: Mapping[str, Field] = {
    "id": _relation("id"),
    "subject": Field(_attr("subject"), _string),
    "previewText": Field(_attr("preview_text"), _string),
    "originalRecipient": Field(
        _attr("original_recipient"), _string, column=Column("original_recipient", "level")
    ),
    "responseTimeMins": Field(_attr("response_time_mins"), _integer),
    "resolutionTimeMins": Field(_attr("resolution_time_mins"), _integer),
    "happinessSurveySentAt": _stamp("happiness_survey_sent_at"),
    "spam_score": Field(_attr("spam_score"), _number, column=Column("spam_score", "tenths")),
    "spam_rules": Field(
        _attr("spam_rules"),
        _string,
        many=True,
        column=Column("spam_rules", "level"),
    ),
    "customer": _relation("customer_id"),
    "contact": _relation("contact_id", "customer_id", CONTACT_OFFSET),
    "inbox": _relation("inbox_id"),
    "agent": _relation("agent_id"),
    "status": _relation("status_id"),
    "priority": _relation("priority_id"),
    "source": _relation("source_id"),
    "type": _relation("type_id"),
    "businesshours": _relation("businesshours_id"),
    "company": _relation("company_id"),
    "createdAt": _stamp("created_at"),
    "updatedAt": _stamp("updated_at"),
    "deletedAt": _stamp("deleted_at"),
    "updatedBy": _relation("updated_by"),
    "deletedBy": _relation("deleted_by"),
    "state": Field(_attr("state"), _state, column=Column("state", "level")),
}
FIELDS: Mapping[str, Field] = _TICKET
FIELD_NAMES = tuple(FIELDS)


def parse(text: str, fields: Mapping[str, Field] = FIELDS) -> Node:
    """The filter ``text`` describes over rows with ``fields`` (tickets' by default): a
    predicate over one row, which tickets' columns also answer at once (:meth:`Node.criteria`);
    raises :class:`FilterError` when it is not valid."""
    try:
        tree = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        raise FilterError("filter", "invalid filter") from None
    return _Parser(fields).node(tree, 0)


def _reject_constant(name: str) -> Any:
    raise ValueError(name)  # NaN and Infinity are not JSON, and Go refuses them


class Node:
    """A parsed filter: ``node(row)`` tests one row; ``mask(view)`` every ticket's columns."""

    def __call__(self, row: Any) -> bool:
        raise NotImplementedError

    @property
    def columnar(self) -> bool:
        """Whether the columns answer it (no field in it lacks a column)."""
        raise NotImplementedError

    def mask(self, view: ColumnView) -> Array:
        raise NotImplementedError

    def conjuncts(self) -> list[Node]:
        """The parts ANDed at the top (the node itself when it is not an AND)."""
        return [self]

    def criteria(self) -> list[Criterion]:
        """Store criteria: a :class:`Mask` per columnar part ANDed at the top, a row-by-row
        :class:`Where` for the rest (the store tests it only on what the masks kept)."""
        return [
            Mask(part.mask) if part.columnar else Where(part)
            for part in sorted(self.conjuncts(), key=lambda part: not part.columnar)
        ]


class _All(Node):
    def __init__(self, parts: list[Node]) -> None:
        self.parts = parts

    def __call__(self, row: Any) -> bool:
        return all(part(row) for part in self.parts)

    @property
    def columnar(self) -> bool:
        return all(part.columnar for part in self.parts)

    def mask(self, view: ColumnView) -> Array:
        found = self.parts[0].mask(view)
        for part in self.parts[1:]:
            found = found & part.mask(view)
        return found

    def conjuncts(self) -> list[Node]:
        return [leaf for part in self.parts for leaf in part.conjuncts()]


class _Any(Node):
    def __init__(self, parts: list[Node]) -> None:
        self.parts = parts

    def __call__(self, row: Any) -> bool:
        return any(part(row) for part in self.parts)

    @property
    def columnar(self) -> bool:
        return all(part.columnar for part in self.parts)

    def mask(self, view: ColumnView) -> Array:
        found = self.parts[0].mask(view)
        for part in self.parts[1:]:
            found = found | part.mask(view)
        return found


class _Leaf(Node):
    """``field <op> operand``: ``test`` is the positive test of one value (``$eq``, ``$in`` or
    an ordering), ``negate`` makes it ``$ne``/``$nin``."""

    def __init__(
        self, field: Field, op: str, operands: tuple[Any, ...], test: Callable[[Any], bool]
    ) -> None:
        self.field, self.op, self.operands, self.test = field, op, operands, test
        self.negate = op in ("$ne", "$nin")
        read = field.read
        if field.many:
            self._matches: Predicate = lambda row: any(test(value) for value in read(row))
        else:
            self._matches = lambda row: test(read(row))

    def __call__(self, row: Any) -> bool:
        return self._matches(row) != self.negate

    @property
    def columnar(self) -> bool:
        return self.field.column is not None

    def mask(self, view: ColumnView) -> Array:
        column = self.field.column
        if column is None:
            raise TypeError("this field has no column")
        found = _COLUMN_TESTS[column.kind](self, column, view)
        return ~found if self.negate else found


def _positive_op(op: str) -> str:
    return {"$ne": "$eq", "$nin": "$in"}.get(op, op)


_COMPARE: Mapping[str, Callable[[Array, Any], Array]] = {
    "$lt": np.less,
    "$lte": np.less_equal,
    "$gt": np.greater,
    "$gte": np.greater_equal,
}
_INT64 = (-(2**62), 2**62)  # operands past the columns' range compare as these


def _int_mask(leaf: _Leaf, column: Column, view: ColumnView) -> Array:
    raw = view[column.name]
    present = raw != -1
    values = raw.astype(np.int64) + column.offset
    op = _positive_op(leaf.op)
    if op in ("$eq", "$in"):
        found = np.zeros(len(raw), bool)
        for operand in leaf.operands:
            if operand is None:
                found |= ~present
            elif _INT64[0] < operand < _INT64[1]:
                found |= present & (values == operand)
        return found
    operand = min(max(leaf.operands[0], _INT64[0]), _INT64[1])
    compared: Array = present & _COMPARE[op](values, operand)
    return compared


def _day_start(day: date) -> float:
    return float((day - date(1970, 1, 1)).days * 86_400)


def _time_mask(leaf: _Leaf, column: Column, view: ColumnView) -> Array:
    values = view[column.name]
    op = _positive_op(leaf.op)
    if op in ("$eq", "$in"):
        found = np.zeros(len(values), bool)
        for operand in leaf.operands:
            if operand is None:
                found |= np.isnan(values)
            else:
                start = _day_start(operand)
                found |= (values >= start) & (values < start + 86_400)
        return found
    start = _day_start(leaf.operands[0])
    if op == "$lt":
        return values < start
    if op == "$lte":
        return values < start + 86_400
    if op == "$gt":
        return values >= start + 86_400
    return values >= start


def _tenths_mask(leaf: _Leaf, column: Column, view: ColumnView) -> Array:
    values = view[column.name].astype(np.float64) / 10.0  # the very floats tickets carry
    op = _positive_op(leaf.op)
    if op in ("$eq", "$in"):
        found = np.zeros(len(values), bool)
        for operand in leaf.operands:
            if operand is not None:
                found |= values == _float(operand)
        return found
    return _COMPARE[op](values, _float(leaf.operands[0]))


def _float(number: float) -> float:
    try:
        return float(number)
    except OverflowError:  # a whole number past any float: beyond every value
        return float("inf") if number > 0 else float("-inf")


def _level_mask(leaf: _Leaf, column: Column, view: ColumnView) -> Array:
    levels = view.levels(column.name)
    if leaf.field.many:
        codes = [code for code, values in enumerate(levels) if any(map(leaf.test, values))]
    else:
        codes = [code for code, value in enumerate(levels) if leaf.test(value)]
    return np.isin(view[column.name], codes)


_COLUMN_TESTS: Mapping[str, Callable[[_Leaf, Column, ColumnView], Array]] = {
    "int": _int_mask,
    "time": _time_mask,
    "tenths": _tenths_mask,
    "level": _level_mask,
}


class _Parser:
    """A filter tree → :class:`Node`, over one table of fields."""

    def __init__(self, fields: Mapping[str, Field]) -> None:
        self.fields = fields

    def node(self, tree: Any, depth: int) -> Node:
        if not isinstance(tree, dict) or depth > MAX_DEPTH:
            raise FilterError("filter", "invalid filter")
        tests = [self.term(key, value, depth) for key, value in tree.items()]
        if len(tests) == 1:
            return tests[0]
        return _All(tests)

    def term(self, key: str, value: Any, depth: int) -> Node:
        if key in ("$and", "$or"):
            if not isinstance(value, list) or not value:
                raise FilterError("filter", "invalid filter")
            parts = [self.node(part, depth + 1) for part in value]
            return _All(parts) if key == "$and" else _Any(parts)
        field = self.fields.get(key)
        if field is None:
            raise FilterError("filter", f"must be one of ‘{', '.join(self.fields)}’")
        if not isinstance(value, dict):
            return _compare(key, field, "$eq", value)
        if not value:
            raise FilterError(f"filter.{key}", "must be set")
        tests = [_compare(key, field, op, operand) for op, operand in value.items()]
        return tests[0] if len(tests) == 1 else _All(tests)


def _compare(name: str, field: Field, op: str, raw: Any) -> Node:
    if op not in OPERATORS:
        raise FilterError(f"filter.{name}", f"must be one of ‘{', '.join(OPERATORS)}’")
    if op in ("$in", "$nin"):
        if not isinstance(raw, list):
            raise FilterError(f"filter.{name}.{op}", "must be a list")
        values = frozenset(_operand(name, field, op, item) for item in raw)
        return _Leaf(field, op, tuple(values), lambda value: value in values)
    operand = _operand(name, field, op, raw)
    if op in ("$eq", "$ne"):
        return _Leaf(field, op, (operand,), lambda value: value == operand)
    if operand is None:
        raise FilterError(f"filter.{name}.{op}", "must be set")
    before = _ORDERING[op]
    return _Leaf(
        field,
        op,
        (operand,),
        lambda value: value is not None and _ordered(before, value, operand),
    )


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
