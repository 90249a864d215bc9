"""Live servers for the conformance runs: real ``mockdesk serve`` (gunicorn) processes, one with
every vendor's rate limit off and one with the defaults; and a summary of every run's counts
and durations at the end of the session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mockdesk.vendors.registry import VENDORS
from tests.support.processes import ServerProcess, start_server

RESULTS: list[str] = []  # one line per schemathesis run, printed in the terminal summary


@pytest.fixture(scope="session")
def unlimited_server() -> Iterator[ServerProcess]:
    server = start_server(*(f"--rate-limit={spec.slug}=off" for spec in VENDORS))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def limited_server() -> Iterator[ServerProcess]:
    server = start_server()
    yield server
    server.stop()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if RESULTS:
        terminalreporter.section("schemathesis runs")
        for line in RESULTS:
            terminalreporter.write_line(line)
