"""The request journal: what each client sent and what it got back, for tests to assert on.

Why: a CI test must be able to ask "did my client retry, with which headers, query and body?"
without a proxy in between. Each vendor request becomes one :class:`JournalEntry`, with secrets
redacted *before* it is stored (nothing secret is ever kept, so nothing can leak from a dump or
from the dashboard feed).

Design:
- One :class:`Journal` for the server, one bounded deque **per tenant** (``capacity`` each,
  default 1000): a busy xdist worker never evicts another worker's entries. Across tenants the
  total is bounded too (``total_capacity``, default 8 x capacity; an entry with both bodies at
  the cap is about 10 kB): past it, the tenant holding the most entries loses its oldest, so a
  few busy tenants shrink first and a quiet one keeps what it has. Entry ids come
  from one server-wide counter, so they increase within every tenant and across tenants
  (``since`` works on a merged view, e.g. the dashboard's).
- Times are RFC 3339 from the tenant's mock clock (the caller passes ``at``); ``duration_ms`` is
  real elapsed time, which the caller measures with ``time.perf_counter``.
- Bodies are text, capped at ``body_cap`` characters (default 4096) before they are stored;
  the response (status and capped body) is kept under ``response``, for the dashboard's detail
  view, beside the fields the admin API documents.
- Subscribers (a future server-sent-events feed) each get a bounded queue; a slow subscriber
  loses its oldest entries (counted in ``dropped``), it never slows a request down.

Redaction: ``Authorization``/``Proxy-Authorization`` keep only their scheme (``Bearer
[redacted]``; a schemeless raw token becomes ``[redacted]``); ``Cookie``/``Set-Cookie`` keep
cookie names only; any other header whose name says key, token, secret, password, signature
or session is ``[redacted]``. Query parameters, ``application/x-www-form-urlencoded`` fields
and JSON object keys whose names are secret (``client_secret``, ``password``, ``token``,
``access_token``, ``api_key``…, see :func:`is_secret_name`) keep their name, with the value
``[redacted]``.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlencode

from mockdesk.core.clock import format_rfc3339

REDACTED = "[redacted]"
DEFAULT_CAPACITY = 1000
DEFAULT_BODY_CAP = 4096
TOTAL_TENANT_SHARES = 8  # server-wide budget: 8 full tenant journals (about 80 MB at most)
MAX_SUBSCRIBERS = 32
SUBSCRIBER_QUEUE = 256
ALL_TENANTS = "*"

# A name is secret when, lower-cased with everything but letters and digits removed, it contains
# one of _SECRET_PARTS or is one of _SECRET_NAMES ("author" or "footprint" are not secrets).
_SECRET_PARTS = (
    "secret",
    "password",
    "passwd",
    "token",
    "apikey",
    "accesskey",
    "privatekey",
    "signature",
    "credential",
    "sessionid",
    "cookie",
)
_SECRET_NAMES = frozenset({"key", "pwd", "pass", "otp", "pin", "code", "sig", "auth", "session"})
_SCHEME_HEADERS = frozenset({"authorization", "proxy-authorization"})
_COOKIE_HEADERS = frozenset({"cookie", "set-cookie"})
_SAFE_HEADERS = frozenset({"x-mockdesk-tenant"})


def is_secret_name(name: str) -> bool:
    """Whether a query/form/JSON name or header name is one whose value must not be kept.

    Deliberately broad: a redacted harmless value costs a test nothing, a kept secret leaks.
    """
    squashed = re.sub(r"[^a-z0-9]", "", name.lower())
    return squashed in _SECRET_NAMES or any(part in squashed for part in _SECRET_PARTS)


@dataclass(frozen=True)
class Observed:
    """The raw facts of one answered request, as the app's ``after_request`` hook has them.

    Nothing here is redacted or capped yet: :meth:`Journal.record` does both.
    """

    tenant: str
    vendor: str | None
    method: str
    path: str
    query_string: bytes | str  # as sent, without "?"
    headers: Iterable[tuple[str, str]]
    body: bytes
    content_type: str | None
    status: int
    duration_ms: float
    at: float  # epoch seconds from the tenant's clock
    # the configured credential the request carried and mockdesk recognised (also when a fault
    # pre-empted authentication), None when none was
    credential: str | None = None
    fault: int | None = None  # the fault rule applied, if any
    response_body: bytes = b""
    response_content_type: str | None = None


@dataclass(frozen=True)
class JournalEntry:
    """One journal entry, already redacted and capped."""

    id: int
    time: str
    vendor: str | None
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: str
    status: int
    duration_ms: float
    credential: str | None
    fault: int | None
    tenant: str
    response: dict[str, Any]  # {"status": int, "body": str}; not in the list
    worker: int = 0  # the pid of the process (gunicorn worker) that served the request

    def as_dict(self) -> dict[str, Any]:
        """The entry as ``GET /__mockdesk/requests`` lists it."""
        return {
            "id": self.id,
            "time": self.time,
            "vendor": self.vendor,
            "method": self.method,
            "path": self.path,
            "query": {name: list(values) for name, values in self.query.items()},
            "headers": dict(self.headers),
            "body": self.body,
            "status": self.status,
            "duration_ms": self.duration_ms,
            "credential": self.credential,
            "fault": self.fault,
            "tenant": self.tenant,
            "response": dict(self.response),
            "worker": self.worker,
        }


@dataclass(frozen=True)
class JournalFilter:
    """The ``GET /__mockdesk/requests`` filters, every one optional; all given must match.

    ``path`` is an exact path (no query); ``method`` is compared case-insensitively;
    ``since`` keeps entries whose id is greater than it.
    """

    vendor: str | None = None
    path: str | None = None
    method: str | None = None
    status: int | None = None
    since: int | None = None

    def matches(self, entry: JournalEntry) -> bool:
        return (
            (self.vendor is None or entry.vendor == self.vendor)
            and (self.path is None or entry.path == self.path)
            and (self.method is None or entry.method == self.method.upper())
            and (self.status is None or entry.status == self.status)
            and (self.since is None or entry.id > self.since)
        )


class Subscription:
    """A bounded queue of new entries for one subscriber; close it (or use ``with``) when done.

    When the queue is full the oldest entry is dropped and :attr:`dropped` counts it.
    """

    def __init__(self, journal: Journal, tenant: str, maxsize: int) -> None:
        self._journal = journal
        self.tenant = tenant
        self._queue: deque[JournalEntry] = deque(maxlen=maxsize)
        self._ready = threading.Condition()
        self.dropped = 0
        self.closed = False

    def get(self, timeout: float | None = None) -> JournalEntry | None:
        """The next entry, waiting up to ``timeout`` seconds; None on timeout or once closed."""
        with self._ready:
            if not self._queue and not self.closed:
                self._ready.wait(timeout)
            return self._queue.popleft() if self._queue else None

    def close(self) -> None:
        self._journal._unsubscribe(self)
        with self._ready:
            self.closed = True
            self._ready.notify_all()

    def _offer(self, entry: JournalEntry) -> None:
        if self.tenant not in (ALL_TENANTS, entry.tenant):
            return
        with self._ready:
            if len(self._queue) == self._queue.maxlen:
                self.dropped += 1
            self._queue.append(entry)
            self._ready.notify()

    def __enter__(self) -> Subscription:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


class SubscriberLimitReached(RuntimeError):
    """More than :data:`MAX_SUBSCRIBERS` feeds open at once."""


@dataclass
class Journal:
    """The server's journal: a bounded deque per tenant, one id counter, subscribers."""

    capacity: int = DEFAULT_CAPACITY
    body_cap: int = DEFAULT_BODY_CAP
    total_capacity: int | None = None  # None: TOTAL_TENANT_SHARES x capacity
    _entries: dict[str, deque[JournalEntry]] = field(default_factory=dict)
    _total: int = 0
    _subscribers: list[Subscription] = field(default_factory=list)
    _next_id: int = 1
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        if self.total_capacity is None:
            self.total_capacity = TOTAL_TENANT_SHARES * self.capacity
        if self.capacity < 1 or self.body_cap < 0 or self.total_capacity < self.capacity:
            raise ValueError("journal capacity >= 1, body cap >= 0, total >= capacity")

    def record(self, observed: Observed) -> JournalEntry:
        """Redact, cap and store one request; offer it to subscribers. Returns the entry."""
        fields = self.prepare(observed)
        with self._lock:
            entry = JournalEntry(id=self._next_id, **fields)
            self._next_id += 1
            entries = self._entries.get(observed.tenant)
            if entries is None:
                entries = self._entries[observed.tenant] = deque(maxlen=self.capacity)
            if len(entries) < self.capacity:
                self._total += 1
            entries.append(entry)
            if self._total > (self.total_capacity or 0):  # the busiest gives up its oldest
                max(self._entries.values(), key=len).popleft()
                self._total -= 1
        self.offer(entry)
        return entry

    def prepare(self, observed: Observed) -> dict[str, Any]:
        """Every field of the entry for ``observed`` but its id: redacted, capped, JSON-ready
        (shared journals store exactly this, with the id they draw)."""
        return {
            "time": format_rfc3339(observed.at),
            "vendor": observed.vendor,
            "method": _clean(observed.method.upper()),
            "path": _clean(observed.path),
            "query": redact_query(_text(observed.query_string)),
            "headers": redact_headers(observed.headers),
            "body": redact_body(_cap_text(observed.body, self.body_cap), observed.content_type),
            "status": observed.status,
            "duration_ms": round(observed.duration_ms, 3),
            "credential": observed.credential,
            "fault": observed.fault,
            "tenant": observed.tenant,
            "response": {
                "status": observed.status,
                "body": _cap_text(observed.response_body, self.body_cap),
            },
            "worker": os.getpid(),
        }

    def offer(self, entry: JournalEntry) -> None:
        """Hand a new entry to this process's subscribers."""
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            subscriber._offer(entry)

    def entries(
        self, tenant: str, where: JournalFilter | None = None, limit: int | None = None
    ) -> list[JournalEntry]:
        """Entries of ``tenant`` (or every tenant for :data:`ALL_TENANTS`), oldest first.

        ``limit`` keeps the newest ``limit`` of the matches.
        """
        where = where or JournalFilter()
        with self._lock:
            if tenant == ALL_TENANTS:
                pool: Iterable[JournalEntry] = sorted(
                    (e for entries in self._entries.values() for e in entries),
                    key=lambda e: e.id,
                )
            else:
                pool = list(self._entries.get(tenant, ()))
        found = [entry for entry in pool if where.matches(entry)]
        return found[-limit:] if limit is not None and limit >= 0 else found

    def clear(self, tenant: str | None = None) -> None:
        """Forget one tenant's entries (``None`` or :data:`ALL_TENANTS`: everyone's).

        Ids keep increasing, so a ``since`` held by a client stays meaningful.
        """
        with self._lock:
            if tenant is None or tenant == ALL_TENANTS:
                self._entries.clear()
                self._total = 0
            else:
                self._total -= len(self._entries.pop(tenant, ()))

    def subscribe(self, tenant: str = ALL_TENANTS, maxsize: int = SUBSCRIBER_QUEUE) -> Subscription:
        """A queue of entries recorded from now on (one tenant's, or all)."""
        with self._lock:
            if len(self._subscribers) >= MAX_SUBSCRIBERS:
                raise SubscriberLimitReached(f"at most {MAX_SUBSCRIBERS} feeds at once")
            subscription = Subscription(self, tenant, maxsize)
            self._subscribers.append(subscription)
            return subscription

    def view(self, tenant: str) -> JournalView:
        return JournalView(self, tenant)

    def subscriber_count(self) -> int:
        with self._lock:
            return len(self._subscribers)

    def close_subscribers(self) -> None:
        """End every feed now (a stopping server must not wait for open dashboards)."""
        with self._lock:
            subscribers = list(self._subscribers)
        for subscription in subscribers:
            subscription.close()

    def _unsubscribe(self, subscription: Subscription) -> None:
        with self._lock:
            if subscription in self._subscribers:
                self._subscribers.remove(subscription)


@dataclass(frozen=True)
class JournalView:
    """One tenant's window on the shared :class:`Journal` (what ``Tenant.journal`` holds)."""

    journal: Journal
    tenant: str

    def record(self, observed: Observed) -> JournalEntry:
        if observed.tenant != self.tenant:
            raise ValueError(f"entry for tenant {observed.tenant!r} in {self.tenant!r}'s view")
        return self.journal.record(observed)

    def entries(self, where: JournalFilter | None = None) -> list[JournalEntry]:
        return self.journal.entries(self.tenant, where)

    def clear(self) -> None:
        self.journal.clear(self.tenant)

    def __iter__(self) -> Iterator[JournalEntry]:
        return iter(self.entries())


def redact_headers(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Header name (as sent) to value, secrets redacted; repeated headers joined with ", "."""
    result: dict[str, str] = {}
    for name, value in headers:
        lowered = name.lower()
        if lowered in _SCHEME_HEADERS:
            scheme, space, _ = value.strip().partition(" ")
            shown = f"{scheme} {REDACTED}" if space and scheme else REDACTED
        elif lowered in _COOKIE_HEADERS:
            shown = _redact_cookies(value, lowered == "set-cookie")
        elif lowered not in _SAFE_HEADERS and is_secret_name(lowered):
            shown = REDACTED
        else:
            shown = value
        name, shown = _clean(name), _clean(shown)
        result[name] = f"{result[name]}, {shown}" if name in result else shown
    return result


def redact_query(query_string: str) -> dict[str, list[str]]:
    """A query string as name -> list of values (blank values kept), secrets redacted."""
    query: dict[str, list[str]] = {}
    for name, value in parse_qsl(query_string, keep_blank_values=True):
        query.setdefault(name, []).append(REDACTED if is_secret_name(name) else value)
    return query


def redact_body(text: str, content_type: str | None) -> str:
    """The request body as text, with secret form fields or JSON keys redacted."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        pairs = parse_qsl(text, keep_blank_values=True)
        if any(is_secret_name(name) for name, _ in pairs):
            return urlencode([(n, REDACTED if is_secret_name(n) else v) for n, v in pairs])
        return text
    if kind == "application/json" or kind.endswith("+json"):
        try:
            document = json.loads(text)
        except ValueError:
            return text  # capped or broken JSON is kept as sent: nothing parseable to redact
        redacted, changed = _redact_json(document, 0)
        return _clean(json.dumps(redacted, ensure_ascii=False)) if changed else text
    return text


def _redact_json(value: Any, depth: int) -> tuple[Any, bool]:
    if depth > 32:  # deeper than any real payload; keep as is rather than recurse further
        return value, False
    if isinstance(value, dict):
        changed = False
        out: dict[str, Any] = {}
        for key, inner in value.items():
            if is_secret_name(str(key)) and not isinstance(inner, dict | list):
                out[key], changed = REDACTED, True
            else:
                out[key], inner_changed = _redact_json(inner, depth + 1)
                changed = changed or inner_changed
        return out, changed
    if isinstance(value, list):
        items = [_redact_json(item, depth + 1) for item in value]
        return [item for item, _ in items], any(changed for _, changed in items)
    return value, False


def _redact_cookies(value: str, set_cookie: bool) -> str:
    """``a=1; b=2`` -> ``a=[redacted]; b=[redacted]`` (for Set-Cookie, only the cookie itself;
    its attributes such as Path or Expires are not secret)."""
    parts = [part.strip() for part in value.split(";")]
    if set_cookie:
        name = parts[0].partition("=")[0]
        return "; ".join([f"{name}={REDACTED}", *parts[1:]])
    return "; ".join(f"{part.partition('=')[0]}={REDACTED}" for part in parts if part)


def _text(raw: bytes | str) -> str:
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else _clean(raw)


def _clean(text: str) -> str:
    """``text`` without lone surrogates (which no UTF-8 response could carry), as U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


def _cap_text(raw: bytes, cap: int) -> str:
    """At most ``cap`` characters of ``raw`` decoded as UTF-8 (invalid bytes replaced)."""
    # 4 bytes per character at most, so this slice never cuts the kept text short
    return raw[: cap * 4].decode("utf-8", "replace")[:cap]
