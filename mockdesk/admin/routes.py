"""The admin API under ``/__mockdesk/``: health, reset, faults, journal, clock, rate limits,
runtime tickets, tokens and tenants. JSON in and out; the contract is in the README.

Every call acts on the tenant its ``X-Mockdesk-Tenant`` header names (the default tenant
without one), except ``POST /reset`` without the header, which resets the whole server. Every
input is validated before anything changes: a refusal is a 400
``{"error": "invalid_request", "fields": {...}}`` and leaves the state as it was.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, request
from marshmallow import ValidationError

from mockdesk.admin import guard
from mockdesk.admin.dashboard import dashboard
from mockdesk.admin.openapi import openapi
from mockdesk.admin.schemas import RateLimitBody, ResetBody, journal_filter
from mockdesk.core.clock import ClockCommand
from mockdesk.core.columns import check_storable
from mockdesk.core.encoding import json_response
from mockdesk.core.exchange import current_exchange
from mockdesk.core.faults import RuleSpec
from mockdesk.core.journal import ALL_TENANTS
from mockdesk.core.ratelimit import describe, parse_limit
from mockdesk.core.runtime import TicketNotFound
from mockdesk.core.state import MockdeskState, current_state
from mockdesk.core.tenants import TENANT_HEADER, Tenant, TenantError
from mockdesk.core.vendor import VendorSpec

admin = Blueprint("mockdesk_admin", __name__)


@admin.before_request
def _guard() -> None:
    """Admin protection (token or loopback, same origin, JSON bodies): see guard.py."""
    guard.check(request, current_state().settings.admin_token)


@admin.errorhandler(guard.AdminRefusal)
def _refused(refusal: guard.AdminRefusal) -> Response:
    return refusal.response


@admin.errorhandler(ValidationError)
def _invalid(error: ValidationError) -> Response:
    return json_response({"error": "invalid_request", "fields": error.messages}, 400)


@admin.errorhandler(TenantError)
def _bad_tenant(error: TenantError) -> Response:
    return json_response(
        {"error": "invalid_request", "fields": {TENANT_HEADER: [error.reason]}}, 400
    )


def _not_found(detail: str) -> Response:
    return json_response({"error": "not_found", "detail": detail}, 404)


def _raw() -> Any:
    """The JSON body as sent (``{}`` for none), bounded by the guard."""
    payload = guard.json_body(request)
    return {} if payload is None else payload


def _body(schema: Any) -> dict[str, Any]:
    payload = _raw()
    if not isinstance(payload, dict):
        raise ValidationError({"_body": ["must be a JSON object"]})
    loaded: dict[str, Any] = schema.load(payload)
    return loaded


def _tenant() -> Tenant:
    """The tenant the call acts on, made on first use: read it only after the body passed its
    checks, so a refused call creates no tenant."""
    return current_exchange().tenant


def _vendor(slug: str) -> VendorSpec | None:
    return current_state().vendors.get(slug)


# health, reset, tenants


@admin.get("/health")
def health() -> Response:
    """200 while the server can answer; 503 while its data is being built (with the phase and
    percentage) or when its shared storage is unreachable."""
    state = current_state()
    building = state.shelf.progress.snapshot()
    if building is not None or state.shelf.failure is not None:
        body: dict[str, Any] = {"status": "starting" if building else "failed", "seed": state.seed}
        if building is not None:
            body |= {"phase": building.phase, "percent": building.percent}
        if state.shelf.failure is not None:
            body["error"] = state.shelf.failure
        return json_response(body, 503)
    healthy = state.storage_healthy()
    body = {
        "status": "ok" if healthy else "degraded",
        "storage": "ok" if healthy else "unreachable",
        "seed": state.seed,
        "vendors": {slug: len(data.store) for slug, data in state.datasets.items()},
        "tenants": state.tenants.names(),
    }
    return json_response(body, 200 if healthy else 503)


@admin.post("/reset")
def reset() -> Response:
    """The whole server (no tenant header), or only the tenant the header names."""
    seed = _body(ResetBody())["seed"]
    state = current_state()
    if request.headers.get(TENANT_HEADER) is None:
        state.reset(seed)
        return json_response({"status": "reset", "seed": state.seed, "tenant": None})
    tenant = _tenant()
    if seed is not None:
        state.datasets_for(seed)  # built before the tenant switches to it
    tenant.reset(seed)
    current = state.seed if tenant.seed is None else tenant.seed
    return json_response({"status": "reset", "seed": current, "tenant": tenant.name})


@admin.get("/tenants")
def list_tenants() -> Response:
    return json_response({"tenants": current_state().tenants.names()})


@admin.delete("/tenants/<name>")
def drop_tenant(name: str) -> Response:
    if not current_state().tenants.drop(name):
        return _not_found(f"no tenant {name!r}")
    return Response(status=204)


# faults


@admin.get("/faults")
def list_faults() -> Response:
    return json_response({"faults": [rule.as_dict() for rule in _tenant().faults.rules()]})


@admin.post("/faults")
def add_fault() -> Response:
    state = current_state()
    spec = RuleSpec.from_json(_raw(), state.vendors)
    tenant = state.tenants.get(spec.tenant) if spec.tenant else _tenant()
    rule = tenant.faults.add(spec.for_tenant(tenant.name))
    return json_response(rule.as_dict(), 201)


@admin.delete("/faults")
def clear_faults() -> Response:
    _tenant().faults.clear()
    return Response(status=204)


@admin.delete("/faults/<rule_id>")
def remove_fault(rule_id: str) -> Response:
    # bounded before int(): Python refuses to convert more than 4300 digits (a 500)
    well_formed = rule_id.isascii() and rule_id.isdigit() and len(rule_id) <= 18
    if not well_formed or not _tenant().faults.remove(int(rule_id)):
        return _not_found(f"no fault rule {rule_id} (used up or removed)")
    return Response(status=204)


# journal


@admin.get("/requests")
def list_requests() -> Response:
    where, tenant = journal_filter(request.args)
    entries = current_state().tenants.journal.entries(tenant or _tenant().name, where)
    return json_response({"requests": [entry.as_dict() for entry in entries]})


@admin.delete("/requests")
def clear_requests() -> Response:
    tenant = request.args.get("tenant") or _tenant().name
    current_state().tenants.journal.clear(None if tenant == ALL_TENANTS else tenant)
    return Response(status=204)


# clock


@admin.get("/clock")
def get_clock() -> Response:
    return json_response(_tenant().clock.snapshot())


@admin.post("/clock")
def move_clock() -> Response:
    command = ClockCommand.from_json(_raw())  # validated before the tenant is made
    clock = _tenant().clock
    clock.apply(command)
    return json_response(clock.snapshot())


# rate limits and tokens


@admin.get("/rate-limits")
def list_rate_limits() -> Response:
    limits = _tenant().limits(current_state().limits())
    return json_response({slug: describe(item) if item else "off" for slug, item in limits.items()})


@admin.put("/rate-limits/<slug>")
def set_rate_limit(slug: str) -> Response:
    if _vendor(slug) is None:
        return _not_found(f"no vendor {slug!r}")
    limit = parse_limit(_body(RateLimitBody())["limit"])  # validated before the tenant is made
    _tenant().set_limit(slug, limit)
    return list_rate_limits()  # a new limit counts in a window of its own, from zero


@admin.get("/rate-limits/windows")
def list_windows() -> Response:
    """Every credential's window with hits in it (the dashboard's gauges)."""
    windows = [window.as_dict() for window in _tenant().windows.snapshot()]
    return json_response({"windows": windows})


@admin.post("/tokens/expire")
def expire_tokens() -> Response:
    """Expire every token a vendor's OAuth endpoint issued, to test re-authentication."""
    return json_response({"expired": _tenant().credentials.expire_issued()})


# runtime tickets


@admin.post("/vendors/<slug>/tickets")
def add_tickets(slug: str) -> Response:
    spec = _vendor(slug)
    if spec is None:
        return _not_found(f"no vendor {slug!r}")
    state, tenant = current_state(), _tenant()
    base = _base(state, tenant, spec)
    added = tenant.runtime.add(slug, _raw(), _loader(spec, base), base.store, _renderable(spec))
    return json_response({"tickets": [spec.serialize(ticket) for ticket in added]}, 201)


@admin.put("/vendors/<slug>/tickets/<ticket_id>")
def replace_ticket(slug: str, ticket_id: str) -> Response:
    spec = _vendor(slug)
    if spec is None:
        return _not_found(f"no vendor {slug!r}")
    state, tenant = current_state(), _tenant()
    base = _base(state, tenant, spec)
    try:
        ticket = tenant.runtime.replace(
            slug, ticket_id, _raw(), _loader(spec, base), base.store, _renderable(spec)
        )
    except TicketNotFound:
        return _not_found(f"no {slug} ticket {ticket_id}")
    return json_response({"ticket": spec.serialize(ticket)})


@admin.delete("/vendors/<slug>/tickets/<ticket_id>")
def delete_ticket(slug: str, ticket_id: str) -> Response:
    spec = _vendor(slug)
    if spec is None:
        return _not_found(f"no vendor {slug!r}")
    state, tenant = current_state(), _tenant()
    try:
        tenant.runtime.delete(slug, ticket_id, _base(state, tenant, spec).store)
    except TicketNotFound:
        return _not_found(f"no {slug} ticket {ticket_id}")
    return Response(status=204)


def _base(state: MockdeskState, tenant: Tenant, spec: VendorSpec) -> Any:
    """The tenant's generated (and pinned) data, before its runtime tickets."""
    return state.datasets_for(state.seed if tenant.seed is None else tenant.seed)[spec.slug]


def _loader(spec: VendorSpec, base: Any) -> Any:
    return lambda raw: spec.data.load_fixture(raw, base.catalog)


def _renderable(spec: VendorSpec) -> Any:
    """A loaded ticket must also render and fit the columns, so a stored ticket can never make a
    list 500."""

    def check(ticket: Any) -> None:
        spec.serialize(ticket)
        check_storable(spec.data.columns, ticket)

    return check


admin.register_blueprint(dashboard)  # the page at /__mockdesk/, behind the same guard
admin.register_blueprint(openapi)  # /__mockdesk/openapi/<slug>.json|.yaml, /__mockdesk/docs
