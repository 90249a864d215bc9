"""The one place configuration is parsed: CLI flags and ``MOCKDESK_*`` variables become Settings.

Every value flag of ``mockdesk serve`` has a variable (``--seed`` is ``MOCKDESK_SEED``,
``--rate-limit`` is ``MOCKDESK_RATE_LIMIT``; repeatable flags take comma-separated values, in
the flag as in the variable, ``--fixtures`` takes ``os.pathsep``-separated paths in the
variable). Flags win over variables. Anything invalid raises :class:`SettingsError` with a
one-line message, and so does a value of the wrong type handed to :class:`Settings` directly
(``seed=7.5`` is refused, never truncated to 7).

``state`` (``--state``, ``MOCKDESK_STATE``; ``--storage-uri``/``MOCKDESK_STORAGE_URI`` is an old
name for the same field) says where run-time state lives: ``memory://`` in the serving process,
or ``redis://host:port/db`` shared by every worker and replica on that Redis. ``workers`` above
1 needs shared state. ``epoch`` is the data's "now", resolved once, at start, to whole UTC
seconds (``now`` is the start time; the default is the fixed data epoch, so bytes repeat).
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mockdesk.core.auth import DefaultCredentials
from mockdesk.core.clock import parse_rfc3339
from mockdesk.core.ratelimit import STORAGE_SCHEMES, parse_limit
from mockdesk.core.timeline import DATA_EPOCH

MAX_SEED = 2**63 - 1  # fits every store a seed may be written to (a signed 64-bit integer)
MAX_TICKETS = 1_000_000
MAX_CONNECTIONS = 100_000
MAX_JOURNAL = 100_000  # entries per tenant; each holds up to two 4 KB bodies
MAX_WORKERS = 64
# A bearer token (RFC 6750 ``b64token``): what can travel in ``Authorization: Bearer …`` as is.
_TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")


class SettingsError(ValueError):
    """A setting that cannot be used; the message is meant for the user as it is."""


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8080
    seed: int = 0
    tickets: int = 250  # per vendor
    fixtures: tuple[Path, ...] = ()
    vendors: tuple[str, ...] = ()  # empty: every vendor
    rate_limits: Mapping[str, str] = field(default_factory=dict)  # slug -> limit or "off"
    # simultaneous client connections the server holds (each costs a greenlet, not a thread)
    connections: int = 1000
    # where run-time state lives: memory:// (this process) or redis://host:port/db (shared)
    state: str = "memory://"
    workers: int = 1  # gunicorn workers; more than one needs shared state
    epoch: datetime = DATA_EPOCH  # the data's "now" (whole seconds, UTC)
    credentials: DefaultCredentials = field(default_factory=DefaultCredentials)
    # when set, every admin call must carry ``Authorization: Bearer <admin_token>``
    admin_token: str | None = None
    journal_size: int = 1000  # requests the journal keeps per tenant

    def __post_init__(self) -> None:
        whole_number("port", self.port, 0, 65535)
        whole_number("seed", self.seed, 0, MAX_SEED)
        whole_number("tickets", self.tickets, 0, MAX_TICKETS)
        whole_number("connections", self.connections, 1, MAX_CONNECTIONS)
        whole_number("journal-size", self.journal_size, 1, MAX_JOURNAL)
        whole_number("workers", self.workers, 1, MAX_WORKERS)
        if not isinstance(self.host, str) or not self.host.strip():
            raise SettingsError("host: must be an address or a host name (got an empty value)")
        _check_state(self.state)
        if self.workers > 1 and not shared(self.state):
            raise SettingsError(
                f"workers: {self.workers} workers need shared state, e.g. --state "
                "redis://127.0.0.1:6379/0 (memory:// state lives in one process)"
            )
        if (
            not isinstance(self.epoch, datetime)
            or self.epoch.utcoffset() != timedelta(0)
            or self.epoch.microsecond
        ):
            raise SettingsError(
                f"epoch: must be a UTC datetime in whole seconds (got {self.epoch!r})"
            )
        if self.admin_token is not None and not _TOKEN.fullmatch(self.admin_token):
            raise SettingsError(
                "admin-token: must be a non-empty bearer token (letters, digits and -._~+/)"
            )
        for slug, limit in self.rate_limits.items():
            try:
                parse_limit(limit)
            except ValueError as error:
                shown = _quote(f"{slug}={limit}")
                raise SettingsError(f"rate-limit: {shown}: {error}") from None

    @property
    def shift(self) -> timedelta:
        """How far the data moves from the fixed epoch it is generated at."""
        return self.epoch - DATA_EPOCH

    @property
    def shared(self) -> bool:
        """Whether run-time state lives outside this process (Redis)."""
        return shared(self.state)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        return cls().with_env(environ)

    def with_env(self, environ: Mapping[str, str]) -> Settings:
        """These settings, with whatever ``MOCKDESK_*`` variables say."""
        changes: dict[str, Any] = {}
        for flag, (name, parse) in _ENV.items():
            value = environ.get(f"MOCKDESK_{flag.upper()}")
            if value:
                changes[name] = parse(flag, value)
        return replace(self, **changes).with_credentials(
            token=environ.get("MOCKDESK_TOKEN"),
            token_without_scopes=environ.get("MOCKDESK_TOKEN_NOSCOPE"),
            basic=environ.get("MOCKDESK_BASIC"),
        )

    def with_credentials(
        self,
        token: str | None = None,
        token_without_scopes: str | None = None,
        basic: str | None = None,
    ) -> Settings:
        """These settings with the given credentials in place of the defaults (None: keep)."""
        changes: dict[str, str] = {}
        if token:
            changes["token"] = token
        if token_without_scopes:
            changes["token_without_scopes"] = token_without_scopes
        if basic:
            username, separator, password = basic.partition(":")
            if not separator or not username or not password:
                raise SettingsError(f"basic: {basic!r} must be KEY:SECRET")
            changes |= {"basic_username": username, "basic_password": password}
        return replace(self, credentials=replace(self.credentials, **changes))


def whole_number(name: str, value: Any, minimum: int, maximum: int) -> int:
    """``value`` if it is an ``int`` (not a bool, not a float) in range; SettingsError if not.

    For values that arrive already typed (a JSON body, a pytest marker): ``7.5`` and ``True``
    are refused rather than quietly becoming 7 and 1.
    """
    if not isinstance(value, int) or isinstance(value, bool):
        raise SettingsError(f"{name}: must be a whole number (got {value!r})")
    if not minimum <= value <= maximum:
        raise SettingsError(f"{name}: must be between {minimum} and {maximum} (got {value})")
    return value


def parse_int(name: str, text: str) -> int:
    """A whole number written in ASCII digits (``7``, not ``7.5``, ``1e3`` or 5,000 digits)."""
    cleaned = text.strip()
    if not re.fullmatch(r"[+-]?[0-9]{1,30}", cleaned):
        raise SettingsError(f"{name}: must be a whole number (got {_quote(text)})")
    return int(cleaned)


def parse_rate_limits(pairs: Iterable[str]) -> dict[str, str]:
    """``["sendcloud=10/minute", "hostup=off"]`` to ``{"sendcloud": "10/minute", …}``."""
    limits = {}
    for pair in pairs:
        slug, separator, limit = pair.partition("=")
        if not separator or not slug.strip() or not limit.strip():
            raise SettingsError(
                f"rate-limit: {_quote(pair)} must be SLUG=LIMIT, e.g. sendcloud=30/minute"
            )
        limits[slug.strip()] = limit.strip()
    return limits


def split_list(name: str, values: Iterable[str], separator: str = ",") -> tuple[str, ...]:
    """Repeated and comma-separated values alike (``--vendor a,b`` = ``--vendor a --vendor b``
    = ``MOCKDESK_VENDOR=a,b``); an empty list is an error, not "everything"."""
    parts = tuple(part for value in values for part in _split(value, separator))
    if not parts:
        raise SettingsError(f"{name}: must name at least one value (got an empty list)")
    return parts


def _split(text: str, separator: str = ",") -> list[str]:
    return [part.strip() for part in text.split(separator) if part.strip()]


def _quote(text: str, limit: int = 60) -> str:
    """``repr`` of user input, shortened: a 5,000-character value stays a one-line error."""
    shown = text if len(text) <= limit else text[:limit] + "…"
    return repr(shown)


def shared(uri: str) -> bool:
    """Whether a state URL names shared (Redis) state."""
    return urlsplit(uri).scheme in STORAGE_SCHEMES - {"memory"}


def _check_state(uri: str) -> None:
    """``memory://`` or a redis URL that redis-py can open (the package must be installed)."""
    if not isinstance(uri, str):
        raise SettingsError(f"state: must be a URL (got {uri!r})")
    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number in range)
    except ValueError:
        raise SettingsError(f"state: {_quote(uri)} is not a URL") from None
    if parts.scheme not in STORAGE_SCHEMES:
        raise SettingsError(
            f"state: must be memory:// or redis://host:port[/db] (got {_quote(uri)})"
        )
    if parts.scheme == "memory":
        if uri.rstrip("/") != "memory:":
            raise SettingsError(f"state: memory:// takes no host or path (got {_quote(uri)})")
        return
    # found, not imported: redis imports ssl, which must wait for gevent's monkey-patching
    if importlib.util.find_spec("redis") is None:
        raise SettingsError(f"state: {parts.scheme}:// needs the redis package (pip install redis)")
    if parts.scheme != "unix" and not parts.hostname:
        raise SettingsError(f"state: {_quote(uri)} names no host")


def parse_epoch(name: str, text: str) -> datetime:
    """``now``, a date (``2026-06-01``, midnight UTC) or an RFC 3339 date-time with an offset,
    as a UTC datetime rounded down to whole seconds."""
    cleaned = text.strip()
    if cleaned.lower() == "now":
        moment = datetime.now(UTC)
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", cleaned, re.ASCII):
        try:
            moment = datetime.fromisoformat(cleaned).replace(tzinfo=UTC)
        except ValueError:
            raise SettingsError(f"{name}: {_quote(text)} is not a real date") from None
    else:
        try:
            moment = parse_rfc3339(cleaned)
        except ValueError:
            raise SettingsError(
                f"{name}: must be now, a date like 2026-06-01 or an RFC 3339 date-time with an "
                f"offset like 2026-06-01T09:00:00Z (got {_quote(text)})"
            ) from None
    return moment.astimezone(UTC).replace(microsecond=0)


def _fixture_paths(flag: str, text: str) -> tuple[Path, ...]:
    return tuple(Path(p) for p in split_list(flag, [text], os.pathsep))


# MOCKDESK_<flag> -> (Settings field, parser); the flag names are those of `mockdesk serve`.
_ENV: dict[str, tuple[str, Callable[[str, str], Any]]] = {
    "host": ("host", lambda flag, text: text),
    "port": ("port", parse_int),
    "seed": ("seed", parse_int),
    "tickets": ("tickets", parse_int),
    "connections": ("connections", parse_int),
    "journal_size": ("journal_size", parse_int),
    "storage_uri": ("state", lambda flag, text: text),  # the old name; MOCKDESK_STATE wins
    "state": ("state", lambda flag, text: text),
    "workers": ("workers", parse_int),
    "epoch": ("epoch", parse_epoch),
    "fixtures": ("fixtures", _fixture_paths),
    "vendor": ("vendors", lambda flag, text: split_list(flag, [text])),
    "rate_limit": ("rate_limits", lambda flag, text: parse_rate_limits(split_list(flag, [text]))),
    "admin_token": ("admin_token", lambda flag, text: text),
}
