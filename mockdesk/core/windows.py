"""Moving-window rate limits per (vendor, credential) that read a mock clock.

Why not the ``limits`` library's storage: its ``MemoryStorage`` (and ``Entry``) call
``time.time()`` themselves and expire events on a background timer, so no clock can be passed
in; patching ``limits.storage.memory.time`` would move every tenant's time at once. This module
keeps the same *moving window* semantics as ``limits.strategies.MovingWindowRateLimiter`` over
``MemoryStorage`` (a hit is admitted when fewer than ``amount`` hits fall within the last
``expiry`` seconds, counting a hit exactly ``expiry`` old; a refused hit is not counted; the
window resets ``expiry`` after its oldest counted hit), but takes the time from a clock.

One :class:`MovingWindows` belongs to one tenant (so the full key is tenant, vendor,
credential) and reads that tenant's :class:`~mockdesk.core.clock.MockClock`: advancing the
clock past the window lets a limited credential through again, and ``Retry-After`` /
``X-RateLimit-Reset`` come from the same clock.

Memory: a key keeps at most the hits inside its window, never more than ``amount``; keys
exist only for credentials that authenticated (a finite, configured set). A changed limit for
a vendor counts in a window of its own, from zero (as ``limits`` keyed it by the limit).
"""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from limits import RateLimitItem

from mockdesk.core.clock import format_rfc3339
from mockdesk.core.errors import RateLimited, RateLimitStatus


def describe(limit: RateLimitItem) -> str:
    """The ``limits`` wording, e.g. ``30 per 1 minute``, which some vendors quote in a 429.

    The same text as ``core.ratelimit.describe``; repeated here so this module does not depend
    on the module it is meant to replace.
    """
    return f"{limit.amount} per {limit.multiples} {limit.GRANULARITY.name}"


class WindowCounter(Protocol):
    """What a tenant's counters offer, in memory (:class:`MovingWindows`) or shared elsewhere
    (``core.ratelimit.RedisWindows``)."""

    def hit(self, limit: RateLimitItem, vendor: str, credential: str) -> RateLimitStatus: ...

    def peek(self, limit: RateLimitItem, vendor: str, credential: str) -> RateLimitStatus: ...

    def forget(self, vendor: str | None = None) -> None: ...

    def snapshot(self) -> list[WindowState]: ...


@dataclass
class _Window:
    amount: int
    expiry: int
    hits: deque[float]


@dataclass(frozen=True)
class WindowState:
    """One active window, for the dashboard's gauges (``GET`` of rate-limit state)."""

    vendor: str
    credential: str
    limit: int
    used: int
    remaining: int
    reset_at: float  # epoch seconds on the tenant's clock
    window_seconds: int

    def as_dict(self) -> dict[str, object]:
        return {
            "vendor": self.vendor,
            "credential": self.credential,
            "limit": self.limit,
            "used": self.used,
            "remaining": self.remaining,
            "reset_at": format_rfc3339(self.reset_at),
            "window_seconds": self.window_seconds,
        }


class MovingWindows:
    """Counters for one tenant. Thread-safe: a hit is counted and read in one locked step, so
    ``remaining`` is exact under concurrency."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[tuple[str, str], _Window] = {}

    def hit(self, limit: RateLimitItem, vendor: str, credential: str) -> RateLimitStatus:
        """Count one request; raise :class:`RateLimited` (carrying the status) when over."""
        expiry = limit.get_expiry()
        with self._lock:
            now = self._clock()
            window = self._window(limit, expiry, vendor, credential, now)
            admitted = len(window.hits) < window.amount
            if admitted:
                window.hits.append(now)
            status = _status(limit, window, now)
        if not admitted:
            raise RateLimited(status)
        return status

    def peek(self, limit: RateLimitItem, vendor: str, credential: str) -> RateLimitStatus:
        """Where a credential stands, without counting a request."""
        expiry = limit.get_expiry()
        with self._lock:
            now = self._clock()
            key = (vendor, credential)
            window = self._windows.get(key)
            if window is None or (window.amount, window.expiry) != (limit.amount, expiry):
                window = _Window(limit.amount, expiry, deque())
            else:
                _prune(window, now)
            return _status(limit, window, now)

    def snapshot(self) -> list[WindowState]:
        """Every window with hits still inside it, for gauges; sorted by vendor, credential."""
        with self._lock:
            now = self._clock()
            states = []
            for (vendor, credential), window in sorted(self._windows.items()):
                _prune(window, now)
                if window.hits:
                    states.append(
                        WindowState(
                            vendor,
                            credential,
                            window.amount,
                            len(window.hits),
                            window.amount - len(window.hits),
                            window.hits[0] + window.expiry,
                            window.expiry,
                        )
                    )
            return states

    def forget(self, vendor: str | None = None) -> None:
        """Drop the counters of one vendor (or all): they start again from zero."""
        with self._lock:
            if vendor is None:
                self._windows.clear()
            else:
                for key in [key for key in self._windows if key[0] == vendor]:
                    del self._windows[key]

    def _window(
        self, limit: RateLimitItem, expiry: int, vendor: str, credential: str, now: float
    ) -> _Window:
        key = (vendor, credential)
        window = self._windows.get(key)
        if window is None or (window.amount, window.expiry) != (limit.amount, expiry):
            window = self._windows[key] = _Window(limit.amount, expiry, deque())
        else:
            _prune(window, now)
        return window


def _prune(window: _Window, now: float) -> None:
    """Drop hits older than the window. A hit exactly ``expiry`` old still counts (as in
    ``limits``); hits "in the future" after the clock was set back still count, so going
    back in time never frees capacity."""
    horizon = now - window.expiry
    hits = window.hits
    while hits and hits[0] < horizon:
        hits.popleft()


def _status(limit: RateLimitItem, window: _Window, now: float) -> RateLimitStatus:
    reset_at = (window.hits[0] if window.hits else now) + window.expiry
    return RateLimitStatus(
        limit=window.amount,
        remaining=max(0, window.amount - len(window.hits)),
        reset_at=reset_at,
        retry_after=max(1, math.ceil(reset_at - now)),
        window_seconds=window.expiry,
        description=describe(limit),
    )
