"""The vendor suites against a real ``mockdesk serve`` under gunicorn (server mode).

A child pytest runs ``tests/vendors``, ``tests/properties`` and the Sendcloud client test with
``MOCKDESK_TEST_BASE_URL`` pointing at a gunicorn of its own: every test that talks to the
server under test runs against gunicorn, the rest are skipped there (they ran in-process).
The run starts in the background when collection ends (:mod:`tests.support.server_mode_run`);
this test waits for it and reads its JUnit report.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections import Counter

import pytest

from mockdesk.vendors.registry import VENDORS
from tests.properties.contracts import CONTRACTS
from tests.support.server import server_mode
from tests.support.server_mode_run import ServerModeRun

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(server_mode(), reason="already running in server mode"),
]
VENDOR_FOLDERS = {"29next": "nextcommerce"}  # the package name where it is not the slug


def test_the_vendor_suites_pass_against_gunicorn(server_mode_run: ServerModeRun) -> None:
    outcome = server_mode_run.wait()
    assert outcome.report.exists(), outcome.output[-6000:]
    passed, skipped, failed = Counter[str](), Counter[str](), []
    for case in ElementTree.parse(outcome.report).iter("testcase"):
        folder = case.get("classname", "").split(".")[2]
        outcomes = {child.tag for child in case}
        if outcomes & {"failure", "error"}:
            failed.append(f"{case.get('classname')}::{case.get('name')}")
        (skipped if "skipped" in outcomes else passed)[folder] += 1
    assert not failed, "\n".join(["failed against gunicorn:", *failed, outcome.output[-4000:]])
    assert outcome.returncode == 0, outcome.output[-6000:]
    # every vendor's suite and the cross-vendor properties really ran against gunicorn
    assert set(CONTRACTS) == {spec.slug for spec in VENDORS}
    for slug in CONTRACTS:
        assert passed[VENDOR_FOLDERS.get(slug, slug)] >= 10, (slug, passed)
    assert passed["test_every_vendor"] >= 5 * len(VENDORS), passed
    assert passed["test_sendcloud_client"] >= 1, passed
    assert sum(passed.values()) > sum(skipped.values()), (passed, skipped)
