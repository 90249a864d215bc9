"""Neutral errors as a Django REST Framework project answers them.

View errors are DRF's ``{"detail": "..."}``; query errors are django-filter's form errors,
``{"<field>": ["<message>"]}`` in the FilterSet's field order, one message per field (Django
stops at a field's first bad value, and a model-choice list reports a malformed id before an
unknown one). A path no route matches, and a crash, get Django's own HTML error pages.
"""

from __future__ import annotations

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
    UnsupportedVersion,
)
from mockdesk.core.vendor import RequestUrl
from mockdesk.vendors.nextcommerce.query import FIELD_ORDER

NOT_AUTHENTICATED = "Authentication credentials were not provided."
PERMISSION_DENIED = "You do not have permission to perform this action."
MESSAGES = {
    ProblemKind.NOT_CHOICE: "Select a valid choice. {value} is not one of the available choices.",
    ProblemKind.NOT_INTEGER: "“{value}” is not a valid value.",
    ProblemKind.NOT_NUMBER: "Enter a number.",
    ProblemKind.NOT_DATE: "Enter a valid date.",
}
# django.views.defaults.ERROR_PAGE_TEMPLATE, what Django serves without custom error templates
DJANGO_ERROR_PAGE = """
<!doctype html>
<html lang="en">
<head>
  <title>%(title)s</title>
</head>
<body>
  <h1>%(title)s</h1><p>%(details)s</p>
</body>
</html>
"""


def render_error(error: MockdeskError, url: RequestUrl) -> Response:
    match error:
        case InvalidQuery():
            return json_response(field_errors(error.problems), 400)
        case Unauthenticated():
            headers = {"WWW-Authenticate": 'Bearer realm="api"'}
            return json_response({"detail": NOT_AUTHENTICATED}, 401, headers=headers)
        case Forbidden():
            return json_response({"detail": PERMISSION_DENIED}, 403)
        case RouteNotFound():
            return _django_page(
                404, "Not Found", "The requested resource was not found on this server."
            )
        case ResourceNotFound():
            return json_response({"detail": "Not found."}, 404)
        case InvalidCursor():
            return json_response({"detail": "Invalid cursor"}, 404)
        case MethodNotAllowed():
            body = {"detail": f'Method "{error.method}" not allowed.'}
            return json_response(body, 405, headers={"Allow": ", ".join(error.allowed)})
        case UnsupportedVersion():
            return json_response({"detail": f'Invalid version in "{error.header}" header.'}, 406)
        case RateLimited():
            return throttled(error.rate_limit.retry_after)
        case ServiceUnavailable():  # DRF's documented custom APIException for a 503
            return json_response(
                {"detail": "Service temporarily unavailable, try again later."}, 503
            )
        case _:
            return _django_page(500, "Server Error (500)", "")


def field_errors(problems: list[FieldProblem]) -> dict[str, list[str]]:
    """django-filter's ``{field: [message]}``: the first problem per field, in field order."""
    chosen: dict[str, FieldProblem] = {}
    for problem in problems:
        held = chosen.get(problem.parameter)
        if held is None or (
            problem.kind is ProblemKind.NOT_INTEGER and held.kind is not ProblemKind.NOT_INTEGER
        ):
            chosen[problem.parameter] = problem
    ordered = sorted(chosen.values(), key=lambda p: FIELD_ORDER.index(p.parameter))
    return {p.parameter: [MESSAGES[p.kind].format(value=p.value)] for p in ordered}


def throttled(wait: int) -> Response:
    """DRF's ``Throttled``: the wait in the detail (pluralised as DRF does) and ``Retry-After``."""
    unit = "second" if wait == 1 else "seconds"
    body = {"detail": f"Request was throttled. Expected available in {wait} {unit}."}
    return json_response(body, 429, headers={"Retry-After": str(wait)})


def _django_page(status: int, title: str, details: str) -> Response:
    page = DJANGO_ERROR_PAGE % {"title": title, "details": details}
    return Response(page, status=status, content_type="text/html; charset=utf-8")
