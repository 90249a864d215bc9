"""Properties every vendor must keep, parametrised over the registry: no input gives a 5xx (and
every answer is one the vendor documents, in the vendor's error shape), bad input never
corrupts state, rate-limit headers stay on refused requests, and the same seed gives the same
pages in another app (in server mode: another process, with its own hash seed).

Each vendor's allowed statuses and error shape come from :mod:`tests.properties.contracts`.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
import requests
from hypothesis import event, given
from hypothesis import strategies as st

from mockdesk import create_app
from mockdesk.core.vendor import VendorSpec
from mockdesk.settings import Settings
from mockdesk.vendors.registry import VENDORS
from tests.properties.contracts import CONTRACTS, ListContract
from tests.support.paging import PAGERS
from tests.support.server import ServerUnderTest, property_settings
from tests.support.vendor_client import VendorClient

by_slug = pytest.mark.parametrize("spec", VENDORS, ids=lambda spec: spec.slug)
UNLIMITED = pytest.mark.mockdesk(rate_limits={spec.slug: "off" for spec in VENDORS})

NASTY = st.sampled_from(
    ["", " ", "0", "-1", "1e3", "1.5", "NaN", "null", "[]", "{}", '{"$or":[]}', "true", "\x00",
     "%", "%ZZ", "😀", "تیکت", "9" * 40, "9" * 5000, "٢", "2026-02-30", "2026-01-01T25:00:00Z",
     "a,b", "all"]
)  # fmt: skip


def present_pairs(client: VendorClient, contract: ListContract) -> list[tuple[str, str]]:
    """Filter parameters valued from the served tickets: inputs that reach the selecting and
    paging code rather than stopping at validation."""
    return sorted(
        {
            pair
            for ticket in client.everything()
            for name, filter_ in contract.filters.items()
            for value in filter_.values(ticket)
            for pair in contract.encode({name: value}).items()
        }
    )


@pytest.fixture
def client(server: ServerUnderTest, spec: VendorSpec) -> VendorClient:
    """The vendor's client, for the whole test (all its examples)."""
    return VendorClient(spec, server.url)


def raw_query(pairs: list[tuple[str, str]]) -> str:
    return "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs)


# gunicorn refuses request lines over 4094 bytes with its own 414 before mockdesk sees them
GUNICORN_REQUEST_LINE = 4094


def check_answer(response: requests.Response, spec: VendorSpec, contract: ListContract) -> None:
    """A status the vendor documents for its list, in the vendor's shape (or the HTTP server's
    414 for a request line longer than gunicorn takes)."""
    if response.status_code == 414:
        assert len(response.request.path_url or "") > GUNICORN_REQUEST_LINE - 20
        return
    assert response.status_code in contract.statuses, (response.url[:300], response.text[:300])
    if response.status_code == 200:
        assert isinstance(PAGERS[spec.slug].items(response.json()), list)
    else:
        contract.check_error(response, contract.params)


@UNLIMITED
@by_slug
@property_settings(max_examples=60)
@given(data=st.data())
def test_no_query_string_gives_a_5xx_or_an_undocumented_answer(
    client: VendorClient, spec: VendorSpec, data: st.DataObject
) -> None:
    contract = CONTRACTS[spec.slug]
    names = st.sampled_from([*contract.params, "unknown", ""])
    values = st.one_of(NASTY, st.text(max_size=30), st.integers(-5, 2000).map(str), contract.values)
    pair = st.one_of(st.tuples(names, values), st.sampled_from(present_pairs(client, contract)))
    pairs = data.draw(st.lists(pair, max_size=6), "query")
    response = client.get(f"{spec.list_path}?{raw_query(pairs)}")
    event(f"status {response.status_code}")
    check_answer(response, spec, contract)


@UNLIMITED
@by_slug
@property_settings(max_examples=60)
@given(
    suffix=st.text(alphabet=st.characters(codec="utf-8", exclude_characters="?#"), max_size=20),
    method=st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]),
    authorization=st.sampled_from(["", "Bearer", "Basic", "Bearer x", "Basic Og==", "\u00e9"]),
)
def test_no_path_method_or_credential_gives_a_5xx(
    server: ServerUnderTest, spec: VendorSpec, suffix: str, method: str, authorization: str
) -> None:
    path = spec.list_path.rstrip("/") + "/" + quote(suffix)
    headers = {"Authorization": authorization.encode().decode("latin-1")} if authorization else {}
    response = VendorClient(spec, server.url).request(method, path, headers=headers)
    assert response.status_code < 500, (method, path, response.text[:300])


@UNLIMITED
@by_slug
def test_bad_input_does_not_change_what_good_input_sees(
    server: ServerUnderTest, spec: VendorSpec
) -> None:
    client = VendorClient(spec, server.url)
    before = client.list().content
    for name in CONTRACTS[spec.slug].params:
        for value in ["-1", "x", "", "9" * 30]:
            client.list({name: value})
    assert client.list().content == before


@by_slug
def test_a_known_keys_refused_requests_show_the_same_rate_limit_headers(
    server: ServerUnderTest, spec: VendorSpec
) -> None:
    """Headers a vendor sends "on every response" are on its 404s and 429s too, not only 200s."""
    client = VendorClient(spec, server.url)
    ok = client.list()
    limit_headers = {h for h in ok.headers if "rate" in h.lower() and "limit" in h.lower()}
    missing = client.get(f"{spec.base_paths[0]}/no-such-path")
    assert missing.status_code == 404
    assert limit_headers <= set(missing.headers)
    server.add_fault("rate_limited", vendor=spec.slug)
    refused = client.list()
    assert refused.status_code == 429
    assert limit_headers <= set(refused.headers)


@UNLIMITED
@by_slug
def test_every_parameter_survives_huge_and_non_ascii_numbers(
    server: ServerUnderTest, spec: VendorSpec
) -> None:
    """Deterministic companion of the hypothesis test: values that once crashed int()."""
    contract, client = CONTRACTS[spec.slug], VendorClient(spec, server.url)
    for name in contract.params:
        for value in ["9" * 5000, "-" + "9" * 30, "٢", "1" * 19]:
            check_answer(client.list({name: value}), spec, contract)
    detail = f"{spec.list_path.rstrip('/').removesuffix('.json')}/{'9' * 5000}"
    assert client.get(detail).status_code < 500


@pytest.mark.mockdesk(seed=5)
def test_same_seed_same_pages_in_another_app(server: ServerUnderTest) -> None:
    """Data is a pure function of the seed: an app built here serves the server's pages byte
    for byte (absolute links aside), and another seed serves other pages."""
    here = create_app(Settings(seed=5)).test_client()
    for seed, same in ((5, True), (6, False)):
        server.reset(seed)
        for spec in VENDORS:
            served = VendorClient(spec, server.url).list()
            built = here.get(spec.list_path, headers=dict(spec.demo_headers))
            assert served.status_code == built.status_code == 200, spec.slug
            theirs = served.content.replace(server.url.encode(), b"http://base")
            ours = built.data.replace(b"http://localhost", b"http://base")
            assert (theirs == ours) is same, (spec.slug, seed)
