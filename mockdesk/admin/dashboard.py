"""The live dashboard at ``GET /__mockdesk/``: a page, its assets, and the request feed it reads.

Why: a demo of how a client copes with rate limits and errors needs something a room can watch:
requests as they happen, each vendor's window filling up, the vendor's own 429 arriving, and
one click to inject a failure. The page is plain HTML, CSS and JavaScript served from this
package (no build step, no CDN), so it works offline and in CI.

Everything the page does goes through the documented admin API (faults, clock, rate limits,
reset, the journal); this blueprint adds only what a browser cannot get otherwise:

- ``GET /__mockdesk/requests/feed``: the journal as server-sent events (push, not polling).
  Each new entry is ``event: request`` / ``id: <entry id>`` / ``data: <entry JSON>`` (the
  entry exactly as ``GET /__mockdesk/requests`` lists it); a ``: keep-alive`` comment every
  :data:`KEEPALIVE_SECONDS`. ``?tenant=`` picks whose entries (default ``*``, every tenant).
  ``?since=N`` (or the ``Last-Event-ID`` header a reconnecting ``EventSource`` sends) first
  replays the newest :data:`BACKLOG` entries with a larger id, so a page that loads or
  reconnects misses nothing. A subscriber too slow to keep up loses its oldest queued entries
  (the journal's bounded queue); the feed then sends ``event: gap`` /
  ``data: {"dropped": N}``. At most :data:`~mockdesk.core.journal.MAX_SUBSCRIBERS` feeds are
  open at once: past that, 503 ``{"error": "too_many_feeds"}``.
- ``GET /__mockdesk/dashboard/vendors.json``: each vendor's slug, name, ticket list path and
  the headers a client sends with the credentials this server accepts (the data browser's
  fetch and its copyable curl). They are mockdesk's own configuration, which ``mockdesk
  credentials`` prints too, and the admin guard protects this route like every other.

The blueprint is registered inside the admin blueprint, so the admin guard (loopback or bearer
admin token, same origin) protects the page, its assets and the feed.
"""

from __future__ import annotations

import base64
import json
import select
import socket
import time
from collections.abc import Generator, Mapping
from pathlib import Path

from flask import Blueprint, Response, request

from mockdesk.core.auth import DefaultCredentials
from mockdesk.core.encoding import json_response
from mockdesk.core.journal import (
    ALL_TENANTS,
    JournalEntry,
    JournalFilter,
    SubscriberLimitReached,
    Subscription,
)
from mockdesk.core.state import current_state
from mockdesk.core.tenants import tenant_problem
from mockdesk.serving import client_socket

dashboard = Blueprint("dashboard", __name__)

STATIC = Path(__file__).with_name("static")
# the only files served, with their types: a fixed list, so no path ever reaches the disk
ASSETS: Mapping[str, str] = {
    "dashboard.css": "text/css; charset=utf-8",
    "dashboard.js": "text/javascript; charset=utf-8",
}
KEEPALIVE_SECONDS = 15.0
# how often an idle feed wakes to see whether its client left (so a closed tab frees its slot
# within about this long, and a stopping server is not held by feeds nobody reads)
WAKE_SECONDS = 1.0
BACKLOG = 200  # entries replayed to a (re)connecting feed at most: what the page shows
_FEED_PARAMETERS = frozenset({"tenant", "since"})

# the page loads only its own files and talks only to its own origin
_PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


@dashboard.get("/")
def page() -> Response:
    """The single-page dashboard."""
    return _file("index.html", "text/html; charset=utf-8")


@dashboard.get("/dashboard/<name>")
def asset(name: str) -> Response:
    """The page's stylesheet and script (nothing else: the names are a fixed list)."""
    kind = ASSETS.get(name)
    if kind is None:
        return json_response({"error": "not_found", "detail": f"no dashboard file {name!r}"}, 404)
    return _file(name, kind)


@dashboard.get("/dashboard/vendors.json")
def vendors() -> Response:
    """What the data browser needs per vendor: where its ticket list is, and how to call it."""
    state = current_state()
    configured = state.settings.credentials
    listed = [
        {
            "slug": spec.slug,
            "name": spec.name,
            "list_path": spec.list_path,
            "demo_headers": demo_headers(spec.demo_headers, configured),
        }
        for spec in state.vendors.values()
    ]
    return json_response({"vendors": listed})


@dashboard.get("/requests/feed")
def feed() -> Response:
    """The journal as server-sent events (see the module docstring for the format)."""
    unknown = sorted(set(request.args) - _FEED_PARAMETERS)
    if unknown:
        return _invalid(unknown[0], "unknown parameter; known: since, tenant")
    tenant = request.args.get("tenant", ALL_TENANTS)
    problem = None if tenant == ALL_TENANTS else tenant_problem(tenant)
    if problem is not None:
        return _invalid("tenant", f"{problem} (or * for every tenant)")
    since = _since(request.args.get("since"), request.headers.get("Last-Event-ID"))
    if isinstance(since, str):
        return _invalid("since", since)
    journal = current_state().tenants.journal
    try:
        subscription = journal.subscribe(tenant)
    except SubscriberLimitReached as error:
        body = {"error": "too_many_feeds", "detail": f"{error}; close one and retry"}
        return json_response(body, 503, headers={"Retry-After": "5"})
    # subscribed before reading the backlog: an entry recorded in between is in one or both,
    # and the stream skips what the backlog already sent
    backlog = [] if since is None else journal.entries(tenant, JournalFilter(since=since), BACKLOG)
    stream = _stream(subscription, backlog, client_socket(request.environ))
    return Response(
        stream,
        mimetype="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


def demo_headers(headers: Mapping[str, str], configured: DefaultCredentials) -> dict[str, str]:
    """A vendor's demo headers with this server's credentials in place of the defaults.

    The specs write their demo headers with the default credentials; a server started with
    ``--token`` or ``--basic`` accepts others, and the data browser must show those.
    """
    default = DefaultCredentials()
    swaps = {
        default.token: configured.token,
        _basic(default): _basic(configured),
    }
    return {
        name: " ".join(swaps.get(part, part) for part in value.split(" "))
        for name, value in headers.items()
    }


def event(entry: JournalEntry) -> str:
    """One journal entry as a server-sent event (its JSON has no newline, so one data line)."""
    data = json.dumps(entry.as_dict(), ensure_ascii=False, separators=(",", ":"))
    return f"event: request\nid: {entry.id}\ndata: {data}\n\n"


def _stream(
    subscription: Subscription, backlog: list[JournalEntry], sock: socket.socket | None
) -> Generator[str, None, None]:
    """The feed's body: the backlog, then each new entry as it is recorded, until the client
    leaves (or the server stops). The subscription is closed however the stream ends."""
    try:
        yield "retry: 1000\n: connected\n\n"  # sends the headers now; EventSource opens
        sent = 0
        for old in backlog:
            yield event(old)
            sent = old.id
        dropped = 0
        last_write = time.monotonic()
        while not subscription.closed:
            entry = subscription.get(timeout=WAKE_SECONDS)
            if subscription.dropped != dropped:
                gap = subscription.dropped - dropped
                dropped = subscription.dropped
                yield f'event: gap\ndata: {{"dropped": {gap}}}\n\n'
            if entry is not None:
                if entry.id > sent:
                    yield event(entry)
                    last_write = time.monotonic()
                continue
            if _client_left(sock):
                return
            if time.monotonic() - last_write >= KEEPALIVE_SECONDS:
                yield ": keep-alive\n\n"
                last_write = time.monotonic()
    finally:
        subscription.close()


def _client_left(sock: socket.socket | None) -> bool:
    """Whether the peer closed the connection (an end of file waiting to be read).

    A feed writes only when something happens, and a write is the only other way to notice a
    closed tab; peeking keeps any bytes the client did send unread.
    """
    if sock is None:
        return False
    try:
        readable, _, _ = select.select([sock], [], [], 0)
        return bool(readable) and not sock.recv(1, socket.MSG_PEEK)
    except (OSError, ValueError):
        return True


def _since(query: str | None, last_event_id: str | None) -> int | str | None:
    """The id to replay after: ``Last-Event-ID`` (a reconnect) wins over ``?since``; a string
    is the reason ``since`` is refused. None: no replay, only new entries."""
    resumed = (last_event_id or "").strip()
    if resumed.isascii() and resumed.isdigit() and len(resumed) <= 18:
        return int(resumed)
    if query is None:
        return None
    if not (query.isascii() and query.isdigit()) or len(query) > 18:
        return "must be a whole number >= 0"
    return int(query)


def _invalid(field: str, message: str) -> Response:
    return json_response({"error": "invalid_request", "fields": {field: [message]}}, 400)


def _basic(credentials: DefaultCredentials) -> str:
    pair = f"{credentials.basic_username}:{credentials.basic_password}"
    return base64.b64encode(pair.encode()).decode("ascii")


def _file(name: str, kind: str) -> Response:
    return Response((STATIC / name).read_bytes(), content_type=kind, headers=_PAGE_HEADERS)
