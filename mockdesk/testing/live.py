"""A real mockdesk HTTP server on a free port in a background thread, for tests.

Not Flask's test client: requests cross a real socket, so clients are exercised as in
production. A :class:`LiveServer` is also a
:class:`~mockdesk.testing.client.MockdeskClient` for itself, so a test drives the toolkit
(``server.fault(...)``, ``server.requests(...)``, ``server.clock.advance(61)``,
``server.add_tickets(...)``) through the same documented admin API a remote server has.
Exceptions the server swallowed into a 500 are kept and re-raised by
:meth:`LiveServer.raise_crashes`, so a test never passes over a server-side bug.
"""

from __future__ import annotations

import threading
from types import TracebackType

from flask import Flask
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from mockdesk.app import create_app
from mockdesk.core.state import MockdeskState
from mockdesk.settings import Settings
from mockdesk.testing.client import MockdeskClient


class _QuietHandler(WSGIRequestHandler):
    """No access line per request: test output stays readable (the journal has them)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


class LiveServer(MockdeskClient):
    """Bound to a free loopback port when built; serving between :meth:`start` and
    :meth:`stop` (or inside ``with``)."""

    def __init__(
        self,
        settings: Settings | None = None,
        app: Flask | None = None,
        tenant: str | None = None,
    ) -> None:
        self.app = app or create_app(settings)
        self._server: BaseWSGIServer = make_server(
            "127.0.0.1", 0, self.app, threaded=True, request_handler=_QuietHandler
        )
        self._thread: threading.Thread | None = None
        admin_token = self.state.settings.admin_token if "mockdesk" in self.app.extensions else None
        super().__init__(f"http://127.0.0.1:{self._server.server_port}", tenant, admin_token)

    @property
    def state(self) -> MockdeskState:
        state: MockdeskState = self.app.extensions["mockdesk"]
        return state

    def start(self) -> LiveServer:
        if self._thread is None:
            # a short poll: stop() returns within 0.05 s instead of the 0.5 s default
            self._thread = threading.Thread(
                target=self._server.serve_forever, args=(0.05,), daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread = None
        self._server.server_close()

    def raise_crashes(self) -> None:
        if self.state.crashes:
            raise self.state.crashes[0]

    def __enter__(self) -> LiveServer:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()
