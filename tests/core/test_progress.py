"""core/progress: quiet for quick phases, a bar on a terminal, periodic lines elsewhere."""

from __future__ import annotations

import io

from mockdesk.core.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_phase_under_a_second_prints_nothing() -> None:
    stream, clock = Terminal(), Clock()
    progress = Progress(stream, clock)
    progress.begin("building seed 0", 100)
    clock.now = 0.5
    progress.advance(100)
    progress.finish()
    assert stream.getvalue() == "" and progress.snapshot() is None


def test_a_terminal_gets_one_bar_redrawn_in_place() -> None:
    stream, clock = Terminal(), Clock()
    progress = Progress(stream, clock)
    progress.begin("building seed 0", 200)
    clock.now = 1.5
    progress.advance(50)
    snapshot = progress.snapshot()
    assert snapshot is not None and snapshot.percent == 25
    progress.finish()
    frames = stream.getvalue().split("\r")[1:]
    assert "25%" in frames[0] and "100%" in frames[-1] and stream.getvalue().endswith("\n")


def test_a_log_gets_a_line_every_few_seconds_and_one_at_the_end() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = Progress(stream, clock)
    progress.begin("building seed 3", 10)
    for second in range(1, 7):
        clock.now = float(second)
        progress.advance(second)
    progress.finish()
    lines = stream.getvalue().splitlines()
    assert lines[-1].startswith("mockdesk: building seed 3: 100%")
    assert 2 <= len(lines) <= 4 and "\r" not in stream.getvalue()
