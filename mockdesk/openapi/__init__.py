"""OpenAPI 3.1 documents for every vendor mockdesk serves, generated from the running code.

Parameters come from the marshmallow query schemas that parse requests, paths from the routes
the app registers, error bodies and headers from each vendor's ``errors.render_error``, success
examples from real responses; each vendor's ``openapi.py`` adds only what no code holds (body
schemas, security schemes). Served at ``GET /__mockdesk/openapi/<slug>.json`` (and ``.yaml``)
and printed by ``mockdesk openapi <slug>``. See docs/openapi.md.
"""

from __future__ import annotations

from mockdesk.openapi.cli import cli_main
from mockdesk.openapi.document import build_document
from mockdesk.openapi.output import to_json, to_yaml

__all__ = ["build_document", "cli_main", "to_json", "to_yaml"]
