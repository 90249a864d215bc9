"""``GET /desk/api/v2/search/tickets.json``: the list pipeline with the search's own query.

The parameter names are desksdkgo's ``SearchTicketsFilter`` ``qs`` tags; lists repeat once per
value (mcp ``TestTicketSearchForwardsPaginationAndFields``). The SDK encodes every field of the
struct, zero values included (``filter=&timeRange=&task=0&exact=false…``), so an empty string,
``0`` for ``task`` and ``false`` mean "no constraint". Selection, ordering (``orderBy`` and
``orderMode`` as tickets.json, default ``createdAt`` ``desc``), ``includes``, ``fields`` and
the body are tickets.json's own pieces (``query``, ``ordering``, ``envelope``).

- ``search``: free text over ``subject`` and ``previewText``, case-insensitive (vendors.md
  Decision); every word must occur, or with ``exact=true`` the whole phrase.
- ``inboxes customers companies statuses priorities agents types sources``: the ticket's
  relation is one of the ids (``agents`` is the agent); ``tags``: any of them, all of them
  with ``tagRequireAll``; ``excludeInboxes``/``excludeTags``: none of them.
- ``onlyUntagged``, ``unassigned``; ``onlyWithAttachment`` (no generated ticket has files, so
  it selects nothing); ``subjectKeywords``: each is a substring of the subject.
- ``startDate``/``endDate`` (``YYYY-MM-DD``; an RFC 3339 value is a 400, mcp AGENTS.md):
  widened to the start and the end of the day (UTC), then ``createdAt`` in that range.
  ``lastUpdated``: ``updatedAt`` on or after that day.
- ``task`` (non-zero): tickets linked to that task; ``ticket``: that ticket only; ``filter``:
  the tickets.json language.
- ``omitMerged``, ``excludeWorkEmails``, ``includeArchivedAgents``, ``project``, ``teams``,
  ``twCompanyIds``, ``helpdocSites``, ``taskStatuses``, ``timeRange``: type-checked, otherwise
  ignored (no merges, work e-mails, projects or teams in the data). Unknown keys are ignored
  (the Singer tap sends ``updatedAfter``).
- ``page`` from 1; ``pageSize`` default 50, and over 200 or under 1 reset to 50 (mcp
  ``meta.go``); the size used is the one reported.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import numpy as np

from mockdesk.core.paging.offset import OffsetPage
from mockdesk.core.query import Integer, QuerySchema, Repeated, Text
from mockdesk.core.store import AnyOf, Criterion, Mask, Range, Where
from mockdesk.vendors.teamwork.data import Ticket, tag_bits
from mockdesk.vendors.teamwork.query import (
    Day,
    Filter,
    Flag,
    IdList,
    OptionalInteger,
    TicketQuery,
)

PATH = "/desk/api/v2/search/tickets.json"
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
# list parameter → the ticket attribute whose value must be one of the ids
RELATIONS = {  # (the ticket attribute is also its column)
    "inboxes": "inbox_id",
    "customers": "customer_id",
    "companies": "company_id",
    "statuses": "status_id",
    "priorities": "priority_id",
    "agents": "agent_id",
    "types": "type_id",
    "sources": "source_id",
}


class SearchQuery(QuerySchema):
    last_value_wins = False  # Go's url.Values.Get takes the first

    search = Text(load_default="")
    exact = Flag(load_default=False)
    inboxes = IdList()
    customers = IdList()
    companies = IdList()
    tags = IdList()
    statuses = IdList()
    priorities = IdList()
    agents = IdList()
    types = IdList()
    sources = IdList()
    excludeInboxes = IdList()
    excludeTags = IdList()
    teams = IdList()
    twCompanyIds = IdList()
    helpdocSites = IdList()
    tagRequireAll = Flag(load_default=False)
    onlyUntagged = Flag(load_default=False)
    onlyWithAttachment = Flag(load_default=False)
    unassigned = Flag(load_default=False)
    omitMerged = Flag(load_default=False)
    excludeWorkEmails = Flag(load_default=False)
    includeArchivedAgents = Flag(load_default=False)
    subjectKeywords = Repeated(Text(), load_default=())
    taskStatuses = Repeated(Text(), load_default=())
    startDate = Day(load_default=None)
    endDate = Day(load_default=None)
    lastUpdated = Day(load_default=None)
    task = OptionalInteger(load_default=None)
    ticket = OptionalInteger(load_default=None)
    project = OptionalInteger(load_default=None)
    timeRange = Text(load_default="")
    filter = Filter(load_default=None)
    page = Integer(minimum=1, load_default=1)
    pageSize = Integer(load_default=DEFAULT_PAGE_SIZE)
    orderBy = TicketQuery._declared_fields["orderBy"]
    orderMode = TicketQuery._declared_fields["orderMode"]
    includes = TicketQuery._declared_fields["includes"]
    sparse_fields = TicketQuery._declared_fields["sparse_fields"]


def _start(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def _text_test(search: str, exact: bool) -> Callable[[Ticket], bool] | None:
    """Free text over subject and preview: no column holds them (the conversation writes them
    from scenario templates filled with the ticket's own facts), so this reads built tickets,
    one by one, among those the other criteria kept: slow over a large store."""
    needle = " ".join(search.split()).casefold()
    if not needle:
        return None
    words = [needle] if exact else needle.split()

    def found(ticket: Ticket) -> bool:
        text = f"{ticket.subject}\n{ticket.preview_text}".casefold()
        return all(word in text for word in words)

    return found


def _bits(ids: frozenset[int]) -> int:
    return tag_bits(tuple(ids))


def _tag_mask(query: Mapping[str, Any]) -> Criterion | None:
    wanted: frozenset[int] = query["tags"]
    if not wanted:
        return None
    if any(not 1 <= tag <= 16 for tag in wanted):  # a tag no ticket can carry
        if query["tagRequireAll"]:
            return Mask(lambda view: np.zeros(len(view["tag_ids"]), bool))
        wanted = frozenset(tag for tag in wanted if 1 <= tag <= 16)
    bits = _bits(wanted)
    if query["tagRequireAll"]:
        return Mask(lambda view: (view["tag_ids"] & bits) == bits)
    return Mask(lambda view: (view["tag_ids"] & bits) != 0)


def criteria(query: Mapping[str, Any]) -> Sequence[Criterion]:
    """What the search's parameters select; absent, empty and zero values select everything.
    Every parameter but the free text and ``subjectKeywords`` is answered by the columns."""
    found: list[Criterion] = [
        AnyOf(attribute, query[name]) for name, attribute in RELATIONS.items() if query[name]
    ]
    tag = _tag_mask(query)
    if tag is not None:
        found.append(tag)
    excluded_inboxes: frozenset[int] = query["excludeInboxes"]
    if excluded_inboxes:
        found.append(Mask(lambda view: ~view.isin("inbox_id", excluded_inboxes)))
    excluded = _bits(frozenset(t for t in query["excludeTags"] if 1 <= t <= 16))
    if excluded:
        found.append(Mask(lambda view: (view["tag_ids"] & excluded) == 0))
    if query["onlyUntagged"]:
        found.append(AnyOf("tag_ids", (0,)))
    if query["onlyWithAttachment"]:  # no generated ticket has files
        found.append(Mask(lambda view: np.zeros(len(view["id"]), bool)))
    if query["unassigned"]:
        found.append(AnyOf("agent_id", (None,)))
    if query["startDate"] is not None:
        found.append(Range("created_at", low=_start(query["startDate"])))
    if query["endDate"] is not None:
        until = (_start(query["endDate"]) + timedelta(days=1)).timestamp()
        found.append(Mask(lambda view: view["created_at"] < until))
    if query["lastUpdated"] is not None:
        found.append(Range("updated_at", low=_start(query["lastUpdated"])))
    if query["task"]:
        found.append(AnyOf("task_ids", (query["task"],)))
    if query["ticket"]:
        found.append(AnyOf("id", (query["ticket"],)))
    if query["filter"] is not None:
        found.extend(query["filter"].criteria())
    tests: list[Callable[[Ticket], bool] | None] = [_text_test(query["search"], query["exact"])]
    keywords = [word.casefold() for word in query["subjectKeywords"] if word.strip()]
    if keywords:
        tests.append(lambda t: all(word in t.subject.casefold() for word in keywords))
    found.extend(Where(test) for test in tests if test is not None)
    return found


def page(
    matches: Sequence[Ticket], query: Mapping[str, Any], dataset: object
) -> OffsetPage[Ticket]:
    """Over 200 or under 1 is silently 50, and 50 is what the body reports."""
    size = query["pageSize"]
    if not 1 <= size <= MAX_PAGE_SIZE:
        size = DEFAULT_PAGE_SIZE
    return OffsetPage.of(matches, query["page"], size)
