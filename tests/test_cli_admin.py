"""``mockdesk faults|requests|reset`` against a real ``mockdesk serve``; the start-up summary."""

from __future__ import annotations

import json
import subprocess
import sys

import requests

from tests.conftest import ServerProcess

BASIC = {"Authorization": "Basic bW9ja2Rlc2sta2V5Om1vY2tkZXNrLXNlY3JldA=="}
SENDCLOUD = "/api/v3/dsf/tickets"


def mockdesk(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mockdesk", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_faults_add_list_clear_then_requests_and_reset(served_fresh: ServerProcess) -> None:
    url = ["--url", served_fresh.url]
    added = mockdesk("faults", "add", *url, "--vendor", "sendcloud", "--error", "unavailable",
                     "--times", "2")  # fmt: skip
    assert added.returncode == 0, added.stderr
    rule = json.loads(added.stdout)
    assert (rule["error"], rule["times"], rule["vendor"]) == ("unavailable", 2, "sendcloud")
    listed = json.loads(mockdesk("faults", "list", *url).stdout)
    assert [r["id"] for r in listed] == [rule["id"]]
    statuses = [
        requests.get(served_fresh.url + SENDCLOUD, headers=BASIC, timeout=5).status_code
        for _ in range(3)
    ]
    assert statuses == [503, 503, 200]
    table = mockdesk("requests", *url, "--vendor", "sendcloud", "--table")
    assert table.returncode == 0
    lines = table.stdout.splitlines()
    assert len(lines) == 3 and " 503 GET " in lines[0] and f"fault={rule['id']}" in lines[0]
    assert mockdesk("faults", "clear", *url).returncode == 0
    assert json.loads(mockdesk("faults", "list", *url).stdout) == []
    reset = json.loads(mockdesk("reset", *url, "--seed", "3").stdout)
    assert reset["seed"] == 3
    assert json.loads(mockdesk("requests", *url).stdout) == []


def test_admin_commands_fail_on_one_line(served_fresh: ServerProcess) -> None:
    refused = mockdesk("faults", "add", "--url", served_fresh.url, "--times", "0",
                       "--error", "internal")  # fmt: skip
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "times" in refused.stderr
    unreachable = mockdesk("reset", "--url", "http://127.0.0.1:9")
    assert unreachable.returncode == 2 and unreachable.stderr.startswith("mockdesk: error:")
    assert unreachable.stderr.count("\n") == 1


def test_version() -> None:
    result = mockdesk("--version")
    assert result.returncode == 0 and result.stdout.startswith("mockdesk ")


def test_vendors_lists_every_endpoint() -> None:
    out = mockdesk("vendors").stdout
    for path in ("/desk/api/v2/search/tickets.json", "/api/v2/support/attachments/<",
                 "/oauth2/token", "/api/admin/tickettypes/"):  # fmt: skip
        assert path in out


def test_serve_prints_a_one_screen_summary() -> None:
    command = [sys.executable, "-m", "mockdesk", "serve", "--port", "0", "--tickets", "3"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        lines = [process.stderr.readline() for _ in range(10)]
    finally:
        process.terminate()
        process.wait(timeout=20)
    summary = "".join(lines)
    assert summary.startswith("mockdesk ") and "(seed 0)" in summary
    assert "sendcloud" in summary and "3 tickets" in summary and "/api/v3/dsf/tickets" in summary
    assert "token mockdesk-token" in summary and "/__mockdesk/  (loopback only)" in summary


def test_openapi_prints_a_document_or_one_line_and_2() -> None:
    printed = mockdesk("openapi", "hostup", "--base-url", "http://example.test:9")
    assert printed.returncode == 0
    document = json.loads(printed.stdout)
    assert document["openapi"] == "3.1.0"
    assert document["servers"][0]["url"].startswith("http://example.test:9")
    refused = mockdesk("openapi", "nope")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
