"""Marshmallow schemas and parsers for admin request bodies and queries: one error path
(a ``ValidationError`` naming each bad field, which the blueprint renders as its 400)."""

from __future__ import annotations

from collections.abc import Mapping

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates

from mockdesk.core.journal import ALL_TENANTS, JournalFilter
from mockdesk.core.ratelimit import parse_limit
from mockdesk.core.tenants import tenant_problem

_JOURNAL_PARAMETERS = ("vendor", "path", "method", "status", "tenant", "since")


class ResetBody(Schema):
    class Meta:
        unknown = RAISE

    # strict: {"seed": 7.5} or {"seed": "7"} is refused, not silently turned into 7
    seed = fields.Integer(load_default=None, strict=True, validate=validate.Range(min=0))


class RateLimitBody(Schema):
    class Meta:
        unknown = RAISE

    limit = fields.String(required=True)

    @validates("limit")
    def _parses(self, value: str, **kwargs: object) -> None:
        try:
            parse_limit(value)
        except ValueError as error:
            raise ValidationError(str(error)) from None


def journal_filter(args: Mapping[str, str]) -> tuple[JournalFilter, str | None]:
    """``GET /requests``'s query as a filter and the tenant it names (None: the caller's)."""
    errors: dict[str, list[str]] = {
        name: ["unknown parameter"] for name in args if name not in _JOURNAL_PARAMETERS
    }
    numbers: dict[str, int | None] = {}
    for name in ("status", "since"):
        text = args.get(name)
        if text is not None and not (text.isascii() and text.isdigit() and len(text) <= 18):
            errors[name] = ["must be a whole number"]
        numbers[name] = int(text) if text is not None and name not in errors else None
    tenant = args.get("tenant")
    problem = None if tenant in (None, ALL_TENANTS) else tenant_problem(tenant)
    if problem is not None:
        errors["tenant"] = [problem]
    if errors:
        raise ValidationError(errors)
    where = JournalFilter(
        vendor=args.get("vendor"),
        path=args.get("path"),
        method=args.get("method"),
        status=numbers["status"],
        since=numbers["since"],
    )
    return where, tenant
