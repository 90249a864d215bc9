"""Rate limits: one limit per vendor with a renderable window; hit-and-read as one step (in
memory and in a real Redis), exact ``Remaining`` under concurrency, fail-open when Redis is
down, and the health probe."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from mockdesk.core.errors import RateLimited, RateLimitStatus
from mockdesk.core.ratelimit import (
    MAX_WINDOW_SECONDS,
    RETRY_AFTER_SECONDS,
    CounterStore,
    RedisStorage,
    StorageError,
    parse_limit,
)
from mockdesk.core.windows import WindowCounter
from tests.conftest import start_server
from tests.hardening.conftest import RedisServer


class FakeClock:
    def __init__(self, now: float = 1_790_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1/second;2/minute", "must be one limit, e.g. 30/minute (got 2"),
        ("1/second, 2/minute", "must be one limit"),
        ("1/9000 year", "window must be at most 1 year"),
        ("1/2 year", "window must be at most 1 year"),
        ("1/361 day", "window must be at most 1 year"),
        ("0/minute", "amount must be between 1 and"),
        ("2000000000/minute", "amount must be between 1 and"),
        ("9" * 5000 + "/minute", "is not a limit like 30/minute, 4/second or off (too long)"),
        ("often", "is not a limit like 30/minute"),
        ("", "is not a limit"),
    ],
)
def test_limits_that_cannot_be_honoured_are_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="^" + re.escape(message)):
        parse_limit(text)


def test_the_largest_window_still_renders_as_a_date() -> None:
    limit = parse_limit("1/year")
    assert limit is not None and limit.get_expiry() == MAX_WINDOW_SECONDS
    assert parse_limit("1/360 day") is not None
    assert parse_limit(" OFF ") is None
    with pytest.raises(ValueError, match="must be a string"):
        parse_limit(30)  # type: ignore[arg-type]


def hammer(limiter: WindowCounter, limit_text: str, calls: int) -> list[RateLimitStatus | None]:
    """``calls`` hits at once from as many threads; None for each refused one."""
    limit = parse_limit(limit_text)
    assert limit is not None
    start = threading.Barrier(calls)

    def one(_: int) -> RateLimitStatus | None:
        start.wait()
        try:
            return limiter.hit(limit, "v", "key")
        except RateLimited as refused:
            assert refused.rate_limit.remaining == 0
            return None

    with ThreadPoolExecutor(calls) as pool:
        return list(pool.map(one, range(calls)))


def assert_exact(results: list[RateLimitStatus | None], amount: int) -> None:
    admitted = [r.remaining for r in results if r is not None]
    assert sorted(admitted) == list(range(amount))  # every Remaining value exactly once
    assert results.count(None) == len(results) - amount


def test_memory_hit_and_read_is_one_step() -> None:
    assert_exact(hammer(CounterStore().windows(), "30/minute", 45), 30)


def test_redis_hit_and_read_is_one_step(redis_server: RedisServer) -> None:
    assert_exact(hammer(CounterStore(redis_server.url).windows(), "30/minute", 45), 30)


def test_two_limiters_on_one_redis_count_as_one(redis_server: RedisServer) -> None:
    """Two workers (two limiters, two pools) share the window exactly."""
    limit = parse_limit("20/minute")
    assert limit is not None
    workers = [CounterStore(redis_server.url).windows(), CounterStore(redis_server.url).windows()]
    remaining: list[int] = []
    refused = 0
    for i in range(30):
        try:
            remaining.append(workers[i % 2].hit(limit, "v", "k").remaining)
        except RateLimited:
            refused += 1
    assert remaining == list(range(19, -1, -1)) and refused == 10


def test_redis_windows_move_with_the_callers_clock(redis_server: RedisServer) -> None:
    clock = FakeClock()
    limiter = CounterStore(redis_server.url).windows(clock)
    limit = parse_limit("2/minute")
    assert limit is not None
    first = limiter.hit(limit, "v", "k")
    assert (first.remaining, first.reset_at) == (1, clock.now + 60)
    clock.now += 10
    assert limiter.hit(limit, "v", "k").remaining == 0
    with pytest.raises(RateLimited) as caught:
        limiter.hit(limit, "v", "k")
    assert caught.value.rate_limit.retry_after == 50
    assert limiter.peek(limit, "v", "k").remaining == 0  # reading does not count
    clock.now += 50  # the first hit is exactly 60 s old: it still counts, as in memory
    with pytest.raises(RateLimited):
        limiter.hit(limit, "v", "k")
    clock.now += 0.5
    assert limiter.hit(limit, "v", "k").remaining == 0
    other = parse_limit("5/minute")
    assert other is not None
    assert limiter.hit(other, "v", "k").remaining == 4  # a changed limit counts from zero
    limiter.hit(other, "w", "a:b")
    assert [(s.vendor, s.credential, s.used, s.remaining) for s in limiter.snapshot()] == [
        ("v", "k", 1, 4),
        ("w", "a:b", 1, 4),
    ]
    assert limiter.snapshot()[0].reset_at == clock.now + 60
    limiter.forget()
    assert limiter.peek(other, "v", "k").remaining == 5


def test_tenants_and_vendors_do_not_share_redis_windows(redis_server: RedisServer) -> None:
    storage = RedisStorage.open(redis_server.url)
    clock = FakeClock()
    limit = parse_limit("1/minute")
    assert limit is not None
    a, b = storage.windows(clock, "a"), storage.windows(clock, "a:1:b")
    a.hit(limit, "v", "k")
    b.hit(limit, "v", "k")
    a.hit(limit, "w", "k")
    with pytest.raises(RateLimited):
        a.hit(limit, "v", "k")
    a.forget("v")
    a.hit(limit, "v", "k")
    with pytest.raises(RateLimited):
        a.hit(limit, "w", "k")  # forgetting one vendor kept the other


def test_redis_down_fails_open_logs_once_and_recovers(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    store = CounterStore(redis_server.url)
    limiter = store.windows()
    limit = parse_limit("2/minute")
    assert limit is not None
    assert store.healthy()
    limiter.hit(limit, "v", "k")
    redis_server.stop()
    caplog.set_level(logging.WARNING, logger="mockdesk.storage")
    for _ in range(5):  # admitted, with the headers of a fresh window
        assert limiter.hit(limit, "v", "k").remaining == 1
    assert limiter.peek(limit, "v", "k").remaining == 2
    limiter.forget()  # no raise either
    assert not store.healthy()
    warnings = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(warnings) == 1 and "admitting requests" in warnings[0].getMessage()
    redis_server.start()  # same port, empty
    assert store.healthy()
    assert limiter.hit(limit, "v", "k").remaining == 1
    assert any("is back" in r.getMessage() for r in caplog.records)


def test_memory_storage_is_always_healthy() -> None:
    assert CounterStore("memory://").healthy()


def test_an_unreachable_redis_at_start_is_a_storage_error() -> None:
    pytest.importorskip("redis")
    with pytest.raises(StorageError, match=r"^state: cannot use redis://127\.0\.0\.1:1/0"):
        CounterStore("redis://127.0.0.1:1/0")


# --- end to end: mockdesk serve on a real Redis ---------------------------------------------

IPPANEL = "/v1/api/ticket"
IPPANEL_AUTH = {"Authorization": "mockdesk-token", "Connection": "close"}


def burst(urls: list[str], calls: int) -> list[requests.Response]:
    barrier = threading.Barrier(calls)

    def one(i: int) -> requests.Response:
        barrier.wait()
        return requests.get(urls[i % len(urls)] + IPPANEL, headers=IPPANEL_AUTH, timeout=30)

    with ThreadPoolExecutor(calls) as pool:
        return list(pool.map(one, range(calls)))


def test_served_remaining_is_exact_under_concurrency_across_two_servers(
    redis_server: RedisServer,
) -> None:
    """IPPanel allows 60/minute: 80 requests at once, half to each of two processes sharing
    one Redis, get exactly 60 × 200 with Remaining 59…0 once each, and 20 × 429."""
    servers = [
        start_server("--vendor", "ippanel", "--tickets", "20", "--storage-uri", redis_server.url)
        for _ in range(2)
    ]
    try:
        responses = burst([s.url for s in servers], 80)
    finally:
        for server in servers:
            server.stop()
    statuses = Counter(r.status_code for r in responses)
    assert statuses == {200: 60, 429: 20}
    remaining = sorted(int(r.headers["X-RateLimit-Remaining"]) for r in responses if r.ok)
    assert remaining == list(range(60))


def test_served_requests_never_500_while_redis_is_down(redis_server: RedisServer) -> None:
    server = start_server(
        "--vendor", "ippanel", "--tickets", "20", "--storage-uri", redis_server.url
    )
    try:
        url = server.url + IPPANEL
        assert requests.get(url, headers=IPPANEL_AUTH, timeout=10).status_code == 200
        redis_server.stop()
        down = [requests.get(url, headers=IPPANEL_AUTH, timeout=10) for _ in range(5)]
        assert [r.status_code for r in down] == [200] * 5
        assert all(r.headers["X-RateLimit-Remaining"] == "59" for r in down)
        redis_server.start()
        time.sleep(RETRY_AFTER_SECONDS + 0.2)  # Redis is not asked again until then
        back = requests.get(url, headers=IPPANEL_AUTH, timeout=10)
        assert back.status_code == 200 and back.headers["X-RateLimit-Remaining"] == "59"
        again = requests.get(url, headers=IPPANEL_AUTH, timeout=10)
        assert again.headers["X-RateLimit-Remaining"] == "58"
    finally:
        server.stop()
