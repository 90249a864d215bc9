"""JSON encoded the way a vendor's stack encodes it, and each immutable ticket encoded once.

Flask's ``jsonify`` sorts keys; real APIs keep their field order, and clients that compare
bodies byte for byte notice. Each vendor picks a :class:`JsonStyle` matching its framework.
:class:`RawJson` splices text that is already encoded (cached ticket fragments) into a body, so
a page costs one join instead of re-encoding every ticket on every request.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from flask import Response


@dataclass(frozen=True)
class JsonStyle:
    ensure_ascii: bool = False  # \uXXXX for all non-ASCII (json_encode without UNESCAPED_UNICODE)
    escape_slashes: bool = False  # PHP's json_encode writes "/" as "\/"
    trailing_newline: bool = False  # Go's json.Encoder ends every body with "\n"
    escape_html: bool = False  # Go's encoding/json writes <, >, &, U+2028, U+2029 as \u escapes
    sort_keys: bool = False  # Go marshals map keys in byte order


COMPACT = JsonStyle()
# Laravel's JsonResponse with JSON_UNESCAPED_UNICODE (raw UTF-8), PHP's default "\/" kept.
LARAVEL = JsonStyle(escape_slashes=True)
# Go: json.Marshal (sorted map keys, HTML escapes) and json.Encoder, which adds a newline.
GO_MARSHAL = JsonStyle(escape_html=True, sort_keys=True)
GO_ENCODER = JsonStyle(escape_html=True, sort_keys=True, trailing_newline=True)
# Go's encoding/json writes these five as escapes even inside otherwise raw UTF-8 strings; they
# can only occur inside JSON strings, so replacing them in the encoded text is safe.
_GO_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


@dataclass(frozen=True)
class RawJson:
    """JSON text, already encoded in the response's style, to be inserted as it is."""

    text: str


_MARK = "\x00mockdesk-raw-{}\x00"


def encode_value(value: Any, style: JsonStyle = COMPACT) -> str:
    """``value`` as JSON text in ``style`` (no trailing newline), with RawJson spliced in."""
    raws: list[str] = []

    def placeholder(item: Any) -> str:
        if not isinstance(item, RawJson):
            raise TypeError(f"{type(item).__name__} is not JSON serializable")
        raws.append(item.text)
        return _MARK.format(len(raws) - 1)

    text = json.dumps(
        value,
        ensure_ascii=style.ensure_ascii,
        separators=(",", ":"),
        sort_keys=style.sort_keys,
        default=placeholder,
    )
    if style.escape_html:
        text = text.translate(_GO_ESCAPES)
    if style.escape_slashes:
        text = text.replace("/", "\\/")
    for number, raw in enumerate(raws):
        text = text.replace(json.dumps(_MARK.format(number)), raw, 1)
    return text


def encode(body: Any, style: JsonStyle = COMPACT) -> str:
    text = encode_value(body, style)
    return text + "\n" if style.trailing_newline else text


def json_response(
    body: Any,
    status: int = 200,
    *,
    style: JsonStyle = COMPACT,
    headers: Mapping[str, str] | None = None,
    content_type: str = "application/json",
) -> Response:
    return Response(encode(body, style), status=status, headers=headers, content_type=content_type)


Serializer = Callable[[Any], Any]


class RenderCache:
    """Encoded JSON per (serializer, style, ticket id). Tickets never change once built, so each
    is serialized and encoded once, then reused; races only compute a value twice."""

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
