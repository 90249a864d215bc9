"""Laravel's ``LengthAwarePaginator``, flattened into IPPanel's ``meta`` next to the status fields.

Key order as the seed shows it. ``from``/``to`` are null on an empty page (a page past the last,
or no matches) and ``last_page`` is at least 1, as Laravel computes them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mockdesk.core.generator import Dataset
from mockdesk.core.listing import render_items
from mockdesk.core.paging.offset import OffsetPage


def paginate(matches: Sequence[Any], query: Mapping[str, Any], data: Dataset) -> dict[str, Any]:
    page = OffsetPage.of(matches, query["page"], query["per_page"])
    return {
        "data": render_items(page.items),
        "meta": {
            "current_page": page.page,
            "from": page.first_position,
            "last_page": max(1, page.pages),
            "per_page": page.size,
            "to": page.last_position,
            "total": page.total,
            "status": True,
            "message": "Success",
            "message_code": "200-1",
        },
    }
