"""Neutral errors as HostUp's RFC 7807 problem documents (``application/problem+json``).

Members in the order of the published examples: ``type`` (``https://developer.hostup.se/errors/
<code>``), ``title``, ``status``, ``detail``, ``code``, ``instance`` (the request path),
``requestId`` (``req_`` + 26 ULID characters, new for every response), ``timestamp`` (now, in
milliseconds, ``Z``), then ``errors[]`` for query validation, each ``{pointer: "?<param>",
detail, code}``. A 429 also carries ``Retry-After``; the app adds the ``X-RateLimit-*`` headers
(``rate_limit_headers`` in the package) to it as to every response for a known key.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

from flask import Response

from mockdesk.core.encoding import json_response
from mockdesk.core.errors import (
    FieldProblem,
    Forbidden,
    InvalidCursor,
    InvalidQuery,
    MethodNotAllowed,
    MockdeskError,
    ProblemKind,
    RateLimited,
    ResourceNotFound,
    RouteNotFound,
    ServiceUnavailable,
    Unauthenticated,
)
from mockdesk.core.timeline import utc_millis
from mockdesk.core.vendor import RequestUrl
from mockdesk.vendors.hostup.data import CROCKFORD

ERROR_TYPE = "https://developer.hostup.se/errors/"
PROBLEM_JSON = "application/problem+json"
# A parameter that is missing or not of its kind at all: the attachment page titles that
# "Invalid request"; a value of the right kind that fails a check is "Validation failed" (seed).
MALFORMED = frozenset({ProblemKind.REQUIRED, ProblemKind.INVALID})


def request_id() -> str:
    """``req_`` and a fresh ULID: the current millisecond, then 80 random bits."""
    value = (int(datetime.now(UTC).timestamp() * 1000) << 80) | secrets.randbits(80)
    return "req_" + "".join(CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5))


def problem(
    url: RequestUrl,
    status: int,
    code: str,
    title: str,
    detail: str,
    errors: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": ERROR_TYPE + code,
        "title": title,
        "status": status,
        "detail": detail,
        "code": code,
        "instance": url.path,
        "requestId": request_id(),
        "timestamp": utc_millis(datetime.now(UTC)),
    }
    if errors is not None:
        body["errors"] = errors
    return body


def field_error(problem: FieldProblem) -> dict[str, str]:
    """One ``errors[]`` entry: the parameter as a ``?name`` pointer, a sentence, a stable code."""
    name, limits = problem.parameter, problem.constraints
    match problem.kind:
        case ProblemKind.REQUIRED:
            detail, code = f"`{name}` query parameter is required.", "missing_required"
        case ProblemKind.INVALID if problem.message:
            detail, code = problem.message, "invalid_format"
        case ProblemKind.NOT_INTEGER:
            detail, code = f"`{name}` must be an integer.", "invalid_type"
        case ProblemKind.TOO_SMALL | ProblemKind.TOO_LARGE:
            bounds = f"between {limits['min']} and {limits['max']}"
            detail, code = f"`{name}` must be {bounds}.", "out_of_range"
        case ProblemKind.NOT_CHOICE if name == "departmentSlug":
            detail = "`departmentSlug` must be a slug from GET /api/v2/support/departments."
            code = "unknown_department"
        case ProblemKind.NOT_CHOICE:
            detail = f"`{name}` must be one of: {', '.join(limits['choices'])}."
            code = "invalid_enum"
        case _:
            detail, code = f"`{name}` is invalid.", "invalid_value"
    return {"pointer": f"?{name}", "detail": detail, "code": code}


def render_error(error: MockdeskError, url: RequestUrl) -> Response:
    headers: dict[str, str] = {}
    match error:
        case InvalidQuery():
            errors = [field_error(p) for p in error.problems]
            detail = (
                errors[0]["detail"]
                if len(errors) == 1
                else "The query parameters failed validation."
            )
            title = (
                "Invalid request"
                if all(p.kind in MALFORMED for p in error.problems)
                else "Validation failed"
            )
            body = problem(url, 400, "invalid_request", title, detail, errors)
        case InvalidCursor():
            body = problem(
                url, 400, "invalid_cursor", "Validation failed", "Cursor is invalid or malformed."
            )
        case Unauthenticated():
            body = problem(url, 401, "unauthorized", "Unauthorized", "Authentication required.")
        case Forbidden():
            detail = (
                f"Missing required scope: {error.scope}"
                if error.scope and not error.injected
                else "You do not have access to this resource."
            )
            body = problem(url, 403, "forbidden", "Forbidden", detail)
        case ResourceNotFound() if error.resource == "attachment":
            detail = "The requested attachment could not be found."
            body = problem(url, 404, "attachment_not_found", "Attachment not found", detail)
        case ResourceNotFound():
            detail = "The requested support ticket could not be found."
            body = problem(url, 404, "not_found", "Ticket not found", detail)
        case RouteNotFound():
            body = problem(
                url, 404, "not_found", "Not found", "The requested resource could not be found."
            )
        case MethodNotAllowed():
            detail = f"The {error.method} method is not allowed for this resource."
            body = problem(url, 405, "method_not_allowed", "Method not allowed", detail)
            headers["Allow"] = ", ".join(error.allowed)
        case RateLimited():
            detail = "Rate limit exceeded. Please try again later."
            body = problem(url, 429, "rate_limited", "Rate limit exceeded", detail)
            headers["Retry-After"] = str(error.rate_limit.retry_after)
        case ServiceUnavailable():
            detail = "The service is temporarily unavailable. Please try again later."
            body = problem(url, 503, "service_unavailable", "Service unavailable", detail)
        case _:
            body = problem(
                url, 500, "internal_error", "Internal server error", "An unexpected error occurred."
            )
    return json_response(body, error.status, headers=headers, content_type=PROBLEM_JSON)
