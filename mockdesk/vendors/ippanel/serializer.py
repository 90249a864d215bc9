"""IPPanel tickets to and from the shapes of the Edge docs.

``serialize`` renders a list item exactly as ``docs/ticket/list-ticket.md`` shows it (Laravel's
``.000000Z`` timestamps, nested objects, field order of the example); ``serialize_detail`` the
different shape of ``docs/ticket/ticket-id.md``; ``load_fixture`` reads a list item back, so a
fixture is a pasted response item.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from mockdesk.vendors.ippanel.data import (
    Ticket,
)

CARBON_JSON_FORMAT = "%Y-%m-%dT%H:%M:%S.000000Z"  # Carbon's toJSON() with microseconds
DATABASE = "%Y-%m-%d %H:%M:%S"  # the detail endpoint's unserialized column format


def timestamp(moment: datetime | None, pattern: str = CARBON_JSON_FORMAT) -> str | None:
    return None if moment is None else moment.astimezone(UTC).strftime(pattern)


def serialize(ticket: Ticket) -> dict[str, Any]:
    return {
        "id": ticket.id,
        "ticket_id": ticket.id,
        "user_id": ticket.user.user_id,
        "parent_id": ticket.user.parent_id,
        "category_id": ticket.category.id,
        "sub_category_id": ticket.sub_category.id,
        "importance": ticket.importance,
        "state_id": ticket.state_id,
        "subject": ticket.subject,
        "desc": ticket.desc,
        "manager_comment": ticket.manager_comment,
        "close_desc": ticket.close_desc,
        "admin_seen": ticket.admin_seen,
        "user_seen": ticket.user_seen,
        "sms_notification": ticket.sms_notification,
        "interaction_count": ticket.interaction_count,
        "longest_interaction": ticket.longest_interaction,
        "min_rate": None,
        "deleted_at": None,
        "created_at": timestamp(ticket.created_at),
        "updated_at": timestamp(ticket.updated_at),
        "jira_id": ticket.jira_id,
        "rate": ticket.rate,
        "rate_comment": ticket.rate_comment,
        "user": {"user_id": ticket.user.user_id, "uname": ticket.user.uname},
        "category": {"id": ticket.category.id, "name": ticket.category.name},
        "sub_category": {"id": ticket.sub_category.id, "title": ticket.sub_category.title},
        "state": {"id": ticket.state_id, "name": ticket.state_name},
        "forward": _forward(ticket, seen=int(ticket.forward.seen)),
    }


def serialize_detail(ticket: Ticket) -> dict[str, Any]:
    """``GET /api/ticket/show``: names instead of objects, ``description``, a boolean ``seen``."""
    return {
        "id": ticket.id,
        "ticket_id": ticket.id,
        "user_id": ticket.user.user_id,
        "parent_id": ticket.user.parent_id,
        "importance": ticket.importance,
        "subject": ticket.subject,
        "category": ticket.category.name,
        "category_id": ticket.category.id,
        "sub_category_id": ticket.sub_category.id,
        "state": ticket.state_name,
        "state_id": ticket.state_id,
        "sub_state_id": None,
        "description": ticket.desc,
        "close_desc": ticket.close_desc,
        "user_seen": ticket.user_seen,
        "sms_notification": ticket.sms_notification,
        "created_at": timestamp(ticket.created_at, DATABASE),
        "attachment": ticket.attachment,
        "interactions": [
            {
                "id": i.id,
                "description": i.description,
                "agent_id": i.agent_id,
                "agent_username": i.agent_username,
                "created_at": timestamp(i.created_at, DATABASE),
                "attachment": i.attachment,
                "partner_title": i.agent_username,
                "private": i.private,
                "username": i.username,
            }
            for i in ticket.interactions
        ],
        "forward": _forward(ticket, seen=ticket.forward.seen),
        "manager_comment": ticket.manager_comment or "",
        "jira_id": ticket.jira_id,
        "rate": ticket.rate,
    }


def _forward(ticket: Ticket, seen: int | bool) -> dict[str, Any]:
    forward = ticket.forward
    return {
        "id": forward.id,
        "from": forward.from_user,
        "ticket_id": ticket.id,
        "to": forward.to,
        "created_at": timestamp(forward.created_at),
        "updated_at": timestamp(forward.updated_at),
        "deleted_at": None,
        "seen": seen,
    }
