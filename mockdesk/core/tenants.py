"""Tenants: independent copies of all run-time state on one server, chosen per request.

Why: pytest-xdist workers (or several suites) share one server. Without isolation, worker A's
fault rule fails worker B's request, A's requests use up B's rate limit, and a reset by one
wipes the other's setup. A request names its tenant in the ``X-Mockdesk-Tenant`` header (admin
calls too); no header, or an empty one, is the ``default`` tenant.

A :class:`Tenant` owns its clock, fault rules, rate-limit windows and limit overrides, runtime
tickets, issued OAuth tokens (its own :class:`~mockdesk.core.auth.Credentials`, on its clock)
and its view of the journal. The journal is one object for the server with a bounded deque per
tenant (so the dashboard can follow every tenant, and one busy tenant never evicts another's
entries). Ticket data (seed and fixtures) is shared; ``Tenant.seed`` records a seed a tenant
asked for at reset, for the app to pick that seed's dataset.

Tenants are made on first use. Resetting a tenant clears each of its parts *in place* (code that
holds the default tenant's credentials or fault book keeps working); :meth:`TenantBook.drop`
forgets a tenant and frees its slot. At most :data:`MAX_TENANTS`
exist at once: xdist's ``-n auto`` on a large CI machine stays well under it, and the worst-case
memory (each tenant's full journal) stays bounded. Names: 1-64 visible ASCII characters
(``!`` to ``~``), not ``*`` (which means "every tenant" in journal queries) nor ``,``.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from limits import RateLimitItem

from mockdesk.core.auth import Credentials
from mockdesk.core.clock import MockClock
from mockdesk.core.faults import FaultBook
from mockdesk.core.journal import ALL_TENANTS, Journal, JournalView
from mockdesk.core.runtime import RuntimeTickets
from mockdesk.core.windows import MovingWindows, WindowCounter

TENANT_HEADER = "X-Mockdesk-Tenant"
DEFAULT_TENANT = "default"
MAX_TENANTS = 64
MAX_NAME = 64


class TenantError(ValueError):
    """An unusable tenant name, or no room for another tenant.

    ``reason`` is the message for the admin error body's ``fields["X-Mockdesk-Tenant"]``.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(f"{TENANT_HEADER}: {reason}")
        self.reason = reason


def tenant_problem(name: str) -> str | None:
    """Why ``name`` cannot name a tenant, or None when it can."""
    if not 1 <= len(name) <= MAX_NAME:
        return f"must be 1 to {MAX_NAME} characters"
    if any(not "!" <= c <= "~" for c in name):
        return "must be visible ASCII characters (no spaces or control characters)"
    if name == ALL_TENANTS or "," in name:
        return "must not be * or contain a comma"
    return None


def tenant_name(header: str | None) -> str:
    """The tenant a header value names: missing or blank is the default tenant."""
    if header is None or not header.strip():
        return DEFAULT_TENANT
    name = header.strip()
    problem = tenant_problem(name)
    if problem is not None:
        raise TenantError(problem)
    return name


@dataclass
class Tenant:
    """All run-time state of one tenant. Each part is thread-safe on its own."""

    name: str
    clock: MockClock
    faults: FaultBook
    windows: WindowCounter
    runtime: RuntimeTickets
    journal: JournalView
    credentials: Credentials
    seed: int | None = None  # None: the server's seed
    _limits: dict[str, RateLimitItem | None] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def limit_for(self, slug: str, configured: RateLimitItem | None) -> RateLimitItem | None:
        """The vendor's limit in this tenant: its override, else the server's configured one."""
        with self._lock:
            return self._limits.get(slug, configured)

    def set_limit(self, slug: str, limit: RateLimitItem | None) -> None:
        """Override one vendor's limit (None: off). A different limit starts a fresh window."""
        with self._lock:
            self._limits[slug] = limit

    def reset(self, seed: int | None = None) -> None:
        """Back to fresh, in place (objects keep their identity, so nothing holding one of
        them goes stale): clock, rules, counters, limit overrides, runtime tickets, issued
        tokens, journal entries; ``seed`` for this tenant's data (None: the server's)."""
        self.clock.reset()
        self.faults.clear()
        self.windows.forget()
        self.runtime.clear()
        self.credentials.forget_issued()
        self.journal.clear()
        with self._lock:
            self._limits.clear()
            self.seed = seed

    def limits(
        self, configured: Mapping[str, RateLimitItem | None]
    ) -> dict[str, RateLimitItem | None]:
        """Every vendor's effective limit in this tenant."""
        with self._lock:
            return {slug: self._limits.get(slug, item) for slug, item in configured.items()}


class TenantBook:
    """The server's tenants by name. Thread-safe.

    ``make_credentials`` builds a tenant's credential table on its clock (the app passes
    ``lambda clock: Credentials(clock=clock, defaults=settings.credentials)``);
    ``make_windows`` its rate-limit counters on its clock, given the tenant name (default: in
    memory; with Redis, ``lambda clock, name: redis_storage.windows(clock, name)``). A reset or
    dropped tenant's counters are ``forget()``-ed, so shared storage keeps no stale keys.
    ``fault_seed`` makes fault probabilities and sampled delays repeatable per tenant (None:
    from the OS).
    """

    def __init__(
        self,
        journal: Journal | None = None,
        *,
        make_credentials: Callable[[MockClock], Credentials] | None = None,
        make_windows: Callable[[MockClock, str], WindowCounter] | None = None,
        max_tenants: int = MAX_TENANTS,
        fault_seed: int | None = None,
    ) -> None:
        self.journal = journal if journal is not None else Journal()
        self._make_credentials = make_credentials or (lambda clock: Credentials(clock=clock))
        self._make_windows = make_windows or (lambda clock, name: MovingWindows(clock))
        self._max = max_tenants
        self._fault_seed = fault_seed
        self._fault_ids = itertools.count(1)  # one counter: rule ids are unique server-wide
        self._lock = threading.Lock()
        self._tenants: dict[str, Tenant] = {DEFAULT_TENANT: self._fresh(DEFAULT_TENANT)}

    @property
    def default(self) -> Tenant:
        return self.get(None)

    def get(self, header: str | None) -> Tenant:
        """The tenant a request's ``X-Mockdesk-Tenant`` value names, made on first use.

        Raises :class:`TenantError` for a bad name or when :data:`MAX_TENANTS` exist.
        """
        name = tenant_name(header)
        with self._lock:
            tenant = self._tenants.get(name)
            if tenant is None:
                if len(self._tenants) >= self._max:
                    raise TenantError(
                        f"at most {self._max} tenants at once; free one with "
                        "DELETE /__mockdesk/tenants/<name>"
                    )
                tenant = self._tenants[name] = self._fresh(name)
            return tenant

    def find(self, name: str) -> Tenant | None:
        """An existing tenant, without making one."""
        with self._lock:
            return self._tenants.get(name)

    def names(self) -> list[str]:
        with self._lock:
            return sorted(self._tenants)

    def reset(self, header: str | None, seed: int | None = None) -> Tenant:
        """Reset one tenant in place (made fresh if it did not exist); returns it."""
        tenant = self.get(header)
        tenant.reset(seed)
        return tenant

    def drop(self, header: str | None) -> bool:
        """Forget a tenant entirely, freeing its slot (the default tenant is reset instead)."""
        name = tenant_name(header)
        if name == DEFAULT_TENANT:
            self.default.reset()
            return True
        with self._lock:
            old = self._tenants.pop(name, None)
        if old is None:
            return False
        old.reset()  # clears its journal and shared counters
        return True

    def reset_all(self) -> Tenant:
        """Every tenant but the default one dropped; the default reset in place; the whole
        journal cleared."""
        with self._lock:
            dropped = [t for name, t in self._tenants.items() if name != DEFAULT_TENANT]
            self._tenants = {DEFAULT_TENANT: self._tenants[DEFAULT_TENANT]}
            default = self._tenants[DEFAULT_TENANT]
        for tenant in dropped:
            tenant.windows.forget()
        default.reset()
        self.journal.clear()
        return default

    def _fresh(self, name: str, seed: int | None = None) -> Tenant:
        clock = MockClock()
        fault_seed = None if self._fault_seed is None else f"{self._fault_seed}:{name}"
        return Tenant(
            name=name,
            clock=clock,
            faults=FaultBook(ids=self._fault_ids, seed=fault_seed),
            windows=self._make_windows(clock, name),
            runtime=RuntimeTickets(),
            journal=self.journal.view(name),
            credentials=self._make_credentials(clock),
            seed=seed,
        )
