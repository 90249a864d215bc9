"""HostUp's real paths under /api/v2/support: tickets, one ticket, departments."""

from __future__ import annotations

import re
from dataclasses import replace

from flask import Blueprint, Response, request

from mockdesk.core.errors import NotFound
from mockdesk.core.listing import admit, current_dataset, current_vendor, list_tickets
from mockdesk.core.responses import json_response
from mockdesk.core.store import AnyOf
from mockdesk.vendors.hostup.data import CROCKFORD, Ticket
from mockdesk.vendors.hostup.pagination import departments_in_use
from mockdesk.vendors.hostup.serializer import serialize_detail

routes = Blueprint("hostup", __name__)

TICKET_ID = re.compile(rf"tkt_[{CROCKFORD}]{{26}}")
TICKET_NUMBER = re.compile(r"[0-9]+")


@routes.get("/api/v2/support/tickets")
def list_support_tickets() -> Response:
    return list_tickets()


@routes.get("/api/v2/support/tickets/<ticket_ref>")
def get_support_ticket(ticket_ref: str) -> Response:
    """By public ``tkt_`` id, or by the numeric number ("accepted during migration")."""
    admit()
    ticket = _find(ticket_ref)
    if ticket is None:
        raise NotFound("ticket", ticket_ref)
    return json_response(serialize_detail(ticket, request.root_url))


@routes.get("/api/v2/support/departments")
def list_departments() -> Response:
    admit(replace(current_vendor().auth, scope="read:account"))
    return json_response(
        {
            "departments": [
                {
                    "slug": d.slug,
                    "displayName": d.display_name,
                    "description": d.description,
                    "email": d.email,
                }
                for d in departments_in_use(current_dataset())
            ]
        }
    )


def _find(ticket_ref: str) -> Ticket | None:
    store = current_dataset().store
    if TICKET_ID.fullmatch(ticket_ref):
        return store.get(ticket_ref)
    if TICKET_NUMBER.fullmatch(ticket_ref):
        found = store.select([AnyOf("number", {ticket_ref.lstrip("0") or "0"})])
        return found[0] if found else None
    return None
