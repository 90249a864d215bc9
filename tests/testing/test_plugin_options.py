"""The pytest plugin as users run it: marker options, MOCKDESK_URL, xdist workers as tenants."""

from __future__ import annotations

import pytest

from tests.conftest import ServerProcess

# Each test pushes its own worker's state hard (a fault, a limit, a runtime ticket) and checks
# it saw only its own: run on two xdist workers against one server, any leak between tenants
# fails one of them.
ISOLATION_TESTS = """
import pytest, requests

SENDCLOUD = "/api/v3/dsf/tickets"
BASIC = {"Authorization": "Basic bW9ja2Rlc2sta2V5Om1vY2tkZXNrLXNlY3JldA=="}

def get(mockdesk, **params):
    headers = {**BASIC, **mockdesk.vendor_headers()}
    return requests.get(mockdesk.url + SENDCLOUD, headers=headers, params=params, timeout=5)

@pytest.mark.parametrize("round", range(12))
def test_a_fault_stays_in_its_tenant(mockdesk, round):
    assert mockdesk.tenant and mockdesk.tenant.startswith("gw")
    mockdesk.fault(vendor="sendcloud", error="unavailable", times=2)
    assert [get(mockdesk).status_code for _ in range(3)] == [503, 503, 200]
    mockdesk.assert_requested(vendor="sendcloud", path=SENDCLOUD, times=3)

@pytest.mark.parametrize("round", range(12))
def test_a_limit_stays_in_its_tenant(mockdesk, round):
    mockdesk.set_rate_limit("sendcloud", "3/minute")
    assert [get(mockdesk).status_code for _ in range(4)] == [200, 200, 200, 429]
    mockdesk.clock.advance(61)
    assert get(mockdesk).status_code == 200
"""


@pytest.mark.slow
def test_xdist_workers_share_one_server_without_interference(
    pytester: pytest.Pytester, served: ServerProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOCKDESK_URL", served.url)
    pytester.makepyfile(test_isolation=ISOLATION_TESTS)
    result = pytester.runpytest_subprocess("-n", "2", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=24)


MARKER_TESTS = """
import pytest, requests

BASIC = {"Authorization": "Basic bW9ja2Rlc2sta2V5Om1vY2tkZXNrLXNlY3JldA=="}

@pytest.mark.mockdesk(faults=[{"vendor": "sendcloud", "error": "rate_limited"}], tickets=7)
def test_faults_and_tickets_from_the_marker(mockdesk):
    url = mockdesk.url + "/api/v3/dsf/tickets"
    assert requests.get(url, headers=BASIC).status_code == 429
    assert requests.get(url, headers=BASIC).json()["total"] == 7

def test_the_session_server_is_back_afterwards(mockdesk):
    body = requests.get(mockdesk.url + "/api/v3/dsf/tickets", headers=BASIC).json()
    assert body["total"] == 250

@pytest.mark.mockdesk(seeds=3)
def test_an_unknown_option_is_named(mockdesk):
    pass
"""


def test_marker_options_and_unknown_ones(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_marker=MARKER_TESTS)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*unknown option(s) seeds; known: faults, fixtures, rate_limits*"])
