"""The pytest plugin users get: a live server per session, reset per test, crashes re-raised."""

from __future__ import annotations

import pytest

USER_TESTS = """
import pytest, requests

HEADERS = {"Authorization": "Basic bW9ja2Rlc2sta2V5Om1vY2tkZXNrLXNlY3JldA=="}

def test_lists(mockdesk):
    body = requests.get(mockdesk.url + "/api/v3/dsf/tickets", headers=HEADERS).json()
    assert body["total"] == 250

@pytest.mark.mockdesk(rate_limits={"sendcloud": "1/minute"})
def test_marker_sets_a_limit(mockdesk):
    url = mockdesk.url + "/api/v3/dsf/tickets"
    assert requests.get(url, headers=HEADERS).status_code == 200
    assert requests.get(url, headers=HEADERS).status_code == 429

def test_reset_between_tests(mockdesk):
    url = mockdesk.url + "/api/v3/dsf/tickets"
    assert requests.get(url, headers=HEADERS).status_code == 200

def test_server_crash_fails_the_test(mockdesk, monkeypatch):
    monkeypatch.setattr("mockdesk.core.pipeline.json_response", lambda *a, **k: 1 / 0)
    url = mockdesk.url + "/api/v3/dsf/tickets"
    assert requests.get(url, headers=HEADERS).status_code == 500

# last: another seed rebuilds every vendor's data, and once is enough
@pytest.mark.mockdesk(seed=3)
def test_marker_sets_a_seed(mockdesk):
    assert requests.get(mockdesk.url + "/__mockdesk/health").json()["seed"] == 3
"""


def test_plugin_fixtures_and_marker(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TESTS)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=5, errors=1)
    result.stdout.fnmatch_lines(["*ZeroDivisionError*"])
