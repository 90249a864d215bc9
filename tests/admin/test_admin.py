"""The admin API under /__mockdesk/: health, reset, faults, rate limits, tokens, request log."""

from __future__ import annotations

import pytest
import requests

from mockdesk.testing.live import LiveServer
from mockdesk.vendors.registry import VENDORS

by_slug = pytest.mark.parametrize("spec", VENDORS, ids=lambda spec: spec.slug)


def admin(server: LiveServer, method: str, path: str, **kw) -> requests.Response:
    return requests.request(method, f"{server.url}/__mockdesk{path}", timeout=5, **kw)


def listing(server: LiveServer, spec, headers=None, **params) -> requests.Response:
    headers = dict(spec.demo_headers) if headers is None else headers
    return requests.get(f"{server.url}{spec.list_path}", params=params, headers=headers, timeout=5)


def test_health_reports_vendors_and_seed(mockdesk: LiveServer) -> None:
    body = admin(mockdesk, "GET", "/health").json()
    assert body["status"] == "ok" and body["seed"] == 0
    assert set(body["vendors"]) == {spec.slug for spec in VENDORS}


@by_slug
def test_reset_clears_rate_limit_counters(mockdesk: LiveServer, spec) -> None:
    admin(
        mockdesk, "PUT", f"/rate-limits/{spec.slug}", json={"limit": "1/minute"}
    ).raise_for_status()
    assert listing(mockdesk, spec).status_code == 200
    assert listing(mockdesk, spec).status_code == 429
    admin(mockdesk, "POST", "/reset").raise_for_status()
    assert listing(mockdesk, spec).status_code == 200


def test_reset_to_another_seed_changes_the_data(mockdesk: LiveServer) -> None:
    spec = VENDORS[0]
    before = listing(mockdesk, spec).content
    assert admin(mockdesk, "POST", "/reset", json={"seed": 9}).json()["seed"] == 9
    assert listing(mockdesk, spec).content != before
    admin(mockdesk, "POST", "/reset", json={"seed": 0})
    assert listing(mockdesk, spec).content == before


@by_slug
@pytest.mark.parametrize(
    ("error", "status"),
    [
        ("unauthenticated", 401),
        ("forbidden", 403),
        ("not_found", 404),
        ("rate_limited", 429),
        ("internal", 500),
        ("unavailable", 503),
    ],
)
def test_faults_fire_in_the_vendor_format_then_stop(
    mockdesk: LiveServer, spec, error: str, status: int
) -> None:
    rule = {"error": error, "vendor": spec.slug, "times": 2}
    assert admin(mockdesk, "POST", "/faults", json=rule).status_code == 201
    first, second, third = (listing(mockdesk, spec) for _ in range(3))
    assert (first.status_code, second.status_code, third.status_code) == (status, status, 200)
    assert admin(mockdesk, "GET", "/faults").json() == {"faults": []}
    assert first.headers.get("Content-Type") == second.headers.get("Content-Type")
    if error == "unauthenticated":  # the injected 401 is the vendor's own 401, in its format
        real = listing(mockdesk, spec, headers={"Authorization": "Bearer wrong"})
        assert real.status_code == 401
        assert first.headers.get("Content-Type") == real.headers.get("Content-Type")
        assert _shape(first) == _shape(real)


def _shape(response: requests.Response) -> object:
    """The structure of a body (keys, nesting) without its values; raw text for non-JSON."""
    try:
        body = response.json()
    except ValueError:
        return response.text

    def keys(value: object) -> object:
        if isinstance(value, dict):
            return {k: keys(v) for k, v in value.items()}
        return [keys(v) for v in value][:1] if isinstance(value, list) else type(value).__name__

    return keys(body)


def test_fault_for_one_vendor_leaves_the_others_alone(mockdesk: LiveServer) -> None:
    admin(mockdesk, "POST", "/faults", json={"error": "internal", "vendor": VENDORS[0].slug})
    for spec in VENDORS[1:]:
        assert listing(mockdesk, spec).status_code == 200
    assert listing(mockdesk, VENDORS[0]).status_code == 500


@pytest.mark.parametrize(
    "body",
    [{"error": "explode"}, {"error": "internal", "times": 0}, {"error": "internal", "vendor": "x"}],
)
def test_bad_fault_bodies_are_400(mockdesk: LiveServer, body: dict) -> None:
    response = admin(mockdesk, "POST", "/faults", json=body)
    assert response.status_code == 400 and response.json()["error"] == "invalid_request"


def test_rate_limit_admin_validates(mockdesk: LiveServer) -> None:
    assert (
        admin(mockdesk, "PUT", "/rate-limits/sendcloud", json={"limit": "lots"}).status_code == 400
    )
    assert admin(mockdesk, "PUT", "/rate-limits/nope", json={"limit": "off"}).status_code == 404
    limits = admin(mockdesk, "PUT", "/rate-limits/sendcloud", json={"limit": "off"}).json()
    assert limits["sendcloud"] == "off"


def test_request_log_records_what_clients_sent(mockdesk: LiveServer) -> None:
    spec = VENDORS[0]
    listing(mockdesk, spec, page=2)
    entries = admin(mockdesk, "GET", "/requests", params={"vendor": spec.slug}).json()["requests"]
    assert [(e["path"], e["query"], e["status"], e["credential"]) for e in entries] == [
        (spec.list_path, {"page": ["2"]}, 200, "mockdesk-key")
    ]
    assert entries[0]["headers"]["Authorization"] == "Basic [redacted]"
    assert admin(mockdesk, "DELETE", "/requests").status_code == 204
    assert admin(mockdesk, "GET", "/requests").json() == {"requests": []}


def test_paths_outside_every_vendor_get_a_plain_404(mockdesk: LiveServer) -> None:
    response = requests.get(f"{mockdesk.url}/definitely/not/a/vendor", timeout=5)
    assert response.status_code == 404


UNAVAILABLE_BODIES = {  # each vendor's 503, as its stack words one (decisions in docs/<vendor>.md)
    "sendcloud": '"title":"Service Unavailable","status":503',
    "29next": '{"detail":"Service temporarily unavailable, try again later."}',
    "ippanel": '"message_code":"503-1"',
    "hostup": '"status":503,"detail":"The service is temporarily unavailable.',
    "teamwork": "Service Unavailable\n",
}


@by_slug
def test_an_injected_503_is_the_vendors_own_503_not_its_500(mockdesk: LiveServer, spec) -> None:
    admin(mockdesk, "POST", "/faults", json={"error": "unavailable", "vendor": spec.slug})
    response = listing(mockdesk, spec)
    assert response.status_code == 503
    assert UNAVAILABLE_BODIES[spec.slug] in response.text
