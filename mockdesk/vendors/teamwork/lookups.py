"""The SDK's other resources: ``/desk/api/v2/<base>.json`` lists and ``/<base>/<id>.json``
singles for statuses, priorities, types, sources, inboxes, users, customers, companies, tags,
business hours and messages, as pure functions of a parsed query and the dataset.

Bases, envelope keys and entity fields are desksdkgo's (``client/*.go`` path handlers,
``models/*.go``): a list is ``{"<key>": [...], "included", "meta", "pagination"}``, a single
``{"<singular>": {...}, "included"}``; sources are the odd ones out with ``ticketSources`` /
``ticketSource``. Rows are the very entities tickets reference (one catalog per seed).

Decisions where the evidence is silent (vendors.md "Decisions for the neighbouring endpoints"
and shared/issue 10 spec, §1.2):

- ``page`` from 1, ``pageSize`` default 50, over 100 clamped to 100 (mcp ``meta.go``: "list
  endpoints clamp anything over 100 to 100"), under 1 a 400, as tickets.json.
- ``orderBy`` ``id``, ``createdAt``, ``updatedAt``, plus ``name``, ``displayOrder``,
  ``firstName``/``lastName``/``email`` where the entity has them; default ``id``; ``orderMode``
  default ``asc`` (lookups ordered by id ascending). Ties by id in the same direction.
- ``filter``: tickets.json's language over the fields clients send (mcp ``statuses.go``,
  ``users.go``, ``companies.go``…) plus ``id``, ``createdAt``, ``updatedAt``.
- ``includes``: a comma list or ``all`` of the types the resource points at; ``all`` is what
  the SDK sends on every single GET, so it is accepted everywhere (``{}`` when none).
- ``fields``: a sparse fieldset over the entity's keys; ``id`` is always kept.
- An unknown id is Go's ``404 page not found`` like an unknown ticket.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from mockdesk.core.dataset import Dataset
from mockdesk.core.paging.offset import OffsetPage
from mockdesk.core.query import Choice, Integer, QuerySchema
from mockdesk.vendors.teamwork import data
from mockdesk.vendors.teamwork import serializer as render
from mockdesk.vendors.teamwork.data import INBOX_IDS, Catalog, Entity, Message, Ticket
from mockdesk.vendors.teamwork.envelope import paging, related_for
from mockdesk.vendors.teamwork.filtering import (
    Field,
    boolean,
    day,
    integer,
    integers,
    string,
    strings,
)
from mockdesk.vendors.teamwork.query import MAX_PAGE_SIZE, CommaList, Filter
from mockdesk.vendors.teamwork.serializer import Json, Related, Sideload, collect, sparse

Row = TypeVar("Row")
Key = Callable[[Any], Any]
THREAD_TYPES = {1: "message", 2: "forward", 3: "note", 4: "eventInfo"}
TYPE_IDS = tuple(identifier for identifier, _ in data.TYPES)


@dataclass(frozen=True)
class Resource(Generic[Row]):
    """One lookup resource: where it lives, its envelope keys, its rows and how to read them."""

    base: str  # the path segment: /desk/api/v2/<base>.json
    key: str  # the list envelope's key
    single: str  # the single envelope's key
    rows: Callable[[Dataset], Sequence[Row]]  # every row, id ascending
    render: Callable[[Row, Related], Json]
    fields: tuple[str, ...]  # every key ``render`` writes (what ``fields`` may name)
    filters: Mapping[str, Field]
    order_by: Mapping[str, Key]
    includes: tuple[str, ...] = ()  # the side-load types ``includes`` accepts
    sideloads: Mapping[str, Sideload] | None = None  # those with rows (others are [])
    # finds one row without listing them all (None: from the rows by id)
    locate: Callable[[Dataset, int], Row | None] | None = None

    @property
    def path(self) -> str:
        return f"/desk/api/v2/{self.base}.json"

    @property
    def single_path(self) -> str:
        return f"/desk/api/v2/{self.base}/<int:entity_id>.json"

    @property
    def query(self) -> type[QuerySchema]:
        return _list_query(self.base)

    @property
    def single_query(self) -> type[QuerySchema]:
        return _single_query(self.base)

    def find(self, dataset: Dataset, identifier: int) -> Row | None:
        if self.locate is not None:
            return self.locate(dataset, identifier)
        return _by_id(self, dataset).get(identifier)


# ----------------------------------------------------------------------------------- bodies


def _sorted(rows: Sequence[Row], key: Key, mode: str) -> list[Row]:
    """Nulls first ascending (as tickets.json, MySQL's order); ties by id the same way."""

    def sort_key(row: Any) -> tuple[Any, ...]:
        value = key(row)
        return (0, 0, row.id) if value is None else (1, value, row.id)

    return sorted(rows, key=sort_key, reverse=mode == "desc")


def list_body(
    resource: Resource[Row], rows: Sequence[Row], query: Mapping[str, Any], dataset: Dataset
) -> Json:
    """filter → order → page → envelope."""
    predicate = query["filter"]
    if predicate is not None:
        rows = [row for row in rows if predicate(row)]
    ordered = _sorted(rows, resource.order_by[query["orderBy"]], query["orderMode"])
    page = OffsetPage.of(ordered, query["page"], min(query["pageSize"], MAX_PAGE_SIZE))
    related = related_for(dataset)
    wanted = frozenset(query["sparse_fields"])
    return {
        resource.key: [sparse(resource.render(row, related), wanted) for row in page.items],
        "included": render.included(
            page.items, query["includes"], related, resource.sideloads or {}
        ),
        **paging(page),
    }


def single_body(
    resource: Resource[Row], row: Row, query: Mapping[str, Any], dataset: Dataset
) -> Json:
    related = related_for(dataset)
    return {
        resource.single: sparse(resource.render(row, related), frozenset(query["sparse_fields"])),
        "included": render.included([row], query["includes"], related, resource.sideloads or {}),
    }


# ------------------------------------------------------------------------------------ rows

_MESSAGES: weakref.WeakKeyDictionary[Any, tuple[Message, ...]] = weakref.WeakKeyDictionary()
_INDEXES: weakref.WeakKeyDictionary[Any, dict[str, dict[int, Any]]] = weakref.WeakKeyDictionary()


def all_messages(dataset: Dataset) -> tuple[Message, ...]:
    """Every ticket's messages, by id; worked out once per dataset. This builds every ticket
    (messages are not columns: their number and times come from the conversation), so
    ``/messages.json`` is slow over a large store; a single message is found without it."""
    found = _MESSAGES.get(dataset.store)
    if found is None:
        tickets: Sequence[Ticket] = dataset.store.all()
        found = tuple(sorted((m for t in tickets for m in t.messages), key=lambda m: m.id))
        _MESSAGES[dataset.store] = found
    return found


SCAN_LIMIT = 20_000  # tickets: above this, a message id names only its generated ticket's


def find_message(dataset: Dataset, identifier: int) -> Message | None:
    """Message ``identifier``: a generated ticket's messages are numbered ``ticket id × 100 +
    n``, so only that ticket is built. A pinned ticket's messages carry the fixture's own ids:
    they are found by listing every message, which only a store of up to ``SCAN_LIMIT``
    tickets does (a million would be built otherwise)."""
    ticket: Ticket | None = dataset.store.get(identifier // 100)
    found = next((m for m in ticket.messages if m.id == identifier), None) if ticket else None
    if found is None and len(dataset.store) <= SCAN_LIMIT:
        found = _by_id(MESSAGES, dataset).get(identifier)
    return found


def _by_id(resource: Resource[Any], dataset: Dataset) -> dict[int, Any]:
    """The resource's rows by id, worked out once per dataset."""
    indexes = _INDEXES.get(dataset.store)
    if indexes is None:
        indexes = _INDEXES[dataset.store] = {}
    index = indexes.get(resource.base)
    if index is None:
        index = indexes[resource.base] = {row.id: row for row in resource.rows(dataset)}
    return index


def _table(read: Callable[[Catalog], Mapping[int, Row]]) -> Callable[[Dataset], Sequence[Row]]:
    def rows(dataset: Dataset) -> Sequence[Row]:
        table = read(dataset.catalog)
        return [table[i] for i in sorted(table)]

    return rows


# --------------------------------------------------------------------------- field tables


def _attribute(name: str) -> Key:
    """A fixed entity's free attribute (``color``, ``code``…)."""
    return lambda entity: dict(entity.attributes).get(name)


_STAMPS: Mapping[str, Field] = {
    "id": integer("id"),
    "createdAt": day("created_at"),
    "updatedAt": day("created_at"),  # lookup rows are never edited
}
_STAMP_ORDER: Mapping[str, Key] = {
    "id": lambda row: row.id,
    "createdAt": lambda row: row.created_at,
    "updatedAt": lambda row: row.created_at,
}
_NAMED: Mapping[str, Key] = {**_STAMP_ORDER, "name": lambda row: row.name}
_DISPLAYED: Mapping[str, Key] = {**_NAMED, "displayOrder": lambda row: row.id}
_PEOPLE: Mapping[str, Key] = {
    **_STAMP_ORDER,
    "firstName": lambda row: row.first_name,
    "lastName": lambda row: row.last_name,
    "email": lambda row: row.email,
}


def _thread_type(value: Any) -> str:
    """``threadType`` as the string the API writes, or the number a third-party client sends
    (1 message, 2 forward, 3 note, 4 eventInfo)."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value in THREAD_TYPES:
        return THREAD_TYPES[value]
    raise ValueError("must be a string")


_BASE_FIELDS = ("id", "createdAt", "updatedAt", "state")
_MADE_BY = ("createdBy", "updatedBy")
# What ``fields`` may name per resource: every key its renderer writes.
_STATUS_FIELDS = (*_BASE_FIELDS, "name", "code", "color", "icon", "displayOrder", "isCustom")
_PRIORITY_FIELDS = (*_BASE_FIELDS, "name", "color", "displayOrder")
_TYPE_FIELDS = (*_BASE_FIELDS, "name", "displayOrder", "default", "enabledForFutureInboxes",
                "inboxes")  # fmt: skip
_SOURCE_FIELDS = (*_BASE_FIELDS, "name", "icon", "displayOrder", "isCustom")
_INBOX_FIELDS = (*_BASE_FIELDS, *_MADE_BY, "name", "email", "type", "localPart", "displayOrder",
                 "languageCode", "signature", "autoReplyEnabled", "clientOnly",
                 "notificationsOnly", "timeloggingEnabled", "ticketstatus", "tickettypes",
                 "users", "inboxaliases", "inboxcnames", "triggers", "projects")  # fmt: skip
_USER_FIELDS = (*_BASE_FIELDS, "firstName", "lastName", "email", "role", "avatarURL",
                "editMethod", "isPartTime", "timezoneId", "timeFormatId", "autoFollowOnCC",
                "isAppOwner")  # fmt: skip
_CUSTOMER_FIELDS = (*_BASE_FIELDS, "firstName", "lastName", "email", "phone", "mobile",
                    "organization", "company", "contacts", "numTickets", "notes", "extraData",
                    "jobTitle", "address", "avatarURL", "verifiedEmail", "trusted",
                    "welcomeEmailSent")  # fmt: skip
_COMPANY_FIELDS = (*_BASE_FIELDS, *_MADE_BY, "name", "description", "details", "industry",
                   "website", "permission", "note", "domains")  # fmt: skip
_TAG_FIELDS = (*_BASE_FIELDS, *_MADE_BY, "name", "color", "inboxes")
_HOURS_FIELDS = (*_BASE_FIELDS, "name", "description", "isDefault", "timezoneId", "timezone_name")
_MESSAGE_FIELDS = (*_BASE_FIELDS, *_MADE_BY, "htmlBody", "textBody", "threadType",
                   "emailMessageId", "ticket", "customer", "contact", "status", "cc", "bcc",
                   "delayed", "editMethod", "isPinned", "viewedByCustomerAt")  # fmt: skip


def _optional(value: int | None) -> tuple[int, ...]:
    return () if value is None else (value,)


STATUSES: Resource[Entity] = Resource(
    base="ticketstatuses",
    key="ticketstatuses",
    single="ticketstatus",
    rows=_table(lambda c: c.statuses),
    render=render.status,
    fields=_STATUS_FIELDS,
    filters={
        **_STAMPS,
        "name": string("name"),
        "color": strings(_attribute("color")),
        "code": strings(_attribute("code")),
    },
    order_by=_DISPLAYED,
)
PRIORITIES: Resource[Entity] = Resource(
    base="ticketpriorities",
    key="ticketpriorities",
    single="ticketpriority",
    rows=_table(lambda c: c.priorities),
    render=render.priority,
    fields=_PRIORITY_FIELDS,
    filters={**_STAMPS, "name": string("name"), "color": strings(_attribute("color"))},
    order_by=_DISPLAYED,
)
TYPES: Resource[Entity] = Resource(
    base="tickettypes",
    key="tickettypes",
    single="tickettype",
    rows=_table(lambda c: c.types),
    render=render.ticket_type,
    fields=_TYPE_FIELDS,
    filters={
        **_STAMPS,
        "name": string("name"),
        "inboxes.id": integers(lambda e: INBOX_IDS, many=True),
    },
    order_by=_DISPLAYED,
    includes=("inboxes",),
    sideloads={"inboxes": collect(lambda e: INBOX_IDS, lambda c: c.inboxes, render.inbox)},
)
SOURCES: Resource[Entity] = Resource(
    base="ticketsources",
    key="ticketSources",
    single="ticketSource",
    rows=_table(lambda c: c.sources),
    render=render.source,
    fields=_SOURCE_FIELDS,
    filters={**_STAMPS, "name": string("name")},
    order_by=_DISPLAYED,
)
INBOXES: Resource[Any] = Resource(
    base="inboxes",
    key="inboxes",
    single="inbox",
    rows=_table(lambda c: c.inboxes),
    render=render.inbox,
    fields=_INBOX_FIELDS,
    filters={**_STAMPS, "name": string("name"), "email": string("email")},
    order_by=_NAMED,
    includes=("users", "tickettypes", "ticketstatuses"),
    sideloads={
        "users": collect(lambda i: i.user_ids, lambda c: c.users, render.user),
        "tickettypes": collect(lambda i: TYPE_IDS, lambda c: c.types, render.ticket_type),
        "ticketstatuses": collect(lambda i: (1,), lambda c: c.statuses, render.status),
    },
)
USERS: Resource[Any] = Resource(
    base="users",
    key="users",
    single="user",
    rows=_table(lambda c: c.users),
    render=render.user,
    fields=_USER_FIELDS,
    filters={
        **_STAMPS,
        "firstName": string("first_name"),
        "lastName": string("last_name"),
        "email": string("email"),
        "role": string("role"),
        "isPartTime": boolean("is_part_time"),
        "inboxes.id": integers(lambda u: u.inbox_ids, many=True),
    },
    order_by=_PEOPLE,
)
CUSTOMERS: Resource[Any] = Resource(
    base="customers",
    key="customers",
    single="customer",
    rows=_table(lambda c: c.customers),
    render=render.customer,
    fields=_CUSTOMER_FIELDS,
    filters={
        **_STAMPS,
        "firstName": string("first_name"),
        "lastName": string("last_name"),
        "email": string("email"),
        "companies.id": integer("company_id"),
        "companies.name": string("company_name"),
        "contacts.value": string("email"),
    },
    order_by=_PEOPLE,
    includes=("contacts", "companies"),
    sideloads={
        "contacts": collect(lambda c: (c.id,), lambda c: c.customers, render.contact),
        "companies": collect(
            lambda c: _optional(c.company_id), lambda c: c.companies, render.company
        ),
    },
)
COMPANIES: Resource[Any] = Resource(
    base="companies",
    key="companies",
    single="company",
    rows=_table(lambda c: c.companies),
    render=render.company,
    fields=_COMPANY_FIELDS,
    filters={
        **_STAMPS,
        "name": string("name"),
        "kind": strings(lambda c: None),  # no company has a kind
        "domains": strings(lambda c: c.domain_names, many=True),
    },
    order_by=_NAMED,
    includes=("domains",),
    sideloads={"domains": collect(lambda c: c.domain_ids, lambda c: c.domains, render.domain)},
)
TAGS: Resource[Any] = Resource(
    base="tags",
    key="tags",
    single="tag",
    rows=_table(lambda c: c.tags),
    render=render.tag,
    fields=_TAG_FIELDS,
    filters={
        **_STAMPS,
        "name": string("name"),
        "color": string("color"),
        "inboxes.id": integers(lambda t: t.inbox_ids, many=True),
    },
    order_by=_NAMED,
)
BUSINESS_HOURS: Resource[Any] = Resource(
    base="businesshours",
    key="businesshours",
    single="businesshour",
    rows=_table(lambda c: c.businesshours),
    render=render.business_hour,
    fields=_HOURS_FIELDS,
    filters={**_STAMPS, "name": string("name")},
    order_by=_NAMED,
)
MESSAGES: Resource[Message] = Resource(
    base="messages",
    key="messages",
    single="message",
    rows=all_messages,
    locate=find_message,
    render=render.message,
    fields=_MESSAGE_FIELDS,
    filters={
        **_STAMPS,
        "threadType": Field(lambda m: m.thread_type, _thread_type),
        "ticket": integer("ticket_id"),
    },
    order_by=_STAMP_ORDER,
    includes=("users", "customers", "contacts", "files"),
    sideloads={
        "users": collect(lambda m: _optional(m.user_id), lambda c: c.users, render.user),
        "customers": collect(
            lambda m: _optional(m.customer_id), lambda c: c.customers, render.customer
        ),
        "contacts": collect(  # contacts are keyed by their customer (one each)
            lambda m: _optional(m.customer_id if m.contact_id else None),
            lambda c: c.customers,
            render.contact,
        ),
    },
)

RESOURCES: tuple[Resource[Any], ...] = (
    STATUSES, PRIORITIES, TYPES, SOURCES, INBOXES, USERS, CUSTOMERS, COMPANIES, TAGS,
    BUSINESS_HOURS, MESSAGES,
)  # fmt: skip
_BY_BASE = {resource.base: resource for resource in RESOURCES}


# ---------------------------------------------------------------------------- query schemas

_LIST_QUERIES: dict[str, type[QuerySchema]] = {}
_SINGLE_QUERIES: dict[str, type[QuerySchema]] = {}


def _list_query(base: str) -> type[QuerySchema]:
    """The list's schema: built once per resource (``schema_for`` caches by class)."""
    found = _LIST_QUERIES.get(base)
    if found is None:
        resource = _BY_BASE[base]
        attributes: dict[str, Any] = {
            "last_value_wins": False,  # Go's url.Values.Get takes the first
            "filter": Filter(resource.filters, load_default=None),
            "orderBy": Choice(tuple(resource.order_by), load_default="id"),
            "orderMode": Choice(("asc", "desc"), load_default="asc"),
            "page": Integer(minimum=1, load_default=1),
            "pageSize": Integer(minimum=1, load_default=50),
            **_shared_fields(resource),
        }
        found = cast(type[QuerySchema], type(f"{base}_list", (QuerySchema,), attributes))
        _LIST_QUERIES[base] = found
    return found


def _single_query(base: str) -> type[QuerySchema]:
    found = _SINGLE_QUERIES.get(base)
    if found is None:
        attributes = {"last_value_wins": False, **_shared_fields(_BY_BASE[base])}
        found = cast(type[QuerySchema], type(f"{base}_single", (QuerySchema,), attributes))
        _SINGLE_QUERIES[base] = found
    return found


def _shared_fields(resource: Resource[Any]) -> dict[str, Any]:
    return {
        "includes": CommaList(resource.includes, allow_all=True, load_default=()),
        "sparse_fields": CommaList(resource.fields, data_key="fields", load_default=()),
    }
