"""Marshmallow building blocks for vendor query schemas, and the one place a query is parsed.

Fields refuse a value with a :class:`Refusal` (a :class:`ProblemKind`, optionally a path inside
the value and the vendor's own sentence) as their error message; the parser turns marshmallow's
error map into :class:`FieldProblem`s with the raw value and the field's constraints, which each
vendor renders in its own words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields
from werkzeug.datastructures import MultiDict

from mockdesk.core.errors import FieldProblem, InvalidQuery, ProblemKind

_INTEGER = re.compile(r"[+-]?[0-9]+")  # ASCII digits only: "٢" is not a number to an API
INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)
# What an unbounded Integer reads a value past 64 bits as: one step beyond what any store,
# page count or id can hold, so it selects nothing and pages past the last, as a huge but
# countable value would.
SATURATED_ABOVE = INT64_MAX + 1
SATURATED_BELOW = INT64_MIN - 1


def parse_int64(text: str) -> int | None:
    """``text`` as a signed 64-bit integer, None when it is not one (or would not fit).

    The length check comes first so that a 5000-digit value never reaches ``int()``, which
    refuses strings over 4300 digits with a ValueError.
    """
    if not _INTEGER.fullmatch(text) or len(text.lstrip("+-0")) > 19:
        return None
    number = int(text)
    return number if -INT64_MAX - 1 <= number <= INT64_MAX else None


def saturate(text: str) -> int | None:
    """A whole number in ASCII digits too long for 64 bits as :data:`SATURATED_ABOVE` or
    :data:`SATURATED_BELOW` by its sign; None when ``text`` is no whole number at all. Never
    calls ``int()`` on the digits, so any length is cheap."""
    if not _INTEGER.fullmatch(text):
        return None
    return SATURATED_BELOW if text.startswith("-") else SATURATED_ABOVE


@dataclass(frozen=True)
class Refusal:
    """Why a field refused a value: carried through marshmallow's error map untouched."""

    kind: ProblemKind
    path: tuple[str, ...] = ()
    message: str | None = None


def refuse(
    kind: ProblemKind, path: tuple[str, ...] = (), message: str | None = None
) -> ValidationError:
    """The error a query field raises (marshmallow keeps a list message's items as they are)."""
    return ValidationError([Refusal(kind, path, message)])


class QueryField(fields.Field):  # type: ignore[type-arg]
    """Base of the query fields: a missing required parameter is the neutral ``required``."""

    default_error_messages = {"required": ProblemKind.REQUIRED.value}  # noqa: RUF012 (marshmallow's)

    def constraints(self) -> dict[str, Any]:
        """What a vendor may quote about this field's bounds; none by default."""
        return {}


class Integer(QueryField):
    """A 64-bit whole number in ASCII digits (``1.0``, ``1e3``, ``true``, ``" 1"`` are not).

    ``unbounded=True`` is for a vendor whose own document sets no bound and whose backend
    counts without one (Python's ``int`` behind FastAPI): a whole number past 64 bits is then
    no error but saturates to :data:`SATURATED_ABOVE` (or :data:`SATURATED_BELOW`), one past
    anything the data holds, so it meets the vendor's documented out-of-range behaviour (a
    page past the last is an empty page, an id filter selects nothing); ``minimum`` and
    ``maximum`` still apply to the saturated value. Without it such a value is ``not_integer``,
    as it is to PHP's ``FILTER_VALIDATE_INT`` or Go's ``strconv.Atoi``.
    """

    def __init__(
        self,
        *,
        minimum: int | None = None,
        maximum: int | None = None,
        unbounded: bool = False,
        **kw: Any,
    ):
        super().__init__(**kw)
        self.minimum = minimum
        self.maximum = maximum
        self.unbounded = unbounded

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> int:
        number = parse_int64(value) if isinstance(value, str) else None
        if number is None and self.unbounded and isinstance(value, str):
            number = saturate(value)
        if number is None:
            raise refuse(ProblemKind.NOT_INTEGER)
        if self.minimum is not None and number < self.minimum:
            raise refuse(ProblemKind.TOO_SMALL)
        if self.maximum is not None and number > self.maximum:
            raise refuse(ProblemKind.TOO_LARGE)
        return number

    def constraints(self) -> dict[str, Any]:
        return {"min": self.minimum, "max": self.maximum}


class Choice(QueryField):
    """One of a fixed set of strings, compared exactly (case matters, as it does to the vendors)."""

    def __init__(self, choices: Iterable[str], **kw: Any):
        super().__init__(**kw)
        self.choices = tuple(choices)
        self._allowed = frozenset(self.choices)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> str:
        if value not in self._allowed:
            raise refuse(ProblemKind.NOT_CHOICE)
        return str(value)

    def constraints(self) -> dict[str, Any]:
        return {"choices": self.choices}


class Text(QueryField):
    """Any string, kept as sent (an empty string is a value, not an absence)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> str:
        return str(value)


class DateTime(QueryField):
    """An ISO 8601 date-time; a value without an offset is taken as UTC."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> datetime:
        try:
            parsed = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise refuse(ProblemKind.NOT_DATETIME) from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


class Date(QueryField):
    """A calendar date written ``YYYY-MM-DD``."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> date:
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise refuse(ProblemKind.NOT_DATE)
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise refuse(ProblemKind.NOT_DATE) from None


class Repeated(fields.List):  # type: ignore[type-arg]
    """A parameter that may be sent several times (``?status=a&status=b``)."""

    default_error_messages = {"required": ProblemKind.REQUIRED.value}  # noqa: RUF012 (marshmallow's)


class QuerySchema(Schema):
    """Base of every vendor query schema: unknown parameters are ignored, as real APIs do.

    ``last_value_wins`` says which of several values a single-valued parameter takes when the
    client repeats it: the last (PHP, Django, Starlette) or the first (Go's ``Query().Get``).
    """

    last_value_wins = True

    class Meta:
        unknown = EXCLUDE


@cache
def schema_for(schema_class: type[Schema]) -> Schema:
    """One instance per schema class: building one deep-copies every field, loading does not
    change it, so it is shared by every request and thread."""
    return schema_class()


def parse_query(schema: Schema, args: MultiDict[str, str]) -> dict[str, Any]:
    """Load ``args`` through ``schema``; raise :class:`InvalidQuery` listing every bad parameter."""
    raw = _flatten(schema, args)
    try:
        loaded: dict[str, Any] = schema.load(raw)
    except ValidationError as error:
        raise InvalidQuery(_problems(schema, raw, error.messages)) from None
    return loaded


def _flatten(schema: Schema, args: MultiDict[str, str]) -> dict[str, Any]:
    take_last = getattr(schema, "last_value_wins", True)
    raw: dict[str, Any] = {}
    for name, field in schema.fields.items():
        key = field.data_key or name
        if key not in args:
            continue
        values = args.getlist(key)
        if isinstance(field, fields.List):
            raw[key] = values
        else:
            raw[key] = values[-1] if take_last else values[0]
    return raw


def _problems(schema: Schema, raw: Mapping[str, Any], messages: Any) -> list[FieldProblem]:
    problems = []
    by_key = {(f.data_key or n): f for n, f in schema.fields.items()}
    for key, found in messages.items():
        field = by_key.get(key)
        if isinstance(field, fields.List) and isinstance(found, dict):
            for position, kinds in found.items():
                problems.append(_problem(key, field.inner, raw[key][position], kinds))
        else:
            problems.append(_problem(key, field, raw.get(key), found))
    return problems


def _problem(key: str, field: Any, value: Any, found: Any) -> FieldProblem:
    first = found[0] if isinstance(found, list) and found else None
    refusal = first if isinstance(first, Refusal) else Refusal(_kind(first))
    constraints = field.constraints() if isinstance(field, QueryField) else {}
    return FieldProblem(
        key,
        refusal.kind,
        None if value is None else str(value),
        constraints,
        refusal.path,
        refusal.message,
    )


def _kind(message: Any) -> ProblemKind:
    """A plain marshmallow message: one of ours by value (``required``), else ``invalid``."""
    try:
        return ProblemKind(message)
    except ValueError:
        return ProblemKind.INVALID
