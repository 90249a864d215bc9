"""Transport faults: what a broken network or a dying server does to a connection.

A fault rule's ``transport`` effect is decided in ``admit`` (step 1 of the pipeline) and
carried out here, around the whole WSGI app, because it happens below HTTP:

- ``reset``: the connection is reset (RST), no response;
- ``empty``: the connection is closed with no bytes (FIN), no response;
- ``hang``: no answer at all until the client gives up (it closes the connection), bounded by
  :data:`~mockdesk.core.faults.HANG_CAP_SECONDS` on the server's side;
- ``malformed``: the status line and headers of the response that would have been sent (its
  ``Content-Length`` included), then only part of the body, then the connection is closed.

The request itself stops at the fault for ``reset``, ``empty`` and ``hang``
(:class:`TransportFault`): nothing is authenticated or counted. The journal records such a
request with status 0, as a browser reports a request that got no response.
"""

from __future__ import annotations

import logging
import select
import socket
import time
from collections.abc import Callable, Iterable
from typing import Any

from mockdesk.core.faults import HANG_CAP_SECONDS
from mockdesk.serving import client_socket, sever

log = logging.getLogger("mockdesk.transport")

ENVIRON_KEY = "mockdesk.transport"
SEVERING = frozenset({"reset", "empty", "hang"})
NO_RESPONSE = 0  # the journal's status for a request that got none
_POLL_SECONDS = 0.1

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


class TransportFault(Exception):
    """Stop the request here: the connection will be cut (``kind`` in :data:`SEVERING`)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class TransportFaults:
    """WSGI middleware: after the app answered, apply the request's transport fault, if any."""

    def __init__(self, app: WsgiApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        held: list[Any] = []

        def hold(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            held[:] = [status, headers, exc_info]
            return lambda data: None  # the legacy write() callable; mockdesk never uses it

        body = self.app(environ, hold)
        kind = environ.get(ENVIRON_KEY)
        if kind is None or client_socket(environ) is None:
            start_response(*held)
            return body
        if kind == "malformed":
            _send_truncated(environ, held[0], held[1], b"".join(body))
        elif kind == "hang":
            _wait_for_the_client_to_give_up(environ)
        if not sever(environ, reset=kind == "reset"):
            log.warning("could not cut the connection for a %s fault", kind)
        start_response(*held)
        return []


def _send_truncated(environ: dict[str, Any], status: str, headers: list[Any], body: bytes) -> None:
    """The head of the response as it would have been, then half of its body (at least one byte
    short), so a client sees a valid status and headers and then a body that stops."""
    sock = client_socket(environ)
    assert sock is not None
    protocol = environ.get("SERVER_PROTOCOL", "HTTP/1.1")
    lines = [f"{protocol} {status}"]
    lines += [f"{name}: {value}" for name, value in headers if name.lower() != "content-length"]
    lines.append(f"Content-Length: {max(len(body), 1)}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    try:
        sock.sendall(head + body[: len(body) // 2])
    except OSError:
        log.debug("the client left before a malformed response was sent")


def _wait_for_the_client_to_give_up(environ: dict[str, Any]) -> None:
    """Block this request (a greenlet under gunicorn) until the peer closes, or the cap."""
    sock = client_socket(environ)
    assert sock is not None
    deadline = time.monotonic() + HANG_CAP_SECONDS
    while time.monotonic() < deadline:
        try:
            readable, _, _ = select.select([sock], [], [], _POLL_SECONDS)
            if readable and not sock.recv(1, socket.MSG_PEEK):
                return  # the client closed its end
        except OSError:
            return
        if readable:
            time.sleep(_POLL_SECONDS)  # it sent more bytes; keep not answering
