"""Teamwork Desk's bodies: ``tickets`` (or a lookup's key), ``included`` and both paging blocks
the SDK reads; one ticket as ``{"ticket", "included"}``.

``meta.page`` is ``{count, pageSize, pageOffset, pages, hasMore}`` with ``pageOffset`` in page
units (page 3 is offset 2, as Teamwork's paging guide shows); ``pagination`` repeats it as
``{records, pageSize, pages, page, hasMorePages}``. ``pageSize`` above 100 is clamped, and the
clamped value is what both blocks report. The search and every lookup list use the same blocks
(desksdkgo's ``*sResponse`` types all embed ``Meta`` and ``Pagination``).
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mockdesk.core.dataset import Dataset
from mockdesk.core.paging.offset import OffsetPage
from mockdesk.core.vendor import DetailContext, ListContext
from mockdesk.vendors.teamwork.data import Ticket
from mockdesk.vendors.teamwork.ordering import order
from mockdesk.vendors.teamwork.serializer import Related, included, serialize, sparse

_RELATED: weakref.WeakKeyDictionary[Any, Related] = weakref.WeakKeyDictionary()


def related_for(dataset: Dataset) -> Related:
    """The dataset's catalog with what only its tickets know, worked out once per dataset (a
    race only computes it twice)."""
    found = _RELATED.get(dataset.store)
    if found is None:
        customers = dataset.store.all().column("customer_id").astype(np.int64)
        ids, counts = np.unique(customers, return_counts=True)
        per_customer = {int(c): int(n) for c, n in zip(ids, counts, strict=True)}
        found = _RELATED[dataset.store] = Related(dataset.catalog, per_customer)
    return found


def ordered(matches: Sequence[Ticket], query: Mapping[str, Any]) -> Sequence[Ticket]:
    """The list's ``order`` step: ``orderBy`` and ``orderMode``."""
    return order(matches, query["orderBy"], query["orderMode"])


def paging(page: OffsetPage[Any]) -> dict[str, Any]:
    """The two paging blocks every Teamwork list body carries."""
    return {
        "meta": {
            "page": {
                "count": page.total,
                "pageSize": page.size,
                "pageOffset": page.page - 1,
                "pages": page.pages,
                "hasMore": page.has_more,
            }
        },
        "pagination": {
            "records": page.total,
            "pageSize": page.size,
            "pages": page.pages,
            "page": page.page,
            "hasMorePages": page.has_more,
        },
    }


def tickets_page(context: ListContext[OffsetPage[Ticket]]) -> dict[str, Any]:
    page, query = context.page, context.query
    wanted = frozenset(query["sparse_fields"])
    return {
        "tickets": (
            [sparse(serialize(ticket), wanted) for ticket in page.items]
            if wanted
            else context.render(page.items)
        ),
        "included": included(page.items, query["includes"], related_for(context.dataset)),
        **paging(page),
    }


def ticket(context: DetailContext) -> dict[str, Any]:
    """One ticket with its side-loads; ``includes`` and ``fields`` work as on the list."""
    query = context.query
    return {
        "ticket": sparse(serialize(context.ticket), frozenset(query["sparse_fields"])),
        "included": included([context.ticket], query["includes"], related_for(context.dataset)),
    }
