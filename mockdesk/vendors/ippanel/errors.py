"""Neutral errors in IPPanel's Laravel ``{"data": null, "meta": {...}}`` envelope, in Persian.

Validation messages are the Persian Laravel translation whose ``required`` line IPPanel's own docs
quote ("تکمیل گزینه ticket id الزامی است": no trailing full stop, ``:attribute`` the field name
with underscores as spaces). Several errors are summarized the way Laravel's
``ValidationException::summarize`` does, translated: the first message + `` (و N خطای دیگر)``.
"""

from __future__ import annotations

from flask import Response

from mockdesk.core.encoding import LARAVEL, json_response
from mockdesk.core.errors import (
    FieldProblem,
    Forbidden,
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
from mockdesk.core.vendor import RequestUrl

UNAUTHENTICATED = "اطلاعات وارد شده صحیح نمی باشد"  # seed, with message_code "400-1"
FORBIDDEN = "شما به این بخش دسترسی ندارید"
TICKET_NOT_FOUND = "تیکت مورد نظر یافت نشد"
ROUTE_NOT_FOUND = "آدرس مورد نظر یافت نشد"
METHOD_NOT_ALLOWED = "متد درخواست مجاز نمی باشد"
TOO_MANY_ATTEMPTS = "تعداد تلاش ها بیش از حد مجاز است"  # Laravel's "Too Many Attempts."
SERVER_ERROR = "خطای سرور"
UNAVAILABLE = "سرویس موقتا در دسترس نیست"  # maintenance: "the service is temporarily unavailable"

# Persian Laravel validation lines (laravel-lang "fa", the wording IPPanel's docs show).
RULES = {
    "required": "تکمیل گزینه :attribute الزامی است",
    "integer": "گزینه :attribute باید از نوع عددی باشد",
    "min": "گزینه :attribute باید حداقل :min باشد",
    "max": "گزینه :attribute نباید بزرگتر از :max باشد",
    "in": "گزینه انتخابی :attribute صحیح نمی باشد",
}
RULE_OF_KIND = {
    ProblemKind.REQUIRED: "required",
    ProblemKind.TOO_SMALL: "min",
    ProblemKind.TOO_LARGE: "max",
}
MORE_ERRORS = " (و :count خطای دیگر)"
# Parameters validated with ``in:`` rather than ``min``/``max`` (state_id is one of 1..5).
IN_RULE = frozenset({"state_id"})


def message_for(problem: FieldProblem) -> str:
    """The Laravel rule that failed, in Persian, with its placeholders filled in."""
    rule = RULE_OF_KIND.get(problem.kind, "integer")
    if rule in ("min", "max") and problem.parameter in IN_RULE:
        rule = "in"
    text = RULES[rule].replace(":attribute", problem.parameter.replace("_", " "))
    for name in ("min", "max"):
        text = text.replace(f":{name}", str(problem.constraints.get(name)))
    return text


def validation_body(problems: list[FieldProblem]) -> tuple[str, dict[str, list[str]]]:
    errors: dict[str, list[str]] = {}
    for problem in problems:
        errors.setdefault(problem.parameter, []).append(message_for(problem))
    messages = [m for found in errors.values() for m in found]
    summary = messages[0]
    if len(messages) > 1:
        summary += MORE_ERRORS.replace(":count", str(len(messages) - 1))
    return summary, errors


def failure(
    message: str, code: str, errors: dict[str, list[str]] | None = None
) -> dict[str, object]:
    return {
        "data": None,
        "meta": {
            "status": False,
            "message": message,
            "message_parameters": [],
            "message_code": code,
            "errors": errors or {},
        },
    }


def render_error(error: MockdeskError, url: RequestUrl) -> Response:
    headers: dict[str, str] = {}
    match error:
        case InvalidQuery():
            message, errors = validation_body(error.problems)
            body = failure(message, "400-2", errors)
            status = 422
        case Unauthenticated():
            body, status = failure(UNAUTHENTICATED, "400-1"), 401
        case Forbidden():
            body, status = failure(FORBIDDEN, "403-1"), 403
        case ResourceNotFound():
            body, status = failure(TICKET_NOT_FOUND, "404-1"), 404
        case RouteNotFound():
            body, status = failure(ROUTE_NOT_FOUND, "404-1"), 404
        case MethodNotAllowed():
            body, status = failure(METHOD_NOT_ALLOWED, "405-1"), 405
            headers["Allow"] = ", ".join(error.allowed)
        case RateLimited():
            body, status = failure(TOO_MANY_ATTEMPTS, "429-1"), 429
            headers["Retry-After"] = str(error.rate_limit.retry_after)
            headers["X-RateLimit-Reset"] = str(int(error.rate_limit.reset_at))
        case ServiceUnavailable():
            body, status = failure(UNAVAILABLE, "503-1"), 503
        case _:
            body, status = failure(SERVER_ERROR, "500-1"), 500
    return json_response(body, status, style=LARAVEL, headers=headers)
