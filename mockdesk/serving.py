"""Running the app: gunicorn with one gevent worker for normal use, Flask's server for --debug.

**Why gevent.** A gthread worker gives each connection a thread from a small pool while it reads
the request, so eight slow-header clients (or idle connections that never send a byte, each of
which a gthread worker waits on for 5 s) stalled every other client. The gevent worker gives
each connection a greenlet: hundreds of slow or idle connections cost a few KB each and stall
nobody. It also fits what comes next: a fault that hangs a request sleeps a greenlet, not a
scarce thread; a long-lived response (server-sent events for a dashboard) is one greenlet per
subscriber; the raw client socket is ``environ["gunicorn.socket"]`` (see :func:`sever` for
faults that cut a connection); and ``--workers N`` (several gunicorn workers over shared state)
is the same worker class, N times. In a single process it serves as fast as gthread did
(``bench/slow_clients.py`` measures both side by side).

**Bounds.** A client has :data:`KEEPALIVE_SECONDS` to send a request's line and headers, and an
idle keep-alive connection is closed after the same time; at most ``connections`` (default
1000) connections are served at once, later ones wait in the listen backlog. A stopping
server finishes open requests for up to :data:`GRACEFUL_SECONDS`.

**Start-up errors.** The socket is bound here, before the data is built and before gunicorn
starts, so a port in use or an address this machine does not have is a
:class:`~mockdesk.settings.SettingsError` (one line, exit 2), not gunicorn's five retries and
a log. It starts listening only once the app is built (a client is refused until then, never
left waiting), and gunicorn serves it (``fd://``); with ``--port 0`` the log names the port
the system chose.

gevent works by monkey-patching the standard library; :func:`patch` must run before the app is
built, so that the app's locks and sockets are cooperative from the start.
"""

from __future__ import annotations

import _socket
import contextlib
import errno
import os
import socket
import struct
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from mockdesk.settings import Settings, SettingsError

KEEPALIVE_SECONDS = 5
GRACEFUL_SECONDS = 5
BACKLOG = 2048


def patch() -> None:
    """Make the standard library cooperative for gevent (idempotent); a missing gevent is a
    one-line :class:`~mockdesk.settings.SettingsError`, not a worker that fails to boot."""
    try:
        from gevent import monkey
    except ImportError:
        raise SettingsError("serving needs the gevent package (pip install gevent)") from None
    if not monkey.is_module_patched("socket"):
        monkey.patch_all()


def bind(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port``, not yet listening (so clients are refused, not
    kept waiting, while the data is built); SettingsError (one line) when binding is not
    possible: an unknown host name, an address this machine does not have, a port in use."""
    address = host.strip().removeprefix("[").removesuffix("]")
    try:
        family, kind, proto, _, sockaddr = socket.getaddrinfo(
            address, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (OSError, UnicodeError, ValueError) as error:
        raise SettingsError(f"host: cannot listen on {host!r}: {_reason(error)}") from None
    listener = socket.socket(family, kind, proto)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(sockaddr)
    except OSError as error:
        listener.close()
        raise _cannot_listen(host, port, error) from None
    return listener


def start_listening(listener: socket.socket, host: str, port: int) -> None:
    """Open a bound socket to clients (another process may have taken the port meanwhile)."""
    try:
        listener.listen(BACKLOG)
    except OSError as error:
        listener.close()
        raise _cannot_listen(host, port, error) from None


def _cannot_listen(host: str, port: int, error: OSError) -> SettingsError:
    where = "port" if error.errno in (errno.EADDRINUSE, errno.EACCES) else "host"
    return SettingsError(f"{where}: cannot listen on {host}:{port}: {_reason(error)}")


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return " ".join(str(error).split()) or type(error).__name__


def _worker_class() -> type:
    """gunicorn's gevent worker, plus a prompt stop: a connection idle between keep-alive
    requests is closed as soon as the server is told to stop, instead of holding the stop for
    up to :data:`KEEPALIVE_SECONDS` (a test suite stops many servers whose clients pool
    connections). Requests in flight still finish, for up to :data:`GRACEFUL_SECONDS`."""
    import gevent
    from gunicorn.workers.ggevent import GeventWorker

    class MockdeskGeventWorker(GeventWorker):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._clients: dict[Any, socket.socket] = {}  # greenlet -> its connection
            self._idle: set[Any] = set()  # greenlets waiting for a keep-alive request

        def handle(self, listener: Any, client: socket.socket, addr: Any) -> None:
            current = gevent.getcurrent()
            self._clients[current] = client
            try:
                super().handle(listener, client, addr)
            finally:
                self._clients.pop(current, None)
                self._idle.discard(current)

        def run(self) -> None:
            state = self._state()
            if state is not None:  # built in a greenlet: /health answers 503 meanwhile
                state.warm(gevent.spawn)
            super().run()

        def _state(self) -> Any:
            return (
                self.wsgi.extensions.get("mockdesk") if hasattr(self.wsgi, "extensions") else None
            )

        def timeout_ctx(self) -> Any:
            return _Idle(self, super().timeout_ctx())

        def handle_exit(self, sig: Any, frame: Any) -> None:
            super().handle_exit(sig, frame)
            gevent.spawn(self._release_idle)  # not from inside the signal handler

        def _release_idle(self) -> None:
            state = self._state()
            if state is not None:  # open dashboard feeds end now, not at the graceful timeout
                state.tenants.journal.close_subscribers()
            for current in list(self._idle):
                _let_go(self._clients.get(current))

    return MockdeskGeventWorker


class _Idle:
    """Around a keep-alive wait: marks the greenlet idle (to be let go at stop) for the wait."""

    __slots__ = ("_wait", "_worker")

    def __init__(self, worker: Any, wait: Any) -> None:
        self._worker = worker
        self._wait = wait

    def __enter__(self) -> None:
        import gevent

        worker, current = self._worker, gevent.getcurrent()
        if not worker.alive:
            _let_go(worker._clients.get(current))
        worker._idle.add(current)
        self._wait.__enter__()

    def __exit__(self, *exc: Any) -> Any:
        import gevent

        self._worker._idle.discard(gevent.getcurrent())
        return self._wait.__exit__(*exc)


def _let_go(sock: socket.socket | None) -> None:
    """Wake the greenlet reading ``sock`` with an end of file, so it closes the connection.

    Through a duplicate descriptor and the unpatched ``_socket`` module: gevent's own
    ``shutdown`` would cancel the reader's wait with an error that gunicorn logs as a crash.
    """
    if sock is None:
        return
    with contextlib.suppress(OSError):
        duplicate = _socket.socket(fileno=os.dup(sock.fileno()))
        try:
            duplicate.shutdown(socket.SHUT_RDWR)
        finally:
            duplicate.close()


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    """gunicorn serving an app that is already built (so bad settings fail before binding)."""

    def __init__(self, app: Flask, options: dict[str, Any]) -> None:
        self._app = app
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self._app


def gunicorn_options(
    settings: Settings, listener: socket.socket, *, access_log: bool = False
) -> dict[str, Any]:
    """The serving model, as gunicorn settings (also what ``bench/slow_clients.py`` runs)."""
    options: dict[str, Any] = {
        "bind": [f"fd://{listener.fileno()}"],
        # the same gevent worker N times; N > 1 only with shared state (Settings refuses it)
        "workers": settings.workers,
        "worker_class": _worker_class(),
        "worker_connections": settings.connections,
        "keepalive": KEEPALIVE_SECONDS,
        "graceful_timeout": GRACEFUL_SECONDS,
        "backlog": BACKLOG,
        # the longest request line gunicorn accepts (8190, its maximum, like a front server's
        # 8 KB); a longer one gets gunicorn's own 414, which the OpenAPI documents list
        "limit_request_line": 8190,
        "preload_app": True,
        "control_socket_disable": True,  # one fixed path per user: parallel servers would clash
        "errorlog": "-",
        "loglevel": "info",
    }
    if access_log:
        options["accesslog"] = "-"
    return options


def run_gunicorn(
    app: Flask,
    settings: Settings,
    *,
    access_log: bool = False,
    listener: socket.socket | None = None,
) -> None:
    """Serve ``app`` until stopped, on ``listener`` (bound by :func:`bind`) or, without one,
    on ``settings.host:port``."""
    listener = listener or bind(settings.host, settings.port)
    start_listening(listener, settings.host, settings.port)
    _Gunicorn(app, gunicorn_options(settings, listener, access_log=access_log)).run()


def run_debug(app: Flask, settings: Settings) -> None:
    """Flask's debug server (tracebacks in responses); the address is checked first."""
    bind(settings.host, settings.port).close()
    app.run(host=settings.host, port=settings.port, debug=True, use_reloader=False)


def client_socket(environ: dict[str, Any]) -> socket.socket | None:
    """The connection a request arrived on, under gunicorn or Flask's server (None elsewhere)."""
    sock = environ.get("gunicorn.socket") or environ.get("werkzeug.socket")
    return sock if isinstance(sock, socket.socket) else None


def sever(environ: dict[str, Any], *, reset: bool) -> bool:
    """End the request's connection now, as a broken network would: a TCP reset (``reset``)
    or a close with no bytes (FIN). Returns False when there is no socket to cut.

    The connection's descriptor is swapped for one end of a dead socket pair, so the kernel
    closes the real connection at once while the server keeps a valid descriptor: whatever it
    then writes fails with ``EPIPE``, which gunicorn and Werkzeug both treat as a client that
    went away (logged at debug level, never a 500 or a traceback).
    """
    sock = client_socket(environ)
    if sock is None:
        return False
    try:
        if reset:  # close with unsent data discarded and an RST to the peer (SO_LINGER 0)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        else:
            sock.shutdown(socket.SHUT_WR)  # FIN now; unread request bytes must not turn it RST
        dead, peer = socket.socketpair()
        peer.close()
        os.dup2(dead.fileno(), sock.fileno())
        dead.close()
    except OSError:
        return False
    return True
