"""HostUp's own endpoint beside the tickets: the departments list (scope ``read:account``)."""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, Response

from mockdesk.core.encoding import json_response
from mockdesk.core.exchange import current_exchange
from mockdesk.core.pipeline import admit
from mockdesk.vendors.hostup.data import departments_in_use

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
