"""HostUp's own endpoints beside the tickets: the departments list (scope ``read:account``) and
the attachment download every ticket detail links to."""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, Response, request

from mockdesk.core.attachments import content_disposition
from mockdesk.core.encoding import json_response
from mockdesk.core.errors import ResourceNotFound
from mockdesk.core.exchange import current_exchange
from mockdesk.core.pipeline import admit
from mockdesk.core.query import parse_query, schema_for
from mockdesk.vendors.hostup.data import departments_in_use, find_attachment
from mockdesk.vendors.hostup.files import attachment_bytes
from mockdesk.vendors.hostup.query import AttachmentQuery

routes = Blueprint("hostup", __name__)


@routes.get("/api/v2/support/departments")
def list_departments() -> Response:
    spec, dataset = current_exchange().require_vendor()
    admit(replace(spec.auth, scope="read:account"))
    return json_response(
        {
            "departments": [
                {
                    "slug": d.slug,
                    "displayName": d.display_name,
                    "description": d.description,
                    "email": d.email,
                }
                for d in departments_in_use(dataset.catalog, dataset.store)
            ]
        }
    )


@routes.get("/api/v2/support/attachments/<attachment_id>")
def download_attachment(attachment_id: str) -> Response:
    """The file bytes, after admit (scope ``read:support``), then ``ticketId`` (400), then the
    check that the attachment belongs to that ticket (404 ``attachment_not_found`` otherwise,
    whether the ticket exists or not)."""
    admit()
    _, dataset = current_exchange().require_vendor()
    query = parse_query(schema_for(AttachmentQuery), request.args)
    found = find_attachment(dataset.store, query["ticketId"], attachment_id)
    if found is None:
        raise ResourceNotFound("attachment", attachment_id)
    ticket, message, attachment = found
    return Response(
        attachment_bytes(ticket, message, attachment),
        200,
        headers={"Content-Disposition": content_disposition(attachment.filename)},
        content_type=attachment.content_type,
    )
