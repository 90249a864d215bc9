"""A real mockdesk HTTP server on a free port in a background thread, for tests.

Not Flask's test client: requests cross a real socket, so clients are exercised as in
production. Exceptions the server swallowed into a 500 are kept and re-raised by
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


class _QuietHandler(WSGIRequestHandler):
    """No access line per request: test output stays readable (the request log has them)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


class LiveServer:
    def __init__(self, settings: Settings | None = None, app: Flask | None = None) -> None:
        self.app = app or create_app(settings)
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def state(self) -> MockdeskState:
        state: MockdeskState = self.app.extensions["mockdesk"]
        return state

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("LiveServer is not started")
        return f"http://127.0.0.1:{self._server.server_port}"

    def start(self) -> LiveServer:
        self._server = make_server(
            "127.0.0.1", 0, self.app, threaded=True, request_handler=_QuietHandler
        )
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def reset(self, seed: int | None = None) -> None:
        """A fresh server between tests: counters, tokens, faults, log, limits, crashes."""
        self.state.reset(seed)

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
