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
from typing import TYPE_CHECKING, Any, cast

from flask import Request, Response, g, request

from mockdesk.core.auth import Principal
from mockdesk.core.encoding import json_response
from mockdesk.core.errors import RateLimitStatus
from mockdesk.core.state import current_state
from mockdesk.core.tenants import DEFAULT_TENANT, TENANT_HEADER, Tenant, TenantError, tenant_name
from mockdesk.core.vendor import RequestUrl, VendorSpec

if TYPE_CHECKING:
    from mockdesk.core.dataset import Dataset
    from mockdesk.core.state import MockdeskState


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
    _state: MockdeskState | None = field(default=None, repr=False)  # the app's, once looked up

    @property
    def state(self) -> MockdeskState:
        """The app's state (looked up once per request)."""
        if self._state is None:
            self._state = current_state()
        return self._state

    @property
    def tenant(self) -> Tenant:
        """The tenant this request acts for, made on first use (raises :class:`TenantError`
        when :data:`~mockdesk.core.tenants.MAX_TENANTS` already exist)."""
        if self._tenant is None:
            self._tenant = self.state.tenants.get(self.tenant_name)
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
    req: Request = cast(Any, request)._get_current_object()  # one proxy lookup, not seven
    path = req.path
    spec = state.vendor_for_path(path)
    url = RequestUrl(req.scheme, req.host, path, req.query_string.decode("latin-1"))
    namespace = cast(Any, g)._get_current_object()
    try:
        exchange = Exchange(
            vendor=spec,
            dataset=None,
            url=url,
            tenant_name=tenant_name(req.headers.get(TENANT_HEADER)),
            _state=state,
        )
        if spec is not None:  # the vendor's data as this tenant sees it: the tenant is needed now
            exchange.dataset = state.dataset(spec.slug, exchange.tenant)
    except TenantError as error:
        namespace.mockdesk = Exchange(
            vendor=None, dataset=None, url=url, tenant_name=DEFAULT_TENANT, _state=state
        )
        body = {"error": "invalid_request", "fields": {TENANT_HEADER: [error.reason]}}
        return json_response(body, 400)
    namespace.mockdesk = exchange
    return None


def current_exchange() -> Exchange:
    """This request's exchange; opened now when Flask failed before ``before_request`` ran."""
    namespace = cast(Any, g)._get_current_object()  # one proxy lookup for the test and the read
    if getattr(namespace, "mockdesk", None) is None:
        open_exchange()
    exchange: Exchange = namespace.mockdesk
    return exchange
