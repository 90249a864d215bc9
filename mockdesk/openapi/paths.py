"""Flask rules → OpenAPI paths, so a document names exactly the paths the app registers.

``/desk/api/v2/tickets/<int:ticket_id>.json`` becomes ``/desk/api/v2/tickets/{ticket_id}.json``
with an integer path parameter (Werkzeug's ``int`` converter takes digits only); an untyped
variable is a string unless the vendor's description says more.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, unquote

from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map, Rule

from mockdesk.openapi.model import Schema

_VARIABLE = re.compile(r"<(?:(?P<converter>[a-z]+):)?(?P<name>[A-Za-z_][A-Za-z0-9_]*)>")
_CONVERTERS: Mapping[str, Schema] = {
    "int": {"type": "integer", "minimum": 0},
    "string": {"type": "string", "pattern": "^[^/]+$"},
}


def openapi_path(
    rule: str, overrides: Mapping[str, Schema], names: Mapping[str, str] | None = None
) -> tuple[str, list[dict[str, Any]]]:
    """The OpenAPI path of a Flask rule, and its path parameters (``names`` renames them)."""
    names = names or {}
    parameters: list[dict[str, Any]] = []
    for match in _VARIABLE.finditer(rule):
        name = match["name"]
        schema = overrides.get(name) or _CONVERTERS[match["converter"] or "string"]
        documented = names.get(name, name)
        parameters.append(
            {"name": documented, "in": "path", "required": True, "schema": dict(schema)}
        )
    path = _VARIABLE.sub(lambda m: "{" + names.get(m["name"], m["name"]) + "}", rule)
    return path, parameters


def example_values(
    rule: str, target: str, names: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The path variables and query parameters of a real request to ``rule`` (``target``: path
    and query string), as parameter examples: the values a generator can start from."""
    path, _, query_string = target.partition("?")
    adapter = Map([Rule(rule, endpoint="example")], merge_slashes=False).bind("example")
    try:
        _, found = adapter.match(unquote(path))
    except HTTPException:
        return {}
    values: dict[str, Any] = {(names or {}).get(k, k): v for k, v in found.items()}
    for key, value in parse_qsl(query_string, keep_blank_values=True):
        values.setdefault(key, value)
    return values


def relative(path: str, base: str) -> str:
    """``path`` below the server's base path (which every documented path starts with)."""
    if not base:
        return path
    if not path.startswith(base + "/"):
        raise ValueError(f"{path} is not under the server base {base}")
    return path[len(base) :]
