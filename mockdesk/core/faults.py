"""Scripted faults: "the next N requests to this vendor fail like this", set through the admin API.

A rule names a neutral error, so each vendor answers it in its own exact shape: a client's
handling of a 401, 403, 429 or 500 can be tested without waiting for the real condition.
A rule fires ``times`` times (None: until removed); the first matching rule wins.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from limits import RateLimitItem, parse

from mockdesk.core.errors import (
    Forbidden,
    InternalError,
    MockdeskError,
    NotFound,
    RateLimited,
    RateLimitStatus,
    Unauthenticated,
)
from mockdesk.core.ratelimit import describe


def _rate_limited(limit: RateLimitItem | None) -> MockdeskError:
    """A refusal that quotes the vendor's configured limit (a one-second window when it is off)."""
    limit = limit or parse("1/second")
    window = limit.get_expiry()
    status = RateLimitStatus(limit.amount, 0, time.time() + window, window, window, describe(limit))
    return RateLimited(status)


FAULTS: dict[str, Callable[[RateLimitItem | None], MockdeskError]] = {
    "unauthenticated": lambda limit: Unauthenticated("invalid"),
    "expired": lambda limit: Unauthenticated("expired"),
    "forbidden": lambda limit: Forbidden("*"),
    "rate_limited": _rate_limited,
    "not_found": lambda limit: NotFound(),
    "internal": lambda limit: InternalError("fault injected"),
}


@dataclass
class FaultRule:
    id: int
    error: str
    vendor: str | None = None  # None: every vendor
    path_prefix: str = ""  # only requests whose path starts with this
    times: int | None = 1  # None: always
    fired: int = 0

    def matches(self, vendor: str, path: str) -> bool:
        return (self.vendor in (None, vendor)) and path.startswith(self.path_prefix)

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "error": self.error,
            "vendor": self.vendor,
            "path_prefix": self.path_prefix,
            "times": self.times,
            "fired": self.fired,
        }


@dataclass
class FaultBook:
    _rules: list[FaultRule] = field(default_factory=list)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(
        self, error: str, vendor: str | None = None, path_prefix: str = "", times: int | None = 1
    ) -> FaultRule:
        if error not in FAULTS:
            raise ValueError(f"error must be one of {', '.join(FAULTS)}")
        with self._lock:
            rule = FaultRule(next(self._ids), error, vendor, path_prefix, times)
            self._rules.append(rule)
            return rule

    def rules(self) -> list[FaultRule]:
        with self._lock:
            return list(self._rules)

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def raise_if_due(self, vendor: str, path: str, limit: RateLimitItem | None = None) -> None:
        """Raise the error of the first rule that matches, using up one of its ``times``."""
        if not self._rules:
            return
        with self._lock:
            for rule in self._rules:
                if rule.matches(vendor, path):
                    rule.fired += 1
                    if rule.times is not None and rule.fired >= rule.times:
                        self._rules.remove(rule)
                    raise FAULTS[rule.error](limit)
