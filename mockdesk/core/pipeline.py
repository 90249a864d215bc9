"""The one request flow every vendor endpoint runs, written once.

``admit``: 1 fault rules (a delay, a vendor-format error, or a transport fault that
:mod:`mockdesk.core.transport` applies to the connection), 2 version header + credentials +
scope, 3 rate limit (the tenant's moving window on the tenant's clock). Every vendor endpoint
calls it first, those the core registers from a spec and a vendor's own routes alike.
``list_tickets`` then runs 4 parse (the vendor's marshmallow schema) 5 check (vendor hook, may
refuse) 6 select (store criteria) 7 order (vendor hook) 8 page 9 envelope (vendor, pure)
10 encode. ``show_ticket`` runs parse, locate and envelope. Any step raises a typed problem
that the vendor's ``errors.py`` renders; rate-limit headers and the journal entry are added in
the app's ``after_request`` from the :class:`~mockdesk.core.exchange.Exchange`.

The version is checked before the credentials, as an API that negotiates versions (DRF's
``APIView.initial``) decides the version before it authenticates, checks permissions and
throttles.
"""

from __future__ import annotations

import time
from typing import Any

from flask import Response, request
from limits import RateLimitItem

from mockdesk.core.auth import AuthPolicy, Principal
from mockdesk.core.encoding import json_response
from mockdesk.core.errors import ResourceNotFound
from mockdesk.core.exchange import Exchange, current_exchange
from mockdesk.core.faults import RequestFacts
from mockdesk.core.query import parse_query, schema_for
from mockdesk.core.state import current_state
from mockdesk.core.transport import ENVIRON_KEY as TRANSPORT_KEY
from mockdesk.core.transport import SEVERING, TransportFault
from mockdesk.core.vendor import DetailContext, ListContext, ListEndpoint, VendorSpec


def admit(policy: AuthPolicy | None = None) -> Principal:
    """Fault rules, the version header, credentials, then the rate limit; returns who calls.

    ``policy`` replaces the vendor's own for an endpoint that needs another scope (say, an
    account-level lookup beside the ticket endpoints). Credentials are read once: the fault
    rules match on them before the version is checked, and the principal they name is reused.
    """
    exchange = current_exchange()
    spec, _ = exchange.require_vendor()
    tenant = exchange.tenant
    policy = policy or spec.auth
    header = request.headers.get("Authorization")
    caller = tenant.credentials.identify(header, policy)
    exchange.credential = caller.name if caller else None
    limit = tenant.limit_for(spec.slug, current_state().limit_for(spec.slug))
    _apply_faults(exchange, spec.slug, limit)
    if policy.version is not None:
        policy.version.resolve(request.headers)
    exchange.identified = True
    exchange.principal = caller or tenant.credentials.identify_or_refuse(header, policy)
    tenant.credentials.require_scope(exchange.principal, policy)
    if limit is not None:
        exchange.rate_limit = tenant.windows.hit(limit, spec.slug, exchange.principal.name)
    return exchange.principal


def _apply_faults(exchange: Exchange, vendor: str, limit: RateLimitItem | None) -> None:
    """Step 1: the first fault rule that fires shapes this response (delay, error, transport)."""
    tenant = exchange.tenant
    facts = RequestFacts(vendor, request.path, request.method, exchange.credential, tenant.name)
    decision = tenant.faults.pick(facts)
    if decision is None:
        return
    exchange.fault = decision.rule_id
    if decision.transport is not None:
        request.environ[TRANSPORT_KEY] = decision.transport
    if decision.delay_ms:
        time.sleep(decision.delay_ms / 1000)
    error = decision.build_error(limit, tenant.clock.now())
    if error is not None:
        raise error
    if decision.transport in SEVERING:
        raise TransportFault(decision.transport)


def list_tickets(spec: VendorSpec, endpoint: ListEndpoint[Any] | None = None) -> Response:
    """A vendor's ticket list: admit, then parse → check → select → order → page → envelope.

    ``endpoint`` is another list over the same tickets (a search with its own query), run by
    the same steps; by default the spec's own ``listing``."""
    admit()
    exchange = current_exchange()
    _, dataset = exchange.require_vendor()
    endpoint = endpoint or spec.listing
    query = parse_query(schema_for(endpoint.query), request.args)
    endpoint.check(query, dataset)
    matches = endpoint.order(dataset.store.select(endpoint.criteria(query)), query)
    context = ListContext(
        page=endpoint.page(matches, query, dataset),
        matches=matches,
        query=query,
        dataset=dataset,
        url=exchange.url,
        render=lambda tickets: dataset.rendered.items(tickets, spec.serialize, spec.json_style),
    )
    return json_response(endpoint.envelope(context), style=spec.json_style)


def show_ticket(spec: VendorSpec, **path_args: Any) -> Response:
    """One ticket: admit, parse the detail query (if any), locate, envelope."""
    admit()
    exchange = current_exchange()
    _, dataset = exchange.require_vendor()
    endpoint = spec.detail
    query = parse_query(schema_for(endpoint.query), request.args) if endpoint.query else {}
    ticket = endpoint.locate({**path_args, **query}, dataset)
    if ticket is None:
        reference = next(iter(path_args.values()), None) or request.query_string.decode("latin-1")
        raise ResourceNotFound("ticket", str(reference))
    context = DetailContext(ticket=ticket, query=query, dataset=dataset, url=exchange.url)
    return json_response(endpoint.envelope(context), style=spec.json_style)
