"""Teamwork Desk tickets and side-loaded entities in the desksdkgo shapes, and fixture loading.

Relationships are ``{"id": n, "type": "<included key>"}`` references; ``included`` carries, per
requested type, exactly the entities the given tickets reference, sorted by id. Keys are written
in byte order by the JSON style (Go marshals maps that way, and the seed's example is sorted).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from mockdesk.core.timeline import utc_millis
from mockdesk.vendors.teamwork.data import Catalog, Customer, Entity, Message, Ticket, User

Json = dict[str, Any]


def ref(kind: str, identifier: int | None) -> Json | None:
    return None if identifier is None else {"id": identifier, "type": kind}


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


def _stamps(created_at: datetime) -> Json:
    return {
        "createdAt": utc_millis(created_at),
        "updatedAt": utc_millis(created_at),
        "state": "active",
    }


def _entity(entity: Entity, **extra: Any) -> Json:
    return {
        "id": entity.id,
        "name": entity.name,
        **dict(entity.attributes),
        **extra,
        **_stamps(entity.created_at),
    }


def _user(user: User) -> Json:
    return {
        "id": user.id,
        "firstName": user.first_name,
        "lastName": user.last_name,
        "email": user.email,
        "role": user.role,
        "avatarURL": "",
        **_stamps(user.created_at),
    }


def _customer(customer: Customer, catalog: Catalog) -> Json:
    company = catalog.companies.get(customer.company_id or 0)
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
        **_stamps(customer.created_at),
    }


def _contact(customer: Customer) -> Json:
    return {
        "id": customer.contact_id,
        "value": customer.email,
        "isMain": True,
        "customer": ref("customers", customer.id),
        **_stamps(customer.created_at),
    }


def _message(message: Message, ticket: Ticket) -> Json:
    author = ref("customers", message.customer_id) or ref("users", message.user_id)
    return {
        "id": message.id,
        "messageId": message.message_id,
        "threadType": message.thread_type,
        "customer": ref("customers", message.customer_id),
        "createdBy": author,
        "ticket": ref("tickets", ticket.id),
        **_stamps(message.created_at),
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


def _one(value: int | None) -> tuple[int, ...]:
    return () if value is None else (value,)


def _user_ids(ticket: Ticket) -> Iterable[int]:
    yield from _one(ticket.agent_id)
    yield ticket.created_by
    yield ticket.updated_by
    yield from _one(ticket.deleted_by)
    yield from (m.user_id for m in ticket.messages if m.user_id is not None)


def _entities(
    ids: Callable[[Ticket], Iterable[int]], table: Callable[[Catalog], Mapping[int, Any]],
    render: Callable[[Any, Catalog], Json],
) -> Callable[[Sequence[Ticket], Catalog], list[Json]]:  # fmt: skip
    def collect(tickets: Sequence[Ticket], catalog: Catalog) -> list[Json]:
        rows = table(catalog)
        wanted = sorted({i for ticket in tickets for i in ids(ticket)})
        return [render(rows[i], catalog) for i in wanted]

    return collect


def _messages(tickets: Sequence[Ticket], catalog: Catalog) -> list[Json]:
    found = [(m.id, _message(m, t)) for t in tickets for m in t.messages]
    return [body for _, body in sorted(found, key=lambda pair: pair[0])]


SIDELOADS: Mapping[str, Callable[[Sequence[Ticket], Catalog], list[Json]]] = {
    "users": _entities(_user_ids, lambda c: c.users, lambda u, c: _user(u)),
    "customers": _entities(
        lambda t: (t.customer_id,), lambda c: c.customers, _customer
    ),
    "contacts": _entities(
        lambda t: (t.customer_id,), lambda c: c.customers, lambda u, c: _contact(u)
    ),
    "companies": _entities(lambda t: _one(t.company_id), lambda c: c.companies,
                           lambda e, c: _entity(e)),
    "inboxes": _entities(lambda t: (t.inbox_id,), lambda c: c.inboxes, lambda e, c: _entity(e)),
    "ticketstatuses": _entities(
        lambda t: (t.status_id,), lambda c: c.statuses,
        lambda e, c: _entity(e, displayOrder=e.id, isCustom=False),
    ),
    "ticketpriorities": _entities(
        lambda t: _one(t.priority_id), lambda c: c.priorities,
        lambda e, c: _entity(e, displayOrder=e.id),
    ),
    "ticketsources": _entities(
        lambda t: (t.source_id,), lambda c: c.sources,
        lambda e, c: _entity(e, displayOrder=e.id, isCustom=False),
    ),
    "tickettypes": _entities(
        lambda t: _one(t.type_id), lambda c: c.types,
        lambda e, c: _entity(
            e, displayOrder=e.id, default=e.id == 1, enabledForFutureInboxes=True,
            inboxes=[ref("inboxes", i) for i in sorted(c.inboxes)],
        ),
    ),
    "tags": _entities(lambda t: t.tag_ids, lambda c: c.tags, lambda e, c: _entity(e)),
    "businesshours": _entities(
        lambda t: (t.businesshours_id,), lambda c: c.businesshours, lambda e, c: _entity(e)
    ),
    "messages": _messages,
}  # fmt: skip


def included(tickets: Sequence[Ticket], kinds: Iterable[str], catalog: Catalog) -> Json:
    """Per requested type, exactly the entities ``tickets`` reference (empty when none)."""
    return {kind: SIDELOADS[kind](tickets, catalog) if kind in SIDELOADS else [] for kind in kinds}
