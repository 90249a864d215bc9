"""Neutral errors as a Go service answers them.

400 is teamwork/validate's ``Validator`` (``{"errors": {"<param>": ["<message>"]}}``) marshalled
with ``json.Marshal``: keys in byte order, HTML escapes, no trailing newline. 401 is Teamwork's
public Basic-auth middleware. 404, 405 and 500 are ``net/http``'s ``http.Error`` texts; 429 is
the rate-limit middleware's empty body.
"""

from __future__ import annotations

from flask import Response

from mockdesk.core.encoding import GO_MARSHAL, json_response
from mockdesk.core.errors import (
    FieldProblem,
    InvalidQuery,
    MethodNotAllowed,
    MockdeskError,
    NotFound,
    ProblemKind,
    RateLimited,
    Unauthenticated,
)
from mockdesk.core.vendor import RequestUrl

PLAIN = "text/plain; charset=utf-8"
GO_DATE_LAYOUT = "2006-01-02"  # validate quotes the layout it parses with
_HTTP_ERROR_TEXT = {
    403: "Forbidden",
    404: "404 page not found",
    405: "Method Not Allowed",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


def message(problem: FieldProblem) -> tuple[str, str]:
    """The validate key and message for one problem, in teamwork/validate's words."""
    limits = problem.constraints
    key = ".".join((problem.parameter, *problem.path))
    if problem.message is not None:
        return key, problem.message
    match problem.kind:
        case ProblemKind.NOT_INTEGER:
            return problem.parameter, "must be a whole number"
        case ProblemKind.TOO_SMALL:
            return problem.parameter, f"must be {limits['min']} or higher"
        case ProblemKind.TOO_LARGE:
            return problem.parameter, f"must be {limits['max']} or lower"
        case ProblemKind.NOT_BOOLEAN:
            return problem.parameter, "must be a boolean"
        case ProblemKind.NOT_DATE:
            return problem.parameter, f"must be a date as ‘{GO_DATE_LAYOUT}’"
        case ProblemKind.NOT_CHOICE:
            return problem.parameter, f"must be one of ‘{', '.join(limits['choices'])}’"
        case ProblemKind.REQUIRED:
            return problem.parameter, "must be set"
        case _:
            return problem.parameter, "invalid value"


def validator(problems: list[FieldProblem]) -> Response:
    errors: dict[str, list[str]] = {}
    for problem in problems:
        key, text = message(problem)
        errors.setdefault(key, []).append(text)
    return json_response({"errors": errors}, 400, style=GO_MARSHAL)


def _http_error(status: int, headers: dict[str, str] | None = None) -> Response:
    body = _HTTP_ERROR_TEXT[status] + "\n"
    headers = {"X-Content-Type-Options": "nosniff", **(headers or {})}
    return Response(body, status, headers=headers, content_type=PLAIN)


def render_error(error: MockdeskError, url: RequestUrl) -> Response:
    match error:
        case InvalidQuery():
            return validator(error.problems)
        case Unauthenticated():
            headers = {"WWW-Authenticate": 'Basic realm="Restricted"'}
            return Response("Unauthorised.\n", 401, headers=headers, content_type=PLAIN)
        case RateLimited():
            response = Response(b"", 429)
            del response.headers["Content-Type"]
            return response
        case NotFound():
            return _http_error(404)
        case MethodNotAllowed():
            return _http_error(405, {"Allow": ", ".join(error.allowed)})
        case _ if error.status in (403, 503):
            return _http_error(error.status)
        case _:
            return _http_error(500)
