"""One client for every emulated vendor, and the golden bodies the tests compare against.

A test talks to a vendor the way its real clients do: over HTTP, with the credentials the
vendor's spec says a client sends (``VendorSpec.demo_headers``), at the spec's ``list_path``.
Nothing here reads the server's internals, so the same client works against the in-process
server and against ``mockdesk serve`` (see :mod:`tests.support.server`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from mockdesk.core.vendor import VendorSpec
from mockdesk.vendors.registry import VENDORS
from tests.support.paging import PAGERS

DEFAULT_TOKEN = "mockdesk-token"
NOSCOPE_TOKEN = "mockdesk-token-noscope"

Params = Mapping[str, Any] | Sequence[tuple[str, Any]] | None
Tickets = list[dict[str, Any]]  # a name of its own: VendorClient.list shadows list in the class


def spec_for(slug: str) -> VendorSpec:
    """The registry's spec for ``slug``."""
    for spec in VENDORS:
        if spec.slug == slug:
            return spec
    raise KeyError(slug)


@dataclass
class VendorClient:
    """Requests to one vendor on the server at ``url``, authenticated as its demo client."""

    spec: VendorSpec
    url: str
    _read: dict[str, Tickets] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, slug: str, url: str) -> VendorClient:
        return cls(spec_for(slug), url)

    @property
    def headers(self) -> dict[str, str]:
        """What a client of this vendor sends with the default credentials."""
        return dict(self.spec.demo_headers)

    def headers_with_token(self, token: str | None) -> dict[str, str]:
        """The demo headers presenting ``token`` where they present the default token
        (``Bearer <token>`` or the raw value, as the vendor wants it); None: without it."""
        demo = self.spec.demo_headers
        if not any(DEFAULT_TOKEN in value for value in demo.values()):
            raise ValueError(f"{self.spec.slug}'s demo headers do not carry a token")
        if token is None:
            return {k: v for k, v in demo.items() if DEFAULT_TOKEN not in v}
        return {k: v.replace(DEFAULT_TOKEN, token) for k, v in demo.items()}

    def request(
        self,
        method: str,
        path: str,
        params: Params = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        """``method`` on ``path`` (or an absolute URL); ``headers=None`` sends the demo
        headers, ``{}`` sends none."""
        url = path if path.startswith(("http://", "https://")) else f"{self.url}{path}"
        sent = self.headers if headers is None else dict(headers)
        kwargs.setdefault("timeout", 10)
        return requests.request(method, url, params=params, headers=sent, **kwargs)

    def get(
        self,
        path: str,
        params: Params = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        return self.request("GET", path, params, headers, **kwargs)

    def list(
        self, params: Params = None, headers: Mapping[str, str] | None = None, **kwargs: Any
    ) -> requests.Response:
        """GET the vendor's ticket list."""
        return self.get(self.spec.list_path, params, headers, **kwargs)

    def everything(self, params: Mapping[str, Any] | None = None) -> Tickets:
        """:meth:`walk` at the largest page size, read once per client: properties draw
        from it in every example, and a client lives for one test (one seed)."""
        key = json.dumps(dict(params or {}), sort_keys=True)
        if key not in self._read:
            self._read[key] = self.walk(params)
        return self._read[key]

    def walk(self, params: Mapping[str, Any] | None = None, size: int | None = None) -> Tickets:
        """Every ticket the list yields for ``params``, following the vendor's next page to the
        end, in order; ``size`` is the page size (default: the largest the vendor accepts).

        Checks what holds for every vendor on the way: each page is a 200, holds at most
        ``size`` tickets and exactly ``size`` unless it is the last, and any total a page states
        is the same on every page and is the number of tickets walked.
        """
        pager = PAGERS[self.spec.slug]
        size = size or pager.max_size
        request: dict[str, Any] | str | None = {**(params or {}), pager.size_param: size}
        tickets: Tickets = []
        totals: set[int | None] = set()
        for _ in range(10_000):
            response = self.get(request) if isinstance(request, str) else self.list(request)
            assert response.status_code == 200, (request, response.text[:500])
            body = response.json()
            page = pager.items(body)
            totals.add(pager.total(body))
            tickets.extend(page)
            assert len(page) <= size, (request, len(page))
            request = pager.follow(body, request)
            if request is None:
                totals.discard(None)
                assert totals <= {len(tickets)}, (params, totals, len(tickets))
                return tickets
            assert len(page) == size, ("a page before the last is short", request, len(page))
        raise AssertionError(f"{self.spec.slug}: no last page after 10000 pages")


@dataclass(frozen=True)
class Goldens:
    """A vendor folder's ``golden/`` bodies: exact bytes the server must send."""

    folder: Path

    @classmethod
    def beside(cls, module_file: str) -> Goldens:
        """The ``golden`` folder next to ``module_file`` (a vendor test folder's conftest)."""
        return cls(Path(module_file).with_name("golden"))

    def bytes(self, name: str) -> bytes:
        return (self.folder / name).read_bytes()

    def json(self, name: str) -> Any:
        return json.loads(self.bytes(name))

    def assert_body(
        self, response: requests.Response, name: str, status: int | None = None
    ) -> None:
        """The response body is the golden ``name`` byte for byte (and has ``status``)."""
        if status is not None:
            assert response.status_code == status, response.text[:500]
        expected = self.bytes(name)
        if response.content != expected:  # compare text first: a readable diff
            assert response.content.decode("utf-8", "replace") == expected.decode(
                "utf-8", "replace"
            ), name
            raise AssertionError(f"{name}: same text, different bytes")
