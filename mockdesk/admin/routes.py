"""Admin endpoints: health, reset, faults, rate limits, issued tokens and the request log."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, request
from marshmallow import Schema, ValidationError

from mockdesk.admin import guard
from mockdesk.admin.schemas import FaultBody, RateLimitBody, ResetBody
from mockdesk.core.encoding import json_response
from mockdesk.core.ratelimit import describe
from mockdesk.core.state import current_state

admin = Blueprint("mockdesk_admin", __name__)


@admin.before_request
def _guard() -> None:
    """Admin protection (token or loopback, same origin, JSON bodies): see guard.py."""
    guard.check(request, current_state().settings.admin_token)


@admin.errorhandler(guard.AdminRefusal)
def _refused(refusal: guard.AdminRefusal) -> Response:
    return refusal.response


def _body(schema: Schema) -> dict[str, Any]:
    payload = guard.json_body(request)
    if payload is not None and not isinstance(payload, dict):
        raise ValidationError({"_body": ["must be a JSON object"]})
    loaded: dict[str, Any] = schema.load(payload or {})
    return loaded


@admin.errorhandler(ValidationError)
def _invalid(error: ValidationError) -> Response:
    return json_response({"error": "invalid_request", "fields": error.messages}, 400)


@admin.get("/health")
def health() -> Response:
    state = current_state()
    return json_response(
        {
            "status": "ok",
            "seed": state.seed,
            "vendors": {slug: len(data.store) for slug, data in state.datasets.items()},
        }
    )


@admin.post("/reset")
def reset() -> Response:
    """Restore seeded data (optionally for another seed) and clear all run-time state."""
    body = _body(ResetBody())
    state = current_state()
    state.reset(body["seed"])
    return json_response({"status": "reset", "seed": state.seed})


@admin.get("/faults")
def list_faults() -> Response:
    return json_response({"faults": [rule.as_dict() for rule in current_state().faults.rules()]})


@admin.post("/faults")
def add_fault() -> Response:
    body = _body(FaultBody())
    state = current_state()
    if body["vendor"] is not None and body["vendor"] not in state.vendors:
        raise ValidationError({"vendor": [f"must be one of {', '.join(state.vendors)}"]})
    rule = state.faults.add(**body)
    return json_response(rule.as_dict(), 201)


@admin.delete("/faults")
def clear_faults() -> Response:
    current_state().faults.clear()
    return Response(status=204)


@admin.get("/rate-limits")
def list_rate_limits() -> Response:
    limits = current_state().limits()
    return json_response({slug: describe(item) if item else "off" for slug, item in limits.items()})


@admin.put("/rate-limits/<slug>")
def set_rate_limit(slug: str) -> Response:
    state = current_state()
    if slug not in state.vendors:
        return json_response({"error": "not_found", "detail": f"no vendor {slug!r}"}, 404)
    state.set_limit(slug, _body(RateLimitBody())["limit"])
    return list_rate_limits()  # a new limit counts in a window of its own, from zero


@admin.post("/tokens/expire")
def expire_tokens() -> Response:
    """Expire every token a vendor's OAuth endpoint issued, to test re-authentication."""
    return json_response({"expired": current_state().credentials.expire_issued()})


@admin.get("/requests")
def requests_log() -> Response:
    return json_response({"requests": current_state().log.entries(request.args.get("vendor"))})


@admin.delete("/requests")
def clear_requests() -> Response:
    current_state().log.clear()
    return Response(status=204)
