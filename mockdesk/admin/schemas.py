"""Marshmallow schemas for admin request bodies: one error path, clear messages."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates

from mockdesk.core.faults import FAULTS
from mockdesk.core.ratelimit import parse_limit


class ResetBody(Schema):
    seed = fields.Integer(load_default=None, validate=validate.Range(min=0))


class FaultBody(Schema):
    error = fields.String(required=True, validate=validate.OneOf(list(FAULTS)))
    vendor = fields.String(load_default=None)
    path_prefix = fields.String(load_default="")
    times = fields.Integer(load_default=1, allow_none=True, validate=validate.Range(min=1))


class RateLimitBody(Schema):
    limit = fields.String(required=True)

    @validates("limit")
    def _parses(self, value: str, **kwargs: object) -> None:
        try:
            parse_limit(value)
        except ValueError:
            raise ValidationError("must be a limit like 30/minute, 4/second or off") from None
