"""Runtime tickets: tickets a test adds, replaces or deletes through the admin API.

Why: a test often needs the one ticket it asserts on (a given status, subject, date) without
writing a fixture file and restarting the server. Generated data stays a pure function of seed
and fixtures; the changes live here as an :class:`Overlay` per tenant and vendor, and
:meth:`TicketStore.overlaid` lays an overlay over the base tickets to give the *effective*
set, which the list pipeline (filters, ordering, paging, cursors) and the detail endpoint
then read as usual.

Semantics:
- ``add`` takes one ticket object, or ``{"tickets": [...]}`` (an object whose only key is
  ``tickets``), in the same shape as a fixture file's tickets; every ticket is validated by the
  vendor's fixture loader and the batch is stored all or nothing. An id already in the
  effective set is refused (``PUT`` replaces); a deleted id may be added again.
- ``replace`` (``PUT …/tickets/<id>``) needs the id in the effective set, and the body's id, if
  the loader reads one, must be that id.
- ``delete`` removes an added ticket, or hides a generated or pinned one.
- The store for an overlay is built once per overlay version and cached (:meth:`view`); with no
  overlay, callers keep using the base dataset, at no cost.

Caps: at most :data:`MAX_RUNTIME_TICKETS` added or replacing tickets per vendor per tenant, and
JSON nested at most :data:`MAX_DEPTH` deep. Errors are marshmallow ``ValidationError`` with a
message per field, named as in the body (``tickets[2].subject``; ``subject`` for one ticket);
:class:`TicketNotFound` for an id not in the effective set.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, TypeVar

from marshmallow import ValidationError

from mockdesk.core.jsoninput import valid_unicode
from mockdesk.core.store import TicketStore

MAX_RUNTIME_TICKETS = 1000
MAX_DEPTH = 32
_INTEGER = re.compile(r"-?[0-9]{1,19}", re.ASCII)

T = TypeVar("T")
W = TypeVar("W")
Loader = Callable[[Mapping[str, Any]], Any]  # raises ValidationError on an invalid ticket
Check = Callable[[Any], None]  # raises ValueError/TypeError if a loaded ticket cannot render
# an overlay to its new (added, hidden); raises ValidationError or TicketNotFound to refuse
Change = Callable[["Overlay"], tuple[dict[Hashable, Any], frozenset[Hashable]]]


class TicketNotFound(LookupError):
    """No ticket with that id in the effective set (never existed, or deleted)."""


@dataclass(frozen=True)
class Overlay:
    """One vendor's changes in one tenant; immutable, replaced whole on every change."""

    version: int = 0
    added: Mapping[Hashable, Any] = field(default_factory=lambda: MappingProxyType({}))
    hidden: frozenset[Hashable] = frozenset()

    @property
    def empty(self) -> bool:
        return not self.added and not self.hidden

    def contains(self, ticket_id: Hashable, base: TicketStore[Any]) -> bool:
        """Whether ``ticket_id`` is in the effective set over ``base``."""
        if ticket_id in self.added:
            return True
        return ticket_id not in self.hidden and base.get(ticket_id) is not None


@dataclass
class _Cached:
    base: object
    version: int
    value: object


class RuntimeTickets:
    """One tenant's runtime tickets, per vendor slug. Thread-safe.

    Loaders run outside the lock (they may be slow); the existence checks, the cap and the
    store happen in one locked step (:meth:`_update`), so two concurrent adds of one id cannot
    both succeed. :class:`~mockdesk.core.shared.SharedRuntimeTickets` makes that step a Redis
    transaction instead.
    """

    def __init__(self, max_tickets: int = MAX_RUNTIME_TICKETS) -> None:
        self._max = max_tickets
        self._overlays: dict[str, Overlay] = {}
        self._versions = itertools.count(1)
        self._views: dict[str, _Cached] = {}
        self._lock = threading.Lock()

    def overlay(self, slug: str) -> Overlay:
        with self._lock:
            return self._overlays.get(slug) or Overlay()

    def add(
        self,
        slug: str,
        payload: object,
        load: Loader,
        base: TicketStore[Any],
        check: Check | None = None,
    ) -> list[Any]:
        """Validate and store one ticket or a ``{"tickets": [...]}`` batch; the stored tickets."""
        raws, prefix = _batch(payload)
        if len(raws) > self._max:
            raise ValidationError({"tickets": [f"at most {self._max} tickets at once"]})
        tickets = _load_all(raws, prefix, load, check)
        errors: dict[str, list[str]] = {}
        seen: dict[Hashable, int] = {}
        for position, ticket in enumerate(tickets):
            if ticket.id in seen:
                errors[f"{prefix(position)}id"] = [f"duplicate of {prefix(seen[ticket.id])}id"]
            seen.setdefault(ticket.id, position)
        if errors:
            raise ValidationError(errors)

        def change(overlay: Overlay) -> tuple[dict[Hashable, Any], frozenset[Hashable]]:
            for position, ticket in enumerate(tickets):
                if overlay.contains(ticket.id, base):
                    errors[f"{prefix(position)}id"] = [
                        f"a ticket with id {ticket.id} exists; PUT "
                        f"/__mockdesk/vendors/{slug}/tickets/{ticket.id} replaces it"
                    ]
            if errors:
                raise ValidationError(errors)
            new_ids = {t.id for t in tickets} - set(overlay.added)
            self._check_room(overlay, len(new_ids))
            added = dict(overlay.added)
            added.update((t.id, t) for t in tickets)
            return added, overlay.hidden - {t.id for t in tickets}

        self._update(slug, change, {t.id: raw for t, raw in zip(tickets, raws, strict=True)})
        return tickets

    def replace(
        self,
        slug: str,
        path_id: str,
        payload: object,
        load: Loader,
        base: TicketStore[Any],
        check: Check | None = None,
    ) -> Any:
        """Replace the ticket ``path_id`` (added or generated) with ``payload``; the new ticket."""
        if not isinstance(payload, Mapping):
            raise ValidationError({"_schema": ["must be one ticket object"]})
        ticket = _load_all([payload], lambda _: "", load, check)[0]

        def change(overlay: Overlay) -> tuple[dict[Hashable, Any], frozenset[Hashable]]:
            ticket_id = _resolve(path_id, overlay, base)
            if ticket.id != ticket_id:
                raise ValidationError({"id": [f"must be the id in the path ({path_id})"]})
            self._check_room(overlay, 0 if ticket_id in overlay.added else 1)
            added = dict(overlay.added)
            added[ticket_id] = ticket
            return added, overlay.hidden

        self._update(slug, change, {ticket.id: payload})
        return ticket

    def delete(self, slug: str, path_id: str, base: TicketStore[Any]) -> None:
        """Remove the ticket ``path_id`` from the effective set (hiding a generated one)."""

        def change(overlay: Overlay) -> tuple[dict[Hashable, Any], frozenset[Hashable]]:
            ticket_id = _resolve(path_id, overlay, base)
            added = {k: v for k, v in overlay.added.items() if k != ticket_id}
            hidden = overlay.hidden
            if base.get(ticket_id) is not None:  # generated or pinned: hide it
                hidden = hidden | {ticket_id}
            return added, hidden

        self._update(slug, change, {})

    def view(
        self,
        slug: str,
        base: TicketStore[T],
        wrap: Callable[[TicketStore[T]], W],
        load: Loader | None = None,
    ) -> W | None:
        """``wrap(effective store)`` for ``slug``, cached per (base, overlay version); None when
        the vendor has no overlay (use the base as it is). ``load`` is the vendor's loader, for
        an overlay kept elsewhere (shared state) that must be rebuilt from its payloads.

        ``wrap`` turns the store into what the pipeline reads, e.g.
        ``lambda store: Dataset(store, base_dataset.catalog)``; it must give the view its own
        render cache, since a replaced ticket keeps its id.
        """
        with self._lock:
            overlay = self._overlays.get(slug)
            if overlay is None or overlay.empty:
                return None
            cached = self._views.get(slug)
            if cached is not None and cached.base is base and cached.version == overlay.version:
                return cached.value  # type: ignore[return-value]
        store = base.overlaid(overlay.added, overlay.hidden)
        value = wrap(store)
        with self._lock:
            current = self._overlays.get(slug)
            if current is not None and current.version == overlay.version:
                self._views[slug] = _Cached(base, overlay.version, value)
        return value

    def clear(self, slug: str | None = None) -> None:
        with self._lock:
            if slug is None:
                self._overlays.clear()
                self._views.clear()
            else:
                self._overlays.pop(slug, None)
                self._views.pop(slug, None)

    def counts(self) -> dict[str, dict[str, int]]:
        """Per vendor: how many tickets are added and how many hidden (for health/summary)."""
        with self._lock:
            return {
                slug: {"added": len(o.added), "hidden": len(o.hidden)}
                for slug, o in self._overlays.items()
                if not o.empty
            }

    def _check_room(self, overlay: Overlay, extra: int) -> None:
        if len(overlay.added) + extra > self._max:
            raise ValidationError(
                {
                    "tickets": [
                        f"at most {self._max} runtime tickets per vendor; "
                        "delete some or reset the tenant"
                    ]
                }
            )

    def _update(
        self,
        slug: str,
        change: Change,
        raws: Mapping[Hashable, Mapping[str, Any]],
    ) -> None:
        """Apply ``change`` to the vendor's overlay as one step (checks and store under the
        lock). ``raws`` are the validated payloads of the tickets ``change`` adds or replaces,
        by id: kept by a shared subclass, unused here."""
        with self._lock:
            added, hidden = change(self._overlays.get(slug) or Overlay())
            self._store(slug, added, hidden)

    def _store(self, slug: str, added: dict[Hashable, Any], hidden: frozenset[Hashable]) -> None:
        self._overlays[slug] = Overlay(next(self._versions), MappingProxyType(added), hidden)


def _batch(payload: object) -> tuple[Sequence[Mapping[str, Any]], Callable[[int], str]]:
    """The raw tickets of a body, and how to name ticket ``i``'s fields in errors."""
    if isinstance(payload, Mapping) and set(payload) == {"tickets"}:
        tickets = payload["tickets"]
        if not isinstance(tickets, list) or not tickets:
            raise ValidationError({"tickets": ["must be a non-empty list of ticket objects"]})
        problems = {
            f"tickets[{i}]": ["must be a ticket object"]
            for i, raw in enumerate(tickets)
            if not isinstance(raw, Mapping)
        }
        if problems:
            raise ValidationError(problems)
        return tickets, lambda i: f"tickets[{i}]."
    if isinstance(payload, Mapping):
        return [payload], lambda i: ""
    raise ValidationError({"_schema": ['must be a ticket object or {"tickets": [...]}']})


def _load_all(
    raws: Sequence[Mapping[str, Any]],
    prefix: Callable[[int], str],
    load: Loader,
    check: Check | None,
) -> list[Any]:
    errors: dict[str, list[str]] = {}
    tickets = []
    for position, raw in enumerate(raws):
        where = prefix(position)
        problem = _unusable_json(raw)
        if problem is not None:
            path, message = problem
            errors[f"{where}{path}" if path else (where.rstrip(".") or "_schema")] = [message]
            continue
        try:
            ticket = load(raw)
            if check is not None:
                check(ticket)
        except ValidationError as error:
            for name, messages in _flatten(error.messages):
                errors[f"{where}{name}" if name else (where.rstrip(".") or "_schema")] = messages
            continue
        except (TypeError, ValueError, KeyError, AttributeError, OverflowError) as error:
            name = where.rstrip(".") or "_schema"
            errors[name] = [f"not a valid ticket ({type(error).__name__})"]
            continue
        tickets.append(ticket)
    if errors:
        raise ValidationError(errors)
    return tickets


def _unusable_json(value: object) -> tuple[str, str] | None:
    """(path, reason) for the first string holding a lone surrogate, or nesting past
    :data:`MAX_DEPTH`; walked iteratively, so deep input cannot exhaust the stack."""
    stack: list[tuple[object, str, int]] = [(value, "", 0)]
    while stack:
        item, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            return path, f"nested deeper than {MAX_DEPTH} levels"
        if isinstance(item, str):
            if not valid_unicode(item):
                return path, "must be valid Unicode (it holds a lone surrogate)"
        elif isinstance(item, Mapping):
            for key, inner in item.items():
                if isinstance(key, str) and not valid_unicode(key):
                    return path, "a key holds a lone surrogate"
                stack.append((inner, f"{path}.{key}" if path else str(key), depth + 1))
        elif isinstance(item, list):
            for index, inner in enumerate(item):
                stack.append((inner, f"{path}[{index}]", depth + 1))
    return None


def _flatten(messages: Any, path: str = "") -> list[tuple[str, list[str]]]:
    """marshmallow's nested messages as (``field.sub[0]``, [message, …]) pairs."""
    if isinstance(messages, Mapping):
        pairs: list[tuple[str, list[str]]] = []
        for key, inner in messages.items():
            if isinstance(key, int):
                step = f"{path}[{key}]"
            elif key == "_schema":
                step = path
            else:
                step = f"{path}.{key}" if path else str(key)
            pairs.extend(_flatten(inner, step))
        return pairs
    if isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        return [(path, list(messages))]
    if isinstance(messages, list):
        return [pair for inner in messages for pair in _flatten(inner, path)]
    return [(path, [str(messages)])]


def _resolve(path_id: str, overlay: Overlay, base: TicketStore[Any]) -> Hashable:
    """The typed id behind the text in a URL: tried as text, then as an integer."""
    candidates: list[Hashable] = [path_id]
    if _INTEGER.fullmatch(path_id):
        candidates.append(int(path_id))
    for candidate in candidates:
        if overlay.contains(candidate, base):
            return candidate
    raise TicketNotFound(path_id)
