"""A Python client for the admin API of a running mockdesk (``/__mockdesk/``).

Why: tests drive mockdesk wherever it runs: a :class:`~mockdesk.testing.live.LiveServer` in the
test process, ``mockdesk serve`` in another, or a Docker container in CI (``MOCKDESK_URL``).
This client speaks only the documented HTTP contract, so it works the same against all three,
and it uses only the standard library (``urllib``): installing mockdesk's test tooling adds
nothing to a user's dependencies.

Every call sends ``X-Mockdesk-Tenant`` when the client has a tenant (so parallel workers stay
apart) and ``Authorization: Bearer <admin token>`` when it has one. A refused call raises
:class:`MockdeskAdminError` with the status and the server's ``fields``.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

URL_VARIABLE = "MOCKDESK_URL"
TOKEN_VARIABLE = "MOCKDESK_ADMIN_TOKEN"
TENANT_HEADER = "X-Mockdesk-Tenant"
ADMIN = "/__mockdesk"

ParamValue = str | int | float | bool | Sequence[str | int | float | bool]


class MockdeskAdminError(Exception):
    """The server refused an admin call. ``fields`` holds its per-field messages, if any."""

    def __init__(self, method: str, path: str, status: int, body: Any) -> None:
        self.method, self.path, self.status, self.body = method, path, status, body
        self.fields: dict[str, Any] = {}
        if isinstance(body, dict) and isinstance(body.get("fields"), dict):
            self.fields = body["fields"]
        super().__init__(f"{method} {path} -> {status}: {json.dumps(body, ensure_ascii=False)}")


class MockdeskClient:
    """Admin calls against one server (and one tenant, if given).

    ``base_url`` defaults to ``$MOCKDESK_URL``; ``admin_token`` to ``$MOCKDESK_ADMIN_TOKEN``.
    """

    def __init__(
        self,
        base_url: str | None = None,
        tenant: str | None = None,
        admin_token: str | None = None,
        timeout: float = 10.0,
    ) -> None:
        url = base_url or os.environ.get(URL_VARIABLE)
        if not url:
            raise ValueError(f"give base_url or set {URL_VARIABLE} (e.g. http://127.0.0.1:8080)")
        self.base_url = url.rstrip("/")
        self.tenant = tenant
        self.admin_token = (
            admin_token if admin_token is not None else os.environ.get(TOKEN_VARIABLE)
        )
        self.timeout = timeout
        self.clock = Clock(self)

    @property
    def url(self) -> str:
        """The server's base URL: a client swaps its vendor's base URL for this."""
        return self.base_url

    def vendor_headers(self) -> dict[str, str]:
        """Headers a vendor client must add to its requests to act in this client's tenant."""
        return {} if self.tenant is None else {TENANT_HEADER: self.tenant}

    def for_tenant(self, tenant: str | None) -> MockdeskClient:
        """The same server, another tenant."""
        return MockdeskClient(self.base_url, tenant, self.admin_token, self.timeout)

    # --- faults ---------------------------------------------------------------------------

    def fault(self, **rule: Any) -> dict[str, Any]:
        """Add a fault rule (``error=``, ``delay_ms=``, ``transport=``, ``times=``…); the
        stored rule with its ``id``."""
        return self._object("POST", "/faults", body=rule)

    def faults(self) -> list[dict[str, Any]]:
        return _list(self._object("GET", "/faults"), "faults")

    def clear_faults(self) -> None:
        self._json("DELETE", "/faults")

    def remove_fault(self, rule_id: int) -> None:
        self._json("DELETE", f"/faults/{int(rule_id)}")

    # --- journal --------------------------------------------------------------------------

    def requests(self, **filters: ParamValue | None) -> list[dict[str, Any]]:
        """Journal entries, oldest first; filters ``vendor``, ``path``, ``method``, ``status``,
        ``tenant``, ``since``."""
        params = {name: value for name, value in filters.items() if value is not None}
        return _list(self._object("GET", "/requests", params=params), "requests")

    def clear_requests(self) -> None:
        self._json("DELETE", "/requests")

    def assert_requested(
        self,
        vendor: str | None = None,
        path: str | None = None,
        params: Mapping[str, ParamValue] | None = None,
        times: int | None = None,
        method: str | None = None,
    ) -> list[dict[str, Any]]:
        """Assert the journal holds matching requests: ``times`` exactly, or at least one.

        Each of ``params`` must be present with exactly these values (a scalar is a one-value
        list; a repeated parameter is a list, in order); other parameters may be there too.
        Returns the matches; raises ``AssertionError`` listing what was received instead.
        """
        entries = self.requests(vendor=vendor, method=method)
        matches, report = match_requests(entries, path=path, params=params)
        if (times is None and matches) or (times is not None and len(matches) == times):
            return matches
        wanted = "at least once" if times is None else f"{times} time(s)"
        described = (
            ", ".join(
                f"{k}={v!r}"
                for k, v in (
                    ("vendor", vendor),
                    ("method", method),
                    ("path", path),
                    ("params", params),
                )
                if v is not None
            )
            or "any request"
        )
        raise AssertionError(f"expected {described} {wanted}, found {len(matches)}.\n{report}")

    # --- clock, data, limits, reset -------------------------------------------------------

    def add_tickets(
        self, slug: str, tickets: Mapping[str, Any] | Sequence[Mapping[str, Any]]
    ) -> list[dict[str, Any]]:
        """Add one ticket (a mapping) or several (a sequence), in the vendor's fixture shape;
        the tickets as stored."""
        body = dict(tickets) if isinstance(tickets, Mapping) else {"tickets": list(tickets)}
        path = f"/vendors/{_segment(slug)}/tickets"
        return _list(self._object("POST", path, body=body), "tickets")

    def replace_ticket(
        self, slug: str, ticket_id: str | int, ticket: Mapping[str, Any]
    ) -> dict[str, Any]:
        path = f"/vendors/{_segment(slug)}/tickets/{_segment(str(ticket_id))}"
        return _dict(self._object("PUT", path, body=dict(ticket)), "ticket")

    def delete_ticket(self, slug: str, ticket_id: str | int) -> None:
        path = f"/vendors/{_segment(slug)}/tickets/{_segment(str(ticket_id))}"
        self._json("DELETE", path)

    def set_rate_limit(self, slug: str, limit: str) -> dict[str, Any]:
        """``30/minute``, ``4/second`` or ``off``; every vendor's limit afterwards."""
        path = f"/rate-limits/{_segment(slug)}"
        return self._object("PUT", path, body={"limit": limit})

    def reset(self, seed: int | None = None) -> dict[str, Any]:
        """Reset this client's tenant (or, with no tenant, the default one; see the contract)."""
        body = {} if seed is None else {"seed": seed}
        return self._object("POST", "/reset", body=body)

    def health(self) -> dict[str, Any]:
        return self._object("GET", "/health")

    # --- transport ------------------------------------------------------------------------

    def headers(self) -> dict[str, str]:
        """What every admin call carries."""
        headers = {"Accept": "application/json"}
        if self.tenant is not None:
            headers[TENANT_HEADER] = self.tenant
        if self.admin_token:
            headers["Authorization"] = f"Bearer {self.admin_token}"
        return headers

    def _object(
        self,
        method: str,
        path: str,
        body: Mapping[str, Any] | None = None,
        params: Mapping[str, ParamValue] | None = None,
    ) -> dict[str, Any]:
        """A call whose answer must be a JSON object."""
        answer = self._json(method, path, body, params)
        if not isinstance(answer, dict):
            raise MockdeskAdminError(method, f"{ADMIN}{path}", 200, answer)
        return answer

    def _json(
        self,
        method: str,
        path: str,
        body: Mapping[str, Any] | None = None,
        params: Mapping[str, ParamValue] | None = None,
    ) -> Any:
        url = f"{self.base_url}{ADMIN}{path}"
        if params:
            url += "?" + urllib.parse.urlencode(list(_pairs(params)))
        headers = self.headers()
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            with error:
                raw = error.read()
            raise MockdeskAdminError(method, f"{ADMIN}{path}", error.code, _decode(raw)) from None
        return _decode(raw) if raw else None


@dataclass(frozen=True)
class Clock:
    """The tenant's mock clock: ``client.clock.advance(61)``."""

    client: MockdeskClient

    def now(self) -> datetime:
        return _parse_time(self.state()["now"])

    @property
    def frozen(self) -> bool:
        return bool(self.state()["frozen"])

    def state(self) -> dict[str, Any]:
        """``{"now": <RFC 3339>, "frozen": bool}``."""
        return self.client._object("GET", "/clock")

    def advance(self, seconds: float) -> datetime:
        return self._post({"advance": seconds})

    def freeze(self) -> datetime:
        return self._post({"freeze": True})

    def unfreeze(self) -> datetime:
        return self._post({"freeze": False})

    def set(self, moment: datetime | str) -> datetime:
        """Jump to ``moment`` (an aware datetime or an RFC 3339 string)."""
        if isinstance(moment, datetime):
            if moment.tzinfo is None:
                raise ValueError("clock.set needs an aware datetime (e.g. tzinfo=UTC)")
            moment = moment.isoformat()
        return self._post({"set": moment})

    def _post(self, body: dict[str, Any]) -> datetime:
        return _parse_time(self.client._object("POST", "/clock", body=body)["now"])


def match_requests(
    entries: Iterable[Mapping[str, Any]],
    path: str | None = None,
    params: Mapping[str, ParamValue] | None = None,
) -> tuple[list[dict[str, Any]], str]:
    """The entries whose path and query match, and a report of the others for a failure.

    Pure (no HTTP), so the matching rules are tested on their own.
    """
    wanted = {name: _as_strings(value) for name, value in (params or {}).items()}
    matches: list[dict[str, Any]] = []
    lines: list[str] = []
    for entry in entries:
        query: Mapping[str, list[str]] = entry.get("query") or {}
        problems = []
        if path is not None and entry.get("path") != path:
            problems.append(f"path {entry.get('path')!r} != {path!r}")
        for name, values in wanted.items():
            got = query.get(name)
            if got is None:
                problems.append(f"{name} missing")
            elif got != values:
                problems.append(f"{name}={got!r} != {values!r}")
        if problems:
            lines.append(f"  #{entry.get('id')} {_describe(entry)}: {'; '.join(problems)}")
        else:
            matches.append(dict(entry))
    received = "\n".join(lines[-20:]) if lines else "  (no other requests)"
    more = f"\n  … and {len(lines) - 20} earlier" if len(lines) > 20 else ""
    return matches, f"received instead (newest last):\n{received}{more}"


def _list(answer: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = answer.get(key)
    if not isinstance(value, list):
        raise TypeError(f"expected a list under {key!r}, got {answer!r}")
    return value


def _dict(answer: dict[str, Any], key: str) -> dict[str, Any]:
    value = answer.get(key)
    if not isinstance(value, dict):
        raise TypeError(f"expected an object under {key!r}, got {answer!r}")
    return value


def _describe(entry: Mapping[str, Any]) -> str:
    query = urllib.parse.urlencode(
        [(k, v) for k, values in (entry.get("query") or {}).items() for v in values]
    )
    target = f"{entry.get('path')}?{query}" if query else str(entry.get("path"))
    return f"{entry.get('method')} {target} -> {entry.get('status')} ({entry.get('vendor')})"


def _as_strings(value: ParamValue) -> list[str]:
    if isinstance(value, str | int | float | bool):
        return [_scalar(value)]
    return [_scalar(item) for item in value]


def _scalar(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _pairs(params: Mapping[str, ParamValue]) -> Iterable[tuple[str, str]]:
    for name, value in params.items():
        for item in _as_strings(value):
            yield name, item


def _segment(text: str) -> str:
    return urllib.parse.quote(text, safe="")


def _decode(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return raw.decode("utf-8", "replace")


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
