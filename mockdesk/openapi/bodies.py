"""Response bodies from the marshmallow schemas that read them back: a vendor's fixture schema
is "one ticket in the vendor's own response shape" (a fixture is a pasted response item), so
it is the description of that item, kept true by the fixture tests.

Read for output: every declared field is sent (``required`` lists them all, unless the vendor
says some may be left out), ``allow_none`` adds ``null``, validators become ``enum``,
``pattern``, ``minimum``/``maximum``, ``minLength``; nested schemas become components named
after their class. Objects are closed (``additionalProperties: false``) unless the vendor's
schema ignores unknown keys on input: a key the server sends that the document does not name
is then a failed response check, so a generated client never meets an unparsed field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from marshmallow import EXCLUDE, INCLUDE, Schema, fields, validate

from mockdesk.openapi.model import Schema as JsonSchema
from mockdesk.openapi.model import ref


class BodySchemas:
    """Collects the component schemas of one document's bodies."""

    def __init__(self) -> None:
        self.components: dict[str, JsonSchema] = {}

    def add(
        self,
        name: str,
        schema: type[Schema],
        omit: Iterable[str] = (),
        optional: Iterable[str] = (),
    ) -> JsonSchema:
        """Register ``schema`` as component ``name`` (less the ``omit`` keys; ``optional``
        keys may be absent) and return a reference to it."""
        self.components[name] = self.object(schema, set(omit), set(optional))
        return ref(name)

    def object(self, schema: type[Schema], omit: set[str], optional: set[str]) -> JsonSchema:
        properties: dict[str, JsonSchema] = {}
        for name, field in schema().fields.items():
            key = field.data_key or name
            if key in omit:
                continue
            properties[key] = self.field(field)
        unknown = getattr(getattr(schema, "Meta", None), "unknown", None)
        found: JsonSchema = {
            "type": "object",
            "required": [key for key in properties if key not in optional],
            "properties": properties,
        }
        if unknown not in (EXCLUDE, INCLUDE):
            found["additionalProperties"] = False
        return found

    def field(self, field: Any) -> JsonSchema:
        found = self._kind(field)
        for validator in _validators(field):
            found.update(_constraint(validator))
        if field.allow_none:
            found = _nullable(found)
        return found

    def _kind(self, field: Any) -> JsonSchema:
        if isinstance(field, fields.Nested):
            nested = field.nested
            if isinstance(nested, type) and issubclass(nested, Schema):
                name = nested.__name__.strip("_").removesuffix("Schema")
                if name not in self.components:
                    self.components[name] = self.object(nested, set(), set())
                found = ref(name)
                return {"type": "array", "items": found} if field.many else found
            raise TypeError(f"nested {nested!r}: name a Schema class")
        if isinstance(field, fields.List):
            return {"type": "array", "items": self.field(field.inner)}
        if isinstance(field, fields.Constant):
            return {"type": "null"} if field.constant is None else {"const": field.constant}
        if isinstance(field, fields.Dict):
            return {"type": "object"}
        if isinstance(field, fields.Boolean):
            return {"type": "boolean"}
        if isinstance(field, fields.Integer):
            return {"type": "integer"}
        if isinstance(field, fields.Float | fields.Decimal):
            return {"type": "number"}
        if isinstance(field, fields.DateTime):
            return {"type": "string", "format": "date-time"}
        if isinstance(field, fields.Email):
            return {"type": "string", "format": "email"}
        if isinstance(field, fields.String):
            return {"type": "string"}
        raise TypeError(f"no body schema for {type(field).__name__}")


def _validators(field: Any) -> list[Any]:
    return list(getattr(field, "validators", ()))


def _constraint(validator: Any) -> JsonSchema:
    if isinstance(validator, validate.OneOf):
        return {"enum": list(validator.choices)}
    if isinstance(validator, validate.Regexp):
        return {"pattern": fullmatch(str(validator.regex.pattern))}
    if isinstance(validator, validate.Range):
        found: JsonSchema = {}
        if validator.min is not None:
            found["minimum"] = validator.min
        if validator.max is not None:
            found["maximum"] = validator.max
        return found
    if isinstance(validator, validate.Length):
        found = {}
        if validator.equal is not None:
            found["minLength"] = found["maxLength"] = validator.equal
        if validator.min is not None:
            found["minLength"] = validator.min
        if validator.max is not None:
            found["maxLength"] = validator.max
        return found
    return {}


def _nullable(schema: JsonSchema) -> JsonSchema:
    kind = schema.get("type")
    if kind == "null":
        return schema
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    found = dict(schema)
    if isinstance(kind, str):
        found["type"] = [kind, "null"]
    if "enum" in found:
        found["enum"] = [*found["enum"], None]
    if "const" in found:
        return {"anyOf": [found, {"type": "null"}]}
    return found


def fullmatch(pattern: str) -> str:
    """A Python regex anchored at both ends, as JSON Schema's ``pattern`` searches."""
    return "^(?:" + re.sub(r"^\^|\$$", "", pattern) + ")$"
