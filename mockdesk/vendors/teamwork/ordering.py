"""``orderBy``/``orderMode``: every field of the seed's list, related paths included.

A to-many path (``tags.id``, ``messages.*``, ``tasks.id``) sorts by the ticket's first related
row (lowest tag or task id, the opening message), as a SQL join ordered before grouping would.
Nulls come first in ascending order, as MySQL sorts them; ties fall back to the ticket id in the
same direction, so ``desc`` is exactly ``asc`` reversed and a page walk is stable.
``reviewStatus`` and ``tickets_users_deck.createdAt`` are accepted; no generated ticket has a
review or sits in the caller's deck, so they order by id alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from mockdesk.vendors.teamwork.data import Ticket
from mockdesk.vendors.teamwork.filtering import FIELDS

Key = Callable[[Ticket], Any]


def _first(values: Sequence[Any]) -> Any:
    return values[0] if values else None


def _opening(read: Callable[[Any], Any]) -> Key:
    return lambda ticket: read(ticket.messages[0]) if ticket.messages else None


RELATED: Mapping[str, Key] = {
    "users.id": lambda t: t.agent_id,
    "users.name": lambda t: t.agent_name,
    "customers.id": lambda t: t.customer_id,
    "customers.name": lambda t: t.customer_name,
    "priorities.id": lambda t: t.priority_id,
    "tags.id": lambda t: _first(t.tag_ids),
    "messages.id": _opening(lambda m: m.id),
    "messages.messageId": _opening(lambda m: m.email_message_id),
    "messages.customers.id": _opening(lambda m: m.customer_id),
    "companies.id": lambda t: t.company_id,
    "companies.name": lambda t: t.company_name,
    "tasks.id": lambda t: _first(t.task_ids),
    "inboxes.id": lambda t: t.inbox_id,
    "statuses.id": lambda t: t.status_id,
    "businesshours.id": lambda t: t.businesshours_id,
    "businesshours.name": lambda t: t.businesshours_name,
    "reviewStatus": lambda t: None,
    "tickets_users_deck.createdAt": lambda t: None,
}
# Own fields order by the full value (timestamps to the millisecond), not the filter's day.
_OWN: Mapping[str, Key] = {
    **{name: field.read for name, field in FIELDS.items()},
    "happinessSurveySentAt": lambda t: t.happiness_survey_sent_at,
    "createdAt": lambda t: t.created_at,
    "updatedAt": lambda t: t.updated_at,
    "deletedAt": lambda t: t.deleted_at,
    "spam_rules": lambda t: ",".join(t.spam_rules),
}
KEYS: Mapping[str, Key] = {**_OWN, **RELATED}
# The seed's list, in its order (it names ``priority`` twice).
ORDER_FIELDS = (
    *FIELDS,
    "users.id",
    "users.name",
    "customers.id",
    "customers.name",
    "priorities.id",
    "tags.id",
    "messages.id",
    "messages.messageId",
    "messages.customers.id",
    "companies.id",
    "companies.name",
    "tasks.id",
    "inboxes.id",
    "statuses.id",
    "businesshours.id",
    "businesshours.name",
    "reviewStatus",
    "tickets_users_deck.createdAt",
)
DEFAULT = ("createdAt", "desc")  # the store's listing order


def order(tickets: Sequence[Ticket], field: str, mode: str) -> Sequence[Ticket]:
    """``tickets`` sorted by ``field`` in ``mode`` (``asc``/``desc``), ties by id."""
    if (field, mode) == DEFAULT:
        return tickets
    read = KEYS[field]

    def key(ticket: Ticket) -> tuple[Any, ...]:
        value = read(ticket)
        return (0, 0, ticket.id) if value is None else (1, value, ticket.id)

    return sorted(tickets, key=key, reverse=mode == "desc")
