"""Page-number pagination: which slice a (page, size) asks for, and the totals around it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class OffsetPage(Generic[T]):
    """One page of ``matches``. A page past the last is empty, never an error."""

    items: Sequence[T]
    total: int
    page: int
    size: int

    @classmethod
    def of(cls, matches: Sequence[T], page: int, size: int) -> OffsetPage[T]:
        start = (page - 1) * size
        return cls(matches[start : start + size], len(matches), page, size)

    @property
    def pages(self) -> int:
        """Number of pages, 0 when nothing matches (callers that want a floor of 1 say so)."""
        return -(-self.total // self.size)

    @property
    def first_position(self) -> int | None:
        """1-based position of the first item on this page, None when the page is empty."""
        return (self.page - 1) * self.size + 1 if self.items else None

    @property
    def last_position(self) -> int | None:
        first = self.first_position
        return None if first is None else first + len(self.items) - 1

    @property
    def has_more(self) -> bool:
        return self.page * self.size < self.total


@dataclass(frozen=True)
class OffsetPager:
    """A list endpoint's ``page`` step for page-number paging: which parameters hold the page
    and its size, and the largest size the vendor serves (bigger ones are clamped, and the
    clamped size is what the envelope reports)."""

    page_param: str = "page"
    size_param: str = "size"
    max_size: int | None = None

    def __call__(
        self, matches: Sequence[T], query: Mapping[str, Any], dataset: object
    ) -> OffsetPage[T]:
        size = query[self.size_param]
        if self.max_size is not None:
            size = min(size, self.max_size)
        return OffsetPage.of(matches, query[self.page_param], size)
