"""Tickets never change once built, so each is serialized and encoded once, then reused."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from mockdesk.core.responses import COMPACT, JsonStyle, RawJson, encode_value

Serializer = Callable[[Any], Any]


class RenderCache:
    """Encoded JSON per (serializer, style, ticket id). Races only compute a value twice."""

    def __init__(self) -> None:
        self._encoded: dict[tuple[Serializer, JsonStyle], dict[Hashable, str]] = {}

    def items(
        self, tickets: Sequence[Any], serialize: Serializer, style: JsonStyle = COMPACT
    ) -> RawJson:
        """A JSON array of ``tickets`` as ``serialize`` renders them, for a response body."""
        cache = self._encoded.setdefault((serialize, style), {})
        parts = []
        for ticket in tickets:
            text = cache.get(ticket.id)
            if text is None:
                text = cache[ticket.id] = encode_value(serialize(ticket), style)
            parts.append(text)
        return RawJson("[" + ",".join(parts) + "]")
