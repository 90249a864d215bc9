"""Is mockdesk's document compatible with a vendor's own? (Used by test_vendor_documents.)

Requests: whatever the vendor's document lets a client send, mockdesk's must accept (its
parameter accepts a superset: same location, a wider or equal type, every enum value, bounds
no tighter, the same default and array style). Responses: whatever mockdesk's document says it
sends, the vendor's must allow (mockdesk's schema is a subset: the vendor's properties are all
there with narrower or equal types and enums, the vendor's required members are required).

Each check returns the problems found as ``path: what`` lines, so one assertion shows them all.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

Json = dict[str, Any]
NUMERIC = {"integer": {"integer"}, "number": {"integer", "number"}}


def base_path(document: Json) -> str:
    """The path part of ``servers[0]`` (templates such as ``{store}`` sit in the host)."""
    url = document["servers"][0]["url"]
    return urlsplit(url.replace("{", "").replace("}", "")).path.rstrip("/")


def operations(document: Json) -> Iterator[tuple[str, str, Json]]:
    """(full path, method, operation) of every operation."""
    base = base_path(document)
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                yield base + path, method, operation


def resolve(document: Json, schema: Any) -> Any:
    """``schema`` with a top-level ``$ref`` followed (repeatedly)."""
    while isinstance(schema, dict) and "$ref" in schema:
        name = schema["$ref"].removeprefix("#/")
        found: Any = document
        for part in name.split("/"):
            found = found[part]
        schema = found
    return schema


def _types(schema: Json) -> set[str] | None:
    """The JSON types a schema allows (None: any), reading ``anyOf``/``oneOf`` branches."""
    branches = schema.get("anyOf") or schema.get("oneOf")
    if branches:
        found: set[str] = set()
        for branch in branches:
            kinds = _types(branch)
            if kinds is None:
                return None
            found |= kinds
        return found
    kind = schema.get("type")
    if kind is None:
        if "enum" in schema:
            return {_json_type(value) for value in schema["enum"]}
        return None
    kinds = {kind} if isinstance(kind, str) else set(kind)
    if "number" in kinds:
        kinds.add("integer")
    return kinds


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "string" if isinstance(value, str) else type(value).__name__


def _enum(schema: Json) -> set[Any] | None:
    branches = schema.get("anyOf") or schema.get("oneOf")
    if branches:
        found: set[Any] = set()
        for branch in branches:
            values = _enum(branch)
            if values is None:
                return None
            found |= values
        return found
    if "enum" in schema:
        return {_hashable(v) for v in schema["enum"]}
    if "const" in schema:
        return {_hashable(schema["const"])}
    return None


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _bound(schema: Json, key: str) -> Any:
    if key in schema:
        return schema[key]
    for branch in schema.get("anyOf") or schema.get("oneOf") or ():
        if key in branch:
            return branch[key]
    return None


def accepts_superset(ours: Json, theirs: Json, where: str, doc: Json, vendor: Json) -> list[str]:
    """Request side: every value ``theirs`` allows, ``ours`` allows too."""
    ours, theirs = resolve(doc, ours), resolve(vendor, theirs)
    problems = []
    our_types, their_types = _types(ours), _types(theirs)
    if our_types is not None and (their_types is None or not their_types <= our_types):
        problems.append(f"{where}: type {their_types} not within {our_types}")
    their_enum, our_enum = _enum(theirs), _enum(ours)
    if our_enum is not None and (their_enum is None or not their_enum <= our_enum):
        problems.append(f"{where}: enum {their_enum} not within ours {our_enum}")
    for key, tighter in (("minimum", lambda a, b: a > b), ("maximum", lambda a, b: a < b)):
        mine, yours = _bound(ours, key), _bound(theirs, key)
        if mine is not None and (yours is None or tighter(mine, yours)):
            problems.append(f"{where}: {key} {mine} tighter than the vendor's {yours}")
    if "default" in theirs and ours.get("default", theirs["default"]) != theirs["default"]:
        problems.append(f"{where}: default {ours.get('default')} != {theirs['default']}")
    if theirs.get("type") == "array" and "items" in theirs:
        problems += accepts_superset(
            ours.get("items", {}), theirs["items"], where + "[]", doc, vendor
        )
    return problems


def parameter_problems(ours: Json, theirs: Json, where: str, doc: Json, vendor: Json) -> list[str]:
    mine = {(p["name"], p["in"]): p for p in ours.get("parameters", ())}
    problems = []
    for parameter in theirs.get("parameters", ()):
        key = (parameter["name"], parameter["in"])
        here = f"{where} {parameter['in']} {parameter['name']}"
        found = mine.get(key)
        if found is None:
            problems.append(f"{here}: missing")
            continue
        if found.get("required") and not parameter.get("required"):
            problems.append(f"{here}: required here, optional for the vendor")
        for style in ("style", "explode"):
            if style in parameter and found.get(style, parameter[style]) != parameter[style]:
                problems.append(f"{here}: {style} {found.get(style)} != {parameter[style]}")
        problems += accepts_superset(found["schema"], parameter["schema"], here, doc, vendor)
    return problems


def sends_subset(
    ours: Any, theirs: Any, where: str, doc: Json, vendor: Json, depth: int = 0
) -> list[str]:
    """Response side: what ``ours`` says is sent, ``theirs`` allows (structurally)."""
    ours, theirs = resolve(doc, ours), resolve(vendor, theirs)
    if depth > 12 or not isinstance(ours, dict) or not isinstance(theirs, dict):
        return []
    problems = []
    our_types, their_types = _types(ours), _types(theirs)
    if their_types is not None and (our_types is None or not our_types <= their_types):
        problems.append(f"{where}: type {our_types} not within the vendor's {their_types}")
    their_enum, our_enum = _enum(theirs), _enum(ours)
    if their_enum is not None and (our_enum is None or not our_enum <= their_enum):
        problems.append(f"{where}: enum {our_enum} not within the vendor's {their_enum}")
    for name in theirs.get("required", ()):
        if name not in ours.get("required", ()):
            problems.append(f"{where}.{name}: required by the vendor, optional here")
    our_properties = ours.get("properties", {})
    for name, schema in theirs.get("properties", {}).items():
        if name not in our_properties:
            problems.append(f"{where}.{name}: missing")
            continue
        problems += sends_subset(
            our_properties[name], schema, f"{where}.{name}", doc, vendor, depth + 1
        )
    if "items" in theirs:
        problems += sends_subset(
            ours.get("items", {}), theirs["items"], where + "[]", doc, vendor, depth + 1
        )
    for key in ("anyOf", "oneOf"):
        for branch in theirs.get(key, ()):  # a nullable object: compare the object branch
            target = resolve(vendor, branch)
            if isinstance(target, dict) and target.get("type") == "object":
                mine = next(
                    (
                        b
                        for b in [*ours.get("anyOf", ()), *ours.get("oneOf", ())]
                        if resolve(doc, b).get("type") == "object"
                    ),
                    ours,
                )
                problems += sends_subset(mine, branch, where, doc, vendor, depth + 1)
    return problems


def json_schema(response: Json, document: Json) -> Any:
    response = resolve(document, response)
    content: Mapping[str, Any] = response.get("content", {})
    media = content.get("application/json")
    return None if media is None else media.get("schema")


def examples(response: Json, document: Json) -> list[Any]:
    """Every example body of a response's JSON content."""
    response = resolve(document, response)
    media = response.get("content", {}).get("application/json", {})
    found = [entry["value"] for entry in media.get("examples", {}).values()]
    if "example" in media:
        found.append(media["example"])
    return found
