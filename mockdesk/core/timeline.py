"""When things happened: a fixed timeline and gap-y ids every vendor's generator shares.

Times hang off a fixed epoch, never the clock, so the same seed gives the same data on any day.
Ticket ``index`` 0 is the newest; both time and id fall as the index grows, as they do in a real
helpdesk whose ids come from an auto-increment column.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass, replace
from datetime import UTC, datetime, timedelta
from random import Random
from types import MappingProxyType
from typing import Any, TypeVar, cast

import numpy as np
import numpy.typing as npt

from mockdesk.core.lanes import Indexes, Lanes

T = TypeVar("T")

DATA_EPOCH = datetime(2026, 11, 1, 9, 0, 0, tzinfo=UTC)
TICKET_SPACING = timedelta(hours=3)
# The latest moment generated activity (a reply, a comment) may carry: nothing is stamped at
# the data's "now" itself.
LAST_MOMENT = DATA_EPOCH - timedelta(seconds=1)
NEWEST_AGE = timedelta(minutes=30)  # the newest ticket was opened at most this long before


def id_for(rng: Random, index: int, top: int, gap: int = 3) -> int:
    """An id that falls with ``index`` and leaves gaps, like rows deleted from a live table."""
    return top - index * gap - rng.randrange(gap)


def utc_millis(moment: datetime | None) -> str | None:
    """RFC 3339 in UTC with milliseconds and ``Z`` (``2024-04-24T16:17:38.594Z``), as JavaScript's
    ``toISOString`` and Go services write it; None stays None."""
    if moment is None:
        return None
    utc = moment.astimezone(UTC)
    return f"{utc:%Y-%m-%dT%H:%M:%S}.{utc.microsecond // 1000:03d}Z"


def shifted(value: T, delta: timedelta) -> T:
    """``value`` with every datetime in it moved by ``delta`` (``--epoch``): datetimes inside
    dataclasses, tuples, lists and mappings, rebuilt; anything else is returned as it is."""
    if not delta:
        return value
    return cast(T, _shift(value, delta))


def _shift(value: Any, delta: timedelta) -> Any:
    if isinstance(value, datetime):
        return value + delta
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _shift(getattr(value, f.name), delta) for f in fields(value) if f.init}
        return replace(value, **changes)
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple(_shift(item, delta) for item in value)
    if isinstance(value, list):
        return [_shift(item, delta) for item in value]
    if isinstance(value, Mapping):
        moved = {key: _shift(item, delta) for key, item in value.items()}
        return MappingProxyType(moved) if isinstance(value, MappingProxyType) else moved
    return value


EPOCH_SECONDS = DATA_EPOCH.timestamp()
LAST_SECONDS = LAST_MOMENT.timestamp()


def opened_seconds(indexes: Indexes, share: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """When tickets ``indexes`` were opened, as whole Unix seconds, for every vendor's time
    column: ticket 0 within :data:`NEWEST_AGE` of the epoch (so with ``--epoch now`` the
    newest ticket is minutes old), ticket N ≥ 1 inside the N-th :data:`TICKET_SPACING` before
    it, so each is strictly older than the one before. ``share`` places each ticket in its
    slot: a uniform [0, 1) per ticket, from the vendor's own random stream."""
    step = TICKET_SPACING.total_seconds()
    newest = 60 + share * (NEWEST_AGE.total_seconds() - 60)
    older = step * indexes + share * (step - 1)
    found: npt.NDArray[np.float64] = np.floor(EPOCH_SECONDS - np.where(indexes == 0, newest, older))
    return found


def touched_seconds(
    lanes: Lanes,
    indexes: Indexes,
    opened: npt.NDArray[np.float64],
    mean_gap: npt.NDArray[np.float64] | float,
) -> npt.NDArray[np.float64]:
    """When tickets last changed, as Unix seconds: an exponential gap after ``opened`` (mean
    ``mean_gap`` seconds, per ticket or for all), but never past a random share of the time
    left before :data:`LAST_MOMENT`, so young tickets spread over their short lives instead of
    piling up at the epoch. Whole seconds, at least a minute after opening when there is room.
    """
    room = LAST_SECONDS - opened
    gap = -np.log1p(-lanes.uniform("touched", indexes)) * mean_gap
    share = 0.15 + 0.85 * lanes.uniform("touched-share", indexes)
    gap = np.minimum(gap, room * share)
    gap = np.maximum(gap, np.minimum(60.0, room * share))
    return np.floor(opened + gap)
