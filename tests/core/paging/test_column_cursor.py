"""core/paging/cursor: paging a Selection by its key columns equals paging the built tickets.

The oracle is :func:`cursor_page` with a key function over the built tickets (a bisect over a
plain list); the column pager must give the same items, the same next and previous positions
(down to the keys' types, which decide a cursor's bytes), the same origin, and the same
:class:`InvalidCursor`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockdesk.core.columns import ColumnSpec, Table
from mockdesk.core.errors import InvalidCursor
from mockdesk.core.paging.cursor import ColumnKey, CursorPage, Position, cursor_page
from mockdesk.core.store import Mask, Selection, TicketStore

COLOURS = ("red", "green", "blue")


@dataclass(frozen=True)
class Row:
    id: int
    size: int
    weight: float
    colour: str


SPEC = ColumnSpec(
    build=lambda lanes, indexes, catalog: {},
    row=lambda t: {"id": t.id, "size": t.size, "weight": t.weight, "colour": t.colour},
    order=(("id", True),),
    levels={"colour": COLOURS},
)


def make_store(
    ids: list[int],
    sizes: list[int],
    weights: list[float],
    colours: list[int],
    extras: list[Row],
    hidden: list[bool],
    built: list[int] | None = None,
) -> TicketStore[Row]:
    """Generated rows from these columns (``built`` counts the tickets made), plus ``extras``."""
    table = Table(
        SPEC,
        {
            "id": np.asarray(ids, np.int32),
            "size": np.asarray(sizes, np.int64),
            "weight": np.asarray(weights, np.float64),
            "colour": np.asarray(colours, np.uint8),
        },
    )

    def make(index: int, values: Mapping[str, Any]) -> Row:
        if built is not None:
            built.append(index)
        return Row(values["id"], values["size"], values["weight"], values["colour"])

    return TicketStore.columnar(table, make, extras, np.asarray(hidden, bool) if ids else None)


def key_function(
    store: TicketStore[Row], columns: tuple[tuple[str, bool], ...], scalar: bool
) -> Callable[[Row], Any]:
    """The same key over a built ticket: the stored values (a colour's code), negated where
    descending."""

    def value(row: Row, name: str) -> int | float:
        found = getattr(row, name)
        return store.columns.levels("colour").index(found) if name == "colour" else found

    def key(row: Row) -> Any:
        found = [(-1 if down else 1) * value(row, name) for name, down in columns]
        return found[0] if scalar else found

    return key


def same(got: CursorPage[Row], want: CursorPage[Row]) -> None:
    assert [t.id for t in got.items] == [t.id for t in want.items]
    # repr: the keys' types too (1 and 1.0, 0.0 and -0.0 are different cursors)
    assert repr(got.next) == repr(want.next)
    assert repr(got.previous) == repr(want.previous)
    assert repr(got.origin) == repr(want.origin)


NUMBERS = st.one_of(
    st.integers(-60, 60),
    st.floats(-60, 60, allow_nan=False),
    st.sampled_from([math.inf, -math.inf, 0.0, -0.0, 2**40, -(2**70)]),
)


@st.composite
def worlds(draw: st.DrawFn) -> tuple[TicketStore[Row], Selection[Row], ColumnKey[Row]]:
    count = draw(st.integers(0, 50))
    ids = draw(st.lists(st.integers(-(2**31) + 1, 2**31 - 1), min_size=count, max_size=count,
                        unique=True))  # fmt: skip
    sizes = draw(st.lists(st.integers(-3, 3), min_size=count, max_size=count))
    weights = draw(st.lists(st.sampled_from([-1.5, -0.0, 0.0, 0.25, 7.0, 1e300]),
                            min_size=count, max_size=count))  # fmt: skip
    colours = draw(st.lists(st.integers(0, len(COLOURS) - 1), min_size=count, max_size=count))
    hidden = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    extra_ids = draw(st.lists(st.integers(-(2**40), 2**40), max_size=4, unique=True))
    extra_ids = [i for i in extra_ids if i not in ids]
    extras = [
        Row(i, draw(st.integers(-3, 3)), draw(st.floats(-2, 2)), draw(st.sampled_from(
            [*COLOURS, "violet"])))
        for i in extra_ids
    ]  # fmt: skip
    store = make_store(ids, sizes, weights, colours, extras, hidden)
    keep = np.asarray(draw(st.lists(st.booleans(), min_size=count + len(extras),
                                    max_size=count + len(extras))), bool)  # fmt: skip
    others = draw(st.lists(st.sampled_from(["size", "weight", "colour"]), unique=True, max_size=3))
    columns = (*((name, draw(st.booleans())) for name in others), ("id", draw(st.booleans())))
    scalar = len(columns) == 1 and draw(st.booleans())
    selection = store.select([Mask(lambda view: keep)]).sorted_by(columns)
    key = ColumnKey(columns, scalar=scalar, ticket_key=key_function(store, columns, scalar))
    return store, selection, key


@st.composite
def positions(draw: st.DrawFn, keys: list[Any], key: ColumnKey[Row]) -> Position | None:
    """None, a row's own key, a row's key nudged, or any key of the right shape."""
    reverse = draw(st.booleans())
    choice = draw(st.sampled_from(["none", "row", "nudged", "any"] if keys else ["none", "any"]))
    if choice == "none":
        return None
    if choice in ("row", "nudged"):
        found = draw(st.sampled_from(keys))
        if choice == "nudged":
            nudge = draw(st.sampled_from([-1, 1, 0.5, -0.5]))
            found = found + nudge if key.scalar else [*found[:-1], found[-1] + nudge]
        return Position(found, reverse)
    if key.scalar:
        return Position(draw(NUMBERS), reverse)
    return Position(draw(st.lists(NUMBERS, min_size=len(key.columns),
                                  max_size=len(key.columns))), reverse)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(world=worlds(), limit=st.integers(1, 12), data=st.data())
def test_the_column_pager_equals_cursor_page_over_built_tickets(
    world: tuple[TicketStore[Row], Selection[Row], ColumnKey[Row]], limit: int, data: st.DataObject
) -> None:
    _, selection, key = world
    assert key.ticket_key is not None
    built = list(selection)
    keys = [key.ticket_key(t) for t in built]
    assert all(a < b for a, b in itertools.pairwise(keys))  # ascending, ties by id
    for _ in range(4):
        position = data.draw(positions(keys, key))
        same(cursor_page(selection, key, position, limit),
             cursor_page(built, key.ticket_key, position, limit))  # fmt: skip
        # a plain sequence goes through ticket_key: the same page again
        same(cursor_page(built, key, position, limit),
             cursor_page(built, key.ticket_key, position, limit))  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(world=worlds(), limit=st.integers(1, 7))
def test_a_cursor_walk_forward_and_back_reads_every_ticket_once(
    world: tuple[TicketStore[Row], Selection[Row], ColumnKey[Row]], limit: int
) -> None:
    _, selection, key = world
    seen, position = [], None
    while True:
        page = cursor_page(selection, key, position, limit)
        seen += [t.id for t in page.items]
        if page.next is None:
            break
        position = page.next
    assert seen == [t.id for t in selection]
    back: list[int] = []
    while page.previous is not None:
        page = cursor_page(selection, key, page.previous, limit)
        back = [t.id for t in page.items] + back
    assert back == seen[: len(back)] and (not back or back[0] == seen[0])


WRONG_SHAPES: list[Any] = [
    None, "x", True, math.nan, [], [1], [1, 2, 3], [True, 1], [1, math.nan], [1, "x"],
    [[1], 2], {"a": 1}, [None, 1],
]  # fmt: skip


@pytest.mark.parametrize("shape", WRONG_SHAPES, ids=repr)
@pytest.mark.parametrize("reverse", [False, True])
def test_a_key_of_the_wrong_shape_is_an_invalid_cursor(shape: Any, reverse: bool) -> None:
    store = make_store([3, 2, 1], [0, 0, 0], [1.0, 2.0, 3.0], [0, 1, 2], [], [False] * 3)
    pair = ColumnKey((("weight", True), ("id", True)), ticket_key=lambda t: [-t.weight, -t.id])
    single = ColumnKey((("id", True),), scalar=True, ticket_key=lambda t: -t.id)
    for key in (pair, single):
        if key.fits(shape):
            continue
        for matches in (store.all(), list(store.all())):
            with pytest.raises(InvalidCursor):
                cursor_page(matches, key, Position(shape, reverse), 2)
    assert not single.fits([1]) and not pair.fits(1) and single.fits(math.inf)
    assert pair.fits((1.5, -(2**70)))


def test_only_the_pages_tickets_are_built() -> None:
    count = 200_000
    built: list[int] = []
    ids = list(range(count, 0, -1))
    store = make_store(ids, [i % 3 for i in ids], [i / 7 for i in ids], [i % 3 for i in ids], [],
                       [False] * count, built)  # fmt: skip
    columns = (("size", False), ("weight", True), ("id", True))
    selection = store.all().sorted_by(columns)
    key: ColumnKey[Row] = ColumnKey(columns)
    deep = cursor_page(selection, key, None, 20)
    assert len(built) == 20 and deep.next is not None
    built.clear()
    position = Position([1, -100_000 / 7, -100_000])  # size 1, weight and id of ticket 100000
    page = cursor_page(selection, key, position, 20)
    assert len(built) == 20
    assert [t.size for t in page.items] == [1] * 20
    assert page.items[0].id < 100_000 and page.previous == Position(
        [1, -page.items[0].weight, -page.items[0].id], reverse=True
    )


def test_column_keys_are_checked_when_made_and_need_ticket_key_for_plain_lists() -> None:
    with pytest.raises(ValueError):
        ColumnKey(())
    with pytest.raises(ValueError):
        ColumnKey((("a", False), ("id", True)), scalar=True)
    with pytest.raises(TypeError):
        cursor_page([Row(1, 0, 0.0, "red")], ColumnKey((("id", True),)), None, 1)


def test_a_categorical_key_is_its_level_code() -> None:
    store = make_store([5, 4], [0, 0], [0.0, 0.0], [2, 0], [Row(9, 0, 0.0, "violet")], [False] * 2)
    selection = store.all().sorted_by((("colour", False), ("id", False)))
    page = cursor_page(selection, ColumnKey((("colour", False), ("id", False))), None, 1)
    assert [t.colour for t in selection] == ["red", "blue", "violet"]
    assert page.next == Position([0, 4])
    after = cursor_page(selection, ColumnKey((("colour", False), ("id", False))), page.next, 5)
    assert [t.id for t in after.items] == [5, 9] and after.previous == Position([2, 5], True)
