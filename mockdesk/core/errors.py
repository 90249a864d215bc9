"""Neutral errors, raised anywhere and rendered only at the edge by the vendor that owns the path.

A vendor never builds an error body in its routes: it raises one of these and its ``errors.py``
turns it into that vendor's exact status, headers and body.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class MockdeskError(Exception):
    """Base of every error a vendor renders. ``status`` is the usual HTTP status for it."""

    status: int = 500


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with one query parameter, in words no vendor owns.

    ``kind`` is one of: ``required``, ``not_integer``, ``not_number``, ``not_boolean``,
    ``not_date``, ``not_datetime``, ``too_small``, ``too_large``, ``not_choice``, ``invalid``.
    ``constraints`` carries what the vendor may quote (``min``, ``max``, ``choices``).
    """

    field: str
    kind: str
    value: str | None
    constraints: Mapping[str, Any] = field(default_factory=dict)


class InvalidQuery(MockdeskError):
    status = 400

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__(", ".join(f"{p.field}: {p.kind}" for p in problems))
        self.problems = problems


class Unauthenticated(MockdeskError):
    """No usable credentials. ``reason`` is ``missing``, ``invalid`` or ``expired``."""

    status = 401

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Forbidden(MockdeskError):
    status = 403

    def __init__(self, scope: str) -> None:
        super().__init__(f"missing scope {scope}")
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
    """No such resource (``resource`` set) or no such route (``resource`` None)."""

    status = 404

    def __init__(self, resource: str | None = None, identifier: str | None = None) -> None:
        super().__init__(f"{resource or 'route'} {identifier or ''}".strip())
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
