"""One :class:`Exchange` per request: everything the pipeline learns about it, in one place.

Built in ``before_request`` (the vendor that owns the path, the tenant named by
``X-Mockdesk-Tenant``, the vendor's data as that tenant sees it, the start time) and filled in
as the request goes (who called, their rate-limit window, the fault rule that fired). The error
handler and the ``after_request`` hook read it instead of working the same things out again:
nothing authenticates twice and the vendor is found by path once.

The tenant's name is checked at once (a bad one is a 400 before anything runs), but a tenant
that does not exist yet is made only when something first reads :attr:`Exchange.tenant`: a
vendor request at once (its data depends on it), an admin call only once its guard and body
checks passed, so a refused admin call (or a request to no route) leaves the tenants as they
were.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flask import Response, g, request

from mockdesk.core.auth import Principal
from mockdesk.core.encoding import json_response
from mockdesk.core.errors import RateLimitStatus
from mockdesk.core.state import current_state
from mockdesk.core.tenants import DEFAULT_TENANT, TENANT_HEADER, Tenant, TenantError, tenant_name
from mockdesk.core.vendor import RequestUrl, VendorSpec

if TYPE_CHECKING:
    from mockdesk.core.dataset import Dataset


@dataclass
class Exchange:
    vendor: VendorSpec | None
    dataset: Dataset | None
    url: RequestUrl
    tenant_name: str  # a valid name (see ``tenants.tenant_name``); the tenant may not exist yet
    identified: bool = False  # credentials were read (so never read them again)
    principal: Principal | None = None  # who they named (kept when refused a scope)
    credential: str | None = None  # the configured credential carried (for faults, the journal)
    rate_limit: RateLimitStatus | None = None  # the caller's window after this request
    fault: int | None = None  # the id of the fault rule that shaped this response
    started: float = field(default_factory=time.perf_counter)
    _tenant: Tenant | None = field(default=None, repr=False)

    @property
    def tenant(self) -> Tenant:
        """The tenant this request acts for, made on first use (raises :class:`TenantError`
        when :data:`~mockdesk.core.tenants.MAX_TENANTS` already exist)."""
        if self._tenant is None:
            self._tenant = current_state().tenants.get(self.tenant_name)
        return self._tenant

    def require_vendor(self) -> tuple[VendorSpec, Dataset]:
        """The vendor and dataset of a request routed to a vendor endpoint (always set there)."""
        if self.vendor is None or self.dataset is None:
            raise LookupError("this request is not under any vendor's paths")
        return self.vendor, self.dataset


def open_exchange() -> Response | None:
    """The app's ``before_request``: this request's exchange, its vendor found by path. An
    unusable tenant name is answered here, in mockdesk's own 400 shape (not a vendor's)."""
    state = current_state()
    state.sync()  # what other workers changed (one round trip with shared state)
    spec = state.vendor_for_path(request.path)
    url = RequestUrl(
        request.scheme, request.host, request.path, request.query_string.decode("latin-1")
    )
    try:
        exchange = Exchange(
            vendor=spec,
            dataset=None,
            url=url,
            tenant_name=tenant_name(request.headers.get(TENANT_HEADER)),
        )
        if spec is not None:  # the vendor's data as this tenant sees it: the tenant is needed now
            exchange.dataset = state.dataset(spec.slug, exchange.tenant)
    except TenantError as error:
        g.mockdesk = Exchange(vendor=None, dataset=None, url=url, tenant_name=DEFAULT_TENANT)
        body = {"error": "invalid_request", "fields": {TENANT_HEADER: [error.reason]}}
        return json_response(body, 400)
    g.mockdesk = exchange
    return None


def current_exchange() -> Exchange:
    """This request's exchange; opened now when Flask failed before ``before_request`` ran."""
    if "mockdesk" not in g:
        open_exchange()
    exchange: Exchange = g.mockdesk
    return exchange
