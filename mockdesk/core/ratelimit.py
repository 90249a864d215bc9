"""Per-(vendor, credential) rate limits on the ``limits`` library's moving window.

The storage URI is the state backend: ``memory://`` for one process, ``redis://…`` when several
workers or replicas must share counters. A limit of ``None`` means "off".
"""

from __future__ import annotations

import math
import time

from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from mockdesk.core.errors import RateLimited, RateLimitStatus


def parse_limit(text: str) -> RateLimitItem | None:
    """``30/minute`` or ``4 per second`` to a limit; ``off`` to None. Raises ValueError."""
    if text.strip().lower() == "off":
        return None
    return parse(text)


def describe(limit: RateLimitItem) -> str:
    """The ``limits`` wording, e.g. ``30 per 1 minute``, which some vendors quote in a 429."""
    return f"{limit.amount} per {limit.multiples} {limit.GRANULARITY.name}"


class RateLimiter:
    def __init__(self, storage_uri: str = "memory://") -> None:
        self._storage = storage_from_string(storage_uri)
        self._window = MovingWindowRateLimiter(self._storage)

    def hit(self, limit: RateLimitItem, vendor: str, credential: str) -> RateLimitStatus:
        """Count one request; raise :class:`RateLimited` if it is over the limit."""
        admitted = self._window.hit(limit, vendor, credential)
        status = self.peek(limit, vendor, credential)
        if not admitted:
            raise RateLimited(status)
        return status

    def peek(self, limit: RateLimitItem, vendor: str, credential: str) -> RateLimitStatus:
        """Where a credential stands, without counting a request."""
        reset_at, remaining = self._window.get_window_stats(limit, vendor, credential)
        return RateLimitStatus(
            limit=limit.amount,
            remaining=remaining,
            reset_at=reset_at,
            retry_after=max(1, math.ceil(reset_at - time.time())),
            window_seconds=limit.get_expiry(),
            description=describe(limit),
        )

    def reset(self) -> None:
        self._storage.reset()
