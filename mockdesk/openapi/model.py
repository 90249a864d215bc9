"""What a vendor's ``openapi.py`` declares, and only that: the parts no marshmallow schema, spec
or renderer already holds.

The generator (:mod:`mockdesk.openapi.document`) takes everything else from the running code:
parameters from the query schemas that parse them, paths from the routes, error statuses,
bodies and headers from the vendor's ``errors.render_error``, rate-limit headers from the
spec's renderer, success examples from real requests. A vendor describes the bodies of its
successful responses (JSON Schema, since serializers are plain functions), its security
schemes, and for each endpoint which typed problems beyond the common ones it may raise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mockdesk.core.auth import AuthPolicy
from mockdesk.core.errors import MockdeskError
from mockdesk.core.query import QuerySchema

if TYPE_CHECKING:
    from mockdesk.core.dataset import Dataset
    from mockdesk.openapi.fields import FieldConverter

Schema = dict[str, Any]  # a JSON Schema (OpenAPI 3.1 dialect)


def ref(name: str) -> Schema:
    """A reference to ``components/schemas/<name>``."""
    return {"$ref": f"#/components/schemas/{name}"}


@dataclass(frozen=True)
class Example:
    """A real request whose real response is the operation's success example: ``target`` is
    the path and query string to send (or a function of the dataset giving it, to name an id
    that exists), with the vendor's default credentials unless ``headers`` replace them."""

    target: str | Callable[[Dataset], str]
    method: str = "GET"
    headers: Mapping[str, str] | None = None
    form: Mapping[str, str] | None = None


@dataclass(frozen=True)
class Reply:
    """A response the generic machinery does not derive: a success (2xx/3xx), or an error of
    an endpoint outside the vendor's error format (an OAuth token endpoint's RFC 6749 bodies).
    Its body schema per content type (an empty mapping: no body), headers beyond the
    rate-limit ones (name → header object), and ``examples`` rendered by the code that answers
    (see :func:`mockdesk.openapi.problems.replies_of`)."""

    status: int = 200
    description: str = "OK"
    content: Mapping[str, Schema] = field(default_factory=dict)
    headers: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    examples: Mapping[str, Any] = field(default_factory=dict)  # summary → body, when rendered


def json_reply(schema: Schema, description: str = "OK", status: int = 200) -> Reply:
    return Reply(status, description, {"application/json": schema})


@dataclass(frozen=True)
class Operation:
    """One method on one path, as the vendor serves it.

    ``path`` is the Flask rule (``/tickets/<int:ticket_id>``), converted here, so it is the one
    the app registers; ``path_schemas`` override the schema of an untyped path variable and
    ``path_names`` its documented name (the vendor's ``{id}`` for the rule's ``ticket_id``).
    ``problems`` are the typed problems this endpoint raises beyond the common ones (an
    unknown id, a bad cursor); a bad query is worked out from ``query``. ``policy`` is the auth
    policy when it differs from the vendor's (another scope). ``security`` replaces the
    vendor's requirements (``[{}]`` where credentials are optional).
    """

    path: str
    operation_id: str
    summary: str
    replies: Sequence[Reply]
    method: str = "get"
    description: str = ""
    query: type[QuerySchema] | None = None
    bad_queries: Sequence[Mapping[str, str]] = ()
    problems: Sequence[MockdeskError] = ()
    path_schemas: Mapping[str, Schema] = field(default_factory=dict)
    path_names: Mapping[str, str] = field(default_factory=dict)  # rule variable → documented
    parameter_descriptions: Mapping[str, str] = field(default_factory=dict)
    parameter_schemas: Mapping[str, Schema] = field(default_factory=dict)
    policy: AuthPolicy | None = None
    security: Sequence[Mapping[str, Sequence[str]]] | None = None
    request_body: Mapping[str, Any] | None = None
    example: Example | None = None
    tags: Sequence[str] = ()
    admitted: bool = True  # runs admit() (credentials, rate limit): False for redirects
    extra: Mapping[str, Any] = field(default_factory=dict)  # x- extensions, deprecated…


@dataclass(frozen=True)
class VendorDocument:
    """Everything hand-written about one vendor's document.

    ``error_schema(status, content_type)`` is the body schema of an error response (None for
    a content type the vendor never sends with that status). ``fields`` converts the
    vendor's own query fields (a Django ``DecimalField``, a Go boolean…) to JSON Schema;
    ``servers`` are the real vendor's, listed after this server's.
    """

    title: str
    version: str
    description: str
    operations: Sequence[Operation]
    schemas: Mapping[str, Schema]
    security_schemes: Mapping[str, Mapping[str, Any]]
    security: Sequence[Mapping[str, Sequence[str]]]
    error_schema: Callable[[int, str], Schema | None]
    servers: Sequence[Mapping[str, Any]] = ()
    tags: Sequence[Mapping[str, str]] = ()
    fields: Mapping[type, Callable[[Any, FieldConverter], Schema]] = field(default_factory=dict)
    external_docs: Mapping[str, str] | None = None


@dataclass(frozen=True)
class DocumentContext:
    """What a vendor's description may read: this server's base URL and the data it serves
    (choices that only the data knows, such as HostUp's department slugs)."""

    base_url: str  # scheme://host[:port], no trailing slash
    dataset: Dataset

    def url(self, path: str) -> str:
        return self.base_url + path
