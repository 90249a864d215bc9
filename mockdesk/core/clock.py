"""The mock clock: real time by default, moved, frozen or set by a test through the admin API.

Why: a test that needs a rate-limit window to roll over, or an OAuth token to expire, must not
sleep for a real minute. Everything time-dependent in a tenant (rate-limit windows, issued-token
expiry, the journal's ``time``) reads its tenant's :class:`MockClock` instead of ``time.time``.

The clock is an *offset* from real time while it runs, and a fixed instant while frozen, so an
unfrozen clock keeps ticking at real speed after an ``advance`` or a ``set``. Only the instant the
clock shows is bounded (:data:`EARLIEST` .. :data:`LATEST`): anything rendered from it (RFC 3339
times, ``X-RateLimit-Reset`` dates, a window's end) must still be representable, with ~1000 years
of room for windows and token lifetimes above the latest instant.

Instances are callables (``clock()`` == ``clock.now()``), so one can be passed wherever the code
takes a ``Callable[[], float]`` time source, e.g. ``auth.Credentials(clock=...)``.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from marshmallow import ValidationError

from mockdesk.core.jsoninput import echo_key, finite_number

EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)
EARLIEST_EPOCH = EARLIEST.timestamp()
LATEST_EPOCH = LATEST.timestamp()

# RFC 3339 section 5.6 date-time, with "T", "t" or a space (section 5.6, NOTE) between the parts.
# Python's fromisoformat alone is too lenient: it takes "2026-11-01" and "20261101T0900".
_RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})",
    re.ASCII,
)


class MockClock:
    """A thread-safe clock that runs at real speed, from an offset, unless frozen.

    ``source`` is the real time source (``time.time``); tests of the clock itself may pass a fake.
    """

    def __init__(self, source: Callable[[], float] = time.time) -> None:
        self._source = source
        self._lock = threading.Lock()
        self._offset = 0.0
        self._frozen_at: float | None = None

    def __call__(self) -> float:
        return self.now()

    def now(self) -> float:
        """The mock time, epoch seconds."""
        with self._lock:
            return self._now()

    @property
    def frozen(self) -> bool:
        with self._lock:
            return self._frozen_at is not None

    def advance(self, seconds: float) -> float:
        """Move forward by ``seconds`` (finite, >= 0; use :meth:`set` to go back); the new now."""
        if not finite_number(seconds) or seconds < 0:
            raise ValueError("advance: must be a finite number of seconds >= 0")
        with self._lock:
            target = self._now() + seconds
            _check_bounds(target, "advance")
            self._move_to(target)
            return target

    def set(self, moment: datetime) -> float:
        """Jump to ``moment`` (timezone-aware); a frozen clock stays frozen there."""
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("set: must carry a timezone offset (e.g. Z or +02:00)")
        target = moment.timestamp()
        _check_bounds(target, "set")
        with self._lock:
            self._move_to(target)
            return target

    def freeze(self, frozen: bool = True) -> None:
        """Stop the clock where it is (True) or let it run on from there at real speed (False)."""
        with self._lock:
            if frozen and self._frozen_at is None:
                self._frozen_at = self._source() + self._offset
            elif not frozen and self._frozen_at is not None:
                self._offset = self._frozen_at - self._source()
                self._frozen_at = None

    def reset(self) -> None:
        """Back to real time, running."""
        with self._lock:
            self._offset = 0.0
            self._frozen_at = None

    def datetime(self) -> datetime:
        """The mock time as an aware UTC datetime."""
        return datetime.fromtimestamp(self.now(), tz=UTC)

    def snapshot(self) -> dict[str, Any]:
        """What ``GET /__mockdesk/clock`` answers: ``{"now": <RFC 3339>, "frozen": bool}``."""
        with self._lock:
            now, frozen = self._now(), self._frozen_at is not None
        return {"now": format_rfc3339(now), "frozen": frozen}

    def apply(self, command: ClockCommand) -> None:
        """Carry out a validated ``POST /__mockdesk/clock`` body: set, then advance, then freeze.

        The target is bounds-checked before anything changes, so a refused command (a
        ``ValidationError`` naming the field) leaves the clock as it was.
        """
        with self._lock:
            target = self._now()
            if command.set is not None:
                target = command.set.timestamp()
            if command.advance is not None:
                target += command.advance
            field = "advance" if command.advance is not None else "set"
            if not EARLIEST_EPOCH <= target < LATEST_EPOCH:
                raise ValidationError({field: [_BOUNDS]})
            self._move_to(target)
            if command.freeze is True and self._frozen_at is None:
                self._frozen_at = target
            elif command.freeze is False and self._frozen_at is not None:
                self._offset = self._frozen_at - self._source()
                self._frozen_at = None

    def _now(self) -> float:
        if self._frozen_at is not None:
            return self._frozen_at
        return self._source() + self._offset

    def _move_to(self, target: float) -> None:
        if self._frozen_at is not None:
            self._frozen_at = target
        else:
            self._offset = target - self._source()


@dataclass(frozen=True)
class ClockCommand:
    """A validated ``POST /__mockdesk/clock`` body; at least one field is set."""

    advance: float | None = None
    freeze: bool | None = None
    set: datetime | None = None

    @classmethod
    def from_json(cls, payload: object) -> ClockCommand:
        """Validate a decoded JSON body, raising marshmallow's ``ValidationError`` with a message
        per offending field (the admin API renders it as ``{"error": "invalid_request",
        "fields": {...}}``)."""
        if not isinstance(payload, Mapping):
            raise ValidationError({"_schema": ["must be a JSON object"]})
        errors: dict[str, list[str]] = {}
        for key in payload:
            if key not in ("advance", "freeze", "set"):
                errors[echo_key(key)] = ["unknown field; expected advance, freeze or set"]
        advance = payload.get("advance")
        if advance is not None and (not finite_number(advance) or advance < 0):
            errors["advance"] = ["must be a finite number of seconds >= 0"]
        freeze = payload.get("freeze")
        if freeze is not None and not isinstance(freeze, bool):
            errors["freeze"] = ["must be true or false"]
        moment: datetime | None = None
        if payload.get("set") is not None:
            try:
                moment = parse_rfc3339(payload["set"])
            except ValueError as error:
                errors["set"] = [str(error)]
        if not errors and advance is None and freeze is None and moment is None:
            errors["_schema"] = ["give at least one of advance, freeze or set"]
        if errors:
            raise ValidationError(errors)
        return cls(float(advance) if advance is not None else None, freeze, moment)


def parse_rfc3339(value: object) -> datetime:
    """An RFC 3339 date-time with an offset, within the clock's bounds; ValueError otherwise."""
    if not isinstance(value, str) or not _RFC3339.fullmatch(value):
        raise ValueError("must be an RFC 3339 date-time with an offset, e.g. 2026-11-01T09:00:00Z")
    text = value.replace("t", "T").replace("z", "Z")
    main, dot, rest = text.partition(".")
    if dot:  # Python keeps microseconds: cut nanosecond digits rather than refuse them
        digits = re.match(r"\d+", rest)
        assert digits is not None  # the pattern above guarantees digits after the dot
        text = f"{main}.{digits.group()[:6]}{rest[digits.end() :]}"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError("is not a real date and time (check month, day, hour)") from None
    if not EARLIEST <= moment < LATEST:
        raise ValueError(f"must be between {format_rfc3339(EARLIEST_EPOCH)} and 9000-01-01")
    return moment


def format_rfc3339(epoch: float) -> str:
    """Epoch seconds as RFC 3339 in UTC with milliseconds, e.g. ``2026-11-01T09:00:00.000Z``."""
    moment = datetime.fromtimestamp(epoch, tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


_BOUNDS = "the clock must stay between 1970-01-01 and 9000-01-01"


def _check_bounds(target: float, field: str) -> None:
    if not EARLIEST_EPOCH <= target < LATEST_EPOCH:
        raise ValueError(f"{field}: {_BOUNDS}")
