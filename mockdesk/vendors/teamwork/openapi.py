"""What only a person can write about Teamwork Desk's document (Teamwork publishes no OpenAPI
file for Desk v2); :mod:`mockdesk.openapi` derives the rest (parameters from ``query``,
``search`` and ``lookups``, the Validator and ``net/http`` error bodies from
``errors.render_error``, ``X-Rate-Limit-*`` headers, examples).

Written here: the entities (desksdkgo's models as ``serializer`` writes them; with ``fields``
any key but ``id`` may be left out, so only ``id`` is required), the envelopes, and the
``filter`` language as JSON Schema, built from the same field tables the parser
(``filtering``) checks operands with, so a filter the schema allows is one the parser takes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from mockdesk.core.errors import ResourceNotFound
from mockdesk.openapi.fields import DATE_PATTERN, FieldConverter, calendar_date
from mockdesk.openapi.model import (
    DocumentContext,
    Example,
    Operation,
    Schema,
    VendorDocument,
    json_reply,
    ref,
)
from mockdesk.vendors.teamwork import SPEC, filtering, lookups, query, search, serializer
from mockdesk.vendors.teamwork.routes import TICKET_MESSAGES

INT: Schema = {"type": "integer"}
STRING: Schema = {"type": "string"}
BOOLEAN: Schema = {"type": "boolean"}
TIME: Schema = {"type": "string", "format": "date-time"}
NULLABLE_TIME: Schema = {"type": ["string", "null"], "format": "date-time"}
EMPTY_LIST: Schema = {"type": "array", "items": {}, "maxItems": 0, "description": "Always empty."}
STRINGS: Schema = {"type": "array", "items": STRING}
REFERENCE: Schema = {
    "type": "object",
    "required": ["id", "type"],
    "additionalProperties": False,
    "properties": {"id": INT, "type": STRING},
}
REF = ref("Reference")
NULLABLE_REF: Schema = {"anyOf": [REF, {"type": "null"}]}
REFS: Schema = {"type": "array", "items": REF}
BASE = {"id": INT, "createdAt": TIME, "updatedAt": TIME, "state": {"enum": ["active", "deleted"]}}
MADE_BY = {"createdBy": REF, "updatedBy": REF}

# Each entity's keys, as its renderer in ``serializer`` writes them (the test holds these
# equal to the ``fields`` each resource accepts).
ENTITIES: Mapping[str, Mapping[str, Schema]] = {
    "TicketStatus": {**BASE, "name": STRING, "code": STRING, "color": STRING, "icon": STRING,
                     "displayOrder": INT, "isCustom": BOOLEAN},
    "TicketPriority": {**BASE, "name": STRING, "color": STRING, "displayOrder": INT},
    "TicketType": {**BASE, "name": STRING, "displayOrder": INT, "default": BOOLEAN,
                   "enabledForFutureInboxes": BOOLEAN, "inboxes": REFS},
    "TicketSource": {**BASE, "name": STRING, "icon": STRING, "displayOrder": INT,
                     "isCustom": BOOLEAN},
    "Inbox": {**BASE, **MADE_BY, "name": STRING, "email": STRING, "type": STRING,
              "localPart": STRING, "displayOrder": INT, "languageCode": STRING,
              "signature": STRING, "autoReplyEnabled": BOOLEAN, "clientOnly": BOOLEAN,
              "notificationsOnly": BOOLEAN, "timeloggingEnabled": BOOLEAN, "ticketstatus": REF,
              "tickettypes": REFS, "users": {"type": "array", "items": ref("InboxMember")},
              "inboxaliases": EMPTY_LIST, "inboxcnames": EMPTY_LIST, "triggers": EMPTY_LIST,
              "projects": EMPTY_LIST},
    "User": {**BASE, "firstName": STRING, "lastName": STRING, "email": STRING, "role": STRING,
             "avatarURL": STRING, "editMethod": STRING, "isPartTime": BOOLEAN,
             "timezoneId": INT, "timeFormatId": INT, "autoFollowOnCC": BOOLEAN,
             "isAppOwner": BOOLEAN},
    "Customer": {**BASE, "firstName": STRING, "lastName": STRING, "email": STRING,
                 "phone": STRING, "mobile": STRING, "organization": STRING,
                 "company": NULLABLE_REF, "contacts": REFS, "numTickets": INT, "notes": STRING,
                 "extraData": STRING, "jobTitle": STRING, "address": STRING,
                 "avatarURL": STRING, "verifiedEmail": BOOLEAN, "trusted": BOOLEAN,
                 "welcomeEmailSent": BOOLEAN},
    "Company": {**BASE, **MADE_BY, "name": STRING, "description": STRING, "details": STRING,
                "industry": STRING, "website": STRING, "permission": STRING, "note": STRING,
                "domains": REFS},
    "Tag": {**BASE, **MADE_BY, "name": STRING, "color": STRING, "inboxes": REFS},
    "BusinessHour": {**BASE, "name": STRING, "description": STRING, "isDefault": BOOLEAN,
                     "timezoneId": INT, "timezone_name": STRING},
    "Message": {**BASE, "createdBy": NULLABLE_REF, "updatedBy": NULLABLE_REF,
                "htmlBody": STRING, "textBody": STRING,
                "threadType": {"enum": list(lookups.THREAD_TYPES.values())},
                "emailMessageId": STRING, "ticket": REF, "customer": NULLABLE_REF,
                "contact": NULLABLE_REF, "status": REF, "cc": STRINGS, "bcc": STRINGS,
                "delayed": BOOLEAN, "editMethod": STRING, "isPinned": BOOLEAN,
                "viewedByCustomerAt": NULLABLE_TIME},
    "Contact": {**BASE, "value": STRING, "isMain": BOOLEAN, "customer": REF},
    "Domain": {**BASE, "name": STRING, "company": REF, "project": {"type": "null"},
               "projects_company": {"type": "null"}},
    "Ticket": {**BASE, "subject": STRING, "previewText": STRING, "originalRecipient": STRING,
               "responseTimeMins": INT, "resolutionTimeMins": INT,
               "happinessSurveySentAt": NULLABLE_TIME, "spam_score": {"type": "number"},
               "spam_rules": STRINGS, "imagesHidden": BOOLEAN, "isRead": BOOLEAN,
               "readonly": BOOLEAN, "messageCount": INT, "cc": STRINGS, "bcc": STRINGS,
               "suggestions": {"type": "object"}, "deletedAt": NULLABLE_TIME,
               "createdBy": REF, "updatedBy": REF, "deletedBy": NULLABLE_REF,
               "agent": NULLABLE_REF, "customer": REF, "contact": REF, "inbox": REF,
               "status": REF, "priority": NULLABLE_REF, "source": REF, "type": NULLABLE_REF,
               "businesshours": REF, "company": NULLABLE_REF, "happinessRating": {"type": "null"},
               "tags": REFS, "messages": REFS, "tasks": REFS, "files": EMPTY_LIST,
               "activities": EMPTY_LIST, "timelogs": EMPTY_LIST, "followers": EMPTY_LIST,
               "children": EMPTY_LIST, "companycustomers": EMPTY_LIST,
               "customfields": EMPTY_LIST},
}  # fmt: skip
# The entity schema of each lookup resource, and of each side-load type that has rows.
RESOURCE_ENTITY = {
    "ticketstatuses": "TicketStatus", "ticketpriorities": "TicketPriority",
    "tickettypes": "TicketType", "ticketsources": "TicketSource", "inboxes": "Inbox",
    "users": "User", "customers": "Customer", "companies": "Company", "tags": "Tag",
    "businesshours": "BusinessHour", "messages": "Message",
}  # fmt: skip
SIDELOAD_ENTITY = {**RESOURCE_ENTITY, "contacts": "Contact", "domains": "Domain"}
INBOX_MEMBER: Schema = {
    "type": "object",
    "required": ["id", "type", "meta"],
    "additionalProperties": False,
    "properties": {
        "id": INT,
        "type": STRING,
        "meta": {
            "type": "object",
            "additionalProperties": False,
            "required": ["access", "isAdmin", "starred", "state"],
            "properties": {
                "access": STRING,
                "isAdmin": BOOLEAN,
                "starred": BOOLEAN,
                "state": STRING,
            },
        },
    },
}
PAGING: Mapping[str, Schema] = {
    "meta": {
        "type": "object",
        "required": ["page"],
        "additionalProperties": False,
        "properties": {
            "page": {
                "type": "object",
                "additionalProperties": False,
                "required": ["count", "pageSize", "pageOffset", "pages", "hasMore"],
                "properties": {
                    "count": INT,
                    "pageSize": INT,
                    "pageOffset": INT,
                    "pages": INT,
                    "hasMore": BOOLEAN,
                },
            }
        },
    },
    "pagination": {
        "type": "object",
        "additionalProperties": False,
        "required": ["records", "pageSize", "pages", "page", "hasMorePages"],
        "properties": {
            "records": INT,
            "pageSize": INT,
            "pages": INT,
            "page": INT,
            "hasMorePages": BOOLEAN,
        },
    },
}

# filter operands: the parser's checks (filtering.Field.operand) as JSON Schema
OPERANDS: Mapping[Callable[[Any], Any], Schema] = {
    filtering._integer: {"type": "integer"},
    filtering._number: {"type": "number"},
    filtering._string: {"type": "string"},
    filtering._boolean: {"type": "boolean"},
    filtering._date: {"type": "string", "format": "date", "pattern": DATE_PATTERN},
    filtering._state: {"type": "string", "enum": list(filtering.STATES)},
    lookups._thread_type: {
        "anyOf": [{"type": "string"}, {"type": "integer", "enum": list(lookups.THREAD_TYPES)}]
    },
}
FILTER_NAMES: dict[int, str] = {}  # id(field table) → component name


def _entity(name: str) -> Schema:
    return {
        "type": "object",
        "required": ["id"],
        "additionalProperties": False,
        "description": "Only `id` is sure to be there: `fields` may leave out the rest.",
        "properties": dict(ENTITIES[name]),
    }


def _nullable(schema: Schema) -> Schema:
    if "anyOf" in schema:
        return {"anyOf": [*schema["anyOf"], {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}


def filter_schema(name: str, table: Mapping[str, filtering.Field]) -> Schema:
    """The filter language over ``table``: keys ANDed; a bare operand means ``$eq``; null is an
    operand of the equality operators only; ``$and``/``$or`` take non-empty lists."""
    this = ref(name)
    properties: dict[str, Schema] = {}
    for key, field in table.items():
        operand = OPERANDS[field.operand]
        equality = _nullable(operand)
        operators = {
            "$eq": equality,
            "$ne": equality,
            **{op: operand for op in ("$lt", "$lte", "$gt", "$gte")},
            "$in": {"type": "array", "items": equality},
            "$nin": {"type": "array", "items": equality},
        }
        properties[key] = {
            "anyOf": [
                equality,
                {
                    "type": "object",
                    "minProperties": 1,
                    "additionalProperties": False,
                    "properties": operators,
                },
            ]
        }
    for combinator in ("$and", "$or"):
        properties[combinator] = {"type": "array", "minItems": 1, "items": this}
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "description": "MongoDB-style filter, sent as URL-encoded JSON.",
    }


def filter_parameter(field: query.Filter, convert: FieldConverter) -> Schema:
    name = FILTER_NAMES[id(field.filter_fields)]
    return {"content": {"application/json": {"schema": ref(name)}}}


def comma_list(field: query.CommaList, convert: FieldConverter) -> Schema:
    """``a,b,c`` of the choices (and ``all`` where allowed); empty items are skipped."""
    choices = [*field.choices, *(("all",) if field.allow_all else ()), ""]
    return {"type": "array", "items": {"type": "string", "enum": choices}}


ZERO: Schema = {"type": "string", "maxLength": 0, "description": "Go's zero value: no constraint."}


def flag(field: query.Flag, convert: FieldConverter) -> Schema:
    """Go's ``strconv.ParseBool``: ``true``/``false`` and its other spellings (a pattern, not
    an enum: generators name enum members by upper case, and ``FALSE``/``False`` would
    collide); empty is false."""
    spellings = "|".join(sorted(field.TRUE | field.FALSE - {""}))
    return {"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": f"^({spellings})?$"}]}


def optional_integer(field: Any, convert: FieldConverter) -> Schema:
    """A 64-bit integer (Go's ``int``), or empty: no constraint."""
    number = {"type": "integer", "format": "int64", "minimum": -(2**63), "maximum": 2**63 - 1}
    return {"anyOf": [number, ZERO]}


def day(field: Any, convert: FieldConverter) -> Schema:
    """``YYYY-MM-DD`` (an RFC 3339 time is refused), or empty: no constraint."""
    return {"anyOf": [calendar_date(field, convert), ZERO]}


FIELDS: dict[type, Callable[[Any, FieldConverter], Schema]] = {
    query.Filter: filter_parameter,
    query.CommaList: comma_list,
    query.Flag: flag,
    query.OptionalInteger: optional_integer,
    query.Day: day,
}


def _list_body(key: str, entity: str, included: str) -> Schema:
    return {
        "type": "object",
        "required": [key, "included", "meta", "pagination"],
        "additionalProperties": False,
        "properties": {
            key: {"type": "array", "items": ref(entity)},
            "included": ref(included),
            **PAGING,
        },
    }


def _single_body(key: str, entity: str, included: str) -> Schema:
    return {
        "type": "object",
        "required": [key, "included"],
        "additionalProperties": False,
        "properties": {key: ref(entity), "included": ref(included)},
    }


def _included(kinds: tuple[str, ...]) -> Schema:
    """One key per requested type (only those asked for are there)."""
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            kind: (
                {"type": "array", "items": ref(SIDELOAD_ENTITY[kind])}
                if kind in SIDELOAD_ENTITY
                else EMPTY_LIST
            )
            for kind in kinds
        },
    }


def _schemas() -> dict[str, Schema]:
    found: dict[str, Schema] = {"Reference": REFERENCE, "InboxMember": INBOX_MEMBER}
    found.update({name: _entity(name) for name in ENTITIES})
    found["TicketIncluded"] = _included(serializer.INCLUDE_TYPES)
    found["TicketsPage"] = _list_body("tickets", "Ticket", "TicketIncluded")
    found["TicketSingle"] = _single_body("ticket", "Ticket", "TicketIncluded")
    FILTER_NAMES[id(filtering.FIELDS)] = "TicketFilter"
    found["TicketFilter"] = filter_schema("TicketFilter", filtering.FIELDS)
    for resource in lookups.RESOURCES:
        entity = RESOURCE_ENTITY[resource.base]
        included = f"{entity}Included"
        found[included] = _included(resource.includes)
        found[f"{entity}List"] = _list_body(resource.key, entity, included)
        found[f"{entity}Single"] = _single_body(resource.single, entity, included)
        FILTER_NAMES[id(resource.filters)] = f"{entity}Filter"
        found[f"{entity}Filter"] = filter_schema(f"{entity}Filter", resource.filters)
    found["ValidationErrors"] = {
        "description": "teamwork/validate's Validator: messages keyed by parameter (a filter's "
        "by `filter.<field>.<operator>`).",
        "type": "object",
        "required": ["errors"],
        "additionalProperties": False,
        "properties": {
            "errors": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": STRING, "minItems": 1},
            }
        },
    }
    return found


def _error_schema(status: int, content_type: str) -> Schema | None:
    if content_type == "text/plain":
        return {"type": "string", "description": "Go's net/http error text."}
    if content_type == "application/json" and status == 400:
        return ref("ValidationErrors")
    return None


def _lookups() -> list[Operation]:
    found = []
    for resource in lookups.RESOURCES:
        entity = RESOURCE_ENTITY[resource.base]
        found.append(
            Operation(
                path=resource.path,
                operation_id=f"list_{resource.base}",
                summary=f"List {resource.base}",
                query=resource.query,
                replies=[json_reply(ref(f"{entity}List"))],
                example=Example(f"{resource.path}?pageSize=2"),
                tags=("lookups",),
            )
        )
        found.append(
            Operation(
                path=resource.single_path,
                operation_id=f"get_{resource.base}",
                summary=f"Get one of {resource.base}",
                query=resource.single_query,
                problems=[ResourceNotFound(resource.single, "0")],
                replies=[json_reply(ref(f"{entity}Single"))],
                example=Example(_single_example(resource)),
                tags=("lookups",),
            )
        )
    return found


def _single_example(resource: lookups.Resource[Any]) -> Callable[[Any], str]:
    def target(data: Any) -> str:
        first = resource.rows(data)[0]
        return resource.single_path.replace("<int:entity_id>", str(first.id))

    return target


def describe(context: DocumentContext) -> VendorDocument:
    schemas = _schemas()
    first = "<int:ticket_id>"
    operations = [
        Operation(
            path=SPEC.listing.path,
            operation_id="listTickets",
            summary="List tickets",
            query=query.TicketQuery,
            parameter_descriptions={
                "pageSize": f"Tickets per page; above {query.MAX_PAGE_SIZE} is "
                f"{query.MAX_PAGE_SIZE}.",
                "includes": "Side-load types, or `all`.",
                "fields": "Ticket keys to keep (`id` always stays).",
            },
            bad_queries=({"filter": '{"status": {"$in": "x"}}'}, {"pageSize": "0"}),
            replies=[json_reply(ref("TicketsPage"))],
            example=Example(f"{SPEC.listing.path}?pageSize=2&includes=ticketstatuses"),
            tags=("tickets",),
        ),
        Operation(
            path=SPEC.detail.path,
            operation_id="getTicket",
            summary="Get a ticket",
            query=query.DetailQuery,
            problems=[ResourceNotFound("ticket", "0")],
            replies=[json_reply(ref("TicketSingle"))],
            example=Example(
                lambda data: SPEC.detail.path.replace(first, str(data.store.all()[0].id))
            ),
            tags=("tickets",),
        ),
        Operation(
            path=search.PATH,
            operation_id="searchTickets",
            summary="Search tickets",
            description="desksdkgo's `SearchTicketsFilter`: zero values mean no constraint; "
            f"`pageSize` outside 1-{search.MAX_PAGE_SIZE} is {search.DEFAULT_PAGE_SIZE}.",
            query=search.SearchQuery,
            replies=[json_reply(ref("TicketsPage"))],
            example=Example(f"{search.PATH}?pageSize=2"),
            tags=("tickets",),
        ),
        Operation(
            path=TICKET_MESSAGES,
            operation_id="listTicketMessages",
            summary="List a ticket's messages",
            query=lookups.MESSAGES.query,
            problems=[ResourceNotFound("ticket", "0")],
            replies=[json_reply(ref("MessageList"))],
            example=Example(
                lambda data: (
                    TICKET_MESSAGES.replace(first, str(data.store.all()[0].id)) + "?pageSize=2"
                )
            ),
            tags=("tickets",),
        ),
        *_lookups(),
    ]
    return VendorDocument(
        title=f"{SPEC.name} (mockdesk)",
        version="2",
        description="Teamwork Desk's ticket, search and lookup endpoints as mockdesk serves them "
        "(Teamwork publishes no OpenAPI document for Desk v2; this one is mockdesk's reading of "
        "its docs and desksdkgo). Credentials: `Authorization: Bearer mockdesk-token`, or Basic "
        "`mockdesk-token:x`.",
        operations=operations,
        schemas=schemas,
        security_schemes={
            "bearer": {"type": "http", "scheme": "bearer", "description": "A Desk API key."},
            "basic": {
                "type": "http",
                "scheme": "basic",
                "description": "The API key as the username, any password.",
            },
        },
        security=[{"bearer": []}, {"basic": []}],
        error_schema=_error_schema,
        servers=(
            {
                "url": "https://{site}.teamwork.com/desk/api/v2",
                "description": "Teamwork Desk (the real API)",
                "variables": {"site": {"default": "example"}},
            },
        ),
        tags=({"name": "tickets"}, {"name": "lookups"}),
        fields=FIELDS,
    )
