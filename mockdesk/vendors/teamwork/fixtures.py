"""A pinned ticket, written in the vendor's own response shape, read back into the same ticket
type the generator builds: a fixture is a pasted response item.

What the columns can hold bounds a few values (decisions, the vendor documents none): the id
and a task id are at most 2³¹−1, ``spam_score`` lies in [-1000, 1000] (filtered and sorted as
its tenth), and a ticket links at most one task."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate

from mockdesk.core.conversations import to_html
from mockdesk.core.fields import UtcDateTime
from mockdesk.vendors.teamwork.data import Catalog, Customer, Message, Ticket

Json = dict[str, Any]


class _Ref(Schema):
    id = fields.Integer(required=True, strict=True)
    type = fields.String(load_default=None)


MAX_ID = 2**31 - 1  # ids and task ids are int32 columns


class _Task(Schema):
    id = fields.Integer(required=True, strict=True, validate=validate.Range(min=1, max=MAX_ID))
    type = fields.String(load_default=None)


def _ref_field(required: bool = False) -> fields.Field[Any]:
    if required:
        return fields.Nested(_Ref, required=True)
    return fields.Nested(_Ref, load_default=None, allow_none=True)


def _stamp(required: bool = False) -> fields.Field[Any]:
    if required:
        return UtcDateTime(required=True)
    return UtcDateTime(load_default=None, allow_none=True)


class TicketSchema(Schema):
    """One ticket as ``serialize`` writes it (unknown keys ignored, as a pasted response has)."""

    class Meta:
        unknown = EXCLUDE

    id = fields.Integer(required=True, strict=True, validate=validate.Range(min=1, max=MAX_ID))
    subject = fields.String(required=True)
    previewText = fields.String(load_default="")
    originalRecipient = fields.String(load_default=None, allow_none=True)
    responseTimeMins = fields.Integer(load_default=0, strict=True)
    resolutionTimeMins = fields.Integer(load_default=0, strict=True)
    happinessSurveySentAt = _stamp()
    spam_score = fields.Float(load_default=0.1, validate=validate.Range(-1000, 1000))
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
    tasks = fields.List(
        fields.Nested(_Task), load_default=list, validate=validate.Length(max=1)
    )  # the column holds one linked task, as every generated ticket has at most one


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


def _message(
    identifier: int, n: int, loaded: Json, customer: Customer, agent: int, created_at: datetime
) -> Message:
    """A pasted ticket names its messages only by id: the first is the customer's e-mail (its
    text is the preview), the others agent replies, a minute apart."""
    text = loaded["previewText"] or loaded["subject"] if n == 0 else "Thanks, we are on it."
    return Message(
        id=identifier,
        ticket_id=loaded["id"],
        email_message_id=f"<{identifier}@mockdesk.invalid>",
        thread_type="message",
        customer_id=customer.id if n == 0 else None,
        contact_id=customer.contact_id if n == 0 else None,
        user_id=None if n == 0 else agent,
        status_id=loaded["status"]["id"],
        created_at=created_at + timedelta(minutes=n),
        viewed_by_customer_at=None,
        cc=tuple(loaded["cc"]) if n == 0 else (),
        text=text,
        html=to_html(text),
        is_pinned=False,
    )


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
        _message(m["id"], n, loaded, customer, agent or first_user, created_at)
        for n, m in enumerate(loaded["messages"])
    )
    return Ticket(
        id=loaded["id"],
        subject=loaded["subject"],
        preview_text=loaded["previewText"],
        original_recipient=loaded["originalRecipient"] or catalog.inboxes[ids["inbox"] or 0].email,
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
