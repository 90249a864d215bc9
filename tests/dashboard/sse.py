"""A minimal server-sent-events reader for the feed tests: a real HTTP stream read in a
background thread, so a test can wait for the next event with a deadline.

Built on ``http.client`` with the socket kept at hand: closing the reader shuts the socket down,
so the server sees the client leave at once (as when a browser tab closes), which a requests
stream blocked in another thread's read does not guarantee.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import queue
import socket
import threading
from dataclasses import dataclass, field
from email.message import Message
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit


@dataclass
class Event:
    """One dispatched event, or a comment line (``event == ":"``, its text in ``data``)."""

    event: str
    data: str
    id: str | None = None

    def json(self) -> Any:
        return json.loads(self.data)


@dataclass
class FeedReader:
    """``GET`` an event stream and parse it as a browser's ``EventSource`` would."""

    url: str
    headers: dict[str, str] = field(default_factory=dict)
    status: int = 0
    response_headers: Message = field(default_factory=Message)
    body: bytes = b""  # a refusal's body (not read for a 200 stream)
    _events: queue.Queue[Event | None] = field(default_factory=queue.Queue)
    _sock: socket.socket | None = None
    _response: http.client.HTTPResponse | None = None

    def open(self) -> FeedReader:
        parts = urlsplit(self.url)
        connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", path, headers=self.headers)
        self._sock = connection.sock
        response = connection.getresponse()
        self.status, self.response_headers = response.status, response.headers
        if self.status == 200:
            self._response = response
            threading.Thread(target=self._read, daemon=True).start()
        else:
            self.body = response.read()
            self.close()
        return self

    def json(self) -> Any:
        return json.loads(self.body)

    def next(self, timeout: float = 2.0, *, kind: str | None = None) -> Event:
        """The next event (of ``kind`` when given: others are skipped); AssertionError after
        ``timeout`` seconds without one."""
        while True:
            try:
                event = self._events.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no event within {timeout} s from {self.url}") from None
            if event is None:
                raise AssertionError(f"the stream {self.url} ended")
            if kind is None or event.event == kind:
                return event

    def close(self) -> None:
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.shutdown(socket.SHUT_RDWR)
            self._sock.close()

    def _read(self) -> None:
        assert self._response is not None
        name, ident = "message", None
        data: list[str] = []
        try:
            while raw := self._response.readline():
                line = raw.decode("utf-8").rstrip("\r\n")
                if line.startswith(":"):
                    self._events.put(Event(":", line[1:].strip()))
                elif line == "":
                    if data:
                        self._events.put(Event(name, "\n".join(data), ident))
                    name, data, ident = "message", [], None
                else:
                    key, _, value = line.partition(":")
                    value = value.removeprefix(" ")
                    if key == "event":
                        name = value
                    elif key == "data":
                        data.append(value)
                    elif key == "id":
                        ident = value
        except (OSError, ValueError, http.client.HTTPException):
            pass  # closed by the test
        finally:
            self._events.put(None)

    def __enter__(self) -> FeedReader:
        return self.open()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
