"""The app factory: every registered vendor at its real paths, the admin API beside them.

Each vendor's ticket list and detail routes are registered here from its spec (routes are
data: each path is written once, in the spec); a vendor's own blueprint adds only the endpoints
no other vendor has. ``before_request`` builds the request's
:class:`~mockdesk.core.exchange.Exchange`; the error handlers and ``after_request`` read it.
"""

from __future__ import annotations

import logging
import time
from functools import partial

from flask import Flask, Response, request
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
    app = Flask("mockdesk")
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
    state = current_state()
    exchange = current_exchange()
    spec = exchange.vendor
    if spec is not None:
        status = exchange.rate_limit or _standing(state, exchange)
        if status is not None:
            response.headers.update(spec.rate_limit.headers(status))
        _journal(exchange, response)
    return response


def _journal(exchange: Exchange, response: Response) -> None:
    """Every request under a vendor's paths, as the caller sent it and as it was answered."""
    spec, _ = exchange.require_vendor()
    tenant = exchange.tenant
    severed = request.environ.get(TRANSPORT_KEY) in SEVERING
    tenant.journal.record(
        Observed(
            tenant=tenant.name,
            vendor=spec.slug,
            method=request.method,
            path=request.path,
            query_string=request.query_string,
            headers=list(request.headers.items()),
            body=request.get_data(cache=True),
            content_type=request.content_type,
            status=NO_RESPONSE if severed else response.status_code,
            duration_ms=(time.perf_counter() - exchange.started) * 1000,
            at=tenant.clock.now(),
            credential=exchange.credential,
            fault=exchange.fault,
            response_body=b"" if severed or response.is_streamed else response.get_data(),
            response_content_type=response.content_type,
        )
    )


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
