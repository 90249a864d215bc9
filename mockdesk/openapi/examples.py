"""Success examples taken from real responses, so they cannot drift from what mockdesk serves.

Each vendor gets one private, in-process app (default seed, that vendor only, no rate limit):
an operation's :class:`~mockdesk.openapi.model.Example` request is sent to it with the
vendor's default credentials, and the response is the example. The running server's own
state (its rate-limit windows, journal, clock) is never touched. The app is built once per
process, on the first document asked for.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from mockdesk.core.vendor import VendorSpec
from mockdesk.openapi.model import Example

if TYPE_CHECKING:
    from flask import Flask

    from mockdesk.core.dataset import Dataset


MAX_TEXT = 4096  # a longer text body (a downloaded log file) is no example
MAX_ITEMS = 3  # arrays in examples are cut to this many items


def trimmed(body: Any) -> Any:
    """``body`` with every array cut to :data:`MAX_ITEMS` items (a requested-data list has
    hundreds), so examples stay readable; the rest of the body is as served."""
    if isinstance(body, list):
        return [trimmed(item) for item in body[:MAX_ITEMS]]
    if isinstance(body, dict):
        return {key: trimmed(value) for key, value in body.items()}
    return body


@dataclass(frozen=True)
class Sample:
    """One real response: status, content type, and the body (JSON, text, or None)."""

    status: int
    content_type: str
    body: Any
    target: str  # the path and query string sent


@cache
def example_app(slug: str) -> Flask:
    """The vendor alone at its default settings (imported here: the app imports the admin
    blueprint, which imports this package)."""
    from mockdesk.app import create_app
    from mockdesk.settings import Settings

    return create_app(Settings(vendors=(slug,), rate_limits={slug: "off"}))


def example_dataset(spec: VendorSpec) -> Dataset:
    """The default seed's data, as a server started without options serves it."""
    from mockdesk.core.state import MockdeskState

    state: MockdeskState = example_app(spec.slug).extensions["mockdesk"]
    return state.dataset(spec.slug, state.tenants.default)


def sample(spec: VendorSpec, example: Example, base_url: str) -> Sample:
    """Send ``example`` to the vendor's example app as if this server were at ``base_url``;
    the answer is kept, so a document is the same every time it is built (a token endpoint
    would mint a new token per call)."""
    target = example.target
    if callable(target):
        target = target(example_dataset(spec))
    headers = dict(spec.demo_headers if example.headers is None else example.headers)
    form = dict(example.form) if example.form is not None else None
    return _answer(
        spec.slug,
        example.method,
        target,
        base_url,
        tuple(headers.items()),
        tuple(form.items()) if form is not None else None,
    )


@lru_cache(maxsize=1024)  # one per example and Host a client used
def _answer(
    slug: str,
    method: str,
    target: str,
    base_url: str,
    headers: tuple[tuple[str, str], ...],
    form: tuple[tuple[str, str], ...] | None,
) -> Sample:
    response = (
        example_app(slug)
        .test_client()
        .open(
            target,
            method=method,
            headers=dict(headers),
            data=dict(form) if form is not None else None,
            base_url=base_url,
        )
    )
    content_type = response.headers.get("Content-Type", "")
    data = response.get_data()
    body: Any = None
    if data and (response.mimetype or "").endswith("json"):
        body = trimmed(json.loads(data))
    elif data and (response.mimetype or "").startswith("text/") and len(data) <= MAX_TEXT:
        body = data.decode("utf-8")
    return Sample(response.status_code, content_type, body, target)
