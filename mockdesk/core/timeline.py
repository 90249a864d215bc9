"""When things happened: a fixed timeline and gap-y ids every vendor's generator shares.

Times hang off a fixed epoch, never the clock, so the same seed gives the same data on any day.
Ticket ``index`` 0 is the newest; both time and id fall as the index grows, as they do in a real
helpdesk whose ids come from an auto-increment column.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from random import Random

DATA_EPOCH = datetime(2026, 11, 1, 9, 0, 0, tzinfo=UTC)
TICKET_SPACING = timedelta(hours=3)
# The latest moment generated activity (a reply, a comment) may carry: nothing is stamped at
# the data's "now" itself.
LAST_MOMENT = DATA_EPOCH - timedelta(seconds=1)


def created_at_for(rng: Random, index: int, spacing: timedelta = TICKET_SPACING) -> datetime:
    """When ticket ``index`` was opened: strictly older than ticket ``index - 1``."""
    jitter = timedelta(seconds=rng.randrange(int(spacing.total_seconds()) - 1))
    return DATA_EPOCH - spacing * index - jitter


def later(rng: Random, start: datetime, max_delta: timedelta) -> datetime:
    """A moment after ``start`` (by up to ``max_delta``), whole seconds, never past the epoch."""
    seconds = rng.randrange(60, max(61, int(max_delta.total_seconds())))
    return min(start + timedelta(seconds=seconds), DATA_EPOCH)


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
