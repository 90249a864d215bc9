"""The OAuth 2.0 client-credentials grant (RFC 6749 §4.4), for vendors that issue bearer tokens.

Clients authenticate with HTTP Basic (``client_secret_basic``) or form fields
(``client_secret_post``). Errors are RFC 6749 §5.2 bodies, which is what OAuth client libraries
parse, so they are rendered here rather than in the vendor's API error format.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass

from flask import Response

from mockdesk.core.auth import Credentials, Principal
from mockdesk.core.encoding import json_response

_DESCRIPTIONS = {
    "invalid_request": "The request is missing a required parameter, includes an invalid "
    "parameter value, includes a parameter more than once, or is otherwise malformed.",
    "invalid_client": "Client authentication failed (e.g., unknown client, no client "
    "authentication included, or unsupported authentication method).",
    "unsupported_grant_type": "The authorization grant type is not supported by the "
    "authorization server.",
    "invalid_scope": "The requested scope is invalid, unknown, or malformed.",
}


class OAuthError(Exception):
    def __init__(self, error: str, status: int = 400) -> None:
        super().__init__(error)
        self.error = error
        self.status = status

    def response(self) -> Response:
        headers = {"Cache-Control": "no-store", "Pragma": "no-cache"}
        if self.status == 401:
            headers["WWW-Authenticate"] = 'Basic realm="oauth2"'
        body = {"error": self.error, "error_description": _DESCRIPTIONS[self.error]}
        return json_response(body, self.status, headers=headers)


@dataclass(frozen=True)
class ClientCredentialsGrant:
    """What a vendor's token endpoint grants: lifetime, token type wording, scopes."""

    ttl_seconds: int
    token_type: str
    default_scopes: tuple[str, ...]
    allowed_scopes: frozenset[str]

    def issue(
        self, credentials: Credentials, form: Mapping[str, str], authorization: str | None
    ) -> dict[str, object]:
        """The token response for a valid request; raises :class:`OAuthError` otherwise."""
        grant_type = form.get("grant_type")
        if not grant_type:
            raise OAuthError("invalid_request")
        if grant_type != "client_credentials":
            raise OAuthError("unsupported_grant_type")
        principal = self._client(credentials, form, authorization)
        scopes = tuple(form["scope"].split()) if form.get("scope") else self.default_scopes
        if not set(scopes) <= self.allowed_scopes:
            raise OAuthError("invalid_scope")
        token = credentials.issue(principal, self.ttl_seconds, scopes)
        return {
            "access_token": token,
            "expires_in": self.ttl_seconds,
            "scope": " ".join(scopes),
            "token_type": self.token_type,
        }

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
