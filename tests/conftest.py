"""Shared test helpers. The ``mockdesk`` fixture (a LiveServer reset per test) comes from the
package's own pytest plugin, exactly as users get it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import requests


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class ServerProcess:
    """A real ``mockdesk serve`` (gunicorn) in a child process."""

    process: subprocess.Popen[bytes]
    url: str

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_server(
    *args: str, env: dict[str, str] | None = None, timeout: float = 20
) -> ServerProcess:
    """Run ``mockdesk serve`` on a free port and wait until it reports healthy."""
    port = free_port()
    command = [sys.executable, "-m", "mockdesk", "serve", "--port", str(port), *args]
    process = subprocess.Popen(
        command,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"mockdesk serve exited: {process.stderr.read().decode()}")
        try:
            if requests.get(f"{url}/__mockdesk/health", timeout=1).status_code == 200:
                return ServerProcess(process, url)
        except requests.ConnectionError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("mockdesk serve did not become healthy")


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
