"""JSON responses encoded the way a vendor's stack encodes them.

Flask's ``jsonify`` sorts keys; real APIs keep their field order, and clients that compare
bodies byte for byte notice. Each vendor picks a :class:`JsonStyle` matching its framework.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import Response


@dataclass(frozen=True)
class JsonStyle:
    ensure_ascii: bool = False  # Laravel and Go escape non-ASCII; FastAPI and DRF do not
    escape_slashes: bool = False  # PHP's json_encode writes "/" as "\/"
    trailing_newline: bool = False  # Go's json.Encoder ends every body with "\n"


COMPACT = JsonStyle()


def encode(body: Any, style: JsonStyle = COMPACT) -> str:
    text = json.dumps(body, ensure_ascii=style.ensure_ascii, separators=(",", ":"))
    if style.escape_slashes:
        text = text.replace("/", "\\/")
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
