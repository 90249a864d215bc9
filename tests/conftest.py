"""Shared fixtures: a clean environment, the server under test, and real gunicorn processes.

The ``mockdesk`` fixture (a LiveServer reset per test) comes from the package's own pytest
plugin, exactly as users get it. Vendor suites use ``server`` instead: the same in-process
server, or, with ``MOCKDESK_TEST_BASE_URL`` set, an already running ``mockdesk serve``
(:mod:`tests.support.server`); in that mode tests that do not talk to it are skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import requests

from mockdesk.testing.live import LiveServer
from tests.support.processes import ServerProcess, free_port, launch_server, start_server
from tests.support.server import BASE_URL_VARIABLE, REMOTE_URL, ServerUnderTest, server_mode
from tests.support.server_mode_run import TEST_ID, ServerModeRun

pytest_plugins = ["pytester"]
__all__ = ["ServerProcess", "free_port", "launch_server", "start_server"]  # tests import these
SERVER_MODE_RUN = pytest.StashKey[ServerModeRun]()


@pytest.fixture(scope="session", autouse=True)
def _no_mockdesk_environment_for_the_session() -> Iterator[None]:
    """Session fixtures (servers started once) must not see the developer's MOCKDESK_* either."""
    with pytest.MonkeyPatch.context() as patch:
        for name in [k for k in os.environ if k.startswith("MOCKDESK_")]:
            patch.delenv(name)
        yield


@pytest.fixture(autouse=True)
def no_mockdesk_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's ``MOCKDESK_*`` variables (say ``MOCKDESK_TICKETS=10``) never change a
    result: every test starts without them; a test that wants one sets it itself."""
    for name in [k for k in os.environ if k.startswith("MOCKDESK_")]:
        monkeypatch.delenv(name)


def pytest_collection_finish(session: pytest.Session) -> None:
    """When the server-mode test is selected, start its child run now, in the background.
    (Under xdist every worker collects every test: there the one that runs it starts it.)"""
    if server_mode() or session.config.option.collectonly or os.environ.get("PYTEST_XDIST_WORKER"):
        return
    if any(item.nodeid == TEST_ID for item in session.items):
        session.config.stash[SERVER_MODE_RUN] = ServerModeRun().start()


def pytest_unconfigure(config: pytest.Config) -> None:
    run = config.stash.get(SERVER_MODE_RUN, None)
    if run is not None:
        run.stop()


@pytest.fixture
def server_mode_run(request: pytest.FixtureRequest) -> ServerModeRun:
    """The background server-mode run (started now if collection did not)."""
    run = request.config.stash.get(SERVER_MODE_RUN, None)
    if run is None:
        run = request.config.stash[SERVER_MODE_RUN] = ServerModeRun().start()
    return run


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In server mode, only tests that talk to the server under test run."""
    if not server_mode():
        return
    skip = pytest.mark.skip(
        reason=f"{BASE_URL_VARIABLE} is set: this test does not use the server under test"
    )
    for item in items:
        if "server" not in getattr(item, "fixturenames", ()):
            item.add_marker(skip)


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[ServerUnderTest]:
    """The server under test, reset (over the admin API) before the test.

    Honours the ``mockdesk`` marker's ``seed`` and ``rate_limits`` like the plugin's fixture:
    ``@pytest.mark.mockdesk(seed=7, rate_limits={"hostup": "off"})``; leaves seed 0 behind.
    In-process, a server-side crash fails the test.
    """
    marker = request.node.get_closest_marker("mockdesk")
    options = marker.kwargs if marker else {}
    if REMOTE_URL is not None:
        target = ServerUnderTest(REMOTE_URL)
    else:
        live: LiveServer = request.getfixturevalue("mockdesk_server")
        target = ServerUnderTest(live.url, live)
    target.reset(options.get("seed", 0))
    target.set_limits(options.get("rate_limits") or {})
    yield target
    try:
        if target.live is not None:
            target.live.raise_crashes()
    finally:
        if target.seed != 0:  # the next test (or the plugin's fixture) expects seed 0's data
            target.reset(0)


@pytest.fixture(scope="session")
def served() -> Iterator[ServerProcess]:
    """One real gunicorn-served mockdesk (every vendor, default settings) for the session."""
    server = start_server()
    yield server
    server.stop()


@pytest.fixture
def served_fresh(served: ServerProcess) -> ServerProcess:
    """The session's real server, reset over the admin API before the test."""
    requests.post(f"{served.url}/__mockdesk/reset", timeout=5).raise_for_status()
    return served
