"""The server a test talks to: the in-process LiveServer, or a running ``mockdesk serve``.

Set ``MOCKDESK_TEST_BASE_URL`` (e.g. ``http://127.0.0.1:8080``) and every test that uses the
``server`` fixture talks to that server instead of the in-process one, so the same vendor suite
checks gunicorn, a Docker image or a deployment. Such a server must run with the defaults (seed 0,
250 tickets per vendor, every vendor, default limits and credentials), as the goldens assume.

Everything a test changes goes through the admin API over HTTP, in both modes, so a test cannot
tell the two apart; only :meth:`ServerUnderTest.in_process` (in-process state such as issuing
a token for another principal) skips in server mode.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, settings

from mockdesk.testing.live import LiveServer

BASE_URL_VARIABLE = "MOCKDESK_TEST_BASE_URL"
ADMIN = "/__mockdesk"

# Read once, at import, before the autouse fixture strips every MOCKDESK_* variable.
REMOTE_URL: str | None = os.environ.get(BASE_URL_VARIABLE, "").rstrip("/") or None


def server_mode() -> bool:
    """True when the suite runs against an already running ``mockdesk serve``."""
    return REMOTE_URL is not None


@dataclass
class ServerUnderTest:
    """A mockdesk reachable at ``url``; ``live`` is the in-process server, None in server mode.
    ``seed`` is the seed of its data since this handle last reset it."""

    url: str
    live: LiveServer | None = None
    seed: int | None = field(default=None, init=False)

    def admin(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        response = requests.request(method, f"{self.url}{ADMIN}{path}", timeout=10, **kwargs)
        response.raise_for_status()
        return response

    def reset(self, seed: int = 0) -> None:
        """Counters, tokens, faults, log and limits back to the start; data for ``seed``."""
        self.admin("POST", "/reset", json={"seed": seed})
        self.seed = seed

    def set_limit(self, slug: str, limit: str) -> None:
        """A vendor's rate limit (``30/minute``, ``off``) until the next reset."""
        self.admin("PUT", f"/rate-limits/{slug}", json={"limit": limit})

    def set_limits(self, limits: Mapping[str, str]) -> None:
        for slug, limit in limits.items():
            self.set_limit(slug, limit)

    def add_fault(self, error: str, vendor: str | None = None, **rule: Any) -> None:
        """Inject a fault (``internal``, ``rate_limited``…) through the admin API."""
        self.admin("POST", "/faults", json={"error": error, "vendor": vendor, **rule})

    def in_process(self) -> LiveServer:
        """The in-process server, for a test that needs its state; skips in server mode."""
        if self.live is None:
            pytest.skip(f"needs the in-process server's state ({BASE_URL_VARIABLE} is set)")
        return self.live


def property_settings(max_examples: int, **kwargs: Any) -> settings:
    """Hypothesis settings for a property over the server under test.

    In server mode the examples are cut to a fifth: that run checks the transport and the
    deployment, the in-process run already explores the input space.
    """
    examples = max(5, max_examples // 5) if server_mode() else max_examples
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
        **kwargs,
    )
