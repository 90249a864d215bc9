"""Reading a vendor's own published document (kept in its package) to reuse its schemas.

Vendors publish OpenAPI 3.0-isms inside 3.1 documents (``nullable: true``); :func:`as_31`
rewrites them as 3.1's ``type: [..., "null"]`` so one validator reads the whole document.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml


@cache
def load(path: Path) -> Any:
    """A YAML document, parsed once per process (treat it as read-only)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def as_31(schema: Any) -> Any:
    """``schema`` with every ``nullable: true`` turned into a ``"null"`` type, recursively."""
    if isinstance(schema, list):
        return [as_31(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    found = {key: as_31(value) for key, value in schema.items() if key != "nullable"}
    if schema.get("nullable") is True:
        kind = found.get("type")
        if isinstance(kind, str):
            found["type"] = [kind, "null"]
        elif isinstance(kind, list) and "null" not in kind:
            found["type"] = [*kind, "null"]
        elif "enum" in found and None not in found["enum"]:
            found["enum"] = [*found["enum"], None]
    return found


def schemas(document: Any, names: Iterable[str]) -> dict[str, Any]:
    """``components/schemas`` entries ``names`` and every schema they reference, in 3.1."""
    table = document["components"]["schemas"]
    found: dict[str, Any] = {}
    pending = list(names)
    while pending:
        name = pending.pop()
        if name in found:
            continue
        found[name] = as_31(table[name])
        pending.extend(_references(table[name]))
    return dict(sorted(found.items()))


def _references(schema: Any) -> list[str]:
    if isinstance(schema, list):
        return [name for item in schema for name in _references(item)]
    if not isinstance(schema, dict):
        return []
    found = []
    reference = schema.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/components/schemas/"):
        found.append(reference.rsplit("/", 1)[1])
    for value in schema.values():
        found.extend(_references(value))
    return found
