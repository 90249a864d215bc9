"""Fixture files: JSON that pins exact tickets for a vendor over the generated ones.

A file is ``{"vendor": "<slug>", "tickets": [ {…}, … ]}`` where each ticket is written in the
vendor's own response shape (paste one from a real response). A ticket whose id matches a
generated one replaces it; any other joins the data. Every problem is reported once, naming the
file, the ticket and the field, before the server starts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marshmallow import ValidationError


class FixtureError(ValueError):
    """A fixture file that cannot be used; the message names file, field and reason."""


@dataclass(frozen=True)
class PinnedTicket:
    source: str  # "fixtures/example.json: tickets[0]"
    raw: Mapping[str, Any]


def read_fixture_files(
    paths: Iterable[Path], vendors: Iterable[str]
) -> dict[str, list[PinnedTicket]]:
    """Pinned tickets per vendor slug, from files or from every ``*.json`` in a directory."""
    known = set(vendors)
    pinned: dict[str, list[PinnedTicket]] = {}
    for path in _expand(paths):
        document = _read_json(path)
        slug = document.get("vendor") if isinstance(document, dict) else None
        if slug not in known:
            raise FixtureError(
                f"{path}: vendor: must be one of {', '.join(sorted(known))} (got {slug!r})"
            )
        tickets = document.get("tickets")
        if not isinstance(tickets, list):
            raise FixtureError(f"{path}: tickets: must be a list of ticket objects")
        for position, raw in enumerate(tickets):
            if not isinstance(raw, dict):
                raise FixtureError(f"{path}: tickets[{position}]: must be an object")
            pinned.setdefault(slug, []).append(PinnedTicket(f"{path}: tickets[{position}]", raw))
    return pinned


def load_pinned(pinned: PinnedTicket, loader: Any, catalog: Any) -> Any:
    """Run the vendor's fixture loader, turning its validation errors into one clear line."""
    try:
        return loader(pinned.raw, catalog)
    except ValidationError as error:
        raise FixtureError(f"{pinned.source}.{_first_message(error.messages)}") from None


def _expand(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.json")))
        elif path.is_file():
            files.append(path)
        else:
            raise FixtureError(f"{path}: no such file or directory")
    return files


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise FixtureError(f"{path}: line {error.lineno}: invalid JSON: {error.msg}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise FixtureError(f"{path}: cannot read: {error}") from None


def _first_message(messages: Any, prefix: str = "") -> str:
    """``field: reason`` for the first error in marshmallow's nested message map."""
    if isinstance(messages, dict):
        key, inner = next(iter(messages.items()))
        step = f"[{key}]" if isinstance(key, int) else (f".{key}" if prefix else str(key))
        return _first_message(inner, prefix + step)
    if isinstance(messages, list) and messages:
        return f"{prefix}: {messages[0]}"
    return f"{prefix}: {messages}"
