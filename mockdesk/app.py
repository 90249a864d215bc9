"""The app factory: every registered vendor at its real paths, the admin API beside them."""

from __future__ import annotations

import logging

from flask import Flask, Response, g, request
from werkzeug.exceptions import HTTPException

from mockdesk.admin.routes import admin
from mockdesk.core.errors import (
    InternalError,
    MethodNotAllowed,
    MockdeskError,
    NotFound,
    RateLimited,
    RateLimitStatus,
)
from mockdesk.core.responses import json_response
from mockdesk.core.state import MockdeskState, current_state
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
    app.extensions["mockdesk"] = MockdeskState.build(settings, vendors)
    for spec in vendors:
        app.register_blueprint(spec.routes)
    app.register_blueprint(admin, url_prefix=ADMIN_PREFIX)
    app.register_error_handler(MockdeskError, _render_vendor_error)
    app.register_error_handler(HTTPException, _render_routing_error)
    app.register_error_handler(Exception, _render_crash)
    app.after_request(_finish_response)
    return app


def _render_vendor_error(error: MockdeskError) -> Response:
    if isinstance(error, RateLimited):  # refused by the limiter or by a fault rule
        g.mockdesk_rate_limit = error.rate_limit
    spec = current_state().vendor_for_path(request.path)
    if spec is None:
        return json_response({"error": type(error).__name__, "detail": str(error)}, error.status)
    return spec.render_error(error)


def _render_routing_error(error: HTTPException) -> Response:
    """Routing 404/405s happen before a blueprint is known: the vendor owning the path renders."""
    if error.code == 405:
        allowed = sorted(getattr(error, "valid_methods", None) or [])
        return _render_vendor_error(MethodNotAllowed(request.method, allowed))
    if error.code == 404:
        return _render_vendor_error(NotFound())
    return json_response({"error": error.name, "detail": error.description}, error.code or 500)


def _standing(state: MockdeskState, spec: VendorSpec) -> RateLimitStatus | None:
    """A known key's window on a response that did not count (403, 404, 405…), so headers
    that vendors send on every response are there too; None for unknown callers."""
    limit = state.limits[spec.slug]
    principal = state.credentials.identify(request.headers.get("Authorization"), spec.auth)
    if limit is None or principal is None:
        return None
    return state.limiter.peek(limit, spec.slug, principal.name)


def _render_crash(error: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.full_path)
    current_state().crashes.append(error)
    return _render_vendor_error(InternalError(str(error)))


def _finish_response(response: Response) -> Response:
    """Step 8 of the flow: the vendor's rate-limit headers; then the request log."""
    state = current_state()
    spec = state.vendor_for_path(request.path)
    status = g.get("mockdesk_rate_limit")
    if spec is not None and status is None:
        status = _standing(state, spec)
    if spec is not None and status is not None:
        response.headers.update(spec.rate_limit.headers(status))
    if not request.path.startswith(ADMIN_PREFIX):
        state.log.record(
            spec.slug if spec else None,
            request.method,
            request.path,
            request.query_string.decode("latin-1"),
            response.status_code,
            "Authorization" in request.headers,
        )
    return response
