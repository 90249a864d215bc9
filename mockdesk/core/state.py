"""Everything a running mockdesk holds, hung off the app (``app.extensions["mockdesk"]``).

Ticket data is a pure function of seed and fixtures, so it is built once and never mutated;
what changes at run time (rate-limit counters, issued tokens, faults, the request log, limits
set through the admin API) is what :meth:`MockdeskState.reset` clears. Every change goes through
a method here, under the state's lock: the admin API, the pytest plugin and the tests call
methods, never the dicts.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field

from flask import current_app
from limits import RateLimitItem

from mockdesk.core.auth import Credentials
from mockdesk.core.dataset import Dataset, build_dataset
from mockdesk.core.faults import FaultBook
from mockdesk.core.fixtures import read_fixture_files
from mockdesk.core.ratelimit import RateLimiter, parse_limit
from mockdesk.core.requestlog import RequestLog
from mockdesk.core.vendor import VendorSpec
from mockdesk.settings import Settings


@dataclass
class MockdeskState:
    settings: Settings
    vendors: dict[str, VendorSpec]
    datasets: dict[str, Dataset] = field(default_factory=dict)
    credentials: Credentials = field(init=False)
    faults: FaultBook = field(default_factory=FaultBook)
    log: RequestLog = field(default_factory=RequestLog)
    _limits: dict[str, RateLimitItem | None] = field(default_factory=dict)
    seed: int = 0
    # the last unhandled exceptions, for LiveServer.raise_crashes; bounded for long-lived servers
    crashes: deque[BaseException] = field(default_factory=lambda: deque(maxlen=100))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.limiter = RateLimiter(self.settings.storage_uri)
        self.credentials = Credentials(defaults=self.settings.credentials)
        self.seed = self.settings.seed
        self.datasets = self._build_datasets(self.seed)
        self._limits = self._configured_limits()

    @classmethod
    def build(cls, settings: Settings, vendors: Sequence[VendorSpec]) -> MockdeskState:
        return cls(settings, {spec.slug: spec for spec in vendors})

    def reset(self, seed: int | None = None) -> None:
        """Back to a fresh server: counters, tokens, faults, log and limits; data for ``seed``."""
        with self._lock:
            if seed is not None and seed != self.seed:
                self.datasets = self._build_datasets(seed)
                self.seed = seed
            self.limiter.reset()
            self.credentials.forget_issued()
            self.faults.clear()
            self.log.clear()
            self.crashes.clear()
            self._limits = self._configured_limits()

    def limit_for(self, slug: str) -> RateLimitItem | None:
        """The vendor's rate limit now (None: off)."""
        return self._limits[slug]

    def limits(self) -> dict[str, RateLimitItem | None]:
        """Every vendor's rate limit now, by slug (a copy)."""
        with self._lock:
            return dict(self._limits)

    def set_limit(self, slug: str, limit: str) -> None:
        """Change one vendor's limit (``30/minute``, ``off``); its counters start from zero in
        the new window. Raises KeyError for an unknown vendor, ValueError for a bad limit."""
        if slug not in self.vendors:
            raise KeyError(slug)
        parsed = parse_limit(limit)
        with self._lock:
            self._limits[slug] = parsed

    def record_crash(self, error: BaseException) -> None:
        self.crashes.append(error)

    def vendor_for_path(self, path: str) -> VendorSpec | None:
        """The vendor whose real paths contain ``path`` (longest base path wins)."""
        best: tuple[int, VendorSpec | None] = (0, None)
        for spec in self.vendors.values():
            for base in spec.base_paths:
                if _under(path, base) and len(base) > best[0]:
                    best = (len(base), spec)
        return best[1]

    def _build_datasets(self, seed: int) -> dict[str, Dataset]:
        pinned = read_fixture_files(self.settings.fixtures, self.vendors)
        return {
            slug: build_dataset(spec.data, slug, seed, self.settings.tickets, pinned.get(slug, []))
            for slug, spec in self.vendors.items()
        }

    def _configured_limits(self) -> dict[str, RateLimitItem | None]:
        return {
            slug: parse_limit(self.settings.rate_limits.get(slug, spec.rate_limit.default))
            for slug, spec in self.vendors.items()
        }


def _under(path: str, base: str) -> bool:
    return path == base or path.startswith(base.rstrip("/") + "/")


def current_state() -> MockdeskState:
    state: MockdeskState = current_app.extensions["mockdesk"]
    return state
