"""The app factory: every registered vendor at its real paths, the admin API beside them.

Each vendor's ticket list and detail routes are registered here from its spec (routes are
data: each path is written once, in the spec); a vendor's own blueprint adds only the endpoints
no other vendor has. ``before_request`` builds the request's
:class:`~mockdesk.core.exchange.Exchange`; the error handlers and ``after_request`` read it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial
from typing import Any, cast

from flask import Flask, Request, Response, request
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter

from mockdesk.admin.routes import admin
from mockdesk.core.encoding import json_response
from mockdesk.core.errors import (
    InternalError,
    MethodNotAllowed,
    MockdeskError,
    RateLimited,
    RateLimitStatus,
    RouteNotFound,
)
from mockdesk.core.exchange import Exchange, current_exchange, open_exchange
from mockdesk.core.journal import Observed
from mockdesk.core.pipeline import list_tickets, show_ticket
from mockdesk.core.state import MockdeskState, current_state
from mockdesk.core.transport import ENVIRON_KEY as TRANSPORT_KEY
from mockdesk.core.transport import NO_RESPONSE, SEVERING, TransportFault, TransportFaults
from mockdesk.core.vendor import VendorSpec
from mockdesk.settings import Settings
from mockdesk.vendors.registry import select_vendors

log = logging.getLogger("mockdesk")

ADMIN_PREFIX = "/__mockdesk"


def create_app(settings: Settings | None = None) -> Flask:
    """Build a mockdesk app; raises SettingsError or FixtureError on unusable configuration."""
    settings = settings or Settings()
    vendors = select_vendors(settings.vendors, settings.rate_limits)
    app = MockdeskFlask("mockdesk")
    # "//__mockdesk/reset" must not reach the admin API (nor "//api/…" a vendor) through
    # Werkzeug's slash merging: real paths are matched exactly.
    app.url_map.merge_slashes = False
    app.url_map.converters["int"] = AsciiInteger  # "/users/٣٠١.json" is no id to a vendor
    app.extensions["mockdesk"] = MockdeskState.build(settings, vendors)
    for spec in vendors:
        _register(app, spec)
    app.register_blueprint(admin, url_prefix=ADMIN_PREFIX)
    app.before_request(open_exchange)
    app.register_error_handler(TransportFault, _no_response)
    app.register_error_handler(MockdeskError, _render_vendor_error)
    app.register_error_handler(HTTPException, _render_routing_error)
    app.register_error_handler(Exception, _render_crash)
    app.after_request(_finish_response)
    app.wsgi_app = TransportFaults(app.wsgi_app)  # type: ignore[method-assign]
    return app


class MockdeskFlask(Flask):
    """Flask, remembering which hooks, views and handlers are plain functions.

    Flask asks ``inspect.iscoroutinefunction`` of every hook, view and error handler it calls,
    on every request; the answer for a given function never changes, so it is kept (for at most
    :attr:`SYNC_CACHE` functions: the app registers a few dozen)."""

    SYNC_CACHE = 512

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plain: set[Callable[..., Any]] = set()

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        plain = self._plain
        try:
            if func in plain:
                return func
        except TypeError:  # an unhashable callable: asked every time, as Flask does
            return super().ensure_sync(func)
        synced = super().ensure_sync(func)
        if synced is func and len(plain) < self.SYNC_CACHE:
            plain.add(func)
        return synced


class AsciiInteger(IntegerConverter):
    """Werkzeug's ``int`` accepts any Unicode digit; Go, Django and FastAPI route ASCII only."""

    regex = r"[0-9]+"


def _register(app: Flask, spec: VendorSpec) -> None:
    """The spec's list and detail routes, then the vendor's own blueprint."""
    app.add_url_rule(
        spec.listing.path, f"{spec.slug}.list", partial(list_tickets, spec), methods=["GET"]
    )
    app.add_url_rule(
        spec.detail.path, f"{spec.slug}.detail", partial(show_ticket, spec), methods=["GET"]
    )
    if spec.routes is not None:
        app.register_blueprint(spec.routes)


def _render_vendor_error(error: MockdeskError) -> Response:
    exchange = current_exchange()
    if isinstance(error, RateLimited):  # refused by the limiter or by a fault rule
        exchange.rate_limit = error.rate_limit
    if exchange.vendor is None:
        return json_response({"error": type(error).__name__, "detail": str(error)}, error.status)
    return exchange.vendor.render_error(error, exchange.url)


def _render_routing_error(error: HTTPException) -> Response:
    """Routing 404/405s happen before any endpoint runs: the vendor owning the path renders."""
    if error.code == 405:
        allowed = sorted(getattr(error, "valid_methods", None) or [])
        return _render_vendor_error(MethodNotAllowed(request.method, allowed))
    if error.code == 404:
        return _render_vendor_error(RouteNotFound())
    return json_response({"error": error.name, "detail": error.description}, error.code or 500)


def _no_response(fault: TransportFault) -> Response:
    """What Flask hands the transport layer for a request whose connection it cuts: no client
    ever reads it (without a socket, as under Flask's test client, it is an empty 200)."""
    return Response(b"", 200)


def _render_crash(error: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.full_path)
    current_state().record_crash(error)
    return _render_vendor_error(InternalError("internal error"))


def _finish_response(response: Response) -> Response:
    """The vendor's rate-limit headers from the exchange; then the journal entry."""
    exchange = current_exchange()
    spec = exchange.vendor
    if spec is not None:
        status = exchange.rate_limit or _standing(exchange.state, exchange)
        if status is not None:
            response.headers.update(spec.rate_limit.headers(status))
        _journal(exchange, spec, response)
    return response


def _journal(exchange: Exchange, spec: VendorSpec, response: Response) -> None:
    """Every request under a vendor's paths, as the caller sent it and as it was answered.

    Only the raw facts are taken here; the journal redacts and formats them when the entry is
    read (most never are)."""
    req: Request = cast(Any, request)._get_current_object()  # one proxy lookup, not ten
    tenant = exchange.tenant
    severed = req.environ.get(TRANSPORT_KEY) in SEVERING
    tenant.journal.record(
        Observed(
            tenant=tenant.name,
            vendor=spec.slug,
            method=req.method,
            path=req.path,
            query_string=req.query_string,
            headers=tuple(req.headers.items()),
            body=_request_body(req),
            content_type=req.content_type,
            status=NO_RESPONSE if severed else response.status_code,
            duration_ms=(time.perf_counter() - exchange.started) * 1000,
            at=tenant.clock.now(),
            credential=exchange.credential,
            fault=exchange.fault,
            response_body=b"" if severed or response.is_streamed else response.get_data(),
        )
    )


def _request_body(req: Request) -> bytes:
    """The body as sent: ``b""`` without touching the input stream when the request says it
    has none (no Content-Length, not chunked: every server reads an empty body then)."""
    environ = req.environ
    if environ.get("CONTENT_LENGTH") in _NO_LENGTH and "HTTP_TRANSFER_ENCODING" not in environ:
        return b""
    return req.get_data(cache=True)


_NO_LENGTH = frozenset({None, "", "0"})


def _standing(state: MockdeskState, exchange: Exchange) -> RateLimitStatus | None:
    """A known key's window on a response that did not count (403, 404, 405…), so headers that
    vendors send on every response are there too; None for unknown callers.

    Credentials are read here only when ``admit`` never ran (a routing 404 or 405): otherwise
    the exchange already holds the caller."""
    spec, _ = exchange.require_vendor()
    tenant = exchange.tenant
    limit = tenant.limit_for(spec.slug, state.limit_for(spec.slug))
    if limit is None:
        return None
    principal = (
        exchange.principal
        if exchange.identified
        else tenant.credentials.identify(request.headers.get("Authorization"), spec.auth)
    )
    if principal is None:
        return None
    return tenant.windows.peek(limit, spec.slug, principal.name)
