"""The one place configuration is parsed: CLI flags and ``MOCKDESK_*`` variables become Settings.

Every value flag of ``mockdesk serve`` has a variable (``--seed`` is ``MOCKDESK_SEED``,
``--rate-limit`` is ``MOCKDESK_RATE_LIMIT``; repeatable flags take comma-separated values,
``--fixtures`` takes ``os.pathsep``-separated paths). Flags win over variables. Anything
invalid raises :class:`SettingsError` with a one-line message.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from mockdesk.core.auth import DefaultCredentials
from mockdesk.core.ratelimit import parse_limit


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
    threads: int = 8
    storage_uri: str = "memory://"
    credentials: DefaultCredentials = field(default_factory=DefaultCredentials)

    def __post_init__(self) -> None:
        if not 0 <= self.port <= 65535:
            raise SettingsError(f"port: must be between 0 and 65535 (got {self.port})")
        if self.seed < 0:
            raise SettingsError(f"seed: must be 0 or more (got {self.seed})")
        if not 0 <= self.tickets <= 1_000_000:
            raise SettingsError(f"tickets: must be between 0 and 1000000 (got {self.tickets})")
        if self.threads < 1:
            raise SettingsError(f"threads: must be 1 or more (got {self.threads})")
        for slug, limit in self.rate_limits.items():
            try:
                parse_limit(limit)
            except ValueError:
                raise SettingsError(
                    f"rate-limit: {slug}={limit} is not a limit like 30/minute, 4/second or off"
                ) from None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        return cls().with_env(environ)

    def with_env(self, environ: Mapping[str, str]) -> Settings:
        """These settings, with whatever ``MOCKDESK_*`` variables say."""
        changes: dict[str, object] = {}
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


def parse_int(name: str, text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise SettingsError(f"{name}: must be a whole number (got {text!r})") from None


def parse_rate_limits(pairs: Iterable[str]) -> dict[str, str]:
    """``["sendcloud=10/minute", "hostup=off"]`` to ``{"sendcloud": "10/minute", …}``."""
    limits = {}
    for pair in pairs:
        slug, separator, limit = pair.partition("=")
        if not separator or not slug.strip() or not limit.strip():
            raise SettingsError(
                f"rate-limit: {pair!r} must be SLUG=LIMIT, e.g. sendcloud=30/minute"
            )
        limits[slug.strip()] = limit.strip()
    return limits


def _split(text: str, separator: str = ",") -> list[str]:
    return [part.strip() for part in text.split(separator) if part.strip()]


# MOCKDESK_<flag> -> (Settings field, parser); the flag names are those of `mockdesk serve`.
_ENV = {
    "host": ("host", lambda flag, text: text),
    "port": ("port", parse_int),
    "seed": ("seed", parse_int),
    "tickets": ("tickets", parse_int),
    "threads": ("threads", parse_int),
    "storage_uri": ("storage_uri", lambda flag, text: text),
    "fixtures": ("fixtures", lambda flag, text: tuple(Path(p) for p in _split(text, os.pathsep))),
    "vendor": ("vendors", lambda flag, text: tuple(_split(text))),
    "rate_limit": ("rate_limits", lambda flag, text: parse_rate_limits(_split(text))),
}
