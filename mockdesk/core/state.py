"""Everything a running mockdesk holds, hung off the app (``app.extensions["mockdesk"]``).

Ticket data is a pure function of seed and fixtures, so it is built once per seed and never
mutated. What changes at run time (rate-limit windows and limit overrides, issued tokens, fault
rules, the journal, the clock, runtime tickets) lives in :class:`~mockdesk.core.tenants.Tenant`s,
one per ``X-Mockdesk-Tenant`` value. Every change goes through a method, under a lock: the admin
API, the pytest plugin and the tests call methods, never the dicts.

With ``--state redis://…`` the same interfaces are backed by Redis (:mod:`mockdesk.core.shared`):
every request starts with :meth:`MockdeskState.sync`, which reloads whatever another worker or
replica changed, and the server's seed is shared too (a replica joining keeps the seed Redis
holds; a reset to a seed through any worker switches them all).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from flask import current_app
from limits import RateLimitItem

from mockdesk.core.auth import Credentials
from mockdesk.core.clock import MockClock
from mockdesk.core.dataset import Dataset
from mockdesk.core.fixtures import read_fixture_files
from mockdesk.core.journal import Journal
from mockdesk.core.ratelimit import CounterStore, parse_limit
from mockdesk.core.shared import SharedJournal, SharedState, SharedTenantBook
from mockdesk.core.shelf import DatasetShelf
from mockdesk.core.tenants import Tenant, TenantBook
from mockdesk.core.vendor import VendorSpec
from mockdesk.core.windows import WindowCounter
from mockdesk.settings import Settings


@dataclass
class MockdeskState:
    settings: Settings
    vendors: dict[str, VendorSpec]
    seed: int = 0
    tenants: TenantBook = field(init=False)
    # the last unhandled exceptions, for LiveServer.raise_crashes; bounded for long-lived servers
    crashes: deque[BaseException] = field(default_factory=lambda: deque(maxlen=100))
    _limits: dict[str, RateLimitItem | None] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.counters = CounterStore(self.settings.state)
        self.seed = self.settings.seed
        self.shared: SharedState | None = None
        if self.counters.client is not None:
            self.shared = SharedState(self.counters.client)
            self.seed = self.shared.adopt_seed(self.seed)
            self.tenants = SharedTenantBook(
                self.shared,
                SharedJournal(self.shared, self.settings.journal_size),
                make_credentials=self._credentials,
                make_windows=self._windows,
            )
        else:
            self.tenants = TenantBook(
                Journal(capacity=self.settings.journal_size),
                make_credentials=self._credentials,
                make_windows=self._windows,
            )
        self.shelf = DatasetShelf(
            self.vendors,
            self.settings.tickets,
            read_fixture_files(self.settings.fixtures, self.vendors),
            shift=self.settings.shift,
        )
        self.shelf.check_fixtures(self.seed)
        self._limits = self._configured_limits()

    @classmethod
    def build(cls, settings: Settings, vendors: Sequence[VendorSpec]) -> MockdeskState:
        return cls(settings, {spec.slug: spec for spec in vendors})

    # data

    @property
    def datasets(self) -> dict[str, Dataset]:
        """Every vendor's data for the server's seed."""
        return self.datasets_for(self.seed)

    def datasets_for(self, seed: int) -> dict[str, Dataset]:
        """Every vendor's data for ``seed``, built on first use; the last few seeds are kept."""
        return self.shelf.datasets_for(seed)

    def warm(self, start: Callable[[Callable[[], object]], object]) -> None:
        """Start building the server's data through ``start`` (a thread or greenlet starter),
        so the server answers its health check (503, with progress) while it builds."""
        self.shelf.warm(self.seed, start)

    def dataset(self, slug: str, tenant: Tenant) -> Dataset:
        """The vendor's data as ``tenant`` sees it: its seed, with its runtime tickets."""
        base = self.datasets_for(self.seed if tenant.seed is None else tenant.seed)[slug]
        load = self.vendors[slug].data.load_fixture
        view = tenant.runtime.view(
            slug,
            base.store,
            lambda store: Dataset(store, base.catalog),
            lambda raw: load(raw, base.catalog),  # rebuilds a shared overlay that moved
        )
        return base if view is None else view

    # run-time state

    def sync(self) -> None:
        """Take in what other workers changed (shared state; nothing to do in memory)."""
        if self.shared is not None:
            self.shared.sync(self._apply)

    def _apply(self, changes: set[str]) -> None:
        assert self.shared is not None
        if "seed" in changes:
            stored = self.shared.seed()
            with self._lock:
                self.seed = self.seed if stored is None else stored
        if "reset" in changes:
            with self._lock:
                self.crashes.clear()
        assert isinstance(self.tenants, SharedTenantBook)
        self.tenants.apply(changes)

    def reset(self, seed: int | None = None) -> None:
        """Back to a fresh server: every tenant's state, the journal, limits; data for ``seed``."""
        if seed is not None:
            self.datasets_for(seed)
            if self.shared is not None:
                self.shared.set_seed(seed)
        with self._lock:
            if seed is not None:
                self.seed = seed
            self.crashes.clear()
            self._limits = self._configured_limits()
        self.tenants.reset_all()

    @property
    def credentials(self) -> Credentials:
        """The default tenant's credentials (the one table a test without tenants uses)."""
        return self.tenants.default.credentials

    def limit_for(self, slug: str) -> RateLimitItem | None:
        """The vendor's configured rate limit now (None: off); a tenant may override it."""
        return self._limits[slug]

    def limits(self) -> dict[str, RateLimitItem | None]:
        """Every vendor's configured rate limit now, by slug (a copy)."""
        with self._lock:
            return dict(self._limits)

    def set_limit(self, slug: str, limit: str, tenant: Tenant | None = None) -> None:
        """Change one vendor's limit (``30/minute``, ``off``) in ``tenant`` (default: the default
        tenant); its counters start from zero in the new window. Raises KeyError for an unknown
        vendor, ValueError for a bad limit."""
        if slug not in self.vendors:
            raise KeyError(slug)
        (tenant or self.tenants.default).set_limit(slug, parse_limit(limit))

    def record_crash(self, error: BaseException) -> None:
        self.crashes.append(error)

    def storage_healthy(self) -> bool:
        """Whether the shared storage answers (always, for memory)."""
        return self.counters.healthy()

    def vendor_for_path(self, path: str) -> VendorSpec | None:
        """The vendor whose real paths contain ``path`` (longest base path wins)."""
        best: tuple[int, VendorSpec | None] = (0, None)
        for spec in self.vendors.values():
            for base in spec.base_paths:
                if _under(path, base) and len(base) > best[0]:
                    best = (len(base), spec)
        return best[1]

    def _credentials(self, clock: MockClock) -> Credentials:
        return Credentials(clock=clock, defaults=self.settings.credentials)

    def _windows(self, clock: MockClock, tenant: str) -> WindowCounter:
        return self.counters.windows(clock, tenant)

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
