"""The ``mockdesk`` command: help, listings, and one-line errors with exit code 2."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mockdesk.cli import main
from mockdesk.vendors.registry import VENDORS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mockdesk", *args], capture_output=True, text=True, timeout=60
    )


def test_help_documents_every_serve_flag() -> None:
    text = run("serve", "--help").stdout
    for flag in [
        "--host",
        "--port",
        "--seed",
        "--tickets",
        "--fixtures",
        "--vendor",
        "--rate-limit",
    ]:
        assert flag in text
    assert "MOCKDESK_" in text


def test_vendors_and_credentials(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vendors"]) == 0
    listing = capsys.readouterr().out
    for spec in VENDORS:
        assert spec.slug in listing and spec.list_path in listing
    assert main(["credentials"]) == 0
    assert "mockdesk-token-noscope" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["serve", "--seed", "x"], "invalid int value"),
        (["serve", "--vendor", "zendesk"], "unknown slug 'zendesk'"),
        (["serve", "--rate-limit", "sendcloud"], "must be SLUG=LIMIT"),
        (["serve", "--rate-limit", "sendcloud=lots"], "is not a limit"),
        (["serve", "--fixtures", "/no/such/file.json"], "/no/such/file.json: no such file"),
        (["serve", "--port", "99999"], "port: must be between"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_flags_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_environment_variables_are_read_and_checked() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mockdesk", "serve"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"MOCKDESK_TICKETS": "many", "PATH": ""},
    )
    assert result.returncode == 2 and "tickets: must be a whole number" in result.stderr
