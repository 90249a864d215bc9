"""Who may drive the admin API, and what a request to it must look like.

The admin API resets the server, expires tokens and injects faults, so it must not be open to
whoever reaches the port, nor to a web page the user happens to visit:

- with ``--admin-token T`` (``MOCKDESK_ADMIN_TOKEN``) every admin call needs
  ``Authorization: Bearer T`` (401 otherwise), from anywhere; Basic with ``T`` as the password
  (any user name) is accepted too, because a browser opening the dashboard can only send
  Basic: it asks once (the 401 offers both schemes) and sends it on every call after;
- without a token, admin calls are served only to loopback clients (403 otherwise, saying how to
  enable remote use);
- a call whose ``Origin`` names another origin is refused (403): a cross-site page can send a
  form POST or a ``text/plain`` fetch without a CORS preflight, and the browser adds ``Origin``;
- a POST/PUT/PATCH/DELETE that carries a body must send it as ``application/json`` (415), which a
  cross-site page cannot do without a preflight mockdesk never answers;
- a JSON body is read only if it is at most :data:`MAX_BODY_BYTES` and :data:`MAX_DEPTH` deep
  (400), so no body can exhaust the parser's recursion.

Vendor paths are never affected: their credentials are the vendor's own.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import ipaddress
import json
from typing import Any
from urllib.parse import urlsplit

from flask import Request, Response

from mockdesk.core.encoding import json_response

CHALLENGE = 'Bearer realm="mockdesk-admin", Basic realm="mockdesk-admin"'
MAX_BODY_BYTES = 1_000_000
MAX_DEPTH = 32
_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class AdminRefusal(Exception):
    """An admin request refused before its endpoint ran; ``response`` says why."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status)
        self.response = response


def refuse(status: int, error: str, detail: str, **headers: str) -> AdminRefusal:
    body = {"error": error, "detail": detail}
    return AdminRefusal(json_response(body, status, headers=headers))


def check(request: Request, admin_token: str | None) -> None:
    """Raise :class:`AdminRefusal` unless ``request`` may reach an admin endpoint."""
    raw_uri = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI") or ""
    if raw_uri.startswith("//"):  # folded into "/__mockdesk/…" by the server, not by us
        raise refuse(404, "not_found", "the admin API lives at /__mockdesk/ exactly")
    if admin_token is not None:
        if not _token_matches(request.headers.get("Authorization"), admin_token):
            raise refuse(
                401,
                "unauthorized",
                "admin calls need 'Authorization: Bearer <admin token>'",
                **{"WWW-Authenticate": CHALLENGE},
            )
    elif not _is_loopback(request.remote_addr):
        raise refuse(
            403,
            "forbidden",
            "the admin API answers loopback clients only; start mockdesk with --admin-token "
            "(or MOCKDESK_ADMIN_TOKEN) to allow other hosts with that bearer token",
        )
    origin = request.headers.get("Origin")
    if origin is not None and not _same_origin(origin, request.host_url):
        raise refuse(403, "forbidden", f"cross-origin admin calls are refused (Origin {origin})")
    if request.method in _WRITES and _has_body(request) and not request.is_json:
        raise refuse(415, "unsupported_media_type", "send the body as application/json")


def json_body(request: Request) -> Any:
    """The request's JSON body (None when there is none); :class:`AdminRefusal` when it is too
    large, too deep or not JSON."""
    if not _has_body(request):
        return None
    if (request.content_length or 0) > MAX_BODY_BYTES:
        raise refuse(413, "too_large", f"admin bodies are at most {MAX_BODY_BYTES} bytes")
    raw = request.get_data(cache=True)
    if len(raw) > MAX_BODY_BYTES:
        raise refuse(413, "too_large", f"admin bodies are at most {MAX_BODY_BYTES} bytes")
    text = raw.decode("utf-8", "replace")
    if _depth(text) > MAX_DEPTH:
        raise invalid("_body", f"must be nested at most {MAX_DEPTH} levels deep")
    try:
        return json.loads(text)
    except ValueError:
        raise invalid("_body", "must be JSON") from None


def invalid(field: str, message: str) -> AdminRefusal:
    """The admin API's one 400 shape: ``{"error": "invalid_request", "fields": {...}}``."""
    body = {"error": "invalid_request", "fields": {field: [message]}}
    return AdminRefusal(json_response(body, 400))


def _has_body(request: Request) -> bool:
    return bool(request.content_length) or request.headers.get("Transfer-Encoding") == "chunked"


def _token_matches(header: str | None, token: str) -> bool:
    """``Bearer <token>``, or ``Basic`` whose password is the token (a browser's only way)."""
    scheme, _, value = (header or "").partition(" ")
    if scheme.lower() == "bearer":
        return hmac.compare_digest(value.strip().encode(), token.encode())
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return False
        _, separator, password = decoded.partition(":")
        return bool(separator) and hmac.compare_digest(password.encode(), token.encode())
    return False


def _is_loopback(address: str | None) -> bool:
    try:
        return ipaddress.ip_address((address or "").split("%")[0]).is_loopback
    except ValueError:
        return False


def _same_origin(origin: str, host_url: str) -> bool:
    mine, theirs = urlsplit(host_url), urlsplit(origin)
    return (theirs.scheme, theirs.netloc) == (mine.scheme, mine.netloc)


def _depth(text: str) -> int:
    """How deeply ``[`` and ``{`` nest outside strings: checked before ``json.loads`` recurses."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest
