"""The one seeded source of randomness.

Every ticket gets its own sub-seed derived by hashing (seed, vendor, key), so a ticket does not
depend on generation order, on other vendors, or on how many tickets are asked for. Never use
``random.*`` or the class-level ``Faker.seed()``: both are shared, order-dependent state.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from faker import Faker


def sub_seed(seed: int, vendor: str, key: int | str) -> int:
    """A stable 64-bit seed for one (seed, vendor, key); identical on every machine."""
    digest = hashlib.blake2b(f"{seed}:{vendor}:{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


class SeededFaker:
    """One Faker per vendor, re-seeded per item: cheaper than a Faker per ticket, just as stable."""

    def __init__(self, seed: int, vendor: str, locales: Sequence[str] = ("en_US",)) -> None:
        self._seed = seed
        self._vendor = vendor
        self._faker = Faker(list(locales))

    def for_key(self, key: int | str) -> Faker:
        """The vendor's Faker, seeded for ``key`` (a ticket index or a catalogue name)."""
        self._faker.seed_instance(sub_seed(self._seed, self._vendor, key))
        return self._faker
