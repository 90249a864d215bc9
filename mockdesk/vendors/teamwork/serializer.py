"""Teamwork Desk tickets and side-loaded entities in the desksdkgo shapes, and fixture loading.

Relationships are ``{"id": n, "type": "<included key>"}`` references; ``included`` carries, per
requested type, exactly the entities the given tickets reference, sorted by id. Keys are written
in byte order by the JSON style (Go marshals maps that way, and the seed's example is sorted).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate

from mockdesk.core.responses import JsonStyle
from mockdesk.vendors.teamwork.data import Catalog, Customer, Entity, Message, Ticket, User

Json = dict[str, Any]
# Success bodies as Go's json.Encoder writes them: sorted map keys, HTML escapes, trailing "\n".
GO_ENCODER = JsonStyle(escape_html=True, sort_keys=True, trailing_newline=True)


def timestamp(moment: datetime | None) -> str | None:
    """RFC 3339 with milliseconds and ``Z``, as the seed's ``2024-04-24T16:17:38.594Z``."""
    if moment is None:
        return None
    moment = moment.astimezone(UTC)
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}Z"


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
        "happinessSurveySentAt": timestamp(ticket.happiness_survey_sent_at),
        "spam_score": ticket.spam_score,
        "spam_rules": list(ticket.spam_rules),
        "imagesHidden": False,
        "isRead": ticket.is_read,
        "readonly": False,
        "messageCount": len(ticket.messages),
        "cc": list(ticket.cc),
        "bcc": [],
        "suggestions": {},
        "createdAt": timestamp(ticket.created_at),
        "updatedAt": timestamp(ticket.updated_at),
        "deletedAt": timestamp(ticket.deleted_at),
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
        "createdAt": timestamp(created_at),
        "updatedAt": timestamp(created_at),
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


class _Ref(Schema):
    id = fields.Integer(required=True, strict=True)
    type = fields.String(load_default=None)


def _ref_field(required: bool = False) -> fields.Field:
    if required:
        return fields.Nested(_Ref, required=True)
    return fields.Nested(_Ref, load_default=None, allow_none=True)


def _stamp(required: bool = False) -> fields.Field:
    if required:
        return fields.AwareDateTime(required=True, default_timezone=UTC)
    return fields.AwareDateTime(load_default=None, allow_none=True, default_timezone=UTC)


class TicketSchema(Schema):
    """One ticket as ``serialize`` writes it (unknown keys ignored, as a pasted response has)."""

    class Meta:
        unknown = EXCLUDE

    id = fields.Integer(required=True, strict=True, validate=validate.Range(min=1))
    subject = fields.String(required=True)
    previewText = fields.String(load_default="")
    originalRecipient = fields.String(load_default=None, allow_none=True)
    responseTimeMins = fields.Integer(load_default=0, strict=True)
    resolutionTimeMins = fields.Integer(load_default=0, strict=True)
    happinessSurveySentAt = _stamp()
    spam_score = fields.Float(load_default=0.1)
    spam_rules = fields.List(fields.String(), load_default=list)
    isRead = fields.Boolean(load_default=False)
    cc = fields.List(fields.String(), load_default=list)
    createdAt = _stamp(required=True)
    updatedAt = _stamp()
    deletedAt = _stamp()
    createdBy = _ref_field()
    updatedBy = _ref_field()
    deletedBy = _ref_field()
    state = fields.String(load_default="active", validate=validate.OneOf(("active", "deleted")))
    agent = _ref_field()
    customer = _ref_field(required=True)
    contact = _ref_field()
    inbox = _ref_field(required=True)
    status = _ref_field(required=True)
    priority = _ref_field()
    source = _ref_field()
    type = _ref_field()
    businesshours = _ref_field()
    tags = fields.List(fields.Nested(_Ref), load_default=list)
    messages = fields.List(fields.Nested(_Ref), load_default=list)
    tasks = fields.List(fields.Nested(_Ref), load_default=list)


_TABLES = {
    "agent": "users",
    "createdBy": "users",
    "updatedBy": "users",
    "deletedBy": "users",
    "customer": "customers",
    "inbox": "inboxes",
    "status": "statuses",
    "priority": "priorities",
    "source": "sources",
    "type": "types",
    "businesshours": "businesshours",
}


def _resolve(raw: Json, catalog: Catalog) -> dict[str, int | None]:
    """Each reference's id, checked against the catalog so ``included`` always resolves."""
    ids: dict[str, int | None] = {}
    for key, table in _TABLES.items():
        identifier = raw[key]["id"] if raw.get(key) else None
        if identifier is not None and identifier not in getattr(catalog, table):
            raise ValidationError({key: [f"no {table} with id {identifier}"]})
        ids[key] = identifier
    for position, tag in enumerate(raw["tags"]):
        if tag["id"] not in catalog.tags:
            raise ValidationError({"tags": {position: [f"no tags with id {tag['id']}"]}})
    return ids


def load_fixture(raw: Mapping[str, Any], catalog: Catalog) -> Ticket:
    """A pasted ticket; unset relations default to the customer's contact and company."""
    loaded = TicketSchema().load(raw)
    ids = _resolve(loaded, catalog)
    customer = catalog.customers[ids["customer"] or 0]
    agent, hours = ids["agent"], catalog.businesshours[ids["businesshours"] or 1]
    company = catalog.companies.get(customer.company_id or 0)
    created_at = loaded["createdAt"]
    first_user = min(catalog.users)
    messages = tuple(
        Message(
            m["id"],
            f"<{m['id']}@mockdesk.invalid>",
            "message" if n == 0 else "reply",
            customer.id if n == 0 else None,
            None if n == 0 else agent or first_user,
            created_at,
        )
        for n, m in enumerate(loaded["messages"])
    )
    return Ticket(
        id=loaded["id"],
        subject=loaded["subject"],
        preview_text=loaded["previewText"],
        original_recipient=loaded["originalRecipient"]
        or dict(catalog.inboxes[ids["inbox"] or 0].attributes)["email"],
        response_time_mins=loaded["responseTimeMins"],
        resolution_time_mins=loaded["resolutionTimeMins"],
        happiness_survey_sent_at=loaded["happinessSurveySentAt"],
        spam_score=loaded["spam_score"],
        spam_rules=tuple(loaded["spam_rules"]),
        customer_id=customer.id,
        contact_id=customer.contact_id,
        inbox_id=ids["inbox"] or 0,
        agent_id=agent,
        status_id=ids["status"] or 0,
        priority_id=ids["priority"],
        source_id=ids["source"] or 1,
        type_id=ids["type"],
        businesshours_id=hours.id,
        company_id=customer.company_id,
        created_at=created_at,
        updated_at=loaded["updatedAt"] or created_at,
        deleted_at=loaded["deletedAt"],
        created_by=ids["createdBy"] or agent or first_user,
        updated_by=ids["updatedBy"] or agent or first_user,
        deleted_by=ids["deletedBy"],
        state=loaded["state"],
        is_read=loaded["isRead"],
        cc=tuple(loaded["cc"]),
        tag_ids=tuple(sorted(tag["id"] for tag in loaded["tags"])),
        task_ids=tuple(sorted(task["id"] for task in loaded["tasks"])),
        messages=messages,
        agent_name=catalog.users[agent].name if agent is not None else None,
        customer_name=customer.name,
        company_name=company.name if company else None,
        businesshours_name=hours.name,
    )
