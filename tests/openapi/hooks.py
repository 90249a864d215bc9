"""Schemathesis hooks for the conformance runs (loaded through ``SCHEMATHESIS_HOOKS``).

HostUp's ``cursor`` is an opaque, signed value bound to the request's filters: no JSON Schema
can describe the set of cursors the server minted, so a generated string is a schema-valid
value the server must refuse (400 ``invalid_cursor``), which schemathesis would report as a
rejected valid request. Before each call, a generated cursor is replaced by a real one, minted
by the server for the same filters (``nextCursor`` of a one-ticket page), or dropped when those
filters have no second page. Every other parameter is sent as generated.
"""

from __future__ import annotations

import json
import os
from typing import Any

import requests
import schemathesis

SERVER = "OPENAPI_TEST_SERVER"  # the server's root URL
AUTHORIZATION = "OPENAPI_TEST_AUTHORIZATION"  # the Authorization header the run sends
OPAQUE_CURSORS = {"/support/tickets": "/api/v2/support/tickets"}  # document path → real path
FILTERS = ("status", "departmentSlug")


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    real_path = OPAQUE_CURSORS.get(case.operation.path)
    query = case.query
    if real_path is None or not isinstance(query, dict) or "cursor" not in query:
        return
    filters = {name: query[name] for name in FILTERS if name in query}
    response = requests.get(
        os.environ[SERVER] + real_path,
        params={**filters, "limit": "1"},
        headers={"Authorization": os.environ[AUTHORIZATION]},
        timeout=10,
    )
    minted = response.json().get("nextCursor") if response.status_code == 200 else None
    if minted is None:
        del query["cursor"]
    else:
        query["cursor"] = minted


SENT_LOG = "OPENAPI_TEST_SENT_LOG"  # where each call's parameter names are appended (JSON lines)


@schemathesis.hook("after_call")
def record_parameters(context: Any, case: Any, response: Any) -> None:
    """Which parameters this call sent, so the test can require that every documented one was
    exercised at least once."""
    log = os.environ.get(SENT_LOG)
    if log is None:
        return
    names = [f"query:{name}" for name in dict(case.query or {})]
    names += [f"path:{name}" for name in dict(case.path_parameters or {})]
    names += [f"header:{name}" for name in dict(case.headers or {})]
    entry = {
        "operation": f"{case.operation.method.upper()} {case.operation.path}",
        "parameters": names,
    }
    with open(log, "a", encoding="utf-8") as sink:
        sink.write(json.dumps(entry) + "\n")
