"""The mock clock: offset while running, fixed while frozen, bounded, thread-safe."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marshmallow import ValidationError

from mockdesk.core.auth import AuthPolicy, Credentials, Principal
from mockdesk.core.clock import ClockCommand, MockClock, format_rfc3339, parse_rfc3339
from mockdesk.core.errors import Unauthenticated


class FakeSource:
    """Real time, under the test's control."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_unfrozen_clock_follows_real_time() -> None:
    clock = MockClock()
    assert abs(clock.now() - time.time()) < 0.5
    assert clock() == pytest.approx(clock.now(), abs=0.5)


def test_advance_is_an_offset_that_keeps_running() -> None:
    real = FakeSource()
    clock = MockClock(real)
    clock.advance(3600)
    assert clock.now() == real.now + 3600
    real.now += 5
    assert clock.now() == real.now + 3600


def test_freeze_stops_time_and_unfreeze_resumes_from_there() -> None:
    real = FakeSource()
    clock = MockClock(real)
    clock.freeze()
    frozen_at = clock.now()
    real.now += 100
    assert clock.now() == frozen_at and clock.frozen
    clock.advance(10)
    assert clock.now() == frozen_at + 10
    clock.freeze(False)
    assert clock.now() == frozen_at + 10 and not clock.frozen
    real.now += 1
    assert clock.now() == frozen_at + 11


def test_set_jumps_and_a_frozen_clock_stays_frozen() -> None:
    real = FakeSource()
    clock = MockClock(real)
    clock.freeze()
    moment = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    clock.set(moment)
    real.now += 60
    assert clock.datetime() == moment and clock.frozen


def test_reset_returns_to_real_time_unfrozen() -> None:
    real = FakeSource()
    clock = MockClock(real)
    clock.set(datetime(2040, 1, 1, tzinfo=UTC))
    clock.freeze()
    clock.reset()
    assert clock.now() == real.now and not clock.frozen


@pytest.mark.parametrize("seconds", [-1, float("nan"), float("inf")])
def test_advance_refuses_negative_or_non_finite(seconds: float) -> None:
    clock = MockClock(FakeSource())
    before = clock.now()
    with pytest.raises(ValueError, match="advance"):
        clock.advance(seconds)
    assert clock.now() == before


def test_bounds_refuse_a_time_nothing_could_render() -> None:
    clock = MockClock(FakeSource())
    with pytest.raises(ValueError):
        clock.advance(10_000 * 365 * 86400)
    with pytest.raises(ValueError):
        clock.set(datetime(1960, 1, 1, tzinfo=UTC))
    with pytest.raises(ValueError, match="timezone"):
        clock.set(datetime(2030, 1, 1))  # naive


def test_snapshot_is_rfc3339_utc() -> None:
    clock = MockClock(FakeSource())
    clock.set(datetime(2026, 11, 1, 9, 0, 0, 123456, tzinfo=UTC))
    assert clock.snapshot() == {"now": "2026-11-01T09:00:00.123Z", "frozen": False}


def test_advance_is_atomic_under_threads() -> None:
    clock = MockClock(FakeSource())
    clock.freeze()
    start = clock.now()

    def work() -> None:
        for _ in range(1000):
            clock.advance(1)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert clock.now() == start + 8000


def test_drives_oauth_token_expiry() -> None:
    clock = MockClock(FakeSource())
    credentials = Credentials(clock=clock)
    token = credentials.issue(Principal("client", frozenset({"*"})), 3600, ["*"])
    policy = AuthPolicy(schemes=("bearer",))
    assert credentials.authenticate(f"Bearer {token}", policy).name == "client"
    clock.advance(3600)
    with pytest.raises(Unauthenticated) as raised:
        credentials.authenticate(f"Bearer {token}", policy)
    assert str(raised.value.reason) == "expired"


# --- the POST /__mockdesk/clock body --------------------------------------------------------


def test_command_applies_set_then_advance_then_freeze() -> None:
    clock = MockClock(FakeSource())
    command = ClockCommand.from_json({"set": "2030-01-01T00:00:00Z", "advance": 60, "freeze": True})
    clock.apply(command)
    assert clock.snapshot() == {"now": "2030-01-01T00:01:00.000Z", "frozen": True}
    clock.apply(ClockCommand.from_json({"freeze": False}))
    assert not clock.frozen


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ([], "_schema"),
        ({}, "_schema"),
        ({"advance": -1}, "advance"),
        ({"advance": "10"}, "advance"),
        ({"advance": True}, "advance"),
        ({"advance": float("nan")}, "advance"),
        ({"advance": 10**400}, "advance"),
        ({"freeze": "yes"}, "freeze"),
        ({"freeze": 1}, "freeze"),
        ({"set": "2030-01-01"}, "set"),
        ({"set": "2030-01-01T00:00:00"}, "set"),
        ({"set": "2030-02-30T00:00:00Z"}, "set"),
        ({"set": "9999-01-01T00:00:00Z"}, "set"),
        ({"set": 1893456000}, "set"),
        ({"speed": 2}, "speed"),
        ({"\ud800": 2}, "\\ud800"),
    ],
)
def test_command_names_the_bad_field(body: object, field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        ClockCommand.from_json(body)
    assert field in raised.value.messages


def test_apply_out_of_bounds_is_a_field_error_and_changes_nothing() -> None:
    clock = MockClock(FakeSource())
    clock.set(datetime(8999, 12, 31, tzinfo=UTC))
    before = clock.now()
    with pytest.raises(ValidationError) as raised:
        clock.apply(ClockCommand.from_json({"advance": 10 * 86400}))
    assert "advance" in raised.value.messages
    assert clock.now() == before


def test_parse_rfc3339_accepts_offsets_lowercase_and_nanoseconds() -> None:
    expected = datetime(2030, 1, 1, 1, 0, 0, 123456, tzinfo=UTC)
    assert parse_rfc3339("2030-01-01T02:00:00.123456789+01:00") == expected
    assert parse_rfc3339("2030-01-01t01:00:00.123456z") == expected


@settings(deadline=None)
@given(st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(8999, 1, 1)))
def test_format_then_parse_round_trips_to_the_millisecond(moment: datetime) -> None:
    aware = moment.replace(tzinfo=UTC)
    text = format_rfc3339(aware.timestamp())
    back = parse_rfc3339(text)
    # truncated to the millisecond, plus float error (about 60 µs near year 9000)
    assert abs(back - aware) <= timedelta(milliseconds=1, microseconds=100)
    assert back.tzinfo is not None and back.utcoffset() == timedelta(0)
