"""Marshmallow fields every vendor's fixture schema shares."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from marshmallow import fields


class UtcDateTime(fields.AwareDateTime):
    """An ISO 8601 date-time; one written without an offset is taken as UTC, as the vendors'
    own examples are."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(default_timezone=UTC, **kw)
