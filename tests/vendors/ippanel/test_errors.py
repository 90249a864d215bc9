"""Auth, rate-limit, not-found and routing errors in IPPanel's Laravel ``meta`` envelope."""

from __future__ import annotations

import time

import pytest

from mockdesk.core.auth import ALL_SCOPES, Principal
from tests.support.server import ServerUnderTest
from tests.support.vendor_client import NOSCOPE_TOKEN, VendorClient
from tests.vendors.ippanel.conftest import GOLDENS, LIST, SHOW

ALL = frozenset({ALL_SCOPES})


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": ""},
        {"Authorization": "wrong-token"},
        {"Authorization": "Bearer mockdesk-token"},
        {"Authorization": "bearer mockdesk-token"},
        {"Authorization": "Basic bW9ja2Rlc2sta2V5Om1vY2tkZXNrLXNlY3JldA=="},
    ],
    ids=["missing", "empty", "wrong", "bearer", "bearer-lower", "basic"],
)
@pytest.mark.parametrize("path", [LIST, f"{SHOW}?ticket_id=1"])
def test_401_is_the_seed_body_byte_for_byte(ippanel, headers, path):
    response = ippanel.get(path, headers=headers)
    GOLDENS.assert_body(response, "401.json", 401)
    assert "X-RateLimit-Limit" not in response.headers


def test_a_token_that_is_not_a_resellers_is_forbidden(ippanel):
    response = ippanel.get(LIST, headers=ippanel.headers_with_token(NOSCOPE_TOKEN))
    assert response.status_code == 403
    meta = response.json()["meta"]
    assert response.json()["data"] is None
    assert (meta["status"], meta["message_code"], meta["errors"]) == (False, "403-1", {})


def test_show_without_ticket_id_is_the_documented_422(ippanel):
    for path in (SHOW, f"{SHOW}?ticket_id=", f"{SHOW}?other=1"):
        GOLDENS.assert_body(ippanel.get(path), "422_show_missing.json", 422)


def test_show_of_an_unknown_ticket_is_404(ippanel):
    response = ippanel.get(f"{SHOW}?ticket_id=7")
    assert response.status_code == 404
    assert response.json()["meta"]["message_code"] == "404-1"


def test_unknown_path_and_wrong_method_use_the_envelope(ippanel):
    missing = ippanel.get("/v1/api/nothing")
    assert missing.status_code == 404 and missing.json()["data"] is None
    wrong = ippanel.request("DELETE", LIST)
    assert wrong.status_code == 405
    assert "GET" in wrong.headers["Allow"]
    assert wrong.json()["meta"]["message_code"] == "405-1"


def test_every_admitted_response_counts_down_the_default_60(ippanel):
    seen = [ippanel.get(path).headers for path in (LIST, f"{LIST}?page=0", f"{SHOW}?ticket_id=7")]
    assert [h["X-RateLimit-Limit"] for h in seen] == ["60"] * 3
    assert [h["X-RateLimit-Remaining"] for h in seen] == ["59", "58", "57"]
    assert all("Retry-After" not in h for h in seen)


@pytest.mark.mockdesk(rate_limits={"ippanel": "3/minute"})
def test_429_in_the_envelope_with_retry_after(ippanel):
    for _ in range(3):
        assert ippanel.list().status_code == 200
    response = ippanel.list()
    assert response.status_code == 429
    assert response.json() == {
        "data": None,
        "meta": {
            "status": False,
            "message": "تعداد تلاش ها بیش از حد مجاز است",
            "message_parameters": [],
            "message_code": "429-1",
            "errors": {},
        },
    }
    headers = response.headers
    assert (headers["X-RateLimit-Limit"], headers["X-RateLimit-Remaining"]) == ("3", "0")
    assert 1 <= int(headers["Retry-After"]) <= 60
    assert 0 < int(headers["X-RateLimit-Reset"]) - time.time() <= 61


@pytest.mark.mockdesk(rate_limits={"ippanel": "2/minute"})
def test_the_limit_is_per_token(server: ServerUnderTest, ippanel: VendorClient) -> None:
    for _ in range(2):
        ippanel.list()
    assert ippanel.list().status_code == 429
    token = server.in_process().state.credentials.issue(
        Principal("other-reseller", ALL), 3600, ["*"]
    )
    other = ippanel.get(LIST, headers={"Authorization": token})
    assert other.status_code == 200
    assert other.headers["X-RateLimit-Remaining"] == "1"
