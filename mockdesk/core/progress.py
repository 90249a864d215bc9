"""What a long build is doing, for the terminal and for ``/__mockdesk/health``.

Why: building a million tickets per vendor takes seconds, and a server that sits silent with
its health check failing looks broken. A :class:`Progress` is updated by the builder and read
by anyone: the health endpoint answers 503 with its phase and percentage, and the terminal
shows a bar (on a TTY) or a log line every few seconds (in a container log, in CI), but only
once a phase has taken a second; quick builds print nothing.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

QUIET_SECONDS = 1.0  # a phase shorter than this shows nothing
LOG_EVERY_SECONDS = 2.0  # how often a non-terminal sees a line
BAR_WIDTH = 30


@dataclass(frozen=True)
class Snapshot:
    phase: str
    done: int
    total: int

    @property
    def percent(self) -> int:
        return 100 if self.total <= 0 else min(100, self.done * 100 // self.total)


class Progress:
    """The running phase (one at a time) and how far it is; thread-safe."""

    def __init__(
        self,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._clock = clock
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self._started = 0.0
        self._shown = 0.0

    def snapshot(self) -> Snapshot | None:
        """The phase under way, or None when nothing is being built."""
        return self._current

    def begin(self, phase: str, total: int) -> None:
        with self._lock:
            self._current = Snapshot(phase, 0, total)
            self._started = self._shown = self._clock()

    def advance(self, done: int) -> None:
        """``done`` of the phase's total are finished; shows progress if the phase is slow."""
        with self._lock:
            current = self._current
            if current is None:
                return
            self._current = Snapshot(current.phase, done, current.total)
            self._show(self._current, final=False)

    def finish(self) -> None:
        with self._lock:
            current = self._current
            if current is not None:
                self._show(Snapshot(current.phase, current.total, current.total), final=True)
            self._current = None

    def abandon(self) -> None:
        """The phase failed: nothing is under way any more, and no "100 %" is shown."""
        with self._lock:
            if self._current is not None and self._clock() - self._started >= QUIET_SECONDS:
                stream = self._stream or sys.stderr
                stream.write("\n" if _is_terminal(stream) else "")
            self._current = None

    def _show(self, snapshot: Snapshot, *, final: bool) -> None:
        now = self._clock()
        elapsed = now - self._started
        if elapsed < QUIET_SECONDS:
            return
        stream = self._stream or sys.stderr
        if _is_terminal(stream):
            filled = BAR_WIDTH * snapshot.percent // 100
            bar = "█" * filled + "░" * (BAR_WIDTH - filled)
            end = "\n" if final else ""
            stream.write(
                f"\r{snapshot.phase:<28} {bar} {snapshot.percent:3d}% {elapsed:5.1f}s{end}"
            )
            stream.flush()
        elif final or now - self._shown >= LOG_EVERY_SECONDS:
            self._shown = now
            stream.write(f"mockdesk: {snapshot.phase}: {snapshot.percent}% ({elapsed:.1f} s)\n")
            stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False
