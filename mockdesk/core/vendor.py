"""The seam between the core and a vendor: one declarative :class:`VendorSpec` per package."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from faker import Faker
from flask import Blueprint, Response

from mockdesk.core.auth import AuthPolicy
from mockdesk.core.errors import MockdeskError, RateLimitStatus
from mockdesk.core.query import QuerySchema
from mockdesk.core.responses import COMPACT, JsonStyle
from mockdesk.core.store import Criterion

if TYPE_CHECKING:
    from mockdesk.core.generator import Dataset


def no_headers(status: RateLimitStatus) -> dict[str, str]:
    """For vendors that do not show their rate-limit state."""
    return {}


@dataclass(frozen=True)
class RateLimitPolicy:
    """The default limit (``limits`` notation) and how its state shows on every response."""

    default: str
    headers: Callable[[RateLimitStatus], dict[str, str]] = no_headers


@dataclass(frozen=True)
class DataSpec:
    """How a vendor's tickets are made, pinned by fixtures, ordered and indexed.

    ``catalog`` builds the related entities once per seed (departments, categories, agents…);
    ``generate`` builds ticket ``index`` from a Faker seeded for it and that catalog;
    ``load_fixture`` turns one pinned ticket, written in the vendor's own response shape, into
    the same type, raising marshmallow's ``ValidationError`` when it is not valid.
    """

    generate: Callable[[Faker, int, Any], Any]
    load_fixture: Callable[[Mapping[str, Any], Any], Any]
    order_key: Callable[[Any], Any]
    catalog: Callable[[Faker], Any] = lambda faker: None
    indexed: tuple[str, ...] = ()
    locales: tuple[str, ...] = ("en_US",)


@dataclass(frozen=True)
class VendorSpec:
    """Everything the core needs to serve one vendor. The core never names a vendor."""

    slug: str
    name: str
    base_paths: tuple[str, ...]  # where the vendor's real paths start, e.g. ("/api/v3",)
    list_path: str  # the ticket list, for `mockdesk vendors` and the cross-vendor tests
    routes: Blueprint
    auth: AuthPolicy
    auth_description: str  # one line for `mockdesk vendors`
    demo_headers: Mapping[str, str]  # what a client sends with the default credentials
    rate_limit: RateLimitPolicy
    query: type[QuerySchema]
    criteria: Callable[[Mapping[str, Any]], Sequence[Criterion]]
    paginate: Callable[[Sequence[Any], Mapping[str, Any], Dataset], dict[str, Any]]
    serialize: Callable[[Any], dict[str, Any]]
    render_error: Callable[[MockdeskError], Response]
    data: DataSpec
    json_style: JsonStyle = COMPACT
