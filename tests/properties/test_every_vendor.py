"""Properties every vendor must keep, parametrised over the registry: no input gives a 5xx,
bad input never corrupts state, and the same seed gives the same pages in separate processes."""

from __future__ import annotations

from urllib.parse import quote

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockdesk.core.vendor import VendorSpec
from mockdesk.testing.live import LiveServer
from mockdesk.vendors.registry import VENDORS
from tests.conftest import start_server

by_slug = pytest.mark.parametrize("spec", VENDORS, ids=lambda spec: spec.slug)

NASTY = st.sampled_from(
    ["", " ", "0", "-1", "1e3", "1.5", "NaN", "null", "[]", "{}", '{"$or":[]}', "true", "\x00",
     "%", "%ZZ", "😀", "تیکت", "9" * 40, "9" * 5000, "٢", "2026-02-30", "2026-01-01T25:00:00Z",
     "a,b", "all"]
)  # fmt: skip
PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def query_names(spec: VendorSpec) -> list[str]:
    return [field.data_key or name for name, field in spec.listing.query().fields.items()]


def raw_query(pairs: list[tuple[str, str]]) -> str:
    return "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs)


def everything_off(server: LiveServer) -> None:
    for slug in server.state.vendors:
        server.state.set_limit(slug, "off")


@by_slug
@PROPERTY
@given(data=st.data())
def test_no_query_string_gives_a_5xx(mockdesk: LiveServer, spec: VendorSpec, data) -> None:
    everything_off(mockdesk)
    names = st.sampled_from([*query_names(spec), "unknown", ""])
    values = st.one_of(NASTY, st.text(max_size=30), st.integers(-5, 2000).map(str))
    pairs = data.draw(st.lists(st.tuples(names, values), max_size=6))
    url = f"{mockdesk.url}{spec.list_path}?{raw_query(pairs)}"
    response = requests.get(url, headers=dict(spec.demo_headers), timeout=10)
    assert response.status_code < 500, (url, response.text[:300])


@by_slug
@PROPERTY
@given(
    suffix=st.text(alphabet=st.characters(codec="utf-8", exclude_characters="?#"), max_size=20),
    method=st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]),
    authorization=st.sampled_from(["", "Bearer", "Basic", "Bearer x", "Basic Og==", "\u00e9"]),
)
def test_no_path_method_or_credential_gives_a_5xx(
    mockdesk: LiveServer, spec: VendorSpec, suffix: str, method: str, authorization: str
) -> None:
    everything_off(mockdesk)
    path = spec.list_path.rstrip("/") + "/" + quote(suffix)
    headers = {"Authorization": authorization.encode().decode("latin-1")} if authorization else {}
    response = requests.request(method, f"{mockdesk.url}{path}", headers=headers, timeout=10)
    assert response.status_code < 500, (method, path, response.text[:300])


@by_slug
def test_bad_input_does_not_change_what_good_input_sees(
    mockdesk: LiveServer, spec: VendorSpec
) -> None:
    everything_off(mockdesk)
    url, headers = f"{mockdesk.url}{spec.list_path}", dict(spec.demo_headers)
    before = requests.get(url, headers=headers, timeout=10).content
    for name in query_names(spec):
        for value in ["-1", "x", "", "9" * 30]:
            requests.get(url, params={name: value}, headers=headers, timeout=10)
    assert requests.get(url, headers=headers, timeout=10).content == before


@pytest.mark.slow
def test_same_seed_same_pages_in_two_processes() -> None:
    first, second, other = (start_server("--seed", seed) for seed in ("5", "5", "6"))
    try:
        for spec in VENDORS:
            pages = []
            for server in (first, second, other):
                url = f"{server.url}{spec.list_path}"
                page = requests.get(url, headers=dict(spec.demo_headers), timeout=10)
                assert page.status_code == 200, spec.slug
                # absolute links (29next's next/previous) name each server's own port
                pages.append(page.content.replace(server.url.encode(), b"http://base"))
            assert pages[0] == pages[1], spec.slug
            assert pages[0] != pages[2], spec.slug
    finally:
        for server in (first, second, other):
            server.stop()


@by_slug
def test_a_known_keys_refused_requests_show_the_same_rate_limit_headers(
    mockdesk: LiveServer, spec: VendorSpec
) -> None:
    """Headers a vendor sends "on every response" are on its 404s and 429s too, not only 200s."""
    headers = dict(spec.demo_headers)
    ok = requests.get(f"{mockdesk.url}{spec.list_path}", headers=headers, timeout=5)
    limit_headers = {h for h in ok.headers if "rate" in h.lower() and "limit" in h.lower()}
    missing = requests.get(
        f"{mockdesk.url}{spec.base_paths[0]}/no-such-path", headers=headers, timeout=5
    )
    assert missing.status_code == 404
    assert limit_headers <= set(missing.headers)
    rule = {"error": "rate_limited", "vendor": spec.slug}
    requests.post(f"{mockdesk.url}/__mockdesk/faults", json=rule, timeout=5).raise_for_status()
    refused = requests.get(f"{mockdesk.url}{spec.list_path}", headers=headers, timeout=5)
    assert refused.status_code == 429
    assert limit_headers <= set(refused.headers)


@by_slug
def test_every_parameter_survives_huge_and_non_ascii_numbers(
    mockdesk: LiveServer, spec: VendorSpec
) -> None:
    """Deterministic companion of the hypothesis test: values that once crashed int()."""
    everything_off(mockdesk)
    for name in query_names(spec):
        for value in ["9" * 5000, "-" + "9" * 30, "٢", "1" * 19]:
            url = f"{mockdesk.url}{spec.list_path}"
            response = requests.get(
                url, params={name: value}, headers=dict(spec.demo_headers), timeout=10
            )
            assert response.status_code < 500, (name, value[:20], response.text[:200])
    detail = f"{mockdesk.url}{spec.list_path.rstrip('/').removesuffix('.json')}/{'9' * 5000}"
    assert requests.get(detail, headers=dict(spec.demo_headers), timeout=10).status_code < 500
