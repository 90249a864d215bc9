"""core/seeding: per-ticket sub-seeds."""

from __future__ import annotations

from mockdesk.core.seeding import sub_seed


def test_sub_seeds_are_stable_and_distinct() -> None:
    assert sub_seed(0, "sendcloud", 1) == sub_seed(0, "sendcloud", 1)
    assert len({sub_seed(0, v, i) for v in ("a", "b") for i in range(100)}) == 200
    assert sub_seed(0, "sendcloud", 0) == 15849154085197882502  # blake2b: the same on every machine
