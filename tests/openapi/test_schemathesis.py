"""Schemathesis against each vendor's served document, on a live server (issue 14, items 4, 5).

1. Rate limits off, default credentials, every check (``--checks all``): zero failures, every
   operation tested, and every documented parameter sent at least once.
2. Default rate limits: the vendors answer 429 quickly (Sendcloud after 30 a minute, 29next
   after 4 a second…); every check still passes, so each 429 is documented with the headers
   the document promises (``Retry-After`` where the vendor sends it, its rate-limit headers).
3. Sendcloud's own published document (the seed), with the value schemathesis once found a
   400 for (``page=2135509566068022050816``) as an explicit example: zero failures.

Examples per operation are tuned so the whole file stays within about two minutes on two cores;
the counts and durations are printed at the end of the run (and in the module's report).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests
import yaml

from mockdesk.core.vendor import VendorSpec
from mockdesk.vendors.registry import VENDORS
from mockdesk.vendors.sendcloud.openapi import SEED
from tests.openapi.conftest import RESULTS
from tests.openapi.schemathesis_run import parameters, run
from tests.support.processes import ServerProcess

pytestmark = pytest.mark.slow

AUTHORIZATION = {
    "sendcloud": "Basic bW9ja2Rlc2sta2V5Om1vY2tkZXNrLXNlY3JldA==",
    "29next": "Bearer mockdesk-token",
    "ippanel": "mockdesk-token",
    "hostup": "Bearer mockdesk-token",
    "teamwork": "Bearer mockdesk-token",
}
# (max examples per operation, phases): Teamwork's 26 operations and their dozens of
# parameters make the coverage phase enumerate ~12 000 cases, so it fuzzes instead, with more
# examples; the others run every phase.
PLAN = {
    "sendcloud": (25, "examples,coverage,fuzzing,stateful"),
    "29next": (25, "examples,coverage,fuzzing,stateful"),
    "ippanel": (40, "examples,coverage,fuzzing,stateful"),
    "hostup": (25, "examples,coverage,fuzzing,stateful"),
    "teamwork": (12, "examples,fuzzing,stateful"),
}
HUGE = 2135509566068022050816  # the page schemathesis found answered 400 (issue 14, item 5)


def _document(server: ServerProcess, slug: str) -> Any:
    response = requests.get(f"{server.url}/__mockdesk/openapi/{slug}.json", timeout=30)
    response.raise_for_status()
    return response.json()


def _failures(outcome: Any) -> str:
    """The failures section of schemathesis' output (each with a curl to reproduce it)."""
    start = outcome.output.find("FAILURES")
    return outcome.output[start if start >= 0 else 0 :][:8000]


@pytest.mark.parametrize("spec", VENDORS, ids=[spec.slug for spec in VENDORS])
def test_every_check_passes_with_rate_limits_off(
    spec: VendorSpec, unlimited_server: ServerProcess, tmp_path: Path
) -> None:
    examples, phases = PLAN[spec.slug]
    outcome = run(
        f"{unlimited_server.url}/__mockdesk/openapi/{spec.slug}.json",
        AUTHORIZATION[spec.slug],
        unlimited_server.url,
        tmp_path,
        max_examples=examples,
        phases=phases,
    )
    RESULTS.append(f"{spec.slug}, limits off, {phases}, -n {examples}: {outcome.summary()}")
    assert outcome.exit_code == 0, _failures(outcome)
    assert outcome.report["failures"] == [] and outcome.report["errors"] == []
    documented = parameters(_document(unlimited_server, spec.slug))
    assert outcome.report["operations"]["tested"] == len(documented)
    unsent = {
        operation: sorted(names - outcome.sent.get(operation, set()))
        for operation, names in documented.items()
        if names - outcome.sent.get(operation, set())
    }
    assert unsent == {}, "parameters no request exercised"


@pytest.mark.parametrize("spec", VENDORS, ids=[spec.slug for spec in VENDORS])
def test_429s_are_documented_and_carry_the_documented_headers(
    spec: VendorSpec, limited_server: ServerProcess, tmp_path: Path
) -> None:
    requests.delete(f"{limited_server.url}/__mockdesk/requests", timeout=10).raise_for_status()
    _use_up_the_window(limited_server, spec)
    outcome = run(
        f"{limited_server.url}/__mockdesk/openapi/{spec.slug}.json",
        AUTHORIZATION[spec.slug],
        limited_server.url,
        tmp_path,
        max_examples=8,
        phases="examples,fuzzing",
    )
    refused = _refusals(limited_server, spec)
    RESULTS.append(
        f"{spec.slug}, default limits, examples+fuzzing, -n 8: {outcome.summary()}, "
        f"{refused} answered 429"
    )
    assert outcome.exit_code == 0, _failures(outcome)
    assert refused > 0, "the run never met the rate limit, so it proved nothing about 429s"


def _use_up_the_window(server: ServerProcess, spec: VendorSpec) -> None:
    """Spend the credential's whole window on list requests, so the run meets 429s however few
    requests it sends (the per-second and per-120 windows refill during the run, so those
    runs see both)."""
    limits = requests.get(f"{server.url}/__mockdesk/rate-limits", timeout=10).json()
    allowed = int(str(_limit_of(limits, spec.slug)).split("/")[0].split(" ")[0])
    path = spec.list_path
    headers = {**spec.demo_headers, "Authorization": AUTHORIZATION[spec.slug]}
    with requests.Session() as session:
        for _ in range(allowed + 1):
            session.get(f"{server.url}{path}", headers=headers, timeout=10)


def _limit_of(limits: Any, slug: str) -> Any:
    """The vendor's limit from ``GET /__mockdesk/rate-limits`` (``30/minute`` or ``{limit…}``)."""
    found = limits.get("limits", limits).get(slug)
    return found.get("limit", found) if isinstance(found, dict) else found


def _refusals(server: ServerProcess, spec: VendorSpec) -> int:
    """How many 429s the journal (its latest entries) holds for ``spec``."""
    response = requests.get(
        f"{server.url}/__mockdesk/requests",
        params={"vendor": spec.slug, "status": "429"},
        timeout=10,
    )
    response.raise_for_status()
    return len(response.json()["requests"])


def test_sendcloud_passes_its_own_published_document(
    unlimited_server: ServerProcess, tmp_path: Path
) -> None:
    """The seed as published, plus the found value as an example so every run sends it."""
    seed = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    for parameter in seed["paths"]["/dsf/tickets"]["get"]["parameters"]:
        if parameter["name"] in ("page", "parcel_id"):
            parameter["schema"]["examples"] = [HUGE]
    location = tmp_path / "sendcloud-seed.yaml"
    location.write_text(yaml.safe_dump(seed), encoding="utf-8")
    outcome = run(
        str(location),
        AUTHORIZATION["sendcloud"],
        unlimited_server.url,
        tmp_path,
        max_examples=50,
        base_url=f"{unlimited_server.url}/api/v3",
    )
    RESULTS.append(f"sendcloud's own document (seed 000), -n 50: {outcome.summary()}")
    assert outcome.exit_code == 0, _failures(outcome)
    assert "query:page" in outcome.sent.get("GET /dsf/tickets", set())
    page = requests.get(
        f"{unlimited_server.url}/api/v3/dsf/tickets",
        params={"page": str(HUGE)},
        headers={"Authorization": AUTHORIZATION["sendcloud"]},
        timeout=10,
    )
    assert page.status_code == 200 and page.json()["items"] == []
