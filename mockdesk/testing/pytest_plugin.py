"""pytest plugin (entry point ``pytest11``): a mockdesk server per session, reset per test.

Fixtures:

- ``mockdesk_settings`` (session): the :class:`~mockdesk.settings.Settings` the session's server
  starts with; override it in a ``conftest.py`` to change them.
- ``mockdesk_server`` (session): that server, a :class:`~mockdesk.testing.live.LiveServer`; or,
  when ``MOCKDESK_URL`` is set, a :class:`~mockdesk.testing.client.MockdeskClient` for the server
  running there (in Docker, say), which is then driven instead of starting one.
- ``mockdesk``: the server for one test, reset first (only this test's tenant under xdist),
  with the marker's options applied; server-side crashes of a LiveServer fail the test.

Under pytest-xdist each worker is its own tenant (its worker id, ``gw0``…), so workers share one
server without sharing counters, faults, the journal, the clock or runtime tickets. The
admin calls carry the tenant; requests a test's vendor client makes must carry
``mockdesk.vendor_headers()`` (the ``X-Mockdesk-Tenant`` header) too.

The marker takes what can change at reset: ``@pytest.mark.mockdesk(seed=7,
rate_limits={"sendcloud": "2/minute"}, faults=[{"vendor": "hostup", "error": "unavailable"}],
tickets=20, fixtures=["pinned.json"])``. ``tickets`` and ``fixtures`` other than the session's
give the test a server of its own (not possible against ``MOCKDESK_URL``). Unknown options are a
usage error naming them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from mockdesk.settings import Settings
from mockdesk.testing.client import URL_VARIABLE, MockdeskClient
from mockdesk.testing.live import LiveServer

MARKER_OPTIONS = frozenset({"seed", "tickets", "rate_limits", "fixtures", "faults"})


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "mockdesk(seed=None, rate_limits=None, faults=None, tickets=None, fixtures=None): "
        "configure the mockdesk fixture for one test",
    )


@pytest.fixture(scope="session")
def mockdesk_settings() -> Settings:
    """The session server's settings; override this fixture to change them."""
    return Settings()


@pytest.fixture(scope="session")
def mockdesk_server(mockdesk_settings: Settings) -> Iterator[MockdeskClient]:
    if os.environ.get(URL_VARIABLE):
        yield MockdeskClient()
        return
    with LiveServer(mockdesk_settings) as server:
        yield server


@pytest.fixture
def mockdesk(
    mockdesk_server: MockdeskClient,
    mockdesk_settings: Settings,
    request: pytest.FixtureRequest,
) -> Iterator[MockdeskClient]:
    marker = request.node.get_closest_marker("mockdesk")
    options: dict[str, Any] = dict(marker.kwargs) if marker else {}
    unknown = sorted(set(options) - MARKER_OPTIONS)
    if unknown:
        raise pytest.UsageError(
            f"@pytest.mark.mockdesk: unknown option(s) {', '.join(unknown)}; "
            f"known: {', '.join(sorted(MARKER_OPTIONS))}"
        )
    own = _own_settings(mockdesk_settings, options)
    if own is not None and not isinstance(mockdesk_server, LiveServer):
        raise pytest.UsageError(f"tickets/fixtures cannot change on a server at {URL_VARIABLE}")
    with _server_for(mockdesk_server, own) as server:
        tenant = _xdist_tenant()
        client = server.for_tenant(tenant) if tenant else server
        client.reset(options.get("seed", mockdesk_settings.seed))  # no seed leaks between tests
        for slug, limit in (options.get("rate_limits") or {}).items():
            client.set_rate_limit(slug, limit)
        for rule in options.get("faults") or ():
            client.fault(**rule)
        yield client
        if isinstance(server, LiveServer):
            server.raise_crashes()


@contextmanager
def _server_for(session: MockdeskClient, settings: Settings | None) -> Iterator[MockdeskClient]:
    """The session's server, or a dedicated one for other tickets/fixtures, stopped after."""
    if settings is None:
        yield session
        return
    with LiveServer(settings) as own:
        yield own


def _own_settings(session: Settings, options: dict[str, Any]) -> Settings | None:
    """Settings for a dedicated server when the marker changes what a reset cannot."""
    changes: dict[str, Any] = {}
    if "tickets" in options and options["tickets"] != session.tickets:
        changes["tickets"] = options["tickets"]
    if "fixtures" in options:
        fixtures = tuple(Path(path) for path in options["fixtures"])
        if fixtures != session.fixtures:
            changes["fixtures"] = fixtures
    return replace(session, **changes) if changes else None


def _xdist_tenant() -> str | None:
    """This xdist worker's id (``gw0``…), or None outside xdist."""
    return os.environ.get("PYTEST_XDIST_WORKER") or None
