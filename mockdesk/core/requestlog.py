"""A bounded log of the requests each vendor answered, for tests that assert what a client sent."""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class LoggedRequest:
    at: float
    vendor: str | None
    method: str
    path: str
    query: str
    status: int
    authorization: bool  # whether an Authorization header was sent (never its value)


class RequestLog:
    def __init__(self, capacity: int = 1000) -> None:
        self._entries: deque[LoggedRequest] = deque(maxlen=capacity)
        self._lock = threading.Lock()

    def record(
        self, vendor: str | None, method: str, path: str, query: str, status: int, auth: bool
    ) -> None:
        with self._lock:
            self._entries.append(
                LoggedRequest(time.time(), vendor, method, path, query, status, auth)
            )

    def entries(self, vendor: str | None = None) -> list[dict[str, object]]:
        with self._lock:
            return [asdict(e) for e in self._entries if vendor in (None, e.vendor)]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
