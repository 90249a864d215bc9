"""A pinned ticket, written in the vendor's own response shape, read back into the same ticket
type the generator builds: a fixture is a pasted response item."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from mockdesk.vendors.ippanel.data import (
    STATES,
    Catalog,
    Category,
    Forward,
    SubCategory,
    Ticket,
    User,
)

CARBON_JSON_FORMAT = "%Y-%m-%dT%H:%M:%S.000000Z"  # Carbon's toJSON() with microseconds
DATABASE = "%Y-%m-%d %H:%M:%S"  # the detail endpoint's unserialized column format


def _strict_int(**kw: Any) -> fields.Integer:
    return fields.Integer(strict=True, **kw)


def _flag() -> fields.Integer:
    return fields.Integer(required=True, strict=True, validate=validate.OneOf((0, 1)))


class _LaravelDateTime(fields.DateTime):
    def __init__(self, **kw: Any) -> None:
        super().__init__(format=CARBON_JSON_FORMAT, **kw)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kw: Any) -> datetime:
        return super()._deserialize(value, attr, data, **kw).replace(tzinfo=UTC)


class _UserSchema(Schema):
    user_id = _strict_int(required=True)
    uname = fields.String(required=True, validate=validate.Length(min=1))


class _CategorySchema(Schema):
    id = _strict_int(required=True)
    name = fields.String(required=True)


class _SubCategorySchema(Schema):
    id = _strict_int(required=True)
    title = fields.String(required=True)


class _StateSchema(Schema):
    id = _strict_int(required=True)
    name = fields.String(required=True)


class _ForwardSchema(Schema):
    id = _strict_int(required=True)
    from_user = _strict_int(required=True, data_key="from")
    ticket_id = _strict_int(required=True)
    to = _strict_int(required=True)
    created_at = _LaravelDateTime(required=True)
    updated_at = _LaravelDateTime(required=True)
    deleted_at = fields.Constant(None)
    seen = _flag()


class TicketSchema(Schema):
    """One list item; the nested objects must agree with the flat ids, as the API's do."""

    id = _strict_int(required=True)
    ticket_id = _strict_int(required=True)
    user_id = _strict_int(required=True)
    parent_id = _strict_int(required=True)
    category_id = _strict_int(required=True)
    sub_category_id = _strict_int(required=True)
    importance = fields.String(required=True)
    state_id = _strict_int(required=True, validate=validate.OneOf(tuple(STATES)))
    subject = fields.String(required=True)
    desc = fields.String(required=True)
    manager_comment = fields.String(load_default=None, allow_none=True)
    close_desc = fields.String(load_default=None, allow_none=True)
    admin_seen = _flag()
    user_seen = _flag()
    sms_notification = _flag()
    interaction_count = _strict_int(required=True, validate=validate.Range(min=0))
    longest_interaction = _strict_int(required=True, validate=validate.Range(min=0))
    min_rate = fields.Constant(None)
    deleted_at = fields.Constant(None)
    created_at = _LaravelDateTime(required=True)
    updated_at = _LaravelDateTime(required=True)
    jira_id = _strict_int(required=True)
    rate = _strict_int(required=True, validate=validate.Range(min=0, max=5))
    rate_comment = fields.String(load_default=None, allow_none=True)
    user = fields.Nested(_UserSchema, required=True)
    category = fields.Nested(_CategorySchema, required=True)
    sub_category = fields.Nested(_SubCategorySchema, required=True)
    state = fields.Nested(_StateSchema, required=True)
    forward = fields.Nested(_ForwardSchema, required=True)

    @validates_schema
    def _agree(self, data: dict[str, Any], **kw: Any) -> None:
        pairs = {
            "ticket_id": (data["ticket_id"], data["id"]),
            "user": (data["user"]["user_id"], data["user_id"]),
            "category": (data["category"]["id"], data["category_id"]),
            "sub_category": (data["sub_category"]["id"], data["sub_category_id"]),
            "state": (data["state"]["id"], data["state_id"]),
            "forward": (data["forward"]["ticket_id"], data["id"]),
        }
        for name, (nested, flat) in pairs.items():
            if nested != flat:
                raise ValidationError(f"disagrees with the flat id ({nested} != {flat})", name)
        if data["state"]["name"] != STATES[data["state_id"]]:
            raise ValidationError(f"must be {STATES[data['state_id']]!r}", "state")


def load_fixture(raw: Mapping[str, Any], catalog: Catalog) -> Ticket:
    data = TicketSchema().load(raw)
    forward = data["forward"]
    return Ticket(
        id=data["id"],
        user=User(data["user_id"], data["user"]["uname"], data["parent_id"]),
        category=Category(data["category_id"], data["category"]["name"]),
        sub_category=SubCategory(
            data["sub_category_id"], data["sub_category"]["title"], data["category_id"]
        ),
        importance=data["importance"],
        state_id=data["state_id"],
        subject=data["subject"],
        desc=data["desc"],
        manager_comment=data["manager_comment"],
        close_desc=data["close_desc"],
        admin_seen=data["admin_seen"],
        user_seen=data["user_seen"],
        sms_notification=data["sms_notification"],
        interaction_count=data["interaction_count"],
        longest_interaction=data["longest_interaction"],
        created_at=data["created_at"],
        updated_at=data["updated_at"],
        jira_id=data["jira_id"],
        rate=data["rate"],
        rate_comment=data["rate_comment"],
        forward=Forward(
            forward["id"],
            forward["from_user"],
            forward["to"],
            forward["created_at"],
            forward["updated_at"],
            bool(forward["seen"]),
        ),
    )
