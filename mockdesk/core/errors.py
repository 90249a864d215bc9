"""Typed problems, raised anywhere and rendered only at the edge by the vendor that owns the path.

A vendor never builds an error body in its routes: it raises one of these and its ``errors.py``
turns it into that vendor's exact status, headers and body. Everything a renderer may quote is
a field of the problem (a kind from :class:`ProblemKind`, the parameter, the bounds…), so
renderers only format: they never parse, sniff messages or look at the request.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class MockdeskError(Exception):
    """Base of every error a vendor renders. ``status`` is the usual HTTP status for it.

    ``injected`` is True when a fault rule raised it rather than a real condition, so a
    renderer can word a forced 403 without a real missing scope to name.
    """

    status: int = 500
    injected: bool = False


class ProblemKind(enum.StrEnum):
    """What is wrong with one parameter, in words no vendor owns."""

    REQUIRED = "required"
    NOT_INTEGER = "not_integer"
    NOT_NUMBER = "not_number"
    NOT_BOOLEAN = "not_boolean"
    NOT_DATE = "not_date"
    NOT_DATETIME = "not_datetime"
    TOO_SMALL = "too_small"
    TOO_LARGE = "too_large"
    NOT_CHOICE = "not_choice"
    INVALID = "invalid"


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with one query parameter.

    ``constraints`` carries what the vendor may quote (``min``, ``max``, ``choices``); ``path``
    points inside a structured parameter (a JSON filter's ``("status", "$eq")``); ``message``
    is the vendor's own sentence when the parser that found the problem already knows it.
    """

    parameter: str
    kind: ProblemKind
    value: str | None
    constraints: Mapping[str, Any] = field(default_factory=dict)
    path: tuple[str, ...] = ()
    message: str | None = None


class InvalidQuery(MockdeskError):
    status = 400

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__(", ".join(f"{p.parameter}: {p.kind}" for p in problems))
        self.problems = problems


class AuthFailure(enum.StrEnum):
    MISSING = "missing"
    INVALID = "invalid"
    EXPIRED = "expired"


class Unauthenticated(MockdeskError):
    """No usable credentials, and why."""

    status = 401

    def __init__(self, reason: AuthFailure | str) -> None:
        self.reason = AuthFailure(reason)
        super().__init__(self.reason.value)


class Forbidden(MockdeskError):
    """Known credentials without the scope this endpoint needs (None: no scope to name)."""

    status = 403

    def __init__(self, scope: str | None) -> None:
        super().__init__(f"missing scope {scope}" if scope else "forbidden")
        self.scope = scope


@dataclass(frozen=True)
class RateLimitStatus:
    """Where a credential stands in its window; vendors render it as headers."""

    limit: int
    remaining: int
    reset_at: float  # epoch seconds
    retry_after: int  # whole seconds until a request would be admitted again
    window_seconds: int
    description: str  # the `limits` notation, e.g. "30 per 1 minute"


class RateLimited(MockdeskError):
    status = 429

    def __init__(self, status: RateLimitStatus) -> None:
        super().__init__(status.description)
        self.rate_limit = status


class NotFound(MockdeskError):
    """Base of the two 404s, which every vendor words differently."""

    status = 404


class RouteNotFound(NotFound):
    """No endpoint at this path (under a vendor's base path)."""

    def __init__(self) -> None:
        super().__init__("no such route")


class ResourceNotFound(NotFound):
    """The endpoint exists but the ``resource`` named ``identifier`` does not."""

    def __init__(self, resource: str, identifier: str) -> None:
        super().__init__(f"{resource} {identifier}")
        self.resource = resource
        self.identifier = identifier


class MethodNotAllowed(MockdeskError):
    status = 405

    def __init__(self, method: str, allowed: list[str]) -> None:
        super().__init__(f"{method} not allowed")
        self.method = method
        self.allowed = allowed


class UnsupportedVersion(MockdeskError):
    """The client named, in ``header``, an API version the vendor does not serve."""

    status = 406

    def __init__(self, header: str, value: str) -> None:
        super().__init__(f"{header}: {value}")
        self.header = header
        self.value = value


class InvalidCursor(MockdeskError):
    """A pagination cursor that was tampered with, malformed, or minted for another query."""

    status = 400


class InternalError(MockdeskError):
    """Something broke inside mockdesk, or a fault rule asked for a 500."""

    status = 500


class ServiceUnavailable(MockdeskError):
    """The vendor is "down for maintenance": only ever raised by a fault rule."""

    status = 503
