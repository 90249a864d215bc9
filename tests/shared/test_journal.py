"""The shared journal in one process: entries queued raw, prepared by the flush, stored as the
memory journal shows them."""

from __future__ import annotations

import json

import pytest

from mockdesk.core.journal import Journal, JournalFilter
from mockdesk.core.shared import SharedJournal, SharedState, tenant_key
from tests.core.test_journal import SECRET_REQUEST, eager_fields, observed
from tests.hardening.conftest import RedisServer


@pytest.fixture
def shared_journal(redis_server: RedisServer) -> SharedJournal:
    import redis

    return SharedJournal(SharedState(redis.Redis.from_url(redis_server.url)), capacity=10)


def test_the_flush_stores_exactly_the_json_an_eager_entry_had(
    shared_journal: SharedJournal,
) -> None:
    requests = [SECRET_REQUEST, observed(tenant="gw0", body=b"x" * 5000), observed(status=404)]
    recorded = [shared_journal.record(request) for request in requests]
    assert [entry.id for entry in recorded] == [0, 0, 0]  # ids are drawn in Redis
    listed = shared_journal.entries("*")  # flushes what this process queued
    assert [entry.as_dict() for entry in listed] == [
        {"id": n, **eager_fields(request)} for n, request in enumerate(requests, 1)
    ]
    lines = shared_journal._shared.client.lrange(tenant_key("default", "journal"), 0, -1)
    assert lines[0] == b"1 " + json.dumps(eager_fields(SECRET_REQUEST), ensure_ascii=False).encode()
    memory = Journal().record(SECRET_REQUEST).as_dict()
    assert listed[0].as_dict() == memory  # both journals show an entry alike
    assert "hunter2" not in lines[0].decode()


def test_filters_on_shared_entries(shared_journal: SharedJournal) -> None:
    shared_journal.record(observed(method="post", status=201))
    shared_journal.record(observed(path="/other"))
    assert [e.id for e in shared_journal.entries("default", JournalFilter(method="POST"))] == [1]
    assert [e.id for e in shared_journal.entries("default", JournalFilter(path="/other"))] == [2]
    assert [e.id for e in shared_journal.entries("default", JournalFilter(status=201))] == [1]
