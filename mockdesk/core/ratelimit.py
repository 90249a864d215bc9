"""Rate limits: the one parser of limit strings, and the counters behind them.

**Limits.** :func:`parse_limit` reads the ``limits`` library's notation (``30/minute``,
``4 per second``) or ``off``, and refuses what mockdesk cannot honour exactly: several limits
at once (``1/second;2/minute``: a vendor here has one window), an amount outside
1..:data:`MAX_AMOUNT`, and a window longer than :data:`MAX_WINDOW_SECONDS` (one ``limits``
year, 360 days). The window cap is what keeps every reset time renderable: ``1/9000 year``
would put HostUp's ISO ``X-RateLimit-Reset`` past year 9999.

**Counters.** A moving window per (vendor, credential), with the semantics of
:mod:`mockdesk.core.windows` (a hit is admitted while fewer than ``amount`` hits fall within the
last ``expiry`` seconds; a refused hit is not counted; the window resets ``expiry`` after its
oldest counted hit; a changed limit counts from zero). The storage URI picks where they live:

- ``memory://`` (default): :class:`~mockdesk.core.windows.MovingWindows` in this process.
- ``redis://host:port[/db]`` (``rediss://``, ``unix://`` too; needs the ``redis`` package):
  :class:`RedisWindows`, shared by every worker and replica on that Redis. The hit and the
  read of the window are **one** Lua script, so ``Remaining`` is exact under concurrency
  (``limits`` offers ``hit`` and ``get_window_stats`` only as two round trips, between which
  another worker's hit lands). The script takes the time from the caller's clock, so a mock
  clock drives Redis windows exactly as it drives memory ones.

**Redis down.** A vendor request is then *admitted* (fail open, with headers of a fresh window)
and one warning is logged per :data:`LOG_EVERY_SECONDS` while it lasts; after a failure Redis
is not asked again for :data:`RETRY_AFTER_SECONDS`, so an outage costs no latency. Nothing
answers 500 for it; :meth:`CounterStore.healthy` is the probe the health endpoint reports. At
start-up an unreachable Redis is a :class:`StorageError` (one line, exit 2): a typo in the URI
is far likelier than an outage at that moment.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from limits import RateLimitItem, parse_many

from mockdesk.core.errors import RateLimited, RateLimitStatus
from mockdesk.core.windows import MovingWindows, WindowCounter, WindowState

log = logging.getLogger("mockdesk.storage")

MAX_AMOUNT = 1_000_000_000
MAX_WINDOW_SECONDS = 60 * 60 * 24 * 30 * 12  # one `limits` year (360 days)
STORAGE_SCHEMES = frozenset({"memory", "redis", "rediss", "unix"})
RETRY_AFTER_SECONDS = 1.0
LOG_EVERY_SECONDS = 30.0
REDIS_TIMEOUT_SECONDS = 0.5
# Real-time lifetime of an idle window's keys in Redis, beyond its own window: hygiene only
# (keys exist per configured credential), long enough that a frozen mock clock in a test
# never sees its window vanish.
REDIS_IDLE_TTL_SECONDS = 24 * 60 * 60


class StorageError(ValueError):
    """The rate-limit storage cannot be used at start-up; the message is one line for the user."""


def parse_limit(text: str) -> RateLimitItem | None:
    """``30/minute`` or ``4 per second`` to a limit; ``off`` to None.

    Raises ValueError with a message fit for a user (the CLI and the admin API show it as is).
    """
    if not isinstance(text, str):
        raise ValueError(f"must be a string like 30/minute or off (got {type(text).__name__})")
    cleaned = text.strip()
    if cleaned.lower() == "off":
        return None
    if len(cleaned) > 60 or re.search(r"\d{11}", cleaned):
        raise ValueError("is not a limit like 30/minute, 4/second or off (too long)")
    try:
        items = parse_many(cleaned)
    except ValueError:
        raise ValueError("is not a limit like 30/minute, 4/second or off") from None
    if len(items) != 1:
        raise ValueError(
            f"must be one limit, e.g. 30/minute (got {len(items)}: a vendor has one window)"
        )
    limit = items[0]
    if not 1 <= limit.amount <= MAX_AMOUNT:
        raise ValueError(f"amount must be between 1 and {MAX_AMOUNT} (got {limit.amount})")
    if limit.get_expiry() > MAX_WINDOW_SECONDS:
        raise ValueError(
            f"window must be at most 1 year (360 days); got {limit.multiples} "
            f"{limit.GRANULARITY.name}"
        )
    return limit


def describe(limit: RateLimitItem) -> str:
    """The ``limits`` wording, e.g. ``30 per 1 minute``, which some vendors quote in a 429."""
    return f"{limit.amount} per {limit.multiples} {limit.GRANULARITY.name}"


class CounterStore:
    """Where a server's rate-limit windows live: this process (``memory://``) or Redis.

    Opening a Redis store checks that it answers (a :class:`StorageError` at start-up);
    :meth:`windows` gives one tenant's counters on that tenant's clock; :meth:`healthy` is the
    probe ``/__mockdesk/health`` reports.
    """

    def __init__(self, storage_uri: str = "memory://") -> None:
        self.storage_uri = storage_uri
        self._redis = RedisStorage.open(storage_uri) if is_redis(storage_uri) else None

    def windows(
        self, clock: Callable[[], float] = time.time, tenant: str = "default"
    ) -> WindowCounter:
        if self._redis is not None:
            return self._redis.windows(clock, tenant)
        return MovingWindows(clock)

    @property
    def client(self) -> Any:
        """The Redis client (None in memory), for the rest of the shared state."""
        return None if self._redis is None else self._redis.client

    def healthy(self) -> bool:
        """Whether the storage answers now (always True in memory). Never raises."""
        return self._redis.healthy() if self._redis else True


def is_redis(uri: str) -> bool:
    """Whether ``uri`` names Redis storage (``redis://``, ``rediss://``, ``unix://``)."""
    return urlsplit(uri).scheme in STORAGE_SCHEMES - {"memory"}


def _redacted(uri: str) -> str:
    """``uri`` without its password, for messages."""
    parts = urlsplit(uri)
    if parts.password is None:
        return uri
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


# KEYS[1]: the hits (epoch seconds, oldest first); KEYS[2]: "amount/expiry" they count for.
# ARGV: now, amount, expiry, "1" to count a hit or "0" to read, idle TTL (ms).
# Returns {admitted (0/1), oldest hit in the window (or now), hits in the window}.
_HIT_AND_READ = """
local hits, marker = KEYS[1], KEYS[2]
local now, amount, expiry = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local counting = ARGV[4] == '1'
local limit_id = ARGV[2] .. '/' .. ARGV[3]
if redis.call('GET', marker) ~= limit_id then
  if not counting then return {0, ARGV[1], 0} end
  redis.call('DEL', hits)
  redis.call('SET', marker, limit_id)
end
local horizon = now - expiry
while true do
  local first = redis.call('LINDEX', hits, 0)
  if (not first) or tonumber(first) >= horizon then break end
  redis.call('LPOP', hits)
end
local used = redis.call('LLEN', hits)
local admitted = 0
if counting then
  if used < amount then
    redis.call('RPUSH', hits, ARGV[1])
    used = used + 1
    admitted = 1
  end
  redis.call('PEXPIRE', hits, ARGV[5])
  redis.call('PEXPIRE', marker, ARGV[5])
end
local oldest = redis.call('LINDEX', hits, 0)
if not oldest then oldest = ARGV[1] end
return {admitted, oldest, used}
"""


class RedisStorage:
    """One Redis connection pool per process, its hit-and-read script, and its health.

    ``windows(clock, tenant)`` gives the counters of one tenant; every tenant shares the pool.
    """

    def __init__(self, uri: str, client: Any) -> None:
        self.uri = uri
        self._client = client
        self._script = client.register_script(_HIT_AND_READ)
        self._lock = threading.Lock()
        self._down_until = 0.0  # monotonic; while in the future Redis is not asked
        self._last_warning = -math.inf

    @classmethod
    def open(cls, uri: str) -> RedisStorage:
        """Connect and ping; :class:`StorageError` (one line) when that is not possible."""
        try:
            import redis
            from redis.backoff import NoBackoff
            from redis.retry import Retry
        except ImportError:
            raise StorageError(
                "state: redis:// needs the redis package (pip install redis)"
            ) from None
        try:
            client = redis.Redis.from_url(
                uri,
                socket_timeout=REDIS_TIMEOUT_SECONDS,
                socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
                retry=Retry(NoBackoff(), 1),  # one immediate retry: a stale pooled connection
                client_name="mockdesk",
            )
            client.ping()
        except (redis.RedisError, OSError, ValueError) as error:
            reason = " ".join(str(error).split()) or type(error).__name__
            raise StorageError(f"state: cannot use {_redacted(uri)}: {reason}"[:300]) from None
        return cls(uri, client)

    @property
    def client(self) -> Any:
        return self._client

    def windows(self, clock: Callable[[], float], tenant: str = "default") -> RedisWindows:
        return RedisWindows(self, clock, tenant)

    def healthy(self) -> bool:
        try:
            ok = bool(self._client.ping())
        except Exception:  # a probe: any failure means "down"
            ok = False
        if ok:
            self._recovered()
        return ok

    def run(self, keys: list[str], args: list[Any]) -> list[Any] | None:
        """The hit-and-read script, or None when Redis is down (logged, not raised)."""
        if time.monotonic() < self._down_until:
            return None
        try:
            result: list[Any] = self._script(keys=keys, args=args)
        except Exception as error:  # redis-py raises several families
            self._failed(error)
            return None
        self._recovered()
        return result

    def delete_matching(self, pattern: str) -> None:
        """Delete every key matching ``pattern`` (reset); logged, not raised, when down."""
        try:
            batch: list[bytes] = []
            for key in self._client.scan_iter(match=pattern, count=500):
                batch.append(key)
                if len(batch) >= 500:
                    self._client.delete(*batch)
                    batch.clear()
            if batch:
                self._client.delete(*batch)
        except Exception as error:
            self._failed(error)

    def windows_under(self, prefix: str) -> list[tuple[str, str, list[float]]]:
        """(hits key, "amount/expiry", hit times) of every window under ``prefix``; [] when
        Redis is down (logged)."""
        if time.monotonic() < self._down_until:
            return []
        found = []
        try:
            for raw in self._client.scan_iter(match=_glob_escape(prefix) + "*:hits", count=500):
                key = raw.decode("utf-8", "surrogateescape")
                marker, hits = (
                    self._client.pipeline()
                    .get(key[: -len(":hits")] + ":limit")
                    .lrange(key, 0, -1)
                    .execute()
                )
                if marker:
                    found.append((key, marker.decode(), [float(hit) for hit in hits]))
        except Exception as error:
            self._failed(error)
            return []
        return found

    def _failed(self, error: BaseException) -> None:
        now = time.monotonic()
        with self._lock:
            self._down_until = now + RETRY_AFTER_SECONDS
            if now - self._last_warning < LOG_EVERY_SECONDS:
                return
            self._last_warning = now
        log.warning(
            "rate-limit storage %s unreachable (%s); admitting requests until it is back",
            _redacted(self.uri),
            type(error).__name__,
        )

    def _recovered(self) -> None:
        if self._down_until == 0.0:
            return
        with self._lock:
            was_down, self._down_until = self._down_until, 0.0
            self._last_warning = -math.inf
        if was_down:
            log.warning("rate-limit storage %s is back", _redacted(self.uri))


class RedisWindows:
    """One tenant's moving windows in Redis; the same interface and semantics as
    :class:`~mockdesk.core.windows.MovingWindows`, failing open when Redis is down."""

    def __init__(self, storage: RedisStorage, clock: Callable[[], float], tenant: str) -> None:
        self._storage = storage
        self._clock = clock
        # length-prefixed parts: no tenant, vendor or credential can spell another's key
        self._prefix = f"mockdesk:rl:{len(tenant)}:{tenant}:"

    def hit(self, limit: RateLimitItem, vendor: str, credential: str) -> RateLimitStatus:
        admitted, status = self._run(limit, vendor, credential, counting=True)
        if not admitted:
            raise RateLimited(status)
        return status

    def peek(self, limit: RateLimitItem, vendor: str, credential: str) -> RateLimitStatus:
        return self._run(limit, vendor, credential, counting=False)[1]

    def forget(self, vendor: str | None = None) -> None:
        scope = self._prefix if vendor is None else f"{self._prefix}{len(vendor)}:{vendor}:"
        self._storage.delete_matching(_glob_escape(scope) + "*")

    def snapshot(self) -> list[WindowState]:
        """Every window of this tenant with hits still inside it (for gauges), sorted by vendor
        and credential; empty while Redis is down."""
        now = self._clock()
        states = []
        for key, marker, hits in self._storage.windows_under(self._prefix):
            vendor, credential = _split_key(key[len(self._prefix) : -len(":hits")])
            amount_text, _, expiry_text = marker.partition("/")
            amount, expiry = int(amount_text), int(expiry_text)
            inside = [hit for hit in hits if hit >= now - expiry]
            if inside:
                states.append(
                    WindowState(
                        vendor,
                        credential,
                        amount,
                        len(inside),
                        max(0, amount - len(inside)),
                        inside[0] + expiry,
                        expiry,
                    )
                )
        return sorted(states, key=lambda state: (state.vendor, state.credential))

    def _run(
        self, limit: RateLimitItem, vendor: str, credential: str, *, counting: bool
    ) -> tuple[bool, RateLimitStatus]:
        now = self._clock()
        expiry = limit.get_expiry()
        key = f"{self._prefix}{len(vendor)}:{vendor}:{credential}"
        ttl_ms = (expiry + REDIS_IDLE_TTL_SECONDS) * 1000
        args = [repr(now), limit.amount, expiry, "1" if counting else "0", ttl_ms]
        result = self._storage.run([key + ":hits", key + ":limit"], args)
        if result is None:  # fail open: a fresh window, admitted
            return True, _status(limit, now, now, 1 if counting else 0)
        admitted, oldest, used = result
        return bool(admitted), _status(limit, now, float(oldest), int(used))


def _status(limit: RateLimitItem, now: float, oldest: float, used: int) -> RateLimitStatus:
    expiry = limit.get_expiry()
    reset_at = oldest + expiry
    return RateLimitStatus(
        limit=limit.amount,
        remaining=max(0, limit.amount - used),
        reset_at=reset_at,
        retry_after=max(1, math.ceil(reset_at - now)),
        window_seconds=expiry,
        description=describe(limit),
    )


def _split_key(text: str) -> tuple[str, str]:
    """``"9:sendcloud:mockdesk-key"`` to ``("sendcloud", "mockdesk-key")``."""
    length, _, rest = text.partition(":")
    size = int(length)
    return rest[:size], rest[size + 1 :]


def _glob_escape(text: str) -> str:
    return re.sub(r"([*?\[\]\\])", r"\\\1", text)
