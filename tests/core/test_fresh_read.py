"""core/shared.FreshRead: concurrent callers share reads, and none gets a value read before it
arrived (what makes a change through one worker visible to the next request on another)."""

from __future__ import annotations

import itertools
import threading
import time

import pytest

from mockdesk.core.shared import FreshRead


def test_no_caller_gets_a_value_older_than_its_arrival_and_reads_are_shared() -> None:
    versions = itertools.count(1)
    current = [0]  # the "counter in Redis": bumped by a writer while readers run
    reads = [0]

    def read() -> int:
        reads[0] += 1
        seen = current[0]
        time.sleep(0.002)  # a round trip
        return seen

    fresh = FreshRead(read)
    problems: list[tuple[int, int]] = []
    stop = threading.Event()

    def writer() -> None:
        while not stop.is_set():
            current[0] = next(versions)
            time.sleep(0.0005)

    def caller() -> None:
        for _ in range(50):
            at_arrival = current[0]
            got = fresh()
            if got < at_arrival:
                problems.append((at_arrival, got))

    threads = [threading.Thread(target=caller) for _ in range(16)]
    bump = threading.Thread(target=writer)
    bump.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    bump.join()
    assert problems == []
    assert reads[0] <= 0.75 * 16 * 50  # batched: callers waiting on a read share the next one


def test_a_failed_read_is_not_remembered() -> None:
    outcomes = iter([RuntimeError("down"), 7])

    def read() -> int:
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    fresh = FreshRead(read)
    with pytest.raises(RuntimeError):
        fresh()
    assert fresh() == 7
