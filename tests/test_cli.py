"""The ``mockdesk`` command: help, listings, and one line with exit code 2 for every way
``mockdesk serve`` can fail to start (flags, variables, fixture files, storage, the address)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from mockdesk.cli import main
from mockdesk.vendors.registry import VENDORS
from tests.conftest import free_port, start_server

SENDCLOUD_TICKET = {
    "id": 42,
    "status": "pending",
    "stage": "in_progress",
    "type": "damaged",
    "parcel_id": 98765,
    "carrier": "postnl",
    "order_number": "ORD-1",
    "brand_id": 3,
    "created_at": "2026-03-15T10:30:00+00:00",
    "updated_at": "2026-03-18T14:22:00+00:00",
    "requested_actions": [],
    "resolution": None,
}


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m mockdesk ARGS`` with a clean ``MOCKDESK_*`` environment (plus ``env``)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("MOCKDESK_")}
    return subprocess.run(
        [sys.executable, "-m", "mockdesk", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**base, **(env or {})},
    )


def assert_one_line_exit_2(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr[-2000:]
    assert lines[0].startswith("mockdesk: error: ")
    assert message in lines[0], lines[0]
    assert "Traceback" not in result.stderr
    assert len(lines[0]) < 1100


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
        "--connections",
        "--admin-token",
        "--storage-uri",
        "--state",
        "--workers",
        "--epoch",
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
        (["serve", "--seed", "x"], "seed: must be a whole number (got 'x')"),
        (["serve", "--seed", "7.5"], "seed: must be a whole number (got '7.5')"),
        (["serve", "--seed", "9" * 5000], "seed: must be a whole number"),
        (["serve", "--seed", str(2**63)], "seed: must be between 0 and"),
        (["serve", "--tickets", "1e3"], "tickets: must be a whole number"),
        (["serve", "--vendor", "zendesk"], "unknown slug 'zendesk'"),
        (["serve", "--vendor", ","], "vendor: must name at least one value"),
        (["serve", "--rate-limit", "sendcloud"], "must be SLUG=LIMIT"),
        (["serve", "--rate-limit", "sendcloud=lots"], "is not a limit"),
        (["serve", "--rate-limit", "sendcloud=1/second;2/minute"], "must be one limit"),
        (["serve", "--rate-limit", "hostup=1/9000 year"], "window must be at most 1 year"),
        (["serve", "--rate-limit", "hostup=0/minute"], "amount must be between 1 and"),
        (["serve", "--rate-limit", "hostup=" + "9" * 5000 + "/minute"], "is not a limit"),
        (["serve", "--fixtures", "/no/such/file.json"], "/no/such/file.json: no such file"),
        (["serve", "--fixtures", ""], "fixtures: an empty path is not a fixture file"),
        (["serve", "--port", "99999"], "port: must be between"),
        (["serve", "--connections", "0"], "connections: must be between 1 and"),
        (["serve", "--admin-token", "has space"], "admin-token: must be a non-empty bearer"),
        (["serve", "--storage-uri", "memcached://localhost:11211"], "state: must be"),
        (["serve", "--storage-uri", "redis://localhost:99999"], "is not a URL"),
        (["serve", "--storage-uri", "nonsense"], "state: must be memory://"),
        (["serve", "--state", "nonsense"], "state: must be memory://"),
        (["serve", "--workers", "2"], "workers: 2 workers need shared state"),
        (["serve", "--workers", "2", "--state", "memory://"], "workers: 2 workers need shared"),
        (["serve", "--workers", "0"], "workers: must be between 1 and"),
        (["serve", "--epoch", "yesterday"], "epoch: must be now, a date like 2026-06-01"),
        (["serve", "--epoch", "2026-02-30"], "epoch: '2026-02-30' is not a real date"),
        (["serve", "--epoch", "2026-06-01T09:00:00"], "epoch: must be now, a date"),
        (["serve", "--host", ""], "host: must be an address"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_flags_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    assert_one_line_exit_2(run(*args), message)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MOCKDESK_TICKETS": "many"}, "tickets: must be a whole number"),
        ({"MOCKDESK_SEED": "7.5"}, "seed: must be a whole number (got '7.5')"),
        ({"MOCKDESK_PORT": "-1"}, "port: must be between"),
        ({"MOCKDESK_VENDOR": "sendcloud,zendesk"}, "unknown slug 'zendesk'"),
        ({"MOCKDESK_RATE_LIMIT": "sendcloud=1/second;2/minute"}, "must be one limit"),
        ({"MOCKDESK_STORAGE_URI": "mongodb://x"}, "state: must be"),
        ({"MOCKDESK_STATE": "mongodb://x"}, "state: must be"),
        ({"MOCKDESK_WORKERS": "3"}, "workers: 3 workers need shared state"),
        ({"MOCKDESK_EPOCH": "soon"}, "epoch: must be now"),
        ({"MOCKDESK_ADMIN_TOKEN": "tab\there"}, "admin-token: must be"),
        ({"MOCKDESK_CONNECTIONS": "1000000"}, "connections: must be between"),
        ({"MOCKDESK_FIXTURES": os.pathsep}, "fixtures: must name at least one value"),
    ],
)
def test_bad_variables_are_one_line_and_exit_2(env: dict[str, str], message: str) -> None:
    assert_one_line_exit_2(run("serve", "--port", "0", env=env), message)


def test_credentials_with_a_bad_variable_is_one_line_too() -> None:
    assert_one_line_exit_2(run("credentials", env={"MOCKDESK_BASIC": "nocolon"}), "KEY:SECRET")


# --- start-up failures: the address, the storage --------------------------------------------


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def test_a_port_in_use_is_one_line(busy_port: int) -> None:
    result = run("serve", "--port", str(busy_port))
    assert_one_line_exit_2(result, f"port: cannot listen on 127.0.0.1:{busy_port}: Address")


def test_an_address_this_machine_does_not_have_is_one_line() -> None:
    result = run("serve", "--host", "203.0.113.7", "--port", "0")  # TEST-NET-3: never local
    assert_one_line_exit_2(result, "host: cannot listen on 203.0.113.7:0: Cannot assign")


def test_the_debug_server_checks_the_address_too(busy_port: int) -> None:
    result = run("serve", "--debug", "--port", str(busy_port))
    assert_one_line_exit_2(result, "port: cannot listen on")


def test_a_redis_uri_without_the_redis_package_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "redis"
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ImportError('blocked by the test')\n")
    result = run(
        "serve",
        "--port",
        "0",
        "--storage-uri",
        "redis://127.0.0.1:6379",
        env={"PYTHONPATH": str(tmp_path)},
    )
    assert_one_line_exit_2(result, "needs the redis package (pip install redis)")


def test_serving_without_gevent_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "gevent"
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ImportError('blocked by the test')\n")
    result = run("serve", "--port", "0", env={"PYTHONPATH": str(tmp_path)})
    assert_one_line_exit_2(result, "serving needs the gevent package (pip install gevent)")


def test_an_unreachable_redis_is_one_line_that_hides_the_password() -> None:
    pytest.importorskip("redis")
    port = free_port()  # nothing listens there
    result = run("serve", "--port", "0", "--storage-uri", f"redis://:s3cret@127.0.0.1:{port}/0")
    assert_one_line_exit_2(result, f"state: cannot use redis://:***@127.0.0.1:{port}/0")
    assert "s3cret" not in result.stderr


# --- fixture files ---------------------------------------------------------------------------


def fixture(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def sendcloud_file(tmp_path: Path, name: str, **changes: object) -> Path:
    ticket = {**SENDCLOUD_TICKET, **changes}
    return fixture(tmp_path, name, json.dumps({"vendor": "sendcloud", "tickets": [ticket]}))


BAD_FIXTURES = {
    "nested 2,000 deep": ('{"vendor": "sendcloud", "tickets": ' + "[" * 2000 + "]" * 2000 + "}",
                          "nested deeper than"),
    "nested 500 deep": ('{"vendor": "sendcloud", "tickets": [{"id": ' + "[" * 500 + "]" * 500
                        + "}]}", "nested deeper than 32 levels"),
    "5,000-digit integer": ('{"vendor": "sendcloud", "tickets": [{"id": ' + "9" * 5000 + "}]}",
                            "invalid JSON: Exceeds the limit"),
    "4,000-digit integer": ('{"vendor": "sendcloud", "tickets": [{"id": ' + "9" * 4000 + "}]}",
                            "tickets[0].id: must fit in 64 bits"),
    "vendor is a list": ('{"vendor": ["sendcloud"], "tickets": []}',
                         "vendor: must be one of"),
    "vendor is an object": ('{"vendor": {"a": 1}, "tickets": []}', "vendor: must be one of"),
    "document is a list": ("[]", "must be an object with vendor and tickets"),
    "NaN": ('{"vendor": "sendcloud", "tickets": [{"id": NaN}]}', "NaN is not a JSON number"),
    "lone surrogate": ('{"vendor": "sendcloud", "tickets": [{"carrier": "a\\udc80b"}]}',
                       "tickets[0].carrier: contains a lone surrogate (\\udc80)"),
    "lone surrogate in a key": ('{"vendor": "sendcloud", "tickets": [{"\\ud800": 1}]}',
                                "contains a lone surrogate (\\ud800)"),
    "not UTF-8": ('{"vendor": "sendcloud", "tickets": [{"carrier": "\udcff"}]}', "not UTF-8"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD_FIXTURES))
def test_bad_fixture_files_are_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    text, message = BAD_FIXTURES[case]
    path = tmp_path / "bad.json"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    assert_one_line_exit_2(run("serve", "--port", "0", "--fixtures", str(path)), message)


@pytest.mark.parametrize(
    ("created_at", "message"),
    [
        ("9999-12-31T23:59:59-05:00", "must be between 1970-01-01 and 9000-01-01"),
        ("9999-12-31T23:59:59+00:00", "must be between 1970-01-01 and 9000-01-01"),
        ("0001-01-01T00:00:00+00:00", "must be between 1970-01-01 and 9000-01-01"),
    ],
)
def test_fixture_dates_the_vendor_cannot_render_are_refused(
    tmp_path: Path, created_at: str, message: str
) -> None:
    path = sendcloud_file(tmp_path, "far.json", created_at=created_at)
    result = run("serve", "--port", "0", "--fixtures", str(path))
    assert_one_line_exit_2(result, f"tickets[0].created_at: {message}")


def test_a_ticket_pinned_in_two_files_is_refused_naming_both(tmp_path: Path) -> None:
    first = sendcloud_file(tmp_path, "a.json")
    second = sendcloud_file(tmp_path, "b.json", carrier="dpd")
    result = run("serve", "--port", "0", "--fixtures", str(tmp_path))
    assert_one_line_exit_2(result, f"{second}: tickets[0]: id 42 is already pinned by {first}")


def test_an_unforeseen_start_up_failure_is_still_one_line(tmp_path: Path) -> None:
    """A fixture directory that cannot be listed raises an OSError nobody words: one line."""
    hook = tmp_path / "sitecustomize.py"
    hook.write_text(
        "import mockdesk.core.state as s\n"
        "def boom(*a, **k):\n    raise RuntimeError('disk on fire\\nsecond line')\n"
        "s.read_fixture_files = boom\n"
    )
    result = run("serve", "--port", "0", env={"PYTHONPATH": str(tmp_path)})
    assert_one_line_exit_2(result, "could not start: RuntimeError: disk on fire second line")


# --- what is accepted ------------------------------------------------------------------------


def test_vendor_takes_a_comma_list_like_the_variable() -> None:
    server = start_server("--vendor", "sendcloud,hostup", "--vendor", "teamwork")
    try:
        health = requests.get(f"{server.url}/__mockdesk/health", timeout=5).json()
        assert sorted(health["vendors"]) == ["hostup", "sendcloud", "teamwork"]
    finally:
        server.stop()


def test_settings_refuse_values_of_the_wrong_type() -> None:
    from mockdesk.settings import Settings, SettingsError

    for bad in [{"seed": 7.5}, {"seed": True}, {"tickets": "5"}, {"port": 80.0}]:
        with pytest.raises(SettingsError, match="must be a whole number"):
            Settings(**bad)  # type: ignore[arg-type]
    assert Settings(admin_token="s3cret-Token_1.x").admin_token == "s3cret-Token_1.x"
    env = Settings.from_env({"MOCKDESK_ADMIN_TOKEN": "abc", "MOCKDESK_VENDOR": "sendcloud,hostup"})
    assert env.admin_token == "abc" and env.vendors == ("sendcloud", "hostup")


def test_port_zero_serves_on_the_port_the_system_chose() -> None:
    """The socket is bound before gunicorn starts; gunicorn's log names the real port."""
    process = subprocess.Popen(
        [sys.executable, "-m", "mockdesk", "serve", "--port", "0", "--tickets", "5"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        for line in process.stderr:
            if "Listening at: http://127.0.0.1:" in line:
                port = int(line.rsplit(":", 1)[1].split()[0])
                break
        assert port != 0
        assert requests.get(f"http://127.0.0.1:{port}/__mockdesk/health", timeout=5).ok
    finally:
        process.terminate()
        process.wait(timeout=15)
