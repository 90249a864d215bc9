"""The one request flow every vendor endpoint runs, written once.

``admit``: 1 fault rules, 2 version header + credentials + scope, 3 rate limit. Every vendor
endpoint calls it first, those the core registers from a spec and a vendor's own routes alike.
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

from typing import Any

from flask import Response, request

from mockdesk.core.auth import AuthPolicy, Principal
from mockdesk.core.encoding import json_response
from mockdesk.core.errors import ResourceNotFound
from mockdesk.core.exchange import current_exchange
from mockdesk.core.query import parse_query, schema_for
from mockdesk.core.state import current_state
from mockdesk.core.vendor import DetailContext, ListContext, VendorSpec


def admit(policy: AuthPolicy | None = None) -> Principal:
    """Fault rules, the version header, credentials, then the rate limit; returns who calls.

    ``policy`` replaces the vendor's own for an endpoint that needs another scope (say, an
    account-level lookup beside the ticket endpoints).
    """
    exchange = current_exchange()
    spec, _ = exchange.require_vendor()
    state = current_state()
    state.faults.raise_if_due(spec.slug, request.path, state.limit_for(spec.slug))
    policy = policy or spec.auth
    if policy.version is not None:
        policy.version.resolve(request.headers)
    exchange.identified = True
    exchange.principal = state.credentials.identify_or_refuse(
        request.headers.get("Authorization"), policy
    )
    state.credentials.require_scope(exchange.principal, policy)
    limit = state.limit_for(spec.slug)
    if limit is not None:
        exchange.rate_limit = state.limiter.hit(limit, spec.slug, exchange.principal.name)
    return exchange.principal


def list_tickets(spec: VendorSpec) -> Response:
    """A vendor's ticket list: admit, then parse → check → select → order → page → envelope."""
    admit()
    exchange = current_exchange()
    _, dataset = exchange.require_vendor()
    endpoint = spec.listing
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
