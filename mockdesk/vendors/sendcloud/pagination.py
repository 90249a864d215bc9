"""Sendcloud's page envelope: fastapi-pagination's ``Page`` (``items/total/page/size/pages``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mockdesk.core.generator import Dataset
from mockdesk.core.listing import render_items
from mockdesk.core.paging.offset import OffsetPage


def paginate(matches: Sequence[Any], query: Mapping[str, Any], data: Dataset) -> dict[str, Any]:
    page = OffsetPage.of(matches, query["page"], query["size"])
    return {
        "total": page.total,
        "page": page.page,
        "pages": page.pages,
        "size": page.size,
        "items": render_items(page.items),
    }
