"""Cursor pagination: positions in an ordered result, and opaque cursors that carry them.

A :class:`Position` says where a page starts relative to a ticket's sort key and in which
direction to read, the way DRF's ``CursorPagination`` does (``p`` and ``r``). :func:`cursor_page`
turns a position into a page plus the positions of the pages on either side. How a position is
written into a cursor string is the vendor's dialect; :class:`SignedCursorCodec` is the opaque,
tamper-evident form bound to the query that produced it.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import hashlib
import hmac
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from mockdesk.core.errors import InvalidCursor

T = TypeVar("T")


@dataclass(frozen=True)
class Position:
    """Read the items strictly after (or, ``reverse``, strictly before) the item keyed ``key``."""

    key: Any
    reverse: bool = False


@dataclass(frozen=True)
class CursorPage(Generic[T]):
    items: Sequence[T]
    next: Position | None
    previous: Position | None
    origin: Position | None = None


def cursor_page(
    matches: Sequence[T],
    sort_key: Callable[[T], Any],
    position: Position | None,
    limit: int,
) -> CursorPage[T]:
    """The page at ``position`` in ``matches`` (sorted ascending by ``sort_key``, keys unique)."""
    if position is None:
        start, end = 0, min(limit, len(matches))
    elif position.reverse:
        end = bisect.bisect_left(matches, position.key, key=sort_key)
        start = max(0, end - limit)
    else:
        start = bisect.bisect_right(matches, position.key, key=sort_key)
        end = min(start + limit, len(matches))
    items = matches[start:end]
    if not items:  # only a stale cursor lands here: there is nowhere sensible to link to
        return CursorPage(items=items, next=None, previous=None, origin=position)
    return CursorPage(
        items=items,
        next=Position(sort_key(items[-1])) if end < len(matches) else None,
        previous=Position(sort_key(items[0]), reverse=True) if start > 0 else None,
        origin=position,
    )


class SignedCursorCodec:
    """Opaque cursors: base64url JSON of the position and the query's fingerprint, HMAC-signed.

    A cursor that was altered, cut short, or minted for a different query decodes to
    :class:`InvalidCursor`, which is what a client that mixes up cursors should see.
    """

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def encode(self, position: Position, query: Mapping[str, Any]) -> str:
        payload = {"k": position.key, "r": int(position.reverse), "q": fingerprint(query)}
        body = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
        signature = hmac.new(self._secret, body, hashlib.sha256).digest()[:12]
        return _b64(body) + "." + _b64(signature)

    def decode(self, token: str, query: Mapping[str, Any]) -> Position:
        try:
            body_part, signature_part = token.split(".")
            body, signature = _unb64(body_part), _unb64(signature_part)
        except (ValueError, binascii.Error):
            raise InvalidCursor() from None
        expected = hmac.new(self._secret, body, hashlib.sha256).digest()[:12]
        if not hmac.compare_digest(signature, expected):
            raise InvalidCursor()
        payload = json.loads(body)
        if payload.get("q") != fingerprint(query):
            raise InvalidCursor()
        return Position(payload["k"], reverse=bool(payload["r"]))


def fingerprint(query: Mapping[str, Any]) -> str:
    """A short digest of the query's filters, so a cursor only fits the query it came from."""
    canonical = json.dumps(query, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
