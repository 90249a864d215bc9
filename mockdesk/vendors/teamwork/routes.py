"""Teamwork's endpoints beside tickets.json: the search, the SDK's lookup resources and the
messages of a ticket.

Every one runs the vendor's admit first (faults, credentials, the rate-limit window it shares
with tickets.json), parses its query with the core parser and raises typed problems that
``errors.py`` renders; the bodies are pure functions (``envelope``, ``lookups``).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from flask import Blueprint, Response, request

from mockdesk.core.encoding import json_response
from mockdesk.core.errors import ResourceNotFound
from mockdesk.core.exchange import current_exchange
from mockdesk.core.pipeline import admit, list_tickets
from mockdesk.core.query import parse_query, schema_for
from mockdesk.core.vendor import ListEndpoint
from mockdesk.vendors.teamwork import envelope, lookups, search

routes = Blueprint("teamwork", __name__)

# The search is the ticket list with another query: the core pipeline runs it unchanged.
SEARCH = ListEndpoint(
    path=search.PATH,
    query=search.SearchQuery,
    criteria=search.criteria,
    order=envelope.ordered,
    page=search.page,
    envelope=envelope.tickets_page,
)
TICKET_MESSAGES = "/desk/api/v2/tickets/<int:ticket_id>/messages.json"


@routes.get(SEARCH.path)
def search_tickets() -> Response:
    spec, _ = current_exchange().require_vendor()
    return list_tickets(spec, SEARCH)


def list_resource(resource: lookups.Resource[Any]) -> Response:
    admit()
    spec, dataset = current_exchange().require_vendor()
    query = parse_query(schema_for(resource.query), request.args)
    body = lookups.list_body(resource, resource.rows(dataset), query, dataset)
    return json_response(body, style=spec.json_style)


def show_resource(resource: lookups.Resource[Any], entity_id: int) -> Response:
    admit()
    spec, dataset = current_exchange().require_vendor()
    query = parse_query(schema_for(resource.single_query), request.args)
    row = resource.find(dataset, entity_id)
    if row is None:
        raise ResourceNotFound(resource.single, str(entity_id))
    return json_response(lookups.single_body(resource, row, query, dataset), style=spec.json_style)


@routes.get(TICKET_MESSAGES)
def ticket_messages(ticket_id: int) -> Response:
    """One ticket's thread, paged and filtered like ``messages.json`` (oldest first)."""
    admit()
    spec, dataset = current_exchange().require_vendor()
    resource = lookups.MESSAGES
    query = parse_query(schema_for(resource.query), request.args)
    ticket = dataset.store.get(ticket_id)
    if ticket is None:
        raise ResourceNotFound("ticket", str(ticket_id))
    body = lookups.list_body(resource, ticket.messages, query, dataset)
    return json_response(body, style=spec.json_style)


for _resource in lookups.RESOURCES:
    routes.add_url_rule(_resource.path, f"{_resource.base}_list", partial(list_resource, _resource))
    routes.add_url_rule(
        _resource.single_path, f"{_resource.base}_single", partial(show_resource, _resource)
    )
