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

import numpy as np
import numpy.typing as npt

from mockdesk.core.store import Selection
from mockdesk.vendors.teamwork.data import Ticket
from mockdesk.vendors.teamwork.filtering import FIELDS

Key = Callable[[Ticket], Any]
Array = npt.NDArray[Any]


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


# Fields the columns order: (column, how its stored value becomes a sort key).
def _plain(values: Array) -> Array:
    """An id column: -1 (null) sorts first, as MySQL's nulls do."""
    return values.astype(np.int64)


def _time(values: Array) -> Array:
    return np.where(np.isnan(values), -np.inf, values)


def _lowest_bit(values: Array) -> Array:
    """A bit set of tag ids → the lowest tag id (-1: none)."""
    found: Array = _LOWEST[values.astype(np.int64)]
    return found


_LOWEST = np.asarray([-1] + [(n & -n).bit_length() for n in range(1, 1 << 16)], np.int64)
COLUMN_KEYS: Mapping[str, tuple[str, Callable[[Array], Array]]] = {
    **{
        name: (field.column.name, _plain)
        for name, field in FIELDS.items()
        if field.column is not None and field.column.kind == "int"
    },
    "contact": ("customer_id", _plain),  # one contact per customer, in the same order
    "createdAt": ("created_at", _time),
    "updatedAt": ("updated_at", _time),
    "deletedAt": ("deleted_at", _time),
    "happinessSurveySentAt": ("happiness_survey_sent_at", _time),
    "spam_score": ("spam_score", _plain),
    "users.id": ("agent_id", _plain),
    "customers.id": ("customer_id", _plain),
    "priorities.id": ("priority_id", _plain),
    "tags.id": ("tag_ids", _lowest_bit),
    "messages.id": ("id", _plain),  # the opening message's id is the ticket's id × 100
    "messages.customers.id": ("customer_id", _plain),  # the customer opens every thread
    "companies.id": ("company_id", _plain),
    "tasks.id": ("task_ids", _plain),
    "inboxes.id": ("inbox_id", _plain),
    "statuses.id": ("status_id", _plain),
    "businesshours.id": ("businesshours_id", _plain),
    "reviewStatus": ("id", lambda values: np.zeros(len(values), np.int64)),
    "tickets_users_deck.createdAt": ("id", lambda values: np.zeros(len(values), np.int64)),
}
# Names: the relation's id column, and how to read the name off a ticket that has it.
NAME_KEYS: Mapping[str, tuple[str, Key]] = {
    "users.name": ("agent_id", lambda t: t.agent_name),
    "customers.name": ("customer_id", lambda t: t.customer_name),
    "companies.name": ("company_id", lambda t: t.company_name),
    "businesshours.name": ("businesshours_id", lambda t: t.businesshours_name),
}
LEVEL_KEYS: Mapping[str, tuple[str, Key]] = {
    "originalRecipient": ("original_recipient", lambda t: t.original_recipient),
    "state": ("state", lambda t: t.state),
}


def _name_key(matches: Selection[Ticket], column: str, read: Key) -> Array:
    """Rank of each ticket's related name: one ticket per distinct relation is built to read
    it (a dozen agents, 120 customers at most; any ticket with that relation will do)."""
    codes = matches.column(column).astype(np.int64)
    if not len(codes):
        return codes
    low = int(codes.min())
    shifted = codes - low
    some_row = np.full(int(shifted.max()) + 1, -1, dtype=np.int64)
    some_row[shifted] = np.arange(len(shifted))
    present = np.flatnonzero(some_row >= 0)
    names = {int(code): read(matches[int(some_row[code])]) for code in present}
    ranked = sorted({name for name in names.values() if name is not None})
    rank = {name: n for n, name in enumerate(ranked)}
    table = np.full(len(some_row), -1, dtype=np.int64)
    for code, name in names.items():
        table[code] = -1 if name is None else rank[name]
    found: Array = table[shifted]
    return found


def _positions(key: Array, ids: Array) -> Array:
    """Positions sorting by ``key`` then id: one sort of a combined integer when the key is a
    small whole number (ids are unique and below 2**32), else a two-key lexsort."""
    if key.dtype.kind == "i" and len(key):
        low, high = int(key.min()), int(key.max())
        if high - low < 1 << 30 and int(ids.min()) >= 0 and int(ids.max()) < 1 << 32:
            combined = ((key - low) << 32) | ids
            found: Array = np.argsort(combined)
            return found
    ordered: Array = np.lexsort((ids, key))
    return ordered


def _rules_key(matches: Selection[Ticket]) -> Array:
    """Rule sets ranked by their rules joined with commas (pinned tickets' sets included)."""
    levels = matches.store.columns.levels("spam_rules")
    joined = np.asarray([",".join(rules) for rules in levels], dtype=object)
    rank = np.empty(len(levels), dtype=np.int64)
    rank[np.argsort(joined, kind="stable")] = np.arange(len(levels))
    found: Array = rank[matches.column("spam_rules").astype(np.int64)]
    return found


def sort_key(matches: Selection[Ticket], field: str) -> Array | None:
    """One sort key per match (None: the field has no column; built tickets are read)."""
    if field == "spam_rules":
        return _rules_key(matches)
    if field in COLUMN_KEYS:
        column, key = COLUMN_KEYS[field]
        return key(matches.column(column))
    if field in NAME_KEYS:
        return _name_key(matches, *NAME_KEYS[field])
    if field in LEVEL_KEYS:  # a categorical column: one ticket per level read, like names
        column, read = LEVEL_KEYS[field]
        return _name_key(matches, column, read)
    return None


def order(tickets: Sequence[Ticket], field: str, mode: str) -> Sequence[Ticket]:
    """``tickets`` sorted by ``field`` in ``mode`` (``asc``/``desc``), ties by id.

    A store's selection is sorted on its columns, building no ticket but one per related name
    or level; ``subject``, ``previewText``, ``responseTimeMins``,
    ``resolutionTimeMins`` and ``messages.messageId`` have no column and are read off every
    built ticket (slow for a large store)."""
    if (field, mode) == DEFAULT:
        return tickets
    if isinstance(tickets, Selection):
        key = sort_key(tickets, field)
        if key is not None:
            positions = _positions(key, tickets.column("id").astype(np.int64))
            if mode == "desc":
                positions = positions[::-1]
            return Selection(tickets.store, tickets.rows[positions])
    read = KEYS[field]

    def python_key(ticket: Ticket) -> tuple[Any, ...]:
        value = read(ticket)
        return (0, 0, ticket.id) if value is None else (1, value, ticket.id)

    return sorted(tickets, key=python_key, reverse=mode == "desc")
