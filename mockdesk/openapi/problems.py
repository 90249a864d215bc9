"""Error responses, documented by rendering them: every typed problem an endpoint can raise goes
through the vendor's own ``errors.render_error``, and what comes out (status, headers, body) is
the documented response and its example. A renderer change changes the document with it.

Which problems an endpoint can raise: the common ones (credentials missing, wrong or expired;
a scope it lacks; an unknown API version; the rate limit), those a fault rule can inject
(:func:`mockdesk.core.faults.build_error`, the same builder the fault engine uses), a bad
query (found by feeding the endpoint's own query schema values it refuses, so the problems
are the parser's), and the endpoint's own (an unknown id, a bad cursor).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from flask import Response
from werkzeug.datastructures import MultiDict

from mockdesk.core.auth import AuthPolicy
from mockdesk.core.errors import (
    AuthFailure,
    Forbidden,
    InvalidQuery,
    MockdeskError,
    Unauthenticated,
    UnsupportedVersion,
)
from mockdesk.core.faults import ERROR_KINDS, build_error
from mockdesk.core.query import QuerySchema, parse_query, schema_for
from mockdesk.core.ratelimit import parse_limit
from mockdesk.core.vendor import RequestUrl, VendorSpec
from mockdesk.openapi.headers import EXAMPLE_TIME, header_object
from mockdesk.openapi.model import Reply

# Values tried, in order, on each query parameter to find one it refuses.
BAD_VALUES = ("x", "0", "-1", "", "9" * 30, "2026-13-45", "{")
MAX_FIELD_EXAMPLES = 5  # per endpoint, besides the vendor's own and the all-at-once one
_BODY_HEADERS = ("content-type", "content-length")


@dataclass(frozen=True)
class Rendered:
    """One problem as the vendor answers it."""

    label: str
    status: int
    content_type: str | None  # None: no body
    headers: Mapping[str, str]
    body: Any  # parsed JSON, text, or None
    injected: bool


def rendered(spec: VendorSpec, label: str, error: MockdeskError, url: RequestUrl) -> Rendered:
    response = spec.render_error(error, url)
    data = response.get_data()
    content_type = response.headers.get("Content-Type") if data else None
    headers = {
        name: value for name, value in response.headers.items() if name.lower() not in _BODY_HEADERS
    }
    body: Any = None
    if data:
        text = data.decode("utf-8")
        body = json.loads(text) if (response.mimetype or "").endswith("json") else text
    return Rendered(label, response.status_code, content_type, headers, body, error.injected)


def problems_of(
    spec: VendorSpec,
    policy: AuthPolicy,
    query: type[QuerySchema] | None,
    bad_queries: Sequence[Mapping[str, str]],
    own: Sequence[MockdeskError],
    admitted: bool,
) -> list[tuple[str, MockdeskError]]:
    """Every (label, problem) the endpoint can raise, in the order a request meets them."""
    found: list[tuple[str, MockdeskError]] = []
    limit = parse_limit(spec.rate_limit.default)
    if admitted:
        if policy.version is not None:
            found.append(
                ("Unknown API version", UnsupportedVersion(policy.version.name, "1999-01-01"))
            )
        found.append(("No credentials", Unauthenticated(AuthFailure.MISSING)))
        found.append(("Wrong credentials", Unauthenticated(AuthFailure.INVALID)))
        found.append(("Expired token", Unauthenticated(AuthFailure.EXPIRED)))
        if policy.scope is not None:
            found.append((f"Token without scope {policy.scope}", Forbidden(policy.scope)))
        if limit is not None:
            found.append(("Rate limited", build_error("rate_limited", limit, EXAMPLE_TIME)))
    if query is not None:
        found.extend(query_problems(query, bad_queries))
    found.extend((_label(error), error) for error in own)
    if admitted:
        for kind in ERROR_KINDS:
            found.append((f"Fault rule: {kind}", build_error(kind, limit, EXAMPLE_TIME)))
    return found


def query_problems(
    query: type[QuerySchema], bad_queries: Iterable[Mapping[str, str]]
) -> list[tuple[str, MockdeskError]]:
    """Refusals of the query schema itself: the vendor's chosen bad queries, one bad value per
    parameter (the first of :data:`BAD_VALUES` it refuses), and all of those at once."""
    schema = schema_for(query)
    found: list[tuple[str, MockdeskError]] = []
    for args in bad_queries:
        error = _refusal(schema, args)
        if error is not None:
            found.append((_describe(args), error))
    singles: dict[str, str] = {}
    for name, field in schema.fields.items():
        key = field.data_key or name
        for value in BAD_VALUES:
            if _refusal(schema, {key: value}) is not None:
                singles[key] = value
                break
    for key, value in list(singles.items())[:MAX_FIELD_EXAMPLES]:
        error = _refusal(schema, {key: value})
        assert error is not None
        found.append((_describe({key: value}), error))
    if len(singles) > 1:
        error = _refusal(schema, singles)
        if error is not None:
            found.append(("Several bad parameters", error))
    return found


def _refusal(schema: Any, args: Mapping[str, str]) -> InvalidQuery | None:
    try:
        parse_query(schema, MultiDict(dict(args)))
    except InvalidQuery as error:
        return error
    return None


def _describe(args: Mapping[str, str]) -> str:
    return "Bad " + ", ".join(f"{key}={value[:20]}" for key, value in args.items())


def _label(error: MockdeskError) -> str:
    resource = getattr(error, "resource", None)
    if resource is not None:
        return f"No such {resource}"
    return type(error).__name__


def replies_of(
    answers: Mapping[str, Response], content: Mapping[int, Mapping[str, Any]]
) -> list[Reply]:
    """Documented replies from responses the answering code rendered (label → response),
    grouped by status; ``content`` gives each status's body schema per content type."""
    by_status: dict[int, list[tuple[str, Response]]] = {}
    for label, response in answers.items():
        by_status.setdefault(response.status_code, []).append((label, response))
    found = []
    for status, pairs in sorted(by_status.items()):
        headers = [
            {k: v for k, v in r.headers.items() if k.lower() not in _BODY_HEADERS} for _, r in pairs
        ]
        found.append(
            Reply(
                status,
                HTTPStatus(status).phrase + ": " + ", ".join(label for label, _ in pairs) + ".",
                content[status],
                {
                    name: header_object(name, value, all(name in h for h in headers))
                    for name, value in headers[0].items()
                },
                {label: json.loads(r.get_data()) for label, r in pairs},
            )
        )
    return found
