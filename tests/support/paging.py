"""How a client of each vendor reads the next page: the only per-vendor knowledge a page walk
needs. Written from the vendors' documents, not from mockdesk's code, so a walk checks the
server rather than repeating it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Body = Any
Request = dict[str, Any]
# the next page: the same request with other parameters, an absolute URL to GET, or None (done)
Follow = Callable[[Body, Any], Request | str | None]


def _no_total(body: Body) -> int | None:
    return None


@dataclass(frozen=True)
class Pager:
    size_param: str  # the page-size parameter
    max_size: int  # the largest page size the vendor accepts
    items: Callable[[Body], list[dict[str, Any]]]
    follow: Follow
    total: Callable[[Body], int | None] = _no_total  # the match count a body states, if any


def _next_page(has_more: bool, request: Request) -> Request | None:
    return {**request, "page": int(request.get("page", 1)) + 1} if has_more else None


def _hostup_follow(body: Body, request: Request) -> Request | None:
    assert (body["nextCursor"] is None) == (not body["hasMore"]), body
    return {**request, "cursor": body["nextCursor"]} if body["hasMore"] else None


PAGERS: Mapping[str, Pager] = {
    "sendcloud": Pager(
        "size",
        20,
        items=lambda body: body["items"],
        follow=lambda body, request: _next_page(body["page"] < body["pages"], request),
        total=lambda body: body["total"],
    ),
    "29next": Pager(
        "limit",
        100,
        items=lambda body: body["results"],
        follow=lambda body, request: body["next"],  # DRF's absolute link, or null
    ),
    "ippanel": Pager(
        "per_page",
        1000,
        items=lambda body: body["data"],
        follow=lambda body, request: _next_page(
            body["meta"]["current_page"] < body["meta"]["last_page"], request
        ),
        total=lambda body: body["meta"]["total"],
    ),
    "hostup": Pager(
        "limit",
        100,
        items=lambda body: body["data"],
        follow=_hostup_follow,
    ),
    "teamwork": Pager(
        "pageSize",
        100,
        items=lambda body: body["tickets"],
        follow=lambda body, request: _next_page(body["pagination"]["hasMorePages"], request),
        total=lambda body: body["pagination"]["records"],
    ),
}
