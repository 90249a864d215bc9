"""pytest plugin (entry point ``pytest11``): a mockdesk server per session, reset per test.

Fixtures:
- ``mockdesk_server``: the session's :class:`LiveServer` (every vendor, default seed).
- ``mockdesk``: the same server, reset before the test; server-side crashes fail the test.

Configure with the ``mockdesk`` marker: ``@pytest.mark.mockdesk(seed=7, rate_limits={...})``
resets to that seed and applies those limits for the one test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mockdesk.testing.live import LiveServer


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "mockdesk(seed=None, rate_limits=None): configure the mockdesk fixture"
    )


@pytest.fixture(scope="session")
def mockdesk_server() -> Iterator[LiveServer]:
    with LiveServer() as server:
        yield server


@pytest.fixture
def mockdesk(mockdesk_server: LiveServer, request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    marker = request.node.get_closest_marker("mockdesk")
    options = marker.kwargs if marker else {}
    mockdesk_server.reset(options.get("seed", 0))
    for slug, limit in (options.get("rate_limits") or {}).items():
        mockdesk_server.state.set_limit(slug, limit)
    yield mockdesk_server
    mockdesk_server.raise_crashes()
