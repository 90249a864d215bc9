"""The seam between the core and a vendor: one declarative :class:`VendorSpec` per package.

Routes are data: a spec names its ticket list and detail endpoints (path, query schema and the
vendor's pure hooks) and the core registers them and runs every step itself
(:mod:`mockdesk.core.pipeline`). A vendor's own ``routes`` blueprint holds only the endpoints
no other vendor has (an OAuth token endpoint, a lookup list…), and they call the same ``admit``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from faker import Faker
from flask import Blueprint, Response

from mockdesk.core.auth import AuthPolicy
from mockdesk.core.columns import ColumnSpec
from mockdesk.core.encoding import COMPACT, JsonStyle, RawJson
from mockdesk.core.errors import MockdeskError, RateLimitStatus
from mockdesk.core.query import QuerySchema
from mockdesk.core.store import Criterion

if TYPE_CHECKING:
    from mockdesk.core.dataset import Dataset

Ticket = Any  # each vendor's own frozen dataclass; the core only reads ``.id``
Query = Mapping[str, Any]
PageT = TypeVar("PageT")


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
    """How a vendor's tickets are made, stored as columns and pinned by fixtures.

    ``columns`` computes the attributes filters, orderings, cursors and lookups read, for whole
    ranges of tickets at once; ``catalog`` builds the related entities once per seed
    (departments, categories, agents…); ``generate`` builds ticket ``index`` when it is read,
    from a Faker seeded for it, that catalog and the ticket's row of column values (which it
    must agree with);
    ``load_fixture`` turns one pinned ticket, written in the vendor's own response shape, into
    the same type, raising marshmallow's ``ValidationError`` when it is not valid.
    """

    generate: Callable[[Faker, int, Any, Mapping[str, Any]], Ticket]
    load_fixture: Callable[[Mapping[str, Any], Any], Ticket]
    columns: ColumnSpec
    catalog: Callable[[Faker], Any] = lambda faker: None
    locales: tuple[str, ...] = ("en_US",)


@dataclass(frozen=True)
class RequestUrl:
    """The parts of the request URL an envelope may echo (absolute links, ``instance``)."""

    scheme: str
    host: str
    path: str
    query_string: str  # as sent, percent-encoded, without "?"

    @property
    def root(self) -> str:
        return f"{self.scheme}://{self.host}/"


@dataclass(frozen=True)
class ListContext(Generic[PageT]):
    """Everything a list envelope may use: no Flask, so envelopes are plain functions."""

    page: PageT
    matches: Sequence[Ticket]
    query: Query
    dataset: Dataset
    url: RequestUrl
    render: Callable[[Sequence[Ticket]], RawJson]  # tickets as the vendor's encoded JSON


@dataclass(frozen=True)
class DetailContext:
    """Everything a detail envelope may use."""

    ticket: Ticket
    query: Query
    dataset: Dataset
    url: RequestUrl


def keep_order(matches: Sequence[Ticket], query: Query) -> Sequence[Ticket]:
    """The default ``order`` hook: the store's listing order."""
    return matches


def no_check(query: Query, dataset: Dataset) -> None:
    """The default ``check`` hook: every parsed query may be selected."""


@dataclass(frozen=True)
class ListEndpoint(Generic[PageT]):
    """A ticket list, as the pipeline runs it: parse → check → select → order → page → envelope.

    ``check`` may refuse a parsed query before anything is selected (a value that is only
    valid against the data, say); ``page`` cuts the ordered matches (an
    :class:`~mockdesk.core.paging.offset.OffsetPager` or the vendor's cursor reader);
    ``envelope`` wraps the page in the vendor's body.
    """

    path: str
    query: type[QuerySchema]
    criteria: Callable[[Query], Sequence[Criterion]]
    page: Callable[[Sequence[Ticket], Query, Dataset], PageT]
    envelope: Callable[[ListContext[PageT]], Any]
    check: Callable[[Query, Dataset], None] = no_check
    order: Callable[[Sequence[Ticket], Query], Sequence[Ticket]] = keep_order


@dataclass(frozen=True)
class DetailEndpoint:
    """One ticket: ``locate`` finds it from the path's variables and the parsed query (None: the
    vendor's ticket 404); ``envelope`` wraps it in the vendor's body."""

    path: str
    locate: Callable[[Mapping[str, Any], Dataset], Ticket | None]
    envelope: Callable[[DetailContext], Any]
    query: type[QuerySchema] | None = None


@dataclass(frozen=True)
class VendorSpec:
    """Everything the core needs to serve one vendor. The core never names a vendor."""

    slug: str
    name: str
    base_paths: tuple[str, ...]  # where the vendor's real paths start, e.g. ("/api/v3",)
    auth: AuthPolicy
    auth_description: str  # one line for `mockdesk vendors`
    demo_headers: Mapping[str, str]  # what a client sends with the default credentials
    rate_limit: RateLimitPolicy
    listing: ListEndpoint[Any]
    detail: DetailEndpoint
    serialize: Callable[[Ticket], dict[str, Any]]
    render_error: Callable[[MockdeskError, RequestUrl], Response]
    data: DataSpec
    routes: Blueprint | None = None  # endpoints only this vendor has
    json_style: JsonStyle = COMPACT

    @property
    def list_path(self) -> str:
        """The ticket list's path, for `mockdesk vendors` and the cross-vendor tests."""
        return self.listing.path


def locate_by_id(args: Mapping[str, Any], dataset: Dataset) -> Ticket | None:
    """The default detail lookup: the path's ``ticket_id`` is the store's id."""
    return dataset.store.get(args["ticket_id"])
