"""Fixture files: JSON that pins exact tickets for a vendor over the generated ones.

A file is ``{"vendor": "<slug>", "tickets": [ {…}, … ]}`` where each ticket is written in the
vendor's own response shape (paste one from a real response). A ticket whose id matches a
generated one replaces it; any other joins the data. Every problem is reported once, naming the
file, the ticket and the field, before the server starts: a fixture the server accepted must
never make a request fail later.

So beyond the vendor's own schema, every fixture is held to what every vendor can render:
JSON without ``NaN``/``Infinity``, nested at most :data:`MAX_DEPTH` deep; valid Unicode (no lone
surrogates, which no encoder can write as UTF-8); integers within 64 bits; finite numbers;
dates between :data:`EARLIEST` and :data:`LATEST` (a vendor that shifts a time to its own zone or
adds a lifetime to it must not overflow ``datetime``); and one ticket per id across every file.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from marshmallow import ValidationError

MAX_DEPTH = 32  # a ticket in any vendor's shape nests under 8 levels
MAX_FILE_BYTES = 64 * 1024 * 1024
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)
_INT64 = 2**63


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
    first_source: dict[tuple[str, Any], str] = {}
    for path in _expand(paths):
        document = _read_json(path)
        if not isinstance(document, dict):
            raise FixtureError(f"{path}: must be an object with vendor and tickets")
        slug = document.get("vendor")
        if not isinstance(slug, str) or slug not in known:
            raise FixtureError(
                f"{path}: vendor: must be one of {', '.join(sorted(known))} "
                f"(got {_short(repr(slug))})"
            )
        tickets = document.get("tickets")
        if not isinstance(tickets, list):
            raise FixtureError(f"{path}: tickets: must be a list of ticket objects")
        for position, raw in enumerate(tickets):
            source = f"{path}: tickets[{position}]"
            if not isinstance(raw, dict):
                raise FixtureError(f"{source}: must be an object")
            _check_raw(raw, source)
            _check_unique(first_source, slug, raw.get("id"), source)
            pinned.setdefault(slug, []).append(PinnedTicket(source, raw))
    return pinned


def load_pinned(pinned: PinnedTicket, loader: Any, catalog: Any) -> Any:
    """Run the vendor's fixture loader, turning any refusal into one clear line, then check
    that the ticket it built can be rendered (dates in range, valid text, bounded numbers)."""
    try:
        ticket = loader(pinned.raw, catalog)
    except ValidationError as error:
        raise FixtureError(f"{pinned.source}.{_first_message(error.messages)}") from None
    except (ArithmeticError, LookupError, TypeError, ValueError, RecursionError) as error:
        # a loader that trips over an odd value: still the user's file, still one line
        reason = _short(" ".join(str(error).split()) or type(error).__name__)
        raise FixtureError(f"{pinned.source}: cannot be loaded: {reason}") from None
    _check_loaded(ticket, pinned.source)
    return ticket


def load_all(pinned: Sequence[PinnedTicket], loader: Any, catalog: Any) -> list[Any]:
    """Every pinned ticket of one vendor, loaded; two that end up with the same ``id`` (however
    each file spelled it) are refused with both places named."""
    loaded: list[Any] = []
    seen: dict[Any, str] = {}
    for entry in pinned:
        ticket = load_pinned(entry, loader, catalog)
        identity = getattr(ticket, "id", None)
        if identity is not None:
            if identity in seen:
                raise FixtureError(_duplicate(entry.source, identity, seen[identity]))
            seen[identity] = entry.source
        loaded.append(ticket)
    return loaded


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
        if path.stat().st_size > MAX_FILE_BYTES:
            raise FixtureError(f"{path}: larger than {MAX_FILE_BYTES // 2**20} MB")
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise FixtureError(f"{path}: not UTF-8 (byte {error.start})") from None
    except OSError as error:
        raise FixtureError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise FixtureError(f"{path}: line {error.lineno}: invalid JSON: {error.msg}") from None
    except RecursionError:
        raise FixtureError(f"{path}: invalid JSON: nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as error:  # an integer past Python's digit limit, NaN, Infinity
        raise FixtureError(f"{path}: invalid JSON: {_short(str(error))}") from None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _check_raw(raw: Any, source: str) -> None:
    """What JSON allows but no vendor can render: depth, lone surrogates, 64-bit overflow."""
    for where, value, depth in _walk_json(raw, ""):
        if depth > MAX_DEPTH:
            raise FixtureError(f"{source}{_short(where)}: nested deeper than {MAX_DEPTH} levels")
        _check_scalar(value, source + where)


def _walk_json(value: Any, where: str, depth: int = 0) -> Iterator[tuple[str, Any, int]]:
    """Every (path, value, depth) in a parsed JSON value, keys included, without recursion
    limits of its own (the JSON parser already bounded the depth)."""
    stack = [(where, value, depth)]
    while stack:
        where, value, depth = stack.pop()
        yield where, value, depth
        if depth > MAX_DEPTH:
            return
        if isinstance(value, dict):
            for key, inner in value.items():
                yield f"{where}.{_printable(key)}", key, depth + 1
                stack.append((f"{where}.{_printable(key)}", inner, depth + 1))
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", inner, depth + 1) for i, inner in enumerate(value))


def _check_loaded(ticket: Any, source: str) -> None:
    """The ticket the vendor built: every date, text and number in it must render."""
    for where, value in _walk_object(ticket, ""):
        _check_scalar(value, source + where)


def _walk_object(value: Any, where: str, depth: int = 0) -> Iterator[tuple[str, Any]]:
    if depth > MAX_DEPTH:
        return
    yield where, value
    if is_dataclass(value) and not isinstance(value, type):
        for item in fields(value):
            yield from _walk_object(getattr(value, item.name), f"{where}.{item.name}", depth + 1)
    elif isinstance(value, Mapping):
        for key, inner in value.items():
            yield f"{where}.{_printable(key)}", key
            yield from _walk_object(inner, f"{where}.{_printable(key)}", depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for i, inner in enumerate(value):
            yield from _walk_object(inner, f"{where}[{i}]", depth + 1)


def _check_scalar(value: Any, where: str) -> None:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            bad = value[error.start : error.start + 1].encode("unicode_escape").decode()
            raise FixtureError(
                f"{where}: contains a lone surrogate ({bad}); text must be valid Unicode"
            ) from None
    elif isinstance(value, bool):
        return
    elif isinstance(value, int):
        if not -_INT64 <= value < _INT64:
            raise FixtureError(f"{where}: must fit in 64 bits (got {_short(str(value))})")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise FixtureError(f"{where}: must be a finite number (got {value})")
    elif isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        try:
            inside = EARLIEST <= aware <= LATEST
        except (OverflowError, ValueError):
            inside = False
        if not inside:
            raise FixtureError(f"{where}: {_range_message(value.isoformat())}")
    elif isinstance(value, date) and not EARLIEST.date() <= value <= LATEST.date():
        raise FixtureError(f"{where}: {_range_message(value.isoformat())}")


def _range_message(shown: str) -> str:
    return (
        f"must be between {EARLIEST.date().isoformat()} and {LATEST.date().isoformat()} "
        f"(got {shown})"
    )


def _check_unique(seen: dict[tuple[str, Any], str], slug: str, identity: Any, source: str) -> None:
    """The same ``id`` pinned twice for one vendor (in one file or two) is refused."""
    if isinstance(identity, bool) or not isinstance(identity, (str, int)):
        return  # a missing or odd id is the vendor schema's to word
    key = (slug, identity)
    if key in seen:
        raise FixtureError(_duplicate(source, identity, seen[key]))
    seen[key] = source


def _duplicate(source: str, identity: Any, first: str) -> str:
    return (
        f"{source}: id {_short(repr(identity))} is already pinned by {first}; pin each ticket once"
    )


def _printable(key: Any) -> str:
    """A key or value as it can appear in a one-line message: control characters and lone
    surrogates escaped, everything else (Persian text included) as it is."""
    text = str(key).encode("utf-8", "backslashreplace").decode("utf-8")
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: m.group().encode("unicode_escape").decode(), text)


def _short(text: str, limit: int = 80) -> str:
    text = _printable(text)
    return text if len(text) <= limit else text[:limit] + "…"


def _first_message(messages: Any, prefix: str = "") -> str:
    """``field: reason`` for the first error in marshmallow's nested message map."""
    if isinstance(messages, dict) and messages:
        key, inner = next(iter(messages.items()))
        step = f"[{key}]" if isinstance(key, int) else (f".{key}" if prefix else str(key))
        return _first_message(inner, prefix + _printable(step))
    if isinstance(messages, list) and messages:
        return _first_message(messages[0], prefix)
    return f"{prefix}: {_short(' '.join(str(messages).split()), 200)}"
