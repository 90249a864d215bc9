"""Teamwork Desk tickets, messages and related entities in the desksdkgo shapes.

Relationships are ``{"id": n, "type": "<included key>"}`` references; ``included`` carries, per
requested type, exactly the entities the given rows reference, sorted by id. Keys are written
in byte order by the JSON style (Go marshals maps that way, and the seed's example is sorted).

Every entity carries the SDK's base fields (``id``, ``createdAt``, ``updatedAt``, ``state``;
``createdBy``/``updatedBy`` where someone made it) and the fields its desksdkgo model reads,
with the model's Go types: a string where Go expects an int would fail the whole response.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from mockdesk.core.timeline import utc_millis
from mockdesk.vendors.teamwork.data import (
    BusinessHour,
    Catalog,
    Company,
    Customer,
    Domain,
    Entity,
    Inbox,
    Message,
    Tag,
    Ticket,
    User,
)

Json = dict[str, Any]
Row = TypeVar("Row")


@dataclass(frozen=True)
class Related:
    """What related entities are rendered against: the catalog, and what only the tickets know
    (how many tickets each customer has, for ``numTickets``)."""

    catalog: Catalog
    tickets_per_customer: Mapping[int, int]


def ref(kind: str, identifier: int | None) -> Json | None:
    return None if identifier is None else {"id": identifier, "type": kind}


def _refs(kind: str, identifiers: Iterable[int]) -> list[Json]:
    return [{"id": identifier, "type": kind} for identifier in identifiers]


def serialize(ticket: Ticket) -> Json:
    return {
        "id": ticket.id,
        "subject": ticket.subject,
        "previewText": ticket.preview_text,
        "originalRecipient": ticket.original_recipient,
        "responseTimeMins": ticket.response_time_mins,
        "resolutionTimeMins": ticket.resolution_time_mins,
        "happinessSurveySentAt": utc_millis(ticket.happiness_survey_sent_at),
        "spam_score": ticket.spam_score,
        "spam_rules": list(ticket.spam_rules),
        "imagesHidden": False,
        "isRead": ticket.is_read,
        "readonly": False,
        "messageCount": len(ticket.messages),
        "cc": list(ticket.cc),
        "bcc": [],
        "suggestions": {},
        "createdAt": utc_millis(ticket.created_at),
        "updatedAt": utc_millis(ticket.updated_at),
        "deletedAt": utc_millis(ticket.deleted_at),
        "createdBy": ref("users", ticket.created_by),
        "updatedBy": ref("users", ticket.updated_by),
        "deletedBy": ref("users", ticket.deleted_by),
        "state": ticket.state,
        "agent": ref("users", ticket.agent_id),
        "customer": ref("customers", ticket.customer_id),
        "contact": ref("contacts", ticket.contact_id),
        "inbox": ref("inboxes", ticket.inbox_id),
        "status": ref("ticketstatuses", ticket.status_id),
        "priority": ref("ticketpriorities", ticket.priority_id),
        "source": ref("ticketsources", ticket.source_id),
        "type": ref("tickettypes", ticket.type_id),
        "businesshours": ref("businesshours", ticket.businesshours_id),
        "company": ref("companies", ticket.company_id),
        "happinessRating": None,
        "tags": [ref("tags", t) for t in ticket.tag_ids],
        "messages": [ref("messages", m.id) for m in ticket.messages],
        "tasks": [ref("tasks", t) for t in ticket.task_ids],
        "files": [],
        "activities": [],
        "timelogs": [],
        "followers": [],
        "children": [],
        "companycustomers": [],
        "customfields": [],
    }


# What ``fields`` may name: every key ``serialize`` writes.
TICKET_FIELDS = (
    "id", "subject", "previewText", "originalRecipient", "responseTimeMins",
    "resolutionTimeMins", "happinessSurveySentAt", "spam_score", "spam_rules", "imagesHidden",
    "isRead", "readonly", "messageCount", "cc", "bcc", "suggestions", "createdAt", "updatedAt",
    "deletedAt", "createdBy", "updatedBy", "deletedBy", "state", "agent", "customer", "contact",
    "inbox", "status", "priority", "source", "type", "businesshours", "company", "happinessRating",
    "tags", "messages", "tasks", "files", "activities", "timelogs", "followers", "children",
    "companycustomers", "customfields",
)  # fmt: skip


def sparse(body: Json, wanted: frozenset[str] | None) -> Json:
    """Only the ``fields`` asked for; ``id`` always stays, as JSON:API-style APIs keep it."""
    if not wanted:
        return body
    return {key: value for key, value in body.items() if key == "id" or key in wanted}


def _stamps(created_at: datetime, by: int | None = None) -> Json:
    """The base entity's fields: made once and never edited, by ``by`` (a user) if anyone."""
    stamps: Json = {
        "createdAt": utc_millis(created_at),
        "updatedAt": utc_millis(created_at),
        "state": "active",
    }
    if by is not None:
        stamps["createdBy"] = stamps["updatedBy"] = ref("users", by)
    return stamps


def _entity(entity: Entity, **extra: Any) -> Json:
    return {
        "id": entity.id,
        "name": entity.name,
        **dict(entity.attributes),
        **extra,
        **_stamps(entity.created_at),
    }


def status(entity: Entity, related: Related) -> Json:
    return _entity(entity, displayOrder=entity.id, isCustom=False)


def priority(entity: Entity, related: Related) -> Json:
    return _entity(entity, displayOrder=entity.id)


def source(entity: Entity, related: Related) -> Json:
    return _entity(entity, displayOrder=entity.id, isCustom=False)


def ticket_type(entity: Entity, related: Related) -> Json:
    return _entity(
        entity,
        displayOrder=entity.id,
        default=entity.id == 1,
        enabledForFutureInboxes=True,
        inboxes=_refs("inboxes", sorted(related.catalog.inboxes)),
    )


def tag(tag: Tag, related: Related) -> Json:
    """The SDK's ``Tag`` is ``name`` and ``color``; ``inboxes`` (where it may be used) is what
    the MCP filters tags by (``inboxes.id``)."""
    return {
        "id": tag.id,
        "name": tag.name,
        "color": tag.color,
        "inboxes": _refs("inboxes", tag.inbox_ids),
        **_stamps(tag.created_at, related.catalog.owner),
    }


def business_hour(hours: BusinessHour, related: Related) -> Json:
    return {
        "id": hours.id,
        "name": hours.name,
        "description": "",
        "isDefault": hours.id == 1,
        "timezoneId": hours.timezone_id,
        "timezone_name": hours.timezone_name,
        **_stamps(hours.created_at),
    }


def user(user: User, related: Related | None = None) -> Json:
    return {
        "id": user.id,
        "firstName": user.first_name,
        "lastName": user.last_name,
        "email": user.email,
        "role": user.role,
        "avatarURL": "",
        "editMethod": "html",
        "isPartTime": user.is_part_time,
        "timezoneId": user.timezone_id,
        "timeFormatId": 1,
        "autoFollowOnCC": False,
        "isAppOwner": user.is_app_owner,
        **_stamps(user.created_at),
    }


def inbox(inbox: Inbox, related: Related) -> Json:
    catalog = related.catalog
    members = [
        {
            "id": member,
            "type": "users",
            "meta": {
                "access": "full",
                "isAdmin": catalog.users[member].role == "admin",
                "starred": False,
                "state": "active",
            },
        }
        for member in inbox.user_ids
    ]
    return {
        "id": inbox.id,
        "name": inbox.name,
        "email": inbox.email,
        "type": "email",
        "localPart": inbox.email.split("@")[0],
        "displayOrder": inbox.id,
        "languageCode": "en",
        "signature": "",
        "autoReplyEnabled": False,
        "clientOnly": False,
        "notificationsOnly": False,
        "timeloggingEnabled": True,
        "ticketstatus": ref("ticketstatuses", 1),
        "tickettypes": _refs("tickettypes", sorted(catalog.types)),
        "users": members,
        "inboxaliases": [],
        "inboxcnames": [],
        "triggers": [],
        "projects": [],
        **_stamps(inbox.created_at, catalog.owner),
    }


def customer(customer: Customer, related: Related) -> Json:
    company = related.catalog.companies.get(customer.company_id or 0)
    return {
        "id": customer.id,
        "firstName": customer.first_name,
        "lastName": customer.last_name,
        "email": customer.email,
        "phone": customer.phone,
        "mobile": "",
        "organization": company.name if company else "",
        "company": ref("companies", customer.company_id),
        "contacts": [ref("contacts", customer.contact_id)],
        "numTickets": related.tickets_per_customer.get(customer.id, 0),
        "notes": "",
        "extraData": "",
        "jobTitle": "",
        "address": "",
        "avatarURL": "",
        "verifiedEmail": True,
        "trusted": False,
        "welcomeEmailSent": False,
        **_stamps(customer.created_at),
    }


def contact(customer: Customer, related: Related | None = None) -> Json:
    return {
        "id": customer.contact_id,
        "value": customer.email,
        "isMain": True,
        "customer": ref("customers", customer.id),
        **_stamps(customer.created_at),
    }


def company(company: Company, related: Related) -> Json:
    domains = related.catalog.domains
    return {
        "id": company.id,
        "name": company.name,
        "description": company.description,
        "details": "",
        "industry": company.industry,
        "website": f"https://{domains[company.domain_ids[0]].name}",
        "permission": "own",
        "note": "",
        "domains": _refs("domains", company.domain_ids),
        **_stamps(company.created_at, related.catalog.owner),
    }


def domain(domain: Domain, related: Related | None = None) -> Json:
    return {
        "id": domain.id,
        "name": domain.name,
        "company": ref("companies", domain.company_id),
        "project": None,
        "projects_company": None,
        **_stamps(domain.created_at),
    }


def message(message: Message, related: Related | None = None) -> Json:
    """The SDK reads the body from ``htmlBody`` only (``Message.UnmarshalJSON``); ``textBody``
    is the same text without tags."""
    author = ref("customers", message.customer_id) or ref("users", message.user_id)
    return {
        "id": message.id,
        "htmlBody": message.html,
        "textBody": message.text,
        "threadType": message.thread_type,
        "emailMessageId": message.email_message_id,
        "ticket": ref("tickets", message.ticket_id),
        "customer": ref("customers", message.customer_id),
        "contact": ref("contacts", message.contact_id),
        "status": ref("ticketstatuses", message.status_id),
        "cc": list(message.cc),
        "bcc": [],
        "delayed": False,
        "editMethod": "html",
        "isPinned": message.is_pinned,
        "viewedByCustomerAt": utc_millis(message.viewed_by_customer_at),
        "createdAt": utc_millis(message.created_at),
        "updatedAt": utc_millis(message.created_at),
        "createdBy": author,
        "updatedBy": author,
        "state": "active",
    }


# Every side-load type tickets.json accepts: the published list (cut off after "reacti…"), the
# SDK's IncludedData keys, and ticketpriorities. Types no generated ticket references come back
# as empty lists.
INCLUDE_TYPES = tuple(sorted({
    "agentsnotified", "businesshours", "companies", "companycustomers", "contacts", "customers",
    "customerticketsreads", "customfieldoptions", "customfields", "files",
    "happinessratingoptions", "happinessratings", "inboxes", "likes", "messages", "notifications",
    "pinnednotes", "reactions", "domains", "slacustomers", "slacompanies", "slainboxes",
    "slanotifications", "slaticketpriorities", "slatags", "tags", "ticketactivities",
    "ticketsources", "ticketstatuses", "tickettypes", "ticketpriorities", "timelogs", "users",
}))  # fmt: skip

Sideload = Callable[[Sequence[Any], Related], list[Json]]


def _one(value: int | None) -> tuple[int, ...]:
    return () if value is None else (value,)


def collect(
    ids: Callable[[Any], Iterable[int]],
    table: Callable[[Catalog], Mapping[int, Row]],
    render: Callable[[Row, Related], Json],
) -> Sideload:
    """A side-load: the entities of ``table`` that the rows point at (via ``ids``), by id."""

    def sideload(rows: Sequence[Any], related: Related) -> list[Json]:
        entities = table(related.catalog)
        wanted = sorted({i for row in rows for i in ids(row)})
        return [render(entities[i], related) for i in wanted]

    return sideload


def _user_ids(ticket: Ticket) -> Iterable[int]:
    yield from _one(ticket.agent_id)
    yield ticket.created_by
    yield ticket.updated_by
    yield from _one(ticket.deleted_by)
    yield from (m.user_id for m in ticket.messages if m.user_id is not None)


def _messages(tickets: Sequence[Ticket], related: Related) -> list[Json]:
    found = sorted((m for t in tickets for m in t.messages), key=lambda m: m.id)
    return [message(m) for m in found]


def _customers(ids: Callable[[Any], Iterable[int]]) -> Sideload:
    return collect(ids, lambda c: c.customers, customer)


def _contacts(ids: Callable[[Any], Iterable[int]]) -> Sideload:
    """Contacts are keyed by their customer (one each), so ``ids`` yields customer ids."""
    return collect(ids, lambda c: c.customers, contact)


SIDELOADS: Mapping[str, Sideload] = {
    "users": collect(_user_ids, lambda c: c.users, user),
    "customers": _customers(lambda t: (t.customer_id,)),
    "contacts": _contacts(lambda t: (t.customer_id,)),
    "companies": collect(lambda t: _one(t.company_id), lambda c: c.companies, company),
    "inboxes": collect(lambda t: (t.inbox_id,), lambda c: c.inboxes, inbox),
    "ticketstatuses": collect(lambda t: (t.status_id,), lambda c: c.statuses, status),
    "ticketpriorities": collect(lambda t: _one(t.priority_id), lambda c: c.priorities, priority),
    "ticketsources": collect(lambda t: (t.source_id,), lambda c: c.sources, source),
    "tickettypes": collect(lambda t: _one(t.type_id), lambda c: c.types, ticket_type),
    "tags": collect(lambda t: t.tag_ids, lambda c: c.tags, tag),
    "businesshours": collect(
        lambda t: (t.businesshours_id,), lambda c: c.businesshours, business_hour
    ),
    "messages": _messages,
}


def included(
    rows: Sequence[Any],
    kinds: Iterable[str],
    related: Related,
    sideloads: Mapping[str, Sideload] = SIDELOADS,
) -> Json:
    """Per requested type, exactly the entities ``rows`` reference (empty when none)."""
    return {kind: sideloads[kind](rows, related) if kind in sideloads else [] for kind in kinds}
