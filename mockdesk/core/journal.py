"""The request journal: what each client sent and what it got back, for tests to assert on.

Why: a CI test must be able to ask "did my client retry, with which headers, query and body?"
without a proxy in between. Each vendor request becomes one :class:`JournalEntry`. Nothing a
reader can reach holds a secret: every field an entry shows (``GET /__mockdesk/requests``, the
dashboard feed, a shared journal's Redis list) is redacted.

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
- Bodies are text, capped at ``body_cap`` characters (default 4096); the response (status and
  capped body) is kept under ``response``, for the dashboard's detail view, beside the fields
  the admin API documents.
- Recording is cheap, reading does the work: :meth:`Journal.record` keeps the raw facts (an
  immutable snapshot: method, path, query bytes, header pairs, bodies already cut to what the
  cap can keep, times, the serving pid) and an entry redacts, decodes and formats them the first
  time one of its prepared fields is read (by the admin API, a feed subscriber, or a shared
  journal's flush), then keeps only that prepared form. Most entries are never read, so most
  requests never pay for redaction. What a reader sees is exactly what preparing at once gave.
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

# this process's pid for the entries' ``worker`` (os.getpid is a system call), set again in a
# forked child (a gunicorn worker)
_PID = [os.getpid()]
os.register_at_fork(after_in_child=lambda: _PID.__setitem__(0, os.getpid()))


def current_pid() -> int:
    """``os.getpid()``, without the system call."""
    return _PID[0]


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

    Nothing here is redacted or capped yet: the recorded entry does both when first read.
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


# headers as sent, a tuple of (name, value) pairs
_Headers = tuple[tuple[str, str], ...]
# what an entry keeps until it is first read: method, path, query, headers, body (bytes when
# the cap cannot cut it, else the capped text), content type, duration, clock time, response
# body (likewise), pid
_Body = bytes | str
_Raw = tuple[str, str, bytes | str, _Headers, _Body, str | None, float, float, _Body, int]


@dataclass(frozen=True, slots=True)
class _Shown:
    """An entry's prepared fields: redacted, capped, JSON-ready."""

    time: str
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: str
    duration_ms: float
    response: dict[str, Any]
    worker: int


class JournalEntry:
    """One journal entry, redacted and capped as every reader sees it.

    Recorded entries hold the raw facts until a prepared field (``time``, ``method``, ``path``,
    ``query``, ``headers``, ``body``, ``duration_ms``, ``response``, ``worker``) is first read:
    that read prepares them all once, and the entry then keeps only the prepared form. ``id``,
    ``tenant``, ``vendor``, ``status``, ``credential`` and ``fault`` need no preparing.
    Built from prepared fields (``JournalEntry(id=…, **fields)``, as a shared journal reads its
    entries back), an entry is prepared from the start.
    """

    __slots__ = ("_raw", "_shown", "credential", "fault", "id", "status", "tenant", "vendor")

    def __init__(
        self,
        id: int,
        time: str,
        vendor: str | None,
        method: str,
        path: str,
        query: dict[str, list[str]],
        headers: dict[str, str],
        body: str,
        status: int,
        duration_ms: float,
        credential: str | None,
        fault: int | None,
        tenant: str,
        response: dict[str, Any],  # {"status": int, "body": str}; not in the list
        worker: int = 0,  # the pid of the process (gunicorn worker) that served the request
    ) -> None:
        self.id = id
        self.tenant = tenant
        self.vendor = vendor
        self.status = status
        self.credential = credential
        self.fault = fault
        self._raw: _Raw | None = None
        self._shown: _Shown | None = _Shown(
            time, method, path, query, headers, body, duration_ms, response, worker
        )

    @classmethod
    def recorded(cls, id: int, observed: Observed, body_cap: int, pid: int) -> JournalEntry:
        """The entry for ``observed``, prepared only when first read (see the class docstring).

        Only what cannot change the prepared form is done now: header pairs made a tuple, and a
        body longer than ``body_cap`` bytes cut to its capped text (so a large body is not kept
        whole until a read; one of at most ``body_cap`` bytes decodes to at most ``body_cap``
        characters, which the cap leaves as they are)."""
        entry = cls.__new__(cls)
        entry.id = id
        entry.tenant = observed.tenant
        entry.vendor = observed.vendor
        entry.status = observed.status
        entry.credential = observed.credential
        entry.fault = observed.fault
        headers = observed.headers
        body = observed.body
        response_body = observed.response_body
        entry._shown = None
        entry._raw = (
            observed.method,
            observed.path,
            observed.query_string,
            headers if type(headers) is tuple else tuple(headers),
            body if len(body) <= body_cap else _cap_text(body, body_cap),
            observed.content_type,
            observed.duration_ms,
            observed.at,
            response_body if len(response_body) <= body_cap else _cap_text(response_body, body_cap),
            pid,
        )
        return entry

    def prepared(self) -> bool:
        """Whether the prepared form is made (tests and benchmarks look; readers need not)."""
        return self._shown is not None

    def _prepare(self) -> _Shown:
        shown = self._shown
        if shown is not None:
            return shown
        raw = self._raw
        if raw is None:  # another thread prepared this entry meanwhile: it set _shown first
            shown = self._shown
            assert shown is not None
            return shown
        method, path, query, headers, body, content_type, duration, at, response, pid = raw
        shown = _Shown(
            time=format_rfc3339(at),
            method=_clean(method.upper()),
            path=_clean(path),
            query=redact_query(_text(query)),
            headers=redact_headers(headers),
            body=redact_body(_decoded(body), content_type),
            duration_ms=round(duration, 3),
            response={"status": self.status, "body": _decoded(response)},
            worker=pid,
        )
        self._shown = shown  # set before the raw facts go, so a concurrent reader finds one
        self._raw = None
        return shown

    @property
    def time(self) -> str:
        return self._prepare().time

    @property
    def method(self) -> str:
        return self._prepare().method

    @property
    def path(self) -> str:
        return self._prepare().path

    @property
    def query(self) -> dict[str, list[str]]:
        return self._prepare().query

    @property
    def headers(self) -> dict[str, str]:
        return self._prepare().headers

    @property
    def body(self) -> str:
        return self._prepare().body

    @property
    def duration_ms(self) -> float:
        return self._prepare().duration_ms

    @property
    def response(self) -> dict[str, Any]:
        return self._prepare().response

    @property
    def worker(self) -> int:
        return self._prepare().worker

    def fields(self) -> dict[str, Any]:
        """Every field but the id, in :meth:`Journal.prepare`'s order (what a shared journal
        stores)."""
        shown = self._prepare()
        return {
            "time": shown.time,
            "vendor": self.vendor,
            "method": shown.method,
            "path": shown.path,
            "query": shown.query,
            "headers": shown.headers,
            "body": shown.body,
            "status": self.status,
            "duration_ms": shown.duration_ms,
            "credential": self.credential,
            "fault": self.fault,
            "tenant": self.tenant,
            "response": shown.response,
            "worker": shown.worker,
        }

    def as_dict(self) -> dict[str, Any]:
        """The entry as ``GET /__mockdesk/requests`` lists it."""
        shown = self._prepare()
        return {
            "id": self.id,
            "time": shown.time,
            "vendor": self.vendor,
            "method": shown.method,
            "path": shown.path,
            "query": {name: list(values) for name, values in shown.query.items()},
            "headers": dict(shown.headers),
            "body": shown.body,
            "status": self.status,
            "duration_ms": shown.duration_ms,
            "credential": self.credential,
            "fault": self.fault,
            "tenant": self.tenant,
            "response": dict(shown.response),
            "worker": shown.worker,
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, JournalEntry):
            return NotImplemented
        return self.id == other.id and self.fields() == other.fields()

    __hash__ = None  # type: ignore[assignment]  # as the frozen dataclass was: dicts inside

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.fields().items())
        return f"JournalEntry(id={self.id!r}, {shown})"


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
        # the fields an entry holds unprepared first: path and method prepare it
        return (
            (self.vendor is None or entry.vendor == self.vendor)
            and (self.status is None or entry.status == self.status)
            and (self.since is None or entry.id > self.since)
            and (self.path is None or entry.path == self.path)
            and (self.method is None or entry.method == self.method.upper())
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
        """Store one request, unprepared (see the module docstring); offer it to subscribers.
        Returns the entry."""
        entry = JournalEntry.recorded(0, observed, self.body_cap, current_pid())
        with self._lock:
            entry.id = self._next_id
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
        if self._subscribers:  # after the append: a feed that subscribed first gets the entry
            self.offer(entry)
        return entry

    def prepare(self, observed: Observed) -> dict[str, Any]:
        """Every field of the entry for ``observed`` but its id: redacted, capped, JSON-ready,
        at once (what reading a recorded entry gives)."""
        return JournalEntry.recorded(0, observed, self.body_cap, current_pid()).fields()

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
        except (ValueError, RecursionError):
            # capped, broken or too deeply nested JSON is kept as sent: nothing parseable to
            # redact (nested past the parser's limit, it used to fail the request instead)
            return text
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


def _decoded(body: bytes | str) -> str:
    """A recorded body as text: bytes (never longer than the cap) decoded, capped text kept."""
    return body.decode("utf-8", "replace") if isinstance(body, bytes) else body


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
