"""Response headers, named by the code that sends them: the spec's rate-limit renderer (on every
response to a known key), and whatever ``render_error`` puts on an error (``Retry-After``,
``WWW-Authenticate``, ``Allow``, a 429's reset). Their schemas follow the values sent."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from mockdesk.core.errors import RateLimitStatus
from mockdesk.core.vendor import VendorSpec

DESCRIPTIONS = {
    "retry-after": "Seconds to wait before a request is admitted again.",
    "www-authenticate": "The authentication scheme and realm the API expects.",
    "allow": "The methods this path serves.",
    "x-ratelimit-limit": "Requests allowed in the window.",
    "x-ratelimit-remaining": "Requests left in the current window.",
    "x-ratelimit-reset": "When the window frees a request.",
    "x-rate-limit-limit": "Requests allowed in the window.",
    "x-rate-limit-remaining": "Requests left in the current window.",
    "x-rate-limit-reset": "Seconds until the window frees a request.",
    "location": "Where the resource is (relative to this server).",
    "content-disposition": "The file's name (RFC 6266).",
    "cache-control": "Token responses are never cached.",
    "pragma": "Token responses are never cached (HTTP/1.0).",
    "x-content-type-options": "Go's net/http error pages are never sniffed.",
}
EXAMPLE_TIME = 1_767_225_600.0  # 2026-01-01T00:00:00Z, so rate-limit examples do not drift
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}T")


def sample_status(limit: int = 60, remaining: int = 59) -> RateLimitStatus:
    return RateLimitStatus(limit, remaining, EXAMPLE_TIME + 60, 60, 60, f"{limit} per 1 minute")


def rate_limit_headers(spec: VendorSpec) -> dict[str, str]:
    """What the vendor shows of a caller's window, with example values."""
    return spec.rate_limit.headers(sample_status())


def header_object(name: str, value: str, required: bool) -> dict[str, Any]:
    """An OpenAPI header: its schema inferred from a value the code sent."""
    schema: dict[str, Any]
    if value.isdigit():
        schema = {"type": "integer", "minimum": 0}
    elif _ISO.match(value):
        schema = {"type": "string", "format": "date-time"}
    else:
        schema = {"type": "string"}
    found: dict[str, Any] = {"schema": schema, "example": int(value) if value.isdigit() else value}
    description = DESCRIPTIONS.get(name.lower())
    if description:
        found["description"] = description
    if required:
        found["required"] = True
    return found


def headers_for(
    spec: VendorSpec,
    seen: Iterable[Mapping[str, str]],
    rate_limited: bool,
    extra: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """The headers of one response status: those every rendered example carries are required,
    the rest optional; the vendor's rate-limit headers on top (required on a 429, which only a
    known caller gets; optional elsewhere: they need a limit in force and a known key)."""
    samples = list(seen)
    found: dict[str, Any] = {}
    names: dict[str, str] = {}
    for sample in samples:
        for name, value in sample.items():
            names.setdefault(name, value)
    for name, value in names.items():
        everywhere = all(name in sample for sample in samples)
        found[name] = header_object(name, value, everywhere)
    for name, value in rate_limit_headers(spec).items():
        found.setdefault(name, header_object(name, value, rate_limited))
    for name, header in (extra or {}).items():
        found[name] = dict(header)
    return found
