"""Fault rules: make the next requests fail, slow down or break, the way real APIs do.

Why: a client's retry, timeout and back-off code is exercised only when the server misbehaves,
and a CI test cannot wait for the real vendor to have a bad day. A rule says *which* requests
(``vendor``, ``path_prefix``, ``method``, ``credential``, ``tenant``; all optional) and *what*
happens (combinable effects):

- ``error``: one of :data:`ERROR_KINDS`, raised as a neutral error that the vendor renders in
  its own format (so a client sees the vendor's real 401, 429 or 503 body);
- ``delay_ms`` (fixed) or ``delay`` ``{"median_ms", "sigma"}`` (log-normal, as real latency is),
  capped at :data:`MAX_DELAY_MS`;
- ``transport``: ``reset`` (TCP reset), ``empty`` (close with no bytes), ``malformed`` (status line
  and headers, then a truncated body), ``hang`` (no answer, bounded by :data:`HANG_CAP_SECONDS`).
  ``reset``, ``empty`` and ``hang`` replace the response; ``malformed`` truncates whichever
  response (the error's, or the normal one) would have been sent; a delay comes first.

Lifetime: ``times`` (N, default 1; ``null`` = until removed) and ``probability`` (0-1, default
1; a rule whose coin says no is skipped as if it did not match, and does not use up a time).
Rules are tried in the order added, the first that fires wins, and a used-up rule disappears,
so "503, 503, then normal" is two ``times: 1`` rules (or one ``times: 2``). :meth:`FaultBook.pick`
is one locked step: a ``times: 2`` rule fires exactly twice however many threads race for it.

Caps: at most :data:`MAX_RULES` rules per book (one book per tenant); every input is validated
by :meth:`RuleSpec.from_json`, which raises marshmallow's ``ValidationError`` with a message per
field (the admin API's 400 ``{"error": "invalid_request", "fields": {...}}``).
"""

from __future__ import annotations

import itertools
import math
import random
import re
import threading
import time
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from limits import RateLimitItem, parse
from marshmallow import ValidationError

from mockdesk.core.errors import (
    AuthFailure,
    Forbidden,
    InternalError,
    MockdeskError,
    RateLimited,
    RateLimitStatus,
    RouteNotFound,
    ServiceUnavailable,
    Unauthenticated,
)
from mockdesk.core.jsoninput import echo_key, finite_number, valid_unicode
from mockdesk.core.windows import describe

ERROR_KINDS = (
    "unauthenticated",
    "expired",
    "forbidden",
    "rate_limited",
    "not_found",
    "internal",
    "unavailable",
)
TRANSPORTS = ("reset", "empty", "malformed", "hang")
MATCH_FIELDS = ("vendor", "path_prefix", "method", "credential", "tenant")
EFFECT_FIELDS = ("error", "delay_ms", "delay", "transport")
RULE_FIELDS = (*MATCH_FIELDS, *EFFECT_FIELDS, "times", "probability")

MAX_RULES = 1000  # per tenant: matching is a linear scan, and each rule is tried per request
MAX_DELAY_MS = 60_000  # a delay holds a worker thread; beyond a minute no client still waits
MAX_SIGMA = 5.0
HANG_CAP_SECONDS = 30.0  # how long a ``hang`` holds the connection before closing it
MAX_TIMES = 1_000_000_000
MAX_TEXT = 2048
_METHOD = re.compile(r"[A-Za-z]{1,16}")


# --- the neutral errors ---------------------------------------------------------------------


def _rate_limited(limit: RateLimitItem | None, now: float) -> MockdeskError:
    """A refusal that quotes the vendor's configured limit (a one-second window when it is off),
    its reset read from the tenant's clock."""
    limit = limit or parse("1/second")
    window = limit.get_expiry()
    status = RateLimitStatus(limit.amount, 0, now + window, window, window, describe(limit))
    return RateLimited(status)


_BUILDERS: dict[str, Callable[[RateLimitItem | None, float], MockdeskError]] = {
    "unauthenticated": lambda limit, now: Unauthenticated(AuthFailure.INVALID),
    "expired": lambda limit, now: Unauthenticated(AuthFailure.EXPIRED),
    "forbidden": lambda limit, now: Forbidden(None),
    "rate_limited": _rate_limited,
    "not_found": lambda limit, now: RouteNotFound(),
    "internal": lambda limit, now: InternalError("fault injected"),
    "unavailable": lambda limit, now: ServiceUnavailable("fault injected"),
}


def build_error(
    kind: str, limit: RateLimitItem | None = None, now: float | None = None
) -> MockdeskError:
    """The neutral error for an ``error`` kind, marked ``injected`` for the vendor renderer.

    ``limit`` is the vendor's current limit for the tenant (quoted by a ``rate_limited`` 429);
    ``now`` the tenant's clock (the 429's reset time).
    """
    error = _BUILDERS[kind](limit, time.time() if now is None else now)
    error.injected = True
    return error


# --- rules ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LogNormalDelay:
    """Latency whose median is ``median_ms`` and whose spread is ``sigma`` (of the log)."""

    median_ms: float
    sigma: float

    def sample_ms(self, rng: random.Random) -> float:
        value = rng.lognormvariate(math.log(self.median_ms), self.sigma)
        return min(value, float(MAX_DELAY_MS))


@dataclass(frozen=True)
class RequestFacts:
    """What a rule can match on, gathered once per request before authentication.

    ``credential`` is the configured credential the request carries (``Credentials.identify``'s
    principal name: the token, or a Basic pair's username), None when it carries none we know.
    """

    vendor: str
    path: str
    method: str
    credential: str | None
    tenant: str


@dataclass(frozen=True)
class RuleSpec:
    """A rule definition, normalized. Build it from client input with :meth:`from_json` (which
    validates); direct construction is for code that already holds valid values."""

    vendor: str | None = None
    path_prefix: str | None = None
    method: str | None = None
    credential: str | None = None
    tenant: str | None = None
    error: str | None = None
    delay_ms: float | None = None
    delay: LogNormalDelay | None = None
    transport: str | None = None
    times: int | None = 1
    probability: float = 1.0

    @classmethod
    def from_json(cls, payload: object, vendors: Collection[str] | None = None) -> RuleSpec:
        """A rule from a decoded ``POST /__mockdesk/faults`` body.

        Raises ``ValidationError`` whose messages name every bad field: not an object, unknown
        keys, wrong types, lone surrogates, negative or non-finite numbers, unknown kinds, a
        ``vendor`` not in ``vendors`` (when given), no effect, both ``delay_ms`` and ``delay``.
        """
        return _RuleParser(payload, vendors).parse()

    def for_tenant(self, tenant: str) -> RuleSpec:
        """The same rule bound to ``tenant`` (the admin fills in the caller's tenant)."""
        return replace(self, tenant=tenant)

    def matches(self, facts: RequestFacts) -> bool:
        return (
            (self.vendor is None or self.vendor == facts.vendor)
            and (self.path_prefix is None or facts.path.startswith(self.path_prefix))
            and (self.method is None or self.method == facts.method.upper())
            and (self.credential is None or self.credential == facts.credential)
            and (self.tenant is None or self.tenant == facts.tenant)
        )

    def as_dict(self) -> dict[str, Any]:
        delay = self.delay
        return {
            "vendor": self.vendor,
            "path_prefix": self.path_prefix,
            "method": self.method,
            "credential": self.credential,
            "tenant": self.tenant,
            "error": self.error,
            "delay_ms": self.delay_ms,
            "delay": None
            if delay is None
            else {"median_ms": delay.median_ms, "sigma": delay.sigma},
            "transport": self.transport,
            "times": self.times,
            "probability": self.probability,
        }


@dataclass
class FaultRule:
    """A stored rule: its id, definition and how often it has fired (guarded by the book)."""

    id: int
    spec: RuleSpec
    fired: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, **self.spec.as_dict(), "fired": self.fired}


@dataclass(frozen=True)
class FaultDecision:
    """What one request must suffer. ``delay_ms`` is already sampled (0: none)."""

    rule_id: int
    error: str | None
    delay_ms: float
    transport: str | None

    def build_error(self, limit: RateLimitItem | None, now: float) -> MockdeskError | None:
        """The neutral error to raise for ``error`` (None when the rule has none)."""
        return None if self.error is None else build_error(self.error, limit, now)


class FaultBook:
    """One tenant's rules, in the order added. Thread-safe.

    ``ids`` lets several books (one per tenant) share one server-wide counter, so a rule id is
    never reused, even across resets: a stale ``DELETE /faults/<id>`` cannot hit a newer rule.
    ``seed`` seeds the RNG for probabilities and log-normal delays (None: from the OS).
    """

    def __init__(
        self,
        ids: Iterator[int] | None = None,
        seed: int | str | None = None,
        max_rules: int = MAX_RULES,
    ) -> None:
        self._ids = ids if ids is not None else itertools.count(1)
        self._seed = seed
        self._rng = random.Random(seed)
        self._max_rules = max_rules
        self._rules: list[FaultRule] = []
        self._lock = threading.Lock()

    def add(self, spec: RuleSpec) -> FaultRule:
        """Store a rule after the others. Raises ``ValidationError`` past :data:`MAX_RULES`."""
        with self._lock:
            if len(self._rules) >= self._max_rules:
                raise ValidationError(
                    {"_schema": [f"at most {self._max_rules} fault rules; remove some first"]}
                )
            rule = FaultRule(next(self._ids), spec)
            self._rules.append(rule)
            return rule

    def pick(self, facts: RequestFacts) -> FaultDecision | None:
        """The fault for this request, using up one of the winning rule's ``times``."""
        if not self._rules:  # the common case, without the lock: no rules at all
            return None
        with self._lock:
            for position, rule in enumerate(self._rules):
                spec = rule.spec
                if not spec.matches(facts):
                    continue
                if spec.probability < 1.0 and self._rng.random() >= spec.probability:
                    continue
                rule.fired += 1
                if spec.times is not None and rule.fired >= spec.times:
                    del self._rules[position]
                delay_ms = spec.delay_ms or 0.0
                if spec.delay is not None:
                    delay_ms = spec.delay.sample_ms(self._rng)
                return FaultDecision(rule.id, spec.error, delay_ms, spec.transport)
        return None

    def rules(self) -> list[FaultRule]:
        """Copies of the rules in order (a consistent snapshot; ``as_dict`` each for JSON)."""
        with self._lock:
            return [FaultRule(rule.id, rule.spec, rule.fired) for rule in self._rules]

    def get(self, rule_id: int) -> dict[str, Any] | None:
        with self._lock:
            for rule in self._rules:
                if rule.id == rule_id:
                    return rule.as_dict()
        return None

    def remove(self, rule_id: int) -> bool:
        """Remove one rule; False when there is none with that id (used up or never added)."""
        with self._lock:
            for position, rule in enumerate(self._rules):
                if rule.id == rule_id:
                    del self._rules[position]
                    return True
        return False

    def clear(self) -> None:
        """Remove every rule and re-seed the RNG, so a seeded book repeats after each reset."""
        with self._lock:
            self._rules.clear()
            self._rng.seed(self._seed)

    def __len__(self) -> int:
        return len(self._rules)


# --- validation -----------------------------------------------------------------------------


@dataclass
class _RuleParser:
    payload: object
    vendors: Collection[str] | None
    errors: dict[str, list[str]] = field(default_factory=dict)

    def parse(self) -> RuleSpec:
        body = self.payload
        if not isinstance(body, Mapping):
            raise ValidationError({"_schema": ["must be a JSON object"]})
        for key in body:
            if key not in RULE_FIELDS:
                self._fail(
                    echo_key(key), f"unknown field; expected one of {', '.join(RULE_FIELDS)}"
                )
        vendor = self._text(body, "vendor")
        if vendor is not None and self.vendors is not None and vendor not in self.vendors:
            self._fail("vendor", f"must be one of {', '.join(sorted(self.vendors))}")
        path_prefix = self._text(body, "path_prefix")
        if path_prefix == "":
            path_prefix = None  # "" matched every path in the old API: the same as no prefix
        elif path_prefix is not None and not path_prefix.startswith("/"):
            self._fail("path_prefix", "must start with / (paths always do)")
        method = self._text(body, "method")
        if method is not None and not _METHOD.fullmatch(method):
            self._fail("method", "must be an HTTP method such as GET or POST")
        credential = self._text(body, "credential")
        tenant = self._text(body, "tenant")
        if tenant is not None:
            from mockdesk.core.tenants import tenant_problem  # tenants imports this module

            problem = tenant_problem(tenant)
            if problem:
                self._fail("tenant", problem)
        error = self._choice(body, "error", ERROR_KINDS)
        transport = self._choice(body, "transport", TRANSPORTS)
        delay_ms = self._number(body, "delay_ms", 0, MAX_DELAY_MS)
        delay = self._delay(body)
        if delay_ms is not None and delay is not None:
            self._fail("delay", "give delay_ms or delay, not both")
        times = self._times(body)
        probability = self._number(body, "probability", 0, 1)
        if (error, delay_ms, delay, transport) == (None, None, None, None) and not self.errors:
            self._fail("_schema", "a rule needs an effect: error, delay_ms, delay or transport")
        if self.errors:
            raise ValidationError(dict(self.errors))
        return RuleSpec(
            vendor=vendor,
            path_prefix=path_prefix,
            method=method.upper() if method else None,
            credential=credential,
            tenant=tenant,
            error=error,
            delay_ms=delay_ms,
            delay=delay,
            transport=transport,
            times=times,
            probability=1.0 if probability is None else probability,
        )

    def _fail(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def _text(self, body: Mapping[str, Any], name: str) -> str | None:
        value = body.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            self._fail(name, "must be a string or null")
            return None
        if not valid_unicode(value):
            self._fail(name, "must be valid Unicode (it holds a lone surrogate)")
            return None
        if len(value) > MAX_TEXT or any(ord(c) < 32 or ord(c) == 127 for c in value):
            self._fail(name, f"must be at most {MAX_TEXT} characters, none of them control")
            return None
        return value

    def _choice(self, body: Mapping[str, Any], name: str, choices: tuple[str, ...]) -> str | None:
        value = body.get(name)
        if value is None:
            return None
        if not isinstance(value, str) or value not in choices:
            self._fail(name, f"must be one of {', '.join(choices)}")
            return None
        return value

    def _number(
        self, body: Mapping[str, Any], name: str, low: float, high: float, where: str = ""
    ) -> float | None:
        value = body.get(name)
        label = f"{where}{name}"
        if value is None:
            return None
        if not finite_number(value):
            self._fail(label, "must be a finite number")
            return None
        if not low <= value <= high:
            self._fail(label, f"must be between {low} and {high}")
            return None
        return float(value)

    def _delay(self, body: Mapping[str, Any]) -> LogNormalDelay | None:
        value = body.get("delay")
        if value is None:
            return None
        if not isinstance(value, Mapping):
            self._fail("delay", 'must be an object {"median_ms": …, "sigma": …}')
            return None
        for key in value:
            if key not in ("median_ms", "sigma"):
                self._fail(f"delay.{echo_key(key)}", "unknown field; expected median_ms, sigma")
        before = len(self.errors)
        for key in ("median_ms", "sigma"):
            if value.get(key) is None:
                self._fail(f"delay.{key}", "required")
        median = self._number(value, "median_ms", 0, MAX_DELAY_MS, "delay.")
        sigma = self._number(value, "sigma", 0, MAX_SIGMA, "delay.")
        if median is not None and median <= 0:
            self._fail("delay.median_ms", "must be greater than 0")
        if len(self.errors) > before or median is None or sigma is None:
            return None
        return LogNormalDelay(median, sigma)

    def _times(self, body: Mapping[str, Any]) -> int | None:
        if "times" not in body:
            return 1
        value = body["times"]
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self._fail("times", "must be a whole number >= 1, or null for until removed")
            return 1
        if not 1 <= value <= MAX_TIMES:
            self._fail("times", f"must be between 1 and {MAX_TIMES}, or null for until removed")
            return 1
        return value
