"""``GET /__mockdesk/openapi/<slug>.json`` (and ``.yaml``): each served vendor's OpenAPI 3.1
document, pointing at this server; ``GET /__mockdesk/docs``: a page linking them.

Nested in the admin blueprint, so the admin guard applies (loopback or the admin token). The
document describes the data the caller's tenant sees (``X-Mockdesk-Tenant``), so choices only
the data knows (HostUp's department slugs) are the ones this server accepts.
"""

from __future__ import annotations

from html import escape

from flask import Blueprint, Response, request

from mockdesk.core.encoding import json_response
from mockdesk.core.exchange import current_exchange
from mockdesk.core.state import current_state
from mockdesk.openapi.document import build_document
from mockdesk.openapi.model import DocumentContext
from mockdesk.openapi.output import to_json, to_yaml

openapi = Blueprint("openapi", __name__)

FORMATS = {"json": ("application/json", to_json), "yaml": ("application/yaml", to_yaml)}


@openapi.get("/openapi/<slug>.<extension>")
def document(slug: str, extension: str) -> Response:
    state = current_state()
    spec = state.vendors.get(slug)
    if spec is None or extension not in FORMATS:
        served = ", ".join(f"{name}.json" for name in state.vendors)
        return json_response({"error": "not_found", "detail": f"served: {served}"}, 404)
    base_url = request.host_url.rstrip("/")
    dataset = state.dataset(slug, current_exchange().tenant)
    body = build_document(spec, base_url, DocumentContext(base_url, dataset))
    content_type, render = FORMATS[extension]
    return Response(render(body), 200, content_type=f"{content_type}; charset=utf-8")


@openapi.get("/docs")
def docs() -> Response:
    """Links to every served vendor's document, in both forms."""
    rows = "\n".join(
        f"<li>{escape(spec.name)} (<code>{escape(slug)}</code>): "
        f'<a href="openapi/{escape(slug)}.json">{escape(slug)}.json</a> · '
        f'<a href="openapi/{escape(slug)}.yaml">{escape(slug)}.yaml</a></li>'
        for slug, spec in current_state().vendors.items()
    )
    page = (
        '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8">'
        "<title>mockdesk: OpenAPI documents</title></head>\n<body>\n"
        "<h1>OpenAPI 3.1 documents</h1>\n"
        "<p>One per vendor this server emulates, pointing at this server.</p>\n"
        f"<ul>\n{rows}\n</ul>\n</body>\n</html>\n"
    )
    return Response(page, 200, content_type="text/html; charset=utf-8")
