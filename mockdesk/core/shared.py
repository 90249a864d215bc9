"""Run-time state in Redis (``--state redis://…``): one server across workers and replicas.

Each concern keeps one interface: the in-memory class (today's code) and a subclass here that
keeps the truth in Redis and a local copy for reading, chosen by :class:`MockdeskState` from the
state URL. Nothing is copied between the two: the subclasses reuse the memory classes' logic
(matching, redaction, clock arithmetic, token checks) and only change where data is kept.

**Versions.** Every change bumps a field of one hash (``mockdesk:versions``: ``seed``,
``reset``, ``tenants``, ``t:<tenant>:clock|faults|meta|tokens``) and one counter
(``mockdesk:gen``) in the same transaction as the data. A request first reads the counter
(:meth:`SharedState.sync`, one ``GET``); only when it moved does the worker read the hash and
reload the parts whose version changed. So a vendor request waits for: that ``GET`` and the
rate-limit script (:mod:`mockdesk.core.ratelimit`): two round trips, plus one fault script when
the tenant has fault rules, plus one ``HGET`` for an issued token this worker has not seen yet.
Its journal entry is sent in the background (:class:`SharedJournal`). Runtime tickets are
re-read (one pipeline) only by the first request that needs them after they moved.

**Atomic where it matters.** Fault rules fire in a Lua script that counts and removes a rule
in one step, so ``times: 2`` fires exactly twice across every worker; the journal's ids come
from one counter in the recording script; windows are one script already. A clock or limit
change is a value written whole (last writer wins, as in one process).

**Redis down.** Reads fall back to the local copy (a warning logged by the storage); a sync
that fails is retried at the next request.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Hashable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

from limits import RateLimitItem
from marshmallow import ValidationError

from mockdesk.core.auth import Credentials, IssuedToken, Principal
from mockdesk.core.clock import ClockCommand, MockClock
from mockdesk.core.faults import FaultBook, FaultDecision, FaultRule, RequestFacts, RuleSpec
from mockdesk.core.journal import (
    ALL_TENANTS,
    Journal,
    JournalEntry,
    JournalFilter,
    Observed,
    Subscription,
    current_pid,
)
from mockdesk.core.ratelimit import parse_limit
from mockdesk.core.runtime import Change, Loader, Overlay, RuntimeTickets
from mockdesk.core.store import TicketStore
from mockdesk.core.tenants import DEFAULT_TENANT, Tenant, TenantBook, TenantError, tenant_name

log = logging.getLogger("mockdesk.storage")
T = TypeVar("T")
W = TypeVar("W")

PREFIX = "mockdesk:"
VERSIONS = PREFIX + "versions"
GEN = PREFIX + "gen"
SEED = PREFIX + "seed"
TENANTS = PREFIX + "tenants"
FAULT_IDS = PREFIX + "fault-ids"
JOURNAL_IDS = PREFIX + "journal-ids"
JOURNAL_TENANTS = PREFIX + "journal-tenants"
JOURNAL_CHANNEL = PREFIX + "journal-feed"

# KEYS: specs, times, fired, versions, gen. ARGV: version field, then candidate rule ids in
# order. The first candidate still stored fires: its count goes up and, once used up, it is
# removed (and the version bumped, so every worker drops it). Returns {id, fired} or nil.
_PICK = """
for i = 2, #ARGV do
  local id = ARGV[i]
  if redis.call('HEXISTS', KEYS[1], id) == 1 then
    local fired = redis.call('HINCRBY', KEYS[3], id, 1)
    local times = redis.call('HGET', KEYS[2], id)
    if times and times ~= '' and fired >= tonumber(times) then
      redis.call('HDEL', KEYS[1], id)
      redis.call('HDEL', KEYS[2], id)
      redis.call('HDEL', KEYS[3], id)
      redis.call('HINCRBY', KEYS[4], ARGV[1], 1)
      redis.call('INCR', KEYS[5])
    end
    return {tonumber(id), fired}
  end
end
return false
"""

# KEYS: ids, entries list, tenants set, channel. ARGV: tenant, capacity, entry JSON (no id).
# Stored and published as "<id> <json>"; returns the id.
_RECORD = """
local id = redis.call('INCR', KEYS[1])
local line = id .. ' ' .. ARGV[3]
-- trimmed only when over: an LTRIM that removes nothing still costs ~0.5 ms on a long list
if redis.call('RPUSH', KEYS[2], line) > tonumber(ARGV[2]) then
  redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
end
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('PUBLISH', KEYS[4], line)
return id
"""

# KEYS: tenants set, versions, gen. ARGV: name, maximum. 1 added, 0 known, -1 full.
_JOIN = """
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 0 end
if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then return -1 end
redis.call('SADD', KEYS[1], ARGV[1])
return 1
"""


def _count(gen: bytes | None) -> int:
    return 0 if gen is None else int(gen)


def tenant_key(name: str, part: str) -> str:
    """A tenant's key for ``part``; length-prefixed, so no name can spell another's key."""
    return f"{PREFIX}t:{len(name)}:{name}:{part}"


class FreshRead:
    """One read shared by every concurrent caller that it cannot be stale for (a group commit).

    Why: each vendor request must see every change finished before it arrived, so it reads the
    version counter; under load, most of a Redis worker's time went to those reads. A caller
    waits while a read is in flight and then takes the next one, issued after it arrived, with
    everyone else who arrived meanwhile: one round trip per batch instead of per request, and
    never a value read before the caller came.
    """

    def __init__(self, read: Callable[[], Any]) -> None:
        self._read = read
        self._arrived = 0  # callers so far
        self._covered = 0  # callers that arrived before the last completed read was issued
        self._value: Any = None
        self._count_lock = threading.Lock()
        self._read_lock = threading.Lock()

    def __call__(self) -> Any:
        with self._count_lock:
            self._arrived += 1
            arrival = self._arrived
        with self._read_lock:
            if self._covered >= arrival:
                return self._value
            covered = self._arrived  # every caller counted so far arrived before this read
            value = self._read()
            self._value, self._covered = value, covered
            return value


class SharedState:
    """The Redis client, the version bookkeeping and the per-request sync of one process."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self._read_gen = FreshRead(lambda: client.get(GEN))
        self._gen: bytes | None = None
        self._seen: dict[bytes, bytes] = {}
        self._sync_lock = threading.Lock()
        self.pick = client.register_script(_PICK)
        self.record = client.register_script(_RECORD)
        self.join = client.register_script(_JOIN)

    def publish(self, write: Callable[[Any], object], *fields: str) -> list[Any]:
        """Run ``write(pipeline)`` and bump ``fields`` in one transaction; its results."""
        pipe = self.client.pipeline(transaction=True)
        write(pipe)
        for name in fields:
            pipe.hincrby(VERSIONS, name, 1)
        pipe.incr(GEN)
        results: list[Any] = pipe.execute()
        return results

    def sync(self, apply: Callable[[set[str]], None], gen: bytes | None = None) -> None:
        """Run ``apply(fields that moved)`` when the counter moved since the last sync (one
        ``GET`` when it did not; ``gen``: the counter when the caller already read it).

        Concurrent requests of this process that see the counter move wait for the one that
        applies the change, so none of them is served from the copy before it."""
        try:
            if gen is None:
                gen = self._read_gen()
            if gen == self._gen:
                return
            with self._sync_lock:
                if _count(gen) <= _count(self._gen):
                    return  # another request applied this change (or a newer one) meanwhile
                versions: dict[bytes, bytes] = self.client.hgetall(VERSIONS)
                seen = self._seen
                moved = {k for k in versions.keys() | seen.keys() if versions.get(k) != seen.get(k)}
                apply({name.decode() for name in moved})
                self._seen = versions  # only once applied: a failed apply is retried whole
                self._gen = gen
        except Exception as error:  # Redis down: keep the local copies, try again next time
            log.debug("state sync failed: %s", type(error).__name__)

    def seed(self) -> int | None:
        value = self.client.get(SEED)
        return None if value is None else int(value)

    def adopt_seed(self, seed: int) -> int:
        """The server's seed: the one Redis holds (a replica joins the server as it is), else
        ``seed``, which this process then stores."""
        self.client.set(SEED, seed, nx=True)
        stored = self.seed()
        if stored is not None and stored != seed:
            log.warning(
                "seed %s from the shared state (not %s); a reset with a seed changes it",
                stored,
                seed,
            )
        return seed if stored is None else stored

    def set_seed(self, seed: int) -> None:
        self.publish(lambda pipe: pipe.set(SEED, seed), "seed")

    def wipe(self) -> None:
        """Every tenant's state gone (a server reset); the id counters keep counting."""
        keep = {GEN.encode(), VERSIONS.encode(), SEED.encode(), FAULT_IDS.encode()}
        keep.add(JOURNAL_IDS.encode())
        doomed = [k for k in self.client.scan_iter(match=PREFIX + "*", count=500) if k not in keep]
        for start in range(0, len(doomed), 500):
            self.client.delete(*doomed[start : start + 500])
        self.publish(lambda pipe: None, "reset")


# --- the clock -------------------------------------------------------------------------------


class SharedClock(MockClock):
    """A tenant's clock whose offset and frozen instant live in Redis (real time is each
    machine's own, as it is for every process)."""

    def __init__(self, shared: SharedState, tenant: str) -> None:
        super().__init__()
        self._shared = shared
        self._key = tenant_key(tenant, "clock")
        self._field = f"t:{tenant}:clock"

    def advance(self, seconds: float) -> float:
        moved = super().advance(seconds)
        self._store()
        return moved

    def set(self, moment: Any) -> float:
        moved = super().set(moment)
        self._store()
        return moved

    def freeze(self, frozen: bool = True) -> None:
        super().freeze(frozen)
        self._store()

    def reset(self) -> None:
        super().reset()
        self._shared.publish(lambda pipe: pipe.delete(self._key), self._field)

    def apply(self, command: ClockCommand) -> None:
        super().apply(command)
        self._store()

    def reload(self) -> None:
        offset, frozen = self._shared.client.hmget(self._key, "offset", "frozen")
        with self._lock:
            self._offset = float(offset) if offset else 0.0
            self._frozen_at = float(frozen) if frozen else None

    def _store(self) -> None:
        with self._lock:
            frozen = "" if self._frozen_at is None else repr(self._frozen_at)
            mapping = {"offset": repr(self._offset), "frozen": frozen}

        def write(pipe: Any) -> None:
            pipe.delete(self._key)
            pipe.hset(self._key, mapping=mapping)

        self._shared.publish(write, self._field)


# --- fault rules -----------------------------------------------------------------------------


class SharedFaultBook(FaultBook):
    """A tenant's rules in Redis; the local copy only says which rules could match, the Lua
    script decides which one fires (and counts it) for every worker at once."""

    def __init__(self, shared: SharedState, tenant: str, seed: int | str | None = None) -> None:
        super().__init__(seed=seed)
        self._shared = shared
        self._keys = [tenant_key(tenant, part) for part in ("faults", "times", "fired")]
        self._field = f"t:{tenant}:faults"

    def add(self, spec: RuleSpec) -> FaultRule:
        if len(self.stored()) >= self._max_rules:
            raise ValidationError(
                {"_schema": [f"at most {self._max_rules} fault rules; remove some first"]}
            )
        rule_id = int(self._shared.client.incr(FAULT_IDS))
        specs, times, _ = self._keys
        text = json.dumps(spec.as_dict())
        count = "" if spec.times is None else str(spec.times)

        def write(pipe: Any) -> None:
            pipe.hset(specs, rule_id, text)
            pipe.hset(times, rule_id, count)

        self._shared.publish(write, self._field)
        self.reload()
        return FaultRule(rule_id, spec)

    def pick(self, facts: RequestFacts) -> FaultDecision | None:
        if not self._rules:
            return None
        with self._lock:
            candidates = [
                rule
                for rule in self._rules
                if rule.spec.matches(facts)
                and (rule.spec.probability >= 1.0 or self._rng.random() < rule.spec.probability)
            ]
        if not candidates:
            return None
        try:
            fired = self._shared.pick(
                keys=[*self._keys, VERSIONS, GEN],
                args=[self._field, *(rule.id for rule in candidates)],
            )
        except Exception as error:
            log.warning("fault rules unreachable (%s); no fault applied", type(error).__name__)
            return None
        if not fired:
            return None
        rule = next(rule for rule in candidates if rule.id == int(fired[0]))
        spec = rule.spec
        delay_ms = spec.delay_ms or 0.0
        if spec.delay is not None:
            with self._lock:
                delay_ms = spec.delay.sample_ms(self._rng)
        return FaultDecision(rule.id, spec.error, delay_ms, spec.transport)

    def rules(self) -> list[FaultRule]:
        return self.stored()

    def get(self, rule_id: int) -> dict[str, Any] | None:
        found = [rule for rule in self.stored() if rule.id == rule_id]
        return found[0].as_dict() if found else None

    def remove(self, rule_id: int) -> bool:
        results = self._shared.publish(
            lambda pipe: [pipe.hdel(key, rule_id) for key in self._keys], self._field
        )
        self.reload()
        return bool(results[0])

    def clear(self) -> None:
        self._shared.publish(lambda pipe: pipe.delete(*self._keys), self._field)
        with self._lock:
            self._rules = []
            self._rng.seed(self._seed)

    def reload(self) -> None:
        rules = self.stored()
        with self._lock:
            self._rules = rules

    def stored(self) -> list[FaultRule]:
        """The rules in Redis, in the order added, with how often each has fired."""
        pipe = self._shared.client.pipeline(transaction=False)
        for key in self._keys:
            pipe.hgetall(key)
        specs, _, fired = pipe.execute()
        rules = []
        for raw_id, text in specs.items():
            rule_id = int(raw_id)
            spec = RuleSpec.from_json(json.loads(text))
            rules.append(FaultRule(rule_id, spec, int(fired.get(raw_id, 0))))
        return sorted(rules, key=lambda rule: rule.id)


# --- the journal -----------------------------------------------------------------------------


class SharedJournal(Journal):
    """Every tenant's entries in Redis lists (``capacity`` each, the oldest dropped), ids from
    one counter, new entries published to every process's feed subscribers.

    A request does not wait for Redis to store its entry: :meth:`record` queues it and a
    background greenlet (a thread outside gevent) sends whatever is queued as one pipeline,
    at once when idle, or as soon as the batch in flight is answered. Another worker sees an
    entry as soon as that pipeline lands (well under a millisecond when idle); this worker
    sends everything queued before it reads or clears the journal. The entry :meth:`record`
    returns has id 0: its id is drawn in Redis when it is stored."""

    def __init__(self, shared: SharedState, capacity: int) -> None:
        super().__init__(capacity=capacity)
        self._shared = shared
        self._listener: threading.Thread | None = None
        self._pending: list[JournalEntry] = []  # recorded, not yet prepared nor sent
        self._queue_lock = threading.Lock()
        self._send_lock = threading.Lock()  # one batch in flight; flush() waits for it
        self._wake = threading.Event()
        self._flusher: threading.Thread | None = None
        self._flusher_pid = 0

    def record(self, observed: Observed) -> JournalEntry:
        pid = current_pid()
        entry = JournalEntry.recorded(0, observed, self.body_cap, pid)  # prepared when flushed
        with self._queue_lock:
            self._pending.append(entry)
            if self._flusher is None or self._flusher_pid != pid:
                self._flusher_pid = pid  # a forked worker starts its own
                self._flusher = threading.Thread(target=self._flush_forever, daemon=True)
                self._flusher.start()
        self._wake.set()
        return entry

    def flush(self) -> None:
        """Store every entry this process queued (waits for the batch in flight too); each is
        redacted and formatted here, off the request that recorded it."""
        with self._send_lock:
            with self._queue_lock:
                batch, self._pending = self._pending, []
            if not batch:
                return
            pipe = self._shared.client.pipeline(transaction=False)
            for entry in batch:
                tenant = entry.tenant
                try:
                    text = json.dumps(entry.fields(), ensure_ascii=False)
                except Exception:  # never expected; one entry must not cost the batch
                    log.exception("journal entry of %s not prepared; not kept", tenant)
                    continue
                keys = [JOURNAL_IDS, _entries_key(tenant), JOURNAL_TENANTS, JOURNAL_CHANNEL]
                self._shared.record(keys=keys, args=[tenant, self.capacity, text], client=pipe)
            try:
                pipe.execute()
            except Exception as error:
                log.warning(
                    "journal unreachable (%s); %d entries not kept",
                    type(error).__name__,
                    len(batch),
                )

    def _flush_forever(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            self.flush()

    def entries(
        self, tenant: str, where: JournalFilter | None = None, limit: int | None = None
    ) -> list[JournalEntry]:
        self.flush()
        where = where or JournalFilter()
        client = self._shared.client
        if tenant == ALL_TENANTS:
            names = sorted(name.decode() for name in client.smembers(JOURNAL_TENANTS))
        else:
            names = [tenant]
        pipe = client.pipeline(transaction=False)
        for name in names:
            pipe.lrange(_entries_key(name), 0, -1)
        pool = sorted((_parse(line) for lines in pipe.execute() for line in lines), key=_id)
        found = [entry for entry in pool if where.matches(entry)]
        return found[-limit:] if limit is not None and limit >= 0 else found

    def clear(self, tenant: str | None = None) -> None:
        self.flush()
        client = self._shared.client
        if tenant is None or tenant == ALL_TENANTS:
            names = [name.decode() for name in client.smembers(JOURNAL_TENANTS)]
            client.delete(JOURNAL_TENANTS, *(_entries_key(name) for name in names))
        else:
            client.pipeline().delete(_entries_key(tenant)).srem(JOURNAL_TENANTS, tenant).execute()

    def subscribe(self, tenant: str = ALL_TENANTS, maxsize: int = 256) -> Subscription:
        subscription = super().subscribe(tenant, maxsize)
        with self._lock:
            if self._listener is None or not self._listener.is_alive():
                self._listener = threading.Thread(target=self._listen, daemon=True)
                self._listener.start()
        return subscription

    def _listen(self) -> None:
        """Offer every worker's new entries to this process's subscribers, while it has any."""
        pubsub = self._shared.client.pubsub(ignore_subscribe_messages=True)
        try:
            pubsub.subscribe(JOURNAL_CHANNEL)
            while self.subscriber_count():
                message = pubsub.get_message(timeout=1.0)
                if message and message.get("type") == "message":
                    self.offer(_parse(message["data"]))
        except Exception as error:
            log.warning("journal feed lost Redis (%s)", type(error).__name__)
        finally:
            pubsub.close()
            with self._lock:
                self._listener = None


def _entries_key(tenant: str) -> str:
    return tenant_key(tenant, "journal")


def _parse(line: bytes) -> JournalEntry:
    raw_id, _, text = line.partition(b" ")
    return JournalEntry(id=int(raw_id), **json.loads(text))


def _id(entry: JournalEntry) -> int:
    return entry.id


# --- issued tokens ---------------------------------------------------------------------------


class SharedCredentials(Credentials):
    """Issued tokens in a Redis hash; each worker caches those it has met, and drops its cache
    when a token is expired or forgotten anywhere."""

    def __init__(self, shared: SharedState, tenant: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._shared = shared
        self._key = tenant_key(tenant, "tokens")
        self._field = f"t:{tenant}:tokens"

    def issue(
        self,
        principal: Principal,
        ttl_seconds: int,
        scopes: Iterable[str],
        issuer: str | None = None,
    ) -> str:
        token = super().issue(principal, ttl_seconds, scopes, issuer)
        self._shared.client.hset(self._key, token, _token_text(self._issued[token]))
        return token

    def issued_token(self, token: str) -> IssuedToken | None:
        found = self._issued.get(token)
        if found is not None:
            return found
        try:
            text = self._shared.client.hget(self._key, token)
        except Exception:
            return None
        if text is None:
            return None
        issued = _token_from(text)
        self._issued[token] = issued
        return issued

    def expire_issued(self) -> int:
        now = self.clock()
        stored = {
            token.decode(): _token_from(text)
            for token, text in self._shared.client.hgetall(self._key).items()
        }
        expired = {
            token: _token_text(IssuedToken(issued.principal, issued.issuer, now))
            for token, issued in stored.items()
        }
        if expired:
            self._shared.publish(lambda pipe: pipe.hset(self._key, mapping=expired), self._field)
        self.reload()
        return len(expired)

    def forget_issued(self) -> None:
        self._shared.publish(lambda pipe: pipe.delete(self._key), self._field)
        self.reload()

    def reload(self) -> None:
        self._issued.clear()


def _token_text(issued: IssuedToken) -> str:
    principal = issued.principal
    return json.dumps([principal.name, sorted(principal.scopes), issued.issuer, issued.expires_at])


def _token_from(text: bytes) -> IssuedToken:
    name, scopes, issuer, expires_at = json.loads(text)
    return IssuedToken(Principal(name, frozenset(scopes)), issuer, float(expires_at))


# --- runtime tickets -------------------------------------------------------------------------

_SEQ = "#"  # index field: the last order number handed out


class SharedRuntimeTickets(RuntimeTickets):
    """A tenant's runtime tickets in Redis, per vendor: the validated raw payloads by id
    (``runtime:<slug>:tickets``) and an index (``runtime:<slug>:index``: ``a<n>`` for an added
    ticket, ``n`` its place in listing order, ``h`` for a hidden id). A change runs the memory
    class's checks on the index as Redis holds it and commits under ``WATCH``, retrying when
    another worker changed it first: two adds of one id cannot both succeed and the cap holds
    across workers. Each worker rebuilds its :class:`Overlay` with the vendor's loader the
    first time it needs it after the version moved."""

    def __init__(self, shared: SharedState, tenant: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._shared = shared
        self._tenant = tenant
        self._slugs_key = tenant_key(tenant, "runtime")
        self._loaded: set[str] = set()  # slugs whose local overlay is what Redis holds
        self._stamp = 0  # moves at every reload, so a rebuild that raced one is not trusted

    def view(
        self,
        slug: str,
        base: TicketStore[T],
        wrap: Callable[[TicketStore[T]], W],
        load: Loader | None = None,
    ) -> W | None:
        if load is not None:
            self._refresh(slug, load)
        return super().view(slug, base, wrap)

    def clear(self, slug: str | None = None) -> None:
        client = self._shared.client
        if slug is None:
            slugs = [name.decode() for name in client.smembers(self._slugs_key)]
        else:
            slugs = [slug]
        doomed = [key for name in slugs for key in self._keys(name)]

        def write(pipe: Any) -> None:
            if doomed:
                pipe.delete(*doomed)
            if slug is None:
                pipe.delete(self._slugs_key)
            else:
                pipe.srem(self._slugs_key, slug)

        self._shared.publish(write, self._field(slug))
        super().clear(slug)
        self.reload(None if slug is None else f"runtime.{slug}")

    def counts(self) -> dict[str, dict[str, int]]:
        client = self._shared.client
        slugs = sorted(s.decode() for s in client.smembers(self._slugs_key))
        pipe = client.pipeline(transaction=False)
        for slug in slugs:
            pipe.hvals(self._keys(slug)[0])
        found = {}
        for slug, marks in zip(slugs, pipe.execute(), strict=True):
            hidden = sum(1 for mark in marks if mark == b"h")
            added = sum(1 for mark in marks if mark.startswith(b"a"))
            if added or hidden:
                found[slug] = {"added": added, "hidden": hidden}
        return found

    def reload(self, part: str | None = None) -> None:
        """Another worker changed ``runtime.<slug>`` (None or ``runtime``: every vendor)."""
        with self._lock:
            self._stamp += 1
            if part is None or "." not in part:
                self._loaded.clear()
            else:
                self._loaded.discard(part.partition(".")[2])

    def _update(
        self,
        slug: str,
        change: Change,
        raws: Mapping[Hashable, Mapping[str, Any]],
    ) -> None:
        from redis.exceptions import WatchError  # redis is installed when this class is used

        index_key, tickets_key = self._keys(slug)
        for _ in range(100):
            with self._shared.client.pipeline(transaction=True) as pipe:
                pipe.watch(index_key)
                index: dict[bytes, bytes] = pipe.hgetall(index_key)
                last = int(index.pop(_SEQ.encode(), 0))
                order = {
                    json.loads(field): int(mark[1:])
                    for field, mark in index.items()
                    if mark.startswith(b"a")
                }
                hidden_now = frozenset(json.loads(f) for f, mark in index.items() if mark == b"h")
                before = Overlay(0, MappingProxyType(dict.fromkeys(order)), hidden_now)
                added, hidden = change(before)
                pipe.multi()
                for ticket_id in set(added) | set(order) | hidden | hidden_now:
                    field = json.dumps(ticket_id)
                    if ticket_id in raws and ticket_id in added:
                        if ticket_id not in order:
                            last += 1
                        place = order.get(ticket_id, last)
                        pipe.hset(index_key, field, f"a{place}")
                        pipe.hset(tickets_key, field, json.dumps(raws[ticket_id]))
                    elif ticket_id in added:
                        continue  # kept as it was
                    elif ticket_id in hidden:
                        pipe.hset(index_key, field, "h")
                        pipe.hdel(tickets_key, field)
                    else:
                        pipe.hdel(index_key, field)
                        pipe.hdel(tickets_key, field)
                pipe.hset(index_key, _SEQ, last)
                pipe.sadd(self._slugs_key, slug)
                pipe.hincrby(VERSIONS, self._field(slug), 1)
                pipe.incr(GEN)
                try:
                    pipe.execute()
                except WatchError:
                    continue  # another worker changed this vendor's tickets first: check again
            self.reload(f"runtime.{slug}")
            return
        raise RuntimeError(f"runtime tickets of {slug} kept changing; try again")

    def _refresh(self, slug: str, load: Loader) -> None:
        """Rebuild the local overlay from Redis when it moved (Redis down: keep the copy)."""
        with self._lock:
            if slug in self._loaded:
                return
            stamp = self._stamp
        index_key, tickets_key = self._keys(slug)
        try:
            index, payloads = (
                self._shared.client.pipeline(transaction=True)
                .hgetall(index_key)
                .hgetall(tickets_key)
                .execute()
            )
        except Exception as error:
            log.debug("runtime tickets not read: %s", type(error).__name__)
            return
        index.pop(_SEQ.encode(), None)
        added: dict[Hashable, Any] = {}
        hidden: set[Hashable] = set()
        for field, mark in sorted(index.items(), key=lambda item: _place(item[1])):
            if mark == b"h":
                hidden.add(json.loads(field))
            elif field in payloads:
                try:
                    added[json.loads(field)] = load(json.loads(payloads[field]))
                except (ValidationError, TypeError, ValueError, KeyError) as error:
                    log.warning("runtime ticket %s of %s not loaded: %s", field, slug, error)
        with self._lock:
            self._store(slug, added, frozenset(hidden))
            if stamp == self._stamp:
                self._loaded.add(slug)

    def _keys(self, slug: str) -> tuple[str, str]:
        return (
            tenant_key(self._tenant, f"runtime:{len(slug)}:{slug}:index"),
            tenant_key(self._tenant, f"runtime:{len(slug)}:{slug}:tickets"),
        )

    def _field(self, slug: str | None) -> str:
        return f"t:{self._tenant}:runtime" + ("" if slug is None else f".{slug}")


def _place(mark: bytes) -> int:
    return int(mark[1:]) if mark.startswith(b"a") else 0


# --- tenants ---------------------------------------------------------------------------------


class SharedTenant(Tenant):
    """A tenant whose limit overrides and seed live in Redis (its parts share themselves)."""

    shared: SharedState | None = None

    def set_limit(self, slug: str, limit: RateLimitItem | None) -> None:
        super().set_limit(slug, limit)
        text = "off" if limit is None else f"{limit.amount} per {limit.multiples} "
        text += "" if limit is None else limit.GRANULARITY.name
        self._publish(lambda pipe: pipe.hset(self._meta, f"limit:{slug}", text))

    def reset(self, seed: int | None = None) -> None:
        super().reset(seed)

        def write(pipe: Any) -> None:
            pipe.delete(self._meta)
            if seed is not None:
                pipe.hset(self._meta, "seed", seed)

        self._publish(write)

    def reload(self, part: str) -> None:
        """Read one part again after another worker changed it."""
        if part == "meta":
            assert self.shared is not None
            meta = self.shared.client.hgetall(self._meta)
            limits = {
                key.decode()[len("limit:") :]: parse_limit(value.decode())
                for key, value in meta.items()
                if key.startswith(b"limit:")
            }
            with self._lock:
                self._limits = limits
                self.seed = int(meta[b"seed"]) if b"seed" in meta else None
            return
        if part == "runtime" or part.startswith("runtime."):
            if isinstance(self.runtime, SharedRuntimeTickets):
                self.runtime.reload(part)
            return
        target = {"clock": self.clock, "faults": self.faults, "tokens": self.credentials}.get(part)
        if isinstance(target, SharedClock | SharedFaultBook | SharedCredentials):
            target.reload()

    def reload_all(self) -> None:
        for part in ("meta", "clock", "faults", "tokens", "runtime"):
            self.reload(part)

    @property
    def _meta(self) -> str:
        return tenant_key(self.name, "meta")

    def _publish(self, write: Callable[[Any], object]) -> None:
        assert self.shared is not None
        self.shared.publish(write, f"t:{self.name}:meta")


class SharedTenantBook(TenantBook):
    """Tenants known to every worker: names in a Redis set (at most ``max_tenants`` across all
    of them); each worker builds its local objects on first use and reloads them on change."""

    def __init__(self, shared: SharedState, journal: SharedJournal, **kwargs: Any) -> None:
        self._shared = shared
        super().__init__(journal, **kwargs)

    def get(self, header: str | None) -> Tenant:
        name = tenant_name(header)
        with self._lock:
            tenant = self._tenants.get(name)
        if tenant is not None:
            return tenant
        if name != DEFAULT_TENANT:
            joined = self._shared.join(keys=[TENANTS], args=[name, self._max - 1])
            if int(joined) < 0:
                raise TenantError(
                    f"at most {self._max} tenants at once; free one with "
                    "DELETE /__mockdesk/tenants/<name>"
                )
        fresh = self._fresh(name)
        with self._lock:
            tenant = self._tenants.setdefault(name, fresh)
        return tenant

    def find(self, name: str) -> Tenant | None:
        if name != DEFAULT_TENANT and not self._shared.client.sismember(TENANTS, name):
            return None
        return self.get(name)

    def names(self) -> list[str]:
        stored = {name.decode() for name in self._shared.client.smembers(TENANTS)}
        return sorted(stored | {DEFAULT_TENANT})

    def drop(self, header: str | None) -> bool:
        name = tenant_name(header)
        if name == DEFAULT_TENANT:
            self.default.reset()
            return True
        if not self._shared.client.sismember(TENANTS, name):
            return False
        self.get(name).reset()  # clears its parts and shared counters
        self._shared.publish(lambda pipe: pipe.srem(TENANTS, name), "tenants")
        with self._lock:
            self._tenants.pop(name, None)
        return True

    def reset_all(self) -> Tenant:
        if isinstance(self.journal, SharedJournal):
            self.journal.flush()  # nothing this worker queued lands after the wipe
        self._shared.wipe()
        for tenant in self._tenants.values():
            tenant.windows.forget()
        return self.refresh_all()

    def refresh_all(self) -> Tenant:
        """After a server reset anywhere: only the default tenant, read again."""
        with self._lock:
            self._tenants = {DEFAULT_TENANT: self._tenants[DEFAULT_TENANT]}
            default = self._tenants[DEFAULT_TENANT]
        assert isinstance(default, SharedTenant)
        default.reload_all()
        return default

    def apply(self, changes: set[str]) -> None:
        """Reload what other workers changed (``changes``: version fields that moved)."""
        if "reset" in changes:
            self.refresh_all()
        if "tenants" in changes:
            stored = {name.decode() for name in self._shared.client.smembers(TENANTS)}
            with self._lock:
                for name in [n for n in self._tenants if n != DEFAULT_TENANT]:
                    if name not in stored:
                        del self._tenants[name]
        for change in changes:
            if not change.startswith("t:"):
                continue
            name, _, part = change[2:].rpartition(":")
            with self._lock:
                tenant = self._tenants.get(name)
            if isinstance(tenant, SharedTenant):
                tenant.reload(part)

    def _fresh(self, name: str, seed: int | None = None) -> Tenant:
        shared = self._shared
        clock = SharedClock(shared, name)
        fault_seed = None if self._fault_seed is None else f"{self._fault_seed}:{name}"
        tenant = SharedTenant(
            name=name,
            clock=clock,
            faults=SharedFaultBook(shared, name, seed=fault_seed),
            windows=self._make_windows(clock, name),
            runtime=SharedRuntimeTickets(shared, name),
            journal=self.journal.view(name),
            credentials=SharedCredentials(
                shared, name, clock=clock, defaults=self._defaults(clock)
            ),
            seed=seed,
        )
        tenant.shared = shared
        tenant.reload_all()
        return tenant

    def _defaults(self, clock: MockClock) -> Any:
        return self._make_credentials(clock).defaults
