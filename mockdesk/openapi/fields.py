"""Query fields → OpenAPI parameters, from the very marshmallow schemas that parse the queries.

Our own converter rather than apispec's ``MarshmallowPlugin``: every field a vendor query uses
is mockdesk's own (:mod:`mockdesk.core.query` or a vendor's Django, Laravel or Go lookalike), so
apispec's built-in field table would map none of them and each would need a custom
``field2property`` anyway; what apispec adds beyond that (``load_default`` → ``default``,
``data_key``, ``required``) is a few lines here. This keeps OpenAPI 3.1's JSON Schema exact
(``type: [..., "null"]``, ``const``), puts repeated and comma-separated parameters in the
right ``style``/``explode``, and adds no runtime dependency.

The rule for every schema written here: it admits exactly what the field accepts. A value the
schema allows is never refused (schemathesis' positive checks), and one it forbids is refused
(its negative checks), so the document states the parser's behaviour rather than a wish.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from marshmallow import Schema as MarshmallowSchema
from marshmallow import fields, missing

from mockdesk.core import query
from mockdesk.openapi.model import Schema

Convert = Callable[[Any, "FieldConverter"], Schema]
INT64 = {"minimum": query.INT64_MIN, "maximum": query.INT64_MAX}
# RFC 3339 as python's datetime.fromisoformat (3.11) reads it: the format alone would let
# generators send leap seconds and lower-case separators. (A value without an offset is read
# as UTC too, but RFC 3339 requires one, so the document asks for it.)
YEAR = r"([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"  # datetime has no year 0
DATE_TIME_PATTERN = (
    r"^" + YEAR + r"-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]"
    r":[0-5][0-9](\.[0-9]{1,6})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
)
DATE_PATTERN = r"^" + YEAR + r"-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"


def integer(field: query.Integer, convert: FieldConverter) -> Schema:
    """A 64-bit integer unless the field is ``unbounded`` (then only its own bounds)."""
    schema: Schema = {"type": "integer"}
    if not field.unbounded:
        schema.update(INT64)
        schema["format"] = "int64"
    if field.minimum is not None:
        schema["minimum"] = field.minimum
    if field.maximum is not None:
        schema["maximum"] = field.maximum
    return schema


def choice(field: query.Choice, convert: FieldConverter) -> Schema:
    return {"type": "string", "enum": list(field.choices)}


def text(field: Any, convert: FieldConverter) -> Schema:
    return {"type": "string"}


def date_time(field: Any, convert: FieldConverter) -> Schema:
    return {"type": "string", "format": "date-time", "pattern": DATE_TIME_PATTERN}


def calendar_date(field: Any, convert: FieldConverter) -> Schema:
    return {"type": "string", "format": "date", "pattern": DATE_PATTERN}


def repeated(field: fields.List, convert: FieldConverter) -> Schema:  # type: ignore[type-arg]
    return {"type": "array", "items": convert.schema(field.inner)}


CORE: Mapping[type, Convert] = {
    query.Integer: integer,
    query.Choice: choice,
    query.Text: text,
    query.DateTime: date_time,
    query.Date: calendar_date,
    fields.List: repeated,
}


class FieldConverter:
    """Marshmallow query fields → JSON Schema and OpenAPI parameters.

    Conversions are looked up along the field's class hierarchy, the vendor's own table first
    (a vendor's ``LaravelInteger`` is an ``Integer`` with its own rules); a field no table
    knows is an error, so a new field type cannot slip into a document as "anything".
    """

    def __init__(self, extra: Mapping[type, Convert] | None = None) -> None:
        self.table: dict[type, Convert] = {**CORE, **(extra or {})}

    def schema(self, field: Any) -> Schema:
        for klass in type(field).__mro__:
            found = self.table.get(klass)
            if found is not None:
                return found(field, self)
        raise TypeError(f"no OpenAPI conversion for query field {type(field).__name__}")

    def parameters(
        self,
        schema_class: type[MarshmallowSchema],
        descriptions: Mapping[str, str] | None = None,
        overrides: Mapping[str, Schema] | None = None,
    ) -> list[dict[str, Any]]:
        """One ``in: query`` parameter per field, in the schema's declared order."""
        found = []
        for name, field in schema_class().fields.items():
            key = field.data_key or name
            parameter: dict[str, Any] = {"name": key, "in": "query"}
            if field.required:
                parameter["required"] = True
            description = (descriptions or {}).get(key) or field.metadata.get("description")
            if description:
                parameter["description"] = description
            schema = dict((overrides or {}).get(key) or self.schema(field))
            default = _default(field)
            if default is not missing and "content" not in schema:
                schema["default"] = default
            if "content" in schema:  # a structured value sent as one JSON string
                parameter["content"] = {
                    media: {**entry, "example": {}} for media, entry in schema["content"].items()
                }
            else:
                parameter["schema"] = schema
                parameter.update(_style(field, schema))
                example = example_of(schema)
                if example is not missing:
                    parameter["example"] = example
            found.append(parameter)
        return found


def example_of(schema: Schema) -> Any:
    """A value ``schema`` allows, for the parameter's ``example`` (so a client, and a test
    generator's examples phase, has one for every parameter); ``missing`` for free text."""
    if "default" in schema and schema["default"] not in ([], ""):
        return schema["default"]
    if schema.get("enum"):
        return next((value for value in schema["enum"] if value != ""), schema["enum"][0])
    for branch in schema.get("anyOf", ()):
        found = example_of(branch)
        if found is not missing:
            return found
    kind = schema.get("type")
    if kind == "integer":
        return max(schema.get("minimum", 1), min(1, schema.get("maximum", 1)))
    if kind == "number":
        return 1
    if kind == "boolean":
        return False
    if kind == "array":
        item = example_of(schema.get("items", {}))
        return missing if item is missing else [item]
    if schema.get("format") == "date":
        return "2026-01-01"
    if schema.get("format") == "date-time":
        return "2026-01-01T00:00:00Z"
    return missing


def _style(field: Any, schema: Schema) -> dict[str, Any]:
    """Arrays: ``?a=1&a=2`` for a repeated parameter, ``?a=1,2`` for a comma list."""
    if schema.get("type") != "array":
        return {}
    return {"style": "form", "explode": isinstance(field, fields.List)}


def _default(field: Any) -> Any:
    """``load_default`` as JSON, when it is a value a client could send (not None)."""
    value = field.load_default
    if value is missing or value is None or callable(value):
        return missing
    if isinstance(value, tuple | list | frozenset):
        return list(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value
