"""The OAuth 2.0 client-credentials grant (RFC 6749 §4.4), for vendors that issue bearer tokens.

Clients authenticate with HTTP Basic (``client_secret_basic``) or form fields
(``client_secret_post``). Errors are RFC 6749 §5.2 bodies, which is what OAuth client libraries
parse, so they are rendered here rather than in the vendor's API error format.

The token endpoint has its own rate limit, :data:`TOKEN_RATE_LIMIT` per client and issuer
(default 60/minute: a test suite re-authenticates a few times a minute; a loop that mints a
token per request is refused before it can grow the token table without bound). It counts
authenticated requests only (a wrong secret creates no state). Past it: 429 with
``Retry-After`` and the RFC 6749 body ``{"error": "slow_down", …}`` (``slow_down`` is the
registered OAuth error code for "ask less often", RFC 8628 §3.5; RFC 6749 has none for it).
The counters are the server's rate-limit windows, passed in as ``limiter``, so they share the
storage (memory or Redis), the clock and the reset of every other window.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

from flask import Response
from limits import RateLimitItem

from mockdesk.core.auth import Credentials, Principal
from mockdesk.core.encoding import json_response
from mockdesk.core.errors import RateLimited, RateLimitStatus
from mockdesk.core.ratelimit import parse_limit

_DESCRIPTIONS = {
    "invalid_request": "The request is missing a required parameter, includes an invalid "
    "parameter value, includes a parameter more than once, or is otherwise malformed.",
    "invalid_client": "Client authentication failed (e.g., unknown client, no client "
    "authentication included, or unsupported authentication method).",
    "unsupported_grant_type": "The authorization grant type is not supported by the "
    "authorization server.",
    "invalid_scope": "The requested scope is invalid, unknown, or malformed.",
    "slow_down": "Too many token requests from this client; retry after the number of seconds "
    "in Retry-After.",
}

TOKEN_RATE_LIMIT = "60/minute"


class TokenLimiter(Protocol):
    """What counts token requests: one tenant's rate-limit windows; raises
    :class:`~mockdesk.core.errors.RateLimited` when over."""

    def hit(self, limit: RateLimitItem, vendor: str, credential: str) -> RateLimitStatus: ...


class OAuthError(Exception):
    def __init__(self, error: str, status: int = 400, retry_after: int | None = None) -> None:
        super().__init__(error)
        self.error = error
        self.status = status
        self.retry_after = retry_after

    def response(self) -> Response:
        headers = {"Cache-Control": "no-store", "Pragma": "no-cache"}
        if self.status == 401:
            headers["WWW-Authenticate"] = 'Basic realm="oauth2"'
        if self.retry_after is not None:
            headers["Retry-After"] = str(self.retry_after)
        body = {"error": self.error, "error_description": _DESCRIPTIONS[self.error]}
        return json_response(body, self.status, headers=headers)


@dataclass(frozen=True)
class ClientCredentialsGrant:
    """What a vendor's token endpoint grants: lifetime, token type wording, scopes, and how
    many tokens one client may ask for (``rate_limit``, the ``limits`` notation or ``off``)."""

    ttl_seconds: int
    token_type: str
    default_scopes: tuple[str, ...]
    allowed_scopes: frozenset[str]
    rate_limit: str = TOKEN_RATE_LIMIT

    def __post_init__(self) -> None:
        _ = self.token_limit  # a bad limit fails at import, not at the first request

    @cached_property
    def token_limit(self) -> RateLimitItem | None:
        return parse_limit(self.rate_limit)

    def issue(
        self,
        credentials: Credentials,
        form: Mapping[str, str],
        authorization: str | None,
        limiter: TokenLimiter | None = None,
        issuer: str = "oauth",
    ) -> dict[str, object]:
        """The token response for a valid request; raises :class:`OAuthError` otherwise.

        With a ``limiter``, each authenticated request counts against :attr:`token_limit` in
        the window of (``issuer``/oauth2-token, client): ``issuer`` is the vendor's slug, so
        one client's token requests at two vendors count apart, and apart from its API calls.
        """
        grant_type = form.get("grant_type")
        if not grant_type:
            raise OAuthError("invalid_request")
        if grant_type != "client_credentials":
            raise OAuthError("unsupported_grant_type")
        principal = self._client(credentials, form, authorization)
        self._throttle(limiter, issuer, principal)
        scopes = tuple(form["scope"].split()) if form.get("scope") else self.default_scopes
        if not set(scopes) <= self.allowed_scopes:
            raise OAuthError("invalid_scope")
        token = credentials.issue(principal, self.ttl_seconds, scopes, issuer)
        return {
            "access_token": token,
            "expires_in": self.ttl_seconds,
            "scope": " ".join(scopes),
            "token_type": self.token_type,
        }

    def _throttle(self, limiter: TokenLimiter | None, issuer: str, principal: Principal) -> None:
        limit = self.token_limit
        if limiter is None or limit is None:
            return
        try:
            limiter.hit(limit, f"{issuer}/oauth2-token", principal.name)
        except RateLimited as refused:
            raise OAuthError("slow_down", 429, refused.rate_limit.retry_after) from None

    @staticmethod
    def _client(
        credentials: Credentials, form: Mapping[str, str], authorization: str | None
    ) -> Principal:
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        scheme, _, encoded = (authorization or "").partition(" ")
        if scheme.lower() == "basic":
            try:
                client_id, _, client_secret = (
                    base64.b64decode(encoded.strip(), validate=True).decode().partition(":")
                )
            except (binascii.Error, UnicodeDecodeError):
                raise OAuthError("invalid_client", 401) from None
        principal = credentials.check_pair(client_id or "", client_secret or "")
        if principal is None:
            raise OAuthError("invalid_client", 401)
        return principal
