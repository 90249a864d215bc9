"""Every vendor's data per seed, built on first use (or in the background at start-up).

Why a shelf: data is a pure function of (seed, ``--tickets``, ``--epoch``, fixtures), so it is
built once per seed and shared by every tenant on that seed; the last :data:`SEEDS_KEPT` seeds
stay built while they hold no more than :data:`ROWS_KEPT` tickets per vendor together (a
million-ticket seed is a few hundred MB: only the one in use is kept, and another is rebuilt in
about a second when asked for), so tenants that reset to a few seeds don't rebuild. One build
runs at a time; a request that needs data being built waits for it, and ``/__mockdesk/health``
reads :attr:`progress` meanwhile (503 with the phase and percentage).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from datetime import timedelta
from functools import partial

from mockdesk.core.dataset import Dataset, build_dataset, check_fixtures
from mockdesk.core.fixtures import PinnedTicket
from mockdesk.core.progress import Progress
from mockdesk.core.vendor import VendorSpec

SEEDS_KEPT = 4
ROWS_KEPT = 1_000_000
log = logging.getLogger("mockdesk")


class DatasetShelf:
    def __init__(
        self,
        vendors: Mapping[str, VendorSpec],
        tickets: int,
        fixtures: Mapping[str, Sequence[PinnedTicket]],
        shift: timedelta = timedelta(0),
        progress: Progress | None = None,
    ) -> None:
        self._vendors = vendors
        self._tickets = tickets
        self._fixtures = fixtures
        self._shift = shift
        self.progress = progress or Progress()
        self._built: OrderedDict[int, dict[str, Dataset]] = OrderedDict()
        self._lock = threading.Lock()
        self.failure: str | None = None  # why the last background build failed

    def datasets_for(self, seed: int) -> dict[str, Dataset]:
        """Every vendor's data for ``seed``, built now if it is not on the shelf."""
        with self._lock:
            built = self._built.get(seed)
            if built is None:
                built = self._built[seed] = self._build(seed)
                self.failure = None
                while len(self._built) > self.seeds_kept:
                    self._built.popitem(last=False)
            self._built.move_to_end(seed)
            return built

    @property
    def seeds_kept(self) -> int:
        return max(1, min(SEEDS_KEPT, ROWS_KEPT // max(1, self._tickets)))

    def check_fixtures(self, seed: int) -> None:
        """Refuse unusable fixture tickets now (``FixtureError``), before anything is built."""
        for slug, spec in self._vendors.items():
            check_fixtures(spec.data, slug, seed, self._fixtures.get(slug, ()))

    def pinned(self, slug: str) -> int:
        """How many fixture tickets pin into ``slug`` (a start-up summary counts, not builds)."""
        return len(self._fixtures.get(slug, ()))

    def warm(self, seed: int, start: Callable[[Callable[[], object]], object]) -> None:
        """Build ``seed``'s data through ``start`` (a thread or a greenlet starter), so the
        server can answer its health check while it builds."""
        self.progress.begin(f"building seed {seed}", self._tickets * len(self._vendors))
        start(partial(self._warm, seed))

    def _warm(self, seed: int) -> None:
        try:
            self.datasets_for(seed)
        except Exception as error:  # a request that needs the data will raise it again
            self.progress.abandon()
            self.failure = f"{type(error).__name__}: {error}"
            log.exception("building the data for seed %s failed", seed)

    def _build(self, seed: int) -> dict[str, Dataset]:
        total = self._tickets * len(self._vendors)
        progress = self.progress
        progress.begin(f"building seed {seed}", total)
        built = {}
        try:
            for number, (slug, spec) in enumerate(self._vendors.items()):
                offset = number * self._tickets
                built[slug] = build_dataset(
                    spec.data,
                    slug,
                    seed,
                    self._tickets,
                    self._fixtures.get(slug, ()),
                    shift=self._shift,
                    advance=_offset(progress, offset),
                )
                progress.advance(offset + self._tickets)
        finally:
            progress.finish()
        return built


def _offset(progress: Progress, offset: int) -> Callable[[int], None]:
    """One vendor's build, reported as part of the whole."""
    return lambda done: progress.advance(offset + done)
