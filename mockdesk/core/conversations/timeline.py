"""When each message was sent: agents answer in office hours, customers whenever they like,
robots at once, and everything fits between the ticket's opening and "now".

Fixed UTC offsets instead of time-zone rules: the result must not depend on the tzdata a machine
happens to have installed, and support hours are only "business-ish" anyway.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from random import Random
from types import MappingProxyType

from mockdesk.core.conversations.model import Language, Step

_MINUTE = 60
_HOUR = 3600
_DAY = 86400


@dataclass(frozen=True, slots=True)
class BusinessHours:
    """Opening hours per weekday (Monday first), as (start hour, end hour) or ``None``."""

    utc_offset: timedelta
    days: tuple[tuple[int, int] | None, ...]

    def local(self, moment: datetime) -> datetime:
        return moment + self.utc_offset

    def is_open(self, moment: datetime) -> bool:
        local = self.local(moment)
        hours = self.days[local.weekday()]
        return hours is not None and hours[0] <= local.hour < hours[1]

    def next_open(self, moment: datetime) -> datetime:
        """``moment`` if the desk is open then, else the start of the next opening."""
        if self.is_open(moment):
            return moment
        local = self.local(moment)
        for ahead in range(8):
            day = (local + timedelta(days=ahead)).replace(hour=0, minute=0, second=0,
                                                          microsecond=0)  # fmt: skip
            hours = self.days[day.weekday()]
            if hours is None:
                continue
            start = day + timedelta(hours=hours[0])
            if start >= local:
                return start - self.utc_offset
        return moment  # a desk that is never open answers whenever it can


_WEEKDAYS_9_TO_6 = ((9, 18),) * 5 + (None, None)
_WEEKDAYS_8_TO_5 = ((8, 17),) * 5 + (None, None)
# Iran: Saturday to Wednesday, a short Thursday, Friday off; no daylight saving since 2022.
_IRAN = ((8, 17), (8, 17), (8, 17), (8, 13), None, (8, 17), (8, 17))

DEFAULT_HOURS: Mapping[Language, BusinessHours] = MappingProxyType(
    {
        Language.EN: BusinessHours(timedelta(0), _WEEKDAYS_9_TO_6),
        Language.FA: BusinessHours(timedelta(hours=3, minutes=30), _IRAN),
        Language.SV: BusinessHours(timedelta(hours=1), _WEEKDAYS_8_TO_5),
        Language.NL: BusinessHours(timedelta(hours=1), _WEEKDAYS_8_TO_5),
        Language.DE: BusinessHours(timedelta(hours=1), _WEEKDAYS_8_TO_5),
        Language.FR: BusinessHours(timedelta(hours=1), _WEEKDAYS_8_TO_5),
    }
)

_AGENT_STEPS = frozenset({Step.ASK, Step.PROGRESS, Step.RESOLVE})
_CUSTOMER_STEPS = frozenset({Step.PROVIDE, Step.NUDGE, Step.STILL, Step.THANKS, Step.ADDENDUM})


def _between(rng: Random, low: int, high: int) -> int:
    return rng.randrange(low, high)


def _agent_delay(rng: Random, hours: BusinessHours, after: datetime) -> int:
    """Seconds until an agent answers a message sent at ``after``: fast in office hours,
    next morning otherwise."""
    start = hours.next_open(after + timedelta(seconds=_MINUTE))
    waited = int((start - after).total_seconds())
    roll = rng.random()
    if roll < 0.45:
        extra = _between(rng, 4 * _MINUTE, 45 * _MINUTE)
    elif roll < 0.85:
        extra = _between(rng, 45 * _MINUTE, 3 * _HOUR)
    else:
        extra = _between(rng, 3 * _HOUR, 7 * _HOUR)
    return waited + extra


def _customer_delay(rng: Random, hours: BusinessHours, step: Step, after: datetime) -> int:
    """Seconds until the customer writes again; few people write between midnight and seven."""
    low, high = {
        Step.ADDENDUM: (2 * _MINUTE, 50 * _MINUTE),
        Step.PROVIDE: (6 * _MINUTE, 26 * _HOUR),
        Step.NUDGE: (_DAY, 4 * _DAY),
        Step.STILL: (30 * _MINUTE, 30 * _HOUR),
        Step.THANKS: (3 * _MINUTE, 9 * _HOUR),
    }[step]
    delay = _between(rng, low, high)
    local = hours.local(after + timedelta(seconds=delay))
    if local.hour < 7:
        delay += (7 - local.hour) * _HOUR + _between(rng, 0, 2 * _HOUR)
    return delay


def natural_gaps(
    rng: Random, steps: Sequence[Step], opened_at: datetime, hours: BusinessHours
) -> list[int]:
    """Seconds between each message and the previous one, as an unhurried ticket would have them.
    One gap per step after the first (the opening is sent at ``opened_at``)."""
    gaps: list[int] = []
    moment = opened_at
    for previous, step in pairwise(steps):
        if step in _AGENT_STEPS:
            gap = _agent_delay(rng, hours, moment)
        elif step in _CUSTOMER_STEPS:
            gap = _customer_delay(rng, hours, step, moment)
        elif step is Step.ACKNOWLEDGE:
            gap = _between(rng, 2, 90)
        elif step is Step.SOLVED_NOTICE:
            gap = _between(rng, 1, 120)
        elif step in (Step.WORK_NOTE, Step.CLOSING_NOTE):
            if previous in _AGENT_STEPS or previous in (Step.WORK_NOTE, Step.CLOSING_NOTE):
                gap = _between(rng, 2 * _MINUTE, 2 * _HOUR)  # right after the agent's own work
            else:
                gap = _agent_delay(rng, hours, moment)
        elif step in (Step.REMINDER, Step.CLOSE_NO_REPLY):  # days later, in office hours
            low = 2 * _DAY if step is Step.REMINDER else 3 * _DAY
            target = moment + timedelta(seconds=_between(rng, low, low + 3 * _DAY))
            gap = int((hours.next_open(target) - moment).total_seconds())
            gap += _between(rng, 0, 2 * _HOUR)
        else:  # Step.CLOSED_NOTICE: an automatic close some days after the last word
            gap = _between(rng, 2 * _DAY, 8 * _DAY)
        gaps.append(max(1, gap))
        moment += timedelta(seconds=gaps[-1])
    return gaps


# Waits that exist only because nobody was in a hurry: the first to shorten when time is short.
PATIENT_STEPS = frozenset({Step.NUDGE, Step.REMINDER, Step.CLOSE_NO_REPLY, Step.CLOSED_NOTICE})


def fit(
    gaps: Sequence[int], room: timedelta, patient: Sequence[bool] | None = None
) -> list[timedelta] | None:
    """The gaps (seconds), shortened if they do not all fit in ``room``.

    Time beyond an hour gives way first in the ``patient`` gaps (days before an automatic
    close, a customer's days of silence), then in every gap, so office-hour replies keep their
    rhythm as long as possible; only when that is not enough is every gap scaled down alike.
    Whole seconds while ``room`` allows one second per gap, microseconds below that; ``None``
    if not even a microsecond each fits (the ticket was opened "now").
    """
    if not gaps:
        return []
    seconds = int(room.total_seconds())
    shrunk = list(gaps)
    for only_patient in (True, False):
        if sum(shrunk) <= seconds:
            return [timedelta(seconds=g) for g in shrunk]
        excess = sum(shrunk) - seconds
        elastic = [
            max(0, g - _HOUR) if (not only_patient or (patient is not None and patient[i])) else 0
            for i, g in enumerate(shrunk)
        ]
        spare = sum(elastic)
        if spare >= excess:
            cut = [g - e * excess // spare for g, e in zip(shrunk, elastic, strict=True)]
            return [timedelta(seconds=g) for g in _trim(cut, seconds)]
        shrunk = [g - e for g, e in zip(shrunk, elastic, strict=True)]
    room_us = room // timedelta(microseconds=1)
    if seconds >= len(gaps):
        unit, budget, scaled_gaps = timedelta(seconds=1), seconds, shrunk
    elif room_us >= len(gaps):
        unit, budget = timedelta(microseconds=1), room_us
        scaled_gaps = [g * 1_000_000 for g in shrunk]
    else:
        return None
    whole = sum(scaled_gaps)
    scaled = [max(1, g * budget // whole) for g in scaled_gaps]
    return [unit * g for g in _trim(scaled, budget)]


def _trim(gaps: list[int], budget: int) -> list[int]:
    """Take the rounding leftovers (a few units) off the longest gaps until the sum fits."""
    while sum(gaps) > budget:
        longest = max(range(len(gaps)), key=lambda i: gaps[i])
        gaps[longest] -= min(gaps[longest] - 1, sum(gaps) - budget)
    return gaps
