"""Random numbers for a million tickets at once: one counter-based stream per attribute.

Why: a ticket's filterable and sortable attributes (status, times, relations) must exist for
every ticket before any is served, and drawing them ticket by ticket from a seeded Faker costs
milliseconds each. Here each attribute has a *lane*: value ``i`` of a lane is a hash of
(seed, vendor, lane name, ``i``), computed for whole ranges of indexes with NumPy. So ticket ``N``
still depends only on (seed, vendor, N): not on how many tickets are asked for, nor on the order
they are built in, and the same bytes come out on every machine (unsigned 64-bit arithmetic
wraps identically everywhere; floats are made from the top 53 bits, exactly).

The mixer is SplitMix64's finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number
generators", 2014), the standard way to turn a counter into independent-looking 64-bit values.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from mockdesk.core.seeding import sub_seed

Indexes = npt.NDArray[np.int64]
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_TOP_53 = np.uint64(11)


class Lanes:
    """The lanes of one (seed, vendor): ``lanes.uniform("status", indexes)`` and friends."""

    def __init__(self, seed: int, vendor: str) -> None:
        self._seed = seed
        self._vendor = vendor

    def bits(self, lane: str, indexes: Indexes) -> npt.NDArray[np.uint64]:
        """64 random bits per index."""
        key = np.uint64(sub_seed(self._seed, self._vendor, f"lane:{lane}"))
        with np.errstate(over="ignore"):
            z = indexes.astype(np.uint64) * _GOLDEN + key
            z = (z ^ (z >> np.uint64(30))) * _M1
            z = (z ^ (z >> np.uint64(27))) * _M2
            return z ^ (z >> np.uint64(31))

    def uniform(self, lane: str, indexes: Indexes) -> npt.NDArray[np.float64]:
        """A float in [0, 1) per index."""
        return (self.bits(lane, indexes) >> _TOP_53).astype(np.float64) * (1.0 / 2**53)

    def integers(self, lane: str, indexes: Indexes, low: int, high: int) -> Indexes:
        """An integer in [low, high) per index (uniform up to a bias below 2⁻³⁰ for ranges under
        2³⁴, which no attribute comes near)."""
        if high <= low:
            raise ValueError(f"empty range [{low}, {high})")
        span = np.uint64(high - low)
        return (self.bits(lane, indexes) % span).astype(np.int64) + low

    def choice(self, lane: str, indexes: Indexes, weights: Sequence[float]) -> Indexes:
        """The position of one of ``weights`` per index, drawn in proportion to its weight."""
        cumulative = np.cumsum(np.asarray(weights, dtype=np.float64))
        picks = self.uniform(lane, indexes) * cumulative[-1]
        found: Indexes = np.searchsorted(cumulative, picks, side="right").astype(np.int64)
        return found

    def chance(self, lane: str, indexes: Indexes, probability: float) -> npt.NDArray[np.bool_]:
        """True for about ``probability`` of the indexes."""
        return self.uniform(lane, indexes) < probability
