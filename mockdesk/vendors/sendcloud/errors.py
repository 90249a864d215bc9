"""Neutral errors in Sendcloud's ``{"errors": [...]}`` envelope.

Support API errors (400/404/405/429/500) carry ``status`` as an integer, as the Support spec's
``ErrorsResponseSchema`` types it; the 401s and 403 come from Sendcloud's shared DRF auth layer
and carry it as a string, exactly as every other v3 spec shows them.
"""

from __future__ import annotations

from flask import Response

from mockdesk.core.encoding import json_response
from mockdesk.core.errors import (
    AuthFailure,
    FieldProblem,
    Forbidden,
    InvalidQuery,
    MethodNotAllowed,
    MockdeskError,
    RateLimited,
    ResourceNotFound,
    RouteNotFound,
    ServiceUnavailable,
    Unauthenticated,
)
from mockdesk.core.vendor import RequestUrl

NO_CREDENTIALS: dict[str, object] = {
    "status": "401",
    "code": "authentication_failed",
    "title": "No credentials",
    "detail": "Authentication credentials were not provided.",
}
BAD_CREDENTIALS: dict[str, object] = {
    "status": "401",
    "code": "authentication_failed",
    "title": "Invalid username/password.",
    "detail": "The username or password provided is incorrect. "
    "Please make a request with the valid credentials.",
}
FORBIDDEN: dict[str, object] = {
    "status": "403",
    "code": "forbidden",
    "detail": "You do not have permission to perform this action.",
}


def _error(code: str, detail: str, title: str, status: int) -> dict[str, object]:
    return {"code": code, "detail": detail, "title": title, "status": status}


def _invalid(problem: FieldProblem) -> dict[str, object]:
    return _error(
        "bad_request", f"Invalid {problem.parameter}: {problem.value}", "Bad Request", 400
    )


def render_error(error: MockdeskError, url: RequestUrl) -> Response:
    headers: dict[str, str] = {}
    match error:
        case InvalidQuery():
            errors = [_invalid(problem) for problem in error.problems]
        case Unauthenticated():
            errors = [NO_CREDENTIALS if error.reason is AuthFailure.MISSING else BAD_CREDENTIALS]
            headers["WWW-Authenticate"] = 'Basic realm="api"'
        case Forbidden():
            errors = [FORBIDDEN]
        case ResourceNotFound():
            errors = [_error("not_found", "Ticket not found", "Not Found", 404)]
        case RouteNotFound():
            errors = [_error("not_found", "Not Found", "Not Found", 404)]
        case MethodNotAllowed():
            errors = [_error("method_not_allowed", "Method Not Allowed", "Method Not Allowed", 405)]
            headers["Allow"] = ", ".join(error.allowed)
        case RateLimited():
            detail = f"Rate limit exceeded: {error.rate_limit.description}"
            errors = [_error("hit_rate_limit", detail, "Rate limit exceeded", 429)]
        case ServiceUnavailable():
            title = "Service Unavailable"
            errors = [_error("service_unavailable", title, title, 503)]
        case _:
            title = "Internal Server Error"
            errors = [_error("internal_server_error", title, title, 500)]
    return json_response({"errors": errors}, error.status, headers=headers)
