"""Credentials, the schemes that carry them, and the scopes they grant.

A vendor declares which schemes it reads (``basic``, ``bearer``, ``raw``: the whole header is
the token) and which scope its endpoints need; the core decides who is calling and raises
:class:`Unauthenticated` or :class:`Forbidden`. Tokens minted by a vendor's OAuth endpoint live
here too, with their expiry, so "expired credentials" is a real state a client can reach.
"""

from __future__ import annotations

import base64
import binascii
import secrets
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from werkzeug.datastructures import Headers

from mockdesk.core.errors import AuthFailure, Forbidden, Unauthenticated, UnsupportedVersion

ALL_SCOPES = "*"


@dataclass(frozen=True)
class Principal:
    """Who is calling: ``name`` keys the rate limit, ``scopes`` gate the endpoints."""

    name: str
    scopes: frozenset[str]

    def allows(self, scope: str | None) -> bool:
        return scope is None or ALL_SCOPES in self.scopes or scope in self.scopes


@dataclass(frozen=True)
class VersionHeader:
    """An API version the client names in a request header, checked before the credentials.

    A missing header means ``default``; any value not in ``known`` (an empty one included) is
    :class:`UnsupportedVersion`. Values are compared exactly, as version strings are.
    """

    name: str
    known: tuple[str, ...]
    default: str

    def resolve(self, headers: Mapping[str, str] | Headers) -> str:
        value = headers.get(self.name)
        if value is None:
            return self.default
        if value not in self.known:
            raise UnsupportedVersion(self.name, value)
        return value


@dataclass(frozen=True)
class AuthPolicy:
    """What one vendor accepts: the schemes in ``Authorization``, the scope it requires, and
    the version header it reads before looking at credentials (None: it has none)."""

    schemes: tuple[str, ...]
    scope: str | None = None
    version: VersionHeader | None = None
    # Basic carrying a token as the username and any password (``API_KEY:x``)
    basic_username_is_token: bool = False
    # the OAuth endpoint (a vendor slug) whose issued tokens this API accepts; None: none are
    token_issuer: str | None = None


@dataclass(frozen=True)
class DefaultCredentials:
    """The credentials every fresh server accepts (printed by ``mockdesk credentials``)."""

    token: str = "mockdesk-token"
    token_without_scopes: str = "mockdesk-token-noscope"
    basic_username: str = "mockdesk-key"
    basic_password: str = "mockdesk-secret"


# Issued tokens stay known for this long after they expire (so a client sees "expired", not
# "invalid"), then are forgotten; and at most this many are kept (the oldest go first).
EXPIRED_TOKENS_KEPT_SECONDS = 24 * 60 * 60
MAX_ISSUED_TOKENS = 10_000


@dataclass(frozen=True)
class IssuedToken:
    principal: Principal
    # the vendor whose OAuth endpoint minted it, the only one that accepts it (None: any vendor,
    # for a token a test mints directly as a second credential)
    issuer: str | None
    expires_at: float


@dataclass
class Credentials:
    """The credential table: static tokens, Basic pairs, and issued tokens with an expiry.

    Issued tokens are bounded: each issue forgets tokens that expired more than
    :data:`EXPIRED_TOKENS_KEPT_SECONDS` ago, and past :data:`MAX_ISSUED_TOKENS` the oldest.
    """

    clock: Callable[[], float] = time.time
    defaults: DefaultCredentials = field(default_factory=DefaultCredentials)
    _tokens: dict[str, Principal] = field(default_factory=dict)
    _basic: dict[tuple[str, str], Principal] = field(default_factory=dict)
    _issued: dict[str, IssuedToken] = field(default_factory=dict)

    def __post_init__(self) -> None:
        everything = frozenset({ALL_SCOPES})
        d = self.defaults
        self._tokens[d.token] = Principal(d.token, everything)
        self._tokens[d.token_without_scopes] = Principal(d.token_without_scopes, frozenset())
        self._basic[(d.basic_username, d.basic_password)] = Principal(d.basic_username, everything)

    def check_pair(self, username: str, password: str) -> Principal | None:
        """The principal behind a client id/secret (or public/secret key) pair, if any."""
        return self._basic.get((username, password))

    def issue(
        self,
        principal: Principal,
        ttl_seconds: int,
        scopes: Iterable[str],
        issuer: str | None = None,
    ) -> str:
        """Mint a bearer token for ``principal`` that stops working after ``ttl_seconds`` and
        that only APIs whose policy names ``issuer`` accept."""
        now = self.clock()
        self._purge(now)
        token = secrets.token_urlsafe(32)
        granted = Principal(principal.name, frozenset(scopes))
        self._issued[token] = IssuedToken(granted, issuer, now + ttl_seconds)
        return token

    def expire_issued(self) -> int:
        """Make every issued token expired now (to test a client's re-authentication)."""
        now = self.clock()
        for token, issued in list(self._issued.items()):
            self._issued[token] = IssuedToken(issued.principal, issued.issuer, now)
        return len(self._issued)

    def _purge(self, now: float) -> None:
        """Forget long-expired tokens from the oldest on (tokens are kept in the order issued,
        and one grant's lifetime is fixed, so the oldest expire first), then any over the cap."""
        while self._issued:
            oldest = next(iter(self._issued))
            if self._issued[oldest].expires_at + EXPIRED_TOKENS_KEPT_SECONDS >= now:
                break
            del self._issued[oldest]
        while len(self._issued) >= MAX_ISSUED_TOKENS:
            del self._issued[next(iter(self._issued))]

    def forget_issued(self) -> None:
        self._issued.clear()

    def issued_token(self, token: str) -> IssuedToken | None:
        """An issued token by its text (a shared table looks further than this process)."""
        return self._issued.get(token)

    def identify_or_refuse(self, header: str | None, policy: AuthPolicy) -> Principal:
        """The caller behind ``header`` under ``policy``; :class:`Unauthenticated` when none."""
        if not header:
            raise Unauthenticated(AuthFailure.MISSING)
        return self._identify(header, policy)

    def authenticate(self, header: str | None, policy: AuthPolicy) -> Principal:
        """Both steps at once, for callers that need no principal when the scope is missing."""
        principal = self.identify_or_refuse(header, policy)
        self.require_scope(principal, policy)
        return principal

    @staticmethod
    def require_scope(principal: Principal, policy: AuthPolicy) -> None:
        """:class:`Forbidden` unless ``principal`` holds the scope ``policy`` requires."""
        if not principal.allows(policy.scope):
            raise Forbidden(policy.scope)

    def identify(self, header: str | None, policy: AuthPolicy) -> Principal | None:
        """Who ``header`` names, scopes aside; None when nobody (never raises)."""
        if not header:
            return None
        try:
            return self._identify(header, policy)
        except Unauthenticated:
            return None

    def _identify(self, header: str, policy: AuthPolicy) -> Principal:
        schemes = policy.schemes
        scheme, _, value = header.partition(" ")
        scheme = scheme.lower()
        if "basic" in schemes and scheme == "basic":
            return self._basic_principal(value.strip(), policy)
        if "bearer" in schemes and scheme == "bearer":
            return self._token_principal(value.strip(), policy)
        if "raw" in schemes:
            return self._token_principal(header.strip(), policy)
        raise Unauthenticated(AuthFailure.INVALID)

    def _basic_principal(self, encoded: str, policy: AuthPolicy) -> Principal:
        try:
            decoded = base64.b64decode(encoded, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise Unauthenticated(AuthFailure.INVALID) from None
        username, separator, password = decoded.partition(":")
        if policy.basic_username_is_token and separator:
            return self._token_principal(username, policy)
        principal = self.check_pair(username, password) if separator else None
        if principal is None:
            raise Unauthenticated(AuthFailure.INVALID)
        return principal

    def _token_principal(self, token: str, policy: AuthPolicy) -> Principal:
        if token in self._tokens:
            return self._tokens[token]
        issued = self.issued_token(token)
        if issued is None or issued.issuer not in (None, policy.token_issuer):
            raise Unauthenticated(AuthFailure.INVALID)
        if self.clock() >= issued.expires_at:
            raise Unauthenticated(AuthFailure.EXPIRED)
        return issued.principal
