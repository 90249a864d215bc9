"""JSON responses encoded the way a vendor's stack encodes them.

Flask's ``jsonify`` sorts keys; real APIs keep their field order, and clients that compare
bodies byte for byte notice. Each vendor picks a :class:`JsonStyle` matching its framework.
:class:`RawJson` splices text that is already encoded (cached ticket fragments) into a body, so
a page costs one join instead of re-encoding every ticket on every request.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
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
