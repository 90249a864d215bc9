"""Cursor pagination: positions in an ordered result, and opaque cursors that carry them.

A :class:`Position` says where a page starts relative to a ticket's sort key and in which
direction to read, the way DRF's ``CursorPagination`` does (``p`` and ``r``). :func:`cursor_page`
turns a position into a page plus the positions of the pages on either side. How a position is
written into a cursor string is the vendor's dialect; :class:`SignedCursorCodec` is the opaque,
tamper-evident form bound to the query that produced it.

Over a store's :class:`~mockdesk.core.store.Selection` the sort key is best described as columns
(:class:`ColumnKey`): the page is then found by a binary search reading only the key columns of
about log2(N) rows, and only the page's own tickets are built, so page 50,000 of a million
tickets costs what page 1 does.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import hashlib
import hmac
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from mockdesk.core.errors import InvalidCursor
from mockdesk.core.store import Selection

T = TypeVar("T")


@dataclass(frozen=True)
class Position:
    """Read the items strictly after (or, ``reverse``, strictly before) the item keyed ``key``."""

    key: Any
    reverse: bool = False


@dataclass(frozen=True)
class CursorPage(Generic[T]):
    """A page, the positions of its neighbours, and the position it was read from (None: the
    first page), which DRF-style envelopes need to link back the way a cursor came."""

    items: Sequence[T]
    next: Position | None
    previous: Position | None
    origin: Position | None = None


@dataclass(frozen=True)
class ColumnKey(Generic[T]):
    """A sort key as a :class:`~mockdesk.core.store.Selection`'s columns hold it.

    ``columns`` are ``(column, descending)`` pairs, most significant first, as
    :meth:`Selection.sorted_by` takes them. A row's key is the list of its stored values, each
    negated where descending, so keys ascend in the selection's order: a time column gives
    float seconds, an int column an ``int``, a categorical one its level code (codes follow the
    store's levels, so such a key is only meaningful to the store that minted it). With
    ``scalar`` (one column only) the key is that one value rather than a one-element list.

    ``ticket_key``, when given, is the same key computed from a built ticket: it pages a plain
    sequence, which has no columns (small worlds and tests). Positions read through a
    ``ColumnKey`` must have the key's shape (a number, or a list of as many numbers as there
    are columns; a bool or NaN is no number, an infinity is one) or they are
    :class:`InvalidCursor`.
    """

    columns: tuple[tuple[str, bool], ...]
    scalar: bool = False
    ticket_key: Callable[[T], Any] | None = None

    def __post_init__(self) -> None:
        if not self.columns:
            raise ValueError("a column key needs at least one column")
        if self.scalar and len(self.columns) != 1:
            raise ValueError("a scalar column key has exactly one column")

    def fits(self, key: Any) -> bool:
        """Whether ``key`` has this key's shape (what a position read with it must carry)."""
        if self.scalar:
            return _number(key)
        return (
            isinstance(key, (list, tuple))
            and len(key) == len(self.columns)
            and all(_number(k) for k in key)
        )


def cursor_page(
    matches: Sequence[T],
    sort_key: Callable[[T], Any] | ColumnKey[T],
    position: Position | None,
    limit: int,
) -> CursorPage[T]:
    """The page at ``position`` in ``matches`` (sorted ascending by ``sort_key``, keys unique).

    ``sort_key`` is a function of a built ticket, or a :class:`ColumnKey`: then a
    :class:`~mockdesk.core.store.Selection` sorted by those columns is searched in its columns
    (no ticket built but the page's), and a plain sequence through ``ticket_key``; either way
    the page is the one the function would give. A position whose key cannot be compared with
    the sort keys (a cursor of another shape) is :class:`InvalidCursor`, never a ``TypeError``.
    """
    if isinstance(sort_key, ColumnKey):
        if position is not None and not sort_key.fits(position.key):
            raise InvalidCursor()
        if isinstance(matches, Selection):
            return _column_page(matches, sort_key, position, limit)
        if sort_key.ticket_key is None:
            raise TypeError("a ColumnKey pages a plain sequence only through its ticket_key")
        sort_key = sort_key.ticket_key
    try:
        if position is None:
            start, end = 0, min(limit, len(matches))
        elif position.reverse:
            end = bisect.bisect_left(matches, position.key, key=sort_key)
            start = max(0, end - limit)
        else:
            start = bisect.bisect_right(matches, position.key, key=sort_key)
            end = min(start + limit, len(matches))
    except TypeError:
        raise InvalidCursor() from None
    ticket_key = sort_key
    return _page(matches, start, end, lambda at, item: ticket_key(item), position)


def _column_page(
    matches: Selection[T], key: ColumnKey[T], position: Position | None, limit: int
) -> CursorPage[T]:
    """:func:`cursor_page` over the key's columns: a binary search over the selection's rows
    that reads each probed row's key from the store's arrays (about log2(N) probes). NumPy's
    ``searchsorted`` cannot do this without first gathering a column for every row (or a
    sorter as long as the store), which costs more than the whole search."""
    rows, count = matches.rows, len(matches.rows)
    row_at = rows.item  # a Python int, no NumPy scalar
    # array.item(row) is a Python float for a float column and an int otherwise; times the
    # sign, a descending column's value is negated and a bool column's True becomes 1
    readers = [(matches.store.columns[name].item, -1 if down else 1) for name, down in key.columns]
    if len(readers) == 1:  # the common shapes spelled out: a third of the time per probe
        ((read, sign),) = readers

        def row_key(at: int) -> tuple[int | float, ...]:
            return (sign * read(row_at(at)),)
    elif len(readers) == 2:
        (read, sign), (read2, sign2) = readers

        def row_key(at: int) -> tuple[int | float, ...]:
            row = row_at(at)
            return (sign * read(row), sign2 * read2(row))
    else:

        def row_key(at: int) -> tuple[int | float, ...]:
            row = row_at(at)
            return tuple([sign * read(row) for read, sign in readers])

    def key_at(at: int, item: T) -> Any:
        found = row_key(at)
        return found[0] if key.scalar else list(found)

    if position is None:
        start, end = 0, min(limit, count)
    else:
        wanted = (position.key,) if key.scalar else tuple(position.key)
        lo, hi = 0, count
        while lo < hi:  # bisect_right forward (the first row past the key), bisect_left back
            mid = (lo + hi) // 2
            probed = row_key(mid)
            if probed < wanted or (not position.reverse and probed == wanted):
                lo = mid + 1
            else:
                hi = mid
        start, end = (max(0, lo - limit), lo) if position.reverse else (lo, min(lo + limit, count))
    return _page(matches, start, end, key_at, position)


def _page(
    matches: Sequence[T],
    start: int,
    end: int,
    key_at: Callable[[int, T], Any],
    position: Position | None,
) -> CursorPage[T]:
    """``matches[start:end]`` and its neighbours' positions; ``key_at(index, item)`` is the
    sort key of ``item``, at ``index`` in ``matches``."""
    items = matches[start:end]
    if not items:  # only a stale cursor lands here: there is nowhere sensible to link to
        return CursorPage(items=items, next=None, previous=None, origin=position)
    return CursorPage(
        items=items,
        next=Position(key_at(end - 1, items[-1])) if end < len(matches) else None,
        previous=Position(key_at(start, items[0]), reverse=True) if start > 0 else None,
        origin=position,
    )


def _number(value: Any) -> bool:
    """An ``int`` (never a bool) or a float that is not NaN: what a column key's values are."""
    return type(value) is int or (type(value) is float and not math.isnan(value))


class SignedCursorCodec:
    """Opaque cursors: base64url JSON of the position and the query's fingerprint, HMAC-signed.

    A cursor that was altered, cut short, or minted for a different query decodes to
    :class:`InvalidCursor`, which is what a client that mixes up cursors should see. So does a
    well-signed cursor whose payload is not what :meth:`encode` writes (the secret of a seeded
    server can be derived from its seed, so a signature proves nothing about shape): the body
    must be a JSON object of exactly ``k``, ``r`` (0 or 1) and ``q``, and the key plain JSON
    within :data:`MAX_KEY_DEPTH`, and, when the caller passes ``valid_key``, one it accepts (the
    pager's sort key shape, e.g. :func:`shaped_like`). Nothing in a cursor can raise anything
    but :class:`InvalidCursor`.
    """

    MAX_LENGTH = 2048  # characters; a real cursor is well under 200

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def encode(self, position: Position, query: Mapping[str, Any]) -> str:
        payload = {"k": position.key, "r": int(position.reverse), "q": fingerprint(query)}
        body = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
        signature = hmac.new(self._secret, body, hashlib.sha256).digest()[:12]
        return _b64(body) + "." + _b64(signature)

    def decode(
        self,
        token: str,
        query: Mapping[str, Any],
        valid_key: Callable[[Any], bool] | None = None,
    ) -> Position:
        """The position ``token`` carries; :class:`InvalidCursor` for anything else."""
        body = self._verified_body(token)
        try:
            payload = json.loads(body, parse_constant=_refuse)
        except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
            raise InvalidCursor() from None
        if not isinstance(payload, dict) or set(payload) != {"k", "r", "q"}:
            raise InvalidCursor()
        reverse, key = payload["r"], payload["k"]
        if payload["q"] != fingerprint(query) or type(reverse) is not int or reverse not in (0, 1):
            raise InvalidCursor()
        if not _plain_key(key) or (valid_key is not None and not _accepts(valid_key, key)):
            raise InvalidCursor()
        return Position(key, reverse=bool(reverse))

    def _verified_body(self, token: str) -> bytes:
        if not isinstance(token, str) or not token.isascii() or len(token) > self.MAX_LENGTH:
            raise InvalidCursor()
        try:
            body_part, signature_part = token.split(".")
            body, signature = _unb64(body_part), _unb64(signature_part)
        except (ValueError, binascii.Error):
            raise InvalidCursor() from None
        expected = hmac.new(self._secret, body, hashlib.sha256).digest()[:12]
        if not hmac.compare_digest(signature, expected):
            raise InvalidCursor()
        return body


MAX_KEY_DEPTH = 4


def shaped_like(example: Any) -> Callable[[Any], bool]:
    """A ``valid_key`` for :meth:`SignedCursorCodec.decode`: accepts keys with the JSON shape of
    ``example`` (the same container lengths, ``int`` where it has an ``int`` and never a bool,
    ``str`` where it has a ``str``, a finite number where it has a ``float``). A sort key of
    ``[-1730000000000, "7ZZ…"]`` is ``shaped_like([0, ""])``."""

    def check(value: Any, model: Any) -> bool:
        if isinstance(model, bool) or value is None or model is None:
            return type(value) is type(model)
        if isinstance(model, int):
            return type(value) is int
        if isinstance(model, float):  # an int too large for a float is not a finite number
            return type(value) in (int, float) and _finite(value)
        if isinstance(model, str):
            return isinstance(value, str)
        if isinstance(model, (list, tuple)):
            return (
                isinstance(value, list)
                and len(value) == len(model)
                and all(check(v, m) for v, m in zip(value, model, strict=True))
            )
        return False

    return lambda key: check(key, example)


def _finite(value: int | float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an int past float's range (10**400): math.isfinite cannot say
        return False


def _accepts(valid_key: Callable[[Any], bool], key: Any) -> bool:
    try:
        return bool(valid_key(key))
    except (TypeError, ValueError, LookupError, AttributeError, ArithmeticError):
        return False


def _plain_key(key: Any, depth: int = 0) -> bool:
    """Scalars and lists of them, nested at most :data:`MAX_KEY_DEPTH`: what a sort key is."""
    if isinstance(key, list):
        return depth < MAX_KEY_DEPTH and all(_plain_key(k, depth + 1) for k in key)
    if isinstance(key, float):
        return math.isfinite(key)
    return key is None or isinstance(key, (str, int))


def _refuse(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def fingerprint(query: Mapping[str, Any]) -> str:
    """A short digest of the query's filters, so a cursor only fits the query it came from."""
    canonical = json.dumps(query, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    """Strict base64url: a character outside the alphabet is an error, not skipped."""
    return base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
