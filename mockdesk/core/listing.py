"""The one request flow every vendor endpoint runs, written once.

1 fault rule? 2 auth 3 rate limit 4 parse query 5 select 6 page 7 serialize 8 headers.
Step 2 reads a vendor's version header first, where the vendor has one.
Steps 1-3 are :func:`admit` (every vendor endpoint calls it); :func:`list_tickets` adds 4-7;
step 8 (rate-limit headers) is the app's ``after_request`` hook, so errors get them too.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from flask import Response, g, request

from mockdesk.core.auth import AuthPolicy, Principal
from mockdesk.core.errors import NotFound
from mockdesk.core.generator import Dataset
from mockdesk.core.query import parse_query, schema_for
from mockdesk.core.responses import RawJson, json_response
from mockdesk.core.state import current_state
from mockdesk.core.vendor import VendorSpec


def current_vendor() -> VendorSpec:
    """The vendor whose blueprint is answering this request (blueprint name == slug)."""
    return current_state().vendors[request.blueprint or ""]


def current_dataset() -> Dataset:
    return current_state().datasets[request.blueprint or ""]


def admit(policy: AuthPolicy | None = None) -> Principal:
    """Fault rules, the version header, credentials, then the rate limit; returns who calls.

    The version is checked before the credentials, as an API that negotiates versions (DRF's
    ``APIView.initial``) decides the version before it authenticates, checks permissions and
    throttles. ``policy`` replaces the vendor's own for an endpoint that needs another scope
    (say, an account-level lookup beside the ticket endpoints).
    """
    spec = current_vendor()
    state = current_state()
    state.faults.raise_if_due(spec.slug, request.path, state.limits[spec.slug])
    policy = policy or spec.auth
    if policy.version is not None:
        policy.version.resolve(request.headers)
    principal = state.credentials.authenticate(request.headers.get("Authorization"), policy)
    limit = state.limits[spec.slug]
    if limit is not None:
        g.mockdesk_rate_limit = state.limiter.hit(limit, spec.slug, principal.name)
    return principal


def find_ticket(ticket_id: Hashable) -> Any:
    """The current vendor's ticket by id, or the neutral 404 its renderer words."""
    ticket = current_dataset().store.get(ticket_id)
    if ticket is None:
        raise NotFound("ticket", str(ticket_id))
    return ticket


def render_items(tickets: Sequence[Any]) -> RawJson:
    """``tickets`` as the current vendor serializes them: each encoded once, then reused."""
    spec = current_vendor()
    return current_dataset().rendered.items(tickets, spec.serialize, spec.json_style)


def list_tickets() -> Response:
    """Answer a vendor's ticket list: admit, parse, select, page, serialize."""
    admit()
    spec = current_vendor()
    query = parse_query(schema_for(spec.query), request.args)
    data = current_dataset()
    matches = data.store.select(spec.criteria(query))
    return json_response(spec.paginate(matches, query, data), style=spec.json_style)
