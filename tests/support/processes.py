"""Real ``mockdesk serve`` (gunicorn) processes for tests: start on a free port, wait until
healthy, stop by PID. The child never sees the developer's ``MOCKDESK_*`` variables."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass

import requests


def without_mockdesk_variables(environ: Mapping[str, str]) -> dict[str, str]:
    return {k: v for k, v in environ.items() if not k.startswith("MOCKDESK_")}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class ServerProcess:
    """A real ``mockdesk serve`` (gunicorn) in a child process."""

    process: subprocess.Popen[bytes]
    url: str

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def wait_healthy(self, timeout: float = 20) -> ServerProcess:
        """Block until ``/__mockdesk/health`` answers 200; kill the process on failure."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                assert self.process.stderr is not None
                raise RuntimeError(f"mockdesk serve exited: {self.process.stderr.read().decode()}")
            try:
                if requests.get(f"{self.url}/__mockdesk/health", timeout=2).status_code == 200:
                    return self
            except (requests.ConnectionError, requests.Timeout):  # not listening, or still busy
                time.sleep(0.05)
        self.process.kill()
        raise RuntimeError("mockdesk serve did not become healthy")


def launch_server(*args: str, env: dict[str, str] | None = None) -> ServerProcess:
    """Start ``mockdesk serve`` on a free port without waiting (start several at once)."""
    port = free_port()
    command = [sys.executable, "-m", "mockdesk", "serve", "--port", str(port), *args]
    process = subprocess.Popen(
        command,
        env={**without_mockdesk_variables(os.environ), **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return ServerProcess(process, f"http://127.0.0.1:{port}")


def start_server(
    *args: str, env: dict[str, str] | None = None, timeout: float = 20
) -> ServerProcess:
    """Run ``mockdesk serve`` on a free port and wait until it reports healthy."""
    return launch_server(*args, env=env).wait_healthy(timeout)
