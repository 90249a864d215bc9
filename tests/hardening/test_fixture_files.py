"""Fixture files: anything a user can write either loads into tickets every vendor can render,
or is refused with one :class:`FixtureError` line; never another exception."""

from __future__ import annotations

import json
import math
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockdesk.core.encoding import encode_value
from mockdesk.core.fixtures import (
    EARLIEST,
    LATEST,
    FixtureError,
    PinnedTicket,
    load_all,
    load_pinned,
    read_fixture_files,
)
from mockdesk.core.vendor import VendorSpec
from mockdesk.settings import Settings
from mockdesk.testing.live import LiveServer
from mockdesk.vendors.registry import VENDORS
from tests.conftest import start_server

SLUGS = [spec.slug for spec in VENDORS]


@pytest.fixture(scope="module")
def samples() -> Iterator[dict[str, tuple[VendorSpec, Any, dict[str, Any]]]]:
    """Per vendor: its spec, catalog, and one ticket in the shape its fixtures take (a list
    item, or the detail body where the list item is not enough), from a live server."""
    found: dict[str, tuple[VendorSpec, Any, dict[str, Any]]] = {}
    with LiveServer(Settings(tickets=3)) as server:
        for spec in VENDORS:
            catalog = server.state.datasets[spec.slug].catalog
            body = requests.get(
                server.url + spec.list_path, headers=dict(spec.demo_headers), timeout=10
            ).json()
            item = next(v for v in body.values() if isinstance(v, list) and v)[0]
            try:
                load_pinned(PinnedTicket("sample", item), spec.data.load_fixture, catalog)
            except FixtureError:
                detail = requests.get(
                    f"{server.url}{spec.list_path}/{item['id']}",
                    headers=dict(spec.demo_headers),
                    timeout=10,
                ).json()
                item = detail.get("data", detail)
                load_pinned(PinnedTicket("sample", item), spec.data.load_fixture, catalog)
            found[spec.slug] = (spec, catalog, item)
    yield found


NASTY_TEXT = st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1)
DATES = st.datetimes(
    min_value=datetime(1, 1, 2),
    max_value=datetime(9999, 12, 30),
    timezones=st.sampled_from([UTC]) | st.timezones(),
).map(lambda d: d.isoformat())
EDGES = st.sampled_from(
    [
        "9999-12-31T23:59:59-05:00",
        "9999-12-31T23:59:59+00:00",
        "0001-01-01T00:00:00+00:00",
        "0001-01-01T00:00:00+14:00",
        "8999-12-31T23:59:59+00:00",
        "1970-01-01T00:00:00Z",
        "10000-01-01T00:00:00Z",
        2**63,
        -(2**63) - 1,
        10**400,
        1e308,
        math.inf,
        math.nan,
        "",
        "\x00",
        "<script>&",
    ]
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | NASTY_TEXT
    | DATES
    | EDGES
)
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from paths(inner, (*prefix, i))


def replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = replaced(value[path[0]], path[1:], new)
    return copy


@st.composite
def documents(draw: st.DrawFn, samples: dict[str, Any]) -> tuple[str, Any]:
    """A fixture document: a vendor's real ticket with a few parts replaced by arbitrary JSON,
    sometimes with odd ``vendor``/``tickets`` values, sometimes any JSON at all."""
    slug = draw(st.sampled_from(SLUGS))
    ticket = samples[slug][2]
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(list(paths(ticket))))
        ticket = replaced(ticket, path, draw(JSON))
    tickets = [ticket] * draw(st.integers(1, 2))  # two copies: a duplicate id
    document: Any = {"vendor": slug, "tickets": tickets}
    shape = draw(st.integers(0, 9))
    if shape == 0:
        document["vendor"] = draw(JSON)
    elif shape == 1:
        document["tickets"] = draw(JSON)
    elif shape == 2:
        document = draw(JSON)
    return slug, document


def load_everything(path: Path, samples: dict[str, Any]) -> list[Any]:
    """What the server does at start: read the files, load each vendor's tickets."""
    loaded = []
    for slug, pinned in read_fixture_files([path], SLUGS).items():
        spec, catalog, _ = samples[slug]
        tickets = load_all(pinned, spec.data.load_fixture, catalog)
        loaded += [(spec, ticket) for ticket in tickets]
    return loaded


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_fixture_file_loads_and_renders_or_is_one_fixture_error(
    samples: dict[str, Any], data: st.DataObject
) -> None:
    _, document = data.draw(documents(samples))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fixture.json"
        text = json.dumps(document, allow_nan=True, ensure_ascii=data.draw(st.booleans()))
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            loaded = load_everything(path, samples)
        except FixtureError as error:
            message = str(error)
            assert "\n" not in message and message.startswith(str(path))
            return
    for spec, ticket in loaded:  # what was accepted renders, bytes and all
        encode_value(spec.serialize(ticket), spec.json_style).encode("utf-8")


def test_dates_at_the_bounds_load_and_past_them_are_refused(
    samples: dict[str, Any], tmp_path: Path
) -> None:
    ticket = samples["sendcloud"][2]
    ok = {**ticket, "created_at": LATEST.isoformat(), "updated_at": EARLIEST.isoformat()}
    path = tmp_path / "ok.json"
    path.write_text(json.dumps({"vendor": "sendcloud", "tickets": [ok]}))
    assert len(load_everything(path, samples)) == 1
    for late in ["9000-01-01T00:00:01+00:00", "8999-12-31T23:00:00-05:00"]:
        path.write_text(
            json.dumps({"vendor": "sendcloud", "tickets": [{**ok, "created_at": late}]})
        )
        with pytest.raises(FixtureError, match=r"tickets\[0\]\.created_at: must be between"):
            load_everything(path, samples)


def test_the_same_id_spelled_twice_is_refused_after_loading(samples: dict[str, Any]) -> None:
    spec, catalog, ticket = samples["sendcloud"]
    entries = [
        PinnedTicket("a.json: tickets[0]", ticket),
        PinnedTicket("b.json: tickets[3]", ticket),
    ]
    with pytest.raises(
        FixtureError, match=r"^b\.json: tickets\[3\]: id .* already pinned by a\.json"
    ):
        load_all(entries, spec.data.load_fixture, catalog)


def test_a_loader_that_trips_is_still_one_fixture_error() -> None:
    def loader(raw: Any, catalog: Any) -> Any:
        return {"ok": 1}[raw["missing"]]

    with pytest.raises(FixtureError, match=r"^f\.json: tickets\[0\]: cannot be loaded: 'missing'"):
        load_pinned(PinnedTicket("f.json: tickets[0]", {"x": 1}), loader, None)


def test_a_served_fixture_at_the_edge_of_the_range_renders(tmp_path: Path) -> None:
    ticket = {
        "id": 7,
        "status": "pending",
        "stage": "in_progress",
        "type": "damaged",
        "parcel_id": 2**63 - 1,
        "carrier": "postnl 📦 <b>&",
        "order_number": "سفارش-۱",
        "brand_id": 3,
        "created_at": "8999-12-31T18:59:59-05:00",  # the last second allowed
        "updated_at": None,
        "requested_actions": [],
        "resolution": None,
    }
    path = tmp_path / "edge.json"
    path.write_text(json.dumps({"vendor": "sendcloud", "tickets": [ticket]}))
    server = start_server("--vendor", "sendcloud", "--tickets", "3", "--fixtures", str(path))
    auth = ("mockdesk-key", "mockdesk-secret")
    try:
        listing = requests.get(f"{server.url}/api/v3/dsf/tickets", auth=auth, timeout=10)
        detail = requests.get(f"{server.url}/api/v3/dsf/tickets/7", auth=auth, timeout=10)
    finally:
        server.stop()
    assert listing.status_code == 200 and detail.status_code == 200
    assert detail.json()["carrier"] == "postnl 📦 <b>&"
