"""A real Redis and real ``mockdesk serve --workers 2 --state redis://…`` processes.

The Redis is Debian's ``redis-server`` on a free loopback port (the hardening suite's fixture),
stopped by its PID; the servers are stopped by theirs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.hardening.conftest import RedisServer, redis_server
from tests.support.processes import ServerProcess, launch_server

__all__ = ["redis_server"]

Launch = Callable[..., ServerProcess]


@pytest.fixture
def serve(redis_server: RedisServer) -> Iterator[Launch]:
    """``serve(*flags)``: a healthy ``mockdesk serve`` on ``redis_server``, stopped afterwards."""
    started: list[ServerProcess] = []

    def launch(*flags: str, workers: int = 2) -> ServerProcess:
        server = launch_server(
            "--state", redis_server.url, "--workers", str(workers), "--tickets", "20", *flags
        )
        started.append(server)
        return server.wait_healthy(60)

    yield launch
    for server in started:
        server.stop()
